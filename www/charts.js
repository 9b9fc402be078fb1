// The charts of a page or an element: kept drawn (once per change of filter, and again whenever a
// canvas changes size or the screen's pixel ratio changes: Rust sizes the backing store to CSS
// size x devicePixelRatio), each with its caption, accessible summary and reader tools.
import { chartNote, describe, activeReading } from './stats-view.js';
import { shareTexts } from './share.js';
import { fullText } from './core.js';
import { sizeFor, panelsText } from './split.js';

export function chartKeeper(canvases, draw) {
  let pending = new Set();
  let frame = 0;
  let batch = { ms: 0, views: 0 };
  // Charts are drawn in one frame while they are quick; after a slow one (a large selection) the
  // next waits for the next frame, so no task holds the page for two draws. Each completed redraw
  // leaves a performance mark with its duration (make bench reads them; one is kept).
  const flush = () => {
    frame = 0;
    const begun = performance.now();
    for (const view of [...pending]) {
      pending.delete(view);
      draw(view, canvases[view]);
      batch.views += 1;
      if (pending.size && performance.now() - begun > 16) {
        frame = requestAnimationFrame(flush);
        break;
      }
    }
    batch.ms += performance.now() - begun;
    if (pending.size) return;
    performance.clearMarks('cs:drawn');
    performance.mark('cs:drawn', { detail: batch });
    batch = { ms: 0, views: 0 };
  };
  const schedule = (views) => {
    for (const v of views) pending.add(v);
    if (!frame) frame = requestAnimationFrame(flush);
  };
  const all = Object.keys(canvases);
  const widths = new Map();
  const observer = new ResizeObserver((entries) => {
    const changed = [];
    for (const entry of entries) {
      const view = entry.target.id;
      const size = `${entry.contentRect.width}x${entry.contentRect.height}`;
      if (widths.get(view) !== size) {
        widths.set(view, size);
        changed.push(view);
      }
    }
    if (changed.length) schedule(changed);
  });
  for (const c of Object.values(canvases)) observer.observe(c);

  const watchRatio = () => {
    const mq = matchMedia(`(resolution: ${devicePixelRatio}dppx)`);
    mq.addEventListener('change', () => { schedule(all); watchRatio(); }, { once: true });
  };
  watchRatio();
  return { redrawAll: () => schedule(all) };
}

// Each chart's reader tools: a focusable canvas and a toolbar. The rest is interact.js, fetched
// the first time a reader points at, focuses or uses a chart; readers who only look never get it.
const TOOLS = [['table', 'Table'], ['png', 'PNG'], ['svg', 'SVG'], ['csv', 'CSV']];

/**
 * Wires `canvas` (inside `figure`) for pointer, keyboard and screen reader. `host` answers for the
 * chart: {explorer(), filter(), filterParams(), view() (a row of VIEWS), facets(), link(params),
 * onIncident(id|null), error(message)}. Returns {drawn(d)} to hand over each draw's geometry,
 * {open(id)} to show an incident's card (resolves false when the data has no such incident) and
 * {close()}.
 */
function chartUi(figure, canvas, host) {
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', 'chart');
  const state = { drawn: null, ui: null, buttons: {} };
  let loading = null;
  // The reader tools, and the incidents' long texts they show (a failure to fetch those is said,
  // and the tools work without them).
  const texts = () => fullText(host.explorer()).catch((e) => host.error?.(e.message));
  const ui = () => (loading ??= Promise.all([import('./interact.js'), texts()])
    .then(([m]) => m.attach(figure, canvas, host, state)).then((u) => (state.ui = u)));
  // The event that fetched it is handled once it is there, a tap or click included: the first tap
  // on a mark opens its card as any later one does.
  for (const type of ['pointerover', 'pointerdown', 'focus', 'keydown', 'click']) {
    canvas.addEventListener(type, (e) => {
      if (state.ui) return;
      if (type === 'keydown' && /^(Arrow|Page|Home|End| )/.test(e.key)) e.preventDefault(); // no scrolling meanwhile
      ui().then((u) => u.replay(e));
    });
  }
  const bar = document.createElement('div');
  bar.className = 'chart-tools';
  const hint = document.createElement('p');
  hint.textContent = 'Point at or tap a mark for its incident; or Tab to the chart, then arrow keys and Enter.';
  bar.append(hint);
  for (const [action, label] of TOOLS) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.action = action;
    if (action === 'table') b.setAttribute('aria-expanded', 'false');
    else b.setAttribute('aria-label', `Download the chart${action === 'csv' ? '’s incidents' : ''} as ${label}`);
    b.addEventListener('click', () => ui().then((u) => u.act(action, b)));
    state.buttons[action] = b;
    bar.append(b);
  }
  figure.append(bar);
  return {
    drawn(d) {
      state.drawn?.free();
      state.drawn = d;
      if (state.ui) texts(); // data swapped after the tools loaded
      state.ui?.redrawn();
    },
    open: (id, options) => ui().then((u) => u.openId(id, options)),
    close: () => state.ui?.close(),
  };
}

/**
 * One chart: `canvas` inside `figure`, `caption` the text under it. `source` answers for it:
 * {explorer(), filter(), view() (a row of VIEWS), facets(), stats(), params() (the parameters that
 * reproduce it: see stateParams), toParams(filter), context() (the timeline's context lane on),
 * compare() ('initiator' or 'target' for small multiples, '' for none),
 * onIncident(id|null), error(message)}. Returns
 * {draw()}, which draws the chart, its caption and its accessible summary and hands the geometry
 * to the reader tools (throws when the chart cannot be drawn), {open(id)} and {close()} for the
 * incident card.
 */
export function chartView(figure, canvas, caption, source) {
  const ui = chartUi(figure, canvas, {
    ...source,
    filterParams: () => source.toParams(source.filter()),
    link: (extra) => shareTexts([...source.params().filter(([k]) => k !== 'incident'), ...extra]).link,
  });
  return {
    draw() {
      // A canvas with no size (its frame not laid out yet, or hidden) has nothing to show: the
      // resize observer draws it as soon as it has a size.
      if (!canvas.clientWidth || !canvas.clientHeight) return;
      const view = source.view();
      // A view drawn from what the data lacks (responses, in data without any) is a short box,
      // its caption saying why.
      const missing = Boolean(view.needs) && source.stats()[view.needs] == null;
      // Compared as small multiples: the canvas grows by a panel per state.
      const compare = source.compare?.() || '';
      const panels = compare && !missing ? source.explorer().panels(source.filter(), compare) : null;
      sizeFor(canvas, panels, missing);
      const drawn = source.explorer().draw(canvas, view.name, source.filter(), undefined, source.context?.() ?? true, compare || undefined);
      for (const issue of drawn.themeIssues) console.warn(`cyber-spectrum: theme ${issue}`);
      ui.drawn(drawn);
      // The caption says which scale the marks are on (thresholds exist only on some scales), and
      // when the chart draws counts instead of marks.
      // A comparison of more states than it has panels for says which it shows.
      const named = (compare === 'target' ? source.filter().targets : source.filter().initiators)?.length ?? 0;
      const left = panels && named > panels.length ? ` Only the first ${panels.length} of the ${named} states named are compared.` : '';
      caption.textContent = missing ? view.missing
        : chartNote(view, source.facets().scale, activeReading(source.facets(), source.stats()), drawn.aggregated) + left;
      canvas.setAttribute('aria-label', describe(source.stats(), view, drawn.aggregated) + (panels ? ` ${panelsText(panels, compare)}${left}` : ''));
    },
    open: ui.open,
    close: ui.close,
  };
}
