//! What both charts draw of the active legal reading: tinted regions beyond each threshold
//! (lighter where the answer turns on physical effects), a labelled line per threshold, the
//! contested range, and the response tiers under the spectrum's axis. Worked out here once, in
//! levels; each chart turns levels into its own pixels.

use super::Theme;
use crate::model::{Effects, MAX_LEVEL};
use crate::reading::{self, Reading, Rule, Threshold, Verdict};
use plotters::prelude::RGBColor;

/// A run of levels tinted in one threshold's colour.
pub struct Tint {
    pub from: u8,
    pub to: u8,
    pub color: RGBColor,
    pub alpha: f64,
}

/// The tinted runs: solid where every incident reaches the threshold, light where only those
/// with the required effects do.
pub fn tints(r: &Reading, t: &Theme) -> Vec<Tint> {
    let mut out: Vec<Tint> = Vec::new();
    for level in 0..=MAX_LEVEL {
        let at = |rule: &Option<Rule>| rule.as_ref().map(|r| r.verdict(level, None));
        let style = match (at(&r.use_of_force), at(&r.armed_attack)) {
            (_, Some(Verdict::Yes)) => Some((t.armed_attack, 0.08)),
            (Some(Verdict::Yes), Some(Verdict::Undecided)) => Some((t.armed_attack, 0.05)),
            (Some(Verdict::Yes), _) => Some((t.use_of_force, 0.07)),
            (_, Some(Verdict::Undecided)) => Some((t.armed_attack, 0.035)),
            (Some(Verdict::Undecided), _) => Some((t.use_of_force, 0.035)),
            _ => None,
        };
        let Some((color, alpha)) = style else { continue };
        match out.last_mut() {
            Some(last) if last.to + 1 == level && last.color == color && last.alpha == alpha => last.to = level,
            _ => out.push(Tint { from: level, to: level, color, alpha }),
        }
    }
    out
}

/// Where a reading's answer turns on physical effects (the lighter shading), the colour of the
/// ring around an incident's mark: the threshold its effects take it over (armed attack first),
/// muted when its effects are not coded, none when they keep it below.
pub fn ring(r: &Reading, t: &Theme, level: u8, effects: Option<Effects>) -> Option<RGBColor> {
    let turns = |rule: &Option<Rule>| rule.as_ref().is_some_and(|x| x.verdict(level, None) == Verdict::Undecided);
    if !turns(&r.use_of_force) && !turns(&r.armed_attack) {
        return None;
    }
    match r.verdicts(level, effects) {
        (_, Some(Verdict::Yes)) => Some(t.armed_attack),
        (Some(Verdict::Yes), _) => Some(t.use_of_force),
        (Some(Verdict::Undecided), _) | (_, Some(Verdict::Undecided)) => Some(t.muted),
        _ => None,
    }
}

/// A threshold's line: where it starts, where it holds whatever the effects, and its label
/// from longest to shortest.
pub struct Line {
    pub level: u8,
    pub firm: Option<u8>,
    pub color: RGBColor,
    pub labels: Vec<String>,
    /// Drawn on the second label row.
    pub lower: bool,
}

pub fn lines(r: &Reading, t: &Theme) -> Vec<Line> {
    let line = |rule: &Rule, name: &str, tiny: &str, color, lower| {
        let short = rule.short();
        let simple = rule.firm() == Some(rule.from());
        Line {
            level: rule.from(),
            firm: rule.firm().filter(|f| *f != rule.from()),
            color,
            labels: vec![
                format!("{name} ({}{short})", if simple { "level " } else { "" }),
                format!("{name} ({short})"),
                format!("{name} ({}+)", rule.from()),
                name.to_string(),
                tiny.to_string(),
            ],
            lower,
        }
    };
    if r.no_gap() {
        let rule =
            r.armed_attack.as_ref().map(|a| line(a, "Use of force = armed attack", "Force", t.armed_attack, false));
        return rule.into_iter().collect();
    }
    let mut out = Vec::new();
    if let Some(u) = &r.use_of_force {
        out.push(line(u, "Use of force", "Force", t.use_of_force, false));
    }
    if let Some(a) = &r.armed_attack {
        out.push(line(a, "Armed attack", "Attack", t.armed_attack, r.use_of_force.is_some()));
    }
    out
}

/// The contested range with its colour and label candidates.
pub fn contested(r: &Reading, t: &Theme) -> Option<(u8, u8, RGBColor, [&'static str; 3])> {
    r.contested.map(|c| match c.threshold {
        Threshold::UseOfForce => (c.from, c.to, t.use_of_force, ["Contested: use of force?", "Use of force?", "?"]),
        Threshold::ArmedAttack => (c.from, c.to, t.armed_attack, ["Contested: armed attack?", "Armed attack?", "?"]),
    })
}

/// The response bands under the spectrum: each region's run of levels and its label candidates,
/// longest first (`\n` breaks a line), made of the tiers' words from the data.
pub fn bands(r: &Reading) -> Vec<(u8, u8, Vec<String>)> {
    let tiers = reading::policy().map(|p| p.tiers.as_slice()).unwrap_or(&[]);
    let regions = r.regions();
    if regions.is_empty() {
        let all = vec![
            format!("{}: no threshold stated, so no tiers placed", r.name),
            "No thresholds stated".to_string(),
            "None stated".to_string(),
        ];
        return vec![(0, MAX_LEVEL, all)];
    }
    regions
        .into_iter()
        .map(|(from, to, region)| {
            let in_region: Vec<_> = tiers.iter().filter(|t| t.region == region).collect();
            let shorts: Vec<&str> = in_region.iter().map(|t| t.short.as_str()).collect();
            let half = shorts.len().div_ceil(2);
            let joined = shorts.join(", ");
            let mut labels = vec![joined.clone()];
            if shorts.len() > 1 {
                labels.push(format!("{},\n{}", shorts[..half].join(", "), shorts[half..].join(", ")));
            } else {
                labels.push(crate::strs::replace_first(&joined, ", ", ",\n"));
            }
            if let Some(first) = shorts.first() {
                if shorts.len() > 1 {
                    labels.push(format!("{first} \u{2026}"));
                }
                let word = first.split(',').next().unwrap_or(first);
                labels.push(word.to_string());
                labels.extend(hyphenate(word));
            }
            (from, to, labels)
        })
        .collect()
}

/// A long word broken over two lines with a hyphen ("Counter-\nmeasures"), for the narrowest
/// bands: at an existing hyphen, else between two consonants nearest the middle.
fn hyphenate(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    if let Some(at) = word.find('-') {
        let (head, tail) = crate::strs::around(word, at + 1, 0);
        return Some(format!("{head}\n{tail}"));
    }
    if chars.len() < 10 {
        return None;
    }
    // ASCII letters only: the words are the bundled tiers' (English, ASCII, as the test below
    // checks), and `char::is_alphabetic` would bring Unicode's letter table into the module.
    let consonant = |c: char| c.is_ascii_alphabetic() && !"aeiouyAEIOUY".chars().any(|v| v == c);
    let mid = chars.len() / 2;
    (3..chars.len() - 3)
        .filter(|&i| consonant(chars[i - 1]) && consonant(chars[i]))
        .min_by_key(|&i| i.abs_diff(mid))
        .map(|i| format!("{}-\n{}", chars[..i].iter().collect::<String>(), chars[i..].iter().collect::<String>()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_words_break_where_a_reader_expects() {
        assert_eq!(super::hyphenate("Countermeasures").as_deref(), Some("Counter-\nmeasures"));
        assert_eq!(super::hyphenate("Self-defence").as_deref(), Some("Self-\ndefence"));
        assert_eq!(super::hyphenate("Sanctions"), None);
    }

    #[test]
    fn tier_words_are_ascii_as_hyphenate_assumes() {
        for tier in &crate::reading::policy().unwrap().tiers {
            assert!(tier.short.is_ascii(), "{}", tier.short);
        }
    }
}
