//! Published legal readings of the two thresholds, "use of force" (UN Charter Art. 2(4)) and
//! "armed attack" (Art. 51 and the collective-defence treaties), as rules over an incident's level
//! on the ladder and its physical effects; the lawful response tiers each reading places on the
//! ladder; and the collective-defence clauses an armed attack on a target brings into play.
//!
//! The readings and tiers are data (`data/readings.csv`, `data/tiers.csv`, explained in
//! `data/READINGS.md`): the words, sources and rules come from there, never from code. The
//! browser's module carries their names and rules only ([`packed`]); their words (who, document,
//! basis, mapping, definitions, sources) ship beside it as JSON ([`crate::schema::readings_words`]).

mod info;
pub mod packed;
mod parse;
mod rule;

pub use info::{treaties_for, ReadingInfo, Span, ThresholdInfo, Treaty, TREATIES};
pub use parse::{find, from_tables, parse, policy};
pub use rule::{Rule, Verdict};

use crate::model::{Effects, MAX_LEVEL};
use serde::Serialize;

#[cfg(not(target_arch = "wasm32"))]
pub const READINGS_CSV: &str = include_str!("../../data/readings.csv");
#[cfg(not(target_arch = "wasm32"))]
pub const TIERS_CSV: &str = include_str!("../../data/tiers.csv");

/// Which threshold a contested range is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Threshold {
    UseOfForce,
    ArmedAttack,
}

/// Levels a reading leaves disputed for one threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Contested {
    pub from: u8,
    pub to: u8,
    pub threshold: Threshold,
}

/// Who can hold a reading: its `kind` in the data, and the heading readings of that kind are
/// grouped under in a menu.
pub const KINDS: [(&str, &str); 5] = [
    ("experts", "Expert groups"),
    ("state", "States"),
    ("alliance", "Alliances"),
    ("commentator", "Commentators"),
    ("project", "Datasets"),
];

/// One published reading of the thresholds, mapped onto the ladder (the mapping is ours).
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub id: String,
    pub name: String,
    /// `experts`, `state`, `alliance`, `commentator` or `project`.
    pub kind: String,
    pub who: String,
    pub document: String,
    pub date: String,
    /// `None`: the reading states no such threshold that could be sourced.
    pub use_of_force: Option<Rule>,
    pub armed_attack: Option<Rule>,
    pub contested: Option<Contested>,
    /// What the reading rests on, in our words.
    pub basis: String,
    /// How we mapped it onto the ladder, and why.
    pub mapping: String,
    pub sources: Vec<String>,
}

/// The three regions of the ladder a reading draws, and the responses lawful in each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    BelowUseOfForce,
    Between,
    ArmedAttack,
}

impl Region {
    pub(super) fn parse(s: &str) -> Option<Region> {
        [Region::BelowUseOfForce, Region::Between, Region::ArmedAttack].into_iter().find(|r| r.slug() == s)
    }

    pub fn slug(self) -> &'static str {
        match self {
            Region::BelowUseOfForce => "below-use-of-force",
            Region::Between => "between",
            Region::ArmedAttack => "armed-attack",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Region::BelowUseOfForce => "Below use of force",
            Region::Between => "Between use of force and armed attack",
            Region::ArmedAttack => "From armed attack",
        }
    }
}

/// A graduated response and the region of the ladder where it is lawful.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tier {
    pub id: String,
    pub region: Region,
    pub name: String,
    /// A chart band's label.
    pub short: String,
    /// Words the page fetches apart (see the module's note): empty in the browser's module.
    #[serde(skip)]
    pub definition: String,
    #[serde(skip)]
    pub sources: Vec<String>,
}

impl Reading {
    /// Whether an incident reaches use of force and armed attack; `None` where the reading
    /// states no such threshold.
    pub fn verdicts(&self, level: u8, effects: Option<Effects>) -> (Option<Verdict>, Option<Verdict>) {
        (
            self.use_of_force.as_ref().map(|r| r.verdict(level, effects)),
            self.armed_attack.as_ref().map(|r| r.verdict(level, effects)),
        )
    }

    /// True when the reading sees no gap between the thresholds (the United States).
    pub fn no_gap(&self) -> bool {
        matches!((&self.use_of_force, &self.armed_attack), (Some(a), Some(b)) if a == b)
    }

    /// The region of the ladder at `level` for the effects the level implies: physical damage up
    /// to level 6 (the case the readings are written for), deaths from level 7 ("minimal death"
    /// and everything the ladder ranks above it); `None` when the reading states neither threshold.
    pub fn region_at(&self, level: u8) -> Option<Region> {
        if self.use_of_force.is_none() && self.armed_attack.is_none() {
            return None;
        }
        let implied = Some(if level >= 7 { Effects::Death } else { Effects::Physical });
        Some(match self.verdicts(level, implied) {
            (_, Some(Verdict::Yes)) => Region::ArmedAttack,
            (Some(Verdict::Yes), _) => Region::Between,
            _ => Region::BelowUseOfForce,
        })
    }

    /// The ladder cut into runs of one region: `(from, to, region)`, lowest first.
    pub fn regions(&self) -> Vec<(u8, u8, Region)> {
        let mut out: Vec<(u8, u8, Region)> = Vec::new();
        for level in 0..=MAX_LEVEL {
            let Some(r) = self.region_at(level) else { return Vec::new() };
            match out.last_mut() {
                Some(last) if last.2 == r => last.1 = level,
                _ => out.push((level, level, r)),
            }
        }
        out
    }
}

/// The readings (the default first) and the tiers, read from the data once.
#[derive(Debug, PartialEq)]
pub struct Policy {
    pub readings: Vec<Reading>,
    pub tiers: Vec<Tier>,
}
