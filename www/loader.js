// Getting a dataset in: fetch a URL with progress, or take a file's bytes, and read them in the
// importer worker; or have the worker download a URL and read it (importUrl), the bytes never
// passing through the page. Every step can be cancelled through an AbortSignal; every failure is
// an Error whose message names the URL or file and the problem.
import { download } from './download.js';
import { pause } from './pause.js';

export { STALL_SECONDS, DEADLINE_FACTOR, megabytes, fileBytes } from './download.js';

const WORKER_URL = new URL('./import-worker.js', import.meta.url);

/** The bytes at `url`, reporting `onProgress(received, total|null)` (see download.js for what is
 * refused). The importer's worker starts while they download: bytes fetched are bytes to read. */
export function fetchBytes(url, options) {
  warmImporter();
  return download(url, options);
}

// Browsers start a worker only from a script of the page's own origin. When these files come from
// another origin (a CDN), or the page has no origin of its own (an iframe sandboxed without
// allow-same-origin), the worker starts from a few lines made here, a blob: URL, that import the
// real one from beside this module (its wasm then loads by CORS, as this module's does). It is a
// classic script, because Chromium starts no module worker from a sandboxed frame's blob:, and it
// keeps the messages that arrive while the import loads, then hands them over. The page's policy
// must allow `worker-src blob:`; served from the page's own origin nothing changes.
const SAME_ORIGIN = WORKER_URL.origin === globalThis.origin;
let bootstrap = null;
// The directive that refused the blob: worker, if the page's Content-Security-Policy did.
let refusedBy = null;
function workerScript() {
  if (SAME_ORIGIN) return WORKER_URL.href;
  if (!bootstrap) {
    const url = JSON.stringify(WORKER_URL.href);
    const source = `const early = [];
onmessage = (e) => { early.push(e); };
import(${url}).then(() => { for (const e of early) onmessage(e); }, (e) => {
  const fail = () => postMessage({ ok: false, error: 'the importer could not load from ' + ${url} + ' (' + e.message + ')' });
  early.forEach(fail);
  onmessage = fail;
});
`;
    bootstrap = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    globalThis.document?.addEventListener('securitypolicyviolation', (e) => {
      if (/^blob/.test(e.blockedURI)) refusedBy = e.effectiveDirective || e.violatedDirective;
    });
  }
  return bootstrap;
}

// Under Trusted Types a worker's script URL must come from a policy: this one allows exactly the
// importer worker beside this module (or its blob: starter above), nothing else.
let policy = null;
function workerUrl() {
  const url = workerScript();
  const tt = globalThis.trustedTypes;
  if (!tt) return url;
  policy ??= tt.createPolicy('cyber-spectrum', {
    createScriptURL: (u) => {
      if (u !== WORKER_URL.href && u !== bootstrap) throw new TypeError(`cyber-spectrum: ${u} is not its importer worker`);
      return u;
    },
  });
  return policy.createScriptURL(url);
}

/** The importer worker: the module beside this one, or the classic blob: starter above. */
const startWorker = () => new Worker(workerUrl(), { type: SAME_ORIGIN ? 'module' : 'classic' });

/** Why the worker did not start, as a reader or publisher can act on it. */
function notStarted(event) {
  if (refusedBy) {
    return `the importer could not start: this page's Content-Security-Policy (${refusedBy}) refuses its worker. `
      + `With cyber-spectrum served from ${WORKER_URL.origin}, the page's policy needs worker-src blob:`;
  }
  const why = event?.message || 'worker failed to load';
  return SAME_ORIGIN ? `the importer could not start (${why})`
    : `the importer could not start (${why}; it is served from ${WORKER_URL.origin}, which must allow this page by CORS, and the page's policy must allow worker-src blob:)`;
}

// One importer worker started ahead (by fetchBytes, or after a read) and taken by the next read;
// each read has a worker of its own, terminated when it is done or cancelled.
let spare = null;

/** Starts an importer worker now, so that the next read does not wait for it to load. */
export function warmImporter() {
  if (spare || typeof Worker === 'undefined') return;
  try {
    const worker = startWorker();
    spare = { worker, failed: false };
    const mine = spare;
    worker.onerror = () => { mine.failed = true; }; // the read then starts a worker of its own
  } catch {
    // The read starts its own worker and reports why it cannot.
  }
}

function runWorker(message, signal, onProgress) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(new DOMException('cancelled', 'AbortError')); return; }
    const worker = spare && !spare.failed ? spare.worker : startWorker();
    if (spare?.failed) spare.worker.terminate();
    spare = null;
    const stop = () => { worker.terminate(); reject(new DOMException('cancelled', 'AbortError')); };
    signal?.addEventListener('abort', stop, { once: true });
    const finish = () => { signal?.removeEventListener('abort', stop); worker.terminate(); };
    worker.onmessage = ({ data }) => {
      if (data.progress) { onProgress?.(...data.progress); return; }
      finish();
      if (data.ok) resolve(data.result); else reject(new Error(data.error));
    };
    worker.onerror = (e) => {
      finish();
      // The page's policy reports a refusal as an event of its own, which may come just after.
      setTimeout(() => reject(new Error(notStarted(e))), 0);
    };
    if (!message.bytes) { worker.postMessage(message); return; }
    // A copy goes to the worker when the page keeps the bytes (to retry with a column mapping);
    // otherwise they are handed over, not copied.
    const bytes = message.keep === false ? message.bytes : message.bytes.slice();
    worker.postMessage({ ...message, bytes, keep: undefined }, [bytes.buffer]);
  });
}

/** Reads bytes in `format` (or with a column `mapping`) in a worker: `{facts, more, text, ends, scale, warnings, format, total}` for `Explorer.fromImport`.
 * With `keep: false` the bytes move to the worker (no copy) and are unusable here afterwards. */
export function importBytes(bytes, { format = 'auto', mapping = null, signal, keep = true } = {}) {
  return runWorker({ kind: 'import', bytes, format, mapping, keep }, signal);
}

/** Downloads `url` (absolute, or relative to the page) in the importer's worker and reads it
 * there in `format`: what `importBytes` resolves to, the bytes never reaching the page, which
 * stays free while a large file downloads. Refused as `fetchBytes` refuses a download; a problem
 * reading it names the URL. `onProgress(received, total|null)` follows the download. */
export function importUrl(url, { format = 'auto', signal, onProgress, stallSeconds } = {}) {
  const href = new URL(url, globalThis.document?.baseURI ?? import.meta.url).href;
  return runWorker({ kind: 'url', url: href, format, stallSeconds, progress: Boolean(onProgress) }, signal, onProgress);
}

/** The column names of a file, for choosing a mapping. */
export function fileColumns(bytes, { signal } = {}) {
  return runWorker({ kind: 'columns', bytes }, signal);
}

/** An Explorer (of the started module `m`) on what `importBytes` resolved to: `fromImport` in
 * steps, the page yielding between them, so a million incidents never hold it for long. */
export async function receive(m, imported) {
  // The worker's message is a task of its own (for a million incidents, some 65 MB of arrays
  // taken in and accounted for): the first step waits for the next task, as the others do, and
  // finishing (20 to 30 ms for a million) has a task of its own too.
  await pause();
  const r = m.Explorer.receive(imported);
  try {
    while (!r.step()) await pause();
    await pause();
    return r.finish();
  } finally {
    r.free();
  }
}

/** The dataset at `src` (relative to the page) in `format`, as an Explorer of the started module
 * `m`, for core.js. Every format, the project's own CSV included, is downloaded and read in the
 * importer's worker: a large file never holds the article's main thread (a million rows took 5 s
 * there). `started`: that download and read, begun earlier (`importUrl`) while the module started. */
export async function loadSource(m, src, format, stallSeconds, started = null) {
  const url = new URL(src, document.baseURI).href;
  const imported = await (started ?? importUrl(url, { format, stallSeconds }));
  try {
    return await receive(m, imported);
  } catch (e) {
    throw new Error(`${url}: ${e.message}`);
  }
}
