// An element's data: the dataset its attributes name (src, format, timeout, context-src; the
// bundled one without src), held through core.js so charts of one page share it, and handed to
// the element once its first state is worked out. A problem is a message inside the element.
import { FORMATS } from './schema.js';
import { acquire, release, reason, pause, prepare, readAhead, dropAhead } from './core.js';
import { readTimeout } from './embed-tools.js';

const FORMAT_NAMES = FORMATS.filter((f) => !f.mapping).map((f) => f.name);

/** Whether `text` reads as a URL relative to the page. */
function isUrl(text) {
  try {
    return Boolean(new URL(text, document.baseURI));
  } catch {
    return false;
  }
}

/** The data `el`'s attributes ask for: `{src, format, stallSeconds}`, or `{error}` naming the
 * attribute that is wrong. */
function request(el) {
  const format = (el.getAttribute('format') || 'auto').trim().toLowerCase();
  if (!FORMAT_NAMES.includes(format)) return { error: `Attribute format="${format}" is not one of: ${FORMAT_NAMES.join(', ')}.` };
  const { seconds: stallSeconds, error } = readTimeout(el.getAttribute('timeout'));
  return error ? { error } : { src: el.getAttribute('src'), format, stallSeconds };
}

/** Starts downloading and reading `el`'s src as the element starts, while the explorer's module
 * loads (see core.js readAhead); `loadData` takes it. Nothing for the bundled data or bad
 * attributes (`loadData` says what is wrong). */
export function readDataAhead(el) {
  const { src, format, stallSeconds } = request(el);
  try {
    if (src) el.readingAhead = readAhead(src, format, stallSeconds);
  } catch {
    // A src that is no URL at all: the load that follows says so in the element.
  }
}

/** Loads the data `el`'s attributes name into it (`el.adopt(explorer, facets)`), or says in it
 * why it cannot (`el.fail`). A newer src, or the element leaving the page, lets it go. */
export async function loadData(el) {
  const { src, format, stallSeconds, error } = request(el);
  // A read begun as the element started is taken by the acquire below, or given up if the
  // attributes changed since.
  const early = el.readingAhead;
  el.readingAhead = null;
  if (error) {
    if (early) dropAhead(early);
    el.fail(error);
    return;
  }
  // Where start-up ends and the data's work begins (the long-task test reads it).
  performance.mark('cs:loading');
  el.status.textContent = src ? `Loading data from ${src}…` : 'Loading the chart…';
  el.status.hidden = false;
  let entry;
  try {
    entry = acquire(el.m, src, format, stallSeconds, el.getAttribute('context-src'));
  } catch {
    if (early) dropAhead(early);
    const which = src && !isUrl(src) ? `src="${src}"` : `context-src="${el.getAttribute('context-src')}"`;
    el.fail(`Attribute ${which} is not a URL.`);
    return;
  }
  if (early) dropAhead(early); // not taken: another src (a taken one is no longer there to drop)
  let explorer;
  try {
    explorer = await entry.loading;
  } catch (e) {
    release(entry);
    if (src === el.getAttribute('src')) el.fail(`The data could not be loaded: ${reason(e)}`);
    return;
  }
  if (src !== el.getAttribute('src') || !el.isConnected) { // a newer src is loading, or the element left
    release(entry);
    if (!el.isConnected) el.released = true;
    return;
  }
  if (el.held) release(el.held);
  el.held = entry;
  // Facets, then statistics and the chart, each in a task of its own: with a million incidents
  // each takes tens of milliseconds, and the article stays responsive between them.
  // Still this element's data after each pause: not replaced by a newer src, not let go because
  // the element left the page.
  const current = () => el.held === entry && src === el.getAttribute('src');
  if (src) await pause();
  if (!current()) return;
  const facets = explorer.facets();
  if (src) await pause();
  if (!current()) return;
  if (src) {
    // The first state's statistics and chart counts, worked out in steps.
    const first = el.firstFilter(explorer);
    if (first) await prepare(explorer, first);
    if (!current()) return;
  }
  el.adopt(explorer, facets);
}
