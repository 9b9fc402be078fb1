//! Figures for a selection of incidents: counts and shares by state and dyad, the yearly series,
//! the severity distribution and how much of it reaches the legal thresholds.

use crate::model::{Country, Incident, Scale};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountryCount {
    pub code: &'static str,
    pub name: &'static str,
    pub count: usize,
    /// `count / total`. For targets an incident with several targets counts for each, so target
    /// shares may add up to more than 1.
    pub share: f64,
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
    pub mean_severity: Option<f64>,
    pub median_severity: Option<f64>,
    pub max_severity: Option<u8>,
    /// `None` on a scale without thresholds (EuRepoC's intensity).
    pub at_or_above_use_of_force: Option<usize>,
    pub at_or_above_armed_attack: Option<usize>,
    pub use_of_force_level: Option<u8>,
    pub armed_attack_level: Option<u8>,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
    /// The name of the most severe incident (the first of equals in the selection), for summaries.
    pub most_severe: Option<String>,
}

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
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name().cmp(b.0.name())));
    ranked
}

fn ranked<'a>(countries: impl IntoIterator<Item = &'a Country>, total: usize) -> Vec<CountryCount> {
    count_ranked(countries)
        .into_iter()
        .map(|(c, count)| CountryCount { code: c.code(), name: c.name(), count, share: share(count, total) })
        .collect()
}

fn mean(values: &[u8]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64)
}

/// Median of coded severities; the mean of the two middle values for an even count.
fn median(sorted: &[u8]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(sorted[n / 2])),
        _ => Some((f64::from(sorted[n / 2 - 1]) + f64::from(sorted[n / 2])) / 2.0),
    }
}

/// Figures for `selection`, its severities read on `scale`.
pub fn compute(selection: &[&Incident], scale: &Scale) -> Stats {
    let total = selection.len();
    let mut dyads: HashMap<(Country, Country), usize> = HashMap::new();
    let first_year = selection.iter().map(|i| i.start.year).min();
    let last_year = selection.iter().map(|i| i.start.year).max();
    // Count and coded severities per year, indexed from the first year.
    let mut years: Vec<(usize, Vec<u8>)> = vec![(0, Vec::new()); match (first_year, last_year) {
        (Some(a), Some(b)) => (b - a + 1) as usize,
        _ => 0,
    }];
    let mut severity_counts = vec![0usize; usize::from(scale.max) + 1];
    let mut coded = Vec::with_capacity(total);
    for i in selection {
        for &t in &i.targets {
            *dyads.entry((i.initiator, t)).or_insert(0) += 1;
        }
        let y = &mut years[(i.start.year - first_year.unwrap_or(0)) as usize];
        y.0 += 1;
        if let Some(s) = i.severity {
            severity_counts[usize::from(s.min(scale.max))] += 1;
            coded.push(s);
            y.1.push(s);
        }
    }
    coded.sort_unstable();
    let by_year = years
        .iter()
        .enumerate()
        .map(|(k, (count, sev))| YearStat {
            year: first_year.unwrap_or(0) + k as i32,
            count: *count,
            max_severity: sev.iter().max().copied(),
            mean_severity: mean(sev),
        })
        .collect();
    let mut dyads: Vec<DyadCount> = dyads
        .into_iter()
        .map(|((a, b), count)| DyadCount {
            initiator: a.code(),
            target: b.code(),
            initiator_name: a.name(),
            target_name: b.name(),
            count,
            share: share(count, total),
        })
        .collect();
    dyads.sort_by(|a, b| {
        b.count.cmp(&a.count).then_with(|| a.initiator_name.cmp(b.initiator_name)).then_with(|| a.target_name.cmp(b.target_name))
    });
    Stats {
        total,
        by_initiator: ranked(selection.iter().map(|i| &i.initiator), total),
        by_target: ranked(selection.iter().flat_map(|i| &i.targets), total),
        dyads,
        by_year,
        severity_counts,
        not_coded: total - coded.len(),
        mean_severity: mean(&coded),
        median_severity: median(&coded),
        max_severity: coded.last().copied(),
        at_or_above_use_of_force: scale.use_of_force.map(|t| coded.iter().filter(|&&s| s >= t).count()),
        at_or_above_armed_attack: scale.armed_attack.map(|t| coded.iter().filter(|&&s| s >= t).count()),
        use_of_force_level: scale.use_of_force,
        armed_attack_level: scale.armed_attack,
        first_year,
        last_year,
        most_severe: coded.last().and_then(|&top| selection.iter().find(|i| i.severity == Some(top))).map(|i| i.name.clone()),
    }
}
