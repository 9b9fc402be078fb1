//! The table's order of a selection, worked out in steps so that a million rows never hold the
//! page's main thread for long: a merge sort whose passes write [`BLOCK`] rows per step (the
//! page repeats steps for a few milliseconds at a time). Rows are chronological in the store, so
//! a row's index breaks ties by date, and the date order is the selection itself.

use super::Explorer;
use crate::error::{Error, Result};
use std::cmp::Ordering;

/// Rows merged per step: a millisecond or two of work.
pub const BLOCK: usize = 4_096;

/// What the table sorts by.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SortKey {
    Date,
    Name,
    Initiator,
    Target,
    Severity,
}

impl SortKey {
    pub const NAMES: [(&'static str, SortKey); 5] = [
        ("date", SortKey::Date),
        ("name", SortKey::Name),
        ("initiator", SortKey::Initiator),
        ("target", SortKey::Target),
        ("severity", SortKey::Severity),
    ];

    pub fn parse(name: &str) -> Result<SortKey> {
        SortKey::NAMES.iter().find(|(n, _)| *n == name).map(|(_, k)| *k).ok_or_else(|| {
            let known: Vec<&str> = SortKey::NAMES.iter().map(|(n, _)| *n).collect();
            Error::Argument(format!("unknown sort key '{name}' (expected one of {})", known.join(", ")))
        })
    }
}

/// Case-insensitive comparison of text (ASCII case folded; other characters by code point).
fn text_cmp(a: &str, b: &str) -> Ordering {
    a.bytes().map(|c| c.to_ascii_lowercase()).cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// A selection being put in order; [`Sorter::step`] until it says it is done.
pub struct Sorter {
    key: SortKey,
    descending: bool,
    /// The rows, merged in passes of doubling width.
    rows: Vec<u32>,
    /// The pass being written.
    out: Vec<u32>,
    /// The width of the runs being merged (0 once done).
    width: usize,
    /// The merge under way: output position and the two runs' cursors.
    k: usize,
    i: usize,
    j: usize,
    /// How many incidents the dataset it came from holds: a step on another one is refused.
    of: usize,
}

impl Sorter {
    /// Puts `rows` of `ex` (a selection from it) in order.
    pub fn new(ex: &Explorer, rows: Vec<u32>, key: SortKey, descending: bool) -> Sorter {
        let of = ex.len();
        let rows: Vec<u32> = rows.into_iter().filter(|&k| (k as usize) < of).collect();
        Sorter { key, descending, out: Vec::new(), rows, width: 1, k: 0, i: 0, j: 0, of }
    }

    fn cmp(&self, ex: &Explorer, a: u32, b: u32) -> Ordering {
        let store = &ex.data.incidents;
        let (i, j) = (a as usize, b as usize);
        let by = match self.key {
            SortKey::Date => Ordering::Equal,
            SortKey::Severity => {
                let s = |k: usize| store.facts()[k].severity.map_or(-1, i16::from);
                s(i).cmp(&s(j))
            }
            SortKey::Name => text_cmp(store.name(i), store.name(j)),
            SortKey::Initiator => text_cmp(store.facts()[i].initiator.name(), store.facts()[j].initiator.name()),
            SortKey::Target => {
                let (mut x, mut y) = (store.targets(i), store.targets(j));
                loop {
                    match (x.next(), y.next()) {
                        (None, None) => break Ordering::Equal,
                        (None, Some(_)) => break Ordering::Less,
                        (Some(_), None) => break Ordering::Greater,
                        (Some(p), Some(q)) => match text_cmp(p.name(), q.name()) {
                            Ordering::Equal => {}
                            o => break o,
                        },
                    }
                }
            }
        };
        (if self.descending { by.reverse() } else { by }).then(a.cmp(&b))
    }

    /// Does one step of the work on `ex`, the explorer the rows came from; true once the order is
    /// complete. The date order (the selection as it is) is done in the first step.
    pub fn step(&mut self, ex: &Explorer) -> Result<bool> {
        if ex.len() != self.of {
            return Err(Error::Argument("this sort belongs to another dataset".into()));
        }
        Ok(self.advance(ex))
    }

    fn advance(&mut self, ex: &Explorer) -> bool {
        let n = self.rows.len();
        if self.key == SortKey::Date {
            if self.descending && self.width > 0 {
                self.rows.reverse();
            }
            self.width = 0;
            return true;
        }
        if self.width == 0 || n < 2 {
            self.width = 0;
            return true;
        }
        // Passes merging pairs of sorted runs of doubling width, BLOCK rows written per step.
        if self.out.len() != n {
            self.out = vec![0; n];
        }
        let mut budget = BLOCK;
        while budget > 0 {
            let (lo, w) = (self.k - self.k % (2 * self.width), self.width);
            let (mid, hi) = ((lo + w).min(n), (lo + 2 * w).min(n));
            if self.k == lo {
                (self.i, self.j) = (lo, mid);
            }
            while budget > 0 && self.k < hi {
                let take_left = self.j >= hi
                    || (self.i < mid && self.cmp(ex, self.rows[self.i], self.rows[self.j]) != Ordering::Greater);
                self.out[self.k] = if take_left { self.rows[self.i] } else { self.rows[self.j] };
                if take_left {
                    self.i += 1;
                } else {
                    self.j += 1;
                }
                self.k += 1;
                budget -= 1;
            }
            if self.k == n {
                std::mem::swap(&mut self.rows, &mut self.out);
                self.k = 0;
                self.width *= 2;
                if self.width >= n {
                    self.width = 0;
                    self.out = Vec::new();
                    return true;
                }
            }
        }
        false
    }

    /// The rows in order (complete once [`Sorter::step`] returned true).
    pub fn order(&self) -> &[u32] {
        &self.rows
    }
}

impl Explorer {
    /// Sorts the selection completely at once (natively, and for tests).
    pub fn order(&self, rows: Vec<u32>, key: SortKey, descending: bool) -> Vec<u32> {
        let mut s = Sorter::new(self, rows, key, descending);
        while !s.advance(self) {}
        s.rows
    }
}
