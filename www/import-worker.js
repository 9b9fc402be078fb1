// Runs the importer wasm module off the main thread: a file's bytes in; the incidents in columns
// (typed arrays, handed over without a copy) plus scale, warnings and format out (see
// src/web/import.rs). The page starts one worker per load and terminates it to cancel, so a large
// file never freezes the page. There are two importer modules: one for text (CSV, JSON: what a
// `src` usually is), started with the worker, and one that also reads .xlsx workbooks, fetched
// only when the bytes are one (a zip archive).
import * as text from './pkg/cyber_spectrum_import.js';

// The text importer starts as soon as the worker does: the page starts a worker while the file is
// still downloading (see loader.js), so the module is ready when the bytes arrive.
const ready = text.default().then(() => text);
let workbooks = null;
const importerFor = (bytes) => {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4)) return ready;
  workbooks ??= import('./pkg/cyber_spectrum_import_xlsx.js').then(async (m) => { await m.default(); return m; });
  return workbooks;
};

self.onmessage = async ({ data }) => {
  try {
    const m = await importerFor(data.bytes);
    const result = data.kind === 'columns'
      ? m.columns(data.bytes)
      : m.importFile(data.bytes, data.format || 'auto', data.mapping ?? null);
    const transfer = data.kind === 'columns' ? [] : [result.facts.buffer, result.more.buffer, result.ends.buffer, result.text.buffer];
    self.postMessage({ ok: true, result }, transfer);
  } catch (e) {
    self.postMessage({ ok: false, error: (e && e.message) || String(e) });
  }
};
