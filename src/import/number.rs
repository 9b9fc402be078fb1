//! Numbers in data cells, read and written without Rust's float parsing and formatting (their
//! tables and algorithms were a fifth of the importer module: about 15 KB gzip). Cells hold
//! levels, codes, intensities and spreadsheet serial dates: short decimals, for which this is
//! exact to the last digit that matters.

/// Powers of ten that are exact in an f64.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// A decimal as spreadsheets and CSV files write it: an optional sign, digits with an optional
/// fraction, an optional exponent (`3`, `-2.5`, `.5`, `4.0`, `1e3`, `2.5E-1`). Surrounding
/// spaces are the caller's; anything else (`NaN`, `inf`, `1,5`, `3 km`) is `None`.
pub fn parse(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (neg, mut i) = match b.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let (mut mantissa, mut scale, mut digits, mut dot) = (0u64, 0i32, 0usize, false);
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(c - b'0');
                    scale -= i32::from(dot);
                } else {
                    scale += i32::from(!dot); // digits past the 19th: only their magnitude counts
                }
            }
            b'.' if !dot => dot = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        // Bytes, not `&s[..]`: a str slice could panic, and its message brings Unicode's tables
        // into the module (see crate::strs).
        let rest = b.get(i + 1..).unwrap_or_default();
        let (eneg, body) = match rest.split_first() {
            Some((b'-', body)) => (true, body),
            Some((b'+', body)) => (false, body),
            _ => (false, rest),
        };
        if body.is_empty() || body.len() > 4 || !body.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let e: i32 = body.iter().fold(0, |a, &c| a * 10 + i32::from(c - b'0'));
        scale += if eneg { -e } else { e };
    } else if i != b.len() {
        return None;
    }
    let mut v = mantissa as f64;
    let mut e = scale;
    while e > 0 {
        let k = e.min(22);
        v *= POW10[k as usize];
        e -= k;
    }
    while e < 0 {
        let k = (-e).min(22);
        v /= POW10[k as usize];
        e += k;
    }
    Some(if neg { -v } else { v })
}

/// A number as a cell's text: whole numbers as integers, others with up to six decimals
/// (trailing zeros dropped); not finite, `inf`, `-inf` or `NaN` (which no column accepts, so the
/// row is refused with that value named, as for any other bad cell).
pub fn text(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let a = n.abs();
    if a.fract() == 0.0 || a >= 1e12 {
        return format!("{sign}{}", a.round() as u64);
    }
    let micro = (a * 1e6).round() as u64;
    let (whole, frac) = (micro / 1_000_000, micro % 1_000_000);
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{frac:06}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::{parse, text};

    #[test]
    fn cells_read_as_numbers() {
        for (s, v) in [
            ("3", 3.0),
            ("-2.5", -2.5),
            (".5", 0.5),
            ("4.0", 4.0),
            ("+7", 7.0),
            ("1e3", 1000.0),
            ("2.5E-1", 0.25),
            ("45123.75", 45123.75),
            ("0.1", 0.1),
        ] {
            assert_eq!(parse(s), Some(v), "{s}");
        }
        // Past 19 digits only the magnitude is kept: within a few units of the last place.
        let big = parse("123456789012345678901234").unwrap();
        assert!((big / 1.2345678901234568e23 - 1.0).abs() < 1e-15, "{big}");
        for s in ["", "-", ".", "NaN", "inf", "1,5", "3 km", "1e", "1e+", "2..5", "e3"] {
            assert_eq!(parse(s), None, "{s}");
        }
    }

    #[test]
    fn numbers_written_as_cells() {
        for (v, s) in [
            (3.0, "3"),
            (-2.5, "-2.5"),
            (0.1, "0.1"),
            (1.0 / 3.0, "0.333333"),
            (45123.75, "45123.75"),
            (1e15, "1000000000000000"),
            (-0.0, "0"),
        ] {
            assert_eq!(text(v), s, "{v}");
        }
        assert_eq!(
            (text(f64::NAN), text(f64::INFINITY), text(f64::NEG_INFINITY)),
            ("NaN".into(), "inf".into(), "-inf".into())
        );
    }
}
