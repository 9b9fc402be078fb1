// Runs the importer wasm module off the main thread: a file's bytes in; the incidents in columns
// (typed arrays, handed over without a copy) plus scale, warnings and format out (see
// src/web_import.rs). The page starts one worker per load and terminates it to cancel, so a large
// file never freezes the page.
import init, { importFile, columns } from './pkg/cyber_spectrum_import.js';

// The importer starts as soon as the worker does: the page starts a worker while the file is still
// downloading (see loader.js), so the module is ready when the bytes arrive.
const ready = init();

self.onmessage = async ({ data }) => {
  try {
    await ready;
    const result = data.kind === 'columns'
      ? columns(data.bytes)
      : importFile(data.bytes, data.format || 'auto', data.mapping ?? null);
    const transfer = data.kind === 'columns' ? [] : [result.facts.buffer, result.more.buffer, result.ends.buffer, result.text.buffer];
    self.postMessage({ ok: true, result }, transfer);
  } catch (e) {
    self.postMessage({ ok: false, error: (e && e.message) || String(e) });
  }
};
