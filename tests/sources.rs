//! The data we ship cites its sources properly: in every file of `data/` (incidents, responses,
//! context events, legal readings, response tiers) each source is a full https URL on a host, none
//! is on the deny list (user posts, state media, open wikis), and the responses and context files
//! are well formed: known incident ids, dates, vocabularies, every incident covered.
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::model::{ContextKind, PartialDate, ResponseKind};
use std::collections::HashSet;

/// Hosts we never cite: social media and user posts, state media of the states in the data, open
/// wikis and aggregators of them (cite what they cite).
const DENIED: [&str; 18] = [
    "twitter.com",
    "x.com",
    "facebook.com",
    "reddit.com",
    "t.me",
    "tistory.com",
    "blogspot.com",
    "kcna.kp",
    "kcnawatch.org",
    "rt.com",
    "sputniknews.com",
    "tass.com",
    "globaltimes.cn",
    "xinhuanet.com",
    "cgtn.com",
    "presstv.ir",
    "wikipedia.org",
    "breitbart.com",
];

fn rows(file: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let path = format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let mut r = csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r.records().map(|x| x.unwrap().iter().map(str::to_string).collect()).collect();
    (header, rows)
}

fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"))
}

/// The host of an https URL, or why it is not one.
fn host(url: &str) -> Result<String, String> {
    let rest = url.strip_prefix("https://").ok_or("not https://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("").split(':').next().unwrap_or("").to_ascii_lowercase();
    if !host.contains('.') || host.starts_with('.') || host.ends_with('.') {
        return Err(format!("no host name in '{host}'"));
    }
    if !host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-') {
        return Err(format!("'{host}' is not a host name"));
    }
    Ok(host)
}

#[test]
fn every_source_in_every_file_is_a_full_https_url_and_none_is_denied() {
    for file in ["incidents.csv", "responses.csv", "context.csv", "readings.csv", "tiers.csv"] {
        let (header, rows) = rows(file);
        let sources = column(&header, "sources");
        for (k, row) in rows.iter().enumerate() {
            for url in row[sources].split_whitespace() {
                let host = host(url).unwrap_or_else(|e| panic!("{file} row {}: '{url}': {e}", k + 1));
                let denied = DENIED.iter().find(|d| host == **d || host.ends_with(&format!(".{d}")));
                assert!(denied.is_none(), "{file} row {}: '{url}' is on the deny list", k + 1);
            }
        }
    }
}

#[test]
fn responses_name_known_incidents_and_cover_every_one() {
    let (ih, incidents) = rows("incidents.csv");
    let ids: HashSet<String> = incidents.iter().map(|r| r[column(&ih, "id")].clone()).collect();
    let (h, responses) = rows("responses.csv");
    assert_eq!(h, ["id", "date", "responder", "tier", "incidents", "description", "sources"]);
    // The core's vocabulary, which RESPONSES.md documents row by row.
    let tiers: Vec<&str> = ResponseKind::ALL.iter().map(|k| k.slug()).collect();
    let mut covered = HashSet::new();
    let mut seen = HashSet::new();
    for (k, r) in responses.iter().enumerate() {
        let n = k + 1;
        assert!(seen.insert(r[0].clone()), "responses.csv row {n}: id {} used twice", r[0]);
        assert!(PartialDate::parse(&r[1]).is_ok(), "responses.csv row {n}: date '{}'", r[1]);
        assert!(tiers.contains(&r[3].as_str()), "responses.csv row {n}: tier '{}'", r[3]);
        for id in r[4].split(';') {
            assert!(ids.contains(id), "responses.csv row {n}: unknown incident '{id}'");
            covered.insert(id.to_string());
        }
        assert!(!r[5].is_empty() && r[5].chars().count() <= 200, "responses.csv row {n}: description");
        if r[3] != "none-known" {
            assert!(!r[2].is_empty(), "responses.csv row {n}: no responder");
            assert!(!r[6].is_empty(), "responses.csv row {n}: no source");
        }
    }
    let missing: Vec<&String> = ids.iter().filter(|id| !covered.contains(*id)).collect();
    assert!(missing.is_empty(), "incidents with neither a response nor 'none-known': {missing:?}");
}

#[test]
fn context_events_are_dated_kinded_and_sourced() {
    let (h, events) = rows("context.csv");
    assert_eq!(h, ["id", "date", "end", "kind", "name", "description", "sources"]);
    let kinds: Vec<&str> = ContextKind::ALL.iter().map(|k| k.slug()).collect();
    let mut seen = HashSet::new();
    for (k, r) in events.iter().enumerate() {
        let n = k + 1;
        assert!(seen.insert(r[0].clone()), "context.csv row {n}: id {} used twice", r[0]);
        assert!(PartialDate::parse(&r[1]).is_ok(), "context.csv row {n}: date '{}'", r[1]);
        assert!(r[2].is_empty() || PartialDate::parse(&r[2]).is_ok(), "context.csv row {n}: end '{}'", r[2]);
        assert!(kinds.contains(&r[3].as_str()), "context.csv row {n}: kind '{}'", r[3]);
        assert!(!r[4].is_empty() && r[4].chars().count() <= 60, "context.csv row {n}: name");
        assert!(!r[6].is_empty(), "context.csv row {n}: no source");
    }
    let nuclear = events.iter().filter(|r| r[3] == "nuclear-test").count();
    assert_eq!(nuclear, 6, "the six North Korean nuclear tests");
    assert!(events.iter().any(|r| r[1] == "2017-09-03" && r[3] == "nuclear-test"));
}
