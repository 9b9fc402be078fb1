// The page: loads the wasm core, builds the filters from the data, and on every change asks Rust
// for the statistics and both charts. Errors, from the wasm or the data, land in the error box.
import init, { Explorer } from './pkg/cyber_spectrum.js';
import { buildControls, closeDropdownsOnOutsideClick } from './controls.js';
import { renderStats, describe } from './stats-view.js';
import { chartKeeper } from './charts.js';

const $ = (id) => document.getElementById(id);
const errorBox = $('error');

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function clearError() {
  errorBox.hidden = true;
  errorBox.textContent = '';
}

function datasetLine(facets, origin) {
  const what = facets.source === 'bundled' ? `Bundled dataset, version ${facets.version}` : `Your data (${origin}, read as ${facets.source})`;
  const warn = facets.warnings.length ? `; ${facets.warnings.length} warning${facets.warnings.length === 1 ? '' : 's'}: ${facets.warnings.slice(0, 3).map((w) => `row ${w.row}, ${w.column}: ${w.message}`).join('; ')}` : '';
  return `${what}: ${facets.total} incidents, ${facets.firstYear} to ${facets.lastYear}${warn}.`;
}

async function loadInitial() {
  const params = new URLSearchParams(location.search);
  const url = params.get('data');
  if (!url) return [Explorer.bundled(), 'bundled'];
  let res;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(`could not fetch ${url}: ${e.message}`);
  }
  if (!res.ok) throw new Error(`could not fetch ${url}: HTTP ${res.status} ${res.statusText}`);
  return [Explorer.fromBytes(new Uint8Array(await res.arrayBuffer()), params.get('format') || 'auto'), url];
}

async function main() {
  try {
    await init();
  } catch (e) {
    showError(`The explorer could not start: its WebAssembly module failed to load (${e.message}).`);
    $('dataset').textContent = '';
    return;
  }
  let explorer;
  let origin;
  try {
    [explorer, origin] = await loadInitial();
  } catch (e) {
    showError(`The data could not be loaded: ${e.message}`);
    $('dataset').textContent = '';
    return;
  }

  const form = $('filters');
  const canvases = { spectrum: $('spectrum'), timeline: $('timeline') };
  let facets;
  let readFilter;
  let filter = {};
  let stats;

  const draw = (view, canvas) => {
    try {
      explorer.draw(canvas, view, filter);
      canvas.setAttribute('aria-label', describe(stats, view === 'spectrum' ? 'Escalation spectrum' : 'Escalation timeline'));
    } catch (e) {
      showError(`The ${view} chart could not be drawn: ${e.message}`);
    }
  };
  const keeper = chartKeeper(canvases, draw);

  const update = () => {
    try {
      filter = readFilter();
      stats = explorer.stats(filter);
      clearError();
    } catch (e) {
      showError(`These filters could not be applied: ${e.message}`);
      return;
    }
    renderStats($('stats'), stats, facets.levels);
    keeper.redrawAll();
  };

  const adopt = (next, nextOrigin) => {
    if (explorer && explorer !== next) explorer.free();
    explorer = next;
    origin = nextOrigin;
    facets = explorer.facets();
    readFilter = buildControls(form, facets);
    $('dataset').textContent = datasetLine(facets, origin);
    update();
  };

  form.addEventListener('input', update);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('reset', () => setTimeout(update, 0));
  closeDropdownsOnOutsideClick(document);

  $('file').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    try {
      const next = Explorer.fromBytes(new Uint8Array(await file.arrayBuffer()), 'auto');
      adopt(next, file.name);
    } catch (err) {
      showError(`${file.name} could not be loaded, so the current data stays: ${err.message}`);
    }
  });

  await document.fonts.ready;
  $('app').hidden = false;
  adopt(explorer, origin);
}

main();
