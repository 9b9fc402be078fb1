//! What the explorer keeps between calls for one state (the selection, its statistics and the
//! charts' counts), and [`Preparing`]: the same worked out ahead in steps. At a million incidents
//! the statistics and the charts' counts are each a pass of tens of milliseconds; made in steps
//! before the calls that show them, no single call holds the page that long.

use super::Explorer;
use crate::chart::digest::Digest;
use crate::error::{Error, Result};
use crate::filter::Filter;
use crate::pass::CHUNK;
use crate::stats::{Stats, Tally};
use std::rc::Rc;

/// What the explorer kept of the last state asked for.
#[derive(Default)]
pub(super) struct Kept {
    /// The last filter's selection: statistics, chart, table and download of one state all ask
    /// for it, and at a million incidents each selection is a pass of milliseconds.
    pub selection: Option<(Filter, Rc<Vec<u32>>)>,
    /// The statistics of the last filter they were asked for.
    pub stats: Option<(Filter, Rc<Stats>)>,
    /// The charts' counts of a selection (the kept one, while it is kept).
    pub digest: Option<(Rc<Vec<u32>>, Rc<Digest>)>,
}

impl Kept {
    /// The counts of `rows`, if they are those of the selection kept.
    pub fn digest_of(&self, rows: &Rc<Vec<u32>>) -> Option<Rc<Digest>> {
        self.digest.as_ref().filter(|(of, _)| Rc::ptr_eq(of, rows)).map(|(_, d)| Rc::clone(d))
    }
}

/// A filter's statistics and charts' counts being worked out, a chunk of its selection per step
/// (see [`Explorer::prepare`]).
pub struct Preparing {
    filter: Filter,
    rows: Rc<Vec<u32>>,
    at: usize,
    /// `None` once finished.
    tally: Option<Tally>,
    digest: Option<Digest>,
    /// How many incidents the explorer it came from holds: a step on another one is refused.
    of: usize,
}

impl Explorer {
    /// Lets go of what was kept of the last state (its selection, statistics and chart counts,
    /// and the last search's rows): the next call for it works them out afresh, as a benchmark
    /// needs. (The search's index of ids and names, built once, stays.)
    pub fn forget(&self) {
        *self.kept.borrow_mut() = Kept::default();
        self.data.incidents.forget_search();
    }

    /// Starts working out `filter`'s statistics and the charts' counts of its selection in steps
    /// (call [`Preparing::step`] until it returns true); afterwards `stats(filter)` and the
    /// charts of `filter` answer from what was counted. A filter the data cannot take is refused
    /// here, as `stats` would refuse it.
    pub fn prepare(&self, filter: &Filter) -> Result<Preparing> {
        let compiled = self.compile(filter)?;
        let rows = self.selection(filter, &compiled);
        Ok(Preparing {
            filter: filter.clone(),
            rows,
            at: 0,
            tally: Some(Tally::new(&self.data.scale, compiled.reading())),
            digest: Some(Digest::new(&self.data.scale)),
            of: self.len(),
        })
    }
}

impl Preparing {
    /// Counts the next chunk of the selection on `ex` (the explorer it came from), or, once all
    /// are counted, keeps the results there; true when done.
    pub fn step(&mut self, ex: &Explorer) -> Result<bool> {
        if ex.len() != self.of {
            return Err(Error::Argument("this preparation belongs to another explorer".into()));
        }
        let (Some(tally), Some(digest)) = (self.tally.as_mut(), self.digest.as_mut()) else {
            return Ok(true);
        };
        if self.at < self.rows.len() {
            let to = self.rows.len().min(self.at + CHUNK);
            let rows = &self.rows[self.at..to];
            tally.add(&ex.data.incidents, rows);
            digest.add(ex.data.incidents.facts(), rows);
            self.at = to;
            return Ok(false);
        }
        let (Some(tally), Some(digest)) = (self.tally.take(), self.digest.take()) else {
            return Ok(true);
        };
        let stats = ex.with_events(tally.finish(&ex.data.incidents, &self.rows), &self.rows);
        let mut kept = ex.kept.borrow_mut();
        kept.stats = Some((self.filter.clone(), Rc::new(stats)));
        kept.digest = Some((Rc::clone(&self.rows), Rc::new(digest)));
        Ok(true)
    }
}
