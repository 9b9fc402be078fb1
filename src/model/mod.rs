//! The incident record and the closed vocabularies it is coded in: countries, target types,
//! methods, objectives, partial dates, and the 0-10 escalation ladder with its thresholds.

mod aliases;
mod countries;
mod date;
mod ladder;
mod scale;

pub use date::{chronological, PartialDate, Precision, EARLIEST_YEAR, LATEST_YEAR};
pub use ladder::{LEVELS, MAX_LEVEL};
pub use scale::{Scale, MAX_SCALE};

use countries::COUNTRIES;
use serde::Serialize;
use std::sync::LazyLock;

/// A state, as an index into the ISO 3166-1 table: cheap to copy, compare and count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country(u16);

impl Country {
    /// Recognises an ISO alpha-3 or alpha-2 code, a Correlates of War number, the English short
    /// or ISO name, or a common variant ("DPRK", "N Korea", "Korea (Republic of)", "Russian
    /// Federation" ...), ignoring case, surrounding spaces and quotes.
    pub fn parse(text: &str) -> Option<Country> {
        let mut t = crate::strs::trim(text);
        if t.starts_with(['"', '\'']) || t.ends_with(['"', '\'']) {
            t = t.trim_matches(['"', '\'']).trim();
        }
        if t.is_empty() {
            return None;
        }
        if t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            return Country::from_cow(t);
        }
        Country::parse_exact(t)
            .or_else(|| aliases::alias(t).and_then(Country::parse_exact))
            // "Korea (Democratic People's Republic of)" is the ISO name with parentheses.
            .or_else(|| {
                let (head, rest) = crate::strs::split_once(t, " (")?;
                Country::parse_exact(&format!("{head}, {}", rest.strip_suffix(')')?))
            })
    }

    /// A Correlates of War country code (`731` is North Korea).
    pub fn from_cow(code: &str) -> Option<Country> {
        // `trim_end_matches(".0")` without a string searcher (see crate::strs).
        let mut t = code.trim();
        while let Some(rest) = t.strip_suffix(".0") {
            t = rest;
        }
        let n: u16 = t.parse().ok()?;
        aliases::cow(n).and_then(Country::parse_exact)
    }

    /// The stand-in for a state a source names but that could not be recognised.
    pub fn unknown() -> Country {
        Country::parse_exact("XXX").unwrap_or(Country(0))
    }

    pub fn is_unknown(self) -> bool {
        self.code() == "XXX"
    }

    fn parse_exact(t: &str) -> Option<Country> {
        static INDEX: LazyLock<Index> = LazyLock::new(Index::new);
        INDEX.get(t).map(Country)
    }

    /// ISO 3166-1 alpha-3 code, e.g. `PRK`.
    pub fn code(self) -> &'static str {
        COUNTRIES[self.0 as usize].0
    }

    /// The short English name readers use, e.g. `North Korea`.
    pub fn name(self) -> &'static str {
        COUNTRIES[self.0 as usize].2
    }

    /// Position in the country table, for dense per-country arrays.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The country at `index` in the table ([`Country::index`]), or `None` past its end.
    pub fn from_index(index: usize) -> Option<Country> {
        (index < COUNTRIES.len()).then_some(Country(index as u16))
    }

    /// How many countries the table holds (the length a dense per-country array needs).
    pub fn count() -> usize {
        COUNTRIES.len()
    }
}

/// Every code and name of the country table, ASCII case folded, to its row: built once, so an
/// import of a million rows finds each name in a probe or two instead of scanning 250 rows for it.
/// An open-addressing table hashed with FNV-1a rather than a `HashMap`: the keys are the table's
/// own, so SipHash's guard against keys chosen to collide buys nothing, and the explorer module
/// carries neither it nor a map's code for it (about 1.5 KB gzip).
struct Index {
    /// `(key, row)`, an empty key where the slot is free; [`INDEX_SLOTS`] of them.
    slots: Vec<(String, u16)>,
}

/// A power of two over twice the number of keys (777), so probes stay short and always end.
const INDEX_SLOTS: usize = 2048;

impl Index {
    fn new() -> Index {
        let mut index = Index { slots: vec![(String::new(), 0); INDEX_SLOTS] };
        for (k, c) in COUNTRIES.iter().enumerate() {
            for key in [c.0, c.1, c.2, c.3].into_iter().filter(|key| !key.is_empty()) {
                let at = index.slot(key);
                // A key two rows share stays the first row's.
                if index.slots[at].0.is_empty() {
                    index.slots[at] = (key.to_ascii_lowercase(), k as u16);
                }
            }
        }
        index
    }

    /// The slot holding `key` (ignoring ASCII case), or the free one where it would go.
    fn slot(&self, key: &str) -> usize {
        let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
        });
        let mut at = hash as usize;
        loop {
            at &= INDEX_SLOTS - 1;
            let (k, _) = &self.slots[at];
            if k.is_empty() || k.eq_ignore_ascii_case(key) {
                return at;
            }
            at += 1;
        }
    }

    fn get(&self, key: &str) -> Option<u16> {
        let (k, row) = &self.slots[self.slot(key)];
        (!k.is_empty()).then_some(*row)
    }
}

/// Where `text` (ignoring case and surrounding spaces) is in `slugs`.
fn slug_at(slugs: &[&str], text: &str) -> Option<usize> {
    let t = text.trim();
    slugs.iter().position(|s| s.eq_ignore_ascii_case(t))
}

/// Declares a closed vocabulary: a fieldless enum with a stable slug (used in files, filters and
/// the API) and a human label (used in the page).
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $slug:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The slugs of [`Self::ALL`], in the same order: parsing and listing them goes
            /// through one function for every vocabulary rather than a copy per enum.
            const SLUGS: &'static [&'static str] = &[$($slug),+];

            /// The identifier used in data files, filters and the API.
            pub fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }

            /// The label shown to readers.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Parses a slug (ignoring case and surrounding spaces).
            pub fn parse(text: &str) -> Option<$name> {
                slug_at(Self::SLUGS, text).and_then(|i| Self::ALL.get(i).copied())
            }

            /// The accepted slugs, for error messages.
            pub fn expected() -> String {
                Self::SLUGS.join(", ")
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.slug())
            }
        }
    };
}

vocabulary! {
    /// Who was hit, in DCID's three classes.
    TargetType {
        Private = "private", "Private / non-state";
        Government = "government", "Government (non-military)";
        Military = "military", "Government (military)";
    }
}

vocabulary! {
    /// How the operation worked; DCID's method codes 1-4 with the infiltration sub-kinds 4.1-4.4.
    Method {
        Vandalism = "vandalism", "Vandalism / defacement";
        Ddos = "ddos", "Denial of service";
        Intrusion = "intrusion", "Network intrusion";
        Infiltration = "infiltration", "Infiltration (malware)";
        Wiper = "wiper", "Wiper / logic bomb";
        Virus = "virus", "Virus";
        Worm = "worm", "Worm";
        Keylogger = "keylogger", "Keylogging";
    }
}

vocabulary! {
    /// What the operation was for; DCID's objectives plus theft of money, common for North Korea.
    Objective {
        Disruption = "disruption", "Disruption";
        ShortTermEspionage = "short-term-espionage", "Short-term espionage";
        LongTermEspionage = "long-term-espionage", "Long-term espionage";
        Degradation = "degradation", "Degradation";
        Theft = "theft", "Theft of money or crypto-assets";
    }
}

vocabulary! {
    /// What an operation did physically, mildest first: the legal readings of "use of force" and
    /// "armed attack" turn on it, and the ladder's levels 5-6 mix data wipers with sabotage.
    Effects {
        None = "none", "No physical effect";
        Data = "data", "Data destroyed or encrypted";
        Physical = "physical", "Damage to objects or equipment";
        Injury = "injury", "People injured";
        Death = "death", "People killed";
    }
}

vocabulary! {
    /// How firmly the operation is attributed to its initiator, firmest first: a chart draws the
    /// last hollow, so it never presents a contested attribution as settled.
    Certainty {
        Confirmed = "confirmed", "Confirmed by a government, court or the UN";
        Vendor = "vendor", "Attributed by security firms only";
        Suspected = "suspected", "Suspected or contested";
    }
}

vocabulary! {
    /// How a chart splits into small multiples to compare states (`compare` in attributes and
    /// links): a panel per initiator or per target.
    Split {
        Initiator = "initiator", "By initiator";
        Target = "target", "By target";
    }
}

vocabulary! {
    /// Why an incident is in the bundled dataset (`data/CODING.md`, Scope): it involves the Korean
    /// Peninsula, or it is a reference incident elsewhere, chosen to anchor a level of the ladder.
    /// Comparisons between states should know which is which.
    Scope {
        Peninsula = "peninsula", "Korean Peninsula";
        Reference = "reference", "Reference incident (outside Korea)";
    }
}

vocabulary! {
    /// What a state or an international body publicly did about an incident (`data/responses.csv`,
    /// coded as `data/RESPONSES.md` says), mildest first. `none-known` is the row an incident gets
    /// when no response was found; it is never a response itself.
    ResponseKind {
        NoneKnown = "none-known", "No response known";
        Other = "other", "Statement without attribution";
        Attribution = "attribution", "Public attribution";
        UnFinding = "un-finding", "UN or multilateral finding";
        JointAttribution = "joint-attribution", "Joint attribution";
        Diplomatic = "diplomatic", "Diplomatic measure";
        Indictment = "indictment", "Indictment or complaint";
        Seizure = "seizure", "Seizure or forfeiture";
        Sanctions = "sanctions", "Sanctions designation";
        Countermeasure = "countermeasure", "Countermeasure";
    }
}

impl ResponseKind {
    /// The response's bit in a set of kinds (see [`crate::store::Store::response_kinds`]); 0 for
    /// `none-known`, which an incident has exactly when its set is empty.
    pub fn bit(self) -> u16 {
        match self {
            ResponseKind::NoneKnown => 0,
            k => 1 << (k as u16),
        }
    }

    /// Which of the graduated responses of `data/tiers.csv` the act belongs to (its id there);
    /// `None` for a statement that names no state, and for `none-known`.
    pub fn tier(self) -> Option<&'static str> {
        Some(match self {
            ResponseKind::NoneKnown | ResponseKind::Other => return None,
            ResponseKind::Attribution | ResponseKind::UnFinding | ResponseKind::JointAttribution => "attribution",
            ResponseKind::Diplomatic => "retorsion",
            ResponseKind::Indictment | ResponseKind::Seizure => "indictments",
            ResponseKind::Sanctions => "sanctions",
            ResponseKind::Countermeasure => "countermeasures",
        })
    }

    /// The kinds in a set, mildest first.
    pub fn in_set(set: u16) -> impl Iterator<Item = ResponseKind> {
        ResponseKind::ALL.iter().copied().filter(move |k| k.bit() & set != 0)
    }

    /// Whether the kind names the state responsible (a public, joint or UN attribution).
    pub fn attributes(self) -> bool {
        matches!(self, ResponseKind::Attribution | ResponseKind::UnFinding | ResponseKind::JointAttribution)
    }

    /// Whether the kind is a legal measure against named people or assets.
    pub fn legal(self) -> bool {
        matches!(self, ResponseKind::Indictment | ResponseKind::Seizure | ResponseKind::Sanctions)
    }
}

vocabulary! {
    /// What a context event on the peninsula was (`data/context.csv`).
    ContextKind {
        NuclearTest = "nuclear-test", "Nuclear test";
        MissileTest = "missile-test", "Missile or rocket launch";
        MilitaryClash = "military-clash", "Military clash";
        Crisis = "crisis", "Crisis";
        Diplomacy = "diplomacy", "Diplomacy";
        Other = "other", "Other event";
    }
}

/// One state cyber operation, as the core holds it after import.
#[derive(Clone, Debug, PartialEq)]
pub struct Incident {
    pub id: String,
    pub name: String,
    /// When it began; `None`: undated (the source gave no readable date). Undated incidents count
    /// everywhere except the timeline and a narrowed year range.
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub initiator: Country,
    /// Main target first; never empty after import.
    pub targets: Vec<Country>,
    pub target_type: Option<TargetType>,
    pub method: Option<Method>,
    pub objective: Option<Objective>,
    /// Level on the dataset's [`Scale`] (the 0-10 ladder unless the source has its own);
    /// `None` means "not coded" (counted, never dropped).
    pub severity: Option<u8>,
    /// What it did physically; `None` means not coded.
    pub effects: Option<Effects>,
    pub rationale: String,
    pub attributed_by: String,
    pub attribution_date: Option<PartialDate>,
    /// How firm the attribution is; `None` means not coded.
    pub certainty: Option<Certainty>,
    /// Why it is in the data; `None` means not coded (other datasets).
    pub scope: Option<Scope>,
    pub description: String,
    pub sources: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_parse_by_code_and_name() {
        let prk = Country::parse("prk").unwrap();
        assert_eq!(prk.code(), "PRK");
        assert_eq!(prk.name(), "North Korea");
        assert_eq!(Country::parse(" KR "), Country::parse("KOR"));
        assert_eq!(Country::parse("South Korea").unwrap().code(), "KOR");
        assert_eq!(Country::parse("Korea, Republic of").unwrap().code(), "KOR");
        assert_eq!(Country::parse("XYZ"), None);
        for (variant, code) in [
            ("DPRK", "PRK"),
            ("N Korea", "PRK"),
            ("Korea (Democratic People's Republic of)", "PRK"),
            ("Korea, Democratic People's Republic of", "PRK"),
            ("North Korea", "PRK"),
            ("S Korea", "KOR"),
            ("ROK", "KOR"),
            ("Republic of Korea", "KOR"),
            ("US", "USA"),
            ("United States of America", "USA"),
            ("UK", "GBR"),
            ("Russian Federation", "RUS"),
            ("Iran (Islamic Republic of)", "IRN"),
            ("'Japan'", "JPN"),
        ] {
            assert_eq!(Country::parse(variant).map(|c| c.code()), Some(code), "{variant}");
        }
        assert_eq!(Country::from_cow("731").map(|c| c.code()), Some("PRK"));
        assert_eq!(Country::from_cow("2").map(|c| c.code()), Some("USA"));
        assert_eq!(Country::from_cow("9999"), None);
        assert_eq!(Country::parse("731").map(|c| c.code()), Some("PRK"));
        assert_eq!(Country::parse("732.0").map(|c| c.code()), Some("KOR"));
        assert!(Country::unknown().is_unknown());
        assert_eq!(Country::unknown().name(), "Unknown");
        assert_eq!(Country::parse(""), None);
    }

    #[test]
    fn vocabularies_round_trip() {
        for m in Method::ALL {
            assert_eq!(Method::parse(m.slug()), Some(*m));
        }
        assert_eq!(Objective::parse("THEFT"), Some(Objective::Theft));
        assert_eq!(TargetType::parse("navy"), None);
        assert!(Method::expected().contains("ddos"));
    }
}
