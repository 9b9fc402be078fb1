//! The vocabularies the page and the embed share with the core, written out as JavaScript: the
//! filter fields ([`crate::filter::FIELDS`]), the views ([`crate::chart::VIEWS`]), the formats
//! ([`crate::import::FORMATS`]), the mapping fields, the columns of the project's CSV, the input
//! limits and the ladder's thresholds. `make build` writes them to `www/schema.js` (`cargo run --bin schema`), which the
//! element needs before any wasm has loaded, and `tests/schema.rs` fails when the checked-in file
//! is stale. Each list lives once, in Rust, beside the code that uses it; JavaScript only reads.

use crate::chart::{MIN_CHART_PX, VIEWS};
use crate::filter::FIELDS;
use crate::import::{COLUMNS, FORMATS, MAPPING_FIELDS, MAX_INPUT_BYTES, MAX_MAPPING_COLUMNS, MAX_WARNINGS};
use crate::model::Split;
use serde_json::{json, Value};

/// Where `make build` writes [`javascript`], relative to the crate root: what every page needs
/// before its first chart.
pub const PATH: &str = "www/schema.js";
/// Where it writes [`files_javascript`]: what only the on-demand code reading and writing files
/// needs (the mapping form, the CSV download), kept out of the first load.
pub const FILES_PATH: &str = "www/schema-files.js";

/// An `export const` of a list, one item a line, with a comment saying what it is.
fn list(out: &mut String, doc: &str, name: &str, items: Vec<Value>) {
    out.push_str(&format!("\n/** {doc} */\nexport const {name} = [\n"));
    for mut item in items {
        // A flag is written only when set: an absent one reads as false (bytes on every page).
        if let Some(o) = item.as_object_mut() {
            o.retain(|_, v| *v != Value::Bool(false));
        }
        out.push_str(&format!("  {item},\n"));
    }
    out.push_str("];\n");
}

const HEADER: &str =
    "// Generated from the Rust vocabularies by `cargo run --bin schema` (part of `make build`); do not\n\
    // edit: change the tables in src/ (see src/schema.rs) and rebuild. tests/schema.rs checks it is current.\n";

/// The text of `www/schema.js`.
pub fn javascript() -> String {
    let mut out = String::from(HEADER);
    list(
        &mut out,
        "Filter fields (src/filter.rs): API name, parameter/attribute name, kind (year, level, list, text), the \
         control showing it and its label; `upper` marks the top of a range.",
        "FILTERS",
        FIELDS
            .iter()
            .map(|f| {
                json!({"name": f.name, "param": f.param, "kind": f.kind().name(), "control": f.control,
                       "label": f.label, "upper": f.upper})
            })
            .collect(),
    );
    list(
        &mut out,
        "Views (src/chart/mod.rs), the default first: names, headings and sentences. Captions name {reading}, \
         {useOfForce} and {armedAttack} (the active legal reading), {name} and {max} of the scale; [0] is for a \
         scale the readings apply to, [1] for another; `needs` names the statistics field a view draws from when \
         some data lacks it (null then), and `missing` is its caption then.",
        "VIEWS",
        VIEWS
            .iter()
            .map(|v| {
                json!({"name": v.name, "button": v.button, "heading": v.heading, "title": v.title, "band": v.band,
                       "walk": v.walk, "busiest": v.busiest, "marks": v.marks, "rest": v.rest, "counted": v.counted,
                       "needs": v.needs[0], "missing": v.needs[1]})
            })
            .collect(),
    );
    list(
        &mut out,
        "Comparisons as small multiples (src/model/mod.rs, Split): the values of `compare` and their labels.",
        "COMPARE",
        Split::ALL.iter().map(|s| json!({"name": s.slug(), "label": s.label()})).collect(),
    );
    list(
        &mut out,
        "Data formats (src/import/mod.rs), auto first: name, menu label, the wasm module that reads it, whether it \
         needs a column mapping.",
        "FORMATS",
        FORMATS
            .iter()
            .map(|f| json!({"name": f.name, "label": f.label, "module": f.module, "mapping": f.mapping}))
            .collect(),
    );
    out.push_str(&format!(
        "\n/** The largest file or download read, in bytes (src/import/mod.rs). */\nexport const MAX_INPUT_BYTES = {MAX_INPUT_BYTES};\n\
         /** Warnings kept per import; the page lists as many. */\nexport const MAX_WARNINGS = {MAX_WARNINGS};\n\
         /** The smallest chart drawn, in CSS px each way inside the canvas's border (src/chart/mod.rs). */\n\
         export const MIN_CHART_PX = {MIN_CHART_PX};\n"
    ));
    out
}

/// The text of `www/schema-files.js`.
pub fn files_javascript() -> String {
    let mut out = String::from(HEADER);
    list(
        &mut out,
        "Fields of a column mapping (src/import/mapped.rs), in the form's order: name, label, required, and a \
         case-insensitive pattern of column names that likely hold it.",
        "MAPPING_FIELDS",
        MAPPING_FIELDS
            .iter()
            .map(|f| json!({"name": f.name, "label": f.label, "required": f.required, "guess": f.guess}))
            .collect(),
    );
    out.push_str(&format!(
        "\n/** The columns the mapping form offers at most, first to last (src/import/mapped.rs). */\n\
         export const MAX_MAPPING_COLUMNS = {MAX_MAPPING_COLUMNS};\n"
    ));
    list(
        &mut out,
        "Columns of the project's CSV (src/import/native.rs), in order: the incident record field each holds, and \
         the separator of a list's items.",
        "COLUMNS",
        COLUMNS.iter().map(|c| json!({"name": c.name, "record": c.record, "join": c.join})).collect(),
    );
    out
}

/// The bundled dataset's long texts, as the page fetches them beside the explorer module (see
/// build.rs): each incident's id with the fields the module leaves out ([`crate::store::Store::long_texts`]),
/// then the responses' and the context events' ids, descriptions and sources as packed tables, in
/// their order; read back by `Explorer::attach_text`.
pub fn bundled_text() -> String {
    use crate::events::{texts_table, TEXT_PART};
    let Ok(e) = crate::Explorer::bundled() else { return String::new() };
    let responses = e.responses().map(|l| l.list.as_slice()).unwrap_or_default();
    let sources = |s: &[String]| s.join(" ");
    let responses = texts_table(responses.iter().map(|r| [r.id.clone(), r.description.clone(), sources(&r.sources)]));
    let context = texts_table(e.context().iter().map(|c| [c.id.clone(), c.description.clone(), sources(&c.sources)]));
    [e.store().long_texts(), responses, context].join(&TEXT_PART.to_string())
}

/// Where [`bundled_parts`] is kept (committed, like the JavaScript vocabularies).
pub const PARTS_PATH: &str = "src/explorer/bundled.parts";

/// The bundled dataset as the browser's module carries it: the incidents without their long texts,
/// in columns (see `Parts::to_bytes`), so the module needs no parser for its own data (about 10 KB
/// gzip less than reading packed text).
pub fn bundled_parts() -> Vec<u8> {
    crate::Explorer::bundled_core().map(|e| e.to_parts().to_bytes()).unwrap_or_default()
}

/// Where [`bundled_events`] is kept (committed, like [`bundled_parts`]).
pub const EVENTS_PATH: &str = "src/events/bundled.parts";

/// The bundled responses and context events as the browser's module carries them (see
/// `events::packed`), read from the whole files; their texts are in [`bundled_text`], in the same
/// order.
pub fn bundled_events() -> Vec<u8> {
    let Ok(e) = crate::Explorer::bundled() else { return Vec::new() };
    let responses = e.responses().map(|l| l.list.as_slice()).unwrap_or_default();
    crate::events::packed::to_bytes(responses, e.context(), |id| e.index_of(id))
}

/// Where [`bundled_readings`] is kept (committed, like [`bundled_parts`]).
pub const READINGS_PATH: &str = "src/reading/bundled.parts";

/// The legal readings' names and rules as the browser's module carries them (see
/// `reading::packed`).
pub fn bundled_readings() -> Vec<u8> {
    crate::reading::policy().map(crate::reading::packed::to_bytes).unwrap_or_default()
}

/// What changed in the bundled dataset's latest version, from `data/CHANGELOG.md`: `{version,
/// sections: [{title, rows}]}`, each `### ` heading of the first `## ` section with the number of
/// rows its list names (the page shows it; the changelog itself says what, why and which source).
pub fn changes() -> String {
    let text = include_str!("../data/CHANGELOG.md");
    let mut version = String::new();
    let mut sections: Vec<(String, usize)> = Vec::new();
    for line in text.lines() {
        if let Some(v) = line.strip_prefix("## ") {
            if !version.is_empty() {
                break;
            }
            version = v.trim().to_string();
        } else if let Some(t) = line.strip_prefix("### ").filter(|_| !version.is_empty()) {
            sections.push((t.trim().to_string(), 0));
        } else if let (Some(last), true) = (sections.last_mut(), line.starts_with("- ")) {
            last.1 += 1;
        }
    }
    let sections: Vec<_> = sections.into_iter().map(|(title, rows)| json!({"title": title, "rows": rows})).collect();
    json!({"version": version, "sections": sections}).to_string()
}

/// The words of the legal readings and response tiers, as the page fetches them beside the
/// explorer module (see build.rs): `{readings: {id: {who, document, date, basis, mapping,
/// sources}}, tiers: {id: {definition, sources}}}`.
pub fn readings_words() -> String {
    let Ok(policy) = crate::reading::policy() else { return String::new() };
    let readings: serde_json::Map<String, serde_json::Value> = policy
        .readings
        .iter()
        .map(|r| {
            let words = json!({"who": r.who, "document": r.document, "date": r.date, "basis": r.basis,
                               "mapping": r.mapping, "sources": r.sources});
            (r.id.clone(), words)
        })
        .collect();
    let tiers: serde_json::Map<String, serde_json::Value> = policy
        .tiers
        .iter()
        .map(|t| (t.id.clone(), json!({"definition": t.definition, "sources": t.sources})))
        .collect();
    json!({"readings": readings, "tiers": tiers}).to_string()
}
