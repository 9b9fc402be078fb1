// Reading a file or URL needs the load panel's code (and the loader and its worker), fetched the
// first time a reader uses it.
const loadUi = () => import('./load-ui.js');

// The page: loads the wasm core, builds the filters from the data, and on every change asks Rust
// for the statistics and both charts. Errors, from the wasm or the data, land in the error box.
import init, { Explorer, filterToParams, filterParamNames } from './pkg/cyber_spectrum.js';
import { filterForm, buildControls, closeDropdownsOnOutsideClick } from './controls.js';
import { renderStats, describe, chartNote } from './stats-view.js';
import { shareButtons, shareTexts, pinnedVersion, toQuery, fromQuery } from './share.js';
import { chartKeeper, chartUi } from './charts.js';

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
  const scale = facets.scale.key === 'ladder' ? '' : `; severity is ${facets.scale.name}`;
  return `${what}: ${facets.total} incidents, ${facets.firstYear} to ${facets.lastYear}${scale}.`;
}


async function main() {
  let wasm;
  try {
    wasm = await init();
  } catch (e) {
    showError(`The explorer could not start: its WebAssembly module failed to load (${e.message}).`);
    $('dataset').textContent = '';
    return;
  }
  const query = new URLSearchParams(location.search);
  let explorer;
  let origin;
  try {
    [explorer, origin] = query.get('data')
      ? await (await loadUi()).loadInitial(query.get('data'), query.get('format') || 'auto', Explorer)
      : [Explorer.bundled(), 'bundled'];
  } catch (e) {
    showError(`The data could not be loaded: ${e.message}`);
    $('dataset').textContent = '';
    return;
  }

  // The filter form (as in every embed), folded on a phone so the charts stay in view.
  if (matchMedia('(max-width: 600px)').matches) $('filters-panel').open = false;
  const form = filterForm(undefined, { reset: true });
  form.id = 'filters';
  $('filters-slot').replaceWith(form);
  const canvases = { spectrum: $('spectrum'), timeline: $('timeline') };
  let facets;
  let controls;
  let filter = {};
  let stats;
  // The view named in a shared link: the page shows both charts, and passes it on to embed code.
  let linkView = 'spectrum';
  let localFile = null;

  // The incident whose card is open (kept in the link as `incident=ID`).
  let incident = null;
  const uis = {};
  const draw = (view, canvas) => {
    try {
      const drawn = explorer.draw(canvas, view, filter);
      uis[view].drawn(drawn);
      // The caption says which scale the marks are on (thresholds exist only on the ladder), and
      // when the chart draws counts instead of marks.
      $(`${view}-note`).textContent = chartNote(view, facets.scale, drawn.aggregated);
      canvas.setAttribute('aria-label', describe(stats, view === 'spectrum' ? 'Escalation spectrum' : 'Escalation timeline', drawn.aggregated));
    } catch (e) {
      showError(`The ${view} chart could not be drawn: ${e.message}`);
    }
  };
  const keeper = chartKeeper(canvases, draw);

  // The current view lives in the URL's hash (same names as <cyber-spectrum> attributes), so a
  // copied address reproduces it; ?data=URL stays in the query.
  const params = () => [['view', linkView], ...filterToParams(filter), ...(incident ? [['incident', incident]] : [])];
  // Data read from a URL (?data= or the URL form) can go into embed code; a local file cannot.
  const dataUrl = () => (origin === 'bundled' || origin === localFile ? null : new URL(origin, location.href).href);
  const writeHash = () => {
    const hash = toQuery(params().filter(([k, v]) => k !== 'view' || v !== 'spectrum'));
    history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
  };

  // Each update leaves a performance mark with its duration and the wasm memory (for make bench).
  const update = () => {
    const begun = performance.now();
    try {
      filter = controls.read({});
      stats = explorer.stats(filter);
      clearError();
    } catch (e) {
      showError(`These filters could not be applied: ${e.message}`);
      return;
    }
    renderStats($('stats'), stats, facets.levels);
    writeHash();
    keeper.redrawAll();
    performance.clearMarks('cs:stats');
    performance.mark('cs:stats', { detail: { ms: performance.now() - begun, memory: wasm.memory.buffer.byteLength, total: stats.total } });
  };

  /** Applies the filters a link's hash names; a bad one is reported and the rest of the page works. */
  const applyHash = (hash = location.hash) => {
    const { view, incident: linked, ...rest } = fromQuery(hash);
    if (linked && linked !== incident) {
      uis.spectrum.open(linked).then((found) => {
        if (!found) showError(`This link's incident “${linked}” is not in the data shown.`);
      });
    }
    linkView = view === 'timeline' ? 'timeline' : 'spectrum';
    const unknown = Object.keys(rest).filter((k) => !filterParamNames().includes(k));
    try {
      if (unknown.length) throw new Error(`unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `“${k}”`).join(', ')} (known: view, incident, ${filterParamNames().join(', ')})`);
      controls.write(explorer.filterFromParams(rest));
    } catch (e) {
      controls.write({});
      update();
      showError(`This link's filters could not be applied, so all incidents are shown: ${e.message}`);
      return;
    }
    update();
  };

  const adopt = (next, nextOrigin, local = false) => {
    if (explorer && explorer !== next) explorer.free();
    explorer = next;
    origin = nextOrigin;
    localFile = local ? nextOrigin : null;
    facets = explorer.facets();
    controls = buildControls(form, facets);
    $('dataset').textContent = datasetLine(facets, origin);
    update();
  };

  // What reproduces this page: view, data, filters (and the open card).
  const shareParams = () => {
    const data = dataUrl() ? [['src', dataUrl()]] : [];
    const pin = pinnedVersion(facets) ? [['dataset-version', pinnedVersion(facets)]] : [];
    const [view, ...rest] = params();
    return [view, ...data, ...pin, ...rest];
  };
  $('share-slot').replaceWith(shareButtons(shareParams));
  for (const view of Object.keys(canvases)) {
    uis[view] = chartUi(canvases[view].closest('figure'), canvases[view], {
      explorer: () => explorer,
      filter: () => filter,
      filterParams: () => filterToParams(filter),
      view: () => view,
      facets: () => facets,
      link: (extra) => shareTexts([...shareParams().filter(([k]) => k !== 'incident'), ...extra]).link,
      onIncident: (id) => { incident = id; writeHash(); },
      error: showError,
    });
  }
  addEventListener('hashchange', () => applyHash());

  form.addEventListener('input', update);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('reset', () => setTimeout(update, 0));
  closeDropdownsOnOutsideClick(document);

  // Loading a dataset (load-ui.js, fetched when the reader first opens the panel or drops a file).
  let loader;
  const loading = () => (loader ??= loadUi().then((m) => m.attach({ Explorer, adopt, showError, clearError })));
  $('load-panel').addEventListener('toggle', loading);
  $('file').addEventListener('change', (e) => {
    const file = e.target.files[0];
    if (file) loading().then((l) => l.fromFile(file));
    e.target.value = '';
  });
  $('url-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(e.target);
    loading().then((l) => l.fromUrl(String(data.get('url')).trim(), String(data.get('format'))));
  });

  // Drag and drop anywhere on the page.
  let depth = 0;
  const files = (e) => e.dataTransfer?.types.includes('Files');
  document.addEventListener('dragenter', (e) => { if (files(e)) { depth += 1; document.body.classList.add('dragging'); loading(); } });
  document.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (!depth) document.body.classList.remove('dragging'); });
  document.addEventListener('dragover', (e) => { if (files(e)) e.preventDefault(); });
  document.addEventListener('drop', (e) => {
    depth = 0;
    document.body.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    $('load-panel').open = true;
    loading().then((l) => l.fromFile(file));
  });

  await document.fonts.ready;
  $('app').hidden = false;
  const linked = location.hash; // adopt() writes the (empty) filter into the hash
  adopt(explorer, origin);
  if (linked.length > 1) applyHash(linked);
  // Data given by ?data=URL gets the same summary as a file the reader loads, warnings included.
  if (origin !== 'bundled') {
    (await loadUi()).showLinked(facets, origin);
  }
}

main();
