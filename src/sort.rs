//! The module's one sort. The standard library's sort is generic: each element type and comparator
//! sorted somewhere adds its own copy (about 3 KB of wasm each; ten of them were a sixth of the
//! code). Here every sort goes through one copy, sorting `u32` indices with a comparator behind a
//! reference, and vectors are put in that order after. That copy is a merge sort of our own: the
//! standard library's stable sort, even once, was 4 KB of the explorer's wasm (its quicksort,
//! its run detection, its small sorts and their panics), where this is a few hundred bytes.

use std::cmp::Ordering;

/// Runs sorted by insertion before the merges: fewer passes over the rows.
const RUN: usize = 16;

/// Sorts `rows` by `cmp`, stably: runs of [`RUN`] by insertion, then merged in passes of doubling
/// width, from one buffer to the other. Two runs already in order are copied without merging,
/// so rows that are nearly in order (the usual case: data read in date order) cost one pass each.
pub fn indices(rows: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    for run in rows.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && cmp(run[j - 1], run[j]) == Ordering::Greater {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    if rows.len() <= RUN {
        return;
    }
    let (mut from, mut to) = (rows.to_vec(), vec![0u32; rows.len()]);
    let mut width = RUN;
    while width < rows.len() {
        for (src, out) in from.chunks(2 * width).zip(to.chunks_mut(2 * width)) {
            let (left, right) = src.split_at(width.min(src.len()));
            merge(left, right, out, cmp);
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    rows.copy_from_slice(&from);
}

/// Merges two sorted runs into `out` (as long as both), the left one's rows first among equals.
fn merge(left: &[u32], right: &[u32], out: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    let (mut l, mut r) = (left.iter().copied().peekable(), right.iter().copied().peekable());
    if let (Some(&last), Some(&first)) = (left.last(), right.first()) {
        if cmp(last, first) != Ordering::Greater {
            l.by_ref().chain(r.by_ref()).zip(out.iter_mut()).for_each(|(v, o)| *o = v);
            return;
        }
    }
    for o in out.iter_mut() {
        *o = match (l.peek(), r.peek()) {
            (Some(&a), Some(&b)) if cmp(a, b) == Ordering::Greater => {
                r.next();
                b
            }
            (Some(&a), _) => {
                l.next();
                a
            }
            (None, Some(&b)) => {
                r.next();
                b
            }
            (None, None) => break,
        };
    }
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

    /// The same order as the standard library's stable sort, at lengths around the runs and the
    /// passes, on keys with many ties, in order, reversed and shuffled.
    #[test]
    fn agrees_with_the_standard_stable_sort() {
        let mut seed = 11u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as u32
        };
        for len in [0, 1, 2, 15, 16, 17, 31, 32, 33, 100, 257, 1000, 4099] {
            for kind in 0..4 {
                let keys: Vec<u32> = (0..len)
                    .map(|i| match kind {
                        0 => next() % 7,
                        1 => i as u32 / 3,
                        2 => (len - i) as u32 / 2,
                        _ => next(),
                    })
                    .collect();
                let by_key = |a: u32, b: u32| keys[a as usize].cmp(&keys[b as usize]);
                let mut ours: Vec<u32> = (0..len as u32).collect();
                super::indices(&mut ours, &by_key);
                let mut theirs: Vec<u32> = (0..len as u32).collect();
                theirs.sort_by(|&a, &b| by_key(a, b));
                assert_eq!(ours, theirs, "length {len}, kind {kind}");
            }
        }
    }
}
