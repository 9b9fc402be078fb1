//! Dates known to a day, a month or only a year, as sources give them.

use std::fmt;

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    pub fn slug(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; ordering is chronological with unknown parts first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Years a state cyber incident can plausibly carry; anything outside is a typo.
pub const EARLIEST_YEAR: i32 = 1980;
pub const LATEST_YEAR: i32 = 2100;

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Start dates in time order, the undated after every dated one.
pub fn chronological(a: &Option<PartialDate>, b: &Option<PartialDate>) -> std::cmp::Ordering {
    (a.is_none(), a).cmp(&(b.is_none(), b))
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists in that month.
    pub fn parse(text: &str) -> Result<PartialDate, String> {
        // Read from the bytes, without splitting into a list: every row of a file has a date or two.
        let t = crate::strs::trim(text);
        let b = t.as_bytes();
        let number = |from: usize, to: usize| {
            let d = b.get(from..to).filter(|d| d.iter().all(u8::is_ascii_digit))?;
            Some(d.iter().fold(0u32, |n, &c| n * 10 + u32::from(c - b'0')))
        };
        let dash = |at: usize| b.get(at) == Some(&b'-');
        let shape = match b.len() {
            4 => number(0, 4).map(|y| (y, None, None)),
            7 if dash(4) => number(0, 4).zip(number(5, 7)).map(|(y, m)| (y, Some(m), None)),
            10 if dash(4) && dash(7) => {
                number(0, 4).zip(number(5, 7)).zip(number(8, 10)).map(|((y, m), d)| (y, Some(m), Some(d)))
            }
            _ => None,
        };
        let Some((year, month, day)) = shape else {
            return Err(format!("'{t}' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"));
        };
        let year = year as i32;
        if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&year) {
            return Err(format!("year {year} in '{t}' is outside {EARLIEST_YEAR}-{LATEST_YEAR}"));
        }
        let month = match month {
            Some(m) => {
                let m = m as u8;
                if !(1..=12).contains(&m) {
                    return Err(format!("'{t}' has no month {m:02}"));
                }
                Some(m)
            }
            None => None,
        };
        let day = match (day, month) {
            (Some(d), Some(m)) => {
                let d = d as u8;
                if d == 0 || d > days_in_month(year, m) {
                    return Err(format!("'{t}' is not a real day ({year}-{m:02} has {} days)", days_in_month(year, m)));
                }
                Some(d)
            }
            _ => None,
        };
        Ok(PartialDate { year, month, day })
    }

    /// A date from its numbers (month and day 0: unknown), checked as [`PartialDate::parse`]
    /// checks text, without writing it out: the hand-over of a million incidents reads one each.
    pub fn from_numbers(year: i32, month: u8, day: u8) -> Result<PartialDate, String> {
        if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&year) {
            return Err(format!("year {year} is outside {EARLIEST_YEAR}-{LATEST_YEAR}"));
        }
        match (month, day) {
            (0, 0) => Ok(PartialDate { year, month: None, day: None }),
            (1..=12, 0) => Ok(PartialDate { year, month: Some(month), day: None }),
            (1..=12, d) if d <= days_in_month(year, month) => {
                Ok(PartialDate { year, month: Some(month), day: Some(d) })
            }
            _ => Err(format!("{year:04}-{month:02}-{day:02} is not a real date")),
        }
    }

    /// True only when this date is certainly earlier than `other`: compared at the coarser of the
    /// two precisions, so `2011-04` is not before `2011-04-12`.
    pub fn surely_before(&self, other: &PartialDate) -> bool {
        let p = self.precision().min(other.precision());
        let key = |d: &PartialDate| match p {
            Precision::Year => (d.year, 0, 0),
            Precision::Month => (d.year, d.month.unwrap_or(0), 0),
            Precision::Day => (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0)),
        };
        key(self) < key(other)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Days since 1970-01-01 of the date's middle: an imprecise date counts from the middle of
    /// the period it names (the 15th of a month, 1 July of a year), as it is drawn.
    pub fn day_number(&self) -> i32 {
        let (m, d) = match (self.month, self.day) {
            (Some(m), Some(d)) => (m, d),
            (Some(m), None) => (m, 15),
            _ => (7, 1),
        };
        // Days from civil (proleptic Gregorian), counting years from March.
        let y = self.year - i32::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (i32::from(m) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i32::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Position on a continuous time axis in years. An imprecise date sits in the middle of the
    /// period it names, so a "2014" incident is drawn mid-2014, not on 1 January.
    pub fn fractional_year(&self) -> f64 {
        let y = f64::from(self.year);
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                let dim = f64::from(days_in_month(self.year, m));
                y + (f64::from(m) - 1.0 + (f64::from(d) - 0.5) / dim) / 12.0
            }
            (Some(m), None) => y + (f64::from(m) - 0.5) / 12.0,
            _ => y + 0.5,
        }
    }
}

impl PartialDate {
    /// Appends the date as [`fmt::Display`] writes it (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), digit by
    /// digit: the store writes two dates into every imported row's text, and formatting them was
    /// a twentieth of an import.
    pub fn push_to(&self, out: &mut String) {
        if !(0..=9999).contains(&self.year) {
            out.push_str(&self.to_string());
            return;
        }
        let digits = |out: &mut String, n: u32, width: u32| {
            for k in (0..width).rev() {
                out.push(char::from(b'0' + (n / 10u32.pow(k) % 10) as u8));
            }
        };
        digits(out, self.year as u32, 4);
        for part in [self.month, self.day].into_iter().flatten() {
            if part > 99 {
                out.push('-');
                out.push_str(&part.to_string());
            } else {
                out.push('-');
                digits(out, u32::from(part), 2);
            }
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_digit_by_digit_as_display_writes_them() {
        let dates = [
            (2015, None, None),
            (2015, Some(3), None),
            (1980, Some(12), Some(31)),
            (7, Some(1), Some(2)),
            (-3, None, None),
            (12345, Some(100), None),
            (2001, Some(150), Some(7)),
        ];
        for (year, month, day) in dates {
            let d = PartialDate { year, month, day };
            let mut out = String::from("x");
            d.push_to(&mut out);
            assert_eq!(out, format!("x{d}"));
        }
    }

    #[test]
    fn parses_each_precision() {
        let d = PartialDate::parse("2013-03-20").unwrap();
        assert_eq!((d.year, d.month, d.day, d.precision()), (2013, Some(3), Some(20), Precision::Day));
        assert_eq!(PartialDate::parse("2014-11").unwrap().precision(), Precision::Month);
        assert_eq!(PartialDate::parse(" 2016 ").unwrap().precision(), Precision::Year);
        assert_eq!(PartialDate::parse("2016-02-29").unwrap().to_string(), "2016-02-29");
    }

    #[test]
    fn numbers_are_checked_as_text_is() {
        for text in ["2013", "2013-03", "2013-03-20", "2012-02-29"] {
            let d = PartialDate::parse(text).unwrap();
            assert_eq!(PartialDate::from_numbers(d.year, d.month.unwrap_or(0), d.day.unwrap_or(0)), Ok(d));
        }
        for (y, m, d) in [(2013, 2, 29), (2013, 13, 0), (2013, 0, 5), (1900, 1, 1), (2013, 4, 31)] {
            assert!(PartialDate::from_numbers(y, m, d).is_err(), "{y}-{m}-{d}");
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in ["2023-02-30", "0000-00-00", "2015-13", "20150101", "2015/01/01", "", "1850", "2019-02-29"] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should fail");
        }
        assert!(PartialDate::parse("2023-02-30").unwrap_err().contains("28 days"));
    }

    #[test]
    fn before_compares_at_the_coarser_precision() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert!(!d("2011-04").surely_before(&d("2011-04-12")));
        assert!(!d("2011").surely_before(&d("2011-12-31")));
        assert!(d("2011-03").surely_before(&d("2011-04-01")));
        assert!(d("2011-04-11").surely_before(&d("2011-04-12")));
        assert!(!d("2011-04-12").surely_before(&d("2011-04-12")));
    }

    #[test]
    fn day_numbers_count_from_1970() {
        let d = |s| PartialDate::parse(s).unwrap().day_number();
        assert_eq!(d("1980-01-01"), 3_652);
        assert_eq!(d("2000-03-01"), 11_017);
        assert_eq!(d("2014-12-19") - d("2014-11-24"), 25);
        assert_eq!(d("2016-03-01") - d("2016-02-28"), 2);
        assert_eq!(d("2014-12"), d("2014-12-15"));
        assert_eq!(d("2014"), d("2014-07-01"));
    }

    #[test]
    fn imprecise_dates_sit_mid_period() {
        assert_eq!(PartialDate::parse("2014").unwrap().fractional_year(), 2014.5);
        assert!((PartialDate::parse("2014-07").unwrap().fractional_year() - 2_014.541_666).abs() < 1e-3);
        let jan1 = PartialDate::parse("2014-01-01").unwrap().fractional_year();
        assert!(jan1 > 2014.0 && jan1 < 2014.002);
    }
}
