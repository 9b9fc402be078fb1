// Runs the importer wasm module off the main thread: a file's bytes (or a URL, downloaded here) in;
// the incidents in columns (typed arrays, handed over without a copy) plus scale, warnings and
// format out (see src/web/import.rs). The page starts one worker per load and terminates it to cancel, so a large
// file never freezes the page. There are two importer modules: one for text (CSV, JSON: what a
// `src` usually is), started with the worker, and one that also reads .xlsx workbooks, fetched
// only when the bytes are one (a zip archive). A URL's file is read as it downloads (readUrl).
import { download, joined } from './download.js';

const message = (e) => (e && e.message) || String(e);

// The text importer is fetched and started as soon as the worker runs, by a dynamic import: this
// script takes its messages at once, so a URL downloads while the importer's module loads and
// compiles (a static import would hold the messages, and so the download, until it had).
const ready = import('./pkg/cyber_spectrum_import.js').then(async (m) => { await m.default(); return m; })
  .catch((e) => { throw new Error(`the importer could not load (${message(e)})`); });
ready.catch(() => {}); // reported by the read that needs it, not as an unhandled rejection
let workbooks = null;
const isZip = (bytes) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
const importerFor = (bytes) => {
  if (!isZip(bytes)) return ready;
  workbooks ??= import('./pkg/cyber_spectrum_import_xlsx.js').then(async (m) => { await m.default(); return m; });
  return workbooks;
};

/** The result, with the arrays that move to the page rather than being copied. */
const handed = (result) => [result, [result.facts.buffer, result.more.buffer, result.ends.buffer, result.text.buffer]];

/** What a message asks for: the columns' names, or the incidents read from its bytes. */
async function read(data, bytes) {
  const m = await importerFor(bytes);
  if (data.kind === 'columns') return [m.columns(bytes), []];
  let result;
  try {
    result = m.importFile(bytes, data.format || 'auto', data.mapping ?? null);
  } catch (e) {
    // A downloaded file's problem names it, as the download's own do.
    throw data.kind === 'url' ? new Error(`${data.url}: ${message(e)}`) : e;
  }
  return handed(result);
}

/** A URL's file downloaded and read as it arrives: each piece goes to the text importer (a
 * `Reading`) as soon as the importer has loaded (the pieces that come before wait for it), so a
 * large file is mostly read by the time its last byte arrives. A workbook (a zip archive, known
 * by its first piece) is kept whole and read at the end by the importer that reads workbooks. */
async function readUrl(data) {
  const named = (e) => new Error(`${data.url}: ${message(e)}`);
  let importer = null;
  ready.then((m) => { importer = m; }, () => {});
  let reading = null;
  let pieces = [];
  let size = 0;
  let workbook = null;
  const giveOn = () => {
    try {
      reading ??= new importer.Reading(data.format || 'auto', size || undefined);
      for (const p of pieces) reading.push(p);
    } catch (e) {
      throw named(e);
    }
    pieces = [];
  };
  const onProgress = data.progress ? (received, total) => self.postMessage({ progress: [received, total] }) : undefined;
  const length = await download(data.url, {
    stallSeconds: data.stallSeconds,
    onProgress,
    onPiece: (piece, total) => {
      size = total ?? 0;
      workbook ??= isZip(piece);
      pieces.push(piece);
      if (!workbook && importer) giveOn();
    },
  });
  if (workbook) return read(data, await joined(pieces, length));
  importer = await ready;
  giveOn();
  try {
    return handed(reading.finish());
  } catch (e) {
    throw named(e);
  } finally {
    reading.free();
  }
}

self.onmessage = async ({ data }) => {
  try {
    const [result, transfer] = await (data.kind === 'url' ? readUrl(data) : read(data, data.bytes));
    self.postMessage({ ok: true, result }, transfer);
  } catch (e) {
    self.postMessage({ ok: false, error: message(e) });
  }
};
