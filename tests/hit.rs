//! Hit-testing from the geometry a chart was drawn with (`Layout::hit`): the nearest mark, misses,
//! the edge of the touch radius, after a resize, and the same answers at devicePixelRatio 1, 2
//! and 3 (layout in CSS pixels, drawn k times finer).
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::chart::record::{Op, Recorder};
use cyber_spectrum::chart::{Layout, Mark, Scaled, Theme, View, TOUCH_SLOP};
use cyber_spectrum::{Explorer, Filter};
use plotters::prelude::IntoDrawingArea;

fn draw(ex: &Explorer, view: View, w: u32, h: u32, dpr: u32) -> (Recorder, Layout) {
    let rec = Recorder::new(w * dpr, h * dpr);
    let area = Scaled::new(rec.clone(), dpr).into_drawing_area();
    let layout = ex.draw(&area, view, &Filter::default(), &Theme::default()).expect("draws");
    (rec, layout)
}

fn mark(index: usize, x: f64, y: f64, r: f64) -> Mark {
    Mark { index, x, y, r, group: 0 }
}

#[test]
fn the_nearest_mark_within_the_radius_is_picked() {
    let layout = Layout {
        width: 400,
        height: 300,
        marks: vec![mark(0, 100.0, 100.0, 5.0), mark(1, 120.0, 100.0, 5.0), mark(2, 300.0, 200.0, 9.0)],
        bands: vec![],
        aggregated: false,
        events: vec![],
    };
    let hit = |x, y| layout.hit(x, y, TOUCH_SLOP).map(|m| m.index);
    assert_eq!(hit(100.0, 100.0), Some(0), "on a centre");
    assert_eq!(hit(108.0, 100.0), Some(0), "nearer the first");
    assert_eq!(hit(112.0, 100.0), Some(1), "nearer the second");
    assert_eq!(hit(110.0, 100.0), Some(1), "a tie goes to the mark drawn on top");
    assert_eq!(hit(200.0, 150.0), None, "between marks, beyond every radius");
    // The edge of the radius: mark edge + slop, measured from the centre.
    let reach = 9.0 + TOUCH_SLOP;
    assert_eq!(hit(300.0 + reach - 0.5, 200.0), Some(2));
    assert_eq!(hit(300.0 + reach + 0.5, 200.0), None);
    assert_eq!(hit(300.0, 200.0 - reach + 0.5), Some(2));
    // A big mark under the pointer wins over a small mark whose centre is nearer.
    let overlap = Layout {
        width: 100,
        height: 100,
        marks: vec![mark(0, 50.0, 50.0, 20.0), mark(1, 62.0, 50.0, 3.0)],
        bands: vec![],
        aggregated: false,
        events: vec![],
    };
    assert_eq!(overlap.hit(58.0, 50.0, TOUCH_SLOP).map(|m| m.index), Some(0));
    assert_eq!(overlap.hit(63.0, 50.0, TOUCH_SLOP).map(|m| m.index), Some(1), "inside both: the one on top");
    assert!(Layout::default().hit(0.0, 0.0, TOUCH_SLOP).is_none(), "an empty chart");
    // Outside the chart entirely.
    assert_eq!(hit(-50.0, -50.0), None);
}

#[test]
fn every_drawn_incident_is_found_at_its_mark_and_the_corners_miss() {
    let ex = Explorer::bundled().unwrap();
    for view in [View::Spectrum, View::Timeline, View::Responses] {
        let (_, layout) = draw(&ex, view, 1000, 460, 1);
        assert_eq!(layout.marks.len(), ex.all().len());
        for m in &layout.marks {
            let found = layout.hit(m.x, m.y, TOUCH_SLOP).expect("a mark's centre hits");
            // Marks may touch in a stack; the one found is this one or one overlapping it.
            let d = ((found.x - m.x).powi(2) + (found.y - m.y).powi(2)).sqrt();
            assert!(found.index == m.index || d <= found.r + m.r, "{view:?}: {m:?} found {found:?}");
        }
        assert!(layout.hit(2.0, 455.0, 4.0).is_none(), "{view:?}: bottom-left corner");
    }
}

#[test]
fn hits_follow_a_resize() {
    let ex = Explorer::bundled().unwrap();
    // The timeline keeps a mark per incident from about 1000 px (narrower, it shows counts).
    for (view, wide_w, narrow_w) in [(View::Spectrum, 1200, 400), (View::Timeline, 1400, 1000)] {
        let (_, wide) = draw(&ex, view, wide_w, 460, 1);
        let (_, narrow) = draw(&ex, view, narrow_w, 460, 1);
        assert!(!narrow.aggregated && !wide.aggregated, "{view:?}: marks at both sizes");
        // The same incident is found at its new place after the resize.
        let moved = wide.marks.iter().zip(&narrow.marks).filter(|(a, b)| (a.x - b.x).abs() > 40.0).count();
        assert!(moved > 10, "{view:?}: marks moved ({moved})");
        for m in &narrow.marks {
            let found = narrow.hit(m.x, m.y, TOUCH_SLOP).unwrap();
            assert!(
                found.index == m.index || ((found.x - m.x).powi(2) + (found.y - m.y).powi(2)).sqrt() <= found.r + m.r
            );
        }
        // Beyond the narrow chart's right edge there is nothing to find any more.
        let far = wide.marks.iter().max_by(|a, b| a.x.total_cmp(&b.x)).unwrap();
        assert!(far.x > f64::from(narrow_w) + 50.0);
        assert!(narrow.hit(far.x, far.y, TOUCH_SLOP).is_none(), "{view:?}: a stale position misses");
    }
}

#[test]
fn the_same_geometry_at_device_pixel_ratio_1_2_and_3() {
    let ex = Explorer::bundled().unwrap();
    for view in [View::Spectrum, View::Timeline] {
        let (_, css) = draw(&ex, view, 640, 400, 1);
        for dpr in [2u32, 3] {
            let (rec, layout) = draw(&ex, view, 640, 400, dpr);
            assert_eq!(layout, css, "{view:?}: layout in CSS pixels whatever the ratio");
            // And the marks really are drawn where the layout says, dpr times finer.
            let circles: Vec<(i32, i32)> = rec
                .ops()
                .into_iter()
                .filter_map(|op| match op {
                    Op::Circle { centre, filled: true, .. } => Some(centre),
                    _ => None,
                })
                .collect();
            let k = f64::from(dpr);
            let on_circles = layout
                .marks
                .iter()
                .filter(|m| {
                    circles
                        .iter()
                        .any(|&(x, y)| (f64::from(x) - m.x * k).abs() <= k && (f64::from(y) - m.y * k).abs() <= k)
                })
                .count();
            assert!(
                on_circles >= layout.marks.len() / 2,
                "{view:?} at {dpr}x: {on_circles} of {} marks drawn at their layout position",
                layout.marks.len()
            );
            // A pointer at CSS coordinates finds the same incident at every ratio.
            for m in layout.marks.iter().step_by(7) {
                assert_eq!(
                    layout.hit(m.x + 1.0, m.y, TOUCH_SLOP).map(|f| f.index),
                    css.hit(m.x + 1.0, m.y, TOUCH_SLOP).map(|f| f.index)
                );
            }
        }
    }
}

#[test]
fn marks_come_in_reading_order_and_name_dataset_incidents() {
    let ex = Explorer::bundled().unwrap();
    let filter = Filter { from: Some(2014), initiators: Some(vec!["PRK".into()]), ..Filter::default() };
    for view in [View::Spectrum, View::Timeline, View::Responses] {
        let rec = Recorder::new(900, 460);
        let layout = ex.draw(&rec.clone().into_drawing_area(), view, &filter, &Theme::default()).unwrap();
        let selected = ex.select(&filter).unwrap();
        assert_eq!(layout.marks.len(), selected.len());
        // Each mark's index names an incident of the whole dataset that the filter selects.
        for m in &layout.marks {
            let r = ex.record(m.index).expect("a dataset index");
            assert!(r.initiator == "PRK" && r.start.as_str() >= "2014", "{view:?}: {} {}", r.initiator, r.start);
        }
        let mut seen: Vec<usize> = layout.marks.iter().map(|m| m.index).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), layout.marks.len(), "{view:?}: each incident once");
        assert!(ex.record(ex.all().len()).is_none());
        let first = &layout.marks[0];
        assert_eq!(ex.index_of(&ex.all()[first.index].id), Some(first.index));
        assert_eq!(ex.index_of("no such id"), None);
        // Reading order: level by level on the spectrum (not coded last), dates on the timeline.
        match view {
            View::Spectrum => {
                let key = |g: i32| if g < 0 { i32::MAX } else { g };
                assert!(layout.marks.windows(2).all(|w| key(w[0].group) <= key(w[1].group)), "levels ascending");
                for m in &layout.marks {
                    assert_eq!(ex.all()[m.index].severity.map_or(-1, i32::from), m.group);
                }
            }
            View::Responses => {
                let key = |g: i32| if g < 0 { i32::MAX } else { g };
                assert!(layout.marks.windows(2).all(|w| key(w[0].group) <= key(w[1].group)), "levels ascending");
            }
            View::Timeline => {
                let starts: Vec<_> = layout.marks.iter().map(|m| ex.all()[m.index].start).collect();
                assert!(
                    starts.windows(2).all(|w| w[0].unwrap().fractional_year() <= w[1].unwrap().fractional_year()),
                    "time order"
                );
                assert!(layout.marks.iter().all(|m| m.group == ex.all()[m.index].start.unwrap().year));
            }
        }
    }
}

#[test]
fn bands_count_what_is_drawn_in_them() {
    let ex = Explorer::bundled().unwrap();
    for view in [View::Spectrum, View::Timeline, View::Responses] {
        let (_, layout) = draw(&ex, view, 1000, 460, 1);
        assert_eq!(layout.bands.iter().map(|b| b.count).sum::<usize>(), layout.marks.len(), "{view:?}");
        for b in &layout.bands {
            assert_eq!(b.count, layout.marks.iter().filter(|m| m.group == b.key).count(), "{view:?} band {}", b.key);
            // The band is found anywhere inside it, and its neighbours do not overlap it.
            let found = layout.band_at((b.x0 + b.x1) / 2.0, b.bottom - 1.0).expect("inside the band");
            assert_eq!(found.key, b.key);
        }
        // A mark's centre lies in its own band; outside the plot there is none.
        for m in layout.marks.iter().step_by(5) {
            assert_eq!(layout.band_at(m.x, m.y).map(|b| b.key), Some(m.group), "{view:?}: {m:?}");
        }
        assert!(layout.band_at(500.0, 1.0).is_none(), "{view:?}: the legend is no band");
    }
    let (_, spectrum) = draw(&ex, View::Spectrum, 1000, 460, 1);
    assert_eq!(spectrum.bands.iter().map(|b| b.key).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -1]);
}
