//! `Explorer::prepare`: a filter's statistics and chart counts worked out ahead in steps give the
//! same statistics and the same drawings as those worked out at once, on data large enough to
//! take several steps; and what is kept is let go when it no longer holds.
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::chart::record::{Op, Recorder};
use cyber_spectrum::chart::{Theme, View};
use cyber_spectrum::{Explorer, Filter};
use plotters::prelude::IntoDrawingArea;

/// `n` incidents in the project's schema: four initiators, 22 years, months and some undated,
/// severities 0-7 and some not coded, so every count of the charts has something in it.
fn many(n: usize) -> Explorer {
    let states = ["PRK", "RUS", "CHN", "IRN", "USA"];
    let mut csv = String::from("id,name,start,initiator,targets,method,severity,certainty\n");
    for i in 0..n {
        let start = match i % 11 {
            0 => String::new(),
            1 => format!("{}", 2004 + i % 22),
            _ => format!("{}-{:02}", 2004 + i % 22, 1 + i % 12),
        };
        let severity = if i % 13 == 0 { String::new() } else { (i % 8).to_string() };
        let certainty = if i % 17 == 0 { "suspected" } else { "confirmed" };
        csv.push_str(&format!(
            "x{i},Operation {i},{start},{},KOR,intrusion,{severity},{certainty}\n",
            states[i % states.len()]
        ));
    }
    Explorer::from_text(&csv, "csv").expect("the synthetic data reads")
}

fn drawing(ex: &Explorer, view: View, filter: &Filter) -> Vec<Op> {
    let rec = Recorder::new(1000, 460);
    ex.draw(&rec.clone().into_drawing_area(), view, filter, &Theme::default()).expect("draws");
    rec.ops()
}

fn filters() -> Vec<Filter> {
    let f = |pairs: &[(&str, &str)]| Filter::from_params(pairs.iter().copied()).expect("a filter");
    vec![
        Filter::default(),
        f(&[("initiators", "PRK,RUS")]),
        f(&[("from", "2010"), ("to", "2016")]),
        f(&[("min-severity", "5")]),
        f(&[("search", "operation 12")]),
    ]
}

#[test]
fn prepared_statistics_and_charts_are_those_counted_at_once() {
    let n = 40_000; // several chunks of crate::pass::CHUNK
    let (prepared, fresh) = (many(n), many(n));
    for filter in filters() {
        let mut work = prepared.prepare(&filter).expect("prepares");
        let mut steps = 1;
        while !work.step(&prepared).expect("a step") {
            steps += 1;
        }
        let expected = fresh.stats(&filter).expect("stats");
        if filter == Filter::default() {
            assert!(steps > 2, "{n} incidents in {steps} steps");
            assert!(expected.undated > 0 && expected.not_coded > 0, "the data has undated and uncoded incidents");
        }
        assert_eq!(prepared.stats(&filter).expect("stats"), expected, "{filter:?}");
        for view in [View::Spectrum, View::Timeline] {
            assert_eq!(drawing(&prepared, view, &filter), drawing(&fresh, view, &filter), "{view:?} of {filter:?}");
        }
    }
}

#[test]
fn a_chart_drawn_again_is_drawn_the_same() {
    let ex = many(2_000);
    for filter in filters() {
        for view in [View::Spectrum, View::Timeline] {
            // The second draw reads the counts kept from the first.
            assert_eq!(drawing(&ex, view, &filter), drawing(&ex, view, &filter), "{view:?} of {filter:?}");
        }
    }
}

#[test]
fn a_preparation_runs_on_its_own_explorer_only() {
    let (a, b) = (many(100), many(200));
    let mut work = a.prepare(&Filter::default()).expect("prepares");
    let err = work.step(&b).expect_err("another explorer is refused");
    assert!(err.to_string().contains("another explorer"), "{err}");
    // A filter the data cannot take is refused at once, as `stats` refuses it.
    let responses = Filter::from_params([("responses", "sanctions")]).expect("a filter");
    let err = a.prepare(&responses).err().expect("no responses in this data");
    assert_eq!(err.to_string(), a.stats(&responses).expect_err("refused").to_string());
}

#[test]
fn kept_statistics_follow_new_context_events() {
    let mut ex = Explorer::bundled().expect("bundled");
    let before = ex.stats(&Filter::default()).expect("stats");
    // One event, where the bundled data has dozens: fewer incidents begin near one.
    let csv = "id,date,kind,name\nt1,2016-01-06,nuclear-test,A test\n";
    let table = cyber_spectrum::import::table::read_csv(csv).expect("a table");
    ex.set_context(&table).expect("one event");
    let after = ex.stats(&Filter::default()).expect("stats");
    assert_ne!(before.clustering, after.clustering, "the clustering follows the events now shown");
}
