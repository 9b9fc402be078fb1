//! Turning text into incidents. Each format lives in its own module and yields a [`Dataset`]:
//! the incidents plus warnings for what was kept but looked odd. Anything that cannot be kept is an
//! [`Error`] naming the row and column.

mod cfr;
mod dcid;
mod eurepoc;
mod json;
mod lenient;
mod mapped;
mod native;
mod number;
mod stream;
pub mod table;
// Workbooks (.xlsx: zip archives of XML). Native builds always read them; in the browser only the
// importer module built with `workbooks`, which the worker loads for a workbook's bytes, so the
// module that reads CSV and JSON goes without them (see www/import-worker.js).
#[cfg(any(feature = "workbooks", not(target_arch = "wasm32")))]
mod workbook {
    pub use super::xlsx::read;
}
#[cfg(not(any(feature = "workbooks", not(target_arch = "wasm32"))))]
mod workbook {
    use super::table::Table;
    use crate::error::{Error, Result};

    pub fn read(_: &[u8]) -> Result<Vec<(String, Table)>> {
        Err(Error::File(
            "this is an .xlsx workbook, which this importer module does not read: load it through the importer worker (loader.js importBytes), which reads workbooks".into(),
        ))
    }
}
#[cfg(any(feature = "workbooks", not(target_arch = "wasm32")))]
mod xlsx;
#[cfg(any(feature = "workbooks", not(target_arch = "wasm32")))]
mod xml;
#[cfg(any(feature = "workbooks", not(target_arch = "wasm32")))]
mod zip;

/// Whether `data` is a zip archive (an .xlsx workbook is one): its first bytes.
pub fn is_zip(data: &[u8]) -> bool {
    data.starts_with(b"PK\x03\x04")
}

use crate::error::{Error, Result};
use crate::model::Scale;
use crate::store::Store;
use serde::Serialize;

pub use json::{set_parser as set_json_parser, Json, Parser as JsonParser, MAX_DEPTH as JSON_MAX_DEPTH};
pub use mapped::{Mapping, MappingField, FIELDS as MAPPING_FIELDS, MAX_MAPPING_COLUMNS};
pub use native::{Column, COLUMNS};
pub use stream::Stream;
use table::Table;

/// Largest input accepted, refused up front rather than exhausting a reader's memory.
pub const MAX_INPUT_BYTES: usize = 128 * 1024 * 1024;

/// Something kept but worth a publisher's attention, with where it was found.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Warning {
    /// 1-based data row; 0 for the header or the file as a whole.
    pub row: usize,
    pub column: String,
    pub message: String,
}

/// Most warnings kept for one file: past this, one last warning says the rest are not listed, so a
/// file where every row is odd cannot fill memory with messages.
pub const MAX_WARNINGS: usize = 1_000;

impl Warning {
    /// Adds a warning to `list` (its column and message clipped to a readable length), up to
    /// [`MAX_WARNINGS`]; the first one past it is replaced by a note that the rest are not listed.
    pub fn push(list: &mut Vec<Warning>, row: usize, column: &str, message: impl Into<String>) {
        use crate::error::{clip, MAX_MESSAGE_CHARS};
        match list.len() {
            n if n < MAX_WARNINGS => {
                let message = message.into();
                list.push(Warning {
                    row,
                    column: clip(column, 120).into_owned(),
                    message: clip(&message, MAX_MESSAGE_CHARS).into_owned(),
                });
            }
            MAX_WARNINGS => list.push(Warning {
                row: 0,
                column: String::new(),
                message: format!(
                    "more warnings from row {row} on are not listed: only the first {MAX_WARNINGS} are kept"
                ),
            }),
            _ => {}
        }
    }
}

/// Incidents in chronological order, with the warnings met while reading them.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub incidents: Store,
    pub warnings: Vec<Warning>,
    /// What `severity` is measured on.
    pub scale: Scale,
    /// The responses the source records, tied to incidents by id; `None` when it records none
    /// (the explorer then says responses are not in this data, never "none known").
    pub responses: Option<Vec<crate::events::Response>>,
}

/// The formats the explorer reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The project's own schema as CSV (see the README).
    Csv,
    /// The project's own schema as JSON: an array of objects, or `{"incidents": [...]}`.
    Json,
    /// DCID v2.0's incident sheet, as CSV or in the workbook.
    Dcid,
    /// The EuRepoC global database CSV.
    Eurepoc,
    /// The CFR Cyber Operations Tracker CSV export.
    Cfr,
    /// Any CSV, JSON or sheet, read through a [`Mapping`].
    Mapped,
}

/// One name the `format` option, attribute and link parameter take: `auto` (detect from the
/// content) and each [`Format`]. `www/schema.js` carries this list to JavaScript.
pub struct FormatInfo {
    pub name: &'static str,
    /// `None` for `auto`.
    pub format: Option<Format>,
    /// The choice's label in the page's format menu.
    #[cfg(not(target_arch = "wasm32"))]
    pub label: &'static str,
    /// Which wasm module reads it in the page: `explorer` (the project's CSV, read on the page
    /// without fetching the importer; `auto` tries it first) or `importer` (in a Web Worker).
    #[cfg(not(target_arch = "wasm32"))]
    pub module: &'static str,
    /// Whether it needs a column mapping, which only the page's mapping form can give.
    #[cfg(not(target_arch = "wasm32"))]
    pub mapping: bool,
}

const fn fi(name: &'static str, format: Option<Format>, label: &'static str, module: &'static str) -> FormatInfo {
    // The wasm needs only the name and the format: the menu's words are for JavaScript.
    #[cfg(target_arch = "wasm32")]
    let _ = (label, module);
    FormatInfo {
        name,
        format,
        #[cfg(not(target_arch = "wasm32"))]
        label,
        #[cfg(not(target_arch = "wasm32"))]
        module,
        #[cfg(not(target_arch = "wasm32"))]
        mapping: matches!(format, Some(Format::Mapped)),
    }
}

/// Every format name, `auto` first, then in the order `auto` tries the recognisable ones.
pub const FORMATS: [FormatInfo; 7] = [
    fi("auto", None, "recognise it", "explorer"),
    fi("csv", Some(Format::Csv), "cyber-spectrum CSV", "explorer"),
    fi("json", Some(Format::Json), "cyber-spectrum JSON", "importer"),
    fi("dcid", Some(Format::Dcid), "DCID v2.0", "importer"),
    fi("eurepoc", Some(Format::Eurepoc), "EuRepoC", "importer"),
    fi("cfr", Some(Format::Cfr), "CFR tracker", "importer"),
    fi("mapped", Some(Format::Mapped), "other: map the columns", "importer"),
];

impl Format {
    /// Names accepted by the API (see [`FORMATS`]): `auto` or empty yields `None` (detect from
    /// the content).
    pub fn from_name(name: &str) -> Result<Option<Format>> {
        let n = name.trim().to_ascii_lowercase();
        if n.is_empty() {
            return Ok(None);
        }
        FORMATS.iter().find(|f| f.name == n).map(|f| f.format).ok_or_else(|| {
            let names: Vec<&str> = FORMATS.iter().map(|f| f.name).collect();
            Error::Argument(format!("unknown format '{name}' (expected one of: {})", names.join(", ")))
        })
    }

    /// The name the API uses for this format.
    pub fn name(self) -> &'static str {
        FORMATS.iter().find(|f| f.format == Some(self)).map_or("csv", |f| f.name)
    }

    /// Recognises a table's format from its header (the project's, DCID, EuRepoC or CFR).
    fn of_header(header: &[String]) -> Option<Format> {
        if dcid::looks_like(header) {
            Some(Format::Dcid)
        } else if eurepoc::looks_like(header) {
            Some(Format::Eurepoc)
        } else if cfr::looks_like(header) {
            Some(Format::Cfr)
        } else if native::looks_like(header) {
            Some(Format::Csv)
        } else {
            None
        }
    }

    /// Recognises a format from the text itself.
    pub fn detect(text: &str) -> Result<Format> {
        if looks_like_json(text) {
            return Ok(Format::Json);
        }
        let t = text.trim_start_matches('\u{feff}').trim_start();
        let header = table::read_header(t);
        Format::of_header(&header).ok_or_else(|| {
            let shown: String = t.lines().next().unwrap_or("").chars().take(120).collect();
            Error::File(format!(
                "unrecognised format: the first line is '{shown}'. The explorer recognises its own CSV (columns {}), DCID, EuRepoC and CFR exports; for any other table, say which column holds what (a column mapping)",
                native::required().collect::<Vec<_>>().join(", ")
            ))
        })
    }
}

/// An http(s) URL with something after the scheme: the only kind of source kept as a link.
fn is_url(s: &str) -> bool {
    let scheme = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    (scheme("https://") || scheme("http://")) && s.len() >= 12 && !has_whitespace(s)
}

/// Whether `s` holds a whitespace character. Read as bytes where it is ASCII, as URLs nearly always
/// are: decoding every character of every source cell was an eighth of a DCID file's import.
fn has_whitespace(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes().any(|b| b.is_ascii_whitespace() || b == 0x0b)
    } else {
        s.chars().any(char::is_whitespace)
    }
}

/// The bytes as text, or an error naming the line and byte where they stop being UTF-8.
fn utf8(bytes: &[u8]) -> Result<&str> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        let column = at - bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
        Error::File(format!(
            "the file is neither an .xlsx workbook nor UTF-8 text: line {line}, byte {column} of the line (0x{:02X}, offset {at}) is not UTF-8. Save the file as UTF-8 (\"CSV UTF-8\" in Excel)",
            bytes[at]
        ))
    })
}

/// Refuses an input over the documented maximum before reading any of it.
fn check_size(len: usize) -> Result<()> {
    if len > MAX_INPUT_BYTES {
        // Tenths of a megabyte in integers (no float formatting in the module).
        let tenths = (len as u64 * 10 + 524_288) / 1_048_576;
        return Err(Error::File(format!(
            "the file is {}.{} MB; the explorer reads at most {} MB",
            tenths / 10,
            tenths % 10,
            MAX_INPUT_BYTES / (1024 * 1024)
        )));
    }
    Ok(())
}

/// Every importer's incidents end up oldest first (ties by id), whatever the file's order.
fn chronological(mut data: Dataset) -> Dataset {
    data.incidents.sort_chronological();
    data
}

/// Reads one table (a CSV file or a workbook sheet) in a tabular format.
fn parse_table(t: &Table, format: Format, mapping: Option<&Mapping>) -> Result<Dataset> {
    match format {
        Format::Csv | Format::Json => native::parse_table(t),
        Format::Dcid => dcid::parse(&mut t.rows_of()),
        Format::Eurepoc => eurepoc::parse(t),
        Format::Cfr => cfr::parse(t),
        Format::Mapped => {
            mapped::parse(t, mapping.ok_or_else(|| Error::Argument("format 'mapped' needs a column mapping".into()))?)
        }
    }
}

/// Reads a file's bytes: an Excel workbook (the first sheet in a format the explorer recognises,
/// or that has the mapped columns), or UTF-8 text. `format` `None` detects it; a `mapping` implies
/// `Format::Mapped`. Returns the data and a name for what was read.
pub fn parse_bytes(bytes: &[u8], format: Option<Format>, mapping: Option<&Mapping>) -> Result<(Dataset, String)> {
    check_size(bytes.len())?;
    let format = if mapping.is_some() { Some(Format::Mapped) } else { format };
    if !is_zip(bytes) {
        let text = utf8(bytes)?;
        let (data, format) = parse(text, format, mapping)?;
        return Ok((data, format.name().to_string()));
    }
    let sheets = workbook::read(bytes)?;
    let mut last_error = None;
    for (name, table) in &sheets {
        let found = Format::of_header(&table.header);
        let kind = match (format, found) {
            (Some(Format::Mapped), _) => Format::Mapped,
            (Some(Format::Json), Some(Format::Csv)) | (None, Some(_)) => found.unwrap_or(Format::Csv),
            (Some(f), Some(g)) if f == g => f,
            _ => continue,
        };
        match parse_table(table, kind, mapping) {
            Ok(data) => return Ok((chronological(data), format!("{} (xlsx sheet '{name}')", kind.name()))),
            // A mapping may fit a later sheet; the first sheet's error is kept to report.
            Err(e) if kind == Format::Mapped => last_error = last_error.or(Some(e)),
            Err(e) => return Err(e),
        }
    }
    if let Some(e) = last_error {
        return Err(e);
    }
    let seen: Vec<String> = sheets
        .iter()
        .map(|(n, t)| format!("'{n}' ({})", t.header.iter().take(4).cloned().collect::<Vec<_>>().join(", ")))
        .collect();
    Err(Error::File(format!("no sheet of this workbook is in a format the explorer recognises; sheets: {}. Give a column mapping to read one", seen.join("; "))))
}

/// Reads `text` in `format` (`None`: detect it), sorting the incidents by start date. Returns the
/// format it read. `Format::Mapped` needs `mapping`; its text may be CSV or JSON.
pub fn parse(text: &str, format: Option<Format>, mapping: Option<&Mapping>) -> Result<(Dataset, Format)> {
    check_text(text)?;
    let format = match (format, mapping) {
        (_, Some(_)) => Format::Mapped,
        (Some(f), None) => f,
        (None, None) => Format::detect(text)?,
    };
    let data = match format {
        Format::Csv => native::parse_csv(text)?,
        Format::Json => native::parse_json(text)?,
        Format::Mapped if looks_like_json(text) => parse_table(&native::json_table(text)?, format, mapping)?,
        Format::Dcid => dcid::parse(&mut table::CsvRows::open(text)?)?,
        _ => parse_table(&table::read_csv(text)?, format, mapping)?,
    };
    Ok((chronological(data), format))
}

/// Reads the project's own schema, CSV or JSON (`None`: JSON if it looks like JSON). Any other
/// format is an error pointing to the importer.
pub fn parse_native(text: &str, format: Option<Format>) -> Result<(Dataset, Format)> {
    let format = match format {
        None if looks_like_json(text) => Format::Json,
        None => Format::Csv,
        Some(f @ (Format::Csv | Format::Json)) => f,
        Some(f) => {
            return Err(Error::Argument(format!(
                "format '{}' is read by the importer module (importFile), not by the explorer module",
                f.name()
            )))
        }
    };
    check_text(text)?;
    let data = if format == Format::Json { parse_own_json(text)? } else { native::parse_csv(text)? };
    Ok((chronological(data), format))
}

/// The bundled dataset's columns as build.rs packs them (see [`table::Table::from_packed`]).
pub fn parse_packed(text: &str) -> Result<Dataset> {
    Ok(chronological(native::parse_table(&table::Table::from_packed(text))?))
}

/// The project's JSON. The explorer wasm module leaves JSON to the importer module (which every
/// JSON source goes through on the page and in embeds): reading it there would bring JSON number
/// formatting into the module every reader downloads.
#[cfg(any(not(target_arch = "wasm32"), feature = "importer"))]
fn parse_own_json(text: &str) -> Result<Dataset> {
    native::parse_json(text)
}

#[cfg(all(target_arch = "wasm32", not(feature = "importer")))]
fn parse_own_json(_: &str) -> Result<Dataset> {
    Err(Error::Argument("JSON is read by the importer module (importFile), not by the explorer module".into()))
}

/// Refuses text over the size limit, and empty text, before reading it.
fn check_text(text: &str) -> Result<()> {
    check_size(text.len())?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Error::File("the file is empty".into()));
    }
    Ok(())
}

fn looks_like_json(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('[') || t.starts_with('{')
}

/// The column names of a file (its first recognisable sheet for a workbook; the union of keys for
/// JSON), for a page that lets a publisher choose a mapping.
pub fn columns(bytes: &[u8]) -> Result<Vec<String>> {
    check_size(bytes.len())?;
    let table = if is_zip(bytes) {
        workbook::read(bytes)?
            .into_iter()
            .map(|(_, t)| t)
            .find(|t| !t.header.is_empty())
            .ok_or_else(|| Error::File("the workbook has no sheet with a header".into()))?
    } else {
        let text = utf8(bytes)?;
        if looks_like_json(text) {
            native::json_table(text)?
        } else {
            Table { header: table::read_header(text), rows: Vec::new() }
        }
    };
    Ok(table.header.iter().map(|h| h.trim().to_string()).filter(|h| !h.is_empty()).collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_url_has_no_whitespace_of_any_kind() {
        assert!(super::is_url("https://example.org/a?b=c"));
        assert!(super::is_url("HTTP://example.org/é"));
        for bad in [
            "https://example.org/a b",
            "https://example.org/\t",
            "https://example.org/\u{b}x",
            "https://ex.org/\u{a0}x",
            "https://ex.org/é\u{2003}",
            "ftp://example.org/x",
            "https://",
        ] {
            assert!(!super::is_url(bad), "{bad:?}");
        }
    }
}
