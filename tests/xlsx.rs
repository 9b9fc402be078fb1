//! Excel workbooks: a small hand-made workbook with each cell kind, a truncated one, and the real
//! DCID release from ../shared when it is there.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/shared.rs"]
mod shared;

use cyber_spectrum::{Explorer, Filter};
use shared::shared_file;

#[test]
fn a_workbook_is_read_from_its_dataset_sheet() {
    let ex = Explorer::from_bytes(include_bytes!("fixtures/xlsx/small.xlsx"), "auto").expect("reads");
    assert_eq!(ex.facets().source, "dcid (xlsx sheet 'Incidents')");
    let r = ex.records(&Filter::default()).unwrap();
    let got: Vec<(&str, &str, &str, &str, Option<u8>)> =
        r.iter().map(|i| (i.id.as_str(), i.name.as_str(), i.start.as_str(), i.targets[0], i.severity)).collect();
    assert_eq!(
        got,
        [
            ("dcid-1", "Dark & stormy <wiper>", "2013-03-20", "KOR", Some(5)),
            ("dcid-3", "Outsider", "2016-01-01", "XXX", Some(2)),
            ("dcid-2", "Bank theft", "2016-02-04", "USA", Some(3)),
        ]
    );
    assert_eq!(r[0].method.map(|m| m.slug()), Some("wiper"), "4.0999999999999996 is code 4.1");
    assert_eq!(r[0].end.as_deref(), Some("2013-03-21"));
    assert!(
        ex.warnings().iter().any(|w| w.row == 4 && w.message.contains("neither member of the dyad")),
        "{:?}",
        ex.warnings()
    );
}

#[test]
fn damaged_and_foreign_files_are_refused_with_a_reason() {
    let err = |bytes: &[u8]| Explorer::from_bytes(bytes, "auto").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err(include_bytes!("fixtures/xlsx/truncated.xlsx")).contains("damaged or truncated"));
    assert!(err(b"PK\x03\x04not really a zip").contains("damaged or truncated"));
    assert!(err(&[0xff, 0xfe, 0x41, 0x00]).contains("neither an .xlsx workbook nor UTF-8 text"));
    // Text still goes through the text importers.
    let ex = Explorer::from_bytes(include_bytes!("fixtures/small.csv"), "auto").unwrap();
    assert_eq!(ex.all().len(), 6);
}

#[test]
fn the_real_dcid_workbook_gives_the_same_figures_as_its_csv() {
    let Some(xlsx) = shared_file("data/dcid-v2.0/DCID_2.0_Release_update_February_2023.xlsx") else { return };
    let Some(csv) = shared_file("data/dcid-v2.0/DCID_2.0_incidents.csv") else { return };
    let started = std::time::Instant::now();
    let from_xlsx = Explorer::from_bytes(&std::fs::read(&xlsx).unwrap(), "auto").expect("DCID workbook reads");
    println!("DCID xlsx imported natively in {:?}", started.elapsed());
    let from_csv = Explorer::from_text(&std::fs::read_to_string(&csv).unwrap(), "auto").unwrap();
    assert!(from_xlsx.facets().source.starts_with("dcid (xlsx sheet"));
    assert_eq!(from_xlsx.all().len(), 429);
    let early = Filter { from: Some(2001), to: Some(2011), ..Filter::default() };
    assert_eq!(from_xlsx.stats(&early).unwrap(), from_csv.stats(&early).unwrap());
    assert_eq!(from_xlsx.stats(&Filter::default()).unwrap(), from_csv.stats(&Filter::default()).unwrap());
    let ids = |ex: &Explorer| {
        ex.all()
            .iter()
            .map(|i| (i.id.clone(), i.start, i.initiator, i.targets.clone(), i.severity, i.method))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&from_xlsx), ids(&from_csv));
}
