//! The escalation timeline: time across, the ladder up, one mark per incident (spread sideways
//! where marks would collide), the yearly maximum as a step line, and the two thresholds as
//! labelled lines with the regions above them tinted. Incidents not coded sit in a row of their
//! own under level 0. On another scale (EuRepoC's intensity) the rows are that scale's values and
//! there are no thresholds.

use super::context;
use super::legend;
use super::paint::{Painter, H, V};
use super::thresholds;
use super::{Band, ChartInput, Layout, Mark};
use crate::error::Result;
use crate::model::{PartialDate, EARLIEST_YEAR};
use crate::store::Facts;

use plotters::prelude::DrawingBackend;

/// Pixels drawn on, as a box (left, top, right, bottom), and whether the step line drew them.
type Taken = (i32, i32, i32, i32, bool);

/// When a dated incident began (the marks are drawn for those only).
fn start(i: &Facts) -> PartialDate {
    i.start.unwrap_or(PartialDate { year: EARLIEST_YEAR, month: None, day: None })
}

const PAD: i32 = 8;
const TICK_FONT: f64 = 12.0;
const LABEL_FONT: f64 = 12.0;
/// The legend's note when the plot is drawn as shaded cells, longest wording first.
const NOTE: [&str; 3] = [
    "Too many incidents for a mark each: darker cells hold more incidents of that level and period",
    "Darker cells hold more incidents",
    "Shading: incidents per cell",
];
/// Mark diameter in rows `row_h` px tall.
fn mark_size(row_h: f64) -> f64 {
    (row_h * 0.6).clamp(5.0, 11.0)
}

/// Where the marks of one row go: `xs` (their dates' x, ascending) placed side by side, `gap`
/// apart, wherever they would otherwise collide: neighbours form groups centred on the group's mean
/// date. Returns the placed x of each, in the same order.
fn spread(xs: &[f64], gap: f64) -> Vec<f64> {
    // Groups as (first member, members, sum of their x).
    let mut groups: Vec<(usize, usize, f64)> = Vec::new();
    for (k, &x) in xs.iter().enumerate() {
        groups.push((k, 1, x));
        while let [.., (a, n, sa), (_, m, sb)] = groups[..] {
            let left_end = sa / n as f64 + (n - 1) as f64 * gap / 2.0;
            let right_start = sb / m as f64 - (m - 1) as f64 * gap / 2.0;
            if right_start - left_end >= gap {
                break;
            }
            groups.truncate(groups.len() - 2);
            groups.push((a, n + m, sa + sb));
        }
    }
    let mut out = Vec::with_capacity(xs.len());
    for (_, n, sum) in groups {
        let left = sum / n as f64 - (n - 1) as f64 * gap / 2.0;
        out.extend((0..n).map(|j| left + j as f64 * gap));
    }
    out
}

/// Distance between the centres of crowded marks, in mark widths: they overlap a little, or, in a
/// crowded year, down to MIN_GAP (every centre still visible).
const GAP: f64 = 0.6;
const MIN_GAP: f64 = 0.35;

/// Year-label steps tried from finest to coarsest.
const STEPS: [i32; 8] = [1, 2, 5, 10, 20, 25, 50, 100];

/// Draws the timeline of the dated incidents of `input`; the undated ones have no place in time,
/// so the legend says how many were left off.
pub fn draw<DB: DrawingBackend>(
    area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    input: &ChartInput,
) -> Result<Layout> {
    // The legend counts the incidents drawn: the dated ones.
    let input = &ChartInput { legend: Default::default(), digest: input.digest.clone(), dated_only: true, ..*input };
    let digest = input.digest();
    let undated = digest.undated();
    let p = Painter::new(area, input.theme);
    let t = input.theme;
    p.fill()?;
    let (w, h) = (p.width, p.height);
    let scale = input.scale;
    let top = scale.max;
    let has_nc = digest.dated_not_coded() > 0;
    let (y0, y1) = match input.years.or_else(|| digest.years()) {
        Some((a, b)) => (a, b + 1),
        None => (2009, 2010),
    };
    // Whether a mark per incident fits: marks sit on their level's row and are spread along time
    // only, each within its year's column, overlapping a little at most (see GAP). Where a year of
    // one row holds more than its column fits, the plot is drawn as shaded cells (how many
    // incidents per period and level) instead, and the legend says so.
    let axis_h = TICK_FONT as i32 + 8;
    let plot_bottom = h - PAD - axis_h;
    // Rows: levels 0 to the top of the scale and, when needed, "not coded" half a row below level 0.
    let rows = f64::from(top) + 1.0 + if has_nc { 1.5 } else { 0.0 };
    let rows_n = usize::from(top) + 2;
    let row_of = |s: Option<u8>| s.map_or(usize::from(top) + 1, |s| usize::from(s.min(top)));
    let named = w >= 860;
    let level_label = |l: u8| match scale.level_name(l).filter(|_| named) {
        Some(name) => format!("{l} {name}"),
        None => l.to_string(),
    };
    // The plot's width at most (every level labelled; fewer labels leave it wider).
    let widest = scale.levels().map(|l| p.measure(&level_label(l), TICK_FONT).0).max().unwrap_or(0);
    let plot_w_least =
        f64::from(w - 2 * PAD - TICK_FONT as i32 - 6 - widest.max(p.measure("not coded", TICK_FONT).0) - 12);
    // The mark size that fits (smaller marks before none), or None: counts instead.
    let fitting = |plot_top: i32| {
        let full = mark_size(f64::from(plot_bottom - plot_top) / rows);
        let year = plot_w_least.max(40.0) / f64::from(y1 - y0);
        [full, (full * 0.7).max(6.0).min(full)].into_iter().find(|&d| {
            let fits = ((year - d) / (d * MIN_GAP)).floor().max(0.0) as usize + 1;
            (y0..y1).all(|y| (0..rows_n).all(|row| digest.year_column(y, row) <= fits))
        })
    };
    let lane = if input.context.is_empty() { 0 } else { context::LANE };
    let size = fitting(legend::draw(&p, input, PAD, PAD, w - 2 * PAD, &[], false)? + 6 + lane);
    let aggregated = size.is_none();
    let left_off = match undated {
        0 => Vec::new(),
        1 => vec!["1 undated incident not shown".to_string(), "1 undated not shown".into()],
        n => vec![format!("{n} undated incidents not shown"), format!("{n} undated not shown")],
    };
    let left_off: Vec<&str> = left_off.iter().map(String::as_str).collect();
    let mut notes: Vec<&[&str]> = Vec::new();
    if aggregated {
        notes.push(&NOTE);
    }
    if undated > 0 {
        notes.push(&left_off);
    }
    let legend_bottom = legend::draw(&p, input, PAD, PAD, w - 2 * PAD, &notes, true)?;
    let plot_top = legend_bottom + 6 + lane;
    let row_h = f64::from(plot_bottom - plot_top) / rows;
    let level_y = |level: f64| f64::from(plot_bottom) - (level + 0.5 + if has_nc { 1.5 } else { 0.0 }) * row_h;
    let nc_y = f64::from(plot_bottom) - 0.5 * row_h;

    // Level labels: numbers, with their short names when the chart is wide enough.
    let every = [1u8, 2, 5, 10].into_iter().find(|k| row_h * f64::from(*k) >= 13.0).unwrap_or(10);
    let lines = input.reading.map(|r| thresholds::lines(r, t)).unwrap_or_default();
    let shown = |l: u8| l.is_multiple_of(every) || lines.iter().any(|line| line.level == l);
    let mut label_w =
        scale.levels().filter(|&l| shown(l)).map(|l| p.measure(&level_label(l), TICK_FONT).0).max().unwrap_or(0);
    if has_nc {
        label_w = label_w.max(p.measure(if named { "not coded" } else { "n/c" }, TICK_FONT).0);
    }
    let title_w = TICK_FONT as i32 + 6;
    let plot_left = (PAD + title_w + label_w + 8).max(if lane > 0 { context::label_room(&p) } else { 0 });
    let plot_right = w - PAD - 4;
    let plot_w = f64::from(plot_right - plot_left);

    let year_px = plot_w / f64::from(y1 - y0);
    let x_of = |year: f64| f64::from(plot_left) + (year - f64::from(y0)) * year_px;

    let events = match lane {
        0 => Vec::new(),
        _ => context::draw(
            &p,
            input.context,
            (f64::from(y0), f64::from(y1)),
            x_of,
            (plot_left, plot_top - lane, plot_bottom),
        )?,
    };

    // Tinted regions beyond the thresholds and the year grid, behind the marks.
    let top_y = level_y(f64::from(top) + 0.5);
    let _ = top_y;
    for tint in input.reading.map(|r| thresholds::tints(r, t)).unwrap_or_default() {
        let (y0, y1) = (level_y(f64::from(tint.to) + 0.5), level_y(f64::from(tint.from) - 0.5));
        p.rect(plot_left, y0 as i32, plot_right, y1 as i32, tint.color, tint.alpha)?;
    }
    let label_year_w = p.measure("2000", TICK_FONT).0 + 10;
    let step = STEPS.iter().copied().find(|s| f64::from(*s) * year_px >= f64::from(label_year_w)).unwrap_or(100);
    for year in y0..=y1 {
        let x = x_of(f64::from(year)).round() as i32;
        if year_px >= 6.0 || year % step == 0 {
            p.line(&[(x, plot_top), (x, plot_bottom)], t.grid, 1)?;
        }
        if year < y1 && year % step == 0 {
            let lx = if step == 1 { x_of(f64::from(year) + 0.5) } else { f64::from(x) };
            p.text(&year.to_string(), lx.round() as i32, plot_bottom + 5, TICK_FONT, t.text, H::Center, V::Top)?;
        }
    }
    p.line(&[(plot_left, plot_bottom), (plot_right, plot_bottom)], t.muted, 1)?;
    p.line(&[(plot_left, plot_top), (plot_left, plot_bottom)], t.muted, 1)?;
    for l in scale.levels().filter(|&l| shown(l)) {
        let y = level_y(f64::from(l)).round() as i32;
        p.text(&level_label(l), plot_left - 6, y, TICK_FONT, t.text, H::Right, V::Center)?;
    }
    if has_nc {
        p.text(
            if named { "not coded" } else { "n/c" },
            plot_left - 6,
            nc_y as i32,
            TICK_FONT,
            t.muted,
            H::Right,
            V::Center,
        )?;
        let sep = (f64::from(plot_bottom) - 1.25 * row_h) as i32;
        p.dashed((plot_left, sep), (plot_right, sep), t.grid, 1)?;
    }
    let title = scale.short;
    let mid = ((level_y(0.0) + top_y) / 2.0) as i32;
    p.text_up(title, PAD + TICK_FONT as i32 / 2 + 1, mid - p.measure(title, TICK_FONT).0 / 2, TICK_FONT, t.muted)?;

    // Shaded cells: incidents per period (a month, quarter, half or year, the finest at least 8 px
    // wide) and level, darker for more, in eight steps of a logarithmic ramp so that a single
    // incident shows. Cells are drawn step by step, so the canvas changes colour eight times.
    if aggregated {
        let per_year = [12, 4, 2, 1].into_iter().find(|k| year_px / f64::from(*k) >= 8.0).unwrap_or(1);
        let periods = ((y1 - y0) * per_year) as usize;
        let mut cells = vec![0usize; rows_n * periods];
        for year in y0..y1 {
            // Month slot 0: the month is unknown, the incident is shaded mid-year.
            for month in 0..13 {
                let within = if month == 0 { per_year / 2 } else { (month - 1) * per_year / 12 };
                let period = ((year - y0) * per_year + within) as usize;
                for (row, cell) in cells.chunks_mut(periods).enumerate() {
                    cell[period] += digest.cell(year, month as usize, row);
                }
            }
        }
        let most = cells.iter().copied().max().unwrap_or(1).max(1) as f64;
        let step = |n: usize| (7.0 * (1.0 + n as f64).ln() / (1.0 + most).ln()).round() as u8;
        let mut shaded: Vec<(u8, usize)> =
            cells.iter().enumerate().filter(|(_, n)| **n > 0).map(|(at, &n)| (step(n), at)).collect();
        crate::sort::by(&mut shaded, |a, b| a.cmp(b));
        for (step, at) in shaded {
            let (row, period) = (at / periods, at % periods);
            let from = f64::from(y0) + period as f64 / f64::from(per_year);
            let (xa, xb) = (x_of(from).round() as i32, x_of(from + 1.0 / f64::from(per_year)).round() as i32);
            let mid = if row > usize::from(top) { nc_y } else { level_y(row as f64) };
            let (ya, yb) = ((mid - row_h * 0.45).round() as i32, (mid + row_h * 0.45).round() as i32);
            // At most half-tone, so the step line, the thresholds and their labels read on the darkest.
            p.rect(xa, ya, xb.max(xa + 1), yb, t.text, 0.06 + 0.44 * f64::from(step) / 7.0)?;
        }
    }

    // The yearly maximum as a step line, broken over years with nothing coded.
    let max_by_year: Vec<Option<u8>> = (y0..y1).map(|y| digest.top_level(y)).collect();
    // What the threshold labels keep clear of, as boxes: the step line's runs and risers (which a
    // label may cover with a wash of the background, if it must), then the marks (never covered).
    let mut taken: Vec<Taken> = Vec::new();
    let mut prev: Option<(i32, i32)> = None;
    for (k, m) in max_by_year.iter().enumerate() {
        match m {
            Some(m) => {
                let yr = f64::from(y0 + k as i32);
                let (xa, xb) = (x_of(yr).round() as i32, x_of(yr + 1.0).round() as i32);
                let y = level_y(f64::from(*m)).round() as i32;
                let mut pts = Vec::with_capacity(3);
                if let Some((px, py)) = prev.filter(|(px, _)| *px == xa) {
                    pts.push((px, py));
                    taken.push((px - 1, py.min(y), px + 1, py.max(y), true));
                }
                pts.extend([(xa, y), (xb, y)]);
                taken.push((xa, y - 1, xb, y + 1, true));
                p.line(&pts, t.accent, 2)?;
                prev = Some((xb, y));
            }
            None => prev = None,
        }
    }

    // Marks, each on its level's row (never moved up or down: the height is the severity), spread
    // along time within their year's column where they would collide (see `spread`). Bounded by
    // pixels, not by the number of incidents.
    let d = size.unwrap_or(0.0);
    let r = d * 0.42;
    let gap = d * GAP;
    let mut order: Vec<usize> =
        if aggregated { Vec::new() } else { (0..input.len()).filter(|&idx| input.at(idx).start.is_some()).collect() };
    // max/min rather than clamp: f64::clamp's check of its bounds formats floats when it fails,
    // which would bring float formatting (10 KB gzip) into the module.
    let x_mark = |idx: usize| x_of(start(input.at(idx)).fractional_year().max(f64::from(y0)).min(f64::from(y1)));
    let row_of_mark = |idx: usize| row_of(input.at(idx).severity);
    crate::sort::by(&mut order, |&a, &b| row_of_mark(a).cmp(&row_of_mark(b)).then(x_mark(a).total_cmp(&x_mark(b))));
    let mut marks = Vec::with_capacity(order.len());
    let year_of = |idx: usize| start(input.at(idx)).year;
    for group in order.chunk_by(|&a, &b| row_of_mark(a) == row_of_mark(b) && year_of(a) == year_of(b)) {
        let xs: Vec<f64> = group.iter().map(|&idx| x_mark(idx)).collect();
        // Kept inside the year's column, closer together where many share it (the crowd check
        // above made sure they fit at MIN_GAP).
        let y = f64::from(year_of(group[0]));
        let (lo, hi) = (x_of(y) + r, x_of(y + 1.0) - r);
        let placed = spread(&xs, gap.min((hi - lo) / (group.len() - 1).max(1) as f64));
        let (first, last) = (placed[0], placed[placed.len() - 1]);
        let shift = if first < lo {
            lo - first
        } else if last > hi {
            hi - last
        } else {
            0.0
        };
        for (&idx, x) in group.iter().zip(placed) {
            let i = input.at(idx);
            let x = x + shift;
            let y = i.severity.map_or(nc_y, |s| level_y(f64::from(s.min(top))));
            let (color, shape) = input.palette.style(i.initiator);
            p.incident(shape, x, y, r, color, i)?;
            let (bx, by, br) = (x.round() as i32, y.round() as i32, r.ceil() as i32 + 1);
            taken.push((bx - br, by - br, bx + br, by + br, false));
            marks.push(Mark { index: idx, x, y, r, group: start(i).year });
        }
    }
    // Marks in time order, as the keyboard walks them (by date, then as placed).
    let date = |m: &Mark| start(input.at(m.index)).fractional_year();
    crate::sort::by(&mut marks, |a, b| date(a).total_cmp(&date(b)).then(a.x.total_cmp(&b.x)));

    // Threshold lines last, labelled just above the line: use of force towards the left of the
    // plot, armed attack towards the right, so two lines at one level keep both labels apart; each
    // where no mark or step line crosses it (see `label_at`).
    let half = (plot_right - plot_left) / 2 - 8;
    for line in &lines {
        let y = level_y(f64::from(line.level) - 0.5).round() as i32;
        p.dashed((plot_left, y), (plot_right, y), line.color, 2)?;
        if let Some(firm) = line.firm {
            let yf = level_y(f64::from(firm) - 0.5).round() as i32;
            p.dashed((plot_left, yf), (plot_right, yf), line.color, 1)?;
        }
        let labels: Vec<&str> = line.labels.iter().map(String::as_str).collect();
        let room = if lines.len() > 1 { half } else { plot_right - plot_left - 8 };
        let Some(longest) = p.fit(&labels, room, LABEL_FONT) else { continue };
        // The longest label that fits a gap clear of everything, or else clear of the marks, over a
        // wash that the step line passes behind; failing all, the longest at its end of the plot.
        let span = (plot_left + 6, plot_right - 6);
        let place = labels.iter().skip_while(|l| **l != longest).find_map(|l| {
            let (w_l, h_l) = p.measure(l, LABEL_FONT);
            let band = (y - 3 - h_l, y - 3);
            let at = |with_step| label_at(&taken, with_step, band, w_l, span, line.lower);
            at(true).map(|x| (l, x, w_l, h_l, false)).or_else(|| at(false).map(|x| (l, x, w_l, h_l, true)))
        });
        let (w_l, h_l) = p.measure(longest, LABEL_FONT);
        let fallback = (&longest, if line.lower { span.1 - w_l } else { span.0 }, w_l, h_l, false);
        let (l, x, w_l, h_l, wash) = place.unwrap_or(fallback);
        if wash {
            p.rect(x - 2, y - 3 - h_l, x + w_l + 2, y - 3, t.background, 0.85)?;
        }
        taken.push((x, y - 3 - h_l, x + w_l, y - 3, false));
        p.text(l, x, y - 3, LABEL_FONT, line.color, H::Left, V::Bottom)?;
    }
    if input.len() == undated {
        let none_dated = [format!("None of the {undated} incidents that match has a date"), "None has a date".into()];
        let none_dated: Vec<&str> = none_dated.iter().map(String::as_str).collect();
        let none = ["No incidents match the current filters", "No incidents match", "None match"];
        if let Some(msg) = p.fit(if undated > 0 { &none_dated } else { &none }, plot_right - plot_left, 14.0) {
            p.text(
                msg,
                (plot_left + plot_right) / 2,
                (plot_top + plot_bottom) / 2,
                14.0,
                t.muted,
                H::Center,
                V::Center,
            )?;
        }
    }
    // Each year, from the top of the plot down through its label, answers for its count.
    let bands = (y0..y1)
        .map(|year| (year, digest.year(year)))
        .map(|(year, count)| Band {
            x0: x_of(f64::from(year)),
            x1: x_of(f64::from(year + 1)),
            top: f64::from(plot_top),
            bottom: f64::from(plot_bottom + axis_h),
            key: year,
            count,
        })
        .collect();
    Ok(Layout { width: w as u32, height: h as u32, marks, bands, aggregated, events })
}

/// Where a label `width` wide, over the rows `band` (top, bottom), starts between `span`'s ends,
/// a few pixels clear of every box in `taken` (of the step line's too when `with_step`): the leftmost
/// such place, or the rightmost when `from_right`; `None` when there is none. (The leftmost starts
/// at the span's start or just after a box; the rightmost ends at the span's end or just before
/// one.)
fn label_at(
    taken: &[Taken],
    with_step: bool,
    band: (i32, i32),
    width: i32,
    span: (i32, i32),
    from_right: bool,
) -> Option<i32> {
    const PAD: i32 = 4;
    // The boxes in the label's rows, widened by the padding (a row holds a few hundred marks at
    // most, the chart thousands).
    let near: Vec<(i32, i32)> = taken
        .iter()
        .filter(|t| (with_step || !t.4) && t.1 <= band.1 && t.3 >= band.0)
        .map(|t| (t.0 - PAD, t.2 + PAD))
        .collect();
    let free = |x: i32| x >= span.0 && x + width <= span.1 && !near.iter().any(|&(a, b)| a < x + width && b > x);
    let mut best = None;
    let mut consider = |x: i32| {
        if free(x) && best.is_none_or(|b| if from_right { x > b } else { x < b }) {
            best = Some(x);
        }
    };
    consider(if from_right { span.1 - width } else { span.0 });
    for &(a, b) in &near {
        consider(if from_right { a - width } else { b });
    }
    best
}
