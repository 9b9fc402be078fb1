// <cyber-spectrum>: the explorer as one tag in an article.
//
//   <script type="module" src=".../cyber-spectrum.js"></script>
//   <cyber-spectrum view="spectrum" initiators="PRK" targets="KOR,USA" from="2009" to="2016"></cyber-spectrum>
//
// Each element lives in its own shadow root (no CSS in or out, no globals). The wasm core is
// fetched and started once per page, when the first element comes near the viewport; assets
// resolve relative to this module, so the folder can be served from any static host or CDN path.
// Attributes, the `filter`/`view` properties and the reader's clicks all go through one state,
// which is reflected back into the attributes, so the element's markup always reproduces what
// the reader sees. Every message (a bad attribute, data that cannot be read) shows inside the
// element and in the console; nothing is thrown at the page.

import { FILTERS, VIEWS } from './schema.js';
import { configure, startCore, release, reason, bundledParts, prepare, dropAhead } from './core.js';
import { loadData, readDataAhead } from './element-data.js';
import { applyLook, buildTools, checkVersion } from './element-look.js';
import { headline } from './stats-view.js';
import { formats } from './responses-view.js';
import { chartKeeper, chartView } from './charts.js';
import { stateParams, VERSION } from './share.js';
import { readCompare } from './split.js';

export { configure, VERSION };

// The element's attributes: one per filter field (the same names as shared links and the render
// command), and these settings; all but `wasm` can also come from an iframe's hash.
export const FILTER_ATTRIBUTES = FILTERS.map((f) => f.param);
export const SETTINGS = ['view', 'compare', 'context', 'context-src', 'src', 'format', 'timeout', 'theme', 'controls', 'height', 'lang', 'dataset-version', 'incident'];
const VIEW_NAMES = VIEWS.map((v) => v.name);
// A column mapping can only be given in the explorer page's form, not in an attribute.
const STYLESHEETS = ['./controls.css', './cyber-spectrum.css'].map((f) => new URL(f, import.meta.url).href);
const TAG = 'cyber-spectrum';
/** Incidents from which a filter change is worked out in steps (one pass at once takes about 45 ms
 * a million incidents on a slow machine). */
const LARGE = 250_000;
// What each attribute change does (the filter attributes and `view` re-read the state).
const ON_CHANGE = {
  src: 'loadData', format: 'loadData', timeout: 'loadData', 'context-src': 'loadData', controls: 'buildTools', theme: 'applyLook',
  height: 'applyLook', lang: 'applyLook', incident: 'showIncident', 'dataset-version': 'checkVersion', context: 'redraw', compare: 'redraw',
};

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export class CyberSpectrum extends HTMLElement {
  static get observedAttributes() {
    return [...FILTER_ATTRIBUTES, ...SETTINGS, 'wasm'];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const sheets = STYLESHEETS.map((href) => {
      const link = el('link');
      link.rel = 'stylesheet';
      link.href = href;
      return link;
    });
    this.styled = Promise.all(sheets.map((l) => new Promise((ok) => { l.onload = ok; l.onerror = ok; })));
    this.box = el('div', 'cs');
    this.box.hidden = true; // until the stylesheet has loaded: no flash of unstyled controls
    this.head = el('p', 'headline');
    this.head.setAttribute('aria-live', 'polite');
    this.status = el('p', 'status', 'Loading the chart…');
    this.error = el('div', 'error');
    this.error.setAttribute('role', 'alert');
    this.error.hidden = true;
    this.tools = el('div', 'tools');
    this.canvas = el('canvas');
    this.canvas.id = 'chart';
    this.canvas.setAttribute('role', 'img');
    this.caption = el('p', 'note');
    this.figure = el('figure', 'chart');
    const caption = el('figcaption');
    caption.append(this.caption);
    this.figure.append(this.canvas, caption);
    this.chart = chartView(this.figure, this.canvas, this.caption, {
      explorer: () => this.explorer,
      filter: () => this.state.filter,
      view: () => VIEWS.find((v) => v.name === this.state.view),
      facets: () => this.facets,
      stats: () => this.stats_,
      params: () => this.params(),
      toParams: (filter) => this.m.filterToParams(filter),
      context: () => this.contextOn(),
      compare: () => this.compareOn(),
      onIncident: (id) => this.reflectIncident(id),
      error: (message) => this.note('download', message),
    });
    this.foot = el('div', 'foot');
    this.source = el('p', 'source');
    this.foot.append(this.source);
    this.box.append(this.head, this.status, this.error, this.tools, this.figure, this.foot);
    root.append(...sheets, this.box);

    this.state = { filter: {}, view: VIEW_NAMES[0] };
    this.started = false;
    this.reflecting = false;
    this.stats_ = null;
    this.ready = new Promise((ok, fail) => { this.resolveReady = ok; this.rejectReady = fail; });
    this.ready.catch(() => {}); // a failure is shown in the element; awaiting code still sees it
  }

  connectedCallback() {
    if (this.released) { // put back after being taken out of the page: its data is read again
      this.released = false;
      this.loadData();
      return;
    }
    if (this.started || this.observer) return;
    if (!('IntersectionObserver' in window)) { this.start(); return; }
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        this.observer.disconnect();
        this.start();
      }
    }, { rootMargin: '300px 0px' });
    this.observer.observe(this);
    this.styled.then(() => { this.box.hidden = false; });
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.observer = null;
    // Out of the page (not just moved within it): its dataset is let go.
    setTimeout(() => {
      if (this.isConnected || !this.held) return;
      release(this.held);
      this.held = null;
      this.explorer = null;
      this.released = true;
    });
  }

  attributeChangedCallback(name, before, after) {
    if (this.reflecting || before === after || !this.m) return;
    this[ON_CHANGE[name] ?? 'readAttributes']();
  }

  /** The current filter (a copy), as the API's filter objects spell it. */
  get filter() {
    return structuredClone(this.state.filter);
  }

  /** Sets the filter (checked against the data; a bad one is reported and not applied). */
  set filter(value) {
    if (!this.explorer) { this.pendingFilter = value ?? {}; return; }
    this.apply({ filter: value ?? {} }, 'api');
  }

  /** The view's name (VIEWS in schema.js). */
  get view() {
    return this.state.view;
  }

  set view(value) {
    if (!this.explorer) { this.setAttribute('view', value); return; }
    this.apply({ view: value }, 'api');
  }

  /** The statistics of the current selection (null until the element is ready). */
  get stats() {
    return this.stats_ ? structuredClone(this.stats_) : null;
  }

  /** `{code, dataset}`: this element's version and the bundled dataset's (`0.6.0 (data as of
   * 2025-12-31)`; null until the data is read, and for data from `src`). */
  get version() {
    return { code: VERSION, dataset: this.facets?.source === 'bundled' ? this.facets.version : null };
  }

  /** Draws again, for instance after the page changed the theme's custom properties. */
  redraw() {
    this.keeper?.redrawAll();
  }

  async start() {
    this.started = true;
    // A src downloads and is read by the importer in a worker from now on, while the explorer's
    // module starts here. Without one, the bundled incidents download while it starts.
    if (this.getAttribute('src')) readDataAhead(this);
    else bundledParts().catch(() => {});
    // The browser's locale data, loaded by the first number format, in a task of its own.
    setTimeout(formats, 0);
    try {
      // Data or context events of its own need the whole explorer module; the bundled dataset, the
      // smaller one.
      this.m = await startCore(this.getAttribute('wasm'), Boolean(this.getAttribute('src') || this.getAttribute('context-src')));
    } catch (e) {
      if (this.readingAhead) dropAhead(this.readingAhead);
      this.readingAhead = null;
      this.fail(`The chart could not start: its WebAssembly module failed to load (${reason(e)}).`);
      return;
    }
    await this.styled;
    this.box.hidden = false;
    this.applyLook();
    this.keeper = chartKeeper({ chart: this.canvas }, () => this.draw());
    const media = matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', () => { if (this.getAttribute('theme') === 'auto') this.redraw(); });
    await this.loadData();
  }

  /** Reads the data the attributes name (see element-data.js). */
  loadData() {
    return loadData(this);
  }

  /** Takes the loaded `explorer` (with its `facets`) and shows the state the attributes, or a
   * filter set before the data came, describe. */
  adopt(explorer, facets) {
    this.status.hidden = true;
    this.explorer = explorer;
    this.facets = facets;
    this.buildTools();
    if (this.pendingFilter) {
      const f = this.pendingFilter;
      this.pendingFilter = null;
      this.apply({ filter: f, view: this.getAttribute('view') || VIEW_NAMES[0] }, 'api');
    } else {
      this.readAttributes();
    }
  }

  /** The filter the element will show first on `explorer`: one set before the data came, or the
   * attributes'; undefined when they are bad (applying them says why). */
  firstFilter(explorer) {
    if (this.pendingFilter) return this.pendingFilter;
    try {
      return explorer.filterFromParams(this.filterParams());
    } catch {
      return undefined;
    }
  }

  /** The filter attributes, as parameters. */
  filterParams() {
    const params = {};
    for (const name of FILTER_ATTRIBUTES) {
      const v = this.getAttribute(name);
      if (v !== null) params[name] = v;
    }
    return params;
  }

  /** The state the attributes describe, applied (or their error shown). */
  readAttributes() {
    if (!this.explorer) return;
    let filter;
    try {
      filter = this.explorer.filterFromParams(this.filterParams());
    } catch (e) {
      this.fail(`Attribute ${e.message}`);
      return;
    }
    this.apply({ filter, view: this.getAttribute('view') || VIEW_NAMES[0] }, 'attribute');
  }

  /** Applies a new state: checks it, updates controls, stats, chart and attributes (`counted`:
   * a large dataset's counts for it were worked out ahead). */
  apply(next, cause, counted = false) {
    const view = String(next.view ?? this.state.view).trim().toLowerCase();
    if (!VIEW_NAMES.includes(view)) {
      this.fail(`${cause === 'attribute' ? 'Attribute' : 'View'} view="${next.view}" is not one of: ${VIEW_NAMES.join(', ')}.`);
      return false;
    }
    let filter = next.filter ?? this.state.filter;
    // On a large dataset a new filter's statistics and chart counts are worked out first, in steps
    // of a few milliseconds, so the page never waits on one long task; the state then shows at
    // once, and `change` says when. A later filter overtakes one still being worked out (a view
    // change does not: the filter then shows in the new view).
    const turn = next.filter ? (this.turn ?? 0) + 1 : this.turn;
    this.turn = turn;
    if (!counted && next.filter && this.facets.total >= LARGE) {
      const { explorer } = this;
      prepare(explorer, filter).then(() => {
        if (this.turn === turn && this.explorer === explorer) this.apply(next, cause, true);
      });
      return true;
    }
    let stats;
    try {
      stats = this.explorer.stats(filter);
      // Canonical codes ('prk' -> 'PRK'), so the controls and attributes show what was meant.
      if (cause === 'api') filter = this.explorer.filterFromParams(Object.fromEntries(this.m.filterToParams(filter)));
    } catch (e) {
      this.fail(`${cause === 'api' ? 'The filter' : 'These filters'} could not be applied: ${reason(e)}`);
      return false;
    }
    this.state = { filter: structuredClone(filter), view };
    this.stats_ = stats;
    this.clearError();
    if (cause !== 'controls') this.controls?.write(filter);
    this.controls?.counts(() => this.explorer.facetCounts(filter));
    this.syncViewButtons();
    if (cause !== 'attribute') this.reflect();
    this.head.textContent = headline(stats, this.facets.levels, this.locale);
    this.figure.hidden = false;
    this.keeper.redrawAll();
    this.checkVersion();
    this.dispatchEvent(new CustomEvent('change', { bubbles: true, detail: { filter: this.filter, view, stats: this.stats, cause } }));
    return true;
  }

  /** Writes the state back into the attributes (without reacting to its own writes). */
  reflect() {
    this.reflecting = true;
    try {
      const params = new Map(this.m.filterToParams(this.state.filter));
      for (const name of FILTER_ATTRIBUTES) {
        if (params.has(name)) this.setAttribute(name, params.get(name)); else this.removeAttribute(name);
      }
      this.setAttribute('view', this.state.view);
    } finally {
      this.reflecting = false;
    }
  }

  /** The parameters that reproduce this element: view, data, filters, the open card. */
  params() {
    const src = this.getAttribute('src');
    return stateParams({
      view: this.state.view,
      src: src && new URL(src, document.baseURI).href,
      format: this.getAttribute('format'),
      facets: this.facets,
      filterParams: this.m.filterToParams(this.state.filter),
      incident: this.getAttribute('incident'),
      context: this.contextOn(),
      compare: this.compareOn(),
    });
  }

  /** The comparison as small multiples the `compare` attribute asks for ('' for none). */
  compareOn() {
    const { value, problem } = readCompare(this.getAttribute('compare'));
    this.note('compare', problem);
    return value;
  }

  /** Whether the timeline shows its lane of context events: on unless `context="off"`. */
  contextOn() {
    const v = (this.getAttribute('context') ?? 'on').trim().toLowerCase();
    this.note('context', ['on', 'off', 'true', 'false', ''].includes(v) ? null : `context="${v}": expected on or off (the lane stays on)`);
    return v !== 'off' && v !== 'false';
  }

  /** Opens the card the `incident` attribute names (or closes it when the attribute goes). */
  showIncident() {
    const id = this.getAttribute('incident');
    if (!id) { this.chart.close(); this.note('incident', null); return; }
    this.chart.open(id).then((found) => {
      this.note('incident', found ? null : `Attribute incident="${id}": no incident with this id in the data.`);
    });
  }

  /** The reader opened (id) or closed (null) a card: the attribute follows, and a change event says so. */
  reflectIncident(id) {
    this.reflecting = true;
    try {
      if (id) this.setAttribute('incident', id); else this.removeAttribute('incident');
    } finally {
      this.reflecting = false;
    }
    this.dispatchEvent(new CustomEvent('change', { bubbles: true, detail: { filter: this.filter, view: this.view, stats: this.stats, cause: 'incident', incident: id } }));
  }

  /** The line under the chart naming the data (see element-look.js). */
  checkVersion() {
    checkVersion(this);
  }

  /** The toolbar the `controls` attribute asks for (see element-look.js). */
  buildTools() {
    buildTools(this);
  }

  syncViewButtons() {
    for (const b of this.viewButtons ?? []) b.setAttribute('aria-pressed', String(b.dataset.view === this.state.view));
  }

  /** Theme, height and language from the attributes (see element-look.js). */
  applyLook() {
    applyLook(this);
  }

  draw() {
    if (!this.explorer || this.figure.hidden) return;
    try {
      this.chart.draw();
      if (!this.drawn) {
        this.drawn = true;
        this.showIncident();
        this.resolveReady(this);
      }
    } catch (e) {
      this.fail(`The ${this.state.view} chart could not be drawn: ${reason(e)}`);
    }
  }

  /**
   * A problem that stops the current state (no wasm, no data, a bad filter or view): shown with any
   * attribute notes, logged, and, before anything was drawn, the end of `ready`.
   */
  fail(message) {
    this.note('state', message);
    this.status.hidden = true;
    if (!this.drawn) {
      // Nothing was drawn yet: no empty frame under the message.
      this.figure.hidden = true;
      this.rejectReady(new Error(message));
    }
  }

  /** Sets or clears (`null`) one message of the error box; each is logged once when set. */
  note(key, message) {
    this.notes ??= new Map();
    if (message && this.notes.get(key) !== message) console.error(`<${TAG}${this.id ? ` id="${this.id}"` : ''}>: ${message}`);
    if (message) this.notes.set(key, message); else this.notes.delete(key);
    this.error.textContent = [...this.notes.values()].join('\n');
    this.error.hidden = this.notes.size === 0;
  }

  clearError() {
    this.note('state', null);
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, CyberSpectrum);
