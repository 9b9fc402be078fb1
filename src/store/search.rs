//! What the search box looks in: every row's id and name, ASCII-lowercased, one after the other
//! in a buffer of their own, built on the first search and kept with the store. A search is then
//! one scan for the needle's first byte through a few bytes a row, where before it walked each
//! row's text field by field, twice a change (the selection, then the faceted counts): a million
//! rows 53-77 ms natively and about 100-140 ms on the page.

use super::{Store, FIELD};
use std::cell::{OnceCell, RefCell};

/// The ids and names, built once: for each row, its id, [`FIELD`], its name, [`FIELD`]. A needle
/// never holds [`FIELD`], so no match runs from one field or row into the next.
///
/// It also keeps the last search's rows: a change is counted by two passes (the selection and the
/// filter lists' counts), and a reader who searched goes on changing the other filters.
#[derive(Default)]
pub(super) struct Index(OnceCell<Lowered>, RefCell<(Vec<u8>, Vec<u64>)>);

struct Lowered {
    bytes: Vec<u8>,
    /// Where each row starts in `bytes`, and one more: where the last ends.
    starts: Vec<u32>,
}

// A store's index is derived from its rows: a copy rebuilds its own, and stores are equal by
// their rows whether or not either has searched yet.
impl Clone for Index {
    fn clone(&self) -> Index {
        Index::default()
    }
}

impl PartialEq for Index {
    fn eq(&self, _: &Index) -> bool {
        true
    }
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Index")
    }
}

impl Index {
    /// Forgets what was built (the rows changed).
    pub(super) fn clear(&mut self) {
        *self = Index::default();
    }
}

/// Where `first` followed by `rest` is in `bytes`, from `from` on.
fn find(bytes: &[u8], from: usize, first: u8, rest: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(rest.len())?;
    let mut at = from;
    while at < last {
        at += bytes.get(at..last)?.iter().position(|&b| b == first)?;
        if bytes.get(at + 1..at + 1 + rest.len()) == Some(rest) {
            return Some(at);
        }
        at += 1;
    }
    None
}

impl Store {
    /// Row `k`'s id and name, the separator between them: its text up to its name's end.
    fn head(&self, k: usize) -> &[u8] {
        let row = self.row_text(k).as_bytes();
        let id = row.iter().position(|&b| b == FIELD as u8).unwrap_or(row.len());
        let name = row.get(id + 1..).and_then(|r| r.iter().position(|&b| b == FIELD as u8));
        row.get(..name.map_or(row.len(), |n| id + 1 + n)).unwrap_or(row)
    }

    /// The rows' ids and names (see [`Index`]), sized exactly: at a million rows they are what a
    /// search costs in memory (about 30 bytes a row).
    fn lowered(&self) -> &Lowered {
        self.search.0.get_or_init(|| {
            let size = (0..self.len()).map(|k| self.head(k).len() + 1).sum();
            let mut bytes = Vec::with_capacity(size);
            let mut starts = Vec::with_capacity(self.len() + 1);
            for k in 0..self.len() {
                starts.push(bytes.len() as u32);
                bytes.extend(self.head(k).iter().map(u8::to_ascii_lowercase));
                bytes.push(FIELD as u8);
            }
            starts.push(bytes.len() as u32);
            Lowered { bytes, starts }
        })
    }

    /// Lets go of the last search's rows (the index stays): the next search scans afresh.
    pub fn forget_search(&self) {
        *self.search.1.borrow_mut() = Default::default();
    }

    /// The rows whose id or name holds `needle` (ASCII-lowercased), ignoring ASCII case, as bits
    /// (row `k` is bit `k % 64` of word `k / 64`). An empty needle is in every row; one holding
    /// the field separator is in none.
    pub fn search(&self, needle: &[u8]) -> Vec<u64> {
        let mut last = self.search.1.borrow_mut();
        if last.0 != needle || last.1.is_empty() {
            *last = (needle.to_vec(), self.scan(needle));
        }
        last.1.clone()
    }

    fn scan(&self, needle: &[u8]) -> Vec<u64> {
        let mut hits = vec![0u64; self.len().div_ceil(64)];
        let Some((&first, rest)) = needle.split_first() else {
            hits.iter_mut().for_each(|w| *w = !0);
            return hits;
        };
        if needle.contains(&(FIELD as u8)) {
            return hits;
        }
        // The needle is tried where its first byte is; on a match, the row is found (rows come
        // in order) and the search goes on from the next one.
        let Lowered { bytes, starts } = self.lowered();
        let (mut row, mut at) = (0, 0);
        while let Some(found) = find(bytes, at, first, rest) {
            while starts.get(row + 1).is_some_and(|&s| s as usize <= found) {
                row += 1;
            }
            hits[row / 64] |= 1 << (row % 64);
            at = starts.get(row + 1).map_or(bytes.len(), |&s| s as usize);
        }
        hits
    }
}

/// Whether row `k` is among `hits` (see [`Store::search`]).
pub fn hit(hits: &[u64], k: usize) -> bool {
    hits.get(k / 64).is_some_and(|w| w >> (k % 64) & 1 == 1)
}
