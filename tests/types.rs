//! The TypeScript shapes written into the modules' `.d.ts` (src/web/types.rs) must name the fields
//! the core really hands out: each interface is compared with the serialised Rust value it types.
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::filter::{Kind, FIELDS};
use cyber_spectrum::{Explorer, Filter};
use serde_json::Value;
use std::collections::BTreeSet;

const TYPES: &str = include_str!("../src/web/types.rs");

/// The field names of `interface name { ... }` in src/web/types.rs, with their TypeScript types.
fn interface(name: &str) -> Vec<(String, String)> {
    let start = TYPES.find(&format!("export interface {name} {{")).unwrap_or_else(|| panic!("no interface {name}"));
    let body = &TYPES[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find('}').unwrap()];
    body.split(['\n', ';'])
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("/**") && !l.starts_with('*') && !l.starts_with('}'))
        .filter_map(|l| l.split_once(':'))
        .map(|(k, t)| (k.trim().trim_end_matches('?').to_string(), t.trim().to_string()))
        .collect()
}

fn keys(name: &str) -> BTreeSet<String> {
    interface(name).into_iter().map(|(k, _)| k).collect()
}

fn object_keys(v: &Value) -> BTreeSet<String> {
    v.as_object().expect("an object").keys().cloned().collect()
}

#[test]
fn the_filter_interface_has_every_filter_field_with_its_kind() {
    let fields = interface("Filter");
    assert_eq!(fields.len(), FIELDS.len(), "{fields:?}");
    for f in &FIELDS {
        let ts = &fields.iter().find(|(k, _)| k == f.name).unwrap_or_else(|| panic!("Filter lacks {}", f.name)).1;
        let want = match f.kind() {
            Kind::Year | Kind::Level => "number",
            Kind::List => "string[]",
            Kind::Text | Kind::Choice => "string",
        };
        assert_eq!(ts, want, "{}", f.name);
    }
}

#[test]
fn stats_facets_records_and_warnings_match_their_interfaces() {
    let ex = Explorer::bundled().unwrap();
    let stats = serde_json::to_value(ex.stats(&Filter::default()).unwrap()).unwrap();
    assert_eq!(object_keys(&stats), keys("Stats"));
    assert_eq!(object_keys(&stats["byInitiator"][0]), keys("CountryCount"));
    assert_eq!(object_keys(&stats["dyads"][0]), keys("DyadCount"));
    assert_eq!(object_keys(&stats["byYear"][0]), keys("YearStat"));
    let facets = serde_json::to_value(ex.facets()).unwrap();
    assert_eq!(object_keys(&facets), keys("Facets"));
    assert_eq!(object_keys(&facets["initiators"][0]), keys("Choice"));
    assert_eq!(object_keys(&facets["levels"][0]), keys("Level"));
    assert_eq!(object_keys(&facets["scale"]), keys("Scale"));
    assert_eq!(object_keys(&facets["readings"][0]), keys("Reading"));
    assert_eq!(object_keys(&facets["readings"][0]["useOfForce"]), keys("ThresholdRule"));
    assert_eq!(object_keys(&facets["tiers"][0]), keys("Tier"));
    assert_eq!(object_keys(&facets["readings"][0]["contested"]), keys("Contested"));
    assert_eq!(object_keys(&facets["readings"][0]["regions"][0]), keys("Span"));
    let compare = serde_json::to_value(ex.compare(&Filter::default()).unwrap()).unwrap();
    assert_eq!(object_keys(&compare[0]), keys("ReadingRow"));
    assert_eq!(object_keys(&compare[0]["useOfForce"]), keys("Reached"));
    let sony = ex.index_of("2014-sony-pictures").unwrap();
    let assessed = serde_json::to_value(ex.assess(sony, &Filter::default()).unwrap()).unwrap();
    assert_eq!(object_keys(&assessed), keys("Assessment"));
    assert_eq!(object_keys(&stats["responses"]), keys("ResponseStats"));
    assert_eq!(object_keys(&stats["responses"]["byKind"][0]), keys("Choice"));
    assert_eq!(object_keys(&stats["clustering"]), keys("Clustering"));
    let responses = serde_json::to_value(ex.responses_of(sony).unwrap()).unwrap();
    assert_eq!(object_keys(&responses[0]), keys("ResponseRecord"));
    let event = cyber_spectrum::events::EventRecord::from(&ex.context()[0]);
    assert_eq!(object_keys(&serde_json::to_value(event).unwrap()), keys("ContextEvent"));
    let record = serde_json::to_value(ex.record(0).unwrap()).unwrap();
    assert_eq!(object_keys(&record), keys("IncidentRecord"));
    let warning =
        serde_json::to_value(cyber_spectrum::import::Warning { row: 1, column: "c".into(), message: "m".into() })
            .unwrap();
    assert_eq!(object_keys(&warning), keys("Warning"));
}
