//! A threshold as a reading states it: a rule over an incident's level and physical effects,
//! with its verdict for every level and effects value worked out once.

use crate::model::{Effects, MAX_LEVEL};
use serde::Serialize;

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
        Ok(Rule::new(alternatives))
    }

    /// The rule of these alternatives (`level at least`, `effects at least`), lowest level first.
    pub fn new(alternatives: Vec<(u8, Option<Effects>)>) -> Rule {
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
        Rule { alternatives, table }
    }

    /// The alternatives, any of which suffices: `(level at least, effects at least)`.
    pub fn alternatives(&self) -> &[(u8, Option<Effects>)] {
        &self.alternatives
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
