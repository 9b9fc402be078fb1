//! Comparing states (issue 21 item 4): which states get a panel, each state's severity in the
//! statistics (checked against the records), and the scope filter that leaves out the reference
//! incidents a comparison should know about.
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::model::Split;
use cyber_spectrum::{Explorer, Filter};

fn list(v: &[&str]) -> Option<Vec<String>> {
    Some(v.iter().map(|s| s.to_string()).collect())
}

/// Mean and maximum severity of the records `filter` selects whose `pick` holds.
fn by_hand(
    ex: &Explorer,
    filter: &Filter,
    pick: impl Fn(&cyber_spectrum::explorer::IncidentRecord) -> bool,
) -> (usize, f64, u8) {
    let records = ex.records(filter).unwrap();
    let chosen: Vec<_> = records.iter().filter(|r| pick(r)).collect();
    let coded: Vec<u8> = chosen.iter().filter_map(|r| r.severity).collect();
    let mean = coded.iter().map(|&s| f64::from(s)).sum::<f64>() / coded.len() as f64;
    (chosen.len(), mean, coded.iter().copied().max().unwrap())
}

#[test]
fn panels_are_the_named_states_in_order_or_else_the_four_largest() {
    let ex = Explorer::bundled().unwrap();
    let named = Filter { initiators: list(&["RUS", "PRK", "GBR"]), ..Filter::default() };
    let panels = ex.panels(&named, Split::Initiator).unwrap();
    let codes: Vec<&str> = panels.iter().map(|p| p.code).collect();
    assert_eq!(codes, ["RUS", "PRK", "GBR"], "the filter's order, a state without incidents included");
    assert_eq!((panels[2].count, panels[2].max_severity), (0, None));
    for p in &panels[..2] {
        let (count, mean, max) = by_hand(&ex, &named, |r| r.initiator == p.code);
        assert_eq!((p.count, p.max_severity), (count, Some(max)), "{}", p.code);
        assert!((p.mean_severity.unwrap() - mean).abs() < 1e-9, "{}: {:?} vs {mean}", p.code, p.mean_severity);
    }
    let top = ex.panels(&Filter::default(), Split::Target).unwrap();
    assert_eq!(top.len(), 4);
    assert!(top.windows(2).all(|w| w[0].count >= w[1].count), "largest first");
    let (count, _, _) = by_hand(&ex, &Filter::default(), |r| r.targets.contains(&top[0].code));
    assert_eq!(top[0].count, count, "a target's panel counts every incident that hit it");
}

#[test]
fn the_statistics_give_each_states_severity_and_scope_leaves_out_the_reference_incidents() {
    let ex = Explorer::bundled().unwrap();
    let all = ex.stats(&Filter::default()).unwrap();
    let rus = all.by_initiator.iter().find(|c| c.code == "RUS").unwrap();
    let (count, mean, max) = by_hand(&ex, &Filter::default(), |r| r.initiator == "RUS");
    assert_eq!((rus.count, rus.max_severity), (count, Some(max)));
    assert!((rus.mean_severity.unwrap() - mean).abs() < 1e-9);
    // Russia's incidents are mostly reference incidents, chosen for their level: leaving them out
    // leaves only what it did on the peninsula, with its own figures.
    let peninsula = Filter { scope: list(&["peninsula"]), ..Filter::default() };
    let s = ex.stats(&peninsula).unwrap();
    let rus_here = s.by_initiator.iter().find(|c| c.code == "RUS").unwrap();
    let (count, mean, max) = by_hand(&ex, &peninsula, |r| r.initiator == "RUS");
    assert!(count < rus.count, "{rus_here:?} vs {rus:?}");
    assert_eq!((rus_here.count, rus_here.max_severity, rus_here.mean_severity), (count, Some(max), Some(mean)));
    let reference = ex.records(&Filter { scope: list(&["reference"]), ..Filter::default() }).unwrap();
    assert!(reference
        .iter()
        .all(|r| r.initiator != "PRK" && !r.targets.contains(&"KOR") && !r.targets.contains(&"PRK")));
    assert_eq!(reference.len() + s.total, all.total, "every incident is one or the other");
    let err = ex.stats(&Filter { scope: list(&["elsewhere"]), ..Filter::default() }).unwrap_err().to_string();
    assert!(err.contains("scope") && err.contains("peninsula, reference"), "{err}");
}
