//! Figures for a selection of incidents: counts and shares by state and dyad, the yearly series,
//! the severity distribution and how much of it reaches the legal thresholds.

use crate::model::{Country, Scale, EARLIEST_YEAR, LATEST_YEAR};
use crate::pass::chunked;
use crate::reading::{Reading, Rule, Verdict};
use crate::store::Store;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountryCount {
    pub code: &'static str,
    pub name: &'static str,
    pub count: usize,
    /// `count / total`. For targets an incident with several targets counts for each, so target
    /// shares may add up to more than 1.
    pub share: f64,
    /// Severity of this state's coded incidents (`None` when none is coded), so states can be
    /// compared by more than their counts.
    pub mean_severity: Option<f64>,
    pub median_severity: Option<f64>,
    pub max_severity: Option<u8>,
}

/// Per country (by [`Country::index`]), the severity histogram of its incidents: a slot per level,
/// then one for those not coded (one count per incident; the total is the row's sum).
struct PerCountry {
    /// Slots per country: the levels, then "not coded".
    width: usize,
    hist: Vec<u32>,
}

impl PerCountry {
    fn new(levels: usize) -> PerCountry {
        PerCountry { width: levels + 1, hist: vec![0; Country::count() * (levels + 1)] }
    }

    fn add(&mut self, c: Country, severity: Option<usize>) {
        self.hist[c.index() * self.width + severity.unwrap_or(self.width - 1)] += 1;
    }

    /// The countries with incidents, largest first, ties by name so the order is stable.
    fn ranked(&self, total: usize) -> Vec<CountryCount> {
        let mut out: Vec<CountryCount> = (self.hist.chunks(self.width).enumerate())
            .filter_map(|(c, row)| Some((Country::from_index(c)?, row)))
            .filter_map(|(c, row)| {
                let count = row.iter().map(|n| *n as usize).sum::<usize>();
                let hist: Vec<usize> = row[..self.width - 1].iter().map(|n| *n as usize).collect();
                (count > 0).then_some((c, count, hist))
            })
            .map(|(c, count, hist)| {
                let hist = &hist[..];
                CountryCount {
                    code: c.code(),
                    name: c.name(),
                    count,
                    share: share(count, total),
                    mean_severity: mean(hist),
                    median_severity: median(hist),
                    max_severity: hist.iter().rposition(|n| *n > 0).map(|l| l as u8),
                }
            })
            .collect();
        crate::sort::by(&mut out, |a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(b.name)));
        out
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DyadCount {
    pub initiator: &'static str,
    pub target: &'static str,
    pub initiator_name: &'static str,
    pub target_name: &'static str,
    pub count: usize,
    pub share: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct YearStat {
    pub year: i32,
    pub count: usize,
    /// `None` when no incident that year is coded.
    pub max_severity: Option<u8>,
    pub mean_severity: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub total: usize,
    pub by_initiator: Vec<CountryCount>,
    pub by_target: Vec<CountryCount>,
    pub dyads: Vec<DyadCount>,
    /// Every year from `first_year` to `last_year`, including years with no incident.
    pub by_year: Vec<YearStat>,
    /// Incidents at each level of the scale, 0 to its maximum.
    pub severity_counts: Vec<usize>,
    /// Incidents without a severity: counted here, not dropped.
    pub not_coded: usize,
    /// Incidents without a start date: counted in every figure but the years and the timeline.
    pub undated: usize,
    pub mean_severity: Option<f64>,
    pub median_severity: Option<f64>,
    pub max_severity: Option<u8>,
    /// The legal reading the threshold figures follow (its id and name); `None` on a scale the
    /// readings do not apply to (EuRepoC's intensity).
    pub reading: Option<String>,
    pub reading_name: Option<String>,
    /// Incidents that reach use of force under the reading; `None` without a reading or when the
    /// reading states no such threshold.
    pub at_or_above_use_of_force: Option<usize>,
    pub at_or_above_armed_attack: Option<usize>,
    /// Incidents whose answer turns on physical effects that are not coded: counted neither way.
    pub undecided_use_of_force: Option<usize>,
    pub undecided_armed_attack: Option<usize>,
    /// The lowest level at which the threshold can be reached under the reading.
    pub use_of_force_level: Option<u8>,
    pub armed_attack_level: Option<u8>,
    /// The reading's rule in words ("level 5 or above with physical damage or worse, or ...").
    pub use_of_force_rule: Option<String>,
    pub armed_attack_rule: Option<String>,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
    /// The names of the most severe incidents (all at the top level, oldest first, at most
    /// [`MOST_SEVERE_NAMED`]), for summaries.
    pub most_severe: Vec<String>,
    /// How many incidents sit at the top level (more than are named when many tie).
    pub most_severe_count: usize,
    /// The responses the selection drew; `None` when the data carries no responses.
    pub responses: Option<crate::events::ResponseStats>,
    /// How many incidents started near a context event, against chance; `None` without context.
    pub clustering: Option<crate::events::Clustering>,
}

/// Most names of incidents tied at the top level that the statistics carry.
pub const MOST_SEVERE_NAMED: usize = 5;

fn share(count: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        count as f64 / total as f64
    }
}

/// How often each country occurs, largest first, ties by name so the order is stable.
pub fn count_ranked<'a>(countries: impl IntoIterator<Item = &'a Country>) -> Vec<(Country, usize)> {
    let mut counts = vec![0usize; Country::count()];
    let mut seen = Vec::new();
    for c in countries {
        if counts[c.index()] == 0 {
            seen.push(*c);
        }
        counts[c.index()] += 1;
    }
    let mut ranked: Vec<(Country, usize)> = seen.into_iter().map(|c| (c, counts[c.index()])).collect();
    crate::sort::by(&mut ranked, |a, b| b.1.cmp(&a.1).then_with(|| a.0.name().cmp(b.0.name())));
    ranked
}

/// Mean of a severity histogram (`counts[level]`), `None` when it is empty.
fn mean(counts: &[usize]) -> Option<f64> {
    let n: usize = counts.iter().sum();
    (n > 0).then(|| counts.iter().enumerate().map(|(l, c)| l as f64 * *c as f64).sum::<f64>() / n as f64)
}

/// The `k`-th smallest level (from 0) in a severity histogram.
fn nth_level(counts: &[usize], k: usize) -> u8 {
    let mut seen = 0;
    for (level, c) in counts.iter().enumerate() {
        seen += c;
        if seen > k {
            return level as u8;
        }
    }
    counts.len().saturating_sub(1) as u8
}

/// Median of a severity histogram; the mean of the two middle values for an even count.
fn median(counts: &[usize]) -> Option<f64> {
    let n: usize = counts.iter().sum();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(nth_level(counts, n / 2))),
        _ => Some((f64::from(nth_level(counts, n / 2 - 1)) + f64::from(nth_level(counts, n / 2))) / 2.0),
    }
}

/// Figures for the rows `selection` of `store`, severities read on `scale`. One pass over the
/// selection into dense counters (per country, per dyad, per year and level), so the cost grows
/// with the selection and not with the number of distinct values.
pub fn compute(store: &Store, selection: &[u32], scale: &Scale, reading: Option<&'static Reading>) -> Stats {
    let mut tally = Tally::new(scale, reading);
    // In chunks (see crate::pass): the first statistics of a million incidents run optimised.
    chunked(selection.len(), |r| tally.add(store, &selection[r]));
    tally.finish(store, selection)
}

/// The statistics' counters, filled a slice of the selection at a time ([`Tally::add`], in order),
/// so a large selection can be counted in steps; [`Tally::finish`] turns them into [`Stats`].
pub struct Tally {
    levels: usize,
    top: u8,
    year_slots: usize,
    by_initiator: PerCountry,
    by_target: PerCountry,
    dyads: Vec<u32>,
    /// Per year: its count, then its severity histogram. One slot per year, and one after them
    /// for the undated.
    years: Vec<usize>,
    severity_counts: Vec<usize>,
    reading: Option<&'static Reading>,
    /// Per threshold: incidents that reach it, and incidents undecided.
    reached: [[usize; 2]; 2],
    total: usize,
    /// Where the last row's extra targets were (see `Store::more_targets_of`).
    more_at: usize,
}

impl Tally {
    pub fn new(scale: &Scale, reading: Option<&'static Reading>) -> Tally {
        let n = Country::count();
        let levels = usize::from(scale.max) + 1;
        let year_slots = (LATEST_YEAR - EARLIEST_YEAR + 1) as usize;
        Tally {
            levels,
            top: scale.max,
            year_slots,
            by_initiator: PerCountry::new(levels),
            by_target: PerCountry::new(levels),
            dyads: vec![0u32; n * n],
            years: vec![0usize; (year_slots + 1) * (levels + 1)],
            severity_counts: vec![0usize; levels],
            reading,
            reached: [[0usize; 2]; 2],
            total: 0,
            more_at: 0,
        }
    }

    /// Counts the incidents at `rows` of `store`.
    pub fn add(&mut self, store: &Store, rows: &[u32]) {
        let facts = store.facts();
        let n = Country::count();
        let (levels, top, year_slots) = (self.levels, self.top, self.year_slots);
        let rules = self.reading.map_or([None, None], |r| [r.use_of_force.as_ref(), r.armed_attack.as_ref()]);
        for &k in rows {
            let i = &facts[k as usize];
            let level = i.severity.map(|s| usize::from(s.min(top)));
            self.by_initiator.add(i.initiator, level);
            let row = n * i.initiator.index();
            self.by_target.add(i.target, level);
            self.dyads[row + i.target.index()] += 1;
            for &(_, t) in store.more_targets_of(k as usize, &mut self.more_at) {
                self.by_target.add(t, level);
                self.dyads[row + t.index()] += 1;
            }
            let slot =
                i.start.map_or(year_slots, |d| (d.year.clamp(EARLIEST_YEAR, LATEST_YEAR) - EARLIEST_YEAR) as usize);
            let y = slot * (levels + 1);
            self.years[y] += 1;
            if let Some(s) = i.severity {
                for (t, rule) in rules.iter().enumerate() {
                    match rule.map(|r| r.verdict(s, i.effects)) {
                        Some(Verdict::Yes) => self.reached[t][0] += 1,
                        Some(Verdict::Undecided) => self.reached[t][1] += 1,
                        _ => {}
                    }
                }
                let s = usize::from(s.min(top));
                self.severity_counts[s] += 1;
                self.years[y + 1 + s] += 1;
            }
        }
        self.total += rows.len();
    }

    /// The statistics of the rows counted, which are `selection` (for the names of the most severe).
    pub fn finish(self, store: &Store, selection: &[u32]) -> Stats {
        let Tally {
            levels,
            top: top_level,
            year_slots,
            by_initiator,
            by_target,
            dyads,
            years,
            severity_counts,
            reading,
            reached,
            total,
            ..
        } = self;
        let facts = store.facts();
        let n = Country::count();
        let rules = reading.map_or([None, None], |r| [r.use_of_force.as_ref(), r.armed_attack.as_ref()]);
        let slot_year = |y: usize| EARLIEST_YEAR + y as i32;
        let first = (0..year_slots).find(|&y| years[y * (levels + 1)] > 0);
        let last = (0..year_slots).rev().find(|&y| years[y * (levels + 1)] > 0);
        let by_year = match (first, last) {
            (Some(a), Some(b)) => (a..=b)
                .map(|y| {
                    let at = y * (levels + 1);
                    let hist = &years[at + 1..at + 1 + levels];
                    YearStat {
                        year: slot_year(y),
                        count: years[at],
                        max_severity: hist.iter().rposition(|c| *c > 0).map(|l| l as u8),
                        mean_severity: mean(hist),
                    }
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut dyad_list = Vec::new();
        for (at, &count) in dyads.iter().enumerate().filter(|(_, c)| **c > 0) {
            let (a, b) = (Country::from_index(at / n), Country::from_index(at % n));
            if let (Some(a), Some(b)) = (a, b) {
                let count = count as usize;
                dyad_list.push(DyadCount {
                    initiator: a.code(),
                    target: b.code(),
                    initiator_name: a.name(),
                    target_name: b.name(),
                    count,
                    share: share(count, total),
                });
            }
        }
        crate::sort::by(&mut dyad_list, |a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.initiator_name.cmp(b.initiator_name))
                .then_with(|| a.target_name.cmp(b.target_name))
        });
        let coded: usize = severity_counts.iter().sum();
        let max_severity = severity_counts.iter().rposition(|c| *c > 0).map(|l| l as u8);
        let figure = |t: usize, f: &dyn Fn(&Rule, [usize; 2]) -> usize| rules[t].map(|r| f(r, reached[t]));
        Stats {
            total,
            by_initiator: by_initiator.ranked(total),
            by_target: by_target.ranked(total),
            dyads: dyad_list,
            by_year,
            not_coded: total - coded,
            undated: years[year_slots * (levels + 1)],
            mean_severity: mean(&severity_counts),
            median_severity: median(&severity_counts),
            max_severity,
            reading: reading.map(|r| r.id.clone()),
            reading_name: reading.map(|r| r.name.clone()),
            at_or_above_use_of_force: figure(0, &|_, n| n[0]),
            at_or_above_armed_attack: figure(1, &|_, n| n[0]),
            undecided_use_of_force: figure(0, &|_, n| n[1]),
            undecided_armed_attack: figure(1, &|_, n| n[1]),
            use_of_force_level: rules[0].map(Rule::from),
            armed_attack_level: rules[1].map(Rule::from),
            use_of_force_rule: rules[0].map(Rule::describe),
            armed_attack_rule: rules[1].map(Rule::describe),
            first_year: first.map(slot_year),
            last_year: last.map(slot_year),
            most_severe: max_severity
                .map(|top| {
                    let at_top = selection
                        .iter()
                        .filter(|&&k| facts[k as usize].severity.is_some_and(|s| s.min(top_level) == top));
                    at_top.take(MOST_SEVERE_NAMED).map(|&k| store.name(k as usize).to_string()).collect()
                })
                .unwrap_or_default(),
            most_severe_count: max_severity.map_or(0, |top| severity_counts[usize::from(top)]),
            severity_counts,
            responses: None,
            clustering: None,
        }
    }
}
