// make bench, a file over a link slower than the machine (the page's network emulated by
// compare.mjs): the documented path, importUrl (the worker downloads the file and reads its rows
// as they arrive), against downloading it first and then reading it (fetchBytes, then
// importBytes). Results in window.__result for tests/bench/compare.mjs.
const data = new URLSearchParams(location.search).get('data');
const loader = await import('../loader.js');
try {
  // The worker's files fetched once first, so both ways below find them alike.
  await loader.importBytes(new TextEncoder().encode('id,name,start,initiator,targets\na,A,2020,PRK,KOR\n'));
  let t = performance.now();
  await loader.importUrl(data, { format: 'dcid' });
  const streamed = performance.now() - t;
  t = performance.now();
  const bytes = await loader.fetchBytes(data);
  const download = performance.now() - t;
  await loader.importBytes(bytes, { format: 'dcid', keep: false });
  const whole = performance.now() - t;
  window.__result = { streamed, download, whole };
} catch (e) {
  window.__result = { error: e.message };
}
