// Data files in: a URL's bytes with progress, or a File's, refused with an Error naming the URL or
// file and the problem (over the size limit, an HTTP error, a stalled server, an HTML page).
// Used by the page (loader.js fetchBytes) and by the importer's worker, which downloads a chart's
// src itself (loader.js importUrl), so the bytes never pass through the page's main thread.
import { MAX_INPUT_BYTES } from './schema.js';
import { pause } from './pause.js';

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
export function tooLarge(what, size) {
  return new Error(`${what} is ${megabytes(size)}; the explorer reads at most ${megabytes(MAX_INPUT_BYTES, 0)}`);
}

/** A file's bytes, refusing one over the limit before reading it. */
export async function fileBytes(file) {
  if (file.size > MAX_INPUT_BYTES) throw tooLarge(file.name, file.size);
  return new Uint8Array(await file.arrayBuffer());
}

/** Bytes enough to tell an HTML page from data. */
const HEAD_BYTES = 200;

/** Refuses what an HTML page's first bytes and content type show to be one. */
function notHtml(url, head, type) {
  const text = new TextDecoder().decode(head.subarray(0, HEAD_BYTES));
  if (/^\s*<(!doctype html|html)/i.test(text) || (/text\/html/i.test(type) && /^\s*</.test(text))) {
    throw new Error(`${url} served an HTML page (${type || 'no content type'}), not a data file`);
  }
}

/**
 * The bytes at `url`, reporting `onProgress(received, total|null)`. Refused, with a message
 * naming the URL: a failed request or HTTP status, a download over the size limit (before
 * downloading when the server says its length), a server silent for `stallSeconds`, a download
 * still running after DEADLINE_FACTOR times that, an HTML page.
 * With `onPiece(bytes, total|null)` the bytes go there as they arrive (the first piece once it is
 * known not to be an HTML page), and the download resolves to how many there were; a throw from
 * `onPiece` cancels the download and rejects with it.
 */
export async function download(url, { signal, onProgress, onPiece, stallSeconds = STALL_SECONDS } = {}) {
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
    // With onPiece, the chunks wait here only until the first HEAD_BYTES have come.
    let held = Boolean(onPiece);
    const handOn = async (done) => {
      if (held && (received >= HEAD_BYTES || done)) {
        const head = await joined(chunks, received);
        notHtml(url, head, type);
        chunks.length = 0;
        held = false;
        onPiece(head, total);
      }
    };
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
        received += part.value.length;
        if (received > MAX_INPUT_BYTES) {
          reader.cancel().catch(() => {});
          throw tooLarge(url, received);
        }
        try {
          if (held) {
            chunks.push(part.value);
            await handOn(false);
          } else if (onPiece) {
            onPiece(part.value, total);
          } else {
            chunks.push(part.value);
          }
        } catch (e) {
          reader.cancel().catch(() => {});
          throw e;
        }
        onProgress?.(received, total);
      }
    } else {
      chunks.push(new Uint8Array(await res.arrayBuffer()));
      received = chunks[0].length;
    }
    if (onPiece) {
      await handOn(true);
      return received;
    }
    const bytes = await joined(chunks, received);
    notHtml(url, bytes, type);
    return bytes;
  } finally {
    clearTimeout(timer);
    clearTimeout(deadline);
  }
}

/** The chunks of a download as one array, copied a few MB at a time with pauses between, so a
 * 100 MB file does not hold the page while it is put together (at once: 100 to 370 ms). */
export async function joined(chunks, length) {
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
