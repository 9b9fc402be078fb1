//! A dataset held in columns, so that a million incidents fit in a few dozen bytes each and a
//! filter or a chart reads only what it needs: the coded facts of every incident (dates, interned
//! countries, small integer codes) packed in [`Facts`], the rare extra targets aside, and the text
//! (ids, names, descriptions, sources) in one arena that only the search box and the incident card
//! read. The importer module hands a store to the explorer module as its [`Parts`], which cross
//! from a Web Worker as typed arrays, are copied once and are checked before use.

use crate::model::{
    chronological, Certainty, Country, Effects, Incident, Method, Objective, PartialDate, Scope, TargetType,
    EARLIEST_YEAR,
};
use std::cmp::Ordering;

mod parts;
mod search;
mod texts;
pub use parts::{Decoder, Parts, FACT_BYTES};
pub use search::hit;
pub use texts::TEXT_ROW;

/// What filters, statistics and charts read of an incident: 20 bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Facts {
    /// `None`: undated.
    pub start: Option<PartialDate>,
    pub initiator: Country,
    /// The main target; the others are in [`Store::targets`].
    pub target: Country,
    pub target_type: Option<TargetType>,
    pub method: Option<Method>,
    pub objective: Option<Objective>,
    pub severity: Option<u8>,
    pub effects: Option<Effects>,
    pub certainty: Option<Certainty>,
    pub scope: Option<Scope>,
    /// How many targets the incident has (at least 1).
    pub targets: u16,
}

/// Separates an incident's text fields in the arena, and the sources within their field. Both are
/// control characters no reader types; any found in the input become spaces.
const FIELD: char = '\u{1f}';
const SOURCE: char = '\u{1e}';
/// The text fields, in arena order.
const TEXTS: usize = 8;

/// Incidents in columns. Row `k` is the `k`-th incident in the order they were pushed (after
/// [`Store::sort_chronological`], oldest first).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Store {
    facts: Vec<Facts>,
    /// `(row, target)` for every target after the first, by row.
    more: Vec<(u32, Country)>,
    /// Each row's text fields, separated by [`FIELD`]; row `k` ends at `ends[k]`.
    text: String,
    ends: Vec<u32>,
    /// Per row, the kinds of response its incident drew (bits of [`crate::model::ResponseKind`]),
    /// set by [`crate::events::Linked::link`]; empty when the data carries no responses.
    responses: Vec<u16>,
    /// The ids and names as the search box reads them, built on the first search.
    search: search::Index,
}

fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    // Both separators are ASCII: a byte scan finds them (a char-set search decodes every char),
    // memchr's eight bytes at a time (a byte at a time was a fourteenth of a DCID file's import).
    if memchr::memchr2(FIELD as u8, SOURCE as u8, s.as_bytes()).is_some() {
        s.replace([FIELD, SOURCE], " ").into()
    } else {
        s.into()
    }
}

/// The order of two rows' ids, read from the rows' text, where each id ends at the first
/// [`FIELD`]: the order of the ids as strings (a byte's order is its character's in UTF-8).
fn id_order(a: &[u8], b: &[u8]) -> Ordering {
    for (&x, &y) in a.iter().zip(b) {
        if x != y {
            return match (x == FIELD as u8, y == FIELD as u8) {
                (true, _) => Ordering::Less,
                (_, true) => Ordering::Greater,
                _ => x.cmp(&y),
            };
        }
        if x == FIELD as u8 {
            return Ordering::Equal;
        }
    }
    a.len().cmp(&b.len())
}

/// A start date as a 20-bit integer in its order ([`chronological`]), unknown dates last; `None`
/// for a date it cannot hold (a year outside 1980-2234, a month past 14, a day past 62: none
/// that a file's dates can be).
fn date_key(date: &Option<PartialDate>) -> Option<u32> {
    let Some(d) = date else { return Some(0xf_ffff) };
    let year = u32::try_from(d.year.checked_sub(EARLIEST_YEAR)?).ok().filter(|&y| y <= 254)?;
    let part = |p: Option<u8>, max: u8| p.map_or(Some(0), |v| (v <= max).then_some(u32::from(v) + 1));
    Some(year << 10 | part(d.month, 14)? << 6 | part(d.day, 62)?)
}

/// An id's first five bytes, big-endian and padded with zeros: in [`id_order`]'s order, ids
/// sharing those bytes tied.
fn id_key(id: &[u8]) -> u64 {
    (0..5).fold(0, |key, k| key << 8 | u64::from(id.get(k).copied().unwrap_or(0)))
}

impl Store {
    pub fn with_capacity(rows: usize, text: usize) -> Store {
        Store {
            facts: Vec::with_capacity(rows),
            more: Vec::new(),
            text: String::with_capacity(text),
            ends: Vec::with_capacity(rows),
            responses: Vec::new(),
            search: search::Index::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// Adds an incident as the last row. Never inlined into an importer's loop over the rows, for
    /// the reason `import::dcid` gives: called per row, it soon runs in the browser's optimised code.
    #[inline(never)]
    pub fn push(&mut self, i: Incident) {
        self.search.clear();
        let row = self.facts.len() as u32;
        let mut targets = i.targets.iter().copied();
        let target = targets.next().unwrap_or_else(Country::unknown);
        self.more.extend(targets.map(|t| (row, t)));
        self.facts.push(Facts {
            start: i.start,
            initiator: i.initiator,
            target,
            target_type: i.target_type,
            method: i.method,
            objective: i.objective,
            severity: i.severity,
            effects: i.effects,
            certainty: i.certainty,
            scope: i.scope,
            targets: i.targets.len().clamp(1, usize::from(u16::MAX)) as u16,
        });
        let fields = [&i.id, &i.name, &i.rationale, &i.attributed_by, &i.description];
        for (k, f) in fields.into_iter().enumerate() {
            if k > 0 {
                self.text.push(FIELD);
            }
            self.text.push_str(&clean(f));
        }
        for (k, s) in i.sources.iter().enumerate() {
            self.text.push(if k == 0 { FIELD } else { SOURCE });
            self.text.push_str(&clean(s));
        }
        if i.sources.is_empty() {
            self.text.push(FIELD);
        }
        for date in [i.end, i.attribution_date] {
            self.text.push(FIELD);
            if let Some(d) = date {
                d.push_to(&mut self.text);
            }
        }
        self.ends.push(self.text.len() as u32);
    }

    /// Every incident's facts, by row.
    pub fn facts(&self) -> &[Facts] {
        &self.facts
    }

    /// Every target of row `k`, the main one first.
    pub fn targets(&self, k: usize) -> impl Iterator<Item = Country> + '_ {
        let f = &self.facts[k];
        let extra = if f.targets > 1 {
            let from = self.more.partition_point(|(r, _)| (*r as usize) < k);
            &self.more[from..(from + usize::from(f.targets) - 1).min(self.more.len())]
        } else {
            &[]
        };
        std::iter::once(f.target).chain(extra.iter().map(|(_, t)| *t))
    }

    /// The targets of row `k` after its first, found from `at`, a place in them kept between calls
    /// (start it at 0): a pass over rows in ascending order steps to each row's targets instead of
    /// searching for them (at a million incidents the searches cost more than the rest of a pass).
    pub fn more_targets_of(&self, k: usize, at: &mut usize) -> &[(u32, Country)] {
        let n = usize::from(self.facts[k].targets).saturating_sub(1);
        if n == 0 {
            return &[];
        }
        let before = |i: usize| (self.more[i].0 as usize) < k;
        if *at > self.more.len() || (*at > 0 && !before(*at - 1)) {
            *at = 0; // rows out of order: search from the start
        }
        let mut steps = 0;
        while *at < self.more.len() && before(*at) {
            if steps == 8 {
                *at += self.more[*at..].partition_point(|(r, _)| (*r as usize) < k);
                break;
            }
            *at += 1;
            steps += 1;
        }
        &self.more[*at..(*at + n).min(self.more.len())]
    }

    /// `(row, target)` for every target after the first, by row.
    pub fn more_targets(&self) -> &[(u32, Country)] {
        &self.more
    }

    fn row_text(&self, k: usize) -> &str {
        self.text.get(self.row_span(k)).unwrap_or("")
    }

    /// Where row `k`'s text is in `text`.
    fn row_span(&self, k: usize) -> std::ops::Range<usize> {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        start..self.ends[k] as usize
    }

    fn fields(&self, k: usize) -> [&str; TEXTS] {
        let mut out = [""; TEXTS];
        for (slot, f) in out.iter_mut().zip(self.row_text(k).split(FIELD)) {
            *slot = f;
        }
        out
    }

    /// The kinds of response row `k` drew, as bits of [`crate::model::ResponseKind`]; `None` when
    /// the data carries no responses at all (then "none" would be wrong).
    pub fn response_kinds(&self, k: usize) -> Option<u16> {
        self.responses.get(k).copied()
    }

    /// Every row's kinds of response, or `None` when the data carries no responses.
    pub fn response_column(&self) -> Option<&[u16]> {
        self.has_responses().then_some(self.responses.as_slice())
    }

    /// Whether the data carries responses.
    pub fn has_responses(&self) -> bool {
        !self.responses.is_empty() || self.is_empty()
    }

    /// Sets the kinds of response per row (see [`Store::response_kinds`]).
    pub fn set_responses(&mut self, kinds: Vec<u16>) {
        debug_assert_eq!(kinds.len(), self.len());
        self.responses = kinds;
    }

    pub fn id(&self, k: usize) -> &str {
        self.row_text(k).split(FIELD).next().unwrap_or("")
    }

    pub fn name(&self, k: usize) -> &str {
        self.row_text(k).split(FIELD).nth(1).unwrap_or("")
    }

    /// Row `k` as a whole incident.
    pub fn incident(&self, k: usize) -> Incident {
        let f = self.facts[k];
        let [id, name, rationale, attributed_by, description, sources, end, attribution] = self.fields(k);
        let date = |s: &str| if s.is_empty() { None } else { PartialDate::parse(s).ok() };
        Incident {
            id: id.into(),
            name: name.into(),
            start: f.start,
            end: date(end),
            initiator: f.initiator,
            targets: self.targets(k).collect(),
            target_type: f.target_type,
            method: f.method,
            objective: f.objective,
            severity: f.severity,
            effects: f.effects,
            rationale: rationale.into(),
            attributed_by: attributed_by.into(),
            attribution_date: date(attribution),
            certainty: f.certainty,
            scope: f.scope,
            description: description.into(),
            sources: sources.split(SOURCE).filter(|s| !s.is_empty()).map(str::to_string).collect(),
        }
    }

    /// Every incident, rebuilt from the columns (for tests and tools; the explorer reads columns).
    pub fn incidents(&self) -> Vec<Incident> {
        (0..self.len()).map(|k| self.incident(k)).collect()
    }

    /// Orders the rows oldest first, ties by id. Data that is already in order (as most exports
    /// are) is left as it is, without a copy. Responses are linked after (they are dropped here).
    pub fn sort_chronological(&mut self) {
        // Many rows share a start date (a year alone, a day with several incidents): their ids are
        // compared in the rows' bytes, where finding each id first (`Store::id`) at each comparison
        // was a sixth of an import.
        let bytes = |k: usize| self.text.as_bytes().get(self.row_span(k)).unwrap_or_default();
        // Each row's order as one integer, compared first: its date, then five bytes of its id
        // after the prefix every id shares ("dcid-", say). Keys in order are rows in order; rows
        // whose keys tie are compared in full.
        let id = |k: usize| {
            let row = bytes(k);
            &row[..row.iter().position(|&b| b == FIELD as u8).unwrap_or(row.len())]
        };
        let first = if self.is_empty() { &[][..] } else { id(0) };
        let shared = (1..self.len())
            .fold(first.len(), |n, k| first.iter().take(n).zip(id(k)).take_while(|(a, b)| a == b).count());
        // (All zero, comparing every pair in full, if a date has no key.)
        let keys: Vec<u64> = (0..self.len())
            .map(|k| {
                Some(u64::from(date_key(&self.facts[k].start)?) << 40 | id_key(id(k).get(shared..).unwrap_or_default()))
            })
            .collect::<Option<_>>()
            .unwrap_or_else(|| vec![0; self.len()]);
        let order = |a: usize, b: usize| {
            keys[a].cmp(&keys[b]).then_with(|| {
                chronological(&self.facts[a].start, &self.facts[b].start).then_with(|| id_order(bytes(a), bytes(b)))
            })
        };
        if (1..self.len()).all(|k| order(k - 1, k) != Ordering::Greater) {
            return;
        }
        let mut perm: Vec<u32> = (0..self.len() as u32).collect();
        crate::sort::indices(&mut perm, &|a, b| order(a as usize, b as usize));
        let mut sorted = Store::with_capacity(self.len(), self.text.len());
        for k in perm.into_iter().map(|k| k as usize) {
            let row = sorted.facts.len() as u32;
            sorted.facts.push(self.facts[k]);
            sorted.more.extend(self.targets(k).skip(1).map(|t| (row, t)));
            sorted.text.push_str(self.row_text(k));
            sorted.ends.push(sorted.text.len() as u32);
        }
        *self = sorted;
    }
}

impl From<Vec<Incident>> for Store {
    fn from(incidents: Vec<Incident>) -> Store {
        // The rows' text set aside at once (growing into it, the browser copied it again and again):
        // each incident's texts, its sources', and room for separators and two dates.
        let text = incidents
            .iter()
            .map(|i| {
                let texts = [&i.id, &i.name, &i.rationale, &i.attributed_by, &i.description].map(|t| t.len());
                texts.iter().sum::<usize>() + i.sources.iter().map(|s| s.len() + 1).sum::<usize>() + 32
            })
            .sum();
        let mut store = Store::with_capacity(incidents.len(), text);
        for i in incidents {
            store.push(i);
        }
        store
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_in_rows_order_as_the_ids_do() {
        let ids = ["a", "ab", "ab\t", "abc", "b", "é", "e", "", "a b", "a\u{1}"];
        let row = |id: &str| format!("{id}{FIELD}name{FIELD}more");
        for x in ids {
            for y in ids {
                assert_eq!(id_order(row(x).as_bytes(), row(y).as_bytes()), x.cmp(y), "{x:?} {y:?}");
            }
        }
    }

    #[test]
    fn keys_never_order_rows_against_the_full_comparison() {
        let ids =
            ["a", "ab", "abcde", "abcdef", "abcdeg", "abc\t", "abcd\u{0}", "\u{0}", "", "é", "1000", "999", "100000"];
        let dates = [
            None,
            Some((1980, None, None)),
            Some((2015, Some(3), None)),
            Some((2015, Some(3), Some(2))),
            Some((2234, Some(12), Some(31))),
        ];
        let dates = dates.map(|d| d.map(|(year, month, day)| PartialDate { year, month, day }));
        let row = |id: &str| format!("{id}{FIELD}name");
        let more = [
            Some(PartialDate { year: -5, month: Some(255), day: Some(255) }),
            Some(PartialDate { year: 70_000, month: None, day: None }),
        ];
        for (x, dx) in ids.iter().flat_map(|x| dates.iter().chain(&more).map(move |d| (x, d))) {
            for (y, dy) in ids.iter().flat_map(|y| dates.iter().chain(&more).map(move |d| (y, d))) {
                let full = chronological(dx, dy).then_with(|| id_order(row(x).as_bytes(), row(y).as_bytes()));
                let key = |id: &str, d| Some(u64::from(date_key(d)?) << 40 | id_key(id.as_bytes()));
                let Some(keys) = key(x, dx).zip(key(y, dy)).map(|(a, b)| a.cmp(&b)) else {
                    assert!(
                        !dx.is_some_and(|d| (1980..=2100).contains(&d.year))
                            || !dy.is_some_and(|d| (1980..=2100).contains(&d.year))
                    );
                    continue;
                };
                assert!(keys == Ordering::Equal || keys == full, "{x:?} {dx:?} against {y:?} {dy:?}");
            }
        }
    }

    #[test]
    fn rows_sorted_by_date_then_id() {
        let ids = ["id-abcd2", "id-abcdef10", "id-abcdef1", "id-b", "id-a", "id-abc", "id-abcd", "id-x"];
        let starts = ["2015-03-02", "2015-03-02", "2015-03-02", "2011", "2011", "2015-03", "2015-03-02", "2011-01-01"];
        let mut store =
            Store::from(ids.iter().zip(starts).map(|(id, start)| incident(id, start, &["KOR"])).collect::<Vec<_>>());
        store.sort_chronological();
        let got: Vec<&str> = (0..store.len()).map(|k| store.id(k)).collect();
        assert_eq!(got, ["id-a", "id-b", "id-x", "id-abc", "id-abcd", "id-abcd2", "id-abcdef1", "id-abcdef10"]);
        // A date without a key (made in code, not read from a file): every pair compared in full.
        let mut early = incident("id-0", "2011", &["KOR"]);
        early.start = Some(PartialDate { year: 1970, month: None, day: None });
        let mut store =
            Store::from(vec![incident("id-b", "2011", &["KOR"]), incident("id-a", "2011", &["KOR"]), early]);
        store.sort_chronological();
        assert_eq!((0..store.len()).map(|k| store.id(k)).collect::<Vec<_>>(), ["id-0", "id-a", "id-b"]);
    }

    fn incident(id: &str, start: &str, targets: &[&str]) -> Incident {
        Incident {
            id: id.into(),
            name: format!("Name of {id}"),
            start: PartialDate::parse(start).ok(),
            end: None,
            initiator: Country::parse("PRK").unwrap(),
            targets: targets.iter().map(|t| Country::parse(t).unwrap()).collect(),
            target_type: Some(TargetType::Government),
            method: None,
            objective: Some(Objective::Theft),
            severity: Some(4),
            effects: Some(Effects::Data),
            rationale: "why\u{1f}so".into(),
            attributed_by: String::new(),
            attribution_date: PartialDate::parse("2020-02").ok(),
            certainty: Some(Certainty::Vendor),
            scope: Some(Scope::Reference),
            description: "text".into(),
            sources: vec!["https://a.example/x".into(), "https://b.example/y".into()],
        }
    }

    #[test]
    fn rows_round_trip_through_columns_and_parts() {
        let list = vec![
            incident("b", "2015-03-02", &["KOR", "USA", "JPN"]),
            incident("a", "2011", &["KOR"]),
            incident("c", "2015-03-02", &["USA"]),
        ];
        let mut store = Store::from(list.clone());
        assert_eq!(store.incident(0).rationale, "why so", "separators in text become spaces");
        assert_eq!(store.incident(0).targets, list[0].targets);
        assert_eq!(store.targets(0).count(), 3);
        store.sort_chronological();
        assert_eq!((0..3).map(|k| store.id(k)).collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(store.name(1), "Name of b");
        let mut want = list[0].clone();
        want.rationale = "why so".into();
        assert_eq!(store.incident(1), want);
        assert_eq!(store.targets(2).map(|c| c.code()).collect::<Vec<_>>(), ["USA"]);
        let back = Store::from_parts(store.to_parts()).unwrap();
        assert_eq!(back, store);
    }

    #[test]
    fn damaged_parts_are_refused_with_a_message() {
        let store = Store::from(vec![incident("a", "2011", &["KOR", "USA"])]);
        let good = store.to_parts();
        let mut p = good.clone();
        p.facts[4] = 0xff;
        p.facts[5] = 0xff;
        assert!(Store::from_parts(p).unwrap_err().to_string().contains("country index 65535"));
        let mut p = good.clone();
        p.facts[9] = 200;
        assert!(Store::from_parts(p).unwrap_err().to_string().contains("method code 200"));
        let mut p = good.clone();
        p.more.clear();
        assert!(Store::from_parts(p).unwrap_err().to_string().contains("2 targets listed but 1 given"));
        let mut p = good.clone();
        p.ends[0] += 1;
        assert!(Store::from_parts(p).is_err());
        let mut p = good.clone();
        p.facts.pop();
        assert!(Store::from_parts(p).is_err());
        let mut p = good.clone();
        p.facts[0] = 5;
        p.facts[1] = 0;
        assert!(Store::from_parts(p).unwrap_err().to_string().contains("start date"));
        // Year, month and day all 0: undated, which is no damage.
        let mut p = good;
        p.facts[..4].fill(0);
        assert_eq!(Store::from_parts(p).unwrap().facts()[0].start, None);
    }

    #[test]
    fn extra_targets_found_by_stepping_are_those_found_by_searching() {
        let lists: [&[&str]; 5] = [&["KOR"], &["KOR", "USA"], &["JPN"], &["KOR", "JPN", "USA"], &["USA", "KOR"]];
        let store = Store::from((0..400).map(|k| incident(&format!("i{k}"), "2011", lists[k % 5])).collect::<Vec<_>>());
        let searched = |k: usize| store.targets(k).skip(1).collect::<Vec<_>>();
        let ascending: Vec<usize> = (0..400).collect();
        let sparse: Vec<usize> = (0..400).filter(|k| k % 37 == 3 || k % 41 == 1).collect();
        let descending: Vec<usize> = (0..400).rev().collect();
        for rows in [ascending, sparse, descending] {
            let mut at = 0;
            for &k in &rows {
                let stepped: Vec<Country> = store.more_targets_of(k, &mut at).iter().map(|(_, t)| *t).collect();
                assert_eq!(stepped, searched(k), "row {k}");
            }
        }
    }

    #[test]
    fn a_search_finds_the_id_or_the_name_ignoring_ascii_case_and_nothing_else() {
        let named = |id: &str, name: &str| Incident {
            name: name.into(),
            rationale: "troy in the rationale".into(),
            description: "wanna in the description".into(),
            ..incident(id, "2011", &["KOR"])
        };
        let store = Store::from(vec![
            named("op-troy", "Operation Troy"),
            named("b2", "OPERATION TROY"),
            named("c3", "Tro"),
            named("d4", ""),
            named("e5", "Sony Pictures"),
            named("f6", "Ünïcode Wanna"),
            named("g7", "Tttroy"),
        ]);
        let rows = |needle: &str| {
            let hits = store.search(needle.as_bytes());
            (0..store.len()).filter(|&k| hit(&hits, k)).map(|k| store.id(k)).collect::<Vec<_>>()
        };
        assert_eq!(rows("troy"), ["op-troy", "b2", "g7"]);
        assert_eq!(rows("operation t"), ["op-troy", "b2"]);
        assert_eq!(rows("op-"), ["op-troy"], "in the id");
        assert_eq!(rows("pictures x"), Vec::<&str>::new());
        assert_eq!(rows("wanna"), ["f6"], "after a non-ASCII letter, and not in the description");
        assert_eq!(rows("ttroy"), ["g7"]);
        assert_eq!(rows("e5sony"), Vec::<&str>::new(), "not across the separator");
        assert_eq!(rows("e5\u{1f}sony"), Vec::<&str>::new(), "a needle holding the separator matches nothing");
        assert_eq!(rows("").len(), 7);
        assert_eq!(rows("d4"), ["d4"], "an empty name holds nothing, its id does");
        assert_eq!(rows("oy"), ["op-troy", "b2", "g7"], "the last bytes of a name");
        assert_eq!(rows("sony pictures x"), Vec::<&str>::new(), "a needle longer than what is left");
    }

    #[test]
    fn a_search_agrees_with_reading_each_row_on_hundreds_of_rows() {
        // Short ids and names of a few letters, so that needles match in many rows, at the
        // start and end of fields, and past the 64 rows of a word of hits.
        let mut seed = 7u32;
        let mut word = |n: u32| {
            (0..1 + n % 5)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ['a', 'B', 'c', ' ', 'é'][(seed >> 16) as usize % 5]
                })
                .collect::<String>()
        };
        let rows: Vec<Incident> =
            (0..300).map(|k| Incident { name: word(k + 3), ..incident(&word(k), "2011", &["KOR"]) }).collect();
        let store = Store::from(rows.clone());
        // Each needle twice over (the last search's rows are kept) and after another.
        let needles = ["a", "b", "ab", "ab", "ba", "c a", "é", "aé", "bcb", "abab", " ", "zz", "a\u{1f}b", "a"];
        for needle in needles {
            let hits = store.search(needle.as_bytes());
            for (k, i) in rows.iter().enumerate() {
                let holds = |f: &str| f.to_ascii_lowercase().contains(needle);
                assert_eq!(
                    hit(&hits, k),
                    holds(&i.id) || holds(&i.name),
                    "row {k} ({:?}, {:?}), '{needle}'",
                    i.id,
                    i.name
                );
            }
        }
    }
}
