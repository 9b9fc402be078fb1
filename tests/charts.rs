//! Native tests of the chart code through the recording backend: what is drawn (thresholds,
//! labels, one mark per incident) and that no label overlaps another or leaves the chart, from
//! phone to desktop widths.
#![cfg(not(target_arch = "wasm32"))]

use cyber_spectrum::chart::record::{Op, Recorder};
use cyber_spectrum::chart::{Layout, Theme, View};
use cyber_spectrum::{Explorer, Filter};
use plotters::prelude::IntoDrawingArea;

fn small() -> Explorer {
    Explorer::from_text(include_str!("fixtures/small.csv"), "csv").unwrap()
}

fn render(ex: &Explorer, view: View, filter: &Filter, w: u32, h: u32) -> (Recorder, Layout) {
    let rec = Recorder::new(w, h);
    let layout = ex.draw(&rec.clone().into_drawing_area(), view, filter, &Theme::default()).expect("draws");
    (rec, layout)
}

fn overlaps(a: (i32, i32, i32, i32), b: (i32, i32, i32, i32)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Every text inside the surface and clear of every other text.
fn assert_legible(rec: &Recorder, what: &str) {
    let boxes = rec.text_boxes();
    for (i, (t, b)) in boxes.iter().enumerate() {
        assert!(
            b.0 >= 0 && b.1 >= 0 && b.2 <= rec.width as i32 && b.3 <= rec.height as i32,
            "{what}: '{t}' {b:?} leaves the {}x{} chart",
            rec.width,
            rec.height
        );
        for (u, c) in &boxes[i + 1..] {
            assert!(!overlaps(*b, *c), "{what}: '{t}' {b:?} overlaps '{u}' {c:?}");
        }
    }
}

#[test]
fn spectrum_draws_thresholds_levels_bands_and_one_mark_per_incident() {
    let ex = small();
    let (rec, layout) = render(&ex, View::Spectrum, &Filter::default(), 1000, 460);
    let texts = rec.texts();
    // The default reading (the Tallinn Manual experts'): use of force from 5 with physical
    // effects and from 7 whatever they are; armed attack from 7; 5-6 contested; the response
    // tiers from data/tiers.csv in its three regions.
    for expected in [
        "Use of force (5+ if physical, 7+)",
        "Armed attack (level 7+)",
        "probing",
        "harassment",
        "destruction",
        "not coded",
        "Self-defence",
        "North Korea 4",
        "0",
        "10",
    ] {
        assert!(texts.iter().any(|t| t == expected), "missing '{expected}' in {texts:?}");
    }
    assert!(!texts.iter().any(|t| t.contains("Reprisal")), "{texts:?}");
    // The contested range (5-6 as armed attack) is labelled in full or as a question.
    assert!(texts.iter().any(|t| t == "Contested: armed attack?" || t == "Armed attack?"), "{texts:?}");
    let all = texts.join(" ");
    for tier in ["Attribution", "Retorsion", "Indictments", "Sanctions", "Countermeasures", "necessity"] {
        assert!(all.contains(tier), "missing tier '{tier}' in {texts:?}");
    }
    // The old fixed reading moves both lines.
    let dcid = Filter { reading: Some("dcid-ladder".into()), ..Filter::default() };
    let texts = render(&ex, View::Spectrum, &dcid, 1000, 460).0.texts();
    for expected in ["Use of force (level 7+)", "Armed attack (level 9+)", "Self-defence"] {
        assert!(texts.iter().any(|t| t == expected), "dcid-ladder: missing '{expected}' in {texts:?}");
    }
    assert!(texts.iter().any(|t| t.contains("necessity")), "dcid-ladder: no middle region in {texts:?}");
    // The United States sees no gap: one line for both, and no middle region of countermeasures.
    let us = Filter { reading: Some("united-states".into()), ..Filter::default() };
    let texts = render(&ex, View::Spectrum, &us, 1000, 460).0.texts();
    assert!(texts.iter().any(|t| t.starts_with("Use of force = armed attack")), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("necessity") || t.starts_with("Armed attack")), "{texts:?}");
    assert_eq!(layout.marks.len(), 6);
    let mut idx: Vec<usize> = layout.marks.iter().map(|m| m.index).collect();
    idx.sort();
    assert_eq!(idx, [0, 1, 2, 3, 4, 5]);
    // The not-coded incident (Echo) sits right of every coded one.
    let records = ex.records(&Filter::default()).unwrap();
    let echo = layout.marks.iter().find(|m| records[m.index].id == "e").unwrap();
    assert!(layout.marks.iter().all(|m| m.index == echo.index || m.x < echo.x));
    // Higher levels sit further right.
    let x_of = |id: &str| layout.marks.iter().find(|m| records[m.index].id == id).unwrap().x;
    assert!(x_of("a") < x_of("c") && x_of("c") < x_of("d") && x_of("d") < x_of("b") && x_of("b") < x_of("f"));
    // Each mark is a filled circle or polygon.
    let shapes = rec.ops().iter().filter(|o| matches!(o, Op::Polygon { .. } | Op::Circle { filled: true, .. })).count();
    assert!(shapes >= 6, "{shapes} filled shapes");
}

#[test]
fn timeline_draws_years_thresholds_step_line_and_marks() {
    let ex = small();
    let (rec, layout) = render(&ex, View::Timeline, &Filter::default(), 900, 400);
    let texts = rec.texts();
    for expected in
        ["2010", "2016", "Use of force (5+ if physical, 7+)", "Armed attack (level 7+)", "not coded", "Severity (0-10)"]
    {
        assert!(texts.iter().any(|t| t == expected), "missing '{expected}' in {texts:?}");
    }
    assert_eq!(layout.marks.len(), 6);
    // Later incidents are further right; more severe ones higher up.
    let records = ex.records(&Filter::default()).unwrap();
    let m = |id: &str| *layout.marks.iter().find(|m| records[m.index].id == id).unwrap();
    assert!(m("a").x < m("b").x && m("b").x < m("f").x);
    assert!(m("f").y < m("b").y && m("b").y < m("a").y);
    // The step line uses the accent colour.
    let accent = Theme::default().accent;
    let steps = rec
        .ops()
        .iter()
        .filter(|o| matches!(o, Op::Line { color, .. } if *color == (accent.0, accent.1, accent.2)))
        .count();
    assert!(steps >= 4, "{steps} step segments");
}

/// On the timeline a threshold's label sits where no mark is, nor the step line (which may pass
/// behind a wash of the background instead), shortened when it must be, from phone to desktop.
#[test]
fn timeline_threshold_labels_keep_clear_of_marks_and_the_step_line() {
    let bundled = Explorer::bundled().unwrap();
    let accent = Theme::default().accent;
    let accent = (accent.0, accent.1, accent.2);
    for &w in &[600, 800, 1024, 1248, 1400] {
        for reading in ["tallinn", "united-states", "france", "japan"] {
            let f = Filter { reading: Some(reading.into()), ..Filter::default() };
            let (rec, layout) = render(&bundled, View::Timeline, &f, w, 400);
            let what = format!("{w} px, {reading}");
            let ops = rec.ops();
            let labels: Vec<_> = rec
                .text_boxes()
                .into_iter()
                .filter(|(t, _)| ["Use of force", "Armed attack", "Force", "Attack"].iter().any(|p| t.starts_with(p)))
                .collect();
            assert!(!labels.is_empty(), "{what}: no threshold label");
            for (text, b) in &labels {
                for m in &layout.marks {
                    let r = m.r.ceil() as i32;
                    let (x, y) = (m.x.round() as i32, m.y.round() as i32);
                    assert!(
                        !overlaps(*b, (x - r, y - r, x + r, y + r)),
                        "{what}: '{text}' {b:?} covers a mark at ({x}, {y})"
                    );
                }
                let washed = ops.iter().any(|o| {
                    matches!(o, Op::Rect { from, to, filled: true }
                    if from.0 <= b.0 && to.0 >= b.2 && overlaps(*b, (from.0, from.1, to.0, to.1)))
                });
                let crossed = ops.iter().any(|o| {
                    matches!(o, Op::Line { from, to, color } if *color == accent
                    && overlaps(*b, (from.0.min(to.0), from.1.min(to.1), from.0.max(to.0) + 1, from.1.max(to.1) + 1)))
                });
                assert!(washed || !crossed, "{what}: the step line crosses '{text}' {b:?}");
            }
        }
    }
}

#[test]
fn labels_never_overlap_or_clip_from_phone_to_desktop() {
    let bundled = Explorer::bundled().unwrap();
    for ex in [&small(), &bundled] {
        for &(w, h) in &[(360, 500), (390, 500), (600, 440), (800, 440), (1024, 440), (1400, 440)] {
            for view in [View::Spectrum, View::Timeline] {
                for reading in ["tallinn", "united-states", "france", "japan", "south-korea", "chun-in-bum"] {
                    let f = Filter { reading: Some(reading.into()), ..Filter::default() };
                    let (rec, layout) = render(ex, view, &f, w, if view == View::Timeline { h - 60 } else { h });
                    assert_legible(&rec, &format!("{view:?} at {w}x{h}, {reading}"));
                    // A mark each, unless the timeline is too narrow to place them honestly (then it
                    // shows counts); the bundled data keeps its marks from 1000 px up.
                    if !layout.aggregated {
                        assert_eq!(layout.marks.len(), ex.all().len());
                    } else {
                        assert!(view == View::Timeline && w < 1000, "{view:?} at {w}: counts instead of marks");
                    }
                    for m in &layout.marks {
                        assert!(
                            m.x - m.r >= 0.0 && m.x + m.r <= f64::from(w) && m.y - m.r >= 0.0,
                            "{view:?} at {w}: mark {m:?} leaves the chart"
                        );
                    }
                }
            }
        }
    }
}

/// Issue 21: band and threshold labels are at least 12 px and never lost, from a 320 px phone to a
/// 1400 px page: every response tier's words appear whole (inside its band where they fit, else
/// written out under the bands), and no text is smaller than 12 px.
#[test]
fn band_and_threshold_labels_are_whole_and_at_least_12_px_from_320_to_1400() {
    let mut ex = Explorer::bundled().unwrap();
    // With the timeline's lane of context events, as the page shows it.
    ex.show_context(true);
    let tiers: Vec<String> = ex.facets().tiers.iter().map(|t| t.short.clone()).collect();
    assert!(tiers.len() >= 5, "{tiers:?}");
    for w in [320, 360, 390, 480, 600, 800, 1024, 1280, 1400] {
        for view in [View::Spectrum, View::Timeline, View::Responses] {
            let (rec, _) = render(&ex, view, &Filter::default(), w, 460);
            assert_legible(&rec, &format!("{view:?} at {w}"));
            for op in rec.ops() {
                if let Op::Text { text, size, .. } = op {
                    assert!(size >= 12.0, "{view:?} at {w}: '{text}' at {size} px");
                }
            }
            let all = rec.texts().join(" ");
            if view == View::Timeline {
                assert!(all.contains("Context"), "{w} px: the context lane is drawn: {all}");
            }
            // The thresholds are named (in full or short, never cut).
            // (The responses chart's narrow strip may say "Attack" for armed attack.)
            let attack = if view == View::Responses { "ttack" } else { "Armed attack" };
            assert!(all.contains("Use of force") && all.contains(attack), "{view:?} at {w}: {all}");
            if view == View::Spectrum {
                for tier in &tiers {
                    assert!(all.contains(tier.as_str()), "{w} px: the tier '{tier}' is lost in {all}");
                }
                assert!(!all.contains('\u{2026}'), "{w} px: a label cut short in {all}");
            }
        }
    }
}

#[test]
fn an_empty_selection_says_so() {
    let f = Filter { search: Some("nothing like this".into()), ..Filter::default() };
    for view in [View::Spectrum, View::Timeline] {
        let (rec, layout) = render(&small(), view, &f, 800, 400);
        assert!(layout.marks.is_empty());
        assert!(rec.texts().iter().any(|t| t == "No incidents match the current filters"), "{view:?}");
        // Nothing to draw is never "too many to draw", even on the smallest chart.
        for (w, h) in [(800, 400), (120, 120)] {
            assert!(!render(&small(), view, &f, w, h).1.aggregated, "{view:?} at {w}x{h}");
        }
    }
}

#[test]
fn marks_follow_the_filter() {
    let f = Filter { initiators: Some(vec!["PRK".into()]), ..Filter::default() };
    let (_, layout) = render(&small(), View::Spectrum, &f, 800, 400);
    assert_eq!(layout.marks.len(), 4);
}

#[test]
fn too_small_an_area_and_unknown_views_are_errors() {
    let area = Recorder::new(100, 80).into_drawing_area();
    let err = small().draw(&area, View::Spectrum, &Filter::default(), &Theme::default()).unwrap_err();
    assert!(err.to_string().contains("100x80"), "{err}");
    assert!(View::parse("pie").unwrap_err().to_string().contains("unknown view 'pie'"));
    assert_eq!(View::parse(" Timeline ").unwrap(), View::Timeline);
}

/// A EuRepoC export whose scores run 0-`top`, one incident per score and year.
fn eurepoc_up_to(top: u8) -> Explorer {
    let mut text = String::from("ID,name,start_date,receiver_country,initiator_country,weighted_cyber_intensity\n");
    for s in 0..=top {
        text.push_str(&format!("{s},Incident {s},{}-06-01,['Japan'],['North Korea'],{s}\n", 2000 + u32::from(s)));
    }
    text.push_str("99,Unscored,2010-01-01,['Japan'],['China'],\n");
    Explorer::from_text(&text, "eurepoc").unwrap()
}

#[test]
fn another_scale_is_named_on_the_chart_and_has_no_thresholds() {
    let sample = Explorer::from_text(include_str!("fixtures/eurepoc/sample.csv"), "auto").unwrap();
    let (rec, layout) = render(&sample, View::Spectrum, &Filter::default(), 1000, 460);
    let texts = rec.texts();
    assert!(texts.iter().any(|t| t.contains("EuRepoC") && t.contains("not the 0-10 ladder")), "{texts:?}");
    assert!(
        !texts.iter().any(|t| t.contains("Use of force")
            || t.contains("Armed attack")
            || t.contains("Self-defence")
            || t == "harassment"),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t == "5") && !texts.iter().any(|t| t == "6"),
        "columns stop at the file's top score: {texts:?}"
    );
    assert_eq!(layout.marks.len(), sample.all().len());
    let (rec, _) = render(&sample, View::Timeline, &Filter::default(), 900, 400);
    assert!(rec.texts().iter().any(|t| t == "EuRepoC intensity"));
    assert!(!rec.texts().iter().any(|t| t.contains("Use of force")));

    let wide = eurepoc_up_to(20);
    assert_eq!(wide.scale().max, 20);
    for ex in [&sample, &wide] {
        for &(w, h) in &[(360, 500), (390, 500), (800, 440), (1400, 440)] {
            for view in [View::Spectrum, View::Timeline] {
                let (rec, layout) = render(ex, view, &Filter::default(), w, h);
                assert_legible(&rec, &format!("EuRepoC {view:?} at {w}x{h}"));
                // The timeline has no place for the undated, and says how many it leaves off.
                let undated = ex.all().iter().filter(|i| i.start.is_none()).count();
                let drawn = if view == View::Timeline { ex.all().len() - undated } else { ex.all().len() };
                assert_eq!(layout.marks.len(), drawn, "{view:?} at {w}x{h}");
                if view == View::Timeline && w >= 800 && undated > 1 {
                    let note = format!("{undated} undated incidents not shown");
                    assert!(rec.texts().contains(&note), "{note}: {:?}", rec.texts());
                }
            }
        }
    }
}

/// `n` incidents spread over 2000-2024, five initiators, every level and some not coded.
fn many(n: usize) -> Explorer {
    let mut csv = String::from("id,name,start,initiator,targets,severity\n");
    let states = ["CHN", "RUS", "PRK", "IRN", "ISR", "VNM", "PAK"];
    for k in 0..n {
        let severity = if k % 23 == 0 { String::new() } else { ((k * 7) % 11).to_string() };
        let start = format!("{}-{:02}", 2000 + (k * 13) % 25, 1 + (k * 5) % 12);
        csv.push_str(&format!("x{k},Op {k},{start},{},USA,{severity}\n", states[(k * 3) % states.len()]));
    }
    Explorer::from_text(&csv, "csv").unwrap()
}

#[test]
fn large_selections_are_drawn_as_counts_that_say_so_at_a_cost_that_does_not_grow() {
    let mut ops = Vec::new();
    for n in [20_000, 80_000] {
        let ex = many(n);
        for view in [View::Spectrum, View::Timeline] {
            let (rec, layout) = render(&ex, view, &Filter::default(), 900, 440);
            let what = format!("{view:?} of {n}");
            assert!(layout.aggregated, "{what}: drawn a mark per incident");
            assert!(layout.marks.is_empty(), "{what}");
            assert_eq!(
                layout.bands.iter().map(|b| b.count).sum::<usize>(),
                n,
                "{what}: the bands count every incident"
            );
            let note = if view == View::Spectrum { "bars count" } else { "darker cells" };
            assert!(rec.texts().iter().any(|t| t.contains(note)), "{what}: the legend does not say how it is drawn");
            assert_legible(&rec, &what);
            ops.push(rec.ops().len());
        }
    }
    // Four times the incidents, about the same drawing: the cost follows the pixels, not N.
    for (small, large) in [(ops[0], ops[2]), (ops[1], ops[3])] {
        assert!(large <= small + small / 10, "{small} drawing operations for 20k, {large} for 80k");
    }
    // Few enough for a mark each: marks, and no note.
    let ex = many(300);
    for view in [View::Spectrum, View::Timeline] {
        let (rec, layout) = render(&ex, view, &Filter::default(), 900, 440);
        assert!(!layout.aggregated && layout.marks.len() == 300, "{view:?} of 300");
        assert!(!rec.texts().iter().any(|t| t.contains("Too many")));
    }
    // Filters apply to the counts as they do to marks.
    let (_, layout) =
        render(&many(20_000), View::Spectrum, &Filter { min_severity: Some(9), ..Filter::default() }, 900, 440);
    assert_eq!(layout.bands.iter().filter(|b| b.count > 0).map(|b| b.key).collect::<Vec<_>>(), [9, 10]);
}

#[test]
fn rings_mark_the_incidents_whose_physical_effects_take_them_over_the_line() {
    // Under the Tallinn experts' reading levels 5-6 reach use of force only with physical effects:
    // the five bundled incidents with physical effects there get a ring in the use-of-force colour,
    // the data wipers beside them none; the old fixed 7/9 reading turns on nothing, so no ring.
    let ex = Explorer::bundled().unwrap();
    let t = Theme::default();
    let rings = |f: &Filter, color: (u8, u8, u8)| {
        let (rec, _) = render(&ex, View::Spectrum, f, 1200, 460);
        rec.ops().iter().filter(|o| matches!(o, Op::Circle { filled: false, color: c, .. } if *c == color)).count()
    };
    let force = (t.use_of_force.0, t.use_of_force.1, t.use_of_force.2);
    let attack = (t.armed_attack.0, t.armed_attack.1, t.armed_attack.2);
    assert_eq!(rings(&Filter::default(), force), 5);
    let us = Filter { reading: Some("united-states".into()), ..Filter::default() };
    assert_eq!(rings(&us, attack), 5, "one rule for both: the ring is armed attack's");
    let dcid = Filter { reading: Some("dcid-ladder".into()), ..Filter::default() };
    assert_eq!(rings(&dcid, force) + rings(&dcid, attack), 0);
    // An incident whose effects are not coded gets a grey ring: undecided.
    let small = small();
    let muted = (t.muted.0, t.muted.1, t.muted.2);
    let (rec, _) = render(&small, View::Spectrum, &Filter::default(), 1000, 460);
    let grey =
        rec.ops().iter().filter(|o| matches!(o, Op::Circle { filled: false, color: c, .. } if *c == muted)).count();
    assert_eq!(grey, 1, "Bravo, level 6 without effects");
}

#[test]
fn timeline_marks_sit_on_their_level_and_crowds_spread_along_time_only() {
    // The bundled dataset at phone and desktop sizes: crowded years at level 3 included.
    let ex = Explorer::bundled().unwrap();
    let all = ex.all();
    for (w, h) in [(390, 420), (900, 420), (1240, 460)] {
        let (_, layout) = render(&ex, View::Timeline, &Filter::default(), w, h);
        if layout.aggregated {
            continue;
        }
        assert_eq!(layout.marks.len(), all.len(), "{w}x{h}: a mark each");
        // One height per level (the row's centre), higher for more severe: never displaced.
        let mut y_of: Vec<(Option<u8>, f64)> = Vec::new();
        for m in &layout.marks {
            let s = all[m.index].severity;
            match y_of.iter().find(|(l, _)| *l == s) {
                Some((_, y)) => {
                    assert!((m.y - y).abs() < 1e-9, "{w}x{h}: {} drawn off its level's row", all[m.index].id)
                }
                None => y_of.push((s, m.y)),
            }
        }
        y_of.retain(|(l, _)| l.is_some());
        y_of.sort_by_key(|(l, _)| *l);
        assert!(y_of.windows(2).all(|p| p[0].1 > p[1].1), "{w}x{h}: higher levels higher up");
        // Each mark stays near its date (its year's column, give or take a year for the crowded
        // ones), and no mark of a row covers another's centre.
        for m in &layout.marks {
            let year = all[m.index].start.unwrap().year;
            let band = |y: i32| layout.bands.iter().find(|b| b.key == y);
            let lo = band(year - 1).or(band(year)).map_or(f64::MIN, |b| b.x0);
            let hi = band(year + 1).or(band(year)).map_or(f64::MAX, |b| b.x1);
            assert!(
                m.x >= lo && m.x <= hi,
                "{w}x{h}: {} ({year}) drawn at x {} outside {lo}-{hi}",
                all[m.index].id,
                m.x
            );
        }
        for a in &layout.marks {
            for b in &layout.marks {
                if a.index < b.index && a.y == b.y {
                    // Crowded marks may overlap, but none hides another's centre.
                    assert!((a.x - b.x).abs() >= a.r * 0.8, "{w}x{h}: {} covers {}", all[a.index].id, all[b.index].id);
                }
            }
        }
    }
}

#[test]
fn contested_attributions_are_hollow_said_in_the_legend_and_filterable() {
    let ex = Explorer::bundled().unwrap();
    let facets = ex.facets();
    let count = |slug: &str| facets.attribution.iter().find(|c| c.value == slug).map_or(0, |c| c.count);
    assert!(count("confirmed") > 50 && count("vendor") > 10 && count("suspected") > 5, "{:?}", facets.attribution);
    let only = |slug: &str| Filter { attribution: Some(vec![slug.into()]), ..Filter::default() };
    assert_eq!(ex.select(&only("suspected")).unwrap().len(), count("suspected"));
    let hollow = "Hollow: attribution suspected or contested";
    for view in [View::Spectrum, View::Timeline] {
        let (rec, _) = render(&ex, view, &Filter::default(), 1240, 460);
        assert!(rec.texts().iter().any(|t| t == hollow), "{view:?}: the legend explains hollow marks");
        let (rec, _) = render(&ex, view, &only("confirmed"), 1240, 460);
        assert!(!rec.texts().iter().any(|t| t == hollow), "{view:?}: no hollow marks, no note");
    }
    // On the spectrum, each suspected incident of North Korea (circles) is a circle filled with the
    // background: as many as there are.
    let prk_suspected = Filter { initiators: Some(vec!["PRK".into()]), ..only("suspected") };
    let n = ex.select(&prk_suspected).unwrap().len();
    let (rec, _) =
        render(&ex, View::Spectrum, &Filter { initiators: Some(vec!["PRK".into()]), ..Filter::default() }, 1240, 460);
    let bg = Theme::default().background;
    let hollow_marks = rec
        .ops()
        .iter()
        .filter(|o| matches!(o, Op::Circle { filled: true, color, radius, .. } if *color == (bg.0, bg.1, bg.2) && *radius > 2))
        .count();
    assert_eq!(hollow_marks, n + 1, "one hollow circle per suspected incident, and the legend's");
    assert!(ex.select(&only("certain")).unwrap_err().to_string().contains("confirmed, vendor, suspected"));
}
