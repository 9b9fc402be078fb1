//! Faceted counts: for each list field, what each value would select with the rest of the filter
//! as it is, worked out in one pass; checked against selecting again with that field alone
//! changed, for several filters.
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::{Explorer, Filter};

fn set(f: &mut Filter, field: &str, v: Option<Vec<String>>) {
    match field {
        "initiators" => f.initiators = v,
        "targets" => f.targets = v,
        "methods" => f.methods = v,
        "objectives" => f.objectives = v,
        "targetTypes" => f.target_types = v,
        "attribution" => f.attribution = v,
        "responses" => f.responses = v,
        "scope" => f.scope = v,
        other => panic!("{other}"),
    }
}

#[test]
fn faceted_counts_are_what_choosing_that_value_alone_would_select() {
    let ex = Explorer::bundled().unwrap();
    let s = |v: &[&str]| Some(v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
    let filters = [
        Filter::default(),
        Filter { initiators: s(&["PRK"]), from: Some(2014), ..Filter::default() },
        Filter { targets: s(&["KOR"]), responses: s(&["none-known"]), ..Filter::default() },
        Filter { initiators: s(&["RUS", "CHN"]), min_severity: Some(3), search: Some("a".into()), ..Filter::default() },
        Filter { objectives: s(&["theft"]), attribution: s(&["vendor", "confirmed"]), ..Filter::default() },
        Filter { scope: s(&["reference"]), min_severity: Some(4), ..Filter::default() },
    ];
    for filter in &filters {
        let counts = ex.facet_counts(filter).unwrap();
        assert!(!counts.is_empty());
        for (field, value, count) in &counts {
            let mut alone = filter.clone();
            set(&mut alone, field, s(&[value]));
            assert_eq!(ex.select(&alone).unwrap().len(), *count, "{field}={value} under {filter:?}");
        }
        // And nothing is missing: every value choosing which selects something has its count.
        for c in ex.facets().initiators {
            let mut alone = filter.clone();
            set(&mut alone, "initiators", s(&[c.value]));
            let n = ex.select(&alone).unwrap().len();
            let listed = counts.iter().find(|(f, v, _)| *f == "initiators" && *v == c.value).map_or(0, |x| x.2);
            assert_eq!(listed, n, "initiators={} under {filter:?}", c.value);
        }
    }
}
