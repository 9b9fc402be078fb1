//! The legal readings and response tiers as the browser's module carries them
//! (`src/reading/bundled.parts`, written by `cargo run --bin schema`; see [`crate::bytes`]): names
//! and rules, already read and checked natively, so the module has neither their words nor the
//! reader of `data/readings.csv` and its checks.
//!
//! The number of readings, then for each its id, name, kind (in [`KINDS`]), use-of-force and
//! armed-attack rules and contested range; then the number of tiers, each with its id, region,
//! name and short label. A rule is its number of alternatives (0: no rule), each a level and
//! effects (0: any, else 1 + its place in [`Effects::ALL`]); a contested range is its threshold
//! (0: none, 1: use of force, 2: armed attack), then its first and last level.

use super::{Contested, Policy, Reading, Region, Rule, Threshold, Tier, KINDS};
use crate::bytes::{Reader, Writer};
use crate::error::Result;
use crate::model::{Effects, MAX_LEVEL};

const REGIONS: [Region; 3] = [Region::BelowUseOfForce, Region::Between, Region::ArmedAttack];
const THRESHOLDS: [Option<Threshold>; 3] = [None, Some(Threshold::UseOfForce), Some(Threshold::ArmedAttack)];

/// The policy's names and rules in the form above.
pub fn to_bytes(policy: &Policy) -> Vec<u8> {
    let mut w = Writer::default();
    let rule = |w: &mut Writer, r: &Option<Rule>| {
        let alternatives = r.as_ref().map_or(&[][..], Rule::alternatives);
        w.byte(alternatives.len() as u8);
        for (level, effects) in alternatives {
            w.byte(*level);
            w.byte(effects.map_or(0, |e| 1 + Effects::ALL.iter().position(|x| *x == e).unwrap_or(0) as u8));
        }
    };
    w.u16(policy.readings.len());
    for r in &policy.readings {
        w.text(&r.id);
        w.text(&r.name);
        w.byte(KINDS.iter().position(|k| k.0 == r.kind).unwrap_or(0) as u8);
        rule(&mut w, &r.use_of_force);
        rule(&mut w, &r.armed_attack);
        w.pick(&THRESHOLDS, &r.contested.map(|c| c.threshold));
        let (from, to) = r.contested.map_or((0, 0), |c| (c.from, c.to));
        w.byte(from);
        w.byte(to);
    }
    w.u16(policy.tiers.len());
    for t in &policy.tiers {
        w.text(&t.id);
        w.pick(&REGIONS, &t.region);
        w.text(&t.name);
        w.text(&t.short);
    }
    w.0
}

/// Reads [`to_bytes`]; the words are left empty.
pub fn from_bytes(bytes: &[u8]) -> Result<Policy> {
    let b = &mut Reader::new(bytes, "src/reading/bundled.parts (run `cargo run --bin schema`)");
    let level = |b: &mut Reader| b.byte().and_then(|l| (l <= MAX_LEVEL).then_some(l).ok_or_else(|| b.damaged()));
    let rule = |b: &mut Reader| -> Result<Option<Rule>> {
        let mut alternatives = Vec::new();
        for _ in 0..b.byte()? {
            let at = level(b)?;
            let effects = match b.byte()? {
                0 => None,
                e => Some(*Effects::ALL.get(usize::from(e) - 1).ok_or_else(|| b.damaged())?),
            };
            alternatives.push((at, effects));
        }
        Ok((!alternatives.is_empty()).then(|| Rule::new(alternatives)))
    };
    let mut readings = Vec::new();
    for _ in 0..b.u16()? {
        let (id, name) = (b.text()?, b.text()?);
        let kind = b.pick(&KINDS)?.0.to_string();
        let (use_of_force, armed_attack) = (rule(b)?, rule(b)?);
        let threshold = b.pick(&THRESHOLDS)?;
        let (from, to) = (level(b)?, level(b)?);
        let contested = threshold.map(|threshold| Contested { from, to, threshold });
        let (who, document, date, basis, mapping, sources) = Default::default();
        readings.push(Reading {
            id,
            name,
            kind,
            who,
            document,
            date,
            use_of_force,
            armed_attack,
            contested,
            basis,
            mapping,
            sources,
        });
    }
    let mut tiers = Vec::new();
    for _ in 0..b.u16()? {
        let (id, region, name, short) = (b.text()?, b.pick(&REGIONS)?, b.text()?, b.text()?);
        tiers.push(Tier { id, region, name, short, definition: String::new(), sources: Vec::new() });
    }
    b.end()?;
    Ok(Policy { readings, tiers })
}
