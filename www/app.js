// The explorer page: starts the wasm core (core.js), builds the filters from the data and one
// chart per view (VIEWS in schema.js), and on every change asks Rust for the statistics and the
// charts. Errors, from the wasm or the data, land in the error box.
import { VIEWS, FILTERS, FORMATS } from './schema.js';
import { startCore, acquire, release, reason, readingWords, prepare, bundledParts, besideModule, memoryTotal } from './core.js';
import { filterForm, buildControls, closeDropdownsOnOutsideClick, pairPicks } from './controls.js';
import { renderStats, activeReading, yearsText } from './stats-view.js';
import { formats } from './responses-view.js';
import { renderReading } from './reading-view.js';
import { shareButtons, stateParams, toQuery, fromQuery } from './share.js';
import { chartKeeper, chartView } from './charts.js';
import { compareControl, readCompare, referenceToggle } from './split.js';

// Reading a file or URL needs the load panel's code (and the loader and its worker), fetched the
// first time a reader uses it.
const loadUi = () => import('./load-ui.js');

const $ = (id) => document.getElementById(id);
const errorBox = $('error');
const DEFAULT_VIEW = VIEWS[0].name;

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
  const scale = facets.scale.readings ? '' : `; severity is ${facets.scale.name}`;
  return `${what}: ${facets.total} incidents${yearsText(facets)}${scale}.`;
}

/** What changed in the bundled dataset's version (data/CHANGELOG.md, summarised by the build),
 * fetched when the reader opens the footer's note. */
function watchChanges() {
  const box = $('changes');
  box.addEventListener('toggle', () => {
    if (!box.open || box.dataset.loaded) return;
    box.dataset.loaded = 'yes';
    const list = $('changes-list');
    const item = (text) => { const li = document.createElement('li'); li.textContent = text; return li; };
    besideModule('cyber_spectrum_changes.json')
      .then((r) => r.json())
      .then(({ version, sections }) => list.replaceChildren(item(`Version ${version}; the full list, with reasons and sources, is data/CHANGELOG.md.`),
        ...sections.map((s) => item(`${s.title}: ${s.rows} ${s.rows === 1 ? 'row' : 'rows'}`))))
      .catch((e) => { delete box.dataset.loaded; list.replaceChildren(item(`The list of changes could not be loaded (${e.message}).`)); });
  });
}

/** A figure for each view: heading, caption, canvas (ids `<view>` and `<view>-note`). */
function figures() {
  const out = {};
  for (const view of VIEWS) {
    const figure = document.createElement('figure');
    figure.className = 'chart';
    const caption = document.createElement('figcaption');
    const heading = document.createElement('h2');
    heading.textContent = view.heading;
    const note = document.createElement('p');
    note.id = `${view.name}-note`;
    caption.append(heading, note);
    const canvas = document.createElement('canvas');
    canvas.id = view.name;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${view.title} chart`);
    figure.append(caption, canvas);
    $('charts').append(figure);
    out[view.name] = { view, figure, canvas, note };
  }
  // The statistics follow the first chart, so a chart is in the first screen of a laptop and the
  // figures are next to it; the other charts come after them.
  $('charts').firstElementChild?.after(document.querySelector('section.stats'));
  return out;
}

/** The timeline's switch for its lane of context events, under its caption; on at first. */
function contextToggle(figure, changed) {
  const label = document.createElement('label');
  label.className = 'context-toggle';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = true;
  box.addEventListener('change', changed);
  label.append(box, ' Show the peninsula’s context: nuclear and missile tests, clashes, crises and talks');
  figure?.querySelector('figcaption')?.append(label);
  return box;
}

async function main() {
  // The browser's locale data, loaded by the first number format, in a task of its own.
  setTimeout(formats, 0);
  watchChanges();
  const query = new URLSearchParams(location.search);
  // The bundled incidents download while the module starts (not for ?data=, which replaces them).
  if (!query.get('data')) bundledParts().catch(() => {});
  let m;
  try {
    // Data of one's own (?data=) needs the whole explorer module; the bundled dataset, the smaller one.
    m = await startCore(undefined, Boolean(query.get('data')));
  } catch (e) {
    showError(`The explorer could not start: its WebAssembly module failed to load (${reason(e)}).`);
    $('dataset').textContent = '';
    return;
  }
  const { Explorer, filterToParams } = m;
  let explorer;
  let origin;
  let held = null; // the bundled dataset, shared through core.js with any element on the page
  try {
    // ?context-src=URL: the publisher's own context events (data/context.csv's columns).
    const contextSrc = query.get('context-src');
    if (query.get('data')) {
      [explorer, origin] = await (await loadUi()).loadInitial(query.get('data'), query.get('format') || 'auto', m);
      if (contextSrc) await (await import('./context-file.js')).loadContext(explorer, contextSrc);
    } else {
      held = acquire(m, null, 'auto', 30, contextSrc);
      [explorer, origin] = [await held.loading, 'bundled'];
    }
  } catch (e) {
    showError(`The data could not be loaded: ${reason(e)}`);
    $('dataset').textContent = '';
    return;
  }

  // The filter form (as in every embed), folded on a phone so the charts stay in view.
  if (matchMedia('(max-width: 600px)').matches) $('filters-panel').open = false;
  // On a phone the open filters cover the charts: a button at their foot says how many incidents
  // the choices select and, tapped, folds the filters and shows the first chart.
  const showButton = document.createElement('button');
  showButton.type = 'button';
  showButton.className = 'show-results';
  showButton.addEventListener('click', () => {
    $('filters-panel').open = false;
    $('spectrum')?.scrollIntoView({ block: 'start' });
  });
  $('filters-panel').append(showButton);
  const form = filterForm(undefined, { reset: true });
  form.id = 'filters';
  $('filters-slot').replaceWith(form);
  $('url-form').elements.format.append(...FORMATS.map((f) => new Option(f.label, f.name)));
  const charts = figures();
  let facets;
  let controls;
  let filter = {};
  let stats;
  // The view named in a shared link: the page shows every chart, and passes it on to embed code.
  let linkView = DEFAULT_VIEW;
  let localFile = null;
  // The incident whose card is open (kept in the link as `incident=ID`).
  let incident = null;
  // The timeline's lane of context events: on unless the link says `context=off`.
  const contextBox = contextToggle(charts.timeline?.figure, () => { writeHash(); keeper.redrawAll(); });
  // Small multiples: every chart split into a panel per initiator or target (`compare=` in the link).
  let compare = '';
  const comparePick = compareControl(compare, (v) => { compare = v; writeHash(); keeper.redrawAll(); });
  // ... and beside it, the reference incidents in or out (the Scope filter), in one tap.
  const reference = referenceToggle((on) => {
    controls.write({ ...controls.read({}), scope: on ? undefined : ['peninsula'] });
    update();
  });
  comparePick.el.append(reference.label);
  // Beside the first chart's heading, so it costs the first screen no height.
  document.querySelector('#charts figcaption')?.prepend(comparePick.el);
  // The commonest pairs of initiator and target, one tap each (set per dataset in adopt), above
  // the lists; the reset button ends their row (on a laptop the filters keep their height).
  const pairs = pairPicks((d) => {
    controls.write({ ...controls.read({}), initiators: d ? [d.initiator] : undefined, targets: d ? [d.target] : undefined });
    update();
  });
  form.querySelector('.multi-row').before(pairs.el);
  const actions = form.querySelector('.actions');
  pairs.el.append(...actions.children);
  actions.remove();

  // Data read from a URL (?data= or the URL form) can go into embed code; a local file cannot.
  const dataUrl = () => (origin === 'bundled' || origin === localFile ? null : new URL(origin, location.href).href);
  // What reproduces this page: view, data, filters (and the open card).
  const shareParams = () => stateParams({ view: linkView, src: dataUrl(), facets, filterParams: filterToParams(filter), incident, context: contextBox.checked, compare });
  // The current view lives in the URL's hash (same names as <cyber-spectrum> attributes), so a
  // copied address reproduces it; ?data=URL stays in the query.
  const writeHash = () => {
    const params = stateParams({ view: linkView, filterParams: filterToParams(filter), incident, context: contextBox.checked, compare });
    const hash = toQuery(params.filter(([k, v]) => k !== 'view' || v !== DEFAULT_VIEW));
    history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
  };

  for (const c of Object.values(charts)) {
    c.ui = chartView(c.figure, c.canvas, c.note, {
      explorer: () => explorer,
      filter: () => filter,
      view: () => c.view,
      facets: () => facets,
      stats: () => stats,
      params: shareParams,
      toParams: filterToParams,
      context: () => contextBox.checked,
      compare: () => compare,
      onIncident: (id) => { incident = id; writeHash(); },
      error: showError,
    });
  }
  const keeper = chartKeeper(Object.fromEntries(Object.values(charts).map((c) => [c.view.name, c.canvas])), (name) => {
    try {
      charts[name].ui.draw();
    } catch (e) {
      showError(`The ${name} chart could not be drawn: ${reason(e)}`);
    }
  });

  // Each update leaves a performance mark with its duration and the wasm memory (for make bench).
  const update = () => {
    const begun = performance.now();
    try {
      filter = controls.read({});
      stats = explorer.stats(filter);
      clearError();
    } catch (e) {
      showError(`These filters could not be applied: ${reason(e)}`);
      return;
    }
    renderStats($('stats'), stats, facets, filter);
    controls.counts(() => explorer.facetCounts(filter));
    pairs.sync(filter);
    reference.sync(filter, facets);
    showButton.textContent = `Show ${stats.total.toLocaleString('en')} incident${stats.total === 1 ? '' : 's'}`;
    showReading();
    $('compare-button').hidden = !facets.readings.length;
    if (!$('compare').hidden) showComparison();
    writeHash();
    keeper.redrawAll();
    performance.clearMarks('cs:stats');
    performance.mark('cs:stats', { detail: { ms: performance.now() - begun, memory: memoryTotal(), total: stats.total } });
  };

  /** Applies the filters a link's hash names; a bad one is reported and the rest of the page works. */
  const applyHash = (hash = location.hash) => {
    const { view, incident: linked, context, compare: asked, ...rest } = fromQuery(hash);
    contextBox.checked = context !== 'off';
    const split = readCompare(asked);
    compare = split.value;
    comparePick.select.value = compare;
    if (linked && linked !== incident) {
      charts[DEFAULT_VIEW].ui.open(linked, { scroll: true }).then((found) => {
        if (!found) showError(`This link's incident “${linked}” is not in the data shown.`);
      });
    }
    linkView = charts[view] ? view : DEFAULT_VIEW;
    const pick = document.querySelector('select[name="share-view"]');
    if (pick) pick.value = linkView;
    const known = FILTERS.map((f) => f.param);
    const unknown = Object.keys(rest).filter((k) => !known.includes(k));
    try {
      if (unknown.length) throw new Error(`unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `“${k}”`).join(', ')} (known: view, incident, context, compare, ${known.join(', ')})`);
      if (context && !['on', 'off'].includes(context)) throw new Error(`context=${context}: expected on or off`);
      if (split.problem) throw new Error(split.problem);
      controls.write(explorer.filterFromParams(rest));
    } catch (e) {
      controls.write({});
      update();
      showError(`This link's filters could not be applied, so all incidents are shown: ${reason(e)}`);
      return;
    }
    update();
  };

  const adopt = (next, nextOrigin, local = false) => {
    if (explorer && explorer !== next) {
      if (held) release(held); else explorer.free();
      held = null;
    }
    explorer = next;
    origin = nextOrigin;
    localFile = local ? nextOrigin : null;
    facets = explorer.facets();
    controls = buildControls(form, facets);
    const known = (d) => facets.initiators?.some((c) => c.value === d.initiator) && facets.targets?.some((c) => c.value === d.target);
    pairs.set(explorer.stats({}).dyads.filter(known).slice(0, 4));
    $('dataset').textContent = datasetLine(facets, origin);
    update();
  };

  // The active reading in full; its words are fetched when its section comes into view (null
  // until then, false when they cannot be had).
  let words = null;
  const showReading = () => renderReading($('reading'), activeReading(facets, stats), facets, words);

  // The comparison of every reading (compare.js, fetched when first asked for).
  const showComparison = () => import('./compare.js').then(({ renderComparison }) => {
    const { reading: _, ...selection } = filter; // every reading is a row of the comparison
    renderComparison($('compare'), explorer.compare(selection), {
      readings: facets.readings,
      what: Object.keys(selection).length ? 'this selection' : 'the whole dataset',
      active: stats.reading,
      open: (id) => charts[DEFAULT_VIEW].ui.open(id, { scroll: true }),
    });
  }).catch((e) => showError(`The comparison could not be shown: ${reason(e)}`));
  $('compare-button').addEventListener('click', (e) => {
    const open = $('compare').hidden;
    $('compare').hidden = !open;
    e.currentTarget.setAttribute('aria-expanded', String(open));
    if (open) showComparison();
  });

  // Which chart the copied link and embed code show (the page shows them all): the link's view.
  const share = shareButtons(shareParams);
  const viewPick = document.createElement('label');
  viewPick.className = 'view-pick';
  const viewSelect = document.createElement('select');
  viewSelect.name = 'share-view';
  viewSelect.append(...VIEWS.map((v) => new Option(v.heading, v.name)));
  viewSelect.value = linkView;
  viewSelect.addEventListener('change', () => { linkView = viewSelect.value; writeHash(); });
  viewPick.append('Chart to share ', viewSelect);
  share.prepend(viewPick);
  $('share-slot').replaceWith(share);
  addEventListener('hashchange', () => applyHash());
  form.addEventListener('input', update);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('reset', () => setTimeout(update, 0));
  closeDropdownsOnOutsideClick(document);

  // Loading a dataset (load-ui.js, fetched when the reader first opens the panel or drops a file).
  let loader;
  const loading = () => (loader ??= loadUi().then((l) => l.attach({ m, adopt, showError, clearError })));
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
  // Data from a URL may be large: its first statistics and chart counts in steps.
  if (origin !== 'bundled') await prepare(explorer, {});
  adopt(explorer, origin);
  if (linked.length > 1) applyHash(linked);
  // The reading's words (who, basis, sources) are fetched when its section comes into view.
  const seen = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    seen.disconnect();
    readingWords().then((w) => { words = w; }, (e) => { words = false; showError(e.message); }).finally(showReading);
  });
  seen.observe($('reading'));
  // Data given by ?data=URL gets the same summary as a file the reader loads, warnings included.
  if (origin !== 'bundled') {
    (await loadUi()).showLinked(facets, origin);
  }
}

main();
