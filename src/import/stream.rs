//! A file read while it downloads: its bytes are given piece by piece as they arrive, and the rows
//! of a DCID sheet or of the project's CSV are read as soon as each has arrived whole, so reading
//! a large file overlaps its download instead of following it. Every other format (a workbook,
//! JSON, EuRepoC, CFR, a mapping) is kept and read whole at the end, as [`super::parse_bytes`]
//! reads it. Either way the result, warnings and errors are those of reading the whole file at once.

use super::table::{CsvRows, Rows};
use super::{check_size, chronological, dcid, is_zip, native, parse_bytes, utf8, Dataset, Format};
use crate::error::Result;

/// How far into a file its header line must have ended for its rows to be read as they arrive.
const HEADER_WITHIN: usize = 1 << 20;

/// A file being read as it arrives: [`Stream::push`] each piece, then [`Stream::finish`].
pub struct Stream {
    /// The format asked for (`None`: recognised from the content).
    format: Option<Format>,
    /// The bytes so far.
    bytes: Vec<u8>,
    /// How many of them are known to be UTF-8 text (up to a character's start).
    checked: usize,
    /// The file's expected size (the server's word for it, when it gave one).
    expected: usize,
    state: State,
}

enum State {
    /// Too little has arrived to know how the file is read.
    Deciding,
    /// CSV whose rows are read as they arrive (the rows' state kept between pieces, without the
    /// text, which is given again, longer, with each piece).
    Rows(Box<(Option<CsvRows<'static>>, Reader)>),
    /// Read whole once all of it has arrived.
    Whole,
}

/// What reads the rows as they arrive.
enum Reader {
    Dcid(dcid::Reader),
    Csv(native::CsvReader),
}

impl Stream {
    /// A file in `format` (`None`: recognise it), of about `expected` bytes (0: unknown).
    pub fn new(format: Option<Format>, expected: usize) -> Stream {
        Stream { format, bytes: Vec::new(), checked: 0, expected, state: State::Deciding }
    }

    /// Takes the next `len` bytes of the file, written by `fill` into the slice given to it, and
    /// reads the rows they complete. An error is the one reading the whole file would give.
    pub fn push_with(&mut self, len: usize, fill: impl FnOnce(&mut [u8])) -> Result<()> {
        let at = self.bytes.len();
        check_size(at + len)?;
        if at == 0 {
            self.bytes.reserve(self.expected.clamp(len, super::MAX_INPUT_BYTES));
        }
        self.bytes.resize(at + len, 0);
        fill(&mut self.bytes[at..]);
        self.go(true)
    }

    /// Takes the next piece of the file (see [`Stream::push_with`]).
    pub fn push(&mut self, piece: &[u8]) -> Result<()> {
        self.push_with(piece.len(), |into| into.copy_from_slice(piece))
    }

    /// The file read, once all of it has been pushed, and the name of what it was read as.
    pub fn finish(mut self) -> Result<(Dataset, String)> {
        self.go(false)?;
        match self.state {
            State::Rows(rows) => {
                let (data, format) = match rows.1 {
                    Reader::Dcid(r) => (r.finish()?, Format::Dcid),
                    Reader::Csv(r) => (r.finish()?, Format::Csv),
                };
                Ok((chronological(data), format.name().to_string()))
            }
            _ => parse_bytes(&self.bytes, self.format, None),
        }
    }

    /// Reads what the bytes so far allow (`more`: whether more are to come).
    fn go(&mut self, more: bool) -> Result<()> {
        if matches!(self.state, State::Whole) {
            return Ok(());
        }
        if matches!(self.state, State::Deciding) && (self.bytes.len() >= 4 || !more) && is_zip(&self.bytes) {
            self.state = State::Whole; // a workbook: read whole
            return Ok(());
        }
        // The text is checked as UTF-8 as it comes; a character cut by the piece's end waits
        // for the next. The first byte that is not UTF-8 is named as reading the whole would.
        match std::str::from_utf8(&self.bytes[self.checked..]) {
            Ok(_) => self.checked = self.bytes.len(),
            Err(e) if e.error_len().is_none() && more => self.checked += e.valid_up_to(),
            Err(_) => return utf8(&self.bytes).map(drop),
        }
        let text = &self.bytes[..self.checked];
        if matches!(self.state, State::Deciding) {
            self.state = match self.decide(text, more)? {
                Some(state) => state,
                None => return Ok(()), // the header has not arrived whole yet
            };
        }
        if let State::Rows(state) = &mut self.state {
            let (rows, reader) = &mut **state;
            let Some(r) = rows.take() else { return Ok(()) };
            let skipped = r.skipped();
            let mut r = r.with_text(&text[skipped..], more);
            match reader {
                Reader::Dcid(d) => d.read(&mut r)?,
                Reader::Csv(c) => c.read(&mut r)?,
            }
            *rows = Some(r.with_text(&[], more));
        }
        Ok(())
    }

    /// How the file is read, once its first bytes tell (`None`: not yet).
    fn decide(&self, text: &[u8], more: bool) -> Result<Option<State>> {
        if !matches!(self.format, None | Some(Format::Dcid | Format::Csv)) {
            return Ok(Some(State::Whole));
        }
        // Blank so far: an empty file is named so by reading it whole. JSON is read whole.
        let body = text.strip_prefix("\u{feff}".as_bytes()).unwrap_or(text);
        match body.iter().find(|b| !b.is_ascii_whitespace()) {
            None if more => return Ok(None),
            None | Some(b'[' | b'{') => return Ok(Some(State::Whole)),
            Some(_) => {}
        }
        let Some(rows) = CsvRows::open_part(text, more) else {
            // A first line that goes on and on is no header of a format read as it arrives:
            // left to reading the file whole.
            return Ok((text.len() > HEADER_WITHIN).then_some(State::Whole));
        };
        let reader = match self.format.or_else(|| Format::of_header(rows.header())) {
            Some(Format::Dcid) => {
                let room = self.expected.max(text.len()).saturating_sub(rows.skipped());
                Reader::Dcid(dcid::Reader::open(&rows, room)?)
            }
            Some(Format::Csv) => Reader::Csv(native::CsvReader::open(&rows)?),
            _ => return Ok(Some(State::Whole)),
        };
        Ok(Some(State::Rows(Box::new((Some(rows.with_text(&[], more)), reader)))))
    }
}
