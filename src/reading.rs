//! Published legal readings of the two thresholds, "use of force" (UN Charter Art. 2(4)) and
//! "armed attack" (Art. 51 and the collective-defence treaties), as rules over an incident's level
//! on the ladder and its physical effects; the lawful response tiers each reading places on the
//! ladder; and the collective-defence clauses an armed attack on a target brings into play.
//!
//! The readings and tiers are data (`data/readings.csv`, `data/tiers.csv`, explained in
//! `data/READINGS.md`): the words, sources and rules come from there, never from code. The
//! browser's module carries their names and rules only (build.rs); their words (who, document,
//! basis, mapping, definitions, sources) ship beside it as JSON ([`crate::schema::readings_words`]).

use crate::error::{Error, Result};
use crate::import::table::{read_csv, Table};
use crate::model::{Effects, MAX_LEVEL};
use serde::Serialize;
use std::sync::OnceLock;

#[cfg(not(target_arch = "wasm32"))]
pub const READINGS_CSV: &str = include_str!("../data/readings.csv");
#[cfg(not(target_arch = "wasm32"))]
pub const TIERS_CSV: &str = include_str!("../data/tiers.csv");
#[cfg(target_arch = "wasm32")]
pub const READINGS_CSV: &str = READINGS_CORE_CSV;
#[cfg(target_arch = "wasm32")]
pub const TIERS_CSV: &str = TIERS_CORE_CSV;
/// Names and rules only, as build.rs writes them for the browser's module.
pub const READINGS_CORE_CSV: &str = include_str!(concat!(env!("OUT_DIR"), "/readings-core.csv"));
pub const TIERS_CORE_CSV: &str = include_str!(concat!(env!("OUT_DIR"), "/tiers-core.csv"));

/// Whether an incident reaches a threshold under a reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Yes,
    No,
    /// The rule turns on physical effects and the incident's effects are not coded.
    Undecided,
}

/// Values of [`Effects`] plus "not coded", as a table index: 0 not coded, then each value.
const EFFECT_SLOTS: usize = 6;

fn slot(e: Option<Effects>) -> usize {
    e.map_or(0, |e| 1 + Effects::ALL.iter().position(|x| *x == e).unwrap_or(0))
}

/// A threshold as a reading states it: alternatives, any of which suffices, each "level at least
/// N", optionally "with effects at least E". Written `level>=5 & effects>=physical | level>=7`.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    alternatives: Vec<(u8, Option<Effects>)>,
    /// The verdict for every level and effects slot, worked out once.
    table: Vec<[Verdict; EFFECT_SLOTS]>,
}

impl Rule {
    pub fn parse(text: &str) -> std::result::Result<Rule, String> {
        let mut alternatives = Vec::new();
        for alt in text.split('|') {
            let (mut level, mut effects) = (None, None);
            for term in alt.split('&').map(str::trim) {
                let (key, value) = term
                    .split_once(">=")
                    .map(|(k, v)| (k.trim(), v.trim()))
                    .ok_or_else(|| format!("'{term}' is not a term such as level>=5 or effects>=physical"))?;
                match key {
                    "level" => {
                        let n: u8 = value
                            .parse()
                            .ok()
                            .filter(|n| *n <= MAX_LEVEL)
                            .ok_or_else(|| format!("'{term}': the level must be a whole number 0-{MAX_LEVEL}"))?;
                        level = Some(level.map_or(n, |l: u8| l.max(n)));
                    }
                    "effects" => {
                        let e = Effects::parse(value)
                            .ok_or_else(|| format!("'{term}': effects are one of {}", Effects::expected()))?;
                        effects = Some(effects.map_or(e, |x: Effects| x.max(e)));
                    }
                    _ => return Err(format!("'{term}': a term is about level or effects")),
                }
            }
            let level =
                level.ok_or_else(|| format!("'{}' names no level (every alternative needs one)", alt.trim()))?;
            // Kept in order, lowest level first (an insertion: no sort code in the wasm).
            let at = alternatives.iter().position(|a| *a > (level, effects)).unwrap_or(alternatives.len());
            alternatives.insert(at, (level, effects));
        }
        let table = (0..=MAX_LEVEL)
            .map(|level| {
                let mut row = [Verdict::No; EFFECT_SLOTS];
                for (s, v) in row.iter_mut().enumerate() {
                    let effects = s.checked_sub(1).map(|k| Effects::ALL[k]);
                    *v = Self::judge(&alternatives, level, effects);
                }
                row
            })
            .collect();
        Ok(Rule { alternatives, table })
    }

    fn judge(alternatives: &[(u8, Option<Effects>)], level: u8, effects: Option<Effects>) -> Verdict {
        let mut verdict = Verdict::No;
        for &(at, needs) in alternatives {
            let v = match (level >= at, needs, effects) {
                (false, ..) => Verdict::No,
                (true, None, _) => Verdict::Yes,
                (true, Some(n), Some(e)) => {
                    if e >= n {
                        Verdict::Yes
                    } else {
                        Verdict::No
                    }
                }
                (true, Some(_), None) => Verdict::Undecided,
            };
            if v == Verdict::Yes {
                return v;
            }
            if v == Verdict::Undecided {
                verdict = v;
            }
        }
        verdict
    }

    /// The verdict for an incident at `level` (on the ladder) with these effects.
    pub fn verdict(&self, level: u8, effects: Option<Effects>) -> Verdict {
        self.table[usize::from(level.min(MAX_LEVEL))][slot(effects)]
    }

    /// The lowest level at which some incident reaches the threshold.
    pub fn from(&self) -> u8 {
        self.alternatives.iter().map(|a| a.0).min().unwrap_or(MAX_LEVEL)
    }

    /// The lowest level at which every incident reaches it, whatever its effects.
    pub fn firm(&self) -> Option<u8> {
        self.alternatives.iter().filter(|a| a.1.is_none()).map(|a| a.0).min()
    }

    /// The rule in words: "level 5 or above with physical damage or worse, or level 7 or above".
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .alternatives
            .iter()
            .map(|(l, e)| match e {
                None => format!("level {l} or above"),
                Some(e) => format!("level {l} or above {}", condition(*e).0),
            })
            .collect();
        parts.join(", or ")
    }

    /// The rule in a chart label's few characters: "5+ if physical, 7+".
    pub fn short(&self) -> String {
        let parts: Vec<String> = self
            .alternatives
            .iter()
            .map(|(l, e)| match e {
                None => format!("{l}+"),
                Some(e) => format!("{l}+ {}", condition(*e).1),
            })
            .collect();
        parts.join(", ")
    }
}

/// How a rule names an effects condition, in a sentence and in a label.
fn condition(e: Effects) -> (&'static str, &'static str) {
    match e {
        Effects::None => ("whatever its effects", ""),
        Effects::Data => ("with data destroyed or worse", "if data lost"),
        Effects::Physical => ("with physical damage or worse", "if physical"),
        Effects::Injury => ("with injury or death", "if injury"),
        Effects::Death => ("with deaths", "if deaths"),
    }
}

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
    fn parse(s: &str) -> Option<Region> {
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
        matches!((&self.use_of_force, &self.armed_attack), (Some(a), Some(b)) if a.alternatives == b.alternatives)
    }

    /// The region of the ladder at `level` for an operation with physical effects (the case the
    /// readings are written for); `None` when the reading states neither threshold.
    pub fn region_at(&self, level: u8) -> Option<Region> {
        if self.use_of_force.is_none() && self.armed_attack.is_none() {
            return None;
        }
        let physical = Some(Effects::Physical);
        Some(match self.verdicts(level, physical) {
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
pub struct Policy {
    pub readings: Vec<Reading>,
    pub tiers: Vec<Tier>,
}

fn cell<'a>(table: &Table, cells: &'a [String], name: &str) -> &'a str {
    table.column(name).and_then(|c| cells.get(c)).map_or("", |s| s.trim())
}

fn sources(table: &Table, file: &str, row: usize, text: &str) -> std::result::Result<Vec<String>, String> {
    let list: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    // The browser's module carries no sources column (see the module's note).
    if list.is_empty() && table.column("sources").is_some() {
        return Err(format!("{file} row {row}: no source URL"));
    }
    match list.iter().find(|s| !s.starts_with("https://") && !s.starts_with("http://")) {
        Some(bad) => Err(format!("{file} row {row}: '{bad}' is not an http(s) URL")),
        None => Ok(list),
    }
}

/// Reads readings and tiers from their CSV text; every problem names the file, row and column.
pub fn parse(readings_csv: &str, tiers_csv: &str) -> std::result::Result<Policy, String> {
    let table = read_csv(readings_csv).map_err(|e| format!("readings.csv: {e}"))?;
    let mut readings: Vec<Reading> = Vec::new();
    for (k, row) in table.rows.iter().enumerate() {
        let get = |name: &str| cell(&table, &row.cells, name);
        let n = k + 1;
        let rule = |name: &str| match get(name) {
            "" => Ok(None),
            t => Rule::parse(t).map(Some).map_err(|m| format!("readings.csv row {n}, {name}: {m}")),
        };
        let id = get("id");
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            return Err(format!("readings.csv row {n}: the id '{id}' is not a lowercase slug"));
        }
        if readings.iter().any(|r| r.id == id) {
            return Err(format!("readings.csv row {n}: the id '{id}' is used twice"));
        }
        let contested = match (get("contested"), get("contested_threshold")) {
            ("", "") => None,
            (range, which) => {
                let (a, b) = range.split_once('-').unwrap_or((range, range));
                let level = |s: &str| s.trim().parse::<u8>().ok().filter(|l| *l <= MAX_LEVEL);
                let threshold = match which {
                    "use-of-force" => Threshold::UseOfForce,
                    "armed-attack" => Threshold::ArmedAttack,
                    _ => {
                        return Err(format!(
                            "readings.csv row {n}, contested_threshold: '{which}' is not use-of-force or armed-attack"
                        ))
                    }
                };
                match (level(a), level(b)) {
                    (Some(from), Some(to)) if from <= to => Some(Contested { from, to, threshold }),
                    _ => {
                        return Err(format!(
                            "readings.csv row {n}, contested: '{range}' is not a range of levels such as 5-6"
                        ))
                    }
                }
            }
        };
        if !KINDS.iter().any(|k| k.0 == get("kind")) {
            let known: Vec<&str> = KINDS.iter().map(|k| k.0).collect();
            return Err(format!("readings.csv row {n}, kind: '{}' is not one of {}", get("kind"), known.join(", ")));
        }
        for required in ["name", "kind", "who", "document", "date", "basis", "mapping"] {
            if get(required).is_empty() && table.column(required).is_some() {
                return Err(format!("readings.csv row {n}, {required}: is empty"));
            }
        }
        readings.push(Reading {
            id: id.to_string(),
            name: get("name").to_string(),
            kind: get("kind").to_string(),
            who: get("who").to_string(),
            document: get("document").to_string(),
            date: get("date").to_string(),
            use_of_force: rule("use_of_force")?,
            armed_attack: rule("armed_attack")?,
            contested,
            basis: get("basis").to_string(),
            mapping: get("mapping").to_string(),
            sources: sources(&table, "readings.csv", n, get("sources"))?,
        });
    }
    if readings.is_empty() {
        return Err("readings.csv has no readings".into());
    }
    let table = read_csv(tiers_csv).map_err(|e| format!("tiers.csv: {e}"))?;
    let mut tiers = Vec::new();
    for (k, row) in table.rows.iter().enumerate() {
        let get = |name: &str| cell(&table, &row.cells, name);
        let n = k + 1;
        let region = Region::parse(get("region"))
            .ok_or_else(|| format!("tiers.csv row {n}, region: '{}' is not a region of the ladder", get("region")))?;
        tiers.push(Tier {
            id: get("id").to_string(),
            region,
            name: get("name").to_string(),
            short: get("short").to_string(),
            definition: get("definition").to_string(),
            sources: sources(&table, "tiers.csv", n, get("sources"))?,
        });
    }
    Ok(Policy { readings, tiers })
}

/// The bundled readings and tiers (parsed on first use; `tests/readings.rs` keeps them valid).
pub fn policy() -> Result<&'static Policy> {
    static POLICY: OnceLock<std::result::Result<Policy, String>> = OnceLock::new();
    POLICY
        .get_or_init(|| parse(READINGS_CSV, TIERS_CSV))
        .as_ref()
        .map_err(|m| Error::File(format!("the bundled legal readings are invalid: {m}")))
}

/// The reading with this id (ignoring case), or an error naming the known ones.
pub fn find(id: &str) -> Result<&'static Reading> {
    let all = &policy()?.readings;
    let id = id.trim();
    all.iter().find(|r| r.id.eq_ignore_ascii_case(id)).ok_or_else(|| {
        let known: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
        Error::filter("reading", format!("unknown reading '{id}'; the known readings are {}", known.join(", ")))
    })
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_read_levels_and_effects() {
        let r = Rule::parse("level>=5 & effects>=physical | level>=7").unwrap();
        assert_eq!(r.verdict(5, Some(Effects::Physical)), Verdict::Yes);
        assert_eq!(r.verdict(5, Some(Effects::Data)), Verdict::No);
        assert_eq!(r.verdict(6, None), Verdict::Undecided);
        assert_eq!(r.verdict(4, None), Verdict::No);
        assert_eq!(r.verdict(7, None), Verdict::Yes);
        assert_eq!((r.from(), r.firm()), (5, Some(7)));
        assert_eq!(r.short(), "5+ if physical, 7+");
        assert_eq!(r.describe(), "level 5 or above with physical damage or worse, or level 7 or above");
        for bad in ["", "level>5", "effects>=physical", "level>=11", "effects>=smoke & level>=3", "size>=3"] {
            assert!(Rule::parse(bad).is_err(), "{bad}");
        }
    }
}
