//! The readings as the API hands them out, and the collective-defence clauses an armed attack on
//! a target brings into play.

use super::{Contested, Reading, Region, Rule, KINDS};
use serde::Serialize;

/// A threshold of a reading as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThresholdInfo {
    /// The rule in words.
    pub rule: String,
    /// The rule in a label's few characters ("5+ if physical, 7+").
    pub short: String,
    /// The lowest level at which some incident reaches it.
    pub from: u8,
    /// The lowest level at which every incident reaches it, whatever its effects.
    pub firm: Option<u8>,
}

impl ThresholdInfo {
    fn of(rule: &Rule) -> ThresholdInfo {
        ThresholdInfo { rule: rule.describe(), short: rule.short(), from: rule.from(), firm: rule.firm() }
    }
}

/// A run of levels in one region, for the page's tier bands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Span {
    pub from: u8,
    pub to: u8,
    pub region: Region,
    /// The region in words ("Between use of force and armed attack").
    pub label: &'static str,
}

/// A reading as the API hands it out: its name and its thresholds on the ladder. (Its words and
/// sources ship apart: see the module's note.)
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadingInfo {
    pub id: &'static str,
    pub name: &'static str,
    pub kind: &'static str,
    /// The heading of its kind, for grouping ("States").
    pub group: &'static str,
    pub use_of_force: Option<ThresholdInfo>,
    pub armed_attack: Option<ThresholdInfo>,
    pub contested: Option<Contested>,
    /// No gap between the thresholds: whatever is a use of force is an armed attack.
    pub no_gap: bool,
    pub regions: Vec<Span>,
}

impl Reading {
    pub fn info(&'static self) -> ReadingInfo {
        ReadingInfo {
            id: &self.id,
            name: &self.name,
            kind: &self.kind,
            group: KINDS.iter().find(|k| k.0 == self.kind).map_or("", |k| k.1),
            use_of_force: self.use_of_force.as_ref().map(ThresholdInfo::of),
            armed_attack: self.armed_attack.as_ref().map(ThresholdInfo::of),
            contested: self.contested,
            no_gap: self.no_gap(),
            regions: self
                .regions()
                .into_iter()
                .map(|(from, to, region)| Span { from, to, region, label: region.label() })
                .collect(),
        }
    }
}

/// A collective-defence clause and the states whose territory it covers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Treaty {
    pub name: &'static str,
    pub clause: &'static str,
    /// ISO alpha-3 codes of the parties.
    pub parties: &'static [&'static str],
    /// Where it applies, in a few words.
    pub scope: &'static str,
    pub source: &'static str,
}

/// The clauses the card names for an incident at or above armed attack.
pub const TREATIES: [Treaty; 3] = [
    Treaty {
        name: "US-ROK Mutual Defense Treaty",
        clause: "Article III",
        parties: &["KOR", "USA"],
        scope: "an armed attack in the Pacific area on territory either party administers",
        source: "https://avalon.law.yale.edu/20th_century/kor001.asp",
    },
    Treaty {
        name: "US-Japan Security Treaty",
        clause: "Article V",
        parties: &["JPN", "USA"],
        scope: "an armed attack on either party in territories under Japan's administration",
        source: "https://www.mofa.go.jp/region/n-america/us/q&a/ref/1.html",
    },
    Treaty {
        name: "North Atlantic Treaty",
        clause: "Article 5",
        parties: &[
            "ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "ISL", "ITA",
            "LVA", "LTU", "LUX", "MNE", "NLD", "MKD", "NOR", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "TUR",
            "GBR", "USA",
        ],
        scope: "an armed attack against one or more members in Europe or North America",
        source: "https://www.nato.int/archives/1st5years/annexes/a.htm",
    },
];

/// The treaties whose parties include one of `targets` (alpha-3 codes).
pub fn treaties_for<'a>(targets: impl IntoIterator<Item = &'a str> + Clone) -> Vec<&'static Treaty> {
    TREATIES.iter().filter(|t| targets.clone().into_iter().any(|c| t.parties.contains(&c))).collect()
}
