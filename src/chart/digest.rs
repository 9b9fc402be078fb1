//! What the charts count over a selection, worked out in one pass: incidents per initiator and
//! level, per year, month and level, how many are undated, suspected or reference ones. The charts
//! read their counts, legend, years and shaded cells from it instead of passing over the rows
//! again, so a chart of a million incidents costs one pass. The pass can be made ahead, in steps
//! (see [`Digest::add`]), and the result kept for every redraw of the same selection.

use super::ChartInput;
use crate::model::{Certainty, Country, Scale, Scope, EARLIEST_YEAR, LATEST_YEAR};
use crate::store::Facts;

/// Years a digest has room for.
const YEARS: usize = (LATEST_YEAR - EARLIEST_YEAR + 1) as usize;
/// Month slots per year: the month unknown, then January to December.
const MONTHS: usize = 13;

/// Counts over one selection on one scale. A column is a level of the scale (0 to its top), then
/// one for the incidents not coded.
#[derive(Clone, Debug)]
pub struct Digest {
    columns: usize,
    /// Incidents per initiator (by [`Country::index`]) and column.
    by_initiator: Vec<u32>,
    /// Undated incidents per initiator.
    undated_by_initiator: Vec<u32>,
    /// Incidents whose attribution is only suspected, and reference incidents: all, and undated.
    suspected: [u32; 2],
    reference: [u32; 2],
    /// Dated incidents per year, month slot and column.
    cells: Vec<u32>,
    undated: usize,
}

impl Digest {
    /// An empty digest for severities on `scale`.
    pub fn new(scale: &Scale) -> Digest {
        let columns = usize::from(scale.max) + 2;
        Digest {
            columns,
            by_initiator: vec![0; Country::count() * columns],
            undated_by_initiator: vec![0; Country::count()],
            suspected: [0; 2],
            reference: [0; 2],
            cells: vec![0; YEARS * MONTHS * columns],
            undated: 0,
        }
    }

    /// The digest of everything `input` draws, in chunks (see [`crate::pass`]).
    pub fn of(input: &ChartInput) -> Digest {
        let mut d = Digest::new(input.scale);
        crate::pass::chunked(input.len(), |r| d.add(input.facts, &input.selection[r]));
        d
    }

    /// Counts the incidents at `rows` of `facts`: a digest made in steps adds the selection's
    /// rows in order, a slice at a time.
    pub fn add(&mut self, facts: &[Facts], rows: &[u32]) {
        let top = self.columns - 2;
        for &k in rows {
            let i = &facts[k as usize];
            let column = i.severity.map_or(top + 1, |s| usize::from(s).min(top));
            let who = i.initiator.index();
            self.by_initiator[who * self.columns + column] += 1;
            let suspected = i.certainty == Some(Certainty::Suspected);
            let reference = i.scope == Some(Scope::Reference);
            self.suspected[0] += u32::from(suspected);
            self.reference[0] += u32::from(reference);
            match i.start {
                Some(d) => {
                    let year = (d.year.clamp(EARLIEST_YEAR, LATEST_YEAR) - EARLIEST_YEAR) as usize;
                    let month = d.month.map_or(0, usize::from).min(12);
                    self.cells[(year * MONTHS + month) * self.columns + column] += 1;
                }
                None => {
                    self.undated += 1;
                    self.undated_by_initiator[who] += 1;
                    self.suspected[1] += u32::from(suspected);
                    self.reference[1] += u32::from(reference);
                }
            }
        }
    }

    /// How many of them have no start date.
    pub fn undated(&self) -> usize {
        self.undated
    }

    /// The column of the incidents not coded.
    pub fn not_coded(&self) -> usize {
        self.columns - 1
    }

    /// Incidents of the initiator at `index` in `column` (dated or not).
    pub fn initiator_column(&self, index: usize, column: usize) -> usize {
        self.by_initiator[index * self.columns + column] as usize
    }

    /// Incidents per initiator, of those dated only or of all: `(country, count)` for each with any.
    pub fn initiators(&self, dated_only: bool) -> Vec<(Country, usize)> {
        (0..Country::count())
            .filter_map(|k| {
                let row = &self.by_initiator[k * self.columns..(k + 1) * self.columns];
                let all: u32 = row.iter().sum();
                let n = if dated_only { all - self.undated_by_initiator[k] } else { all };
                (n > 0).then(|| Some((Country::from_index(k)?, n as usize))).flatten()
            })
            .collect()
    }

    /// Whether any incident (dated, or any at all) has an attribution only suspected.
    pub fn any_suspected(&self, dated_only: bool) -> bool {
        self.suspected[0] > if dated_only { self.suspected[1] } else { 0 }
    }

    /// Whether any incident (dated, or any at all) is a reference one.
    pub fn any_reference(&self, dated_only: bool) -> bool {
        self.reference[0] > if dated_only { self.reference[1] } else { 0 }
    }

    fn slot(year: i32) -> Option<usize> {
        (EARLIEST_YEAR..=LATEST_YEAR).contains(&year).then(|| (year - EARLIEST_YEAR) as usize)
    }

    /// Dated incidents of `year` in `column` whose start has month slot `month` (0: no month).
    pub fn cell(&self, year: i32, month: usize, column: usize) -> usize {
        Digest::slot(year).map_or(0, |y| self.cells[(y * MONTHS + month) * self.columns + column] as usize)
    }

    /// Dated incidents of `year` in `column`, whatever their month.
    pub fn year_column(&self, year: i32, column: usize) -> usize {
        (0..MONTHS).map(|m| self.cell(year, m, column)).sum()
    }

    /// Dated incidents of `year`.
    pub fn year(&self, year: i32) -> usize {
        (0..self.columns).map(|c| self.year_column(year, c)).sum()
    }

    /// Dated incidents not coded.
    pub fn dated_not_coded(&self) -> usize {
        (EARLIEST_YEAR..=LATEST_YEAR).map(|y| self.year_column(y, self.not_coded())).sum()
    }

    /// The first and last year with a dated incident.
    pub fn years(&self) -> Option<(i32, i32)> {
        let any = |y: &i32| {
            let from = (*y - EARLIEST_YEAR) as usize * MONTHS * self.columns;
            self.cells[from..from + MONTHS * self.columns].iter().any(|n| *n > 0)
        };
        let first = (EARLIEST_YEAR..=LATEST_YEAR).find(any)?;
        Some((first, (EARLIEST_YEAR..=LATEST_YEAR).rev().find(any)?))
    }

    /// The highest level coded among the dated incidents of `year`.
    pub fn top_level(&self, year: i32) -> Option<u8> {
        (0..self.not_coded()).rev().find(|&c| self.year_column(year, c) > 0).map(|c| c as u8)
    }
}
