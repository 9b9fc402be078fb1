//! The project's own schema, as CSV or JSON. Column names are matched ignoring case, spaces,
//! `_` and `-`, so `target_type`, `targetType` and `Target Type` are the same column.

use super::json::{self, Json};
use super::table::{normalise, CsvRows, Row, Table};
use super::{Dataset, Warning};
use crate::error::{clip, Error, Result};
use crate::model::{
    Certainty, Country, Effects, Incident, Method, Objective, PartialDate, Scope, TargetType, MAX_LEVEL,
};
use std::collections::HashMap;

/// One column of the project's own CSV: its name, whether every file must have it, and the
/// field of the API's incident records it holds, so the page's CSV download writes the same file
/// the explorer reads (`www/schema.js` carries this list to JavaScript).
pub struct Column {
    pub name: &'static str,
    pub required: bool,
    /// The incident record's field (camelCase) written into this column.
    #[cfg(not(target_arch = "wasm32"))]
    pub record: &'static str,
    /// For a list field, what separates its items in the cell (read: any of `;`, `,`, `|` for
    /// targets, whitespace for sources); empty for a single value.
    #[cfg(not(target_arch = "wasm32"))]
    pub join: &'static str,
}

const fn col(name: &'static str, required: bool, record: &'static str, join: &'static str) -> Column {
    // The wasm reads only names: how the download writes a column is for JavaScript.
    #[cfg(target_arch = "wasm32")]
    let _ = (record, join);
    Column {
        name,
        required,
        #[cfg(not(target_arch = "wasm32"))]
        record,
        #[cfg(not(target_arch = "wasm32"))]
        join,
    }
}

/// Every column, in the order the CSV download writes them.
pub const COLUMNS: [Column; 18] = [
    col("id", true, "id", ""),
    col("name", true, "name", ""),
    col("start", true, "start", ""),
    col("end", false, "end", ""),
    col("initiator", true, "initiator", ""),
    col("targets", true, "targets", ";"),
    col("target_type", false, "targetType", ""),
    col("method", false, "method", ""),
    col("objective", false, "objective", ""),
    col("severity", false, "severity", ""),
    col("effects", false, "effects", ""),
    col("rationale", false, "rationale", ""),
    col("attributed_by", false, "attributedBy", ""),
    col("attribution_date", false, "attributionDate", ""),
    col("certainty", false, "certainty", ""),
    col("scope", false, "scope", ""),
    col("description", false, "description", ""),
    col("sources", false, "sources", " "),
];

/// The names of the columns every file must have.
pub(super) fn required() -> impl Iterator<Item = &'static str> {
    COLUMNS.iter().filter(|c| c.required).map(|c| c.name)
}

/// Maps each known column to its position in a row. (Sixteen names: a list beats a hash map,
/// and keeps hashing code out of the wasm.)
struct Columns {
    index: Vec<(&'static str, usize)>,
}

impl Columns {
    fn from_header(header: &[String], warnings: &mut Vec<Warning>) -> Result<Columns> {
        let mut index: Vec<(&'static str, usize)> = Vec::new();
        let mut ignored: Vec<(usize, &str)> = Vec::new();
        for (i, raw) in header.iter().enumerate() {
            let n = normalise(raw);
            match COLUMNS.iter().map(|c| c.name).find(|k| normalise(k) == n) {
                Some(k) => {
                    if let Some((_, first)) = index.iter().find(|(c, _)| *c == k) {
                        return Err(Error::File(format!(
                            "the header names column '{k}' twice (columns {} and {})",
                            first + 1,
                            i + 1
                        )));
                    }
                    index.push((k, i));
                }
                None => ignored.push((i + 1, raw.trim())),
            }
        }
        // One warning for all of them: a sheet with thousands of extra columns gets one line.
        let named = |list: &[(usize, &str)]| {
            list.iter().map(|(i, h)| format!("{i} ('{}')", clip(h, 40))).collect::<Vec<_>>().join(", ")
        };
        if !ignored.is_empty() {
            let (column, message) = match ignored.len() {
                1 => (ignored[0].1, format!("column {} is not part of the schema and was ignored", named(&ignored))),
                n if n <= 10 => {
                    ("(header)", format!("columns {} are not part of the schema and were ignored", named(&ignored)))
                }
                n => (
                    "(header)",
                    format!(
                        "{n} columns are not part of the schema and were ignored: {} and {} more",
                        named(&ignored[..8]),
                        n - 8
                    ),
                ),
            };
            Warning::push(warnings, 0, column, message);
        }
        let missing: Vec<&str> = required().filter(|k| !index.iter().any(|(c, _)| c == k)).collect();
        if !missing.is_empty() {
            return Err(Error::File(format!(
                "the header lacks the required column{} {} (it has: {})",
                if missing.len() > 1 { "s" } else { "" },
                missing.join(", "),
                header.iter().map(|h| h.trim()).collect::<Vec<_>>().join(", ")
            )));
        }
        Ok(Columns { index })
    }
}

/// A cell as the page's CSV download wrote it, back to its text: the download puts an apostrophe
/// before text a spreadsheet would run as a formula (`'=...`, `'+...`, `'-...`, `'@...`).
fn unguard(v: &str) -> &str {
    match v.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => v,
    }
}

/// One row's raw values by column name, with where it came from for messages.
struct RawRow<'a> {
    row: usize,
    line: Option<u64>,
    /// Top of the severity scale (10 for the ladder).
    top: u8,
    values: Vec<(&'static str, &'a str)>,
}

impl<'a> RawRow<'a> {
    /// The known columns of one row of `width` cells; a row of another width is an error.
    fn of(
        cols: &Columns,
        row: usize,
        line: Option<u64>,
        top: u8,
        cells: impl Iterator<Item = &'a str>,
        width: usize,
    ) -> Result<RawRow<'a>> {
        let cells: Vec<&str> = cells.collect();
        if cells.len() != width {
            let message = format!("has {} fields but the header has {width}", cells.len());
            return Err(Error::Row { row, line, column: "(row)".into(), message });
        }
        Ok(RawRow { row, line, top, values: cols.index.iter().map(|&(k, i)| (k, cells[i])).collect() })
    }
    fn get(&self, col: &str) -> &str {
        self.values.iter().find(|(c, _)| *c == col).map(|(_, v)| unguard(v.trim())).unwrap_or("")
    }

    fn err(&self, col: &str, message: impl Into<String>) -> Error {
        Error::row(self.row, self.line, col, message)
    }

    fn required(&self, col: &str) -> Result<&str> {
        let v = self.get(col);
        if v.is_empty() {
            Err(self.err(col, "is empty but required"))
        } else {
            Ok(v)
        }
    }

    fn date(&self, col: &str) -> Result<Option<PartialDate>> {
        match self.get(col) {
            "" => Ok(None),
            v => PartialDate::parse(v).map(Some).map_err(|m| self.err(col, m)),
        }
    }

    fn country(&self, col: &str, text: &str) -> Result<Country> {
        Country::parse(text).ok_or_else(|| {
            self.err(col, format!("unknown country '{}' (use an ISO 3166-1 code such as PRK, KOR, USA)", text.trim()))
        })
    }

    fn vocab<T>(&self, col: &str, parse: fn(&str) -> Option<T>, expected: fn() -> String) -> Result<Option<T>> {
        match self.get(col) {
            "" => Ok(None),
            v => parse(v).map(Some).ok_or_else(|| self.err(col, format!("'{v}' is not one of: {}", expected()))),
        }
    }

    fn severity(&self) -> Result<Option<u8>> {
        let v = self.get("severity");
        if v.is_empty() {
            return Ok(None);
        }
        let top = self.top;
        // src/import/number.rs reads it: no float parser (its tables cost the browser's module
        // 10 KB gzip).
        let Some(n) = super::number::parse(v) else {
            return Err(self.err("severity", format!("'{v}' is not a number (a level 0-{top}, or empty if not coded)")));
        };
        if n.fract() != 0.0 || !(0.0..=f64::from(top)).contains(&n) {
            return Err(self.err("severity", format!("'{v}' is not a whole level 0-{top}")));
        }
        Ok(Some(n as u8))
    }

    fn incident(&self, warnings: &mut Vec<Warning>) -> Result<Incident> {
        let id = self.required("id")?;
        if id.chars().any(|c| c.is_control()) {
            return Err(self.err("id", "contains control characters"));
        }
        // An empty start keeps the incident undated; an unreadable one is an error, as in every
        // column of this format.
        let start = self.date("start")?;
        if start.is_none() {
            Warning::push(warnings, self.row, "start", "is empty; kept as undated (counted, but not on the timeline)");
        }
        let end = self.date("end")?;
        if let (Some(e), Some(start)) = (end, start) {
            if e.surely_before(&start) {
                Warning::push(
                    warnings,
                    self.row,
                    "end",
                    format!("ends ({e}) before it starts ({start}); kept as given"),
                );
            }
        }
        let initiator = self.country("initiator", self.required("initiator")?)?;
        let mut targets = Vec::new();
        for t in self.required("targets")?.split([';', ',', '|']).filter(|t| !t.trim().is_empty()) {
            let c = self.country("targets", t)?;
            if !targets.contains(&c) {
                targets.push(c);
            }
        }
        if targets.is_empty() {
            return Err(self.err("targets", "names no country"));
        }
        let mut sources = Vec::new();
        for s in self.get("sources").split_whitespace() {
            if !super::is_url(s) {
                return Err(self.err("sources", format!("'{s}' is not an http(s) URL")));
            }
            sources.push(s.to_string());
        }
        Ok(Incident {
            id: id.to_string(),
            name: self.required("name")?.to_string(),
            start,
            end,
            initiator,
            targets,
            target_type: self.vocab("target_type", TargetType::parse, TargetType::expected)?,
            method: self.vocab("method", Method::parse, Method::expected)?,
            objective: self.vocab("objective", Objective::parse, Objective::expected)?,
            severity: self.severity()?,
            effects: self.vocab("effects", Effects::parse, Effects::expected)?,
            rationale: self.get("rationale").to_string(),
            attributed_by: self.get("attributed_by").to_string(),
            attribution_date: self.date("attribution_date")?,
            certainty: self.vocab("certainty", Certainty::parse, Certainty::expected)?,
            scope: self.vocab("scope", Scope::parse, Scope::expected)?,
            description: self.get("description").to_string(),
            sources,
        })
    }
}

/// Adds one incident, refusing a repeated id with both rows named.
fn push_unique(data: &mut Dataset, seen: &mut HashMap<String, usize>, row: &RawRow, incident: Incident) -> Result<()> {
    if let Some(first) = seen.insert(incident.id.clone(), row.row) {
        return Err(row.err("id", format!("duplicate id '{}' (first used in row {first})", incident.id)));
    }
    data.incidents.push(incident);
    Ok(())
}

/// Reads the project's CSV row by row, straight into columns.
pub(super) fn parse_csv(text: &str) -> Result<Dataset> {
    let mut rows = CsvRows::open(text)?;
    let mut reader = CsvReader::open(&rows)?;
    reader.read(&mut rows)?;
    reader.finish()
}

/// The project's CSV being read: its columns and the incidents so far. Rows may come in several
/// goes, as a file downloads (see `super::stream`).
pub(super) struct CsvReader {
    cols: Columns,
    width: usize,
    seen: HashMap<String, usize>,
    data: Dataset,
}

impl CsvReader {
    /// Finds the columns in the header `rows` read.
    pub(super) fn open(rows: &CsvRows<'_>) -> Result<CsvReader> {
        let mut data = Dataset::default();
        let cols = Columns::from_header(&rows.header, &mut data.warnings)?;
        Ok(CsvReader { cols, width: rows.header.len(), seen: HashMap::new(), data })
    }

    /// Reads the rows `rows` has (all of them, or as far as its text has arrived).
    pub(super) fn read(&mut self, rows: &mut CsvRows<'_>) -> Result<()> {
        while let Some((row, line)) = rows.advance()? {
            let raw = RawRow::of(&self.cols, row, line, MAX_LEVEL, rows.cells(), self.width)?;
            let incident = raw.incident(&mut self.data.warnings)?;
            push_unique(&mut self.data, &mut self.seen, &raw, incident)?;
        }
        Ok(())
    }

    /// The incidents read, once every row has been.
    pub(super) fn finish(self) -> Result<Dataset> {
        finish(self.data)
    }
}

/// True when a header holds most of this schema's required columns (a header missing one or two
/// is still ours, and is then told exactly which it lacks).
pub(super) fn looks_like(header: &[String]) -> bool {
    required().filter(|r| header.iter().any(|c| normalise(c) == normalise(r))).count() >= 3
}

pub(super) fn parse_table(table: &Table) -> Result<Dataset> {
    parse_table_on(table, MAX_LEVEL)
}

fn parse_table_on(table: &Table, top: u8) -> Result<Dataset> {
    let mut data = Dataset::default();
    let cols = Columns::from_header(&table.header, &mut data.warnings)?;
    let mut seen = HashMap::new();
    for r in &table.rows {
        let raw = RawRow::of(&cols, r.row, r.line, top, r.cells.iter().map(String::as_str), table.header.len())?;
        let incident = raw.incident(&mut data.warnings)?;
        push_unique(&mut data, &mut seen, &raw, incident)?;
    }
    finish(data)
}

fn finish(data: Dataset) -> Result<Dataset> {
    if data.incidents.is_empty() {
        return Err(Error::File("the file has a header but no incidents".into()));
    }
    Ok(data)
}

/// Flattens one JSON value to the text a CSV cell would hold.
fn json_cell(row: usize, key: &str, v: &Json) -> Result<String> {
    let number = super::number::text;
    Ok(match v {
        Json::Null => String::new(),
        Json::String(s) => s.clone(),
        Json::Number(n) => number(*n),
        Json::Bool(b) => b.to_string(),
        Json::Array(items) => {
            let mut parts = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Json::String(s) => parts.push(s.clone()),
                    Json::Number(n) => parts.push(number(*n)),
                    _ => return Err(Error::row(row, None, key, "lists may hold only strings or numbers")),
                }
            }
            // Lists of URLs are space-separated in CSV; lists of countries use ';'.
            parts.join(if normalise(key) == "sources" { " " } else { ";" })
        }
        Json::Object(_) => return Err(Error::row(row, None, key, "is an object; expected text, a number or a list")),
    })
}

/// The incident objects of a JSON file: a top-level array, or the `incidents` array of an object.
fn json_items(text: &str) -> Result<Vec<Json>> {
    let text = text.trim_start_matches('\u{feff}');
    match json::parse(text).map_err(Error::File)? {
        Json::Array(items) => Ok(items),
        Json::Object(o) => match o.into_iter().find(|(k, _)| k == "incidents").map(|(_, v)| v) {
            Some(Json::Array(items)) => Ok(items),
            _ => Err(Error::File("a JSON object must hold an \"incidents\" array".into())),
        },
        _ => Err(Error::File("expected a JSON array of incidents".into())),
    }
}

/// A JSON array of flat objects as a table: the header is every key, in order of first use.
pub(super) fn json_table(text: &str) -> Result<Table> {
    let items = json_items(text)?;
    let mut header: Vec<String> = Vec::new();
    let mut rows = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let row = i + 1;
        let Json::Object(obj) = item else { return Err(Error::row(row, None, "(row)", "is not an object")) };
        let mut cells = vec![String::new(); header.len()];
        for (key, v) in obj {
            let at = header.iter().position(|h| h == key).unwrap_or_else(|| {
                header.push(key.clone());
                header.len() - 1
            });
            if cells.len() <= at {
                cells.resize(at + 1, String::new());
            }
            cells[at] = json_cell(row, key, v)?;
        }
        rows.push(Row { row, line: None, cells });
    }
    Ok(Table { header, rows })
}

pub(super) fn parse_json(text: &str) -> Result<Dataset> {
    let items = json_items(text)?;
    let mut data = Dataset::default();
    let mut seen = HashMap::new();
    let known: Vec<(&'static str, String)> = COLUMNS.iter().map(|c| (c.name, normalise(c.name))).collect();
    let mut ignored: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let row = i + 1;
        let Json::Object(obj) = item else { return Err(Error::row(row, None, "(row)", "is not an object")) };
        let mut cells: Vec<(&'static str, String)> = Vec::new();
        for (key, v) in obj {
            let n = normalise(key);
            match known.iter().find(|(_, kn)| *kn == n) {
                Some((k, _)) => cells.push((k, json_cell(row, key, v)?)),
                None if ignored.contains(key) => {}
                None => {
                    Warning::push(
                        &mut data.warnings,
                        row,
                        key,
                        format!(
                            "field '{key}' is not part of the schema and was ignored (here and in any later object)"
                        ),
                    );
                    ignored.push(key.clone());
                }
            }
        }
        for k in required() {
            if !cells.iter().any(|(c, _)| *c == k) {
                return Err(Error::row(row, None, k, "is missing but required"));
            }
        }
        let raw =
            RawRow { row, line: None, top: MAX_LEVEL, values: cells.iter().map(|(k, v)| (*k, v.as_str())).collect() };
        let incident = raw.incident(&mut data.warnings)?;
        push_unique(&mut data, &mut seen, &raw, incident)?;
    }
    if data.incidents.is_empty() {
        return Err(Error::File("the JSON holds no incidents".into()));
    }
    Ok(data)
}
