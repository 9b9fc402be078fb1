//! The legal readings applied to a selection: every reading's counts side by side, and what one
//! incident amounts to under the active reading, with the treaty clauses it would bring in.

use super::Explorer;
use crate::error::Result;
use crate::filter::Filter;
use crate::model::{Country, MAX_LEVEL};
use crate::reading::{self, Rule, Treaty, Verdict};
use serde::Serialize;

/// An incident named in the comparison of readings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Named {
    /// Its index in [`Explorer::all`], to open its card.
    pub index: usize,
    pub id: String,
    pub name: String,
    pub level: u8,
}

/// How many incidents of a selection reach one threshold under one reading, and which.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reached {
    pub count: usize,
    pub undecided: usize,
    /// The first [`COMPARE_NAMES`] of them, most severe first.
    pub incidents: Vec<Named>,
    pub undecided_incidents: Vec<Named>,
}

/// Incidents named per cell of the comparison; the counts are always whole.
pub const COMPARE_NAMES: usize = 50;

/// One reading's row of the comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadingRow {
    pub id: &'static str,
    pub name: &'static str,
    /// `None` where the reading states no such threshold.
    pub use_of_force: Option<Reached>,
    pub armed_attack: Option<Reached>,
}

/// What one incident amounts to under the active reading, for its card.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    pub reading: &'static str,
    pub reading_name: &'static str,
    /// `None` where the reading states no such threshold.
    pub use_of_force: Option<Verdict>,
    pub armed_attack: Option<Verdict>,
    /// The collective-defence clauses its targets bring into play, when it reaches armed attack.
    pub treaties: Vec<&'static Treaty>,
}

impl Explorer {
    /// For each reading, the incidents of the filter's selection that reach each threshold (the
    /// filter's own reading is ignored: every reading is a row). Empty on a scale the readings do
    /// not apply to.
    pub fn compare(&self, filter: &Filter) -> Result<Vec<ReadingRow>> {
        let compiled = filter.compile(&self.data.scale)?;
        if !self.data.scale.readings {
            return Ok(Vec::new());
        }
        let store = &self.data.incidents;
        let selected = compiled.select(store);
        // Most severe first, so the names a cell shows are the ones nearest the threshold's top
        // (level by level: eleven passes cost less than a sort's code in the wasm).
        let rows: Vec<u32> = (0..=MAX_LEVEL)
            .rev()
            .flat_map(|l| selected.iter().copied().filter(move |&k| store.facts()[k as usize].severity == Some(l)))
            .collect();
        let named = |k: u32, level: u8| Named {
            index: k as usize,
            id: store.id(k as usize).to_string(),
            name: store.name(k as usize).to_string(),
            level,
        };
        let count = |rule: &Rule| {
            let mut r = Reached::default();
            for &k in &rows {
                let f = &store.facts()[k as usize];
                let Some(level) = f.severity else { continue };
                match rule.verdict(level, f.effects) {
                    Verdict::Yes => {
                        r.count += 1;
                        if r.incidents.len() < COMPARE_NAMES {
                            r.incidents.push(named(k, level));
                        }
                    }
                    Verdict::Undecided => {
                        r.undecided += 1;
                        if r.undecided_incidents.len() < COMPARE_NAMES {
                            r.undecided_incidents.push(named(k, level));
                        }
                    }
                    Verdict::No => {}
                }
            }
            r
        };
        Ok(reading::policy()?
            .readings
            .iter()
            .map(|r| ReadingRow {
                id: &r.id,
                name: &r.name,
                use_of_force: r.use_of_force.as_ref().map(count),
                armed_attack: r.armed_attack.as_ref().map(count),
            })
            .collect())
    }

    /// What the incident at `index` amounts to under the filter's reading; `None` past the end,
    /// for an incident not coded, or on a scale the readings do not apply to.
    pub fn assess(&self, index: usize, filter: &Filter) -> Result<Option<Assessment>> {
        let compiled = filter.compile(&self.data.scale)?;
        let (Some(r), Some(f)) = (compiled.reading(), self.data.incidents.facts().get(index)) else { return Ok(None) };
        let Some(level) = f.severity else { return Ok(None) };
        let (use_of_force, armed_attack) = r.verdicts(level, f.effects);
        let targets: Vec<&str> = self.data.incidents.targets(index).map(Country::code).collect();
        let treaties = if armed_attack == Some(Verdict::Yes) {
            reading::treaties_for(targets.iter().copied())
        } else {
            Vec::new()
        };
        Ok(Some(Assessment { reading: &r.id, reading_name: &r.name, use_of_force, armed_attack, treaties }))
    }
}
