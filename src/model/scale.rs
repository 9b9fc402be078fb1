//! The scale an incident's severity is read on. The project's data, DCID and mapped files use the
//! 0-10 escalation ladder with its legal thresholds; EuRepoC scores incidents on its own weighted
//! intensity, which has no thresholds and must never be shown as if it were the ladder.

use super::ladder::{LEVELS, MAX_LEVEL};
use serde::Serialize;

/// Largest value a non-ladder scale may reach; higher scores are kept as not coded, with a warning.
pub const MAX_SCALE: u8 = 40;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scale {
    /// `ladder` or `eurepoc-intensity`.
    pub key: &'static str,
    /// What the scale is, in a sentence's words.
    pub name: &'static str,
    /// Axis title.
    pub short: &'static str,
    /// Values run from 0 to `max`, whole numbers.
    pub max: u8,
    /// Whether the legal readings of the thresholds apply: only on the ladder.
    pub readings: bool,
}

impl Default for Scale {
    fn default() -> Scale {
        Scale::LADDER
    }
}

impl Scale {
    pub const LADDER: Scale = Scale {
        key: "ladder",
        name: "the 0-10 escalation ladder",
        short: "Severity (0-10)",
        max: MAX_LEVEL,
        readings: true,
    };

    /// EuRepoC's weighted cyber intensity, running up to `max` (the highest score in the file).
    pub fn eurepoc(max: u8) -> Scale {
        Scale {
            key: "eurepoc-intensity",
            name: "EuRepoC's weighted cyber intensity (its own scale, not the 0-10 ladder)",
            short: "EuRepoC intensity",
            max: max.clamp(1, MAX_SCALE),
            readings: false,
        }
    }

    /// The scale named by `key` (as [`Scale::key`] gives it) reaching up to `max`.
    pub fn from_key(key: &str, max: u8) -> Option<Scale> {
        match key {
            "ladder" => Some(Scale::LADDER),
            "eurepoc-intensity" => Some(Scale::eurepoc(max)),
            _ => None,
        }
    }

    pub fn is_ladder(&self) -> bool {
        self.key == Scale::LADDER.key
    }

    /// Short name of a level; only ladder levels have one.
    pub fn level_name(&self, level: u8) -> Option<&'static str> {
        self.is_ladder().then(|| LEVELS.get(usize::from(level)).map(|l| l.0)).flatten()
    }

    /// What a level means; for other scales, just its place on the scale.
    pub fn level_meaning(&self, level: u8) -> String {
        match LEVELS.get(usize::from(level)).filter(|_| self.is_ladder()) {
            Some(l) => l.1.to_string(),
            None => format!("{level} of {} on {}", self.max, self.short),
        }
    }

    /// Levels 0 to `max`.
    pub fn levels(&self) -> impl Iterator<Item = u8> {
        0..=self.max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_ladder_has_names_and_thresholds() {
        assert_eq!(Scale::LADDER.level_name(7), Some("minimal death"));
        let e = Scale::eurepoc(12);
        assert_eq!((e.max, e.readings, e.level_name(3)), (12, false, None));
        assert_eq!(Scale::eurepoc(0).max, 1);
        assert_eq!(Scale::eurepoc(200).max, MAX_SCALE);
        assert!(e.level_meaning(3).contains("3 of 12"));
        assert_eq!(e.levels().count(), 13);
    }
}
