//! Splits the bundled data for the browser. The explorer module carries what the first chart
//! needs: every column of `data/incidents.csv` but the long texts (rationale, attribution,
//! description, sources) and the two dates only an incident's record shows (end, attribution
//! date), and of the legal readings and response tiers their names and rules but
//! not their words (who, document, basis, mapping, definitions, sources). Those ship beside the
//! module (`cargo run --bin schema -- text|readings PATH` writes them) and the page fetches them
//! when a reader first needs them (`Explorer::attach_text`, `reading-view.js`). About 25 KB gzip
//! less before the first chart. (The readings, responses and context events the module carries
//! are binary files `cargo run --bin schema` writes, see `src/bytes.rs`; this script packs the
//! incidents' columns, which natively stand for what `src/explorer/bundled.parts` holds.)
//!
//! The kept columns are written as packed text (see `src/import/table.rs`, `Table::from_packed`):
//! cells separated by U+001F, rows by U+001E, no quoting. Reading that takes a `split`, so the
//! browser's module carries no CSV reader (about 5 KB gzip) for its own data.

use std::path::Path;

/// The incidents' columns left out of the module, as `src/import/native.rs` names them: the
/// fields after the name in a store's row (`Store::long_texts` writes them for the page to fetch).
const TEXT: [&str; 6] = ["rationale", "attributed_by", "description", "sources", "end", "attribution_date"];
/// Separators of packed text; kept in step with `src/import/table.rs`.
const CELL: char = '\u{1f}';
const ROW: char = '\u{1e}';

/// Writes the columns `keep` says of `from` (a CSV file) to `OUT_DIR/to` as packed text.
fn columns(from: &str, to: &str, keep: impl Fn(&str) -> bool) {
    println!("cargo:rerun-if-changed={from}");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut reader = csv::Reader::from_path(from).unwrap_or_else(|e| panic!("{from}: {e}"));
    let header = reader.headers().unwrap_or_else(|e| panic!("{from}: {e}")).clone();
    let kept: Vec<usize> = (0..header.len()).filter(|&i| keep(&header[i])).collect();
    let mut text = String::new();
    let mut row = |cells: Vec<&str>, line: usize| {
        if let Some(c) = cells.iter().find(|c| c.contains([CELL, ROW])) {
            panic!("{from} record {line}: '{c}' holds a control character U+001E or U+001F");
        }
        text.push_str(&cells.join(&CELL.to_string()));
        text.push(ROW);
    };
    row(kept.iter().map(|&i| &header[i]).collect(), 0);
    for (k, record) in reader.records().enumerate() {
        let record = record.unwrap_or_else(|e| panic!("{from} record {}: {e}", k + 1));
        row(kept.iter().map(|&i| record.get(i).unwrap_or("")).collect(), k + 1);
    }
    std::fs::write(Path::new(&out).join(to), text).expect("OUT_DIR is writable");
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    columns("data/incidents.csv", "incidents-core.txt", |c| !TEXT.contains(&c));
    // The legal readings, the responses and context events reach the module in binary
    // (`src/reading/bundled.parts`, `src/events/bundled.parts`, written by `cargo run --bin schema`),
    // the events' texts with the incidents'.
}
