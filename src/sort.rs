//! The module's one sort. The standard library's sort is generic: each element type and comparator
//! sorted somewhere adds its own copy (about 3 KB of wasm each; ten of them were a sixth of the
//! code). Here every sort goes through one copy, sorting `u32` indices with a comparator behind a
//! reference, and vectors are put in that order after.

use std::cmp::Ordering;

/// Sorts `rows` by `cmp`, stably.
pub fn indices(rows: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    rows.sort_by(|a, b| cmp(*a, *b));
}

/// Sorts `v` by `cmp`, stably (through [`indices`]).
pub fn by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    indices(&mut order, &|a, b| cmp(&v[a as usize], &v[b as usize]));
    let mut old: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.iter().filter_map(|&k| old[k as usize].take()));
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_stably_by_the_comparator() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        super::by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut rows = [4u32, 0, 3, 1, 2];
        super::indices(&mut rows, &|a, b| b.cmp(&a));
        assert_eq!(rows, [4, 3, 2, 1, 0]);
    }
}
