// Generated from the Rust vocabularies by `cargo run --bin schema` (part of `make build`); do not
// edit: change the tables in src/ (see src/schema.rs) and rebuild. tests/schema.rs checks it is current.

/** Fields of a column mapping (src/import/mapped.rs), in the form's order: name, label, required, and a case-insensitive pattern of column names that likely hold it. */
export const MAPPING_FIELDS = [
  {"guess":"^(start|date|start.?date|when|began|first.?seen|incident.?date)$","label":"Start date","name":"start","required":true},
  {"guess":"(initiator|attacker|sponsor|perpetrator|actor.?country|origin)","label":"Initiator state","name":"initiator","required":true},
  {"guess":"(target|victim|receiver)","label":"Target state(s)","name":"targets"},
  {"guess":"^(name|title|headline|incident|operation)$","label":"Name","name":"name"},
  {"guess":"^(id|ref|reference|key)$","label":"Id","name":"id"},
  {"guess":"^(end|end.?date|until)$","label":"End date","name":"end"},
  {"guess":"(severity|score|intensity|level)","label":"Severity (0-10)","name":"severity"},
  {"guess":"^(method|technique|vector)$","label":"Method","name":"method"},
  {"guess":"","label":"Objective","name":"objective"},
  {"guess":"","label":"Target type","name":"targetType"},
  {"guess":"(description|summary|details)","label":"Description","name":"description"},
  {"guess":"(source|url|link)","label":"Source URLs","name":"sources"},
  {"guess":"","label":"Attributed by","name":"attributedBy"},
  {"guess":"","label":"Attribution date","name":"attributionDate"},
  {"guess":"","label":"Coding rationale","name":"rationale"},
  {"guess":"^(response|responses|reaction)$","label":"Responses (words such as sanctions, indictment)","name":"responses"},
];

/** The columns the mapping form offers at most, first to last (src/import/mapped.rs). */
export const MAX_MAPPING_COLUMNS = 200;

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
  {"join":"","name":"effects","record":"effects"},
  {"join":"","name":"rationale","record":"rationale"},
  {"join":"","name":"attributed_by","record":"attributedBy"},
  {"join":"","name":"attribution_date","record":"attributionDate"},
  {"join":"","name":"certainty","record":"certainty"},
  {"join":"","name":"scope","record":"scope"},
  {"join":"","name":"description","record":"description"},
  {"join":" ","name":"sources","record":"sources"},
];
