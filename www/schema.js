// Generated from the Rust vocabularies by `cargo run --bin schema` (part of `make build`); do not
// edit: change the tables in src/ (see src/schema.rs) and rebuild. tests/schema.rs checks it is current.

/** Filter fields (src/filter.rs): API name, parameter/attribute name, kind (year, level, list, text), the control showing it and its label; `upper` marks the top of a range. */
export const FILTERS = [
  {"control":"years","kind":"year","label":"From","name":"from","param":"from","upper":false},
  {"control":"years","kind":"year","label":"To","name":"to","param":"to","upper":true},
  {"control":"initiators","kind":"list","label":"Initiators","name":"initiators","param":"initiators","upper":false},
  {"control":"targets","kind":"list","label":"Targets","name":"targets","param":"targets","upper":false},
  {"control":"methods","kind":"list","label":"Methods","name":"methods","param":"methods","upper":false},
  {"control":"objectives","kind":"list","label":"Objectives","name":"objectives","param":"objectives","upper":false},
  {"control":"target-types","kind":"list","label":"Target types","name":"targetTypes","param":"target-types","upper":false},
  {"control":"severity","kind":"level","label":"Severity from","name":"minSeverity","param":"min-severity","upper":false},
  {"control":"severity","kind":"level","label":"to","name":"maxSeverity","param":"max-severity","upper":true},
  {"control":"search","kind":"text","label":"Search names","name":"search","param":"search","upper":false},
];

/** Views (src/chart/mod.rs), the default first: names, headings and sentences. Captions name {useOfForce}, {armedAttack}, {name} and {max} of the scale; [0] is for a scale with thresholds, [1] without. */
export const VIEWS = [
  {"band":"level","busiest":false,"button":"Spectrum","counted":"every level is a bar of its count, stacked by initiator","heading":"Escalation spectrum","marks":["Each mark is one incident, stacked at its level on the ladder","Each mark is one incident, stacked at its score on {name}, 0 to {max}"],"name":"spectrum","rest":["“–” collects incidents not coded. Dashed lines mark the use-of-force (level {useOfForce}) and armed-attack (level {armedAttack}) thresholds; the bands below name the response that fits each region of the ladder.","“–” collects incidents without a score. That scale has no use-of-force or armed-attack threshold, so none is drawn."],"title":"Escalation spectrum","walk":", level by level"},
  {"band":"year","busiest":true,"button":"Timeline","counted":"each cell’s shade is how many started in that period at that level","heading":"Escalation over time","marks":["Each mark is one incident at its start date and level","Each mark is one incident at its start date and its score on {name}"],"name":"timeline","rest":["the line steps through each year’s most severe incident.","the line steps through each year’s highest score."],"title":"Escalation timeline","walk":" in time order"},
];

/** Data formats (src/import/mod.rs), auto first: name, menu label, the wasm module that reads it, whether it needs a column mapping. */
export const FORMATS = [
  {"label":"recognise it","mapping":false,"module":"explorer","name":"auto"},
  {"label":"cyber-spectrum CSV","mapping":false,"module":"explorer","name":"csv"},
  {"label":"cyber-spectrum JSON","mapping":false,"module":"importer","name":"json"},
  {"label":"DCID v2.0","mapping":false,"module":"importer","name":"dcid"},
  {"label":"EuRepoC","mapping":false,"module":"importer","name":"eurepoc"},
  {"label":"CFR tracker","mapping":false,"module":"importer","name":"cfr"},
  {"label":"other: map the columns","mapping":true,"module":"importer","name":"mapped"},
];

/** Fields of a column mapping (src/import/mapped.rs), in the form's order: name, label, required, and a case-insensitive pattern of column names that likely hold it. */
export const MAPPING_FIELDS = [
  {"guess":"^(start|date|start.?date|when|began|first.?seen|incident.?date)$","label":"Start date","name":"start","required":true},
  {"guess":"(initiator|attacker|sponsor|perpetrator|actor.?country|origin)","label":"Initiator state","name":"initiator","required":true},
  {"guess":"(target|victim|receiver)","label":"Target state(s)","name":"targets","required":false},
  {"guess":"^(name|title|headline|incident|operation)$","label":"Name","name":"name","required":false},
  {"guess":"^(id|ref|reference|key)$","label":"Id","name":"id","required":false},
  {"guess":"^(end|end.?date|until)$","label":"End date","name":"end","required":false},
  {"guess":"(severity|score|intensity|level)","label":"Severity (0-10)","name":"severity","required":false},
  {"guess":"^(method|technique|vector)$","label":"Method","name":"method","required":false},
  {"guess":"","label":"Objective","name":"objective","required":false},
  {"guess":"","label":"Target type","name":"targetType","required":false},
  {"guess":"(description|summary|details)","label":"Description","name":"description","required":false},
  {"guess":"(source|url|link)","label":"Source URLs","name":"sources","required":false},
  {"guess":"","label":"Attributed by","name":"attributedBy","required":false},
  {"guess":"","label":"Attribution date","name":"attributionDate","required":false},
  {"guess":"","label":"Coding rationale","name":"rationale","required":false},
];

/** Columns of the project's CSV (src/import/native.rs), in order: the incident record field each holds, and the separator of a list's items. */
export const COLUMNS = [
  {"join":"","name":"id","record":"id"},
  {"join":"","name":"name","record":"name"},
  {"join":"","name":"start","record":"start"},
  {"join":"","name":"end","record":"end"},
  {"join":"","name":"initiator","record":"initiator"},
  {"join":";","name":"targets","record":"targets"},
  {"join":"","name":"target_type","record":"targetType"},
  {"join":"","name":"method","record":"method"},
  {"join":"","name":"objective","record":"objective"},
  {"join":"","name":"severity","record":"severity"},
  {"join":"","name":"rationale","record":"rationale"},
  {"join":"","name":"attributed_by","record":"attributedBy"},
  {"join":"","name":"attribution_date","record":"attributionDate"},
  {"join":"","name":"description","record":"description"},
  {"join":" ","name":"sources","record":"sources"},
];

/** The largest file or download read, in bytes (src/import/mod.rs). */
export const MAX_INPUT_BYTES = 134217728;
/** Warnings kept per import; the page lists as many. */
export const MAX_WARNINGS = 1000;
