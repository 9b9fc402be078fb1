//! Reading other people's files: helpers shared by the EuRepoC, CFR and mapped importers, which
//! keep every row they can and turn each oddity into a warning with its row and column.

use super::table::Row;
use super::Warning;
use crate::model::{Country, PartialDate};

/// The values of a multi-valued cell. A Python list literal (`['Korea, Republic of', 'Japan']`,
/// nested lists flattened) gives its strings; other text is one value. Blank values are dropped.
pub fn list_values(cell: &str) -> Vec<String> {
    let t = cell.trim();
    if !t.starts_with('[') {
        return if t.is_empty() { Vec::new() } else { vec![t.to_string()] };
    }
    let mut out = Vec::new();
    let mut chars = t.chars();
    let mut bare = String::new();
    let flush = |bare: &mut String, out: &mut Vec<String>| {
        let v = bare.trim();
        if !v.is_empty() {
            out.push(v.to_string());
        }
        bare.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                let mut s = String::new();
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => {
                            if let Some(e) = chars.next() {
                                s.push(e);
                            }
                        }
                        _ if d == c => break,
                        _ => s.push(d),
                    }
                }
                let s = s.trim();
                if !s.is_empty() {
                    out.push(s.to_string());
                }
            }
            '[' | ']' | ',' => flush(&mut bare, &mut out),
            _ => bare.push(c),
        }
    }
    flush(&mut bare, &mut out);
    out
}

/// A date as spreadsheets and exports write it: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a time after it
/// is ignored), `YYYY/MM/DD`, or the US `M/D/YYYY`.
pub fn flexible_date(text: &str) -> Result<PartialDate, String> {
    let t = text.trim();
    let day_part = t.split(['T', ' ']).next().unwrap_or("");
    match PartialDate::parse(day_part) {
        Ok(d) => return Ok(d),
        // Written as an ISO date: its own error (a day that does not exist, a year out of range) says most.
        Err(e) if day_part.contains('-') && day_part.starts_with(|c: char| c.is_ascii_digit()) => return Err(e),
        Err(_) => {}
    }
    let parts: Vec<&str> = day_part.split('/').collect();
    fn num(s: &str, max_len: usize) -> bool {
        !s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit())
    }
    let ymd = |y: &str, m: &str, d: &str| (num(y, 4) && num(m, 2) && num(d, 2)).then(|| format!("{y}-{m:0>2}-{d:0>2}"));
    let iso = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => ymd(y, m, d),
        [m, d, y] if y.len() == 4 => ymd(y, m, d),
        _ => None,
    };
    match iso {
        Some(iso) => PartialDate::parse(&iso).map_err(|e| format!("'{t}' read as {iso}: {e}")),
        None => Err(format!("'{t}' is not a date (expected YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY)")),
    }
}

/// Values that say "no state named", rather than naming a state we do not know.
fn says_unknown(v: &str) -> bool {
    matches!(
        v.trim().to_ascii_lowercase().as_str(),
        "" | "unknown" | "not available" | "n/a" | "na" | "none" | "-" | "unattributed" | "not attributed"
    )
}

/// The ids a file has used so far, each with the row that used it first: the same map as the
/// project's own format keeps (src/import/native.rs), so the module has one copy of its code.
pub type Seen = std::collections::HashMap<String, usize>;

/// Collects one file's warnings, each with its row.
#[derive(Default)]
pub struct Notes {
    pub warnings: Vec<Warning>,
}

impl Notes {
    pub fn warn(&mut self, row: usize, column: &str, message: impl Into<String>) {
        Warning::push(&mut self.warnings, row, column, message);
    }

    /// A state named in any common form; an unrecognised name is kept as unknown with a warning.
    pub fn country(&mut self, row: usize, column: &str, value: &str) -> Country {
        if says_unknown(value) {
            return Country::unknown();
        }
        Country::parse(value).unwrap_or_else(|| {
            self.warn(row, column, format!("unknown country '{}'; kept as unknown", value.trim()));
            Country::unknown()
        })
    }

    /// Every state in a multi-valued cell, in order, without repeats. A plain text cell that is
    /// not one country may list several, separated by `;`, `|` or `,`.
    pub fn countries(&mut self, row: usize, column: &str, cell: &str) -> Vec<Country> {
        let mut values = list_values(cell);
        if values.len() == 1
            && !cell.trim().starts_with('[')
            && Country::parse(&values[0]).is_none()
            && !says_unknown(&values[0])
        {
            let pieces: Vec<String> =
                values[0].split([';', '|', ',']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
            if pieces.len() > 1 {
                values = pieces;
            }
        }
        let mut out = Vec::new();
        for v in values {
            let c = self.country(row, column, &v);
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }

    /// The initiator of a cell that may name several states: the first counts, a warning names
    /// the others; none named is unknown.
    pub fn initiator(&mut self, row: usize, column: &str, cell: &str) -> Country {
        let all = self.countries(row, column, cell);
        let first = all.first().copied().unwrap_or_else(Country::unknown);
        if all.len() > 1 {
            let names: Vec<&str> = all.iter().map(|c| c.name()).collect();
            self.warn(
                row,
                column,
                format!(
                    "names {} initiator states ({}); counted under the first, {}",
                    all.len(),
                    names.join(", "),
                    first.name()
                ),
            );
        }
        first
    }

    /// The targets of a cell; none named is one unknown target (an incident always has one).
    pub fn targets(&mut self, row: usize, column: &str, cell: &str) -> Vec<Country> {
        let mut all = self.countries(row, column, cell);
        if all.is_empty() {
            all.push(Country::unknown());
        }
        all
    }

    /// A start date that is empty (`raw`) or unreadable (`problem`): the incident is kept undated,
    /// and the warning says so.
    pub fn undated(&mut self, row: usize, column: &str, raw: &str, problem: String) -> Option<PartialDate> {
        let problem = if raw.trim().is_empty() { "is empty".to_string() } else { problem };
        self.warn(row, column, format!("{problem}; kept as undated (counted, but not on the timeline)"));
        None
    }

    /// An already-read end date, with a warning when it is surely before the start.
    pub fn end(
        &mut self,
        row: usize,
        column: &str,
        end: Option<PartialDate>,
        start: Option<PartialDate>,
    ) -> Option<PartialDate> {
        if let Some((e, start)) = end.zip(start).filter(|(e, s)| e.surely_before(s)) {
            self.warn(row, column, format!("ends ({e}) before it starts ({start}); kept as given"));
        }
        end
    }

    /// A date; an unreadable one is a warning and `None`.
    pub fn date(&mut self, row: usize, column: &str, value: &str) -> Option<PartialDate> {
        if value.trim().is_empty() {
            return None;
        }
        flexible_date(value).map_err(|m| self.warn(row, column, format!("{m}; left empty"))).ok()
    }

    /// A whole-number severity from 0 to `max`; anything else is a warning and not coded.
    /// Fractions are rounded, with a warning.
    pub fn score(&mut self, row: usize, column: &str, value: &str, max: u8) -> Option<u8> {
        let v = value.trim();
        if says_unknown(v) {
            return None;
        }
        match super::number::parse(v) {
            Some(n) if (-0.5..f64::from(max) + 0.5).contains(&n) => {
                if n.fract() != 0.0 {
                    self.warn(row, column, format!("'{v}' rounded to {}", super::number::text(n.round())));
                }
                Some(n.round() as u8)
            }
            _ => {
                self.warn(row, column, format!("'{v}' is not a score from 0 to {max}; kept as not coded"));
                None
            }
        }
    }

    /// An incident id unique within the file: a repeat gets a suffix, with a warning.
    pub fn unique_id(&mut self, row: usize, column: &str, id: String, seen: &mut Seen) -> String {
        let id: String =
            id.chars().map(|c| if c.is_control() { ' ' } else { c }).collect::<String>().trim().to_string();
        if seen.insert(id.clone(), row).is_none() {
            return id;
        }
        let mut k = 2;
        while seen.contains_key(&format!("{id}-{k}")) {
            k += 1;
        }
        let new = format!("{id}-{k}");
        self.warn(row, column, format!("id '{id}' is used by an earlier row; this one is kept as '{new}'"));
        seen.insert(new.clone(), row);
        new
    }
}

/// The http(s) URLs in some cells (list literals, or text separated by spaces, `;` or `,`), each
/// once, and the other words found among them.
fn split_sources<'a>(cells: impl IntoIterator<Item = &'a str>) -> (Vec<String>, Vec<String>) {
    let (mut found, mut other): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for cell in cells {
        for v in list_values(cell) {
            for s in v.split(|c: char| c.is_whitespace() || c == ';' || c == ',').filter(|s| !s.is_empty()) {
                if !super::is_url(s) {
                    other.push(s.to_string());
                } else if !found.iter().any(|u| u == s) {
                    found.push(s.to_string());
                }
            }
        }
    }
    (found, other)
}

/// The http(s) URLs in some cells (list literals, or text separated by spaces, `;` or `,`).
pub fn urls<'a>(cells: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    split_sources(cells).0
}

impl Notes {
    /// The http(s) URLs of one cell; anything else in it is left out with a warning (a
    /// `javascript:` or `data:` address never becomes a link).
    pub fn sources(&mut self, row: usize, column: &str, cell: &str) -> Vec<String> {
        let (found, other) = split_sources([cell]);
        if !other.is_empty() {
            self.warn(row, column, format!("'{}' is not an http(s) URL; left out", other.join(" ")));
        }
        found
    }
}

/// The cell of `row` at column `i`, or empty.
pub fn cell(row: &Row, i: Option<usize>) -> &str {
    i.and_then(|i| row.cells.get(i)).map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_literals() {
        assert_eq!(list_values("['Korea, Republic of', 'Japan']"), ["Korea, Republic of", "Japan"]);
        assert_eq!(
            list_values(r#"["Korea, Democratic People's Republic of"]"#),
            ["Korea, Democratic People's Republic of"]
        );
        assert_eq!(list_values("[['a', 'b'], ['c']]"), ["a", "b", "c"]);
        assert_eq!(list_values("[]"), Vec::<String>::new());
        assert_eq!(list_values("  Japan "), ["Japan"]);
        assert_eq!(list_values("[1, 2]"), ["1", "2"]);
        assert_eq!(list_values(r"['it\'s']"), ["it's"]);
    }

    #[test]
    fn dates_in_export_styles() {
        let d = |s| flexible_date(s).map(|d| d.to_string());
        assert_eq!(d("3/20/2013").unwrap(), "2013-03-20");
        assert_eq!(d("2013-03-20").unwrap(), "2013-03-20");
        assert_eq!(d("2013-03-20 00:00:00").unwrap(), "2013-03-20");
        assert_eq!(d("2013-03-20T10:00:00Z").unwrap(), "2013-03-20");
        assert_eq!(d("2013/3/20").unwrap(), "2013-03-20");
        assert_eq!(d("2014").unwrap(), "2014");
        assert!(d("2/30/2023").unwrap_err().contains("28 days"));
        assert!(d("Spring 2014").is_err());
        assert!(d("13/1/2014").is_err());
    }

    #[test]
    fn countries_in_every_form() {
        let mut n = Notes::default();
        let codes = |v: Vec<Country>| v.iter().map(|c| c.code()).collect::<Vec<_>>();
        assert_eq!(codes(n.countries(1, "c", "['Korea, Republic of', 'Japan', 'Korea, Republic of']")), ["KOR", "JPN"]);
        assert_eq!(codes(n.countries(1, "c", "Korea, Republic of")), ["KOR"]);
        assert_eq!(codes(n.countries(1, "c", "KOR; US")), ["KOR", "USA"]);
        assert_eq!(codes(n.countries(1, "c", "Not available")), ["XXX"]);
        assert!(n.warnings.is_empty());
        assert_eq!(codes(n.countries(4, "c", "['Atlantis']")), ["XXX"]);
        assert_eq!(n.warnings.len(), 1);
        assert!(n.warnings[0].message.contains("'Atlantis'") && n.warnings[0].row == 4);
    }

    #[test]
    fn scores_and_ids() {
        let mut n = Notes::default();
        assert_eq!(n.score(1, "s", "7", 10), Some(7));
        assert_eq!(n.score(1, "s", "", 10), None);
        assert!(n.warnings.is_empty());
        assert_eq!(n.score(2, "s", "3.6", 10), Some(4));
        assert_eq!(n.score(3, "s", "11", 10), None);
        assert_eq!(n.score(4, "s", "-1", 10), None);
        assert_eq!(n.score(5, "s", "NaN", 10), None);
        assert_eq!(n.warnings.iter().map(|w| w.row).collect::<Vec<_>>(), [2, 3, 4, 5]);
        let mut seen = Default::default();
        assert_eq!(n.unique_id(1, "id", "a".into(), &mut seen), "a");
        assert_eq!(n.unique_id(2, "id", "a".into(), &mut seen), "a-2");
        assert_eq!(n.unique_id(3, "id", "a".into(), &mut seen), "a-3");
    }
}
