//! Passes over many rows, a chunk at a time. A browser runs a WebAssembly function's first calls
//! in baseline code, and only later calls in the optimised code it compiles meanwhile; one call
//! that loops over a million rows runs entirely in the baseline code, two to three times slower
//! (measured in Chromium: a first chart of a million incidents 90 to 150 ms, later ones 35 to 50).
//! Looping over chunks through a function of its own lets the later chunks run optimised.

use std::ops::Range;

/// Rows per call: enough for the browser to decide the function is worth optimising.
pub const CHUNK: usize = 16_384;

/// Calls `pass` with the ranges `0..len` splits into, in order, each through a call of its own.
pub fn chunked(len: usize, mut pass: impl FnMut(Range<usize>)) {
    #[inline(never)]
    fn one<F: FnMut(Range<usize>)>(pass: &mut F, range: Range<usize>) {
        pass(range)
    }
    let mut at = 0;
    while at < len {
        let to = len.min(at + CHUNK);
        one(&mut pass, at..to);
        at = to;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_once_in_order() {
        for len in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 7] {
            let mut seen = Vec::new();
            chunked(len, |r| seen.extend(r));
            assert_eq!(seen, (0..len).collect::<Vec<_>>());
        }
    }
}
