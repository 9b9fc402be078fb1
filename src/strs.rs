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

#[cfg(test)]
mod tests {
    use super::*;

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
