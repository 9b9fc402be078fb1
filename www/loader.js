// Getting a dataset in: fetch a URL with progress, or take a file's bytes, and read them in the
// importer worker. Every step can be cancelled through an AbortSignal; every failure is an Error
// whose message names the URL or file and the problem.

const WORKER_URL = new URL('./import-worker.js', import.meta.url);

/** The bytes at `url`, reporting `onProgress(received, total|null)`. */
export async function fetchBytes(url, { signal, onProgress } = {}) {
  let res;
  try {
    res = await fetch(url, { signal });
  } catch (e) {
    if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
    throw new Error(`could not fetch ${url}: ${e.message}`);
  }
  if (!res.ok) throw new Error(`could not fetch ${url}: HTTP ${res.status} ${res.statusText}`.trim());
  const type = res.headers.get('content-type') || '';
  const total = Number(res.headers.get('content-length')) || null;
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress?.(received, total);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.length; }
  const head = new TextDecoder().decode(bytes.slice(0, 200));
  if (/^\s*<(!doctype html|html)/i.test(head) || (/text\/html/i.test(type) && /^\s*</.test(head))) {
    throw new Error(`${url} served an HTML page, not a data file`);
  }
  return bytes;
}

function runWorker(message, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(new DOMException('cancelled', 'AbortError')); return; }
    const worker = new Worker(WORKER_URL, { type: 'module' });
    const stop = () => { worker.terminate(); reject(new DOMException('cancelled', 'AbortError')); };
    signal?.addEventListener('abort', stop, { once: true });
    const finish = () => { signal?.removeEventListener('abort', stop); worker.terminate(); };
    worker.onmessage = ({ data }) => {
      finish();
      if (data.ok) resolve(data.result); else reject(new Error(data.error));
    };
    worker.onerror = (e) => {
      finish();
      reject(new Error(`the importer could not start (${e.message || 'worker failed to load'})`));
    };
    // A copy goes to the worker, so the page keeps the bytes (to retry with a column mapping).
    const bytes = message.bytes.slice();
    worker.postMessage({ ...message, bytes }, [bytes.buffer]);
  });
}

/** Reads bytes in `format` (or with a column `mapping`) in a worker: `{facts, more, text, ends, scale, warnings, format, total}` for `Explorer.fromImport`. */
export function importBytes(bytes, { format = 'auto', mapping = null, signal } = {}) {
  return runWorker({ kind: 'import', bytes, format, mapping }, signal);
}

/** The column names of a file, for choosing a mapping. */
export function fileColumns(bytes, { signal } = {}) {
  return runWorker({ kind: 'columns', bytes }, signal);
}
