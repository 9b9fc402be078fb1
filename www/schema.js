// Generated from the Rust vocabularies by `cargo run --bin schema` (part of `make build`); do not
// edit: change the tables in src/ (see src/schema.rs) and rebuild. tests/schema.rs checks it is current.

/** Filter fields (src/filter.rs): API name, parameter/attribute name, kind (year, level, list, text), the control showing it and its label; `upper` marks the top of a range. */
export const FILTERS = [
  {"control":"years","kind":"year","label":"From","name":"from","param":"from"},
  {"control":"years","kind":"year","label":"To","name":"to","param":"to","upper":true},
  {"control":"initiators","kind":"list","label":"Initiators","name":"initiators","param":"initiators"},
  {"control":"targets","kind":"list","label":"Targets","name":"targets","param":"targets"},
  {"control":"methods","kind":"list","label":"Methods","name":"methods","param":"methods"},
  {"control":"objectives","kind":"list","label":"Objectives","name":"objectives","param":"objectives"},
  {"control":"target-types","kind":"list","label":"Target types","name":"targetTypes","param":"target-types"},
  {"control":"attribution","kind":"list","label":"Attribution","name":"attribution","param":"attribution"},
  {"control":"responses","kind":"list","label":"Responses","name":"responses","param":"responses"},
  {"control":"scope","kind":"list","label":"Scope","name":"scope","param":"scope"},
  {"control":"severity","kind":"level","label":"Severity from","name":"minSeverity","param":"min-severity"},
  {"control":"severity","kind":"level","label":"to","name":"maxSeverity","param":"max-severity","upper":true},
  {"control":"search","kind":"text","label":"Search names","name":"search","param":"search"},
  {"control":"reading","kind":"choice","label":"Legal reading","name":"reading","param":"reading"},
];

/** Views (src/chart/mod.rs), the default first: names, headings and sentences. Captions name {reading}, {useOfForce} and {armedAttack} (the active legal reading), {name} and {max} of the scale; [0] is for a scale the readings apply to, [1] for another; `needs` names the statistics field a view draws from when some data lacks it (null then), and `missing` is its caption then. */
export const VIEWS = [
  {"band":"level","button":"Spectrum","counted":"every level is a bar of its count, stacked by initiator","heading":"Escalation spectrum","marks":["Each mark is one incident, stacked at its level on the ladder","Each mark is one incident, stacked at its score on {name}, 0 to {max}"],"missing":"","name":"spectrum","needs":"","rest":["“–” collects incidents not coded. Dashed lines mark use of force ({useOfForce}) and armed attack ({armedAttack}) in the reading of {reading}. Where the answer turns on physical effects the shading is lighter and a ring marks each incident whose effects take it over the line (grey: effects not coded); a bracket marks levels the reading leaves contested, and the bands below name the responses lawful in each region.","“–” collects incidents without a score. That scale has no use-of-force or armed-attack threshold, so none is drawn."],"title":"Escalation spectrum","walk":", level by level"},
  {"band":"year","busiest":true,"button":"Timeline","counted":"each cell’s shade is how many started in that period at that level","heading":"Escalation over time","marks":["Each mark is one incident at its start date and level","Each mark is one incident at its start date and its score on {name}"],"missing":"","name":"timeline","needs":"","rest":["the line steps through each year’s most severe incident. Dashed lines mark use of force ({useOfForce}) and armed attack ({armedAttack}) in the reading of {reading}.","the line steps through each year’s highest score."],"title":"Escalation timeline","walk":" in time order"},
  {"band":"level","button":"Responses","counted":"each cell shows how many incidents it holds","heading":"What was done about it","marks":["Each mark is one incident, at its level and in the row of the strongest response it drew","Each mark is one incident, at its score on {name} and in the row of the strongest response it drew"],"missing":"This data records no responses to its incidents, so this chart has nothing to place: the spectrum and the timeline show its incidents. Data with a responses column (see the schema) fills it.","name":"responses","needs":"responses","rest":["shaded cells are the graduated responses the reading of {reading} deems lawful at that level, so a mark above the shading went beyond that menu and a mark low in it stayed well below what was open. Dashed lines mark use of force ({useOfForce}) and armed attack ({armedAttack}).","that scale has no thresholds, so no lawful responses are shaded."],"title":"Responses against the ladder","walk":", level by level, weakest response first"},
];

/** Comparisons as small multiples (src/model/mod.rs, Split): the values of `compare` and their labels. */
export const COMPARE = [
  {"label":"By initiator","name":"initiator"},
  {"label":"By target","name":"target"},
];

/** Data formats (src/import/mod.rs), auto first: name, menu label, the wasm module that reads it, whether it needs a column mapping. */
export const FORMATS = [
  {"label":"recognise it","module":"explorer","name":"auto"},
  {"label":"cyber-spectrum CSV","module":"explorer","name":"csv"},
  {"label":"cyber-spectrum JSON","module":"importer","name":"json"},
  {"label":"DCID v2.0","module":"importer","name":"dcid"},
  {"label":"EuRepoC","module":"importer","name":"eurepoc"},
  {"label":"CFR tracker","module":"importer","name":"cfr"},
  {"label":"other: map the columns","mapping":true,"module":"importer","name":"mapped"},
];

/** The largest file or download read, in bytes (src/import/mod.rs). */
export const MAX_INPUT_BYTES = 134217728;
/** Warnings kept per import; the page lists as many. */
export const MAX_WARNINGS = 1000;
/** The smallest chart drawn, in CSS px each way inside the canvas's border (src/chart/mod.rs). */
export const MIN_CHART_PX = 120;
