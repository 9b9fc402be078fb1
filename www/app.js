// Reading a file or URL needs the loader (and its worker), fetched the first time it is used.
const loader = () => import('./loader.js');

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

const MB = (n) => `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)} MB`;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Which column most likely holds each mapping field, guessed from the column names. */
const GUESSES = [
  ['start', /^(start|date|start.?date|when|began|first.?seen|incident.?date)$/i],
  ['initiator', /(initiator|attacker|sponsor|perpetrator|actor.?country|origin)/i],
  ['targets', /(target|victim|receiver)/i],
  ['name', /^(name|title|headline|incident|operation)$/i],
  ['id', /^(id|ref|reference|key)$/i],
  ['end', /^(end|end.?date|until)$/i],
  ['severity', /(severity|score|intensity|level)/i],
  ['method', /^(method|technique|vector)$/i],
  ['description', /(description|summary|details)/i],
  ['sources', /(source|url|link)/i],
];
const FIELD_LABELS = {
  start: 'Start date', initiator: 'Initiator state', targets: 'Target state(s)', name: 'Name', id: 'Id',
  end: 'End date', severity: 'Severity (0-10)', method: 'Method', objective: 'Objective', targetType: 'Target type',
  description: 'Description', sources: 'Source URLs', attributedBy: 'Attributed by', attributionDate: 'Attribution date',
  rationale: 'Coding rationale',
};

/** The chart captions say which scale the marks are on: thresholds exist only on the ladder. */
function describeScale(scale) {
  $('spectrum-note').textContent = chartNote('spectrum', scale);
  $('timeline-note').textContent = chartNote('timeline', scale);
}

async function loadInitial(progress) {
  const params = new URLSearchParams(location.search);
  const url = params.get('data');
  if (!url) return [Explorer.bundled(), 'bundled'];
  progress.start(url);
  const { fetchBytes, importBytes } = await loader();
  const bytes = await fetchBytes(url, { onProgress: progress.download(url) });
  progress.parsing(url, bytes.length);
  const imported = await importBytes(bytes, { format: params.get('format') || 'auto' });
  return [Explorer.fromImport(imported), url];
}

function progressView() {
  const box = $('progress');
  const bar = $('progress-bar');
  const text = $('progress-text');
  return {
    start: (what) => {
      box.hidden = false;
      bar.removeAttribute('value');
      text.textContent = `Loading ${what}…`;
    },
    download: (what) => (received, total) => {
      box.hidden = false;
      if (total) { bar.max = total; bar.value = received; } else bar.removeAttribute('value');
      text.textContent = `Downloading ${what}: ${MB(received)}${total ? ` of ${MB(total)}` : ''}`;
    },
    parsing: (what, size) => {
      box.hidden = false;
      bar.removeAttribute('value');
      text.textContent = `Reading ${what} (${MB(size)})…`;
    },
    done: () => { box.hidden = true; },
  };
}

function showSummary(text, warnings) {
  $('summary').hidden = false;
  $('summary-text').textContent = text;
  const box = $('warnings');
  box.hidden = warnings.length === 0;
  box.open = false;
  $('warnings-summary').textContent = `Show the ${plural(warnings.length, 'warning')}`;
  const list = $('warnings-list');
  const shown = warnings.slice(0, 1000).map((w) => {
    const li = document.createElement('li');
    const where = w.row === 0 ? 'Header' : `Row ${w.row}`;
    li.textContent = `${where}, column “${w.column}”: ${w.message}`;
    return li;
  });
  if (warnings.length > shown.length) {
    const li = document.createElement('li');
    li.textContent = `… and ${warnings.length - shown.length} more (explorer.warnings() lists them all)`;
    shown.push(li);
  }
  list.replaceChildren(...shown);
}

async function main() {
  try {
    await init();
  } catch (e) {
    showError(`The explorer could not start: its WebAssembly module failed to load (${e.message}).`);
    $('dataset').textContent = '';
    return;
  }
  const progress = progressView();
  let explorer;
  let origin;
  try {
    [explorer, origin] = await loadInitial(progress);
  } catch (e) {
    progress.done();
    showError(`The data could not be loaded: ${e.message}`);
    $('dataset').textContent = '';
    return;
  }
  progress.done();

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
      uis[view].drawn(explorer.draw(canvas, view, filter));
      canvas.setAttribute('aria-label', describe(stats, view === 'spectrum' ? 'Escalation spectrum' : 'Escalation timeline'));
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

  const update = () => {
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

  const adopt = (next, nextOrigin) => {
    if (explorer && explorer !== next) explorer.free();
    explorer = next;
    origin = nextOrigin;
    facets = explorer.facets();
    controls = buildControls(form, facets);
    $('dataset').textContent = datasetLine(facets, origin);
    describeScale(facets.scale);
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

  // Loading a dataset: one at a time; a new load or Cancel aborts the one under way. The current
  // data stays until the new data has been read.
  let loading = null;
  let pending = null; // {label, bytes} kept to retry with a column mapping
  const load = async (label, getBytes, options = {}) => {
    loading?.abort();
    const controller = new AbortController();
    loading = controller;
    const { signal } = controller;
    $('mapping').hidden = true;
    progress.start(label);
    try {
      const bytes = await getBytes(signal);
      pending = { label, bytes };
      if (options.format === 'mapped' && !options.mapping) {
        await offerMapping(pending);
        return;
      }
      progress.parsing(label, bytes.length);
      const started = performance.now();
      const { importBytes } = await loader();
      const imported = await importBytes(bytes, { ...options, signal });
      const next = Explorer.fromImport(imported);
      clearError();
      adopt(next, label);
      const ms = Math.round(performance.now() - started);
      showSummary(`Loaded ${plural(imported.total, 'incident')} from ${label}, read as ${imported.format} in ${ms} ms; `
        + `${plural(imported.warnings.length, 'warning')}.`, imported.warnings);
    } catch (err) {
      if (err.name === 'AbortError') {
        if (loading === controller) showSummary(`Loading ${label} was cancelled; the current data stays.`, []);
        return;
      }
      showError(`${label} could not be loaded, so the current data stays: ${err.message}`);
      if (pending && (options.format === 'mapped' || /unrecognised format|column mapping/.test(err.message))) {
        await offerMapping(pending, options.mapping);
      }
    } finally {
      if (loading === controller) { loading = null; progress.done(); }
    }
  };
  $('progress-cancel').addEventListener('click', () => loading?.abort());

  const fromFile = (file) => load(localFile = file.name, async () => new Uint8Array(await file.arrayBuffer()));
  $('file').addEventListener('change', (e) => {
    const file = e.target.files[0];
    if (file) fromFile(file);
    e.target.value = '';
  });
  $('url-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(e.target);
    const url = String(data.get('url')).trim();
    const format = String(data.get('format'));
    load(url, async (signal) => (await loader()).fetchBytes(url, { signal, onProgress: progress.download(url) }), { format });
  });

  // Drag and drop anywhere on the page.
  let depth = 0;
  document.addEventListener('dragenter', (e) => { if (e.dataTransfer?.types.includes('Files')) { depth += 1; document.body.classList.add('dragging'); } });
  document.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (!depth) document.body.classList.remove('dragging'); });
  document.addEventListener('dragover', (e) => { if (e.dataTransfer?.types.includes('Files')) e.preventDefault(); });
  document.addEventListener('drop', (e) => {
    depth = 0;
    document.body.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    $('load-panel').open = true;
    fromFile(file);
  });

  // A table the explorer does not recognise: the reader says which column holds what.
  const mappingForm = $('mapping');
  const offerMapping = async ({ label, bytes }, previous) => {
    let columns;
    try {
      columns = await (await loader()).fileColumns(bytes);
    } catch (err) {
      return; // the error already shown says why the file cannot be read
    }
    if (!columns.length) return;
    $('load-panel').open = true;
    $('mapping-intro').textContent = `${label} has the columns ${columns.join(', ')}. Say which holds what `
      + '(start date and initiator are needed; countries may be names, ISO or COW codes; severity is read on the 0-10 ladder):';
    const fields = $('mapping-fields');
    fields.replaceChildren(...Object.entries(FIELD_LABELS).map(([field, text]) => {
      const label = document.createElement('label');
      if (field === 'start' || field === 'initiator') label.className = 'required';
      label.append(text);
      const select = document.createElement('select');
      select.name = field;
      const guess = previous?.[field]
        ?? columns.find((c) => GUESSES.some(([f, re]) => f === field && re.test(c.trim())));
      select.append(new Option('(none)', ''), ...columns.map((c) => new Option(c, c, false, c === guess)));
      label.append(select);
      return label;
    }));
    mappingForm.hidden = false;
    mappingForm.dataset.label = label;
    mappingForm.querySelector('select')?.focus();
  };
  mappingForm.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!pending) return;
    const mapping = {};
    for (const select of mappingForm.querySelectorAll('select')) if (select.value) mapping[select.name] = select.value;
    const { label, bytes } = pending;
    load(label, async () => bytes, { format: 'mapped', mapping });
  });
  $('mapping-cancel').addEventListener('click', () => { mappingForm.hidden = true; });

  await document.fonts.ready;
  $('app').hidden = false;
  const linked = location.hash; // adopt() writes the (empty) filter into the hash
  adopt(explorer, origin);
  if (linked.length > 1) applyHash(linked);
  // Data given by ?data=URL gets the same summary as a file the reader loads, warnings included.
  if (origin !== 'bundled') {
    showSummary(`Loaded ${plural(facets.total, 'incident')} from ${origin}, read as ${facets.source}; `
      + `${plural(facets.warnings.length, 'warning')}.`, facets.warnings);
  }
}

main();
