// make bench, the floor under our first chart: what ours.js starts before it can draw (the
// explorer's module and wasm, the importer's worker and wasm), with a file of one incident read
// and nothing drawn. No first chart from a file, of any size, comes sooner in this browser on this
// machine. Results in window.__result for tests/bench/compare.mjs.
const data = new URLSearchParams(location.search).get('data');
try {
  const [m, loader] = await Promise.all([import('../pkg/cyber_spectrum.js'), import('../loader.js')]);
  const [, imported] = await Promise.all([m.default(), loader.importUrl(data, { format: 'dcid' })]);
  window.__result = { ready: performance.now(), total: imported.total };
} catch (e) {
  window.__result = { error: e.message };
}
