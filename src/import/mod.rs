//! Turning text into incidents. Each format lives in its own module and yields a [`Dataset`]:
//! the incidents plus warnings for what was kept but looked odd. Anything that cannot be kept is an
//! [`Error`] naming the row and column.

mod dcid;
mod json;
mod native;
mod table;
mod xlsx;
mod xml;
mod zip;

use crate::error::{Error, Result};
use crate::model::Incident;
use serde::Serialize;

pub use json::Json;

/// Largest input accepted, refused up front rather than exhausting a reader's memory.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Something kept but worth a publisher's attention, with where it was found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warning {
    /// 1-based data row; 0 for the header or the file as a whole.
    pub row: usize,
    pub column: String,
    pub message: String,
}

/// Incidents in chronological order, with the warnings met while reading them.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub incidents: Vec<Incident>,
    pub warnings: Vec<Warning>,
}

/// The formats `from_text` understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The project's own schema as CSV (see the README).
    Csv,
    /// The project's own schema as JSON: an array of objects, or `{"incidents": [...]}`.
    Json,
    /// DCID v2.0's incident sheet, as CSV.
    Dcid,
}

impl Format {
    /// Names accepted by the API: `auto`, `csv`, `json`. `auto` yields `None` (detect from content).
    pub fn from_name(name: &str) -> Result<Option<Format>> {
        match name.trim().to_ascii_lowercase().as_str() {
            "" | "auto" => Ok(None),
            "csv" => Ok(Some(Format::Csv)),
            "json" => Ok(Some(Format::Json)),
            "dcid" => Ok(Some(Format::Dcid)),
            other => Err(Error::Argument(format!("unknown format '{other}' (expected one of: auto, csv, json, dcid)"))),
        }
    }

    /// The name the API uses for this format.
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Dcid => "dcid",
        }
    }

    /// Recognises a format from the text itself.
    pub fn detect(text: &str) -> Result<Format> {
        let t = text.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with('[') || t.starts_with('{') {
            return Ok(Format::Json);
        }
        let header = t.lines().next().unwrap_or("");
        let cells: Vec<String> = header.split(',').map(|c| c.trim_matches('"').to_string()).collect();
        if dcid::looks_like(&cells) {
            return Ok(Format::Dcid);
        }
        if native::looks_like(&cells) {
            return Ok(Format::Csv);
        }
        let shown: String = header.chars().take(120).collect();
        Err(Error::File(format!(
            "unrecognised format: the first line is '{shown}'; expected a CSV header with at least the columns {} or a JSON array of incidents",
            native::REQUIRED.join(", ")
        )))
    }
}

/// Refuses an input over the documented maximum before reading any of it.
fn check_size(len: usize) -> Result<()> {
    if len > MAX_INPUT_BYTES {
        return Err(Error::File(format!(
            "the file is {:.1} MB; the explorer reads at most {} MB",
            len as f64 / 1e6,
            MAX_INPUT_BYTES / (1024 * 1024)
        )));
    }
    Ok(())
}

/// Every importer's incidents end up oldest first (ties by id), whatever the file's order.
fn chronological(mut data: Dataset) -> Dataset {
    data.incidents.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    data
}

/// Reads a file's bytes: an Excel workbook (the first sheet in the project's schema or DCID's),
/// or UTF-8 text in `format` (`None`: detect it). Returns the data and a name for its format.
pub fn parse_bytes(bytes: &[u8], format: Option<Format>) -> Result<(Dataset, String)> {
    check_size(bytes.len())?;
    if !zip::is_zip(bytes) {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Error::File(format!("the file is neither an .xlsx workbook nor UTF-8 text (invalid byte at offset {})", e.valid_up_to()))
        })?;
        let (data, format) = parse(text, format)?;
        return Ok((data, format.name().to_string()));
    }
    let sheets = xlsx::read(bytes)?;
    for (name, table) in &sheets {
        let is_dcid = dcid::looks_like(&table.header);
        let (data, kind) = match format {
            Some(Format::Dcid) | None if is_dcid => (dcid::parse(table)?, "dcid"),
            Some(Format::Csv) | None if native::looks_like(&table.header) => (native::parse_table(table)?, "csv"),
            _ => continue,
        };
        return Ok((chronological(data), format!("{kind} (xlsx sheet '{name}')")));
    }
    let seen: Vec<String> = sheets.iter().map(|(n, t)| format!("'{n}' ({})", t.header.iter().take(4).cloned().collect::<Vec<_>>().join(", "))).collect();
    Err(Error::File(format!("no sheet of this workbook is in a format the explorer reads; sheets: {}", seen.join("; "))))
}

/// Reads `text` in `format` (`None`: detect it), sorting the incidents by start date. Returns the
/// format it read.
pub fn parse(text: &str, format: Option<Format>) -> Result<(Dataset, Format)> {
    check_size(text.len())?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Error::File("the file is empty".into()));
    }
    let format = match format {
        Some(f) => f,
        None => Format::detect(text)?,
    };
    let data = match format {
        Format::Csv => native::parse_csv(text)?,
        Format::Json => native::parse_json(text)?,
        Format::Dcid => dcid::parse(&table::read_csv(text)?)?,
    };
    Ok((chronological(data), format))
}
