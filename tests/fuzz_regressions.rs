//! Every input the fuzzers (`make fuzz`) found crashing an importer, kept under
//! tests/fixtures/fuzz/<target>/ and replayed here through the fuzz harness itself, with the
//! fixtures each target starts from: a crash fixed once stays fixed.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/lib.rs"]
mod harness;

use std::path::Path;

/// The fixtures a target's fuzzing starts from (the same as scripts/fuzz.sh's seeds).
fn seeds(target: &str) -> Vec<&'static str> {
    match target {
        "csv" => vec!["small.csv", "malformed"],
        "json" => vec!["small.json", "mapped/newsroom.json", "malformed"],
        "dcid" => vec!["dcid"],
        "eurepoc" => vec!["eurepoc"],
        "cfr" => vec!["cfr"],
        "xlsx" => vec!["xlsx"],
        "mapped" => vec!["malformed"],
        _ => vec![],
    }
}

fn files(path: &Path) -> Vec<std::path::PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut out: Vec<_> = std::fs::read_dir(path).map(|d| d.map(|e| e.unwrap().path()).collect()).unwrap_or_default();
    out.sort();
    out
}

#[test]
fn every_kept_crasher_and_seed_passes_the_fuzz_harness() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let (mut crashers, mut seeded) = (0, 0);
    for target in harness::TARGETS {
        for path in files(&root.join("fuzz").join(target)) {
            println!("{target}: replaying {}", path.display());
            harness::run(target, &std::fs::read(&path).unwrap());
            crashers += 1;
        }
        for seed in seeds(target) {
            for path in files(&root.join(seed)) {
                let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
                let wanted = match target {
                    "csv" | "json" | "mapped" => ext == target,
                    _ => ext != "py",
                };
                if !wanted {
                    continue;
                }
                harness::run(target, &std::fs::read(&path).unwrap());
                seeded += 1;
            }
        }
    }
    // The workbook's XML parts through the stored-zip target, as scripts/fuzz.sh seeds it.
    harness::run("xlsx_xml", b"");
    println!("{crashers} kept crashers and {seeded} seed files replayed");
    assert!(seeded > 40, "the seed fixtures were found ({seeded})");
}
