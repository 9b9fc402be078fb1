//! How our ladder agrees with DCID v2.0's severity on the incidents both datasets hold
//! (`data/dcid-map.csv` names the DCID number of each): computed from the real DCID file in
//! `../shared`, printed as a table, and checked against the figures `data/CODING.md` states, so
//! the guide cannot drift from the data.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/shared.rs"]
mod shared;

use cyber_spectrum::Explorer;
use shared::shared_file;
use std::collections::HashMap;

fn csv_rows(text: &str) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(|h| h.trim().to_string()).collect();
    r.records().map(|rec| header.iter().cloned().zip(rec.unwrap().iter().map(str::to_string)).collect()).collect()
}

#[test]
fn agreement_with_dcid_is_computed_and_the_coding_guide_states_it() {
    let map = csv_rows(include_str!("../data/dcid-map.csv"));
    let ours = Explorer::bundled().unwrap().all();
    // Every mapped id is one of ours, once.
    let mut seen = std::collections::HashSet::new();
    for m in &map {
        assert!(ours.iter().any(|i| i.id == m["id"]), "dcid-map.csv names '{}', which the data lacks", m["id"]);
        assert!(seen.insert(m["id"].clone()), "dcid-map.csv names '{}' twice", m["id"]);
    }
    let Some(path) = shared_file("data/dcid-v2.0/DCID_2.0_incidents.csv") else { return };
    let bytes = std::fs::read(&path).unwrap();
    let dcid = csv_rows(&String::from_utf8_lossy(&bytes));
    let level_of = |num: &str| {
        dcid.iter()
            .find(|r| r["Cyberincidentnum"].trim() == num)
            .unwrap_or_else(|| panic!("DCID has no incident {num}"))["severity"]
            .trim()
            .parse::<i32>()
            .unwrap_or_else(|_| panic!("DCID incident {num} has no whole severity"))
    };
    let (mut exact, mut near) = (0, 0);
    println!("\n  {:<44} {:>4} {:>5}", "incident (ours)", "ours", "DCID");
    for m in &map {
        let first = m["dcid"].split(';').next().unwrap().trim();
        let theirs = level_of(first);
        let mine = ours.iter().find(|i| i.id == m["id"]).unwrap().severity.map_or(-1, i32::from);
        exact += usize::from(mine == theirs);
        near += usize::from((mine - theirs).abs() <= 1);
        println!("  {:<44} {:>4} {:>5}{}", m["id"], mine, theirs, if (mine - theirs).abs() >= 2 { "  *" } else { "" });
    }
    let n = map.len();
    println!("  exact {exact}/{n}, within one level {near}/{n} (* differ by two or more)");
    let stated = format!(
        "exact agreement on {exact} of {n} ({}%), within one level on {near} of {n} ({}%)",
        exact * 100 / n,
        near * 100 / n
    );
    let guide = include_str!("../data/CODING.md");
    assert!(guide.contains(&stated), "data/CODING.md should say: \"{stated}\"");
}
