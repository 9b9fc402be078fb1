// make bench, the Vega-Lite side: the same two charts (counts per severity level by initiator; each
// incident by start date and severity) and statistics (total, per initiator, mean severity) from
// the same DCID file, built with Vega-Lite 6 and vega-embed on a canvas, filters as parameters
// (signals: no re-embed). Results in window.__result for tests/bench/compare.mjs.
import { FILTERS, timeChanges } from './filters.js';

const data = new URLSearchParams(location.search).get('data');
const FILTER = '(init == 0 || datum.initiator == init) && year(datum.interactionstartdate) >= yFrom'
  + ' && year(datum.interactionstartdate) <= yTo && datum.severity >= minSev';
const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  data: { url: data, format: { type: 'csv', parse: { severity: 'number', initiator: 'number', interactionstartdate: 'date' } } },
  params: Object.entries(FILTERS[0].vega).map(([name, value]) => ({ name, value })),
  transform: [{ filter: FILTER }],
  vconcat: [
    { width: 900, height: 400, mark: 'bar', encoding: {
      x: { field: 'severity', type: 'ordinal', scale: { domain: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } },
      y: { aggregate: 'count', type: 'quantitative' }, color: { field: 'initiator', type: 'nominal' } } },
    { width: 900, height: 400, mark: 'point', encoding: {
      x: { field: 'interactionstartdate', type: 'temporal' }, y: { field: 'severity', type: 'quantitative' },
      color: { field: 'initiator', type: 'nominal' } } },
  ],
};
try {
  const compiled = vegaLite.compile(spec).spec;
  // The dataset after the filter, for the statistics.
  const filtered = compiled.data.find((d) => (d.transform ?? []).some((t) => t.type === 'filter' && t.expr.includes('init'))).name;
  const { view } = await vegaEmbed('#vis', compiled, { mode: 'vega', renderer: 'canvas', actions: false });
  const stats = () => {
    const rows = view.data(filtered);
    const by = new Map();
    let sum = 0;
    for (const r of rows) { by.set(r.initiator, (by.get(r.initiator) ?? 0) + 1); sum += r.severity; }
    return { total: rows.length, byInitiator: [...by].sort((a, b) => b[1] - a[1]), mean: rows.length ? sum / rows.length : null };
  };
  window.__result = await timeChanges(async (f) => {
    for (const [k, v] of Object.entries(f.vega)) view.signal(k, v);
    await view.runAsync();
    return stats().total;
  }, () => stats().total); // the embed drew the first chart with FILTERS[0]'s parameters
} catch (e) {
  window.__result = { error: e.message };
}
