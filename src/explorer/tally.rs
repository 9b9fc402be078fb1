//! What the filter lists offer (see [`Explorer::facets`]), counted once per dataset. The page
//! takes a million incidents in steps (see [`super::Receiving`]) and counts them in the same
//! steps, so their facets are ready with the data: counted at once, in six passes, a million rows
//! held the page's main thread for 40 to 75 ms.

use super::Choice;
use crate::model::{Certainty, Country, Effects, Method, Objective, TargetType};
use crate::store::{Facts, Store};

/// How many incidents carry each value of each list field, and the years they span.
#[derive(Clone, Debug)]
pub struct Tally {
    years: Option<(i32, i32)>,
    initiators: Vec<usize>,
    targets: Vec<usize>,
    methods: Vec<usize>,
    objectives: Vec<usize>,
    target_types: Vec<usize>,
    effects: Vec<usize>,
    certainty: Vec<usize>,
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
            initiators: vec![0; Country::count()],
            targets: vec![0; Country::count()],
            methods: vec![0; Method::ALL.len()],
            objectives: vec![0; Objective::ALL.len()],
            target_types: vec![0; TargetType::ALL.len()],
            effects: vec![0; Effects::ALL.len()],
            certainty: vec![0; Certainty::ALL.len()],
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
            let y = i.start.year;
            self.years = Some(self.years.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
            self.initiators[i.initiator.index()] += 1;
            self.targets[i.target.index()] += 1;
            count(Method::ALL, &mut self.methods, i.method);
            count(Objective::ALL, &mut self.objectives, i.objective);
            count(TargetType::ALL, &mut self.target_types, i.target_type);
            count(Effects::ALL, &mut self.effects, i.effects);
            count(Certainty::ALL, &mut self.certainty, i.certainty);
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explorer::Explorer;

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
        assert_eq!((t.first_year(), t.last_year()), (whole.first_year(), whole.last_year()));
        assert_eq!(t.initiators(), whole.initiators());
        assert_eq!(t.targets(), whole.targets());
        assert_eq!(t.methods(), whole.methods());
        assert!(!whole.targets().is_empty() && !whole.methods().is_empty());
    }
}
