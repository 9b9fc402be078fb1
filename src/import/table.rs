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

/// Column names compared ignoring case, spaces, `_` and `-`. Every name a format knows is ASCII,
/// so ASCII case folding is enough (and keeps Unicode's case tables, 5 KB gzip, out of the wasm).
pub fn normalise(name: &str) -> String {
    name.trim().chars().filter(|c| !matches!(c, '_' | '-' | ' ')).map(|c| c.to_ascii_lowercase()).collect()
}

/// Separators of packed text (see [`Table::from_packed`]); build.rs writes the same.
pub const PACKED_CELL: char = '\u{1f}';
pub const PACKED_ROW: char = '\u{1e}';

impl Table {
    /// A table from packed text: the header and then one row per record, each ended by
    /// [`PACKED_ROW`], cells separated by [`PACKED_CELL`], no quoting. build.rs and the `schema`
    /// command write the bundled data this way, so the browser reads it with a split and without
    /// a CSV reader.
    pub fn from_packed(text: &str) -> Table {
        let mut lines = text.split_terminator(PACKED_ROW);
        let cells = |line: &str| line.split(PACKED_CELL).map(str::to_string).collect::<Vec<_>>();
        let header = lines.next().map(cells).unwrap_or_default();
        let rows = lines.enumerate().map(|(k, line)| Row { row: k + 1, line: None, cells: cells(line) }).collect();
        Table { header, rows }
    }

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
    // A preamble line may be one quoted field (`"# ..."`), as the page's downloads write it.
    while text.starts_with('#') || text.starts_with("\"#") {
        text = text.find('\n').and_then(|end| text.get(end + 1..)).unwrap_or("");
    }
    text
}

/// The character between columns: a comma, unless the header line (outside quotes) has more
/// semicolons or tabs, as spreadsheets in many locales export.
fn delimiter(text: &str) -> u8 {
    let (mut counts, mut quoted) = ([0usize; 3], false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// What stopped the CSV reader, in words (the caller says where). Not `csv::Error`'s `Display`,
/// which carries the messages of csv's serde deserialiser and of every `std::io` error kind into
/// the module, for errors that reading text from memory never meets: no I/O error (the input is a
/// slice), no serde, and no unequal lengths (the reader is flexible). Neither does UTF-8 fail (the
/// text is UTF-8 and cells are split at ASCII bytes); were it to, the cell is named.
fn csv_problem(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => {
            format!("invalid UTF-8 in field {} near byte index {}", err.field(), err.valid_up_to())
        }
        _ => "the CSV reader failed".into(),
    }
}

fn reader(text: &str, has_headers: bool) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(has_headers)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes())
}

/// CSV text read one row at a time, so a large file is never held as a table of strings.
pub struct CsvRows<'a> {
    pub header: Vec<String>,
    text: &'a str,
    reader: csv::Reader<&'a [u8]>,
    /// The current row's cells, after [`CsvRows::advance`] returned it.
    pub record: csv::StringRecord,
    row: usize,
}

impl<'a> CsvRows<'a> {
    /// Reads the header of CSV text (a leading byte-order mark and `#` preamble lines skipped).
    pub fn open(text: &'a str) -> Result<CsvRows<'a>> {
        let text = from_header(text);
        let mut reader = reader(text, true);
        let header = reader
            .headers()
            .map_err(|e| Error::File(format!("cannot read the header line: {}", csv_problem(&e))))?
            .iter()
            .map(str::to_string)
            .collect();
        Ok(CsvRows { header, text, reader, record: csv::StringRecord::new(), row: 0 })
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
                message: format!("unreadable CSV: {}", csv_problem(&e)),
            })?;
            if !more {
                return Ok(None);
            }
            if self.record.iter().any(|f| !f.trim().is_empty()) {
                self.check_quotes(row)?;
                return Ok(Some((row, self.record.position().map(|p| p.line()))));
            }
        }
    }
}

impl CsvRows<'_> {
    /// Refuses a last row whose quote never closes: it would swallow every line after it. (The
    /// CSV reader takes the rest of the file as the quoted cell's text without complaint.)
    fn check_quotes(&self, row: usize) -> Result<()> {
        if (self.reader.position().byte() as usize) < self.text.len() {
            return Ok(()); // not the last row
        }
        let (Some(start), Some(last)) = (self.record.position(), self.record.len().checked_sub(1)) else {
            return Ok(());
        };
        if !self.record.get(last).is_some_and(|f| f.contains(['\n', '\r'])) {
            return Ok(());
        }
        let raw = self.text.get(start.byte() as usize..).unwrap_or("");
        if raw.bytes().filter(|&b| b == b'"').count() % 2 == 0 {
            return Ok(());
        }
        let lines_before: usize = self.record.iter().take(last).map(|f| f.matches('\n').count()).sum();
        let opened = start.line() + lines_before as u64;
        let lines = raw.lines().count().saturating_sub(lines_before);
        Err(Error::Row {
            row,
            line: Some(opened),
            column: self.header.get(last).map_or_else(|| "(row)".to_string(), |h| h.trim().to_string()),
            message: format!("a quote opens in this cell and never closes, so the remaining {lines} lines of the file would be read into it; close or remove the quote"),
        })
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

/// How much of the first line [`read_header`] reads.
const HEADER_BYTES: usize = 1 << 20;

/// The header cells of CSV text alone (quotes honoured), without reading the rows.
pub fn read_header(text: &str) -> Vec<String> {
    let text = from_header(text);
    // Enough for thousands of column names; a longer first line is no header (and is not copied).
    let mut first = text.lines().next().unwrap_or("");
    if first.len() > HEADER_BYTES {
        let mut end = HEADER_BYTES;
        while !first.is_char_boundary(end) {
            end -= 1;
        }
        first = first.get(..end).unwrap_or("");
    }
    let mut reader = reader(first, false);
    reader
        .records()
        .next()
        .and_then(|r| r.ok())
        .map(|r| r.iter().map(|c| c.trim().to_string()).collect())
        .unwrap_or_default()
}
