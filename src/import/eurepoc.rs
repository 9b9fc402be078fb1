//! The EuRepoC global database CSV. Multi-valued cells are Python list literals; an incident may
//! name several initiator and receiver states; severity is EuRepoC's weighted cyber intensity,
//! kept on its own scale (see [`Scale::eurepoc`]), never read as the 0-10 ladder.

use super::lenient::{cell, flexible_date, list_values, Notes, Seen};
use super::table::{normalise, Table};
use super::Dataset;
use crate::error::{Error, Result};
use crate::model::{Effects, Incident, Objective, Scale, TargetType, MAX_SCALE};
use crate::strs::contains;

/// Columns that identify a EuRepoC export.
const SIGNATURE: [&str; 3] = ["receiver_country", "initiator_country", "weighted_cyber_intensity"];

pub(super) fn looks_like(header: &[String]) -> bool {
    SIGNATURE.iter().all(|s| header.iter().any(|h| normalise(h) == normalise(s)))
}

/// EuRepoC's incident types, read as an objective (the first type that says one).
fn objective(types: &[String]) -> Option<Objective> {
    types.iter().find_map(|t| {
        let t = t.to_ascii_lowercase();
        if contains(&t, "disruption") || contains(&t, "ransomware") {
            Some(Objective::Disruption)
        } else if contains(&t, "data theft") || contains(&t, "doxing") {
            Some(Objective::ShortTermEspionage)
        } else if contains(&t, "hijacking") {
            Some(Objective::Degradation)
        } else {
            None
        }
    })
}

/// EuRepoC's physical-effects coding (its `physical_effects_*` columns, spatial and temporal),
/// read as the incident's effects: any effect coded is `physical`; coded as none, `data` for
/// ransomware (data encrypted) and `none` otherwise; nothing coded, or no such column, is not
/// coded. EuRepoC does not code injuries or deaths apart.
fn effects(physical: &[Vec<String>], types: &[String]) -> Option<Effects> {
    let none = |v: &str| {
        let v = v.trim().to_ascii_lowercase();
        v == "0" || v.starts_with("none") || v.starts_with("no ") || v == "no" || contains(&v, "not applicable")
    };
    let unknown = |v: &str| {
        let v = v.trim().to_ascii_lowercase();
        v.is_empty() || contains(&v, "not available") || v == "n/a" || v == "unknown"
    };
    let values: Vec<&String> = physical.iter().flatten().filter(|v| !unknown(v)).collect();
    if values.is_empty() {
        None
    } else if values.iter().any(|v| !none(v)) {
        Some(Effects::Physical)
    } else if types.iter().any(|t| contains(&t.to_ascii_lowercase(), "ransomware")) {
        Some(Effects::Data)
    } else {
        Some(Effects::None)
    }
}

/// EuRepoC's receiver categories, read as a target type: military before other state bodies
/// before everyone else.
fn target_type(categories: &[String]) -> Option<TargetType> {
    let lower: Vec<String> = categories.iter().map(|c| c.to_ascii_lowercase()).collect();
    if lower.is_empty() {
        None
    } else if lower.iter().any(|c| contains(c, "military") || contains(c, "defence") || contains(c, "defense")) {
        Some(TargetType::Military)
    } else if lower
        .iter()
        .any(|c| contains(c, "state institution") || contains(c, "government") || contains(c, "political"))
    {
        Some(TargetType::Government)
    } else {
        Some(TargetType::Private)
    }
}

pub(super) fn parse(table: &Table) -> Result<Dataset> {
    let col = |name: &str| table.column(name);
    for required in ["ID", "name", "start_date", "receiver_country", "initiator_country"] {
        if col(required).is_none() {
            return Err(Error::File(format!("this EuRepoC export lacks the column '{required}'")));
        }
    }
    let [id_c, name_c, desc_c, start_c, end_c, type_c, recv_c, recv_cat_c, init_c, attr_date_c, attr_actor_c, intensity_c, sources_c] =
        [
            "ID",
            "name",
            "description",
            "start_date",
            "end_date",
            "incident_type",
            "receiver_country",
            "receiver_category",
            "initiator_country",
            "attribution_date",
            "attributing_actor",
            "weighted_cyber_intensity",
            "sources_url",
        ]
        .map(col);
    // Political and legal responses: their types, and where the export has them, their dates and
    // responding countries. Without the type columns, responses are not in the data.
    let response_c: Vec<[Option<usize>; 3]> = ["political", "legal"]
        .iter()
        .map(|k| ["type", "date", "responding_country"].map(|f| col(&format!("{k}_response_{f}"))))
        .filter(|c| c[0].is_some())
        .collect();
    let mut responses = (!response_c.is_empty()).then(Vec::new);
    let physical_c: Vec<usize> =
        (0..table.header.len()).filter(|&c| normalise(&table.header[c]).starts_with("physicaleffect")).collect();
    let mut notes = Notes::default();
    let mut incidents = Vec::with_capacity(table.rows.len());
    let mut seen = Seen::new();
    for r in &table.rows {
        let n = r.row;
        if r.cells.len() != table.header.len() {
            notes.warn(
                n,
                "(row)",
                format!("has {} fields but the header has {}; read by position", r.cells.len(), table.header.len()),
            );
        }
        let raw_id = cell(r, id_c).trim();
        let id = if raw_id.is_empty() {
            notes.warn(n, "ID", format!("is empty; kept as 'eurepoc-row-{n}'"));
            format!("eurepoc-row-{n}")
        } else {
            format!("eurepoc-{raw_id}")
        };
        let id = notes.unique_id(n, "ID", id, &mut seen);

        // Without a readable start the incident is kept undated (its end and attribution dates
        // stay what they are: neither says when it began).
        let end = notes.date(n, "end_date", cell(r, end_c));
        let attribution_date = notes.date(n, "attribution_date", cell(r, attr_date_c));
        let start = match flexible_date(cell(r, start_c)) {
            Ok(d) => Some(d),
            Err(m) => notes.undated(n, "start_date", cell(r, start_c), m),
        };
        let end = notes.end(n, "end_date", end, start);
        let initiator = notes.initiator(n, "initiator_country", cell(r, init_c));
        let targets = notes.targets(n, "receiver_country", cell(r, recv_c));
        let intensity = notes.score(n, "weighted_cyber_intensity", cell(r, intensity_c), MAX_SCALE);
        if let Some(list) = responses.as_mut() {
            for [type_c, date_c, who_c] in &response_c {
                // A date or responder per response would need lists of equal length; the first
                // date given stands for all of one kind.
                let date = list_values(cell(r, *date_c)).iter().find_map(|d| flexible_date(d).ok());
                let who: Vec<String> = list_values(cell(r, *who_c))
                    .iter()
                    .filter_map(|c| crate::model::Country::parse(c).map(|c| c.code().to_string()))
                    .collect();
                let mut unknown = Vec::new();
                let words = list_values(cell(r, *type_c));
                list.extend(crate::events::from_words(&id, &words, date, &who, "EuRepoC", &mut unknown));
                for word in unknown {
                    notes.warn(n, "response_type", format!("'{word}' is no kind of response we know; kept as 'other'"));
                }
            }
        }
        let name = cell(r, name_c).trim();
        let name = if name.is_empty() { format!("EuRepoC incident {raw_id}") } else { name.to_string() };
        incidents.push(Incident {
            id,
            name,
            start,
            end,
            initiator,
            targets,
            target_type: target_type(&list_values(cell(r, recv_cat_c))),
            method: None,
            objective: objective(&list_values(cell(r, type_c))),
            severity: intensity,
            effects: effects(
                &physical_c.iter().map(|&c| list_values(cell(r, Some(c)))).collect::<Vec<_>>(),
                &list_values(cell(r, type_c)),
            ),
            rationale: "EuRepoC weighted cyber intensity".into(),
            attributed_by: list_values(cell(r, attr_actor_c)).join(", "),
            attribution_date,
            certainty: None,
            scope: None,
            description: cell(r, desc_c).trim().to_string(),
            sources: notes.sources(n, "sources", cell(r, sources_c)),
        });
    }
    if incidents.is_empty() {
        return Err(Error::File("the EuRepoC export has no incident with a usable date".into()));
    }
    let top = incidents.iter().filter_map(|i| i.severity).max().unwrap_or(1);
    Ok(Dataset { incidents: incidents.into(), warnings: notes.warnings, scale: Scale::eurepoc(top), responses })
}
