//! The reader's selection: a plain object in the API, checked once and compiled into fast tests.

use crate::error::{Error, Result};
use crate::model::{Country, Method, Objective, Scale, TargetType};
use crate::store::Store;
use serde::{Deserialize, Serialize};

/// Every field is optional; an absent field or an empty list does not constrain. Unknown fields are
/// refused so that a typo (`initiator` for `initiators`) is reported instead of silently ignored.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Filter {
    /// First year included (by start date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<i32>,
    /// Last year included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
    /// Initiator states, ISO alpha-3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initiators: Option<Vec<String>>,
    /// Target states, ISO alpha-3; an incident matches when any of its targets is listed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub methods: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub objectives: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_types: Option<Vec<String>>,
    /// Lowest level included. Setting either severity bound leaves out incidents not coded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_severity: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_severity: Option<u8>,
    /// Case-insensitive text matched against names and ids.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
}

/// A filter checked against the vocabularies, ready to test incidents.
#[derive(Debug)]
pub struct Compiled {
    from: i32,
    to: i32,
    initiators: Option<Vec<bool>>,
    targets: Option<Vec<bool>>,
    methods: Option<Vec<Method>>,
    objectives: Option<Vec<Objective>>,
    target_types: Option<Vec<TargetType>>,
    severity: Option<(u8, u8)>,
    search: Option<String>,
}

fn countries(field: &str, list: &Option<Vec<String>>) -> Result<Option<Vec<bool>>> {
    let Some(list) = list.as_ref().filter(|l| !l.is_empty()) else { return Ok(None) };
    let mut set = vec![false; Country::count()];
    for code in list {
        let c = Country::parse(code).ok_or_else(|| {
            Error::filter(field, format!("unknown country '{code}' (use ISO alpha-3 codes such as PRK)"))
        })?;
        set[c.index()] = true;
    }
    Ok(Some(set))
}

fn vocab<T>(
    field: &str,
    list: &Option<Vec<String>>,
    parse: fn(&str) -> Option<T>,
    expected: fn() -> String,
) -> Result<Option<Vec<T>>> {
    let Some(list) = list.as_ref().filter(|l| !l.is_empty()) else { return Ok(None) };
    list.iter()
        .map(|s| parse(s).ok_or_else(|| Error::filter(field, format!("'{s}' is not one of: {}", expected()))))
        .collect::<Result<Vec<T>>>()
        .map(Some)
}

impl Filter {
    /// The field names a filter object may carry, as JavaScript spells them.
    pub const FIELDS: [&'static str; 10] = [
        "from",
        "to",
        "initiators",
        "targets",
        "methods",
        "objectives",
        "targetTypes",
        "minSeverity",
        "maxSeverity",
        "search",
    ];

    /// Refuses a key that is not a filter field. Needed where a deserializer reads only the
    /// fields it knows (serde-wasm-bindgen does) and would otherwise ignore a typo silently.
    pub fn check_keys<'k>(keys: impl IntoIterator<Item = &'k str>) -> Result<()> {
        for key in keys {
            if !Self::FIELDS.contains(&key) {
                return Err(Error::filter(
                    key,
                    format!("unknown field `{key}`, expected one of: {}", Self::FIELDS.join(", ")),
                ));
            }
        }
        Ok(())
    }

    /// Each filter field's name as an HTML attribute, a link parameter and a command-line option
    /// (`--min-severity`), with the field it sets.
    pub const PARAMS: [(&'static str, &'static str); 10] = [
        ("from", "from"),
        ("to", "to"),
        ("initiators", "initiators"),
        ("targets", "targets"),
        ("methods", "methods"),
        ("objectives", "objectives"),
        ("target-types", "targetTypes"),
        ("min-severity", "minSeverity"),
        ("max-severity", "maxSeverity"),
        ("search", "search"),
    ];

    /// The parameter name of a filter field (`targetTypes` -> `target-types`).
    pub fn param_of(field: &str) -> &str {
        Self::PARAMS.iter().find(|(_, f)| *f == field).map_or(field, |(p, _)| p)
    }

    /// A filter from text parameters as attributes, links and the command line carry them: lists
    /// are comma-separated, years and levels are whole numbers, an empty value sets nothing.
    /// Parameters that are not filter fields (`view`, `src` ...) are the caller's and skipped.
    /// Errors name the parameter and its value.
    pub fn from_params<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Filter> {
        let mut f = Filter::default();
        for (name, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let bad = |what: &str| Error::Argument(format!("{name}=\"{value}\": {what}"));
            let list =
                || Some(value.split(',').map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect::<Vec<_>>());
            let year = || -> Result<Option<i32>> {
                value
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (1000..=9999).contains(y))
                    .map(Some)
                    .ok_or_else(|| bad("not a year (expected four digits such as 2013)"))
            };
            let level = || -> Result<Option<u8>> {
                value
                    .parse::<u8>()
                    .ok()
                    .map(Some)
                    .ok_or_else(|| bad("not a severity level (expected a whole number such as 7)"))
            };
            match name {
                "from" => f.from = year()?,
                "to" => f.to = year()?,
                "initiators" => f.initiators = list(),
                "targets" => f.targets = list(),
                "methods" => f.methods = list(),
                "objectives" => f.objectives = list(),
                "target-types" => f.target_types = list(),
                "min-severity" => f.min_severity = level()?,
                "max-severity" => f.max_severity = level()?,
                "search" => f.search = Some(value.to_string()),
                _ => {}
            }
        }
        Ok(f)
    }

    /// The filter as parameters, in `PARAMS` order, for links and embed code.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let join = |l: &Option<Vec<String>>| l.as_ref().filter(|l| !l.is_empty()).map(|l| l.join(","));
        let num = |n: Option<i64>| n.map(|n| n.to_string());
        [
            ("from", num(self.from.map(i64::from))),
            ("to", num(self.to.map(i64::from))),
            ("initiators", join(&self.initiators)),
            ("targets", join(&self.targets)),
            ("methods", join(&self.methods)),
            ("objectives", join(&self.objectives)),
            ("target-types", join(&self.target_types)),
            ("min-severity", num(self.min_severity.map(i64::from))),
            ("max-severity", num(self.max_severity.map(i64::from))),
            ("search", self.search.clone().filter(|s| !s.trim().is_empty())),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
    }

    /// Checks every field against `scale` (severity bounds) and prepares the per-incident test.
    pub fn compile(&self, scale: &Scale) -> Result<Compiled> {
        let top = scale.max;
        for (field, v) in [("minSeverity", self.min_severity), ("maxSeverity", self.max_severity)] {
            if let Some(v) = v.filter(|v| *v > top) {
                return Err(Error::filter(field, format!("{v} is above the top of {} ({top})", scale.name)));
            }
        }
        let severity = match (self.min_severity, self.max_severity) {
            (None, None) => None,
            (lo, hi) => {
                let (lo, hi) = (lo.unwrap_or(0), hi.unwrap_or(top));
                if lo > hi {
                    return Err(Error::filter("minSeverity", format!("{lo} is above maxSeverity {hi}")));
                }
                Some((lo, hi))
            }
        };
        let (from, to) = (self.from.unwrap_or(i32::MIN), self.to.unwrap_or(i32::MAX));
        if from > to {
            return Err(Error::filter("from", format!("{from} is after 'to' ({to})")));
        }
        // Letters are compared without ASCII case (accented letters as written): Unicode case
        // tables would cost the wasm 4 KB for names that are ASCII in practice.
        let search = self.search.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_ascii_lowercase);
        Ok(Compiled {
            from,
            to,
            initiators: countries("initiators", &self.initiators)?,
            targets: countries("targets", &self.targets)?,
            methods: vocab("methods", &self.methods, Method::parse, Method::expected)?,
            objectives: vocab("objectives", &self.objectives, Objective::parse, Objective::expected)?,
            target_types: vocab("targetTypes", &self.target_types, TargetType::parse, TargetType::expected)?,
            severity,
            search,
        })
    }
}

/// Whether `hay` contains `needle` (already ASCII-lowercased), ignoring ASCII case.
fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.iter().zip(n).all(|(a, b)| a.to_ascii_lowercase() == *b))
}

fn allowed<T: PartialEq>(set: &Option<Vec<T>>, v: Option<T>) -> bool {
    match set {
        None => true,
        Some(set) => v.is_some_and(|v| set.contains(&v)),
    }
}

impl Compiled {
    /// Whether row `k` of `store` matches. The coded facts are tested first; the text only
    /// when they pass and a search is set.
    pub fn matches(&self, store: &Store, k: usize) -> bool {
        let i = &store.facts()[k];
        let year = i.start.year;
        year >= self.from
            && year <= self.to
            && self.initiators.as_ref().is_none_or(|s| s[i.initiator.index()])
            && self
                .targets
                .as_ref()
                .is_none_or(|s| s[i.target.index()] || (i.targets > 1 && store.targets(k).any(|t| s[t.index()])))
            && allowed(&self.methods, i.method)
            && allowed(&self.objectives, i.objective)
            && allowed(&self.target_types, i.target_type)
            && self.severity.is_none_or(|(lo, hi)| i.severity.is_some_and(|s| s >= lo && s <= hi))
            && self
                .search
                .as_ref()
                .is_none_or(|q| contains_ignore_case(store.name(k), q) || contains_ignore_case(store.id(k), q))
    }

    /// The rows that match, in order.
    pub fn select(&self, store: &Store) -> Vec<u32> {
        (0..store.len()).filter(|&k| self.matches(store, k)).map(|k| k as u32).collect()
    }
}
