//! What the filter lists offer (see [`Explorer::facets`]), counted once per dataset. The page
//! takes a million incidents in steps (see [`super::Receiving`]) and counts them in the same
//! steps, so their facets are ready with the data: counted at once, in six passes, a million rows
//! held the page's main thread for 40 to 75 ms.

use super::Choice;
use crate::model::{Certainty, Country, Effects, Method, Objective, Scope, TargetType};
use crate::store::{Facts, Store};

/// How many incidents carry each value of each list field, the years the dated ones span, and
/// how many are undated.
#[derive(Clone, Debug)]
pub struct Tally {
    years: Option<(i32, i32)>,
    undated: usize,
    initiators: Vec<usize>,
    targets: Vec<usize>,
    methods: Vec<usize>,
    objectives: Vec<usize>,
    target_types: Vec<usize>,
    effects: Vec<usize>,
    certainty: Vec<usize>,
    scope: Vec<usize>,
}

/// Counts `v` in `counts` (indexed as `all`), when present.
fn count<T: PartialEq>(all: &[T], counts: &mut [usize], v: Option<T>) {
    if let Some(k) = v.and_then(|v| all.iter().position(|x| *x == v)) {
        counts[k] += 1;
    }
}

/// The values of a vocabulary counted at least once, in its order, with their counts.
fn listed<T: Copy>(
    all: &[T],
    counts: &[usize],
    slug: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<Choice> {
    all.iter()
        .zip(counts)
        .filter(|(_, count)| **count > 0)
        .map(|(v, count)| Choice { value: slug(*v), label: label(*v), count: *count })
        .collect()
}

/// Countries counted at least once, largest first (ties by name, as [`crate::stats::count_ranked`]).
fn ranked(counts: &[usize]) -> Vec<Choice> {
    let present =
        counts.iter().enumerate().filter(|(_, n)| **n > 0).filter_map(|(k, n)| Some((Country::from_index(k)?, *n)));
    let mut out: Vec<(Country, usize)> = present.collect();
    crate::sort::by(&mut out, |a, b| b.1.cmp(&a.1).then_with(|| a.0.name().cmp(b.0.name())));
    out.into_iter().map(|(c, count)| Choice { value: c.code(), label: c.name(), count }).collect()
}

impl Default for Tally {
    fn default() -> Tally {
        Tally {
            years: None,
            undated: 0,
            initiators: vec![0; Country::count()],
            targets: vec![0; Country::count()],
            methods: vec![0; Method::ALL.len()],
            objectives: vec![0; Objective::ALL.len()],
            target_types: vec![0; TargetType::ALL.len()],
            effects: vec![0; Effects::ALL.len()],
            certainty: vec![0; Certainty::ALL.len()],
            scope: vec![0; Scope::ALL.len()],
        }
    }
}

impl Tally {
    /// The tally of a whole store.
    pub fn of(store: &Store) -> Tally {
        let mut t = Tally::default();
        t.add(store.facts());
        t.add_targets(store.more_targets());
        t
    }

    /// Counts these incidents (their main target; the others come through [`Tally::add_targets`]).
    pub fn add(&mut self, facts: &[Facts]) {
        for i in facts {
            match i.start {
                Some(d) => {
                    let y = d.year;
                    self.years = Some(self.years.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
                }
                None => self.undated += 1,
            }
            self.initiators[i.initiator.index()] += 1;
            self.targets[i.target.index()] += 1;
            count(Method::ALL, &mut self.methods, i.method);
            count(Objective::ALL, &mut self.objectives, i.objective);
            count(TargetType::ALL, &mut self.target_types, i.target_type);
            count(Effects::ALL, &mut self.effects, i.effects);
            count(Certainty::ALL, &mut self.certainty, i.certainty);
            count(Scope::ALL, &mut self.scope, i.scope);
        }
    }

    /// Counts the targets after each incident's first (see [`Store::more_targets`]).
    pub fn add_targets(&mut self, more: &[(u32, Country)]) {
        for (_, c) in more {
            self.targets[c.index()] += 1;
        }
    }

    pub fn first_year(&self) -> Option<i32> {
        self.years.map(|y| y.0)
    }

    pub fn last_year(&self) -> Option<i32> {
        self.years.map(|y| y.1)
    }

    /// How many incidents have no start date.
    pub fn undated(&self) -> usize {
        self.undated
    }

    pub fn initiators(&self) -> Vec<Choice> {
        ranked(&self.initiators)
    }

    pub fn targets(&self) -> Vec<Choice> {
        ranked(&self.targets)
    }

    pub fn methods(&self) -> Vec<Choice> {
        listed(Method::ALL, &self.methods, Method::slug, Method::label)
    }

    pub fn objectives(&self) -> Vec<Choice> {
        listed(Objective::ALL, &self.objectives, Objective::slug, Objective::label)
    }

    pub fn target_types(&self) -> Vec<Choice> {
        listed(TargetType::ALL, &self.target_types, TargetType::slug, TargetType::label)
    }

    pub fn effects(&self) -> Vec<Choice> {
        listed(Effects::ALL, &self.effects, Effects::slug, Effects::label)
    }

    pub fn attribution(&self) -> Vec<Choice> {
        listed(Certainty::ALL, &self.certainty, Certainty::slug, Certainty::label)
    }

    pub fn scope(&self) -> Vec<Choice> {
        listed(Scope::ALL, &self.scope, Scope::slug, Scope::label)
    }
}

// Native only: they start from the whole bundled file, which the browser's module does not carry.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::explorer::{Explorer, Facets, Receiving};

    /// The facets as main counted them before the tally, each list in a pass of its own over
    /// the whole store: the tally must give the same.
    fn counted_at_once(ex: &Explorer) -> Facets {
        fn countries<'a>(codes: impl Iterator<Item = &'a Country>) -> Vec<Choice> {
            let ranked = crate::stats::count_ranked(codes).into_iter();
            ranked.map(|(c, count)| Choice { value: c.code(), label: c.name(), count }).collect()
        }
        fn vocab<T: Copy + PartialEq>(
            all: &[T],
            values: impl Iterator<Item = Option<T>>,
            slug: fn(T) -> &'static str,
            label: fn(T) -> &'static str,
        ) -> Vec<Choice> {
            let mut counts = vec![0usize; all.len()];
            for v in values.flatten() {
                if let Some(k) = all.iter().position(|x| *x == v) {
                    counts[k] += 1;
                }
            }
            listed(all, &counts, slug, label)
        }
        let store = ex.store();
        let all = store.facts();
        Facets {
            first_year: all.iter().filter_map(|i| i.start.map(|d| d.year)).min(),
            last_year: all.iter().filter_map(|i| i.start.map(|d| d.year)).max(),
            undated: all.iter().filter(|i| i.start.is_none()).count(),
            initiators: countries(all.iter().map(|i| &i.initiator)),
            targets: countries(all.iter().map(|i| &i.target).chain(store.more_targets().iter().map(|(_, t)| t))),
            methods: vocab(Method::ALL, all.iter().map(|i| i.method), Method::slug, Method::label),
            objectives: vocab(Objective::ALL, all.iter().map(|i| i.objective), Objective::slug, Objective::label),
            target_types: vocab(
                TargetType::ALL,
                all.iter().map(|i| i.target_type),
                TargetType::slug,
                TargetType::label,
            ),
            effects: vocab(Effects::ALL, all.iter().map(|i| i.effects), Effects::slug, Effects::label),
            attribution: vocab(Certainty::ALL, all.iter().map(|i| i.certainty), Certainty::slug, Certainty::label),
            scope: vocab(Scope::ALL, all.iter().map(|i| i.scope), Scope::slug, Scope::label),
            ..ex.facets()
        }
    }

    /// `ex` taken in again as the page takes an import: a few rows a step.
    fn received(ex: &Explorer, rows: usize) -> Explorer {
        let f = ex.facets();
        let mut r =
            Receiving::new(ex.to_parts(), f.scale, ex.warnings().to_vec(), f.source, ex.packed_responses()).unwrap();
        while !r.step(rows).unwrap() {}
        r.finish().unwrap()
    }

    /// Counted in pieces, as the page takes data in, the tally is the one of the whole store.
    #[test]
    fn counted_in_pieces_as_at_once() {
        let ex = Explorer::bundled().unwrap();
        let store = ex.store();
        let mut t = Tally::default();
        for piece in store.facts().chunks(7) {
            t.add(piece);
        }
        t.add_targets(store.more_targets());
        let whole = Tally::of(store);
        assert_eq!(
            (t.first_year(), t.last_year(), t.undated()),
            (whole.first_year(), whole.last_year(), whole.undated())
        );
        assert_eq!(t.initiators(), whole.initiators());
        assert_eq!(t.targets(), whole.targets());
        assert_eq!(t.methods(), whole.methods());
        assert_eq!(t.scope(), whole.scope());
        assert!(!whole.targets().is_empty() && !whole.methods().is_empty() && !whole.scope().is_empty());
    }

    /// The facets from the tally are those counted over the whole store, on the bundled data
    /// (with its reference incidents) and on an import with undated rows, whether read at once
    /// or received a few rows a step.
    #[test]
    fn facets_as_counted_over_the_store() {
        let bundled = Explorer::bundled().unwrap();
        let eurepoc = Explorer::from_text(include_str!("../../tests/fixtures/eurepoc/sample.csv"), "eurepoc").unwrap();
        assert!(bundled.facets().scope.len() > 1, "the bundled data has more than one scope");
        assert!(eurepoc.facets().undated > 0, "the fixture has undated rows");
        for ex in [bundled, eurepoc] {
            assert_eq!(ex.facets(), counted_at_once(&ex));
            for rows in [1, 3, 1_000] {
                let again = received(&ex, rows);
                assert_eq!(again.facets(), counted_at_once(&again));
                // The same lists (the context events are the bundled explorer's own, not the data's).
                assert_eq!(again.facets(), Facets { context: again.facets().context, ..ex.facets() });
            }
        }
    }
}
