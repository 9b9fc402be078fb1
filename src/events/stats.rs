//! Figures on responses and context for a selection: how many incidents drew each kind of
//! response and how long the first attribution and the first legal measure took; and how many
//! incidents started near a context event, against how many would by chance.

use super::{Event, Linked};
use crate::explorer::Choice;
use crate::model::{PartialDate, Precision, ResponseKind};
use crate::store::Store;
use serde::Serialize;

/// Days either side of a context event within which an incident counts as near it, by default.
pub const WINDOW_DAYS: u32 = 30;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseStats {
    /// Every kind some selected incident drew, mildest first.
    pub by_kind: Vec<Choice>,
    /// Incidents with no response known.
    pub none_known: usize,
    /// Incidents publicly attributed by a state, several states or a UN body, and the median
    /// days from their start to the first such attribution (of those the data dates).
    pub attributed: usize,
    pub median_days_to_attribution: Option<f64>,
    /// Incidents answered by an indictment, forfeiture or sanctions designation, and the median
    /// days to the first.
    pub legal: usize,
    pub median_days_to_legal: Option<f64>,
}

fn median(mut v: Vec<i32>) -> Option<f64> {
    crate::sort::by(&mut v, |a, b| a.cmp(b));
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(v[n / 2])),
        _ => Some((f64::from(v[n / 2 - 1]) + f64::from(v[n / 2])) / 2.0),
    }
}

/// Adds one incident's kinds of response (bits of [`ResponseKind`]) to counts per kind, in
/// `ResponseKind::ALL` order: `none-known` when it drew none.
pub fn tally(counts: &mut [usize], set: u16) {
    if set == 0 {
        counts[ResponseKind::NoneKnown as usize] += 1;
    }
    for kind in ResponseKind::in_set(set) {
        counts[kind as usize] += 1;
    }
}

/// The kinds with a count, mildest first, as a filter list and the statistics show them.
pub fn kind_choices(counts: &[usize]) -> Vec<Choice> {
    ResponseKind::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| **n > 0)
        .map(|(k, &count)| Choice { value: k.slug(), label: k.label(), count })
        .collect()
}

/// The response figures for the rows `selection` of `store`.
pub fn response_stats(linked: &Linked, store: &Store, selection: &[u32]) -> ResponseStats {
    let mut counts = vec![0usize; ResponseKind::ALL.len()];
    let (mut to_attribution, mut to_legal) = (Vec::new(), Vec::new());
    let (mut attributed, mut legal) = (0, 0);
    for &k in selection {
        let k = k as usize;
        let set = store.response_kinds(k).unwrap_or(0);
        tally(&mut counts, set);
        if set == 0 {
            continue;
        }
        // An undated incident's responses cannot be timed from its start.
        let Some(start) = store.facts()[k].start.map(|d| d.day_number()) else {
            continue;
        };
        // Responses come in date order: the first of each sort is the earliest.
        // (Undated responses, from datasets that give none, are not timed.)
        let days = |r: &super::Response| r.date.map(|d| (d.day_number() - start).max(0));
        if let Some(r) = linked.of_row(k).find(|r| r.kind.attributes()) {
            attributed += 1;
            to_attribution.extend(days(r));
        }
        if let Some(r) = linked.of_row(k).find(|r| r.kind.legal()) {
            legal += 1;
            to_legal.extend(days(r));
        }
    }
    // "None known" is its own figure here, not a kind drawn.
    let none_known = std::mem::take(&mut counts[ResponseKind::NoneKnown as usize]);
    ResponseStats {
        by_kind: kind_choices(&counts),
        none_known,
        attributed,
        median_days_to_attribution: median(to_attribution),
        legal,
        median_days_to_legal: median(to_legal),
    }
}

/// Whether incidents cluster around context events, for a selection.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Clustering {
    /// Days either side of an event that count as near it.
    pub window: u32,
    /// The selection's incidents dated to the day: the only ones the test can place.
    pub dated: usize,
    /// Of those, how many started within the window of an event.
    pub near: usize,
    /// How many would be expected near one if the same incidents were spread evenly over the
    /// selection's years: `dated` times the share of those days within a window.
    pub expected: f64,
    /// Context events in the selection's years.
    pub events: usize,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
}

/// Days `[from, to]` within `window` of an event, merged where they overlap.
fn windows(events: &[Event], window: u32) -> Vec<(i32, i32)> {
    let w = window as i32;
    let mut spans: Vec<(i32, i32)> =
        events.iter().map(|e| (e.date.day_number() - w, e.end.unwrap_or(e.date).day_number() + w)).collect();
    crate::sort::by(&mut spans, |a, b| a.cmp(b));
    let mut merged: Vec<(i32, i32)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// How many of the selection's day-dated incidents started within `window` days of an event, and
/// how many would by chance (see [`Clustering::expected`]).
pub fn clustering(events: &[Event], store: &Store, selection: &[u32], window: u32) -> Clustering {
    let facts = store.facts();
    let years = selection.iter().filter_map(|&k| facts[k as usize].start.map(|d| d.year));
    let (first, last) = (years.clone().min(), years.max());
    let day = |y: i32, m: u8, d: u8| PartialDate { year: y, month: Some(m), day: Some(d) }.day_number();
    let (from, to) = match (first, last) {
        (Some(a), Some(b)) => (day(a, 1, 1), day(b, 12, 31)),
        _ => (0, -1),
    };
    let merged = windows(events, window);
    let covered: i32 = merged.iter().map(|&(a, b)| (b.min(to) - a.max(from) + 1).max(0)).sum();
    let near_event = |d: i32| {
        let at = merged.partition_point(|s| s.1 < d);
        merged.get(at).is_some_and(|s| s.0 <= d)
    };
    let dated: Vec<i32> = selection
        .iter()
        .filter_map(|&k| facts[k as usize].start)
        .filter(|s| s.precision() == Precision::Day)
        .map(|s| s.day_number())
        .collect();
    let span = f64::from((to - from + 1).max(1));
    Clustering {
        window,
        dated: dated.len(),
        near: dated.iter().filter(|&&d| near_event(d)).count(),
        expected: dated.len() as f64 * f64::from(covered) / span,
        events: events
            .iter()
            .filter(|e| e.end.unwrap_or(e.date).day_number() >= from && e.date.day_number() <= to)
            .count(),
        first_year: first,
        last_year: last,
    }
}
