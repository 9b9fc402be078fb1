// Getting a dataset in: fetch a URL with progress, or take a file's bytes, and read them in the
// importer worker. Every step can be cancelled through an AbortSignal; every failure is an Error
// whose message names the URL or file and the problem.

const WORKER_URL = new URL('./import-worker.js', import.meta.url);

// The largest input read (schema.js, from src/import/mod.rs): a larger file or download is
// refused before it is read.
import { MAX_INPUT_BYTES } from './schema.js';
import { pause } from './core.js';

/** Seconds a download may go without receiving anything before it is given up. */
export const STALL_SECONDS = 30;
/** A whole download may take this many times its stall time (five minutes by default): a server
 * that trickles a byte now and then never stalls, and is given up on at this deadline. */
export const DEADLINE_FACTOR = 10;

/** Milliseconds of reading a download's chunks between pauses. */
const READ_MS = 10;
/** Bytes copied into one array between pauses: a few milliseconds. */
const JOIN_BYTES = 4 << 20;

/** `n` bytes in MB of 2^20 bytes (the unit of the size limit), with `digits` decimals. */
export const megabytes = (n, digits = 1) => `${(n / 2 ** 20).toFixed(digits)} MB`;
function tooLarge(what, size) {
  return new Error(`${what} is ${megabytes(size)}; the explorer reads at most ${megabytes(MAX_INPUT_BYTES, 0)}`);
}

/** A file's bytes, refusing one over the limit before reading it. */
export async function fileBytes(file) {
  if (file.size > MAX_INPUT_BYTES) throw tooLarge(file.name, file.size);
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * The bytes at `url`, reporting `onProgress(received, total|null)`. Refused, with a message
 * naming the URL: a failed request or HTTP status, a download over the size limit (before
 * downloading when the server says its length), a server silent for `stallSeconds`, a download
 * still running after DEADLINE_FACTOR times that, an HTML page.
 */
export async function fetchBytes(url, { signal, onProgress, stallSeconds = STALL_SECONDS } = {}) {
  warmImporter(); // bytes fetched are bytes to read: the importer starts while they download
  const stalled = new AbortController();
  let timer;
  let overdue = false;
  let received = 0;
  const deadline = setTimeout(() => { overdue = true; stalled.abort(); }, stallSeconds * DEADLINE_FACTOR * 1000);
  const wait = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stalled.abort(), stallSeconds * 1000);
  };
  // The caller's cancel also stops the request (AbortSignal.any where the browser has it).
  let both = stalled.signal;
  if (signal && AbortSignal.any) both = AbortSignal.any([signal, stalled.signal]);
  else signal?.addEventListener('abort', () => stalled.abort(), { once: true });
  const failed = (e) => {
    if (signal?.aborted) return new DOMException('cancelled', 'AbortError');
    if (overdue) {
      return new Error(`${url} was still downloading after ${stallSeconds * DEADLINE_FACTOR} s (${megabytes(received)} received; `
        + `the limit is ${DEADLINE_FACTOR} times the ${stallSeconds} s timeout); gave up`);
    }
    if (stalled.signal.aborted) return new Error(`${url} did not answer for ${stallSeconds} s; gave up`);
    return new Error(`could not fetch ${url}: ${e.message}`);
  };
  wait();
  try {
    let res;
    try {
      res = await fetch(url, { signal: both });
    } catch (e) {
      throw failed(e);
    }
    if (!res.ok) {
      res.body?.cancel().catch(() => {});
      throw new Error(`could not fetch ${url}: HTTP ${res.status} ${res.statusText}`.trim());
    }
    const type = res.headers.get('content-type') || '';
    const total = Number(res.headers.get('content-length')) || null;
    if (total > MAX_INPUT_BYTES) {
      res.body?.cancel().catch(() => {});
      throw tooLarge(url, total);
    }
    const chunks = [];
    if (res.body) {
      const reader = res.body.getReader();
      // Chunks already received are read one after another without leaving the task: a
      // download that arrived faster than it is read (100 MB from a cache) would hold the page.
      let yielded = performance.now();
      for (;;) {
        if (performance.now() - yielded > READ_MS) {
          await pause();
          yielded = performance.now();
        }
        wait();
        let part;
        try {
          part = await reader.read();
        } catch (e) {
          throw failed(e);
        }
        if (part.done) break;
        chunks.push(part.value);
        received += part.value.length;
        if (received > MAX_INPUT_BYTES) {
          reader.cancel().catch(() => {});
          throw tooLarge(url, received);
        }
        onProgress?.(received, total);
      }
    } else {
      chunks.push(new Uint8Array(await res.arrayBuffer()));
      received = chunks[0].length;
    }
    const bytes = await joined(chunks, received);
    const head = new TextDecoder().decode(bytes.slice(0, 200));
    if (/^\s*<(!doctype html|html)/i.test(head) || (/text\/html/i.test(type) && /^\s*</.test(head))) {
      throw new Error(`${url} served an HTML page (${type || 'no content type'}), not a data file`);
    }
    return bytes;
  } finally {
    clearTimeout(timer);
    clearTimeout(deadline);
  }
}

/** The chunks of a download as one array, copied a few MB at a time with pauses between, so a
 * 100 MB file does not hold the page while it is put together (at once: 100 to 370 ms). */
async function joined(chunks, length) {
  const bytes = new Uint8Array(length);
  let at = 0;
  let since = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
    since += c.length;
    if (since >= JOIN_BYTES) { since = 0; await pause(); }
  }
  return bytes;
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

function runWorker(message, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(new DOMException('cancelled', 'AbortError')); return; }
    const worker = spare && !spare.failed ? spare.worker : startWorker();
    if (spare?.failed) spare.worker.terminate();
    spare = null;
    const stop = () => { worker.terminate(); reject(new DOMException('cancelled', 'AbortError')); };
    signal?.addEventListener('abort', stop, { once: true });
    const finish = () => { signal?.removeEventListener('abort', stop); worker.terminate(); };
    worker.onmessage = ({ data }) => {
      finish();
      if (data.ok) resolve(data.result); else reject(new Error(data.error));
    };
    worker.onerror = (e) => {
      finish();
      // The page's policy reports a refusal as an event of its own, which may come just after.
      setTimeout(() => reject(new Error(notStarted(e))), 0);
    };
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

/** The column names of a file, for choosing a mapping. */
export function fileColumns(bytes, { signal } = {}) {
  return runWorker({ kind: 'columns', bytes }, signal);
}

/** An Explorer (of the started module `m`) on what `importBytes` resolved to: `fromImport` in
 * steps, the page yielding between them, so a million incidents never hold it for long. */
export async function receive(m, imported) {
  const r = m.Explorer.receive(imported);
  try {
    while (!r.step()) await pause();
    return r.finish();
  } finally {
    r.free();
  }
}

/** The dataset at `src` (relative to the page) in `format`, as an Explorer of the started module
 * `m`, for core.js. */
export async function loadSource(m, src, format, stallSeconds) {
  const url = new URL(src, document.baseURI).href;
  const bytes = await fetchBytes(url, { stallSeconds });
  // Every format, the project's own CSV included, is read in the importer's worker: a large file
  // never blocks the article's main thread (a million rows took 5 s there).
  try {
    return await receive(m, await importBytes(bytes, { format, keep: false }));
  } catch (e) {
    throw new Error(`${url}: ${e.message}`);
  }
}
