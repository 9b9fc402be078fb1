// The filter changes of the side-by-side benchmark and how they are timed, said once for both
// sides: `ours` as the explorer's filter object, `vega` as the Vega-Lite page's parameters (DCID
// initiators are Correlates of War codes: Russia 365, China 710).
export const FILTERS = [
  { ours: {}, vega: { init: 0, yFrom: 0, yTo: 9999, minSev: 0 } },
  { ours: { initiators: ['RUS'] }, vega: { init: 365, yFrom: 0, yTo: 9999, minSev: 0 } },
  { ours: { from: 2010, to: 2016 }, vega: { init: 0, yFrom: 2010, yTo: 2016, minSev: 0 } },
  { ours: { minSeverity: 4 }, vega: { init: 0, yFrom: 0, yTo: 9999, minSev: 4 } },
  { ours: { initiators: ['CHN'], from: 2012 }, vega: { init: 710, yFrom: 2012, yTo: 9999, minSev: 0 } },
];

/** The first chart and 50 filter changes, timed the same way on both sides: `render(filter)`
 * (async or not) applies one row of FILTERS and resolves to how many incidents it selects;
 * `start()` finishes the first chart (by default, rendering the first row of FILTERS). Resolves
 * to `{first, changes, totals}`: when the first chart was up (ms from navigation), each change's
 * duration, and the incidents per filter (to compare the two sides' selections). */
export async function timeChanges(render, start = () => render(FILTERS[0])) {
  const totals = [await start()];
  const first = performance.now();
  const changes = [];
  for (let i = 1; i <= 50; i += 1) {
    const f = FILTERS[i % FILTERS.length];
    const t = performance.now();
    const total = await render(f);
    changes.push(performance.now() - t);
    if (i < FILTERS.length) totals.push(total);
    await new Promise((r) => requestAnimationFrame(r));
  }
  return { first, changes, totals };
}
