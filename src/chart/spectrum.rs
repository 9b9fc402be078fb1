//! The escalation spectrum: the 0-10 ladder across, one mark per incident stacked at its level,
//! a "not coded" column apart, the two thresholds as labelled lines, and the graduated responses
//! named under the axis. Every label is measured and shortened, wrapped or turned before it could
//! overlap, so the chart reads from phone to desktop widths. Data on another scale (EuRepoC's
//! intensity) gets that scale's columns and its name under the axis, and no thresholds.

use super::legend;
use super::paint::{Painter, H, V};
use super::thresholds;
use super::{Band, ChartInput, Layout, Mark, OTHER, SERIES};
use crate::error::Result;
use crate::model::{Country, LEVELS};
use plotters::prelude::DrawingBackend;

const PAD: i32 = 8;
const LABEL_FONT: f64 = 12.0;
const NUMBER_FONT: f64 = 12.0;
const BAND_FONT: f64 = 12.0;
/// Height of a band's strip when its words are written out below the bands.
const BAND_STRIP_H: i32 = 8;
/// The smallest mark drawn one per incident, in pixels across.
const MIN_MARK: f64 = 4.0;
/// The legend's note when the columns are drawn as bars, longest wording first.
const NOTE: [&str; 3] = [
    "Too many incidents for a mark each: bars count the incidents at each level, by initiator",
    "Bars count incidents at each level, by initiator",
    "Bars: incidents per level",
];
/// Short forms of the ladder's labels (and "not coded") used when labels must be turned on a narrow screen.
const TINY: [&str; LEVELS.len() + 1] = [
    "none",
    "probing",
    "harassment",
    "theft",
    "intrusion",
    "att. destr.",
    "destruction",
    "min. death",
    "econ. disr.",
    "infra. destr.",
    "mass death",
    "not coded",
];

/// The label split over two lines at the space that gives the narrowest block.
fn two_line(p: &Painter<impl DrawingBackend>, label: &str, size: f64) -> String {
    let mut best = label.to_string();
    let mut best_w = p.measure(label, size).0;
    for (i, _) in label.match_indices(' ') {
        let (head, tail) = crate::strs::around(label, i, 1);
        let cand = format!("{head}\n{tail}");
        let w = p.measure_lines(&cand, size).0;
        if w < best_w {
            best = cand;
            best_w = w;
        }
    }
    best
}

/// How the level labels under the axis are set.
enum Labels {
    /// Horizontal, one or two lines each.
    Flat(Vec<String>),
    /// Turned to read upwards, one line each.
    Up(Vec<&'static str>),
}

/// Smallest step among 1, 2, 5, 10 ... at which every `step`-th number fits its columns.
fn number_step(p: &Painter<impl DrawingBackend>, top: usize, cw: f64) -> usize {
    let widest = f64::from(p.measure(&top.to_string(), NUMBER_FONT).0 + 4);
    [1, 2, 5, 10, 20].into_iter().find(|s| cw * *s as f64 >= widest).unwrap_or(20)
}

pub fn draw<DB: DrawingBackend>(
    area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    input: &ChartInput,
) -> Result<Layout> {
    let p = Painter::new(area, input.theme);
    let t = input.theme;
    p.fill()?;
    let (w, h) = (p.width, p.height);
    let scale = input.scale;
    // Columns: each level of the scale, then "not coded".
    let n_columns = usize::from(scale.max) + 2;
    let not_coded = n_columns - 1;
    let column_of = |i: &crate::store::Facts| i.severity.map_or(not_coded, |s| usize::from(s.min(scale.max)));
    // Incidents per column and series (the palette's slots, then "other"), from the selection's
    // counts per initiator and column (one pass, whatever N, made once per selection).
    let series = SERIES.len() + 1;
    let mut counts = vec![0usize; n_columns * series];
    let digest = input.digest();
    for c in (0..Country::count()).filter_map(Country::from_index) {
        let slot = input.palette.slot(c).unwrap_or(SERIES.len());
        for column in 0..n_columns {
            counts[column * series + slot] += digest.initiator_column(c.index(), column);
        }
    }
    let totals: Vec<usize> = counts.chunks(series).map(|c| c.iter().sum()).collect();

    let cw = f64::from(w - 2 * PAD) / (n_columns as f64 + 0.5);
    let left = |c: usize| -> f64 { f64::from(PAD) + cw * c as f64 + if c == not_coded { cw * 0.5 } else { 0.0 } };
    let centre = |c: usize| -> f64 { left(c) + cw / 2.0 };
    let slot_w = (cw - 4.0).floor() as i32;
    // What marks and bands call a column: its level, or -1 for "not coded".
    let key = |c: usize| if c == not_coded { -1 } else { c as i32 };

    // Level names exist on the ladder only; other scales are read by their numbers.
    let (names, tiny): (Vec<&str>, Vec<&str>) = if scale.is_ladder() {
        (LEVELS.iter().map(|l| l.0).chain(std::iter::once("not coded")).collect(), TINY.to_vec())
    } else {
        let blank = std::iter::repeat_n("", usize::from(scale.max) + 1);
        (blank.clone().chain(std::iter::once("not coded")).collect(), blank.chain(std::iter::once("n/c")).collect())
    };
    // Each label flat on one line, else on two, else its short form on one or two; only when
    // some label fits none of these are all labels turned.
    let fits = |l: &String| p.measure_lines(l, LABEL_FONT).0 <= slot_w;
    let flat: Option<Vec<String>> = names
        .iter()
        .zip(&tiny)
        .map(|(n, tiny)| {
            [n.to_string(), two_line(&p, n, LABEL_FONT), tiny.to_string(), two_line(&p, tiny, LABEL_FONT)]
                .into_iter()
                .find(fits)
        })
        .collect();
    let labels = if let Some(flat) = flat {
        Labels::Flat(flat)
    } else {
        let full_w = names.iter().map(|n| p.measure(n, LABEL_FONT).0).max().unwrap_or(0);
        Labels::Up(if f64::from(full_w) <= f64::from(h) * 0.2 { names.clone() } else { tiny.clone() })
    };
    let labels_h = match &labels {
        Labels::Flat(l) => l.iter().map(|s| p.measure_lines(s, LABEL_FONT).1).max().unwrap_or(0),
        Labels::Up(l) => l.iter().map(|s| p.measure(s, LABEL_FONT).0).max().unwrap_or(0),
    };
    // Under the axis: the response tiers the reading places on the ladder; on another scale, its name.
    let reading = input.reading;
    let spans: Vec<(u8, u8, Vec<String>)> = match reading {
        Some(r) => thresholds::bands(r),
        None => {
            let captions = [scale.name, "EuRepoC weighted cyber intensity (its own scale)", scale.short];
            vec![(0, scale.max, captions.iter().map(|s| s.to_string()).collect())]
        }
    };
    // Each band's words in full inside it, on one line or two; where some band is too narrow for
    // that (a phone), the bands become strips and their words are written out under them, a line
    // or more each, after the levels they cover: a label is never cut short.
    let room = |from: u8, to: u8| (cw * f64::from(to - from + 1)) as i32 - 6;
    let inside: Option<Vec<&str>> = spans
        .iter()
        .map(|(from, to, labels)| {
            let complete: Vec<&str> = labels.iter().take(2).map(String::as_str).collect();
            p.fit(&complete, room(*from, *to), BAND_FONT)
        })
        .collect();
    let written: Vec<String> = match &inside {
        Some(_) => Vec::new(),
        None => spans
            .iter()
            .map(|(from, to, labels)| {
                let levels = if from == to { format!("{from}") } else { format!("{from}\u{2013}{to}") };
                p.wrap(&format!("{levels}: {}", labels[0]), w - 2 * PAD, BAND_FONT)
            })
            .collect(),
    };
    let band_h = match &inside {
        Some(labels) => labels.iter().map(|l| p.measure_lines(l, BAND_FONT).1).max().unwrap_or(0) + 8,
        None => BAND_STRIP_H + 4 + written.iter().map(|l| p.measure_lines(l, BAND_FONT).1 + 2).sum::<i32>(),
    };
    let step = number_step(&p, usize::from(scale.max), cw);

    // The plot runs from a strip under the legend (the threshold labels, and a third row for a
    // contested range) down to the axis.
    let contested = reading.and_then(|r| thresholds::contested(r, t));
    let strip_h = if contested.is_some() { 56 } else { 34 };
    let numbers_h = NUMBER_FONT as i32 + 6;
    let plot_bottom = h - PAD - band_h - 6 - labels_h - 4 - numbers_h;
    let plot_h_under = |legend_bottom: i32| f64::from((plot_bottom - legend_bottom - strip_h).max(10));

    // Marks narrower than MIN_MARK px cannot be told apart or pointed at: the chart then shows
    // each column as a bar of counts split by initiator, and its legend says so. An empty column
    // always fits.
    let per_row = |d: f64| ((cw - 2.0) / d).floor().max(1.0) as usize;
    let fits =
        |d: f64, plot_h: f64| totals.iter().all(|&n| n == 0 || (n.div_ceil(per_row(d)) as f64) * d <= plot_h - 16.0);
    let aggregated = !fits(MIN_MARK, plot_h_under(legend::draw(&p, input, PAD, PAD, w - 2 * PAD, &[], false)?));
    let note: &[&str] = if aggregated { &NOTE } else { &[] };
    let strip_top = legend::draw(&p, input, PAD, PAD, w - 2 * PAD, &[note], true)?;
    let plot_top = strip_top + strip_h;
    let plot_h = plot_h_under(strip_top);

    // Regions beyond each threshold, lightly tinted behind everything (lighter where the answer
    // turns on physical effects).
    for tint in reading.map(|r| thresholds::tints(r, t)).unwrap_or_default() {
        let (x0, x1) = (left(usize::from(tint.from)), left(usize::from(tint.to) + 1));
        p.rect(x0 as i32, strip_top, x1 as i32, plot_bottom, tint.color, tint.alpha)?;
    }
    p.line(&[(PAD, plot_bottom), (w - PAD, plot_bottom)], t.muted, 1)?;

    let mut marks = Vec::new();
    if aggregated {
        // Bars on a common count scale, series stacked from the bottom in legend order.
        let most = totals.iter().copied().max().unwrap_or(1).max(1) as f64;
        let bar_w = (cw * 0.7).max(2.0);
        for (c, &total) in totals.iter().enumerate().filter(|(_, n)| **n > 0) {
            let x0 = centre(c) - bar_w / 2.0;
            let mut y = f64::from(plot_bottom) - 1.0;
            let px_per = (plot_h - 20.0) / most;
            for (s, &n) in counts[c * series..(c + 1) * series].iter().enumerate().filter(|(_, n)| **n > 0) {
                let color = SERIES.get(s).map_or(OTHER.0, |x| x.0);
                let top = y - n as f64 * px_per;
                p.rect(
                    x0.round() as i32,
                    top.round() as i32,
                    (x0 + bar_w).round() as i32,
                    y.round() as i32,
                    color,
                    1.0,
                )?;
                y = top;
            }
            p.text(&total.to_string(), centre(c) as i32, (y - 3.0) as i32, LABEL_FONT, t.muted, H::Center, V::Bottom)?;
        }
    } else {
        // A mark per incident: one column per level, grouped by series within a column, oldest
        // first. Only reached when every mark fits, so the work here is bounded by pixels.
        let mut columns: Vec<Vec<usize>> = totals.iter().map(|n| Vec::with_capacity(*n)).collect();
        for (idx, i) in input.iter().enumerate() {
            columns[column_of(i)].push(idx);
        }
        for col in &mut columns {
            let key = |idx: usize| {
                let i = input.at(idx);
                (input.palette.slot(i.initiator).unwrap_or(usize::MAX), i.start, idx)
            };
            crate::sort::by(col, |&a, &b| key(a).cmp(&key(b)));
        }
        let mut d = 14.0_f64.min(cw * 0.9);
        while d > MIN_MARK && !fits(d, plot_h) {
            d -= 0.5;
        }
        let r = (d * 0.42).max(1.2);
        marks.reserve(input.len());
        for (c, col) in columns.iter().enumerate() {
            let k = per_row(d);
            for (j, &idx) in col.iter().enumerate() {
                let (row, pos) = (j / k, j % k);
                let in_row = k.min(col.len() - row * k);
                let x = centre(c) + (pos as f64 - (in_row as f64 - 1.0) / 2.0) * d;
                let y = f64::from(plot_bottom) - d * (row as f64 + 0.5) - 1.0;
                let i = input.at(idx);
                let (color, shape) = input.palette.style(i.initiator);
                p.incident(shape, x, y, r, color, i)?;
                let ring =
                    input.reading.zip(i.severity).and_then(|(reading, l)| thresholds::ring(reading, t, l, i.effects));
                if let Some(ring) = ring {
                    p.ring(x, y, (r + 2.5).min(d * 0.5), ring)?;
                }
                marks.push(Mark { index: idx, x, y, r, group: key(c) });
            }
            if !col.is_empty() {
                let top = f64::from(plot_bottom) - d * col.len().div_ceil(k) as f64 - 3.0;
                p.text(
                    &col.len().to_string(),
                    centre(c) as i32,
                    top as i32,
                    LABEL_FONT,
                    t.muted,
                    H::Center,
                    V::Bottom,
                )?;
            }
        }
    }
    // Thresholds: a dashed line where each can first be reached (a fainter one where it holds
    // whatever the effects), its label in the strip above the marks: use of force on the first
    // row, armed attack on the second, so the labels never cross the other line. A contested
    // range is a bracket on the third row.
    let lines = reading.map(|r| thresholds::lines(r, t)).unwrap_or_default();
    let row2 = strip_top + 18;
    let mut previous_x = PAD;
    for line in &lines {
        let x = left(usize::from(line.level)).round() as i32;
        let (line_top, y) = if line.lower { (row2 - 2, row2) } else { (strip_top, strip_top + 2) };
        p.dashed((x, line_top), (x, plot_bottom), line.color, 2)?;
        if let Some(firm) = line.firm {
            let xf = left(usize::from(firm)).round() as i32;
            p.dashed((xf, y + 14), (xf, plot_bottom), line.color, 1)?;
        }
        let labels: Vec<&str> = line.labels.iter().map(String::as_str).collect();
        if let Some(l) = p.fit(&labels, w - PAD - (x + 4), LABEL_FONT) {
            p.text(l, x + 4, y, LABEL_FONT, line.color, H::Left, V::Top)?;
        } else if let Some(l) = p.fit(&labels, x - previous_x - 8, LABEL_FONT) {
            p.text(l, x - 4, y, LABEL_FONT, line.color, H::Right, V::Top)?;
        }
        previous_x = x;
    }
    if let Some((from, to, color, labels)) = contested {
        let (x0, x1) = (left(usize::from(from)) + 3.0, left(usize::from(to) + 1) - 3.0);
        let y = strip_top + 50;
        p.line(&[(x0 as i32, y - 4), (x0 as i32, y), (x1 as i32, y), (x1 as i32, y - 4)], color, 1)?;
        // Each wording, longest first, inside the bracket, else beside it where no threshold line
        // crosses it (right, then left); a question mark inside when none fits.
        let inside = (x1 - x0) as i32 - 4;
        let next_line = lines.iter().map(|l| left(usize::from(l.level)) as i32).filter(|x| *x > x1 as i32).min();
        let right_room = next_line.unwrap_or(w - PAD) - x1 as i32 - 8;
        let left_room = x0 as i32 - 10 - PAD;
        let centre_x = ((x0 + x1) / 2.0) as i32;
        let places = [
            (inside, centre_x, H::Center),
            (right_room, x1 as i32 + 4, H::Left),
            (left_room, x0 as i32 - 10, H::Right),
        ];
        let placed = labels[..2]
            .iter()
            .flat_map(|l| places.iter().map(move |place| (*l, *place)))
            .find(|(l, (room, ..))| p.measure(l, LABEL_FONT).0 <= *room)
            .unwrap_or((labels[2], places[0]));
        let (label, (_, x, h)) = placed;
        p.text(label, x, y - 3, LABEL_FONT, color, h, V::Bottom)?;
    }

    if input.is_empty() {
        let msg =
            p.fit(&["No incidents match the current filters", "No incidents match", "None match"], w - 2 * PAD, 14.0);
        if let Some(msg) = msg {
            p.notice(msg, w / 2, plot_top + (plot_bottom - plot_top) / 2, 14.0)?;
        }
    }

    // The axis: numbers, then level labels.
    let num_y = plot_bottom + 4;
    let lab_y = num_y + numbers_h;
    for c in 0..n_columns {
        let x = centre(c) as i32;
        if c != not_coded {
            if c % step == 0 {
                p.text(&c.to_string(), x, num_y, NUMBER_FONT, t.text, H::Center, V::Top)?;
            }
        } else {
            p.text("–", x, num_y, NUMBER_FONT, t.muted, H::Center, V::Top)?;
        }
        match &labels {
            Labels::Flat(l) => p.text(&l[c], x, lab_y, LABEL_FONT, t.muted, H::Center, V::Top)?,
            Labels::Up(l) => p.text_up(l[c], x, lab_y, LABEL_FONT, t.muted)?,
        }
    }

    // Graduated responses, one band per region of the ladder; or the scale's name.
    let band_top = lab_y + labels_h + 6;
    let tall = if inside.is_some() { band_h } else { BAND_STRIP_H };
    for (i, (from, to, _)) in spans.iter().enumerate() {
        let (from, to) = (*from, *to);
        let (x0, x1) = (left(usize::from(from)) + 1.0, left(usize::from(to) + 1) - 1.0);
        p.rect(x0 as i32, band_top, x1 as i32, band_top + tall, t.muted, 0.08 + 0.04 * i as f64)?;
        if let Some(label) = inside.as_ref().map(|l| l[i]) {
            p.text(label, ((x0 + x1) / 2.0) as i32, band_top + band_h / 2, BAND_FONT, t.text, H::Center, V::Center)?;
        }
    }
    let mut y = band_top + BAND_STRIP_H + 4;
    for text in &written {
        p.text(text, PAD, y, BAND_FONT, t.text, H::Left, V::Top)?;
        y += p.measure_lines(text, BAND_FONT).1 + 2;
    }
    // Each column, from the strip above the marks down through its labels, answers for its count.
    let bands = totals
        .iter()
        .enumerate()
        .map(|(c, &count)| Band {
            x0: left(c),
            x1: left(c) + cw,
            top: f64::from(strip_top),
            bottom: f64::from(band_top),
            key: key(c),
            count,
        })
        .collect();
    Ok(Layout { width: w as u32, height: h as u32, marks, bands, aggregated, events: Vec::new() })
}
