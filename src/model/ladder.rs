//! The 0-10 escalation ladder (after DCID v2.0's severity scale), the two legal thresholds this
//! project reads onto it, and the graduated responses that belong to each region of it.

/// Highest level of the ladder.
pub const MAX_LEVEL: u8 = 10;

/// `(short label, meaning)` for each level 0-10.
pub const LEVELS: [(&str, &str); 11] = [
    ("none", "No cyber activity"),
    ("probing", "Probing or packet sniffing, no damage"),
    ("harassment", "Defacement, propaganda, denial of service, disruption"),
    ("targeted theft", "Theft of targeted critical information from one network"),
    ("widespread intrusion", "Intrusion across many government, economic, military or critical networks"),
    ("attempted destruction", "Critical network infiltration with attempted destruction"),
    ("destruction", "Critical network infiltration with widespread destruction"),
    ("minimal death", "Deaths as a direct result"),
    ("economic disruption", "Critical national economic disruption"),
    ("infrastructure destroyed", "Critical national infrastructure destroyed"),
    ("massive death", "Over 100 deaths as a direct result"),
];

/// Lowest level read as a "use of force" (UN Charter Art. 2(4)): effects like a kinetic attack.
pub const USE_OF_FORCE: u8 = 7;
/// Lowest level read as an "armed attack" (UN Charter Art. 51; collective-defence treaties).
pub const ARMED_ATTACK: u8 = 9;

// The thresholds must sit on the ladder, use of force below armed attack.
const _: () = assert!(USE_OF_FORCE < ARMED_ATTACK && ARMED_ATTACK <= MAX_LEVEL);

/// A region of the ladder and the response that fits it.
#[derive(Clone, Copy, Debug)]
pub struct ResponseBand {
    pub from: u8,
    pub to: u8,
    /// Label candidates from longest to shortest ('\n' breaks a line); the chart uses the first that fits.
    pub labels: &'static [&'static str],
}

/// Graduated responses, lowest first; together they cover 0-10 without gaps.
pub const RESPONSE_BANDS: [ResponseBand; 5] = [
    ResponseBand {
        from: 0,
        to: 2,
        labels: &["Attribution, statements", "Attribution,\nstatements", "Attribution", "Attrib."],
    },
    ResponseBand {
        from: 3,
        to: 4,
        labels: &["Indictments, sanctions", "Indictments,\nsanctions", "Sanctions", "Sanct."],
    },
    ResponseBand { from: 5, to: 6, labels: &["Countermeasures", "Counter-\nmeasures", "Counter"] },
    ResponseBand { from: 7, to: 8, labels: &["Reprisals", "Repr."] },
    ResponseBand { from: 9, to: 10, labels: &["Self-defence", "Self-\ndefence", "Def."] },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_cover_the_ladder_once() {
        let mut next = 0;
        for b in RESPONSE_BANDS {
            assert_eq!(b.from, next);
            assert!(b.to >= b.from);
            next = b.to + 1;
        }
        assert_eq!(next, MAX_LEVEL + 1);
        assert_eq!(RESPONSE_BANDS[3].from, USE_OF_FORCE);
        assert_eq!(RESPONSE_BANDS[4].from, ARMED_ATTACK);
    }
}
