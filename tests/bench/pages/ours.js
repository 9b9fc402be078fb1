// make bench, our side: the documented path for a publisher's file at a URL (importUrl: downloaded
// and read in the worker; the explorer taking it in), then the statistics and both charts; then
// filter changes, each redrawing the statistics and both charts. Last, the import's own speed: the
// same file's bytes fetched to the page, then read in a worker (fetchBytes, importBytes), timed
// from the bytes to the columns. Results in window.__result for tests/bench/compare.mjs.
import { timeChanges } from './filters.js';

const data = new URLSearchParams(location.search).get('data');
const [m, loader] = await Promise.all([import('../pkg/cyber_spectrum.js'), import('../loader.js')]);
try {
  const marks = { modules: performance.now() };
  // The file downloads and is read in the importer's worker while the explorer's module starts.
  const [, imported] = await Promise.all([
    m.default().then(() => { marks.init = performance.now(); }),
    loader.importUrl(data, { format: 'dcid' }).then((r) => { marks.imported = performance.now(); return r; }),
  ]);
  const ex = await loader.receive(m, imported);
  marks.received = performance.now();
  const canvases = ['spectrum', 'timeline'].map((id) => document.getElementById(id));
  const render = (f) => {
    const s = ex.stats(f.ours);
    for (const c of canvases) ex.draw(c, c.id, f.ours, 1).free();
    return s.total;
  };
  const timed = await timeChanges(render);
  marks.first = timed.first;
  const bytes = await loader.fetchBytes(data);
  const read = performance.now();
  await loader.importBytes(bytes, { format: 'dcid', keep: false });
  const readMs = performance.now() - read;
  window.__result = { ...timed, rows: ex.stats({}).total, memory: m.memoryUse().total, marks, readMs };
} catch (e) {
  window.__result = { error: e.message };
}
