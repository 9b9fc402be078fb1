//! The table's order of a selection, worked out in steps so that a million rows never hold the
//! page's main thread for long: a merge sort whose passes write [`BLOCK`] rows per step (the
//! page repeats steps for a few milliseconds at a time). Rows are chronological in the store, so
//! a row's index breaks ties by date, and the date order is the selection itself.

use super::Explorer;
use crate::error::{Error, Result};
use crate::model::Country;
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
    /// The rows, merged in passes of doubling width: once the keys are made, the rows' positions
    /// in `selection`, turned back into rows when the order is complete.
    rows: Vec<u32>,
    /// The rows as given, while their positions are being put in order.
    selection: Vec<u32>,
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
    /// Each row's sort key, by its position in `selection` (see [`Sorter::key_of`]), made by the
    /// first steps: comparing two integers instead of two rows' text settles nearly every
    /// comparison, where the text (or the row's facts, out of cache) took a few hundred
    /// nanoseconds each: a million names were put in order in 1.7 s natively, now in 0.2 s.
    keys: Vec<u64>,
    /// How far the keys are made: the common prefix scanned over the first `scanned` rows, then
    /// the keys of the first `keyed`.
    scanned: usize,
    keyed: usize,
    /// The bytes every name in the selection starts with (names only), skipped by the keys.
    prefix: usize,
    /// Whether every key made is exact: equal keys then settle a comparison without the text.
    exact: bool,
    /// The states' ranks by name (see [`ranks_by_name`]), for the keys of states.
    ranks: Vec<u16>,
}

/// Each state's rank (by [`Country::index`]) in the order of the names, ASCII case folded: how
/// many names come before its own, so equal names share one. Counted rather than sorted: a sort
/// of the few hundred names would bring its own generic code into the module, kilobytes of it.
fn ranks_by_name() -> Vec<u16> {
    let name = |k: usize| Country::from_index(k).map_or("", Country::name);
    let n = Country::count();
    (0..n).map(|k| (0..n).filter(|&j| text_cmp(name(j), name(k)) == Ordering::Less).count() as u16).collect()
}

impl Sorter {
    /// Puts `rows` of `ex` (a selection from it) in order. Rows of equal values keep the order
    /// they are given in (the merges are stable): a selection's, by date.
    pub fn new(ex: &Explorer, rows: Vec<u32>, key: SortKey, descending: bool) -> Sorter {
        let of = ex.len();
        let rows: Vec<u32> = rows.into_iter().filter(|&k| (k as usize) < of).collect();
        // Only names have a prefix to find: for the other keys it is found, and empty.
        let (name, n) = (key == SortKey::Name, rows.len());
        Sorter {
            key,
            descending,
            out: Vec::new(),
            rows,
            selection: Vec::new(),
            width: 1,
            k: 0,
            i: 0,
            j: 0,
            of,
            keys: Vec::new(),
            scanned: if name { 0 } else { n },
            keyed: 0,
            prefix: if name { usize::MAX } else { 0 },
            exact: false,
            ranks: Vec::new(),
        }
    }

    /// Row `k`'s key (see [`Sorter::keys`]), and whether it is exact: equal keys then mean equal
    /// values. A name's key is eight bytes of it after the common prefix, ASCII case folded, as a
    /// big-endian integer (short names padded with zeros): two keys in order put their names in
    /// the same order, and equal keys leave it to the names. A level's is itself plus one (0 not
    /// coded). A state's is its rank by name; a target list's, the ranks of its first four
    /// targets (1 and up, 0 where the list has ended), exact for four targets or fewer.
    fn key_of(&self, ex: &Explorer, k: usize) -> (u64, bool) {
        let (store, ranks) = (&ex.data.incidents, &self.ranks);
        match self.key {
            SortKey::Name => {
                let mut key = [0u8; 8];
                for (to, c) in key.iter_mut().zip(store.name(k).bytes().skip(self.prefix)) {
                    *to = c.to_ascii_lowercase();
                }
                (u64::from_be_bytes(key), false)
            }
            SortKey::Initiator => (u64::from(ranks[store.facts()[k].initiator.index()]), true),
            SortKey::Target => {
                let mut key = 0u64;
                for (n, c) in store.targets(k).take(4).enumerate() {
                    key |= (u64::from(ranks[c.index()]) + 1) << (48 - 16 * n);
                }
                (key, store.facts()[k].targets <= 4)
            }
            SortKey::Severity => (store.facts()[k].severity.map_or(0, |s| u64::from(s) + 1), true),
            // The date order is the selection's own: no keys are made for it.
            SortKey::Date => (0, true),
        }
    }

    /// One step of making the keys: true once they are all made.
    fn make_keys(&mut self, ex: &Explorer) -> bool {
        let n = self.rows.len();
        if self.keyed == n {
            return true;
        }
        let store = &ex.data.incidents;
        let mut budget = 4 * BLOCK;
        // The prefix every name shares (synthetic and some real names all start alike).
        if self.scanned < n {
            let first = store.name(self.rows[0] as usize).as_bytes();
            let mut prefix = self.prefix.min(first.len());
            while budget > 0 && self.scanned < n {
                let other = store.name(self.rows[self.scanned] as usize).as_bytes();
                prefix = first[..prefix].iter().zip(other).take_while(|(a, b)| a.eq_ignore_ascii_case(b)).count();
                self.scanned += 1;
                budget -= 1;
            }
            self.prefix = prefix;
            return false;
        }
        if self.selection.is_empty() {
            self.selection = std::mem::replace(&mut self.rows, (0..n as u32).collect());
            self.keys = vec![0; n];
            self.exact = true;
            if matches!(self.key, SortKey::Initiator | SortKey::Target) {
                self.ranks = ranks_by_name();
            }
            return false;
        }
        while budget > 0 && self.keyed < n {
            let (key, exact) = self.key_of(ex, self.selection[self.keyed] as usize);
            self.keys[self.keyed] = key;
            self.exact &= exact;
            self.keyed += 1;
            budget -= 1;
        }
        self.keyed == n
    }

    /// The order of the rows at positions `p` and `q` of the selection.
    fn cmp(&self, ex: &Explorer, p: u32, q: u32) -> Ordering {
        let by = self.keys[p as usize].cmp(&self.keys[q as usize]);
        let by = if by != Ordering::Equal || self.exact { by } else { self.value_cmp(ex, p, q) };
        if self.descending {
            by.reverse()
        } else {
            by
        }
    }

    /// The order of the rows at positions `p` and `q` by their values, where their keys tie and
    /// are not exact: names, and target lists of more than four.
    fn value_cmp(&self, ex: &Explorer, p: u32, q: u32) -> Ordering {
        let store = &ex.data.incidents;
        let (i, j) = (self.selection[p as usize] as usize, self.selection[q as usize] as usize);
        match self.key {
            // Levels and states have exact keys, and the date order needs no comparison.
            SortKey::Date | SortKey::Severity | SortKey::Initiator => Ordering::Equal,
            SortKey::Name => text_cmp(store.name(i), store.name(j)),
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
        }
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
        if !self.make_keys(ex) {
            return false;
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
                    self.keys = Vec::new();
                    for p in &mut self.rows {
                        *p = self.selection[*p as usize];
                    }
                    self.selection = Vec::new();
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
