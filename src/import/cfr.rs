//! The CFR Cyber Operations Tracker CSV export. Dates come as `M/D/YYYY` or `YYYY-MM-DD`; the
//! sponsor is a state name; victims are free text (a victim that is itself a state becomes the
//! target, otherwise the target is unknown); there is no severity, so every incident is "not
//! coded". A row whose cells slid sideways is realigned on its date, with a warning.

use super::lenient::{cell, flexible_date, urls, Notes, Seen};
use super::table::{normalise, Row, Table};
use super::Dataset;
use crate::error::{Error, Result};
use crate::model::{Country, Incident, Method, Objective, PartialDate, Scale, TargetType};
use crate::strs::contains;
use std::borrow::Cow;

/// Columns that identify a CFR export.
const SIGNATURE: [&str; 4] = ["Title", "Sponsor", "Victims", "Type"];

pub(super) fn looks_like(header: &[String]) -> bool {
    SIGNATURE.iter().all(|s| header.iter().any(|h| normalise(h) == normalise(s)))
}

/// CFR's operation type as a method and an objective; `None` for a type outside its list.
fn kind(t: &str) -> Option<(Option<Method>, Objective)> {
    Some(match t.trim().to_ascii_lowercase().as_str() {
        "espionage" => (None, Objective::ShortTermEspionage),
        "sabotage" => (None, Objective::Degradation),
        "denial of service" | "ddos" => (Some(Method::Ddos), Objective::Disruption),
        "data destruction" => (Some(Method::Wiper), Objective::Degradation),
        "financial theft" => (None, Objective::Theft),
        "defacement" => (Some(Method::Vandalism), Objective::Disruption),
        "doxing" => (None, Objective::ShortTermEspionage),
        _ => return None,
    })
}

/// CFR's victim category as a target type.
fn target_type(category: &str) -> Option<TargetType> {
    let c = category.to_ascii_lowercase();
    if c.trim().is_empty() {
        None
    } else if contains(&c, "military") && !contains(&c, "government") {
        Some(TargetType::Military)
    } else if contains(&c, "government") || contains(&c, "military") {
        Some(TargetType::Government)
    } else {
        Some(TargetType::Private)
    }
}

/// The row's cells realigned so that the date sits in the date column: `(cells, shift, date)`,
/// where `shift` is how many places the row had slid right (negative: left). `None` when no cell
/// of the row is a date.
/// A row already in place is borrowed, not copied.
fn realign(r: &Row, date_col: usize) -> Option<(Cow<'_, [String]>, isize, PartialDate)> {
    if let Ok(d) = flexible_date(cell(r, Some(date_col))) {
        return Some((Cow::Borrowed(&r.cells), 0, d));
    }
    let (found, date) = (0..r.cells.len())
        .filter(|&i| i != date_col)
        .filter_map(|i| flexible_date(&r.cells[i]).ok().map(|d| (i, d)))
        .min_by_key(|(i, _)| i.abs_diff(date_col))?;
    let shift = found as isize - date_col as isize;
    let c = &r.cells;
    let cells: Vec<String> = if shift > 0 {
        // Extra cells before the date (typically a title with an unquoted comma): the column
        // before the date gets them all back, joined.
        let first = date_col.saturating_sub(1);
        let merged: Vec<&str> = c[first..found].iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
        let head = c[..first].iter().cloned();
        let joined = (date_col > 0).then(|| merged.join(", "));
        head.chain(joined).chain(c[found..].iter().cloned()).collect()
    } else {
        // Cells missing before the date: blanks take their place.
        let missing = std::iter::repeat_n(String::new(), shift.unsigned_abs());
        c[..found].iter().cloned().chain(missing).chain(c[found..].iter().cloned()).collect()
    };
    Some((Cow::Owned(cells), shift, date))
}

pub(super) fn parse(table: &Table) -> Result<Dataset> {
    let col = |name: &str| table.column(name);
    let Some(date_col) = col("Date") else {
        return Err(Error::File("this CFR export lacks the column 'Date'".into()));
    };
    let [title_c, affil_c, desc_c, resp_c, victims_c, sponsor_c, type_c, cat_c] =
        ["Title", "Affiliations", "Description", "Response", "Victims", "Sponsor", "Type", "Category"].map(col);
    let source_cols: Vec<Option<usize>> = table
        .header
        .iter()
        .enumerate()
        .filter(|(_, h)| normalise(h).starts_with("sources"))
        .map(|(i, _)| Some(i))
        .collect();
    let mut notes = Notes::default();
    let mut incidents = Vec::with_capacity(table.rows.len());
    // CFR records a response per operation in words; without the column, responses are not in the data.
    let mut responses = resp_c.map(|_| Vec::new());
    let mut seen = Seen::new();
    for r in &table.rows {
        let n = r.row;
        // CFR publishes some operations with no date: kept undated, read as they stand.
        let (cells, shift, start) = match realign(r, date_col) {
            Some((cells, shift, d)) => (cells, shift, Some(d)),
            None => {
                let shown = cell(r, Some(date_col)).trim();
                let problem = format!("'{shown}' is not a date and no other cell of the row is one");
                (Cow::Borrowed(&r.cells[..]), 0, notes.undated(n, "Date", shown, problem))
            }
        };
        if shift != 0 {
            let dir = if shift > 0 { "right" } else { "left" };
            notes.warn(
                n,
                "(row)",
                format!(
                    "its cells are shifted {} column{} to the {dir}; read realigned on the date",
                    shift.abs(),
                    if shift.abs() == 1 { "" } else { "s" }
                ),
            );
        } else if r.cells.len() != table.header.len() {
            notes.warn(
                n,
                "(row)",
                format!("has {} fields but the header has {}; read by position", r.cells.len(), table.header.len()),
            );
        }
        let get = |c: Option<usize>| c.and_then(|i| cells.get(i)).map_or("", |s| s.trim());

        let initiator = notes.initiator(n, "Sponsor", get(sponsor_c));
        // Victims are organisations in free text; only a victim that is a state names a target.
        let victims = get(victims_c);
        let mut targets: Vec<Country> = Vec::new();
        for c in victims.split([',', ';']).filter_map(Country::parse) {
            if !targets.contains(&c) {
                targets.push(c);
            }
        }
        if targets.is_empty() {
            targets.push(Country::unknown());
        }
        let type_raw = get(type_c);
        let (method, objective) = match kind(type_raw) {
            Some((m, o)) => (m, Some(o)),
            None if type_raw.is_empty() => (None, None),
            None => {
                notes.warn(n, "Type", format!("'{type_raw}' is not a CFR operation type (espionage, sabotage, denial of service, data destruction, financial theft, defacement, doxing); kept without one"));
                (None, None)
            }
        };
        let title = get(title_c);
        let base = title
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>();
        let slug: String = base.split('-').filter(|s| !s.is_empty()).take(6).collect::<Vec<_>>().join("-");
        let id = notes.unique_id(
            n,
            "Title",
            format!("cfr-{}", if slug.is_empty() { format!("row-{n}") } else { slug }),
            &mut seen,
        );
        if let Some(list) = responses.as_mut() {
            let mut unknown = Vec::new();
            list.extend(crate::events::from_words(&id, &[get(resp_c).to_string()], None, &[], "CFR", &mut unknown));
            for word in unknown {
                notes.warn(n, "Response", format!("'{word}' is no kind of response we know; kept as 'other'"));
            }
        }
        let mut description = get(desc_c).to_string();
        for (label, c) in [("Victims", victims_c), ("Actor", affil_c), ("Response", resp_c)] {
            let v = get(c);
            if !v.is_empty() {
                description.push_str(&format!("{}{label}: {v}.", if description.is_empty() { "" } else { " " }));
            }
        }
        incidents.push(Incident {
            id,
            name: if title.is_empty() { format!("CFR incident at row {n}") } else { title.to_string() },
            start,
            end: None,
            initiator,
            targets,
            target_type: target_type(get(cat_c)),
            method,
            objective,
            severity: None,
            effects: None,
            rationale: String::new(),
            attributed_by: String::new(),
            attribution_date: None,
            certainty: None,
            scope: None,
            description,
            sources: urls(source_cols.iter().map(|&c| get(c))),
        });
    }
    if incidents.is_empty() {
        return Err(Error::File("the CFR export has no row with a readable date".into()));
    }
    Ok(Dataset { incidents: incidents.into(), warnings: notes.warnings, scale: Scale::LADDER, responses })
}
