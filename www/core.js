// The wasm core, page-wide: fetched and started once however many charts the page has (the
// explorer page, any number of <cyber-spectrum> elements), and the datasets they show, shared:
// the bundled one and each src/format pair, counted by the charts holding them. The last one to
// let go frees the dataset's memory in the core, so a page that swaps data again and again holds
// only what it shows.
import { pause } from './pause.js';

// For the modules that already hold this one.
export { pause };

let wasmUrl = null;
// The two builds of the explorer module, each started once: the whole one, and the one for the
// bundled dataset alone (no hand-over from the importer, no context files: about 10 KB gzip
// less), which a chart on the bundled data starts with.
const started = { whole: null, bundled: null };
const MODULES = { whole: './pkg/cyber_spectrum.js', bundled: './pkg/cyber_spectrum_bundled.js' };
const loaded = [];

/** `{wasm}`: the URL of the wasm file, for hosts that serve it apart from the module. Read before
 * the core starts (a `wasm` attribute on the first element does the same). That file is the whole
 * module's, which then serves every chart. */
export function configure({ wasm } = {}) {
  if (wasm) wasmUrl = wasm;
}

/** The started explorer module (its exports: Explorer, filterToParams ...). With `whole`, the
 * build that also takes data of its own (`Explorer.fromImport`, `receive`, `prepare`,
 * `setContext`); without, the smaller one for the bundled dataset, unless the wasm's URL was given
 * (which is the whole module's). */
export function startCore(override, whole = false) {
  const kind = whole || wasmUrl || override ? 'whole' : 'bundled';
  started[kind] ??= import(MODULES[kind]).then(async (m) => {
    const url = kind === 'whole' && (wasmUrl || override);
    await m.default(url ? { module_or_path: url } : undefined);
    loaded.push(m);
    return m;
  });
  return started[kind];
}

/** The wasm memory in use, in bytes, over every explorer module started. */
export const memoryTotal = () => loaded.reduce((sum, m) => sum + m.memoryUse().total, 0);

/** The response for `file`, one of the files the build puts beside the module (`pkg/`); an HTTP
 * error is an Error naming its status. */
export async function besideModule(file) {
  const r = await fetch(new URL(`./pkg/${file}`, import.meta.url));
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r;
}

let parts = null;

/** The bundled dataset's incidents (their columns, `pkg/cyber_spectrum_incidents.bin`, beside the
 * module, which leaves them out): fetched once, from the first call, so a chart on the bundled
 * data starts the download while the module starts. */
export function bundledParts() {
  parts ??= besideModule('cyber_spectrum_incidents.bin')
    .then((r) => r.arrayBuffer())
    .then((b) => new Uint8Array(b))
    .catch((e) => { parts = null; throw new Error(`the bundled dataset could not be loaded (${e.message})`); });
  return parts;
}

const datasets = new Map();
/** Downloads and reads begun ahead (`readAhead`), by `${format}|${url}`, each until a chart's
 * `acquire` takes it: `{imported, stop}`. */
const ahead = new Map();
const sourceKey = (src, format) => `${format}|${new URL(src, document.baseURI).href}`;

/** Starts downloading and reading `src` in `format` in the importer's worker now, for the
 * `acquire` of it that follows: a chart with data of its own calls this as it starts, so the file
 * downloads while the explorer's module loads and compiles instead of after. Returns the key to
 * give `dropAhead` if that chart acquires something else instead. */
export function readAhead(src, format, stallSeconds) {
  const key = sourceKey(src, format);
  if (!ahead.has(key) && !datasets.has(key)) {
    const stop = new AbortController();
    const imported = import('./loader.js').then((l) => l.importUrl(new URL(src, document.baseURI).href, { format, stallSeconds, signal: stop.signal }));
    imported.catch(() => {}); // reported by the acquire that takes it
    ahead.set(key, { imported, stop });
  }
  return key;
}

/** Gives up a read begun by `readAhead` that no chart took (its src changed meanwhile). */
export function dropAhead(key) {
  ahead.get(key)?.stop.abort();
  ahead.delete(key);
}

/** Holds the dataset at `src` in `format` (the bundled one without `src`): `{loading}` resolves
 * to its Explorer. Give it back with `release`. */
export function acquire(m, src, format, stallSeconds, contextSrc = null) {
  const context = contextSrc ? new URL(contextSrc, document.baseURI).href : null;
  const key = `${src ? sourceKey(src, format) : 'bundled'}${context ? `|context ${context}` : ''}`;
  let entry = datasets.get(key);
  if (!entry) {
    // Data of one's own, or context events of one's own, need the whole module.
    const whole = src || context ? startCore(null, true) : Promise.resolve(m);
    const started = src ? ahead.get(sourceKey(src, format))?.imported : null;
    if (src) ahead.delete(sourceKey(src, format));
    const data = src ? Promise.all([whole, import('./loader.js')]).then(([w, l]) => l.loadSource(w, src, format, stallSeconds, started))
      : Promise.all([whole, bundledParts()]).then(([w, bytes]) => w.Explorer.bundled(bytes));
    // Data with its own context events is a dataset of its own (another chart may show the same
    // data with the bundled context).
    const loading = !context ? data : data.then((ex) => import('./context-file.js')
      .then((c) => c.loadContext(ex, context, stallSeconds))
      .then(() => ex, (e) => { ex.free(); throw e; }));
    entry = { key, loading, users: 0 };
    // A failed load may be retried by a later chart.
    loading.catch(() => { if (datasets.get(key) === entry) datasets.delete(key); });
    datasets.set(key, entry);
  }
  entry.users += 1;
  return entry;
}

export function release(entry) {
  entry.users -= 1;
  if (entry.users > 0) return;
  if (datasets.get(entry.key) === entry) datasets.delete(entry.key);
  entry.loading.then((explorer) => explorer.free(), () => {});
}

const texts = new WeakMap();

/** Resolves once `explorer` holds every text of its incidents: the bundled dataset's long texts
 * (descriptions, sources ...) are left out of the module to start faster and fetched here, once,
 * when a reader first needs them (a card, the table, a download). */
export function fullText(explorer) {
  if (!explorer?.needsText()) return Promise.resolve();
  let p = texts.get(explorer);
  if (!p) {
    p = besideModule('cyber_spectrum_text.txt')
      .then((r) => r.text())
      .then((text) => { explorer.attachText(text); })
      .catch((e) => { texts.delete(explorer); throw new Error(`the incidents' descriptions and sources could not be loaded (${e.message})`); });
    texts.set(explorer, p);
  }
  return p;
}

let words = null;

/** The legal readings' and response tiers' words (who, document, basis, mapping, definitions,
 * sources): `{readings: {id: {...}}, tiers: {id: {...}}}`, fetched once from beside the module. */
export function readingWords() {
  words ??= besideModule('cyber_spectrum_readings.json')
    .then((r) => r.json())
    .catch((e) => { words = null; throw new Error(`the legal readings' sources could not be loaded (${e.message})`); });
  return words;
}


/** Works out `filter`'s statistics and chart counts on `explorer` in steps, the page yielding
 * between them (`Explorer.prepare`), so the calls that then show them answer at once: for data
 * from a file or URL, where a first pass over a million incidents would hold the page. A filter
 * it refuses is left to the call that applies it, which says why. */
export async function prepare(explorer, filter) {
  let work;
  try {
    work = explorer.prepare(filter);
    while (!work.step(explorer)) await pause();
  } catch {
    // Nothing is lost: the call that shows the state works it out at once, and reports a problem.
  } finally {
    work?.free();
  }
}

/** An exception's message; a trap of the WebAssembly core (after an internal error) said as such. */
export function reason(e) {
  if (e instanceof WebAssembly.RuntimeError) return `the chart's core stopped on an internal error (${e.message})`;
  return e?.message ?? String(e);
}
