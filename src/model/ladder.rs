//! The 0-10 escalation ladder (after DCID v2.0's severity scale). Where the legal thresholds fall
//! on it depends on whose reading is taken: see `crate::reading`.

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
