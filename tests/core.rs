//! Native tests of the core on a small fixture whose figures were worked out by hand
//! (tests/fixtures/small.csv: six incidents, one not coded).
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::{Explorer, Filter};

fn small() -> Explorer {
    Explorer::from_text(include_str!("fixtures/small.csv"), "auto").expect("fixture parses")
}

fn ids(ex: &Explorer, f: Filter) -> Vec<String> {
    ex.select(&f).expect("valid filter").iter().map(|&k| ex.store().id(k as usize).to_string()).collect()
}

fn list(v: &[&str]) -> Option<Vec<String>> {
    Some(v.iter().map(|s| s.to_string()).collect())
}

#[test]
fn incidents_are_sorted_by_start_and_keep_their_precision() {
    let ex = small();
    let records = ex.records(&Filter::default()).unwrap();
    let order: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(order, ["a", "c", "b", "e", "d", "f"]);
    let c = &records[1];
    assert_eq!((c.start.as_str(), c.precision), ("2012", "year"));
    let b = &records[2];
    assert_eq!((b.start.as_str(), b.precision), ("2012-05", "month"));
    assert_eq!(b.targets, ["KOR", "USA"]);
    assert_eq!(b.target_names, ["South Korea", "United States"]);
    assert_eq!(b.sources.len(), 2);
    assert_eq!(b.description, "Second, with a comma");
    assert_eq!(b.severity_label, Some("destruction"));
    assert_eq!(records[3].severity, None);
}

#[test]
fn statistics_match_the_hand_worked_figures() {
    let ex = small();
    let s = ex.stats(&Filter::default()).unwrap();
    assert_eq!(s.total, 6);
    let init: Vec<(&str, usize)> = s.by_initiator.iter().map(|c| (c.code, c.count)).collect();
    assert_eq!(init, [("PRK", 4), ("CHN", 1), ("RUS", 1)]);
    assert!((s.by_initiator[0].share - 4.0 / 6.0).abs() < 1e-12);
    let targets: Vec<(&str, usize)> = s.by_target.iter().map(|c| (c.code, c.count)).collect();
    assert_eq!(targets, [("KOR", 3), ("JPN", 2), ("USA", 2)]);
    assert!((s.by_target[0].share - 0.5).abs() < 1e-12);
    let dyads: Vec<(&str, &str, usize)> = s.dyads.iter().map(|d| (d.initiator, d.target, d.count)).collect();
    assert_eq!(dyads, [("PRK", "KOR", 2), ("PRK", "USA", 2), ("CHN", "KOR", 1), ("PRK", "JPN", 1), ("RUS", "JPN", 1)]);
    let years: Vec<(i32, usize, Option<u8>, Option<f64>)> =
        s.by_year.iter().map(|y| (y.year, y.count, y.max_severity, y.mean_severity)).collect();
    assert_eq!(
        years,
        [
            (2010, 1, Some(2), Some(2.0)),
            (2011, 0, None, None),
            (2012, 2, Some(6), Some(4.5)),
            (2013, 0, None, None),
            (2014, 2, Some(4), Some(4.0)),
            (2015, 0, None, None),
            (2016, 1, Some(8), Some(8.0)),
        ]
    );
    assert_eq!(s.severity_counts, [0, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0]);
    assert_eq!(s.not_coded, 1);
    assert!((s.mean_severity.unwrap() - 4.6).abs() < 1e-12);
    assert_eq!(s.median_severity, Some(4.0));
    assert_eq!(s.max_severity, Some(8));
    // The default reading (Tallinn experts): Foxtrot (8) reaches both thresholds; Bravo (6) would
    // reach use of force only with physical effects, which this file does not code: undecided.
    assert_eq!((s.at_or_above_use_of_force, s.at_or_above_armed_attack), (Some(1), Some(1)));
    assert_eq!((s.undecided_use_of_force, s.undecided_armed_attack), (Some(1), Some(0)));
    assert_eq!(s.reading.as_deref(), Some("tallinn"));
    let dcid = ex.stats(&Filter { reading: Some("dcid-ladder".into()), ..Filter::default() }).unwrap();
    assert_eq!((dcid.at_or_above_use_of_force, dcid.at_or_above_armed_attack), (Some(1), Some(0)));
    assert_eq!((dcid.undecided_use_of_force, dcid.use_of_force_level), (Some(0), Some(7)));
    assert_eq!((s.first_year, s.last_year), (Some(2010), Some(2016)));
    assert_eq!((s.most_severe.clone(), s.most_severe_count), (vec!["Foxtrot".to_string()], 1));
}

#[test]
fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
    let f = Filter { initiators: list(&["PRK"]), ..Filter::default() };
    let s = small().stats(&f).unwrap();
    // PRK severities: 2, 6, 3, 8 -> sorted 2 3 6 8 -> (3 + 6) / 2
    assert_eq!(s.median_severity, Some(4.5));
    assert_eq!(s.total, 4);
}

#[test]
fn empty_selection_has_zero_figures_not_errors() {
    let f = Filter { search: Some("no such incident".into()), ..Filter::default() };
    let s = small().stats(&f).unwrap();
    assert_eq!((s.total, s.not_coded, s.max_severity, s.first_year), (0, 0, None, None));
    assert!(s.by_year.is_empty() && s.by_initiator.is_empty());
}

#[test]
fn each_filter_field_selects_what_it_says() {
    let ex = small();
    let f = Filter::default;
    assert_eq!(ids(&ex, Filter { from: Some(2012), to: Some(2014), ..f() }), ["c", "b", "e", "d"]);
    assert_eq!(ids(&ex, Filter { initiators: list(&["PRK"]), ..f() }), ["a", "c", "b", "f"]);
    assert_eq!(ids(&ex, Filter { targets: list(&["USA"]), ..f() }), ["c", "b"]);
    assert_eq!(ids(&ex, Filter { targets: list(&["JPN", "usa"]), ..f() }), ["c", "b", "e", "f"]);
    assert_eq!(ids(&ex, Filter { methods: list(&["intrusion"]), ..f() }), ["c", "d", "f"]);
    assert_eq!(ids(&ex, Filter { objectives: list(&["theft"]), ..f() }), ["c"]);
    assert_eq!(ids(&ex, Filter { target_types: list(&["military"]), ..f() }), ["d", "f"]);
    // A severity bound leaves out the incident that is not coded.
    assert_eq!(ids(&ex, Filter { min_severity: Some(3), ..f() }), ["c", "b", "d", "f"]);
    assert_eq!(ids(&ex, Filter { max_severity: Some(3), ..f() }), ["a", "c"]);
    assert_eq!(ids(&ex, Filter { search: Some("ECHO".into()), ..f() }), ["e"]);
    assert_eq!(ids(&ex, Filter { initiators: list(&["PRK"]), min_severity: Some(5), ..f() }), ["b", "f"]);
    // Empty lists do not constrain.
    assert_eq!(ids(&ex, Filter { initiators: Some(vec![]), ..f() }).len(), 6);
}

#[test]
fn bad_filters_are_errors_that_name_the_field() {
    let ex = small();
    let err = |f: Filter| ex.stats(&f).unwrap_err().to_string();
    assert!(err(Filter { initiators: list(&["XYZ"]), ..Filter::default() }).contains("'initiators'"));
    assert!(err(Filter { initiators: list(&["XYZ"]), ..Filter::default() }).contains("XYZ"));
    assert!(err(Filter { methods: list(&["teleport"]), ..Filter::default() }).contains("'methods'"));
    assert!(err(Filter { from: Some(2016), to: Some(2010), ..Filter::default() }).contains("'from'"));
    assert!(err(Filter { min_severity: Some(11), ..Filter::default() }).contains("'minSeverity'"));
    assert!(
        err(Filter { min_severity: Some(6), max_severity: Some(2), ..Filter::default() }).contains("above maxSeverity")
    );
    let unknown = serde_json::from_str::<Filter>(r#"{"initiator": ["PRK"]}"#).unwrap_err().to_string();
    assert!(unknown.contains("unknown field `initiator`"), "{unknown}");
    let err = Filter::check_keys(["from", "initiator"]).unwrap_err().to_string();
    assert!(err.contains("filter field 'initiator': unknown field `initiator`"), "{err}");
    assert!(Filter::check_keys(Filter::fields()).is_ok());
    let f: Filter = serde_json::from_str(r#"{"targetTypes": ["private"], "minSeverity": 3}"#).unwrap();
    assert_eq!(ids(&ex, f), ["c", "b"]);
}

#[test]
fn json_reads_the_same_schema() {
    let ex = Explorer::from_text(include_str!("fixtures/small.json"), "auto").unwrap();
    let r = ex.records(&Filter::default()).unwrap();
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].target_type.map(|t| t.slug()), Some("government"));
    assert_eq!(r[1].severity, None);
    assert_eq!(ex.facets().source, "json");
}

#[test]
fn unknown_columns_are_kept_out_with_a_warning() {
    let text = "id,name,start,initiator,targets,colour\nx,X,2015,PRK,KOR,red\n";
    let ex = Explorer::from_text(text, "csv").unwrap();
    assert_eq!(ex.warnings().len(), 1);
    assert!(ex.warnings()[0].message.contains("colour"));
}

#[test]
fn an_end_before_the_start_is_kept_with_a_warning() {
    let text =
        "id,name,start,end,initiator,targets\nx,X,2015-06-01,2015-05-01,PRK,KOR\ny,Y,2015-06-01,2015-06,PRK,KOR\n";
    let ex = Explorer::from_text(text, "csv").unwrap();
    assert_eq!(ex.all().len(), 2);
    assert_eq!(ex.warnings().len(), 1, "{:?}", ex.warnings());
    assert_eq!((ex.warnings()[0].row, ex.warnings()[0].column.as_str()), (1, "end"));
}

#[test]
fn unknown_format_names_are_refused() {
    let err = Explorer::from_text("a,b\n1,2\n", "xlsx").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("unknown format 'xlsx'"), "{err}");
}
