//! Any CSV, JSON or workbook sheet, read through a column mapping the publisher gives: which
//! column holds the date, the initiator, the targets, the severity (on the 0-10 ladder) and so on.
//! Values are read leniently: countries in any common form, dates in export styles, vocabulary by
//! slug or label; anything unreadable is a warning and the incident is kept.

use super::lenient::{cell, flexible_date, Notes, Seen};
use super::table::{normalise, Table};
use super::Dataset;
use crate::error::{Error, Result};
use crate::model::{Incident, Method, Objective, Scale, TargetType, MAX_LEVEL};

/// One field a mapping may name: as the API spells it, the label of its choice in the page's
/// mapping form, whether every mapping must name it, and a pattern of column names (a
/// case-insensitive regular expression, tried in the page) that likely hold it.
pub struct MappingField {
    pub name: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub label: &'static str,
    pub required: bool,
    /// Empty when no column name is a good guess.
    #[cfg(not(target_arch = "wasm32"))]
    pub guess: &'static str,
}

const fn mf(name: &'static str, label: &'static str, required: bool, guess: &'static str) -> MappingField {
    // The wasm needs the name and whether it is required: the form's words are for JavaScript.
    #[cfg(target_arch = "wasm32")]
    let _ = (label, guess);
    MappingField {
        name,
        #[cfg(not(target_arch = "wasm32"))]
        label,
        required,
        #[cfg(not(target_arch = "wasm32"))]
        guess,
    }
}

/// Every field a mapping may name, in the order the mapping form shows them.
/// The columns the mapping form offers, first to last: a file may have a hundred thousand, and a
/// menu per field of every one would freeze the page (the form says how many it left out).
pub const MAX_MAPPING_COLUMNS: usize = 200;

pub const FIELDS: [MappingField; 16] = [
    mf("start", "Start date", true, "^(start|date|start.?date|when|began|first.?seen|incident.?date)$"),
    mf("initiator", "Initiator state", true, "(initiator|attacker|sponsor|perpetrator|actor.?country|origin)"),
    mf("targets", "Target state(s)", false, "(target|victim|receiver)"),
    mf("name", "Name", false, "^(name|title|headline|incident|operation)$"),
    mf("id", "Id", false, "^(id|ref|reference|key)$"),
    mf("end", "End date", false, "^(end|end.?date|until)$"),
    mf("severity", "Severity (0-10)", false, "(severity|score|intensity|level)"),
    mf("method", "Method", false, "^(method|technique|vector)$"),
    mf("objective", "Objective", false, ""),
    mf("targetType", "Target type", false, ""),
    mf("description", "Description", false, "(description|summary|details)"),
    mf("sources", "Source URLs", false, "(source|url|link)"),
    mf("attributedBy", "Attributed by", false, ""),
    mf("attributionDate", "Attribution date", false, ""),
    mf("rationale", "Coding rationale", false, ""),
    mf("responses", "Responses (words such as sanctions, indictment)", false, "^(response|responses|reaction)$"),
];

/// Which column holds each field: `(field, column name)`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mapping {
    pub columns: Vec<(&'static str, String)>,
}

impl Mapping {
    /// Checks the fields (unknown or repeated ones are refused by name) and that the required
    /// ones are there. Fields may be spelled `targetType` or `target_type`; empty columns are
    /// left out, as a form's unset choices would be.
    pub fn new<K: AsRef<str>, V: AsRef<str>>(pairs: impl IntoIterator<Item = (K, V)>) -> Result<Mapping> {
        let mut columns: Vec<(&'static str, String)> = Vec::new();
        for (k, v) in pairs {
            let (k, v) = (k.as_ref(), v.as_ref().trim());
            let Some(field) = FIELDS.iter().map(|f| f.name).find(|f| normalise(f) == normalise(k)) else {
                return Err(Error::Argument(format!(
                    "mapping: unknown field '{k}' (expected one of: {})",
                    FIELDS.map(|f| f.name).join(", ")
                )));
            };
            if v.is_empty() {
                continue;
            }
            if columns.iter().any(|(f, _)| *f == field) {
                return Err(Error::Argument(format!("mapping: field '{field}' is given twice")));
            }
            columns.push((field, v.to_string()));
        }
        let missing: Vec<&str> = FIELDS
            .iter()
            .filter(|f| f.required && !columns.iter().any(|(c, _)| *c == f.name))
            .map(|f| f.name)
            .collect();
        if !missing.is_empty() {
            return Err(Error::Argument(format!("mapping: say which column holds {}", missing.join(" and "))));
        }
        Ok(Mapping { columns })
    }
}

fn vocab<T>(
    notes: &mut Notes,
    row: usize,
    column: &str,
    value: &str,
    parse: fn(&str) -> Option<T>,
    expected: fn() -> String,
) -> Option<T> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    let found = parse(v);
    if found.is_none() {
        notes.warn(row, column, format!("'{v}' is not one of: {}; kept without one", expected()));
    }
    found
}

pub(super) fn parse(table: &Table, mapping: &Mapping) -> Result<Dataset> {
    // Resolve every mapped column in the header first, naming what is missing.
    let mut at: Vec<(&'static str, usize, &str)> = Vec::new();
    for (field, name) in &mapping.columns {
        match table.column(name) {
            Some(i) => at.push((field, i, table.header[i].as_str())),
            None => {
                return Err(Error::File(format!(
                    "the mapping puts '{field}' in column '{name}', but the file has no such column (it has: {})",
                    table.header.iter().map(|h| h.trim()).collect::<Vec<_>>().join(", ")
                )))
            }
        }
    }
    let find = |field: &str| at.iter().find(|(f, _, _)| *f == field).map(|&(_, i, name)| (i, name));
    let idx = |field: &str| find(field).map(|(i, _)| i);
    // A field's column name as the file spells it (for warnings), or the field itself if unmapped.
    let name_of = |field: &'static str| -> &str { find(field).map_or(field, |(_, n)| n.trim()) };

    let mut notes = Notes::default();
    let mut incidents = Vec::with_capacity(table.rows.len());
    let mut seen = Seen::new();
    // Responses only when the mapping names their column: otherwise they are not in the data.
    let mut responses = idx("responses").map(|_| Vec::new());
    // A file whose every start is unreadable has most likely been mapped to the wrong column.
    let mut dated = false;
    for r in &table.rows {
        let n = r.row;
        let get = |field: &str| cell(r, idx(field)).trim();
        let start = match flexible_date(get("start")) {
            Ok(d) => Some(d),
            Err(m) => notes.undated(n, name_of("start"), get("start"), m),
        };
        dated |= start.is_some();
        let end = notes.date(n, name_of("end"), get("end"));
        let end = notes.end(n, name_of("end"), end, start);
        let initiator = notes.initiator(n, name_of("initiator"), get("initiator"));
        let targets = notes.targets(n, name_of("targets"), get("targets"));
        let id = match get("id") {
            "" => format!("row-{n}"),
            v => v.to_string(),
        };
        let id = notes.unique_id(n, name_of("id"), id, &mut seen);
        let name = match get("name") {
            "" => format!("Incident {id}"),
            v => v.to_string(),
        };
        if let Some(list) = responses.as_mut() {
            let mut unknown = Vec::new();
            list.extend(crate::events::from_words(
                &id,
                &[get("responses").to_string()],
                None,
                &[],
                "the file",
                &mut unknown,
            ));
            for word in unknown {
                notes.warn(
                    n,
                    name_of("responses"),
                    format!("'{word}' is no kind of response we know; kept as 'other'"),
                );
            }
        }
        incidents.push(Incident {
            name,
            start,
            end,
            initiator,
            targets,
            target_type: vocab(
                &mut notes,
                n,
                name_of("targetType"),
                get("targetType"),
                TargetType::parse,
                TargetType::expected,
            ),
            method: vocab(&mut notes, n, name_of("method"), get("method"), Method::parse, Method::expected),
            objective: vocab(
                &mut notes,
                n,
                name_of("objective"),
                get("objective"),
                Objective::parse,
                Objective::expected,
            ),
            severity: if get("severity").is_empty() {
                None
            } else {
                notes.score(n, name_of("severity"), get("severity"), MAX_LEVEL)
            },
            effects: None,
            rationale: get("rationale").to_string(),
            attributed_by: get("attributedBy").to_string(),
            attribution_date: notes.date(n, name_of("attributionDate"), get("attributionDate")),
            certainty: None,
            scope: None,
            description: get("description").to_string(),
            sources: notes.sources(n, name_of("sources"), get("sources")),
            id,
        });
    }
    if !dated {
        return Err(Error::File(format!(
            "no row of the file has a readable start date in column '{}'",
            name_of("start")
        )));
    }
    Ok(Dataset { incidents: incidents.into(), warnings: notes.warnings, scale: Scale::LADDER, responses })
}
