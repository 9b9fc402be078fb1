//! Taking in what the importer worker hands over (see `Explorer.receive`), in steps: its typed
//! arrays are copied into the module a piece at a time (the text checked as UTF-8 as it comes),
//! then the rows are checked a batch at a time. At once, the copy alone of a million incidents
//! (65 MB) held the page's main thread for 60 to 80 ms.

use super::explorer::{for_a_while, Explorer};
use crate::import::Warning;
use crate::model::Scale;
use crate::store::Parts;
use js_sys::{Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;

/// Elements copied per piece: a fraction of a millisecond.
const PIECE: u32 = 1 << 20;

/// A typed array the module copies from.
trait Source<T> {
    fn length(&self) -> u32;
    /// Copies elements `from..to` into `into` (as long).
    fn piece(&self, from: u32, to: u32, into: &mut [T]);
}

impl Source<u8> for Uint8Array {
    fn length(&self) -> u32 {
        self.length()
    }
    fn piece(&self, from: u32, to: u32, into: &mut [u8]) {
        self.subarray(from, to).copy_to(into);
    }
}

impl Source<u32> for Uint32Array {
    fn length(&self) -> u32 {
        self.length()
    }
    fn piece(&self, from: u32, to: u32, into: &mut [u32]) {
        self.subarray(from, to).copy_to(into);
    }
}

/// A typed array being copied into a `Vec`, a piece at a time.
struct Column<A, T> {
    from: A,
    into: Vec<T>,
}

impl<A: Source<T>, T: Copy + Default> Column<A, T> {
    fn new(from: A) -> Self {
        Column { into: Vec::new(), from }
    }

    /// Makes room for the whole column.
    fn reserve(&mut self) {
        self.into.reserve_exact(self.from.length() as usize);
    }

    /// Copies the next piece; true once all is copied.
    fn step(&mut self) -> bool {
        let at = self.into.len();
        let to = self.from.length().min(at as u32 + PIECE);
        self.into.resize(to as usize, T::default());
        self.from.piece(at as u32, to, &mut self.into[at..]);
        to == self.from.length()
    }
}

/// The UTF-8 text being copied in: each piece is checked and appended; the bytes of a character
/// cut by a piece's end wait for the next piece.
struct Text {
    from: Uint8Array,
    at: u32,
    piece: Vec<u8>,
    text: String,
}

impl Text {
    fn new(from: Uint8Array) -> Text {
        Text { text: String::new(), from, at: 0, piece: Vec::new() }
    }

    /// Makes room for the whole text.
    fn reserve(&mut self) {
        self.text.reserve_exact(self.from.length() as usize);
    }

    fn step(&mut self) -> Result<bool, JsError> {
        let not_utf8 = || JsError::new("fromImport: text is not UTF-8 (pass the object importFile returned)");
        let to = self.from.length().min(self.at + PIECE);
        let carried = self.piece.len();
        self.piece.resize(carried + (to - self.at) as usize, 0);
        self.from.piece(self.at, to, &mut self.piece[carried..]);
        self.at = to;
        let done = to == self.from.length();
        let mut valid = 0;
        for chunk in self.piece.utf8_chunks() {
            self.text.push_str(chunk.valid());
            valid += chunk.valid().len();
            // Only the bytes of a character cut by the piece's end may be left over: the next
            // piece completes them.
            if !chunk.invalid().is_empty() && (done || valid + chunk.invalid().len() < self.piece.len()) {
                return Err(not_utf8());
            }
        }
        self.piece.drain(..valid);
        Ok(done)
    }
}

/// What comes with the columns, read at once (small).
pub(super) struct Meta {
    pub scale: Scale,
    pub warnings: Vec<Warning>,
    pub format: String,
    pub responses: Option<String>,
}

/// The columns being copied in.
pub(super) struct Copying {
    facts: Column<Uint8Array, u8>,
    more: Column<Uint32Array, u32>,
    ends: Column<Uint32Array, u32>,
    text: Text,
    /// Whether the room for every column is made.
    reserved: bool,
}

impl Copying {
    pub fn new(facts: Uint8Array, more: Uint32Array, ends: Uint32Array, text: Uint8Array) -> Copying {
        Copying {
            facts: Column::new(facts),
            more: Column::new(more),
            ends: Column::new(ends),
            text: Text::new(text),
            reserved: false,
        }
    }

    /// Makes room for every column first, as a piece of its own (for a million incidents the
    /// module's memory grows by some 65 MB, 5 to 30 ms), then copies the next piece of the first
    /// column not yet complete; true once all are.
    fn step(&mut self) -> Result<bool, JsError> {
        if !self.reserved {
            self.facts.reserve();
            self.more.reserve();
            self.ends.reserve();
            self.text.reserve();
            self.reserved = true;
            return Ok(false);
        }
        Ok(self.facts.step() && self.more.step() && self.ends.step() && self.text.step()?)
    }

    fn parts(self) -> Parts {
        Parts { facts: self.facts.into, more: self.more.into, ends: self.ends.into, text: self.text.text }
    }
}

enum State {
    Copying(Box<Copying>, Box<Meta>),
    Checking(Box<crate::explorer::Receiving>),
    Taken,
}

/// Imported data being copied, checked and taken in (see `Explorer.receive`).
#[wasm_bindgen]
pub struct Receiving {
    state: State,
}

impl Receiving {
    pub(super) fn new(copying: Copying, meta: Meta) -> Receiving {
        Receiving { state: State::Copying(Box::new(copying), Box::new(meta)) }
    }

    /// One piece of copying or one batch of checking; true once every row is checked.
    fn advance(&mut self) -> Result<bool, JsError> {
        match &mut self.state {
            State::Copying(copying, _) => {
                if copying.step()? {
                    let State::Copying(copying, meta) = std::mem::replace(&mut self.state, State::Taken) else {
                        return Err(JsError::new("this import was already taken in"));
                    };
                    let Meta { scale, warnings, format, responses } = *meta;
                    let checking =
                        crate::explorer::Receiving::new(copying.parts(), scale, warnings, format, responses)?;
                    self.state = State::Checking(Box::new(checking));
                }
                Ok(false)
            }
            State::Checking(r) => Ok(r.step(2_048)?),
            State::Taken => Err(JsError::new("this import was already taken in")),
        }
    }
}

#[wasm_bindgen]
impl Receiving {
    /// Copies in or checks the next part for a few milliseconds; true once all is checked.
    pub fn step(&mut self) -> Result<bool, JsError> {
        for_a_while(|| self.advance())
    }

    /// The explorer on the data, once `step` returned true.
    pub fn finish(&mut self) -> Result<Explorer, JsError> {
        match std::mem::replace(&mut self.state, State::Taken) {
            State::Checking(r) => Ok(Explorer::from_core(r.finish()?)),
            State::Copying(..) => {
                Err(JsError::new("this import is not taken in yet: call step() until it returns true"))
            }
            State::Taken => Err(JsError::new("this import was already taken in")),
        }
    }
}
