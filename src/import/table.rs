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

/// Rows read one at a time, whatever holds them: CSV text as it is parsed ([`CsvRows`]) or a table
/// already read ([`Table::rows_of`], a workbook's sheet). An importer that reads through this
/// builds no table of strings for a CSV file: for a DCID file that table took a quarter of the
/// import, making every cell a string and freeing it again.
pub trait Rows {
    fn header(&self) -> &[String];
    /// The next row with a non-blank cell, `None` at the end.
    fn next_row(&mut self) -> Result<Option<RowRef<'_>>>;
    /// Bytes of text still to read, where the rows are read from text (0 otherwise): room to set
    /// aside for the incidents' texts at once rather than growing into it.
    fn bytes_left(&self) -> usize {
        0
    }
    /// Position of the first column whose name normalises to `name`'s.
    fn column(&self, name: &str) -> Option<usize> {
        column(self.header(), name)
    }
}

/// Position of the first of `header` whose name normalises to `name`'s.
fn column(header: &[String], name: &str) -> Option<usize> {
    let n = normalise(name);
    header.iter().position(|h| normalise(h) == n)
}

/// One row of [`Rows`]: as [`Row`], its cells borrowed.
pub struct RowRef<'a> {
    pub row: usize,
    pub line: Option<u64>,
    pub cells: Cells<'a>,
}

/// A row's cells: a list, or a CSV record's text and where each cell ends in it (no list made
/// per row: in the browser, that allocation was a fifteenth of a DCID file's import).
pub enum Cells<'a> {
    List(Vec<&'a str>),
    Record { text: &'a str, ends: &'a [usize] },
}

impl<'a> Cells<'a> {
    /// Cell `i`, if the row has it.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        match self {
            Cells::List(list) => list.get(i).copied(),
            Cells::Record { text, ends } => {
                let from = if i == 0 { 0 } else { *ends.get(i - 1)? };
                text.get(from..*ends.get(i)?)
            }
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Cells::List(list) => list.len(),
            Cells::Record { ends, .. } => ends.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every cell, in order.
    pub fn to_vec(&self) -> Vec<&'a str> {
        (0..self.len()).map(|i| self.get(i).unwrap_or("")).collect()
    }
}

/// A [`Table`]'s rows as [`Rows`].
pub struct TableRows<'a> {
    table: &'a Table,
    next: usize,
}

impl Rows for TableRows<'_> {
    fn header(&self) -> &[String] {
        &self.table.header
    }

    fn next_row(&mut self) -> Result<Option<RowRef<'_>>> {
        let Some(r) = self.table.rows.get(self.next) else { return Ok(None) };
        self.next += 1;
        Ok(Some(RowRef { row: r.row, line: r.line, cells: Cells::List(r.cells.iter().map(String::as_str).collect()) }))
    }
}

impl<'a> Rows for CsvRows<'a> {
    fn header(&self) -> &[String] {
        &self.header
    }

    fn next_row(&mut self) -> Result<Option<RowRef<'_>>> {
        let Some((row, line)) = self.advance()? else { return Ok(None) };
        let cells = match self.record() {
            Some((text, ends)) => Cells::Record { text, ends },
            None => Cells::List(self.cells().collect()),
        };
        Ok(Some(RowRef { row, line, cells }))
    }

    fn bytes_left(&self) -> usize {
        self.text.len().saturating_sub(self.read)
    }
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
        column(&self.header, name)
    }

    /// The table's rows one at a time, as [`Rows`].
    pub fn rows_of(&self) -> TableRows<'_> {
        TableRows { table: self, next: 0 }
    }
}

/// CSV text from its header on: without a byte-order mark, and without the lines starting with `#`
/// before the header (the preamble the explorer's CSV download writes: dataset, filters, date and
/// citation), so a downloaded selection loads back as it is. `None` while `more` text is to come
/// and the preamble's end has not arrived yet.
fn from_header(text: &[u8], more: bool) -> Option<&[u8]> {
    let mut text = text.strip_prefix("\u{feff}".as_bytes()).unwrap_or(text);
    // A preamble line may be one quoted field (`"# ..."`), as the page's downloads write it.
    while text.starts_with(b"#") || text.starts_with(b"\"#") {
        match memchr::memchr(b'\n', text) {
            Some(end) => text = &text[end + 1..],
            None if more => return None,
            None => text = &[],
        }
    }
    Some(text)
}

/// The character between columns: a comma, unless the header line (outside quotes) has more
/// semicolons or tabs, as spreadsheets in many locales export.
fn delimiter(text: &[u8]) -> u8 {
    let (mut counts, mut quoted) = ([0usize; 3], false);
    for &c in text {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// CSV text read one row at a time, so a large file is never held as a table of strings. The
/// parser is csv_core's: the csv crate's `Reader` around it (buffered I/O, records, serde, its
/// errors) cost the importer module about 3 KB gzip, for text that is already in memory. Quoting,
/// separators, line ends, blank lines, a byte-order mark and the positions of rows are csv_core's
/// and so the same as before; nothing here can fail.
///
/// The text may also arrive in pieces while a file downloads ([`CsvRows::open_part`]): a row is then
/// handed on once all of it has arrived, and the one cut by the end of what has arrived so far
/// waits, half parsed, for the rest ([`CsvRows::with_text`] gives the longer text).
pub struct CsvRows<'a> {
    pub header: Vec<String>,
    /// UTF-8 text (checked before it is given; each row is checked again as it is read).
    text: &'a [u8],
    /// Whether more text is to come after `text`.
    more: bool,
    parser: csv_core::Reader,
    /// Bytes of `text` the parser has read.
    read: usize,
    /// The current row's cells, their text back to back (`cells`) and where each ends (`ends`,
    /// only the first `width` of them in use).
    cells: Vec<u8>,
    ends: Vec<usize>,
    width: usize,
    /// Where the current row starts: the byte of `text` and its 1-based line.
    start: (usize, u64),
    row: usize,
    /// The bytes and cells of a row cut by the end of the text so far, when more is to come.
    partial: Option<(usize, usize)>,
    /// Bytes before the header that were skipped (a byte-order mark, a preamble).
    skipped: usize,
}

impl<'a> CsvRows<'a> {
    /// A parser of CSV text with the given delimiter.
    fn new(text: &'a [u8], delimiter: u8) -> CsvRows<'a> {
        CsvRows {
            header: Vec::new(),
            text,
            more: false,
            parser: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            read: 0,
            cells: vec![0; 1024],
            ends: vec![0; 32],
            width: 0,
            start: (0, 1),
            row: 0,
            partial: None,
            skipped: 0,
        }
    }

    /// Reads the header of CSV text (a leading byte-order mark and `#` preamble lines skipped).
    pub fn open(text: &'a str) -> Result<CsvRows<'a>> {
        Ok(CsvRows::open_part(text.as_bytes(), false).unwrap_or_else(|| CsvRows::new(&[], b',')))
    }

    /// As [`CsvRows::open`], of the first part of a text when `more` is to come: `None` until the
    /// header has arrived whole. The rows' text is then what follows the preamble: the offset
    /// into `text` is [`CsvRows::skipped`], to give the same offset to [`CsvRows::with_text`].
    pub fn open_part(text: &'a [u8], more: bool) -> Option<CsvRows<'a>> {
        let body = from_header(text, more)?;
        // The delimiter is the header line's: it must have arrived whole.
        if more && memchr::memchr2(b'\n', b'\r', body).is_none() {
            return None;
        }
        let mut rows = CsvRows::new(body, delimiter(body));
        rows.more = more;
        rows.next_record()?;
        rows.header = rows.cells().map(str::to_string).collect();
        rows.skipped = text.len() - body.len();
        Some(rows)
    }

    /// The bytes before the header that [`CsvRows::open_part`] skipped (a mark, a preamble).
    pub fn skipped(&self) -> usize {
        self.skipped
    }

    /// The same rows on a longer text (the same text with more after it, from the same offset),
    /// `more` saying whether still more is to come: reading goes on where it stopped.
    pub fn with_text<'b>(self, text: &'b [u8], more: bool) -> CsvRows<'b> {
        let CsvRows { header, parser, read, cells, ends, width, start, row, partial, skipped, .. } = self;
        CsvRows { header, text, more, parser, read, cells, ends, width, start, row, partial, skipped }
    }

    /// Parses the next record into `cells`: `Some(false)` (and no cells) at the end of the text,
    /// `None` when the text so far ends inside it and more is to come.
    fn next_record(&mut self) -> Option<bool> {
        use csv_core::ReadRecordResult;
        let (mut out, mut width) = self.partial.take().unwrap_or_else(|| {
            self.start = (self.read, self.parser.line());
            (0, 0)
        });
        loop {
            let input = self.text.get(self.read..).unwrap_or_default();
            if input.is_empty() && self.more {
                self.partial = Some((out, width));
                return None;
            }
            let (result, read, wrote, ended) =
                self.parser.read_record(input, &mut self.cells[out..], &mut self.ends[width..]);
            self.read += read;
            out += wrote;
            width += ended;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.cells.resize(self.cells.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => {
                    self.width = width;
                    return Some(true);
                }
                ReadRecordResult::End => {
                    self.width = 0;
                    return Some(false);
                }
            }
        }
    }

    /// The current row's cells. Always UTF-8: the parser copies the text's bytes and leaves out
    /// only ASCII ones (quotes, separators, line ends), so a cell never starts or ends inside a
    /// character.
    /// The record's bytes are checked once, not cell by cell (a tenth of a DCID file's import).
    pub fn cells(&self) -> impl Iterator<Item = &str> + '_ {
        let ends = self.ends.get(..self.width).unwrap_or_default();
        let record = self.record().map(|(text, _)| text);
        ends.iter().enumerate().map(move |(k, &end)| {
            let from = if k == 0 { 0 } else { ends[k - 1] };
            let piece = || self.cells.get(from..end).and_then(|c| std::str::from_utf8(c).ok());
            record.and_then(|r| r.get(from..end)).or_else(piece).unwrap_or("")
        })
    }

    /// The current row's cells one after another, as text, and where each ends in it (`None`
    /// should the bytes not be UTF-8, which [`CsvRows::cells`] says they always are).
    fn record(&self) -> Option<(&str, &[usize])> {
        let ends = self.ends.get(..self.width)?;
        let text = std::str::from_utf8(self.cells.get(..ends.last().copied().unwrap_or(0))?).ok()?;
        Some((text, ends))
    }

    /// Moves to the next row with a non-blank cell: `Some((row, line))` (1-based row after the
    /// header, counting blank rows; the line it starts on), `None` at the end, or, when more text
    /// is to come, where the text so far ends.
    pub fn advance(&mut self) -> Result<Option<(usize, Option<u64>)>> {
        while let Some(true) = self.next_record() {
            self.row += 1;
            if self.cells().any(|f| !crate::strs::trim(f).is_empty()) {
                self.check_quotes(self.row)?;
                return Ok(Some((self.row, Some(self.start.1))));
            }
        }
        Ok(None)
    }
}

impl CsvRows<'_> {
    /// Refuses a last row whose quote never closes: it would swallow every line after it. (The
    /// CSV parser takes the rest of the file as the quoted cell's text without complaint.)
    fn check_quotes(&self, row: usize) -> Result<()> {
        if self.read < self.text.len() || self.more {
            return Ok(()); // not the last row
        }
        let (start, Some(last)) = (self.start, self.width.checked_sub(1)) else {
            return Ok(());
        };
        if !self.cells().nth(last).is_some_and(|f| f.contains(['\n', '\r'])) {
            return Ok(());
        }
        let raw = std::str::from_utf8(self.text.get(start.0..).unwrap_or_default()).unwrap_or("");
        if raw.bytes().filter(|&b| b == b'"').count() % 2 == 0 {
            return Ok(());
        }
        let lines_before: usize = self.cells().take(last).map(|f| f.matches('\n').count()).sum();
        let opened = start.1 + lines_before as u64;
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
        table.push(Row { row, line, cells: rows.cells().map(str::to_string).collect() });
    }
    Ok(Table { header: rows.header, rows: table })
}

/// How much of the first line [`read_header`] reads.
const HEADER_BYTES: usize = 1 << 20;

/// The header cells of CSV text alone (quotes honoured), without reading the rows.
pub fn read_header(text: &str) -> Vec<String> {
    let text = from_header(text.as_bytes(), false).unwrap_or_default();
    // Enough for thousands of column names; a longer first line is no header (and is not copied).
    let first = text.get(..memchr::memchr(b'\n', text).unwrap_or(text.len())).unwrap_or_default();
    let first = first.get(..HEADER_BYTES).unwrap_or(first);
    let mut rows = CsvRows::new(first, delimiter(first));
    rows.next_record();
    rows.cells().map(|c| c.trim().to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record, with where it starts and how far the parser read, as the csv crate's reader
    /// (which this module used before) gives them.
    fn agrees_with_csv(text: &str) {
        let d = delimiter(text.as_bytes());
        let mut ours = CsvRows::new(text.as_bytes(), d);
        let mut theirs =
            csv::ReaderBuilder::new().flexible(true).has_headers(false).delimiter(d).from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        loop {
            let more = theirs.read_record(&mut record).expect("csv reads text");
            assert_eq!(ours.next_record(), Some(more), "{text:?}");
            assert_eq!(ours.read as u64, theirs.position().byte(), "{text:?}");
            if !more {
                assert_eq!(ours.cells().count(), 0);
                return;
            }
            let at = record.position().expect("a position");
            assert_eq!(ours.start, (at.byte() as usize, at.line()), "{text:?}");
            assert_eq!(ours.cells().collect::<Vec<_>>(), record.iter().collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn rows_as_the_csv_crate_reads_them() {
        for text in [
            "",
            "\n\n",
            "id,name\n1,a\n",
            "\u{feff}id;name\r\n1;\"a;b\"\r\n\r\n2;c",
            "a\tb\n\"x\"\"y\",\"multi\nline\"\n",
            "a,\"unclosed\nb,c\n",
            "é,ü\n\"é\"x,\n",
        ] {
            agrees_with_csv(text);
        }
        // Texts of separators, quotes, line ends and multi-byte characters, long enough to make
        // the parser grow its buffers.
        let pieces = ["a", ",", ";", "\t", "\"", "\n", "\r", "\r\n", "é", "#", " ", "\u{feff}", "longer cell text"];
        let mut seed = 7u64;
        for len in [5, 40, 400, 4000] {
            for _ in 0..50 {
                let text: String = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                        pieces[(seed >> 33) as usize % pieces.len()]
                    })
                    .collect();
                agrees_with_csv(&text);
            }
        }
    }

    #[test]
    fn a_table_and_the_text_it_was_read_from_give_the_same_rows() {
        let text = "id,name,note\n1,a,x\n\n,,\n2,\"b\nc\",\n3\n";
        let table = read_csv(text).expect("a table");
        let (mut from_table, mut from_text) = (table.rows_of(), CsvRows::open(text).expect("rows"));
        assert_eq!(from_table.header(), from_text.header());
        assert_eq!(from_text.column(" NAME "), Some(1));
        let mut seen = 0;
        loop {
            match (from_table.next_row().expect("a row"), from_text.next_row().expect("a row")) {
                (Some(a), Some(b)) => assert_eq!((a.row, a.line, a.cells.to_vec()), (b.row, b.line, b.cells.to_vec())),
                (None, None) => break,
                (a, b) => panic!("one ended first: {:?} {:?}", a.map(|r| r.row), b.map(|r| r.row)),
            }
            seen += 1;
        }
        assert_eq!(seen, 3);
    }

    #[test]
    fn headers_and_rows() {
        let t = read_csv("# preamble\nid, name \n1,a\n\n,\n2,\"b\nc\"\n").expect("a table");
        assert_eq!(t.header, ["id", " name "]);
        let rows: Vec<_> = t.rows.iter().map(|r| (r.row, r.line, r.cells.join("|"))).collect();
        assert_eq!(rows, [(1, Some(2), "1|a".to_string()), (3, Some(5), "2|b\nc".to_string())]);
        assert_eq!(read_header("\u{feff}a;\"b;c\";d\n1;2;3"), ["a", "b;c", "d"]);
        let e = read_csv("id,name\n1,\"open\nmore\n").err().expect("an unclosed quote");
        assert!(e.to_string().contains("row 1 (line 2), column 'name': a quote opens"), "{e}");
    }
}
