// make bench, our side: the documented path for a publisher's file (fetchBytes, importBytes in the
// worker, the explorer taking it in), then the statistics and both charts; then filter changes, each
// redrawing the statistics and both charts. Results in window.__result for tests/bench/compare.mjs.
import { timeChanges } from './filters.js';

const data = new URLSearchParams(location.search).get('data');
const [m, loader] = await Promise.all([import('../pkg/cyber_spectrum.js'), import('../loader.js')]);
try {
  const marks = { modules: performance.now() };
  // The file downloads (and the importer's worker starts) while the explorer's module starts.
  const [, bytes] = await Promise.all([
    m.default().then(() => { marks.init = performance.now(); }),
    loader.fetchBytes(data).then((b) => { marks.fetched = performance.now(); return b; }),
  ]);
  const imported = await loader.importBytes(bytes, { format: 'dcid', keep: false });
  marks.imported = performance.now();
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
  window.__result = { ...timed, rows: ex.stats({}).total, memory: m.memoryUse().total, marks };
} catch (e) {
  window.__result = { error: e.message };
}
