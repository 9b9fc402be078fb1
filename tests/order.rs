//! The table's order, worked out in steps (src/explorer/order.rs), against a plain sort of the
//! same rows: every key, both directions, on a selection large enough to be sorted block by block
//! and merged.
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::explorer::{SortKey, BLOCK};
use cyber_spectrum::{Explorer, Filter};
use std::cmp::Ordering;

/// `n` incidents with names, initiators, targets and levels that repeat, so ties are common.
fn data(n: usize) -> Explorer {
    data_named(n, |i| format!("{} operation {}", ["alpha", "Beta", "gamma", "Delta"][i % 4], (i * 7919) % 97))
}

/// `n` incidents named by `name(i)`.
fn data_named(n: usize, name: impl Fn(usize) -> String) -> Explorer {
    let states = ["PRK", "RUS", "CHN", "IRN", "USA"];
    // Lists of five targets that differ only in the fifth, beyond what the sort's keys hold.
    let targets = ["KOR", "USA;JPN", "KOR;USA", "USA", "DEU;FRA;GBR", "DEU;FRA;GBR;ITA;POL", "DEU;FRA;GBR;ITA;ESP"];
    let mut text = String::from("id,name,start,initiator,targets,severity\n");
    for i in 0..n {
        let name = name(i);
        let severity = if i % 11 == 0 { String::new() } else { (i % 7).to_string() };
        text.push_str(&format!(
            "x{i},{name},{}-{:02},{},{},{severity}\n",
            2004 + i % 22,
            1 + i % 12,
            states[i % 5],
            targets[(i / 3) % targets.len()]
        ));
    }
    Explorer::from_text(&text, "csv").unwrap()
}

/// The order the table promises: by the key (text ignoring ASCII case, not coded below level 0),
/// reversed when descending, ties by date (the row, as rows are chronological).
fn expected(ex: &Explorer, rows: &[u32], key: SortKey, descending: bool) -> Vec<u32> {
    let all = ex.all();
    let fold = |s: &str| s.to_ascii_lowercase();
    let value = |k: u32| {
        let i = &all[k as usize];
        match key {
            SortKey::Date => (k as i32, String::new()),
            SortKey::Severity => (i.severity.map_or(-1, i32::from), String::new()),
            SortKey::Name => (0, fold(&i.name)),
            SortKey::Initiator => (0, fold(i.initiator.name())),
            SortKey::Target => (0, i.targets.iter().map(|c| fold(c.name())).collect::<Vec<_>>().join("\0")),
        }
    };
    let mut out = rows.to_vec();
    out.sort_by(|&a, &b| {
        let o: Ordering = value(a).cmp(&value(b));
        (if descending { o.reverse() } else { o }).then(a.cmp(&b))
    });
    out
}

#[test]
fn the_stepwise_order_is_the_plain_sort_for_every_key_and_direction() {
    let n = 2 * BLOCK + 1_234;
    let ex = data(n);
    let rows = ex.select(&Filter::default()).unwrap();
    assert_eq!(rows.len(), n);
    for (name, key) in SortKey::NAMES {
        for descending in [false, true] {
            let got = ex.order(rows.clone(), key, descending);
            assert_eq!(got.len(), n, "{name}");
            assert!(got == expected(&ex, &rows, key, descending), "{name} descending={descending}");
        }
    }
    // A filtered selection keeps to its rows.
    let some = ex.select(&Filter { initiators: Some(vec!["CHN".into()]), ..Filter::default() }).unwrap();
    assert_eq!(ex.order(some.clone(), SortKey::Name, false), expected(&ex, &some, SortKey::Name, false));
    assert!(SortKey::parse("colour").unwrap_err().to_string().contains("expected one of date, name"));
}

#[test]
fn names_that_all_start_alike_sort_as_text_does() {
    // Every name starts "operation" in some case, and some end there or soon after, or go on
    // beyond ASCII: what the names share is skipped by the sort's keys, the rest decides.
    let n = BLOCK + 777;
    let ex = data_named(n, |i| {
        let head = ["Operation", "operation", "OPERATION"][i % 3];
        match i % 7 {
            0 => head.to_string(),
            1 => format!("{head} {}", i % 10),
            2 => format!("{head} Opération {}", (i * 31) % 50),
            _ => format!("{head} {} long name {}", (i * 7919) % 1000, i % 5),
        }
    });
    let rows = ex.select(&Filter::default()).unwrap();
    for descending in [false, true] {
        assert!(
            ex.order(rows.clone(), SortKey::Name, descending) == expected(&ex, &rows, SortKey::Name, descending),
            "descending={descending}"
        );
    }
    let some = ex.select(&Filter { initiators: Some(vec!["RUS".into()]), ..Filter::default() }).unwrap();
    assert_eq!(ex.order(some.clone(), SortKey::Name, true), expected(&ex, &some, SortKey::Name, true));
}
