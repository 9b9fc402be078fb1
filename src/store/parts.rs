//! The hand-over format: a store as plain arrays (typed arrays in JavaScript), how the incidents
//! cross from the importer module in its Web Worker to the explorer module, and the checks that
//! treat arriving parts as untrusted input.

use super::{Facts, Store, FIELD, TEXTS};
use crate::error::{Error, Result};
use crate::model::{Certainty, Country, Effects, Method, Objective, PartialDate, Scope, TargetType};

/// Bytes per incident in [`Parts::facts`].
pub const FACT_BYTES: usize = 16;
const NONE: u8 = 255;

/// A store as plain arrays: how it crosses from the importer module to the explorer module.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parts {
    /// [`FACT_BYTES`] per incident: year (i16), month, day (0: unknown), initiator, main target
    /// (u16 country indices), target type, method, objective (0: none, else code + 1), severity
    /// (255: not coded), number of targets (u16), effects, then certainty and scope in the low
    /// and high four bits of the last byte (0: not coded, else code + 1); little-endian.
    pub facts: Vec<u8>,
    /// Pairs `row, country index` for every target after the first, by row.
    pub more: Vec<u32>,
    pub text: String,
    pub ends: Vec<u32>,
}

impl Parts {
    /// The parts in one buffer: each array's length (u32) then its contents, little-endian, in
    /// the order facts, more, text. How the bundled dataset ships in the browser's module
    /// (`src/explorer/bundled.parts`, written by `cargo run --bin schema`), so the module reads it
    /// without a parser. Laid out for the compressor: the facts column by column (each byte of
    /// every row, then the next byte), and the rows' texts separated by [`ROW`] instead of their
    /// ends, which are counted again on reading (about 0.6 KB gzip less than the parts as they are).
    pub fn to_bytes(&self) -> Vec<u8> {
        let rows = self.ends.len();
        let mut out = Vec::new();
        out.extend_from_slice(&(self.facts.len() as u32).to_le_bytes());
        out.extend((0..FACT_BYTES).flat_map(|c| (0..rows).map(move |r| self.facts[r * FACT_BYTES + c])));
        out.extend_from_slice(&(self.more.len() as u32).to_le_bytes());
        self.more.iter().for_each(|x| out.extend_from_slice(&x.to_le_bytes()));
        let mut text = String::with_capacity(self.text.len() + rows);
        let mut from = 0;
        for (k, &end) in self.ends.iter().enumerate() {
            if k > 0 {
                text.push(ROW);
            }
            text.push_str(&self.text[from..end as usize]);
            from = end as usize;
        }
        out.extend_from_slice(&(text.len() as u32).to_le_bytes());
        out.extend_from_slice(text.as_bytes());
        out
    }

    /// Parts from [`Parts::to_bytes`]; a truncated or damaged buffer is an error (the values are
    /// checked when the parts are decoded).
    pub fn from_bytes(bytes: &[u8]) -> Result<Parts> {
        let damaged = || Error::File("the packed dataset is damaged".into());
        let mut at = 0;
        let mut array = |width: usize| {
            let n = bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize * width);
            let part = n.and_then(|n| bytes.get(at + 4..at + 4 + n)).ok_or_else(damaged)?;
            at += 4 + part.len();
            Ok::<_, Error>(part)
        };
        let columns = array(1)?;
        let rows = columns.len() / FACT_BYTES;
        let facts = (0..columns.len()).map(|i| columns[(i % FACT_BYTES) * rows + i / FACT_BYTES]).collect();
        let more = array(4)?.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
        let packed = std::str::from_utf8(array(1)?).map_err(|_| damaged())?;
        let (mut text, mut ends) = (String::with_capacity(packed.len()), Vec::with_capacity(rows));
        for row in packed.split(ROW).take_while(|_| rows > 0) {
            text.push_str(row);
            ends.push(text.len() as u32);
        }
        match columns.len() == rows * FACT_BYTES && ends.len() == rows {
            true => Ok(Parts { facts, more, text, ends }),
            false => Err(damaged()),
        }
    }
}

/// Separates the rows' texts in [`Parts::to_bytes`]: a control character the bundled data does not
/// hold (a row holding one would make the file unreadable, not misread: `tests/schema.rs` reads it
/// back).
const ROW: char = '\u{1d}';

fn code<T: Copy + PartialEq>(all: &[T], v: Option<T>) -> u8 {
    v.and_then(|v| all.iter().position(|x| *x == v)).map_or(0, |k| k as u8 + 1)
}

fn decode<T: Copy>(all: &[T], byte: u8, what: &str, row: usize) -> Result<Option<T>> {
    match byte {
        0 => Ok(None),
        b => all.get(usize::from(b) - 1).copied().map(Some).ok_or_else(|| bad(row, format!("{what} code {b}"))),
    }
}

fn bad(row: usize, what: String) -> Error {
    Error::Argument(format!("imported data is damaged: incident {row} has {what}"))
}

impl Store {
    /// The store as plain arrays (see [`Parts`]).
    pub fn to_parts(&self) -> Parts {
        let (facts, more) = self.coded();
        Parts { facts, more, text: self.text.clone(), ends: self.ends.clone() }
    }

    /// As [`Store::to_parts`], the text and its ends moved rather than copied (a DCID file's
    /// 100,000 rows have 25 MB of text: the importer hands it over as it is).
    pub fn into_parts(self) -> Parts {
        let (facts, more) = self.coded();
        Parts { facts, more, text: self.text, ends: self.ends }
    }

    /// The rows' facts as bytes and their extra targets as pairs of numbers.
    fn coded(&self) -> (Vec<u8>, Vec<u32>) {
        let mut facts = Vec::with_capacity(self.len() * FACT_BYTES);
        for f in &self.facts {
            // Year 0: undated.
            let (year, month, day) = f.start.map_or((0, None, None), |d| (d.year, d.month, d.day));
            facts.extend_from_slice(&(year as i16).to_le_bytes());
            facts.extend([month.unwrap_or(0), day.unwrap_or(0)]);
            facts.extend_from_slice(&(f.initiator.index() as u16).to_le_bytes());
            facts.extend_from_slice(&(f.target.index() as u16).to_le_bytes());
            facts.extend([
                code(TargetType::ALL, f.target_type),
                code(Method::ALL, f.method),
                code(Objective::ALL, f.objective),
            ]);
            facts.push(f.severity.unwrap_or(NONE));
            facts.extend_from_slice(&f.targets.to_le_bytes());
            // Certainty in the low half of the last byte, scope in the high half.
            facts.extend([
                code(Effects::ALL, f.effects),
                code(Certainty::ALL, f.certainty) | code(Scope::ALL, f.scope) << 4,
            ]);
        }
        (facts, self.more.iter().flat_map(|(r, t)| [*r, t.index() as u32]).collect())
    }

    /// A store from [`Parts`], every value checked: the parts come through JavaScript, so they are
    /// treated as untrusted input and a damaged one is an error, never a panic later. (The page
    /// does the same in steps with [`Decoder`].)
    pub fn from_parts(parts: Parts) -> Result<Store> {
        let mut d = Decoder::new(parts)?;
        while !d.step(usize::MAX)? {}
        d.finish()
    }
}

/// [`Store::from_parts`] in steps of a given number of rows, so that the page's main thread is
/// never held for long by a million rows.
pub struct Decoder {
    parts: Parts,
    facts: Vec<Facts>,
    /// Where the text of the next row starts.
    text_at: usize,
}

impl Decoder {
    /// Checks the parts' sizes; the rows are checked by [`Decoder::step`].
    pub fn new(parts: Parts) -> Result<Decoder> {
        let rows = parts.ends.len();
        if parts.facts.len() != rows * FACT_BYTES {
            return Err(Error::Argument(format!(
                "imported data is damaged: {} bytes of facts for {rows} incidents",
                parts.facts.len()
            )));
        }
        Ok(Decoder { facts: Vec::with_capacity(rows), parts, text_at: 0 })
    }

    /// The rows checked so far.
    pub fn facts(&self) -> &[Facts] {
        &self.facts
    }

    /// How many rows are checked, of how many.
    pub fn progress(&self) -> (usize, usize) {
        (self.facts.len(), self.parts.ends.len())
    }

    /// Checks up to `limit` more rows; true once every row is.
    pub fn step(&mut self, limit: usize) -> Result<bool> {
        let Parts { facts: bytes, text, ends, .. } = &self.parts;
        let from = self.facts.len();
        let to = ends.len().min(from.saturating_add(limit));
        for k in from..to {
            let b = &bytes[k * FACT_BYTES..(k + 1) * FACT_BYTES];
            let u16_at = |i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
            let country = |i: usize| {
                Country::from_index(usize::from(u16_at(i)))
                    .ok_or_else(|| bad(k, format!("country index {}", u16_at(i))))
            };
            let year = i16::from_le_bytes([b[0], b[1]]);
            let start = match (year, b[2], b[3]) {
                (0, 0, 0) => None,
                _ => Some(
                    PartialDate::from_numbers(i32::from(year), b[2], b[3])
                        .map_err(|e| bad(k, format!("start date {e}")))?,
                ),
            };
            let targets = u16_at(12);
            if targets == 0 {
                return Err(bad(k, "no target".into()));
            }
            let end = ends[k] as usize;
            if end < self.text_at || end > text.len() || !text.is_char_boundary(end) {
                return Err(bad(k, format!("text ending at byte {end} of {}", text.len())));
            }
            // A byte count: FIELD is one byte in UTF-8 (a char pattern's search per row cost a
            // million rows 100 ms).
            let fields = crate::strs::count_byte(&text.as_bytes()[self.text_at..end], FIELD as u8) + 1;
            if fields != TEXTS {
                return Err(bad(k, format!("{fields} text fields, not {TEXTS}")));
            }
            self.text_at = end;
            self.facts.push(Facts {
                start,
                initiator: country(4)?,
                target: country(6)?,
                target_type: decode(TargetType::ALL, b[8], "target type", k)?,
                method: decode(Method::ALL, b[9], "method", k)?,
                objective: decode(Objective::ALL, b[10], "objective", k)?,
                severity: (b[11] != NONE).then_some(b[11]),
                effects: decode(Effects::ALL, b[14], "effects", k)?,
                certainty: decode(Certainty::ALL, b[15] & 15, "certainty", k)?,
                scope: decode(Scope::ALL, b[15] >> 4, "scope", k)?,
                targets,
            });
        }
        Ok(to == ends.len())
    }

    /// The store, once every row is checked: the extra targets are checked here (one pass over
    /// them; a few per incident at most).
    pub fn finish(self) -> Result<Store> {
        let Decoder { parts: Parts { more, text, ends, .. }, facts, text_at } = self;
        let rows = ends.len();
        if facts.len() != rows {
            return Err(Error::Argument("imported data is not checked yet".into()));
        }
        if text_at != text.len() {
            return Err(Error::Argument("imported data is damaged: text after the last incident".into()));
        }
        if more.len() % 2 != 0 {
            return Err(Error::Argument("imported data is damaged: the extra targets are not in pairs".into()));
        }
        let mut extra = Vec::with_capacity(more.len() / 2);
        for pair in more.chunks_exact(2) {
            let (row, c) = (pair[0], pair[1]);
            let k = row as usize;
            if k >= rows || extra.last().is_some_and(|(r, _)| *r > row) {
                return Err(Error::Argument(format!(
                    "imported data is damaged: an extra target for incident {k} is out of order"
                )));
            }
            extra.push((row, Country::from_index(c as usize).ok_or_else(|| bad(k, format!("country index {c}")))?));
        }
        let mut counted = vec![1u32; rows];
        for (r, _) in &extra {
            counted[*r as usize] += 1;
        }
        if let Some(k) = (0..rows).find(|&k| counted[k] != u32::from(facts[k].targets)) {
            return Err(bad(k, format!("{} targets listed but {} given", facts[k].targets, counted[k])));
        }
        Ok(Store { facts, more: extra, text, ends, responses: Vec::new(), search: Default::default() })
    }
}
