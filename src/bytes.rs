//! The values of the compact binary files the browser's module carries instead of text it would
//! need a parser for: the bundled responses and context events (`src/events/bundled.parts`) and
//! the legal readings (`src/reading/bundled.parts`), written by `cargo run --bin schema`.
//! Little-endian: numbers are a byte or a u16, a text its length (u16) then UTF-8, a date its
//! year (i16, 0: none), month and day (a byte each, 0: unknown).

use crate::error::{Error, Result};
use crate::model::PartialDate;

/// Writes the values (natively, for `cargo run --bin schema`).
#[derive(Default)]
pub struct Writer(pub Vec<u8>);

impl Writer {
    pub fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    pub fn u16(&mut self, n: usize) {
        self.0.extend_from_slice(&(n as u16).to_le_bytes());
    }

    pub fn text(&mut self, s: &str) {
        self.u16(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    pub fn date(&mut self, d: Option<PartialDate>) {
        let (y, m, d) = d.map_or((0, None, None), |d| (d.year, d.month, d.day));
        self.0.extend_from_slice(&(y as i16).to_le_bytes());
        self.0.extend([m.unwrap_or(0), d.unwrap_or(0)]);
    }

    /// `x`'s index in `all`, as a byte.
    pub fn pick<T: PartialEq>(&mut self, all: &[T], x: &T) {
        self.byte(all.iter().position(|k| k == x).unwrap_or(0) as u8);
    }
}

/// Reads the values back, every one checked: a stale or damaged file is an error naming it,
/// never a panic.
pub struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
    /// The file, for errors.
    what: &'static str,
}

impl<'b> Reader<'b> {
    pub fn new(bytes: &'b [u8], what: &'static str) -> Reader<'b> {
        Reader { bytes, at: 0, what }
    }

    /// The error for a value that cannot be: the file is damaged or older than the code.
    pub fn damaged(&self) -> Error {
        Error::File(format!("{} is damaged or stale", self.what))
    }

    fn take(&mut self, n: usize) -> Result<&'b [u8]> {
        let part = self.bytes.get(self.at..self.at + n).ok_or_else(|| self.damaged())?;
        self.at += n;
        Ok(part)
    }

    pub fn byte(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    pub fn u16(&mut self) -> Result<u16> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    pub fn text(&mut self) -> Result<String> {
        let n = self.u16()?;
        let b = self.take(n.into())?;
        String::from_utf8(b.to_vec()).map_err(|_| self.damaged())
    }

    pub fn date(&mut self) -> Result<Option<PartialDate>> {
        let (year, month, day) = (self.u16()? as i16, self.byte()?, self.byte()?);
        match year {
            0 => Ok(None),
            y => PartialDate::from_numbers(y.into(), month, day).map(Some).map_err(|_| self.damaged()),
        }
    }

    /// The value of `all` at the index the next byte gives.
    pub fn pick<T: Copy>(&mut self, all: &[T]) -> Result<T> {
        let k = self.byte()?;
        all.get(usize::from(k)).copied().ok_or_else(|| self.damaged())
    }

    /// Ok when every byte was read.
    pub fn end(&self) -> Result<()> {
        match self.at == self.bytes.len() {
            true => Ok(()),
            false => Err(self.damaged()),
        }
    }
}
