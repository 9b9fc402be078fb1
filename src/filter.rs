//! The reader's selection: a plain object in the API, checked once and compiled into fast tests.

use crate::error::{Error, Result};
use crate::model::{Certainty, Country, Method, Objective, PartialDate, ResponseKind, Scale, Scope, TargetType};
use crate::pass::chunked;
use crate::reading::{self, Reading};
use crate::store::{hit, Store};

/// Every field is optional; an absent field or an empty list does not constrain. Unknown fields are
/// refused so that a typo (`initiator` for `initiators`) is reported instead of silently ignored.
/// Natively serde reads filters (JSON, tests); in the browser the web layer reads filter objects
/// by the [`FIELDS`] table, which keeps serde's generated reader out of the wasm.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields, rename_all = "camelCase"))]
pub struct Filter {
    /// First year included (by start date).
    pub from: Option<i32>,
    /// Last year included.
    pub to: Option<i32>,
    /// Initiator states, ISO alpha-3.
    pub initiators: Option<Vec<String>>,
    /// Target states, ISO alpha-3; an incident matches when any of its targets is listed.
    pub targets: Option<Vec<String>>,
    pub methods: Option<Vec<String>>,
    pub objectives: Option<Vec<String>>,
    pub target_types: Option<Vec<String>>,
    /// How firm the attribution must be: `confirmed`, `vendor`, `suspected`.
    pub attribution: Option<Vec<String>>,
    /// Kinds of response the incident drew (any of them): `attribution`, `sanctions` ... or
    /// `none-known` for incidents no response is known for.
    pub responses: Option<Vec<String>>,
    /// Why the incident is in the data: `peninsula`, `reference`.
    pub scope: Option<Vec<String>>,
    /// Lowest level included. Setting either severity bound leaves out incidents not coded.
    pub min_severity: Option<u8>,
    pub max_severity: Option<u8>,
    /// Case-insensitive text matched against names and ids.
    pub search: Option<String>,
    /// Whose legal reading of the thresholds the figures and charts follow (an id from
    /// `data/readings.csv`); absent means the default, the first. Selects no incidents.
    pub reading: Option<String>,
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
    attribution: Option<Vec<Certainty>>,
    /// The kinds of response wanted as bits, and whether `none-known` is.
    responses: Option<(u16, bool)>,
    scope: Option<Vec<Scope>>,
    severity: Option<(u8, u8)>,
    search: Option<String>,
    reading: Option<&'static Reading>,
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

/// What kind of value a filter field holds, which says how a parameter is read and written and
/// which control shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A four-digit year.
    Year,
    /// A level of the dataset's scale.
    Level,
    /// Codes from a vocabulary or a country list, comma-separated in parameters.
    List,
    /// Free text.
    Text,
    /// One of a named list (the readings).
    Choice,
}

impl Kind {
    /// The kind's name in the generated JavaScript (`www/schema.js`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Year => "year",
            Kind::Level => "level",
            Kind::List => "list",
            Kind::Text => "text",
            Kind::Choice => "choice",
        }
    }
}

/// Where a [`Filter`] keeps one field's value: the field's kind, with access to its value.
pub enum Slot<'a> {
    Year(&'a mut Option<i32>),
    Level(&'a mut Option<u8>),
    List(&'a mut Option<Vec<String>>),
    Text(&'a mut Option<String>),
    Choice(&'a mut Option<String>),
}

impl Slot<'_> {
    pub fn kind(&self) -> Kind {
        match self {
            Slot::Year(_) => Kind::Year,
            Slot::Level(_) => Kind::Level,
            Slot::List(_) => Kind::List,
            Slot::Text(_) => Kind::Text,
            Slot::Choice(_) => Kind::Choice,
        }
    }
}

/// One filter field: its names in each place it appears, the control that shows it, and where
/// the filter keeps it. [`FIELDS`] is the one list of them: parameters, attributes, link
/// parameters, the render command's options, the filter form and its generated JavaScript
/// (`www/schema.js`) all read it. The columns only JavaScript and the help read are left out of
/// the wasm build.
pub struct Field {
    /// As the API's filter objects spell it (camelCase).
    pub name: &'static str,
    /// As attributes, link parameters and the render command's options spell it (kebab-case).
    pub param: &'static str,
    /// The control that shows it, as the `controls` attribute names it; two fields can share
    /// one (a range of years).
    #[cfg(not(target_arch = "wasm32"))]
    pub control: &'static str,
    /// The control's visible label.
    #[cfg(not(target_arch = "wasm32"))]
    pub label: &'static str,
    /// True for the upper end of a range (`to`, `maxSeverity`), whose control starts at the top.
    #[cfg(not(target_arch = "wasm32"))]
    pub upper: bool,
    /// What it selects, for the render command's help.
    #[cfg(not(target_arch = "wasm32"))]
    pub about: &'static str,
    /// The field's value in a filter; also says its kind.
    pub slot: fn(&mut Filter) -> Slot<'_>,
}

impl Field {
    pub fn kind(&self) -> Kind {
        (self.slot)(&mut Filter::default()).kind()
    }
}

const fn field(
    name: &'static str,
    param: &'static str,
    control: &'static str,
    label: &'static str,
    upper: bool,
    about: &'static str,
    slot: fn(&mut Filter) -> Slot<'_>,
) -> Field {
    // The wasm needs only the names and the slot: the words for the form and the help stay out of it.
    #[cfg(target_arch = "wasm32")]
    let _ = (control, label, upper, about);
    Field {
        name,
        param,
        #[cfg(not(target_arch = "wasm32"))]
        control,
        #[cfg(not(target_arch = "wasm32"))]
        label,
        #[cfg(not(target_arch = "wasm32"))]
        upper,
        #[cfg(not(target_arch = "wasm32"))]
        about,
        slot,
    }
}

/// Every filter field, in the order parameters are written (links, embed code, attributes).
pub const FIELDS: [Field; 14] = [
    field("from", "from", "years", "From", false, "first year included, by start date", |f| Slot::Year(&mut f.from)),
    field("to", "to", "years", "To", true, "last year included", |f| Slot::Year(&mut f.to)),
    field(
        "initiators",
        "initiators",
        "initiators",
        "Initiators",
        false,
        "initiator states (ISO alpha-3, alpha-2 or English names)",
        |f| Slot::List(&mut f.initiators),
    ),
    field(
        "targets",
        "targets",
        "targets",
        "Targets",
        false,
        "target states (an incident matches on any of its targets)",
        |f| Slot::List(&mut f.targets),
    ),
    field("methods", "methods", "methods", "Methods", false, "methods, by code (as links write them)", |f| {
        Slot::List(&mut f.methods)
    }),
    field("objectives", "objectives", "objectives", "Objectives", false, "objectives, by code", |f| {
        Slot::List(&mut f.objectives)
    }),
    field("targetTypes", "target-types", "target-types", "Target types", false, "target types, by code", |f| {
        Slot::List(&mut f.target_types)
    }),
    field(
        "attribution",
        "attribution",
        "attribution",
        "Attribution",
        false,
        "how firm the attribution is: confirmed (a government, court or the UN), vendor (security firms only), suspected",
        |f| Slot::List(&mut f.attribution),
    ),
    field(
        "responses",
        "responses",
        "responses",
        "Responses",
        false,
        "kinds of response drawn, any of them (attribution, sanctions ...; none-known for none found)",
        |f| Slot::List(&mut f.responses),
    ),
    field(
        "scope",
        "scope",
        "scope",
        "Scope",
        false,
        "why it is in the data: peninsula (involves the Korean Peninsula) or reference (outside Korea, anchors the ladder)",
        |f| Slot::List(&mut f.scope),
    ),
    field(
        "minSeverity",
        "min-severity",
        "severity",
        "Severity from",
        false,
        "lowest level included (leaves out incidents not coded)",
        |f| Slot::Level(&mut f.min_severity),
    ),
    field("maxSeverity", "max-severity", "severity", "to", true, "highest level included", |f| {
        Slot::Level(&mut f.max_severity)
    }),
    field("search", "search", "search", "Search names", false, "names and ids containing the text", |f| {
        Slot::Text(&mut f.search)
    }),
    field(
        "reading",
        "reading",
        "reading",
        "Legal reading",
        false,
        "whose legal reading of the use-of-force and armed-attack thresholds to apply (see data/readings.csv)",
        |f| Slot::Choice(&mut f.reading),
    ),
];

impl Filter {
    /// The field names a filter object may carry, as JavaScript spells them.
    pub fn fields() -> impl Iterator<Item = &'static str> {
        FIELDS.iter().map(|f| f.name)
    }

    /// Refuses a key that is not a filter field. Needed where a deserializer reads only the
    /// fields it knows (as the web layer's reader does) and would otherwise ignore a typo silently.
    pub fn check_keys<'k>(keys: impl IntoIterator<Item = &'k str>) -> Result<()> {
        for key in keys {
            if !Self::fields().any(|f| f == key) {
                let all: Vec<&str> = Self::fields().collect();
                return Err(Error::filter(key, format!("unknown field `{key}`, expected one of: {}", all.join(", "))));
            }
        }
        Ok(())
    }

    /// The field a parameter sets (`target-types` -> `targetTypes`), if it is a filter parameter.
    pub fn field_of_param(param: &str) -> Option<&'static Field> {
        FIELDS.iter().find(|f| f.param == param)
    }

    /// The parameter name of a filter field (`targetTypes` -> `target-types`).
    pub fn param_of(field: &str) -> &str {
        FIELDS.iter().find(|f| f.name == field).map_or(field, |f| f.param)
    }

    /// A filter from text parameters as attributes, links and the command line carry them: lists
    /// are comma-separated, years and levels are whole numbers, an empty value sets nothing.
    /// Parameters that are not filter fields (`view`, `src` ...) are the caller's and skipped.
    /// Errors name the parameter and its value.
    pub fn from_params<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Filter> {
        let mut f = Filter::default();
        for (name, value) in pairs {
            let value = value.trim();
            let Some(field) = Self::field_of_param(name).filter(|_| !value.is_empty()) else { continue };
            let bad = |what: &str| Error::Argument(format!("{name}=\"{value}\": {what}"));
            match (field.slot)(&mut f) {
                Slot::Year(y) => {
                    *y = Some(
                        value
                            .parse::<i32>()
                            .ok()
                            .filter(|y| (1000..=9999).contains(y))
                            .ok_or_else(|| bad("not a year (expected four digits such as 2013)"))?,
                    )
                }
                Slot::Level(l) => {
                    *l = Some(
                        value
                            .parse::<u8>()
                            .map_err(|_| bad("not a severity level (expected a whole number such as 7)"))?,
                    )
                }
                Slot::List(l) => {
                    *l = Some(value.split(',').map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect())
                }
                Slot::Text(t) | Slot::Choice(t) => *t = Some(value.to_string()),
            }
        }
        Ok(f)
    }

    /// The filter as parameters, in [`FIELDS`] order, for links and embed code.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut f = self.clone();
        FIELDS
            .iter()
            .filter_map(|field| {
                let value = match (field.slot)(&mut f) {
                    Slot::Year(y) => y.map(|y| y.to_string()),
                    Slot::Level(l) => l.map(|l| l.to_string()),
                    Slot::List(l) => l.as_ref().filter(|l| !l.is_empty()).map(|l| l.join(",")),
                    Slot::Text(t) | Slot::Choice(t) => t.clone().filter(|s| !s.trim().is_empty()),
                };
                value.map(|v| (field.param, v))
            })
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
        // Readings apply on the ladder only; an unknown one is an error on any scale.
        let reading = match self.reading.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            Some(id) => Some(reading::find(id)?),
            None => reading::policy()?.readings.first(),
        }
        .filter(|_| scale.readings);
        Ok(Compiled {
            reading,
            from,
            to,
            initiators: countries("initiators", &self.initiators)?,
            targets: countries("targets", &self.targets)?,
            methods: vocab("methods", &self.methods, Method::parse, Method::expected)?,
            objectives: vocab("objectives", &self.objectives, Objective::parse, Objective::expected)?,
            target_types: vocab("targetTypes", &self.target_types, TargetType::parse, TargetType::expected)?,
            attribution: vocab("attribution", &self.attribution, Certainty::parse, Certainty::expected)?,
            responses: vocab("responses", &self.responses, ResponseKind::parse, ResponseKind::expected)?
                .map(|kinds| (kinds.iter().fold(0, |set, k| set | k.bit()), kinds.contains(&ResponseKind::NoneKnown))),
            scope: vocab("scope", &self.scope, Scope::parse, Scope::expected)?,
            severity,
            search,
        })
    }
}

fn allowed<T: PartialEq>(set: &Option<Vec<T>>, v: Option<T>) -> bool {
    match set {
        None => true,
        Some(set) => v.is_some_and(|v| set.contains(&v)),
    }
}

/// The bit of [`Compiled::misses`] for a miss on a field that is not a list.
const OTHER: u16 = 0x8000;

/// The position of `v` in a vocabulary, for a count per value.
fn position<T: Copy + PartialEq>(all: &[T], v: Option<T>) -> Option<usize> {
    all.iter().position(|x| Some(*x) == v)
}

impl Compiled {
    /// Whether an incident that began at `start` is in the years asked for. An undated one is,
    /// until the reader narrows the years.
    fn in_years(&self, start: Option<PartialDate>) -> bool {
        match start {
            Some(d) => d.year >= self.from && d.year <= self.to,
            None => self.from == i32::MIN && self.to == i32::MAX,
        }
    }

    /// The rows of `store` that hold the search's text, when there is one (see [`Store::search`]):
    /// found in one scan before a loop over the rows, which then reads a bit a row.
    fn hits(&self, store: &Store) -> Option<Vec<u64>> {
        self.search.as_ref().map(|q| store.search(q.as_bytes()))
    }

    /// Whether row `k` of `store` matches, given the search's [`Compiled::hits`]. The coded facts
    /// are tested first; the search last.
    pub fn matches(&self, store: &Store, k: usize, hits: Option<&[u64]>) -> bool {
        let i = &store.facts()[k];
        self.in_years(i.start)
            && self.initiators.as_ref().is_none_or(|s| s[i.initiator.index()])
            && self
                .targets
                .as_ref()
                .is_none_or(|s| s[i.target.index()] || (i.targets > 1 && store.targets(k).any(|t| s[t.index()])))
            && allowed(&self.methods, i.method)
            && allowed(&self.objectives, i.objective)
            && allowed(&self.target_types, i.target_type)
            && allowed(&self.attribution, i.certainty)
            && allowed(&self.scope, i.scope)
            && self.responses.is_none_or(|(set, none)| {
                store.response_kinds(k).is_some_and(|kinds| kinds & set != 0 || (none && kinds == 0))
            })
            && self.severity.is_none_or(|(lo, hi)| i.severity.is_some_and(|s| s >= lo && s <= hi))
            && hits.is_none_or(|h| hit(h, k))
    }

    /// Which of the list fields row `k` fails, as bits (initiators, targets, methods, objectives,
    /// target types, attribution, responses, scope, from bit 0), with [`OTHER`] for anything else
    /// (years, severity, search): a row that fails one list field alone counts in that field's
    /// faceted counts (see [`Compiled::facet_counts`]).
    fn misses(&self, store: &Store, k: usize, hits: Option<&[u64]>) -> u16 {
        let i = &store.facts()[k];
        let mut m = 0u16;
        if !self.in_years(i.start)
            || self.severity.is_some_and(|(lo, hi)| !i.severity.is_some_and(|s| s >= lo && s <= hi))
        {
            return OTHER;
        }
        if self.initiators.as_ref().is_some_and(|s| !s[i.initiator.index()]) {
            m |= 1;
        }
        if self
            .targets
            .as_ref()
            .is_some_and(|s| !(s[i.target.index()] || (i.targets > 1 && store.targets(k).any(|t| s[t.index()]))))
        {
            m |= 2;
        }
        m |= u16::from(!allowed(&self.methods, i.method)) << 2;
        m |= u16::from(!allowed(&self.objectives, i.objective)) << 3;
        m |= u16::from(!allowed(&self.target_types, i.target_type)) << 4;
        m |= u16::from(!allowed(&self.attribution, i.certainty)) << 5;
        let responds = |(set, none): (u16, bool)| {
            store.response_kinds(k).is_some_and(|kinds| kinds & set != 0 || (none && kinds == 0))
        };
        m |= u16::from(self.responses.is_some_and(|r| !responds(r))) << 6;
        m |= u16::from(!allowed(&self.scope, i.scope)) << 7;
        if m.count_ones() <= 1 && hits.is_some_and(|h| !hit(h, k)) {
            return OTHER;
        }
        m
    }

    /// For each list field, how many incidents each of its values would select given every other
    /// field of the filter (the counts a filter list shows beside its choices): one pass over the
    /// data. `(field, value, count)` for every value with a count, fields in the order of the bits
    /// of `misses`.
    pub fn facet_counts(&self, store: &Store) -> Vec<(&'static str, &'static str, usize)> {
        let n = Country::count();
        let mut countries = [vec![0usize; n], vec![0usize; n]];
        let mut vocab = [
            vec![0usize; Method::ALL.len()],
            vec![0usize; Objective::ALL.len()],
            vec![0usize; TargetType::ALL.len()],
            vec![0usize; Certainty::ALL.len()],
            vec![0usize; ResponseKind::ALL.len()],
            vec![0usize; Scope::ALL.len()],
        ];
        let hits = self.hits(store);
        for k in 0..store.len() {
            let m = self.misses(store, k, hits.as_deref());
            if m & OTHER != 0 || m.count_ones() > 1 {
                continue;
            }
            let i = &store.facts()[k];
            let counts = |bit: u16| m == 0 || m == bit;
            if counts(1) {
                countries[0][i.initiator.index()] += 1;
            }
            if counts(2) {
                countries[1][i.target.index()] += 1;
                if i.targets > 1 {
                    for t in store.targets(k).skip(1) {
                        countries[1][t.index()] += 1;
                    }
                }
            }
            // The single-valued vocabularies, by their bit in `misses` (from bit 2) and column.
            let values = [
                position(Method::ALL, i.method),
                position(Objective::ALL, i.objective),
                position(TargetType::ALL, i.target_type),
                position(Certainty::ALL, i.certainty),
            ];
            for (at, value) in values.into_iter().enumerate() {
                if let Some(p) = value.filter(|_| counts(4 << at)) {
                    vocab[at][p] += 1;
                }
            }
            if counts(64) {
                crate::events::tally(&mut vocab[4], store.response_kinds(k).unwrap_or(0));
            }
            if let Some(p) = position(Scope::ALL, i.scope).filter(|_| counts(128)) {
                vocab[5][p] += 1;
            }
        }
        let mut out = Vec::new();
        for (f, counts) in ["initiators", "targets"].into_iter().zip(&countries) {
            for (c, &count) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
                if let Some(c) = Country::from_index(c) {
                    out.push((f, c.code(), count));
                }
            }
        }
        let slugs: [(&str, Vec<&'static str>); 6] = [
            ("methods", Method::ALL.iter().map(|v| v.slug()).collect()),
            ("objectives", Objective::ALL.iter().map(|v| v.slug()).collect()),
            ("targetTypes", TargetType::ALL.iter().map(|v| v.slug()).collect()),
            ("attribution", Certainty::ALL.iter().map(|v| v.slug()).collect()),
            ("responses", ResponseKind::ALL.iter().map(|v| v.slug()).collect()),
            ("scope", Scope::ALL.iter().map(|v| v.slug()).collect()),
        ];
        for ((f, names), counts) in slugs.iter().zip(&vocab) {
            for (p, &count) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
                out.push((*f, names[p], count));
            }
        }
        out
    }

    /// Whether the filter asks for kinds of response (which data without responses cannot answer).
    pub fn wants_responses(&self) -> bool {
        self.responses.is_some()
    }

    /// The legal reading the figures follow; `None` on a scale the readings do not apply to.
    pub fn reading(&self) -> Option<&'static Reading> {
        self.reading
    }

    /// The rows that match, in order.
    pub fn select(&self, store: &Store) -> Vec<u32> {
        let mut rows = Vec::new();
        if self.years_only() {
            // The default view: a loop over the years alone (every field checked cost a million
            // rows 20 ms, a fifth of a first draw). Undated incidents as `in_years` has them.
            let facts = store.facts();
            chunked(store.len(), |r| rows.extend(r.filter(|&k| self.in_years(facts[k].start)).map(|k| k as u32)));
        } else {
            let hits = self.hits(store);
            chunked(store.len(), |r| {
                rows.extend(r.filter(|&k| self.matches(store, k, hits.as_deref())).map(|k| k as u32))
            });
        }
        rows
    }

    /// Whether the filter says nothing but a year range.
    fn years_only(&self) -> bool {
        self.initiators.is_none()
            && self.targets.is_none()
            && self.methods.is_none()
            && self.objectives.is_none()
            && self.target_types.is_none()
            && self.attribution.is_none()
            && self.responses.is_none()
            && self.scope.is_none()
            && self.severity.is_none()
            && self.search.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explorer::Explorer;

    /// A filter of years alone selects by a loop of its own: it keeps exactly the rows
    /// `Compiled::matches` keeps, undated ones until the years are narrowed.
    #[test]
    fn years_alone_select_as_the_whole_test() {
        let ex = Explorer::from_text(include_str!("../tests/fixtures/eurepoc/sample.csv"), "eurepoc").unwrap();
        let store = ex.store();
        let scale = &ex.facets().scale;
        let undated = store.facts().iter().filter(|i| i.start.is_none()).count();
        assert!(undated > 0);
        let years = |from, to| Filter { from, to, ..Filter::default() };
        for (filter, fast) in [
            (years(None, None), true),
            (years(Some(2000), None), true),
            (years(None, Some(2030)), true),
            (years(Some(1900), Some(2100)), true),
            (Filter { scope: Some(vec!["peninsula".into()]), ..Filter::default() }, false),
        ] {
            let compiled = filter.compile(scale).unwrap();
            assert_eq!(compiled.years_only(), fast, "{filter:?}");
            let slow: Vec<u32> = (0..store.len())
                .filter(|&k| compiled.matches(store, k, compiled.hits(store).as_deref()))
                .map(|k| k as u32)
                .collect();
            assert_eq!(compiled.select(store), slow, "{filter:?}");
            if fast {
                let all = filter.from.is_none() && filter.to.is_none();
                let kept = slow.iter().filter(|&&k| store.facts()[k as usize].start.is_none()).count();
                assert_eq!(kept, if all { undated } else { 0 }, "{filter:?}");
            }
        }
    }
}
