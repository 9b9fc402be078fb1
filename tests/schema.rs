//! The generated `www/schema.js` must say what the Rust tables say: a stale file would give the page
//! and the embed other filters, views or formats than the core reads.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn www_schema_js_is_current() {
    use cyber_spectrum::schema;
    for (file, text) in [(schema::PATH, schema::javascript()), (schema::FILES_PATH, schema::files_javascript())] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let on_disk = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e} (make build writes it)"));
        assert!(on_disk == text, "{file} is stale: run `cargo run --bin schema` (make build does) and commit the file");
    }
}

#[test]
fn the_bundled_parts_the_browser_reads_are_current_and_read_back_as_the_data() {
    use cyber_spectrum::schema;
    use cyber_spectrum::store::Parts;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(schema::PARTS_PATH);
    let on_disk = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e} (make build writes it)", schema::PARTS_PATH));
    assert!(
        on_disk == schema::bundled_parts(),
        "{} is stale: run `cargo run --bin schema` (make build does) and commit the file",
        schema::PARTS_PATH
    );
    let core = cyber_spectrum::Explorer::bundled_core().unwrap();
    let back = cyber_spectrum::store::Store::from_parts(Parts::from_bytes(&on_disk).unwrap()).unwrap();
    assert_eq!(back.incidents(), core.all());
    assert!(Parts::from_bytes(&on_disk[..on_disk.len() - 1]).is_err(), "a truncated buffer is refused");
}

#[test]
fn the_bundled_readings_responses_and_events_the_browser_reads_are_current_and_read_back_as_the_data() {
    use cyber_spectrum::{events, reading, schema};
    let read = |file: &str| {
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
            .unwrap_or_else(|e| panic!("{file}: {e} (make build writes it)"))
    };
    let stale =
        |file: &str| format!("{file} is stale: run `cargo run --bin schema` (make build does) and commit the file");
    let on_disk = read(schema::EVENTS_PATH);
    assert!(on_disk == schema::bundled_events(), "{}", stale(schema::EVENTS_PATH));
    // What the browser's module starts with: the coded columns, no ids, descriptions or sources.
    let core = cyber_spectrum::Explorer::bundled_core().unwrap();
    let (responses, context) = events::packed::from_bytes(&on_disk, core.store(), "bundled.parts").unwrap();
    assert_eq!(responses, core.responses().unwrap().list);
    assert_eq!(context, core.context());
    assert!(responses.iter().all(|r| r.id.is_empty() && r.description.is_empty() && r.sources.is_empty()));
    assert!(
        events::packed::from_bytes(&on_disk[..on_disk.len() - 1], core.store(), "bundled.parts").is_err(),
        "truncated"
    );
    let on_disk = read(schema::READINGS_PATH);
    assert!(on_disk == schema::bundled_readings(), "{}", stale(schema::READINGS_PATH));
    assert!(reading::packed::from_bytes(&on_disk).is_ok());
}

#[test]
fn every_filter_field_round_trips_through_its_parameter() {
    use cyber_spectrum::filter::{Kind, FIELDS};
    use cyber_spectrum::Filter;
    for field in &FIELDS {
        let value = match field.kind() {
            Kind::Year => "2013",
            Kind::Level => "4",
            Kind::List => "PRK,KOR",
            Kind::Text => "wanna",
            Kind::Choice => "france",
        };
        let filter = Filter::from_params([(field.param, value)]).unwrap();
        assert_ne!(filter, Filter::default(), "{} sets nothing", field.param);
        assert_eq!(filter.to_params(), vec![(field.param, value.to_string())], "{}", field.param);
        Filter::check_keys([field.name]).unwrap();
        assert_eq!(Filter::param_of(field.name), field.param);
    }
}

#[test]
fn the_page_s_list_of_changes_counts_the_changelog_s_rows() {
    let v: serde_json::Value = serde_json::from_str(&cyber_spectrum::schema::changes()).unwrap();
    let version = cyber_spectrum::explorer::BUNDLED_VERSION.split_whitespace().next().unwrap();
    assert_eq!(v["version"], version, "the changelog's latest section is the data's version");
    let sections = v["sections"].as_array().unwrap();
    assert!(sections.len() >= 3, "{v}");
    // 0.6.0 added 25 incidents (one changelog line each) and removed none.
    let added = sections.iter().find(|s| s["title"] == "Added").expect("an Added section");
    assert_eq!(added["rows"], 25);
    assert!(sections.iter().all(|s| s["rows"].as_u64().unwrap() > 0), "{v}");
}
