//! DCID v2.0 import: a small fixture with every quirk the real release has, and the real files
//! from ../shared when they are there (a user's clone has no ../shared: those tests say so and
//! pass; CI has it, and with CI set a missing file fails: tests/common/shared.rs).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/shared.rs"]
mod shared;

use cyber_spectrum::{Explorer, Filter};
use shared::shared_file;

#[test]
fn quirky_rows_are_kept_and_each_quirk_is_reported() {
    let ex = Explorer::from_text(include_str!("fixtures/dcid/quirks.csv"), "auto").expect("reads");
    assert_eq!(ex.facets().source, "dcid");
    let all = ex.records(&Filter::default()).unwrap();
    assert_eq!(all.len(), 6, "no row dropped");
    let by_id = |id: &str| all.iter().find(|r| r.id == id).unwrap();
    let one = by_id("dcid-1");
    assert_eq!(
        (one.initiator, one.targets[0], one.method.map(|m| m.slug()), one.severity),
        ("PRK", "KOR", Some("wiper"), Some(5))
    );
    assert_eq!(one.target_type.map(|t| t.slug()), Some("private"));
    assert_eq!(one.objective.map(|o| o.slug()), Some("degradation"));
    assert_eq!(one.sources, ["https://example.org/one"]);
    let two = by_id("dcid-2");
    assert_eq!((two.initiator, two.targets[0]), ("PRK", "USA"));
    assert_eq!(by_id("dcid-3").targets[0], "XXX");
    assert_eq!(by_id("dcid-4").method, None);
    assert_eq!(by_id("dcid-6").method, None);

    let w: Vec<(usize, &str, &str)> =
        ex.warnings().iter().map(|w| (w.row, w.column.as_str(), w.message.as_str())).collect();
    let has = |row: usize, col: &str, text: &str| w.iter().any(|(r, c, m)| *r == row && *c == col && m.contains(text));
    assert!(has(2, "StateB", "stray spaces"), "{w:?}");
    assert!(has(3, "initiator", "neither member of the dyad (China, South Korea)"), "{w:?}");
    assert!(has(4, "method", "'3.1' is not in the DCID codebook"), "{w:?}");
    assert!(has(4, "Crit Inf", "'0' is outside the codebook"), "{w:?}");
    assert!(has(5, "interactionenddate", "ends (2015-01-15) before it starts (2015-11-25)"), "{w:?}");
    assert!(has(6, "method", "'0' is not in the DCID codebook"), "{w:?}");
    assert_eq!(w.len(), 6, "{w:?}");
}

#[test]
fn the_real_dcid_csv_gives_the_published_figures() {
    let Some(path) = shared_file("data/dcid-v2.0/DCID_2.0_incidents.csv") else { return };
    let text = std::fs::read_to_string(path).unwrap();
    let ex = Explorer::from_text(&text, "auto").expect("DCID CSV reads");
    assert_eq!(ex.all().len(), 429);
    let early = Filter { from: Some(2001), to: Some(2011), ..Filter::default() };
    let s = ex.stats(&early).unwrap();
    assert_eq!(s.total, 135);
    let leaders: Vec<(&str, usize)> = s.by_initiator.iter().take(2).map(|c| (c.code, c.count)).collect();
    assert_eq!(leaders, [("CHN", 48), ("RUS", 24)]);
    let prk = ex.stats(&Filter { initiators: Some(vec!["PRK".into()]), ..early }).unwrap();
    assert_eq!(prk.total, 14);
    let targets: Vec<(&str, usize)> = prk.by_target.iter().map(|c| (c.code, c.count)).collect();
    assert_eq!(targets, [("KOR", 10), ("USA", 3), ("JPN", 1)]);
    let prk_all = ex.stats(&Filter { initiators: Some(vec!["PRK".into()]), ..Filter::default() }).unwrap();
    assert_eq!((prk_all.total, prk_all.first_year, prk_all.last_year), (59, Some(2007), Some(2020)));
    // The known quirks are reported, not hidden: four initiators outside their dyad.
    let outside = ex.warnings().iter().filter(|w| w.message.contains("neither member of the dyad")).count();
    assert_eq!(outside, 4);
    assert!(ex.warnings().iter().any(|w| w.column == "method" && w.message.contains("'3.1'")));
    assert!(ex.warnings().iter().any(|w| w.message.contains("before it starts")));
    assert!(ex.warnings().iter().any(|w| w.message.contains("stray spaces")));
}
