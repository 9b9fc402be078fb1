//! Excel workbooks (.xlsx): each sheet read into a [`Table`] of text cells. Shared and inline
//! strings become text, numbers their shortest decimal form, and numbers in a date format
//! `YYYY-MM-DD`, so importers see what a CSV export of the sheet would hold.

use super::table::{Row, Table};
use super::xml::{attr, Scanner, Tok};
use super::zip::Zip;
use crate::error::{Error, Result};

fn xml_err(part: &str, e: impl std::fmt::Display) -> Error {
    Error::File(format!("the workbook's {part} is not valid XML: {e}"))
}

fn text(bytes: Vec<u8>, part: &str) -> Result<String> {
    String::from_utf8(bytes).map_err(|_| Error::File(format!("the workbook's {part} is not UTF-8")))
}

/// Calls `each` with every token of `xml`, naming `part` in errors.
fn scan<'a>(xml: &'a str, part: &str, mut each: impl FnMut(Tok<'a>) -> Result<()>) -> Result<()> {
    let mut scanner = Scanner::new(xml);
    while let Some(tok) = scanner.next_tok().map_err(|e| xml_err(part, e))? {
        each(tok)?;
    }
    Ok(())
}

/// Text of every `<t>` under each `<si>` (phonetic runs left out).
fn shared_strings(xml: &str) -> Result<Vec<String>> {
    let (mut out, mut cur, mut in_t, mut in_phonetic) = (Vec::new(), String::new(), false, false);
    scan(xml, "shared strings", |tok| {
        match tok {
            Tok::Start { name: "si", empty: true, .. } => out.push(String::new()),
            Tok::Start { name: "si", .. } => cur.clear(),
            Tok::Start { name: "t", empty: false, .. } => in_t = true,
            Tok::Start { name: "rPh", empty: false, .. } => in_phonetic = true,
            Tok::End("si") => out.push(std::mem::take(&mut cur)),
            Tok::End("t") => in_t = false,
            Tok::End("rPh") => in_phonetic = false,
            Tok::Text(t) if in_t && !in_phonetic => cur.push_str(&t),
            _ => {}
        }
        Ok(())
    })?;
    Ok(out)
}

/// For each cell style index, whether it shows numbers as dates.
fn date_styles(xml: &str) -> Result<Vec<bool>> {
    let mut custom: Vec<(u32, bool)> = Vec::new();
    let (mut in_xfs, mut styles) = (false, Vec::new());
    scan(xml, "styles", |tok| {
        match tok {
            Tok::Start { name: "numFmt", attrs, .. } => {
                if let (Some(id), Some(code)) =
                    (attr(attrs, "numFmtId").and_then(|v| v.parse().ok()), attr(attrs, "formatCode"))
                {
                    custom.push((id, is_date_format(&code)));
                }
            }
            Tok::Start { name: "cellXfs", empty: false, .. } => in_xfs = true,
            Tok::End("cellXfs") => in_xfs = false,
            Tok::Start { name: "xf", attrs, .. } if in_xfs => {
                let id: u32 = attr(attrs, "numFmtId").and_then(|v| v.parse().ok()).unwrap_or(0);
                styles.push(
                    custom
                        .iter()
                        .find(|(c, _)| *c == id)
                        .map(|(_, d)| *d)
                        .unwrap_or(matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58)),
                );
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(styles)
}

/// A custom number format is a date format when, outside quoted text and `[...]` sections, it
/// has a day, month or year code.
fn is_date_format(code: &str) -> bool {
    let (mut depth, mut quoted, mut found) = (0, false, false);
    for c in code.chars() {
        match c {
            '"' => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted => depth -= 1,
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' if !quoted && depth == 0 => found = true,
            _ => {}
        }
    }
    found && !code.eq_ignore_ascii_case("general")
}

/// Excel's day number (1900 date system) as `YYYY-MM-DD`.
pub fn serial_to_date(serial: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Days since 1970-01-01; Excel counts from 1899-12-30 (its fictitious 1900-02-29 included).
    let z = serial.floor() as i64 - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Column index of a cell reference such as `AB12` (0-based).
fn column_of(reference: &str) -> Option<usize> {
    let letters: Vec<u8> = reference.bytes().take_while(u8::is_ascii_alphabetic).collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    Some(letters.iter().fold(0usize, |acc, b| acc * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1) - 1)
}

/// Largest number of columns a sheet may have; beyond it the workbook is refused.
const MAX_COLUMNS: usize = 16_384;

/// The sheet's rows as `(row number in the sheet, cells)`.
fn sheet_rows(xml: &str, strings: &[String], dates: &[bool]) -> Result<Vec<(usize, Vec<String>)>> {
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut number = 0usize;
    let (mut kind, mut style, mut col, mut value, mut in_value) = (String::new(), 0usize, 0usize, String::new(), false);
    scan(xml, "sheet", |tok| {
        match tok {
            Tok::Start { name: "row", attrs, empty } => {
                row = Vec::new();
                number = attr(attrs, "r").and_then(|r| r.parse().ok()).unwrap_or(number + 1);
                if empty {
                    rows.push((number, Vec::new()));
                }
            }
            Tok::End("row") => rows.push((number, std::mem::take(&mut row))),
            Tok::Start { name: "c", attrs, empty: false } => {
                kind = attr(attrs, "t").map(|k| k.into_owned()).unwrap_or_default();
                style = attr(attrs, "s").and_then(|s| s.parse().ok()).unwrap_or(0);
                col = attr(attrs, "r").as_deref().and_then(column_of).unwrap_or(row.len());
                value.clear();
            }
            Tok::End("c") => {
                if col >= MAX_COLUMNS {
                    return Err(Error::File(format!("a sheet has more than {MAX_COLUMNS} columns")));
                }
                let cell = match kind.as_str() {
                    "s" => value.trim().parse::<usize>().ok().and_then(|i| strings.get(i)).cloned().unwrap_or_default(),
                    "b" => {
                        if value.trim() == "1" {
                            "TRUE".into()
                        } else {
                            "FALSE".into()
                        }
                    }
                    "str" | "inlineStr" | "e" => value.clone(),
                    _ => match super::number::parse(value.trim()) {
                        Some(n) if dates.get(style).copied().unwrap_or(false) => {
                            serial_to_date(n).unwrap_or_else(|| value.clone())
                        }
                        Some(n) => super::number::text(n),
                        None => value.clone(),
                    },
                };
                if row.len() <= col {
                    row.resize(col + 1, String::new());
                }
                row[col] = cell;
            }
            Tok::Start { name: "v" | "t", empty: false, .. } => in_value = true,
            Tok::End("v" | "t") => in_value = false,
            Tok::Text(t) if in_value => value.push_str(&t),
            _ => {}
        }
        Ok(())
    })?;
    Ok(rows)
}

/// Every sheet of a workbook as `(name, table)`, in workbook order; the first non-empty row of
/// each sheet is its header.
pub fn read(bytes: &[u8]) -> Result<Vec<(String, Table)>> {
    let zip = Zip::open(bytes)?;
    let part = |name: &str| -> Result<Option<String>> { zip.read(name)?.map(|b| text(b, name)).transpose() };
    let workbook = part("xl/workbook.xml")?
        .ok_or_else(|| Error::File("this zip file is not an Excel workbook (no xl/workbook.xml)".into()))?;
    let rels = part("xl/_rels/workbook.xml.rels")?.unwrap_or_default();
    let strings = part("xl/sharedStrings.xml")?.map(|x| shared_strings(&x)).transpose()?.unwrap_or_default();
    let dates = part("xl/styles.xml")?.map(|x| date_styles(&x)).transpose()?.unwrap_or_default();

    let mut targets: Vec<(String, String)> = Vec::new();
    scan(&rels, "relationships", |tok| {
        if let Tok::Start { name: "Relationship", attrs, .. } = tok {
            if let (Some(id), Some(t)) = (attr(attrs, "Id"), attr(attrs, "Target")) {
                targets.push((id.into_owned(), t.into_owned()));
            }
        }
        Ok(())
    })?;
    let mut sheets = Vec::new();
    scan(&workbook, "workbook", |tok| {
        if let Tok::Start { name: "sheet", attrs, .. } = tok {
            let name = attr(attrs, "name").map(|n| n.into_owned()).unwrap_or_default();
            if let Some((_, target)) = attr(attrs, "id").and_then(|id| targets.iter().find(|(k, _)| *k == id)) {
                let path = match target.strip_prefix('/') {
                    Some(abs) => abs.to_string(),
                    None => format!("xl/{target}"),
                };
                sheets.push((name, path));
            }
        }
        Ok(())
    })?;
    let mut out = Vec::new();
    for (name, path) in sheets {
        let Some(xml) = part(&path)? else { continue };
        let mut rows =
            sheet_rows(&xml, &strings, &dates)?.into_iter().filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()));
        let Some((header_at, header)) = rows.next() else { continue };
        // Rows count from the header as in a CSV export, so row 1 is the sheet row below it.
        let rows = rows.map(|(n, cells)| Row { row: n.saturating_sub(header_at), line: None, cells }).collect();
        out.push((name, Table { header, rows }));
    }
    if out.is_empty() {
        return Err(Error::File("the workbook has no sheet with data".into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_become_dates() {
        assert_eq!(serial_to_date(39_479.0).as_deref(), Some("2008-02-01"));
        assert_eq!(serial_to_date(45_000.75).as_deref(), Some("2023-03-15"));
        assert_eq!(serial_to_date(-3.0), None);
    }

    #[test]
    fn date_formats_are_told_from_others() {
        assert!(is_date_format("yyyy-mm-dd"));
        assert!(is_date_format("[$-409]d-mmm-yy"));
        assert!(!is_date_format("[$-409]General"));
        assert!(!is_date_format("0.00\"d\""));
        assert_eq!(column_of("AB12"), Some(27));
        assert_eq!(column_of("A1"), Some(0));
    }
}
