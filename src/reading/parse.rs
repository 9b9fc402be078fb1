//! Reading `data/readings.csv` and `data/tiers.csv`, every problem named by file, row and column.

use super::{Contested, Policy, Reading, Region, Rule, Threshold, Tier, KINDS};
use crate::error::{Error, Result};
use crate::import::table::{read_csv, Table};
use crate::model::MAX_LEVEL;
use std::sync::OnceLock;

fn cell<'a>(table: &Table, cells: &'a [String], name: &str) -> &'a str {
    table.column(name).and_then(|c| cells.get(c)).map_or("", |s| s.trim())
}

fn sources(table: &Table, file: &str, row: usize, text: &str) -> std::result::Result<Vec<String>, String> {
    let list: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    // The browser's module carries no sources column (see the module's note).
    if list.is_empty() && table.column("sources").is_some() {
        return Err(format!("{file} row {row}: no source URL"));
    }
    match list.iter().find(|s| !s.starts_with("https://") && !s.starts_with("http://")) {
        Some(bad) => Err(format!("{file} row {row}: '{bad}' is not an http(s) URL")),
        None => Ok(list),
    }
}

/// Reads readings and tiers from their CSV text; every problem names the file, row and column.
pub fn parse(readings_csv: &str, tiers_csv: &str) -> std::result::Result<Policy, String> {
    let readings = read_csv(readings_csv).map_err(|e| format!("readings.csv: {e}"))?;
    let tiers = read_csv(tiers_csv).map_err(|e| format!("tiers.csv: {e}"))?;
    from_tables(&readings, &tiers)
}

/// Reads readings and tiers from their tables.
pub fn from_tables(table: &Table, tiers_table: &Table) -> std::result::Result<Policy, String> {
    let mut readings: Vec<Reading> = Vec::new();
    for (k, row) in table.rows.iter().enumerate() {
        let get = |name: &str| cell(table, &row.cells, name);
        let n = k + 1;
        let rule = |name: &str| match get(name) {
            "" => Ok(None),
            t => Rule::parse(t).map(Some).map_err(|m| format!("readings.csv row {n}, {name}: {m}")),
        };
        let id = get("id");
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            return Err(format!("readings.csv row {n}: the id '{id}' is not a lowercase slug"));
        }
        if readings.iter().any(|r| r.id == id) {
            return Err(format!("readings.csv row {n}: the id '{id}' is used twice"));
        }
        let contested = match (get("contested"), get("contested_threshold")) {
            ("", "") => None,
            (range, which) => {
                let (a, b) = range.split_once('-').unwrap_or((range, range));
                let level = |s: &str| s.trim().parse::<u8>().ok().filter(|l| *l <= MAX_LEVEL);
                let threshold = match which {
                    "use-of-force" => Threshold::UseOfForce,
                    "armed-attack" => Threshold::ArmedAttack,
                    _ => {
                        return Err(format!(
                            "readings.csv row {n}, contested_threshold: '{which}' is not use-of-force or armed-attack"
                        ))
                    }
                };
                match (level(a), level(b)) {
                    (Some(from), Some(to)) if from <= to => Some(Contested { from, to, threshold }),
                    _ => {
                        return Err(format!(
                            "readings.csv row {n}, contested: '{range}' is not a range of levels such as 5-6"
                        ))
                    }
                }
            }
        };
        if !KINDS.iter().any(|k| k.0 == get("kind")) {
            let known: Vec<&str> = KINDS.iter().map(|k| k.0).collect();
            return Err(format!("readings.csv row {n}, kind: '{}' is not one of {}", get("kind"), known.join(", ")));
        }
        for required in ["name", "kind", "who", "document", "date", "basis", "mapping"] {
            if get(required).is_empty() && table.column(required).is_some() {
                return Err(format!("readings.csv row {n}, {required}: is empty"));
            }
        }
        readings.push(Reading {
            id: id.to_string(),
            name: get("name").to_string(),
            kind: get("kind").to_string(),
            who: get("who").to_string(),
            document: get("document").to_string(),
            date: get("date").to_string(),
            use_of_force: rule("use_of_force")?,
            armed_attack: rule("armed_attack")?,
            contested,
            basis: get("basis").to_string(),
            mapping: get("mapping").to_string(),
            sources: sources(table, "readings.csv", n, get("sources"))?,
        });
    }
    if readings.is_empty() {
        return Err("readings.csv has no readings".into());
    }
    let table = tiers_table;
    let mut tiers = Vec::new();
    for (k, row) in table.rows.iter().enumerate() {
        let get = |name: &str| cell(table, &row.cells, name);
        let n = k + 1;
        let region = Region::parse(get("region"))
            .ok_or_else(|| format!("tiers.csv row {n}, region: '{}' is not a region of the ladder", get("region")))?;
        tiers.push(Tier {
            id: get("id").to_string(),
            region,
            name: get("name").to_string(),
            short: get("short").to_string(),
            definition: get("definition").to_string(),
            sources: sources(table, "tiers.csv", n, get("sources"))?,
        });
    }
    Ok(Policy { readings, tiers })
}

/// The bundled readings and tiers: natively the whole files, in the browser's module their names
/// and rules, read and checked when `src/reading/bundled.parts` was written (see [`super::packed`]).
#[cfg(not(target_arch = "wasm32"))]
fn bundled() -> std::result::Result<Policy, String> {
    parse(super::READINGS_CSV, super::TIERS_CSV)
}

#[cfg(target_arch = "wasm32")]
fn bundled() -> std::result::Result<Policy, String> {
    super::packed::from_bytes(include_bytes!("bundled.parts")).map_err(|e| e.to_string())
}

/// The bundled readings and tiers (parsed on first use; `tests/readings.rs` keeps them valid).
pub fn policy() -> Result<&'static Policy> {
    static POLICY: OnceLock<std::result::Result<Policy, String>> = OnceLock::new();
    POLICY
        .get_or_init(bundled)
        .as_ref()
        .map_err(|m| Error::File(format!("the bundled legal readings are invalid: {m}")))
}

/// The reading with this id (ignoring case), or an error naming the known ones.
pub fn find(id: &str) -> Result<&'static Reading> {
    let all = &policy()?.readings;
    let id = id.trim();
    all.iter().find(|r| r.id.eq_ignore_ascii_case(id)).ok_or_else(|| {
        let known: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
        Error::filter("reading", format!("unknown reading '{id}'; the known readings are {}", known.join(", ")))
    })
}
