//! The selection as CSV lines in the project's schema (the columns of `import::native::COLUMNS`,
//! in order), written here rather than from JavaScript objects: a million incidents become a
//! thousand strings instead of twenty million objects for the page's collector.

use super::Explorer;
use crate::error::{Error, Result};
use crate::import::COLUMNS;
use crate::model::Incident;

/// Appends one cell as the downloads write it. A cell whose text starts with `= + - @`, a tab or a
/// carriage return would run as a formula in a spreadsheet: it gets a leading apostrophe, which
/// spreadsheets show as text and the reader removes when it reads the file back. Such cells, and
/// any with a quote, comma, line break or edge spaces, are quoted (as `www/csv.js` does for the
/// other downloads).
pub fn push_cell(out: &mut String, v: &str) {
    let formula = v.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = formula
        || v.contains(['"', ',', '\r', '\n'])
        || v.starts_with(char::is_whitespace)
        || v.ends_with(char::is_whitespace);
    if !quote {
        out.push_str(v);
        return;
    }
    out.push('"');
    if formula {
        out.push('\'');
    }
    out.push_str(&v.replace('"', "\"\""));
    out.push('"');
}

/// The text of `column` (a name of `COLUMNS`) for one incident; lists joined as the reader splits
/// them (targets by `;`, sources by a space).
fn value(i: &Incident, column: &str) -> String {
    let slug = |s: Option<&'static str>| s.unwrap_or("").to_string();
    match column {
        "id" => i.id.clone(),
        "name" => i.name.clone(),
        "start" => i.start.map(|d| d.to_string()).unwrap_or_default(),
        "end" => i.end.map(|d| d.to_string()).unwrap_or_default(),
        "initiator" => i.initiator.code().to_string(),
        "targets" => i.targets.iter().map(|t| t.code()).collect::<Vec<_>>().join(";"),
        "target_type" => slug(i.target_type.map(|v| v.slug())),
        "method" => slug(i.method.map(|v| v.slug())),
        "objective" => slug(i.objective.map(|v| v.slug())),
        "severity" => i.severity.map(|s| s.to_string()).unwrap_or_default(),
        "effects" => slug(i.effects.map(|v| v.slug())),
        "rationale" => i.rationale.clone(),
        "attributed_by" => i.attributed_by.clone(),
        "attribution_date" => i.attribution_date.map(|d| d.to_string()).unwrap_or_default(),
        "certainty" => slug(i.certainty.map(|v| v.slug())),
        "scope" => slug(i.scope.map(|v| v.slug())),
        "description" => i.description.clone(),
        "sources" => i.sources.join(" "),
        // tests/csv_export.rs checks every column of COLUMNS has its arm.
        _ => String::new(),
    }
}

impl Explorer {
    /// The CSV lines (each ended by CRLF) of the incidents at `rows`, in the order given.
    pub fn csv_rows(&self, rows: &[u32]) -> Result<String> {
        let mut out = String::new();
        for &k in rows {
            if (k as usize) >= self.len() {
                return Err(Error::Argument(format!("row {k} is past the {} incidents", self.len())));
            }
            let i = self.data.incidents.incident(k as usize);
            for (n, c) in COLUMNS.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                push_cell(&mut out, &value(&i, c.name));
            }
            out.push_str("\r\n");
        }
        Ok(out)
    }
}
