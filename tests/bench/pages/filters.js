// The filter changes of the side-by-side benchmark, said once for both sides: `ours` as the
// explorer's filter object, `vega` as the Vega-Lite page's parameters (DCID initiators are
// Correlates of War codes: Russia 365, China 710).
export const FILTERS = [
  { ours: {}, vega: { init: 0, yFrom: 0, yTo: 9999, minSev: 0 } },
  { ours: { initiators: ['RUS'] }, vega: { init: 365, yFrom: 0, yTo: 9999, minSev: 0 } },
  { ours: { from: 2010, to: 2016 }, vega: { init: 0, yFrom: 2010, yTo: 2016, minSev: 0 } },
  { ours: { minSeverity: 4 }, vega: { init: 0, yFrom: 0, yTo: 9999, minSev: 4 } },
  { ours: { initiators: ['CHN'], from: 2012 }, vega: { init: 710, yFrom: 2012, yTo: 9999, minSev: 0 } },
];
