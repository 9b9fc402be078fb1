//! Text helpers that never panic. Slicing a `str` (`&s[a..b]`) or searching it for a `&str`
//! (`split_once(", ")`, `replacen`, `trim_end_matches(".0")`) can reach core's
//! `str::slice_error_fail`, whose message formats a `char` with `Debug` and so brings Unicode's
//! printable and grapheme tables into the module. Neither wasm module reaches any of them: the
//! code they run slices with `str::get` and searches with these (`str::contains` with a `&str`
//! too: [`contains`]).

/// Where `needle` first occurs in `text` (a byte offset), compared byte by byte: both are UTF-8,
/// so a match always starts and ends on character boundaries.
pub fn find(text: &str, needle: &str) -> Option<usize> {
    let (t, n) = (text.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    t.windows(n.len()).position(|w| w == n)
}

/// Whether `needle` occurs in `text`, as `str::contains` with a `&str` pattern.
pub fn contains(text: &str, needle: &str) -> bool {
    find(text, needle).is_some()
}

/// `text` split around the first `needle`, as `str::split_once` with a `&str` pattern.
pub fn split_once<'t>(text: &'t str, needle: &str) -> Option<(&'t str, &'t str)> {
    let at = find(text, needle)?;
    Some((text.get(..at)?, text.get(at + needle.len()..)?))
}

/// `text` with its first `from` replaced by `to`, as `str::replacen(from, to, 1)`.
pub fn replace_first(text: &str, from: &str, to: &str) -> String {
    match split_once(text, from) {
        Some((head, tail)) => [head, to, tail].concat(),
        None => text.to_string(),
    }
}

/// `text` before byte `at` and after it (from `at + skip`), empty where that is not a character
/// boundary (callers pass offsets they found in the text).
pub fn around(text: &str, at: usize, skip: usize) -> (&str, &str) {
    (text.get(..at).unwrap_or(""), text.get(at + skip..).unwrap_or(""))
}

/// `text.trim()`, returning at once when it starts and ends with a visible ASCII character (nearly
/// every cell of a file): `str::trim` decodes characters from both ends, a tenth of a DCID file's
/// import when every cell was trimmed that way.
pub fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// How many times `byte` occurs in `bytes`, eight bytes at a time. The wasm modules are built
/// without SIMD, and a byte at a time, in the browser's first, unoptimised code for a function, was
/// most of checking an import's text fields as the page took it in.
pub fn count_byte(bytes: &[u8], byte: u8) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let pattern = u64::from_ne_bytes([byte; 8]);
    let mut words = bytes.chunks_exact(8);
    let mut n = 0;
    for w in &mut words {
        let x = u64::from_ne_bytes(w.try_into().unwrap_or_default()) ^ pattern;
        // Each byte's high bit is set where x's byte is zero, and only there (no carry crosses
        // a byte: each sum is at most 0xfe).
        n += (!(((x & LOW7) + LOW7) | x | LOW7)).count_ones() as usize;
    }
    n + words.remainder().iter().filter(|&&b| b == byte).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_byte_counts_as_a_byte_at_a_time_does() {
        let mut seed = 3u64;
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    [0x1f, 0x1e, 0x9f, 0x80, 0x00, 0xff, b'a', 0x7f][(seed >> 33) as usize % 8]
                })
                .collect();
            for byte in [0x1f, 0x00, 0x80, 0xff, 0x7f, b'a', b'z'] {
                let expected = bytes.iter().filter(|&&b| b == byte).count();
                assert_eq!(super::count_byte(&bytes, byte), expected, "{byte:#x} in {bytes:?}");
            }
        }
    }

    #[test]
    fn helpers_agree_with_std() {
        for (t, n) in [("Korea (Republic of)", " ("), ("a, b, c", ", "), ("", ", "), ("é, ü", ", "), ("ab", "abc")] {
            assert_eq!(find(t, n), t.find(n));
            assert_eq!(contains(t, n), t.contains(n));
            assert_eq!(split_once(t, n), t.split_once(n));
            assert_eq!(replace_first(t, n, ",\n"), t.replacen(n, ",\n", 1));
        }
        for t in ["", " ", "a", " a ", "a\u{a0}", "\u{2003}b", "x y", "\tq\n", "é", "\u{a0}"] {
            assert_eq!(trim(t), t.trim(), "{t:?}");
        }
        assert_eq!(around("Self-defence", 5, 0), ("Self-", "defence"));
        assert_eq!(around("né", 2, 0), ("", ""));
    }
}
