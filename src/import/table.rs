//! A file read into rows of text cells, whatever it came from (CSV now, a workbook sheet later),
//! with each row's position for messages. Importers map columns by name from here.

use crate::error::{Error, Result};

/// One data row: 1-based row number (after the header), the line it starts on, its cells.
pub struct Row {
    pub row: usize,
    pub line: Option<u64>,
    pub cells: Vec<String>,
}

pub struct Table {
    pub header: Vec<String>,
    /// Rows with at least one non-blank cell. Their lengths may differ from the header's: each
    /// importer decides whether that is an error or a warning.
    pub rows: Vec<Row>,
}

/// Column names compared ignoring case, spaces, `_` and `-`.
pub fn normalise(name: &str) -> String {
    name.trim().chars().filter(|c| !matches!(c, '_' | '-' | ' ')).flat_map(char::to_lowercase).collect()
}

impl Table {
    /// Position of the first column whose name normalises to `name`'s.
    pub fn column(&self, name: &str) -> Option<usize> {
        let n = normalise(name);
        self.header.iter().position(|h| normalise(h) == n)
    }
}

/// CSV text from its header on: without a byte-order mark, and without the lines starting with `#`
/// before the header (the preamble the explorer's CSV download writes: dataset, filters, date and
/// citation), so a downloaded selection loads back as it is.
fn from_header(text: &str) -> &str {
    let mut text = text.trim_start_matches('\u{feff}');
    while text.starts_with('#') {
        text = text.find('\n').map_or("", |end| &text[end + 1..]);
    }
    text
}

/// CSV text read one row at a time, so a large file is never held as a table of strings.
pub struct CsvRows<'a> {
    pub header: Vec<String>,
    reader: csv::Reader<&'a [u8]>,
    /// The current row's cells, after [`CsvRows::advance`] returned it.
    pub record: csv::StringRecord,
    row: usize,
}

impl<'a> CsvRows<'a> {
    /// Reads the header of CSV text (a leading byte-order mark and `#` preamble lines skipped).
    pub fn open(text: &'a str) -> Result<CsvRows<'a>> {
        let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(from_header(text).as_bytes());
        let header = reader.headers().map_err(|e| Error::File(format!("cannot read the header line: {e}")))?.iter().map(str::to_string).collect();
        Ok(CsvRows { header, reader, record: csv::StringRecord::new(), row: 0 })
    }

    /// Moves to the next row with a non-blank cell: `Some((row, line))` (1-based row after the
    /// header, counting blank rows; the line it starts on), `None` at the end.
    pub fn advance(&mut self) -> Result<Option<(usize, Option<u64>)>> {
        loop {
            self.row += 1;
            let row = self.row;
            let more = self.reader.read_record(&mut self.record).map_err(|e| Error::Row {
                row,
                line: e.position().map(|p| p.line()),
                column: "(row)".into(),
                message: format!("unreadable CSV: {e}"),
            })?;
            if !more {
                return Ok(None);
            }
            if self.record.iter().any(|f| !f.trim().is_empty()) {
                return Ok(Some((row, self.record.position().map(|p| p.line()))));
            }
        }
    }
}

/// Reads CSV text (a leading byte-order mark and `#` preamble lines are skipped) into a table.
pub fn read_csv(text: &str) -> Result<Table> {
    let mut rows = CsvRows::open(text)?;
    let mut table = Vec::new();
    while let Some((row, line)) = rows.advance()? {
        table.push(Row { row, line, cells: rows.record.iter().map(str::to_string).collect() });
    }
    Ok(Table { header: rows.header, rows: table })
}

/// The header cells of CSV text alone (quotes honoured), without reading the rows.
pub fn read_header(text: &str) -> Vec<String> {
    let text = from_header(text);
    let first = text.lines().next().unwrap_or("");
    let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(first.as_bytes());
    reader.records().next().and_then(|r| r.ok()).map(|r| r.iter().map(|c| c.trim().to_string()).collect()).unwrap_or_default()
}
