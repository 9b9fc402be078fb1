//! Checks the bundled dataset itself: it loads, every row is sourced and well formed.
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::model::Country;
use cyber_spectrum::{Explorer, Filter};
use std::collections::HashSet;

#[test]
fn bundled_dataset_loads_and_every_row_is_sourced() {
    let ex = Explorer::bundled().expect("bundled dataset parses");
    let all = ex.all();
    assert!(all.len() >= 40, "at least 40 incidents, got {}", all.len());
    assert!(ex.warnings().is_empty(), "warnings: {:?}", ex.warnings());
    let mut names = HashSet::new();
    for i in &all {
        assert!(!i.sources.is_empty(), "{} has no source", i.id);
        assert!(i.sources.iter().all(|s| s.starts_with("https://")), "{}: sources must be https", i.id);
        assert!(i.severity.is_some(), "{} is not coded", i.id);
        assert!(!i.rationale.is_empty() && i.rationale.len() <= 200, "{}: rationale must be one line", i.id);
        assert!(!i.description.is_empty(), "{} has no description", i.id);
        assert!(i.method.is_some() && i.objective.is_some() && i.target_type.is_some(), "{} lacks a coding", i.id);
        // The bundled data dates every incident (an import may keep one undated).
        let start = i.start.unwrap_or_else(|| panic!("{} has no start date", i.id));
        assert!((2004..=2025).contains(&start.year), "{}: start {start} outside 2004-2025", i.id);
        // Ids are stable (links cite them): a later correction of the start keeps the id, so the
        // id's year is the start year as first recorded, never before the start.
        let id_year: i32 = i.id.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
        assert!((start.year..=start.year + 3).contains(&id_year), "{}: id year vs start {start}", i.id);
        assert!(names.insert(i.name.to_lowercase()), "{}: name used twice", i.id);
    }
    let prk = Filter { initiators: Some(vec!["PRK".into()]), ..Filter::default() };
    let n_prk = ex.select(&prk).unwrap().len();
    assert!(n_prk >= 40, "North Korean operations: {n_prk}");
    let kor = Country::parse("KOR").unwrap();
    assert!(all.iter().any(|i| i.targets.contains(&kor)));
}

#[test]
fn the_browser_bundle_splits_the_long_texts_and_attaches_them_back() {
    use cyber_spectrum::schema::bundled_text;
    let full = Explorer::bundled().unwrap();
    let mut core = Explorer::bundled_core().unwrap();
    assert!(core.needs_text() && !full.needs_text());
    assert!(core.all().iter().all(|i| i.description.is_empty() && i.sources.is_empty()));
    assert!(core.all().iter().all(|i| i.end.is_none() && i.attribution_date.is_none()), "record-only dates come later");
    assert!(full.all().iter().any(|i| i.end.is_some()) && full.all().iter().any(|i| i.attribution_date.is_some()));
    assert_eq!(core.facets(), full.facets(), "the first chart needs nothing of the texts");
    assert_eq!(core.attach_text(&bundled_text()).unwrap(), full.len());
    assert!(!core.needs_text());
    assert_eq!(core.all(), full.all());
    // A text file of another dataset version is refused by name, and changes nothing.
    let texts = bundled_text();
    let id = full.all()[0].id.clone();
    let mut core = Explorer::bundled_core().unwrap();
    let e = core.attach_text(&texts.replacen(&id, "no-such-id", 1));
    assert!(e.unwrap_err().to_string().contains("no-such-id"));
    let (first, rest) = texts.split_once(cyber_spectrum::store::TEXT_ROW).unwrap();
    let (row, attribution) = first.rsplit_once('\u{1f}').unwrap();
    let bad_date = format!("{row}\u{1f}2019-13{}{rest}", cyber_spectrum::store::TEXT_ROW);
    let message = core.attach_text(&bad_date).unwrap_err().to_string();
    assert!(message.contains(&id) && message.contains("'2019-13'"), "{message} (was '{attribution}')");
    assert!(core.needs_text() && core.all().iter().all(|i| i.description.is_empty()), "nothing attached");
    let page = core.attach_text("<!doctype html><title>404</title>").unwrap_err().to_string();
    assert!(page.contains("another version of the dataset"), "{page}");
}
