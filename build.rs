//! Splits the bundled data for the browser. The explorer module carries what the first chart
//! needs: every column of `data/incidents.csv` but the long texts (rationale, attribution,
//! description, sources), and of the legal readings and response tiers their names and rules but
//! not their words (who, document, basis, mapping, definitions, sources). Those ship beside the
//! module (`cargo run --bin schema -- text|readings PATH` writes them) and the page fetches them
//! when a reader first needs them (`Explorer::attach_text`, `reading-view.js`). About 25 KB gzip
//! less before the first chart.

use std::path::Path;

/// The incidents' columns left out of the module, as `src/import/native.rs` names them.
const TEXT: [&str; 4] = ["rationale", "attributed_by", "description", "sources"];
/// The readings' columns the module keeps.
const RULES: [&str; 7] = ["id", "name", "kind", "use_of_force", "armed_attack", "contested", "contested_threshold"];

/// Copies `from` (a CSV file) to `OUT_DIR/to`, keeping the columns `keep` says.
fn columns(from: &str, to: &str, keep: impl Fn(&str) -> bool) {
    println!("cargo:rerun-if-changed={from}");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut reader = csv::Reader::from_path(from).unwrap_or_else(|e| panic!("{from}: {e}"));
    let header = reader.headers().unwrap_or_else(|e| panic!("{from}: {e}")).clone();
    let kept: Vec<usize> = (0..header.len()).filter(|&i| keep(&header[i])).collect();
    let mut w = csv::Writer::from_path(Path::new(&out).join(to)).expect("OUT_DIR is writable");
    w.write_record(kept.iter().map(|&i| &header[i])).expect("write");
    for (k, row) in reader.records().enumerate() {
        let row = row.unwrap_or_else(|e| panic!("{from} row {}: {e}", k + 1));
        w.write_record(kept.iter().map(|&i| row.get(i).unwrap_or(""))).expect("write");
    }
    w.flush().expect("write");
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    columns("data/incidents.csv", "incidents-core.csv", |c| !TEXT.contains(&c));
    columns("data/readings.csv", "readings-core.csv", |c| RULES.contains(&c));
    columns("data/tiers.csv", "tiers-core.csv", |c| ["id", "region", "name", "short"].contains(&c));
}
