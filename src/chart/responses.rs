//! Responses against the ladder: the severity level across (as on the spectrum, with the active
//! reading's thresholds), the strongest response each incident drew up, one mark per incident in
//! its cell. Behind the marks, the graduated responses the reading deems lawful at each level are
//! shaded, so a reader sees at a glance which answers fell below, within or above that menu. A
//! cell too small for its marks shows its count instead (then every cell does, and the legend
//! says so).

use super::legend;
use super::paint::{Painter, H, V};
use super::thresholds;
use super::{Band, ChartInput, Layout, Mark};
use crate::error::Result;
use crate::model::ResponseKind;
use crate::reading::{self, Region, Tier};
use plotters::prelude::DrawingBackend;

const PAD: i32 = 8;
const FONT: f64 = 12.0;
const MIN_MARK: f64 = 5.0;
/// The rows under the tiers: no response known, and a statement that names no state.
const LOW_ROWS: [[&str; 2]; 2] = [["None known", "None"], ["Statement only", "Statement"]];
const NOTE: [&str; 2] =
    ["Too many incidents for a mark each: each cell shows how many", "Each cell shows how many incidents"];

/// The row of an incident's strongest response: 0 none known, 1 a statement, then the tiers.
fn row_of(kinds: u16, tiers: &[Tier]) -> usize {
    ResponseKind::in_set(kinds)
        .map(|k| match k.tier() {
            Some(id) => tiers.iter().position(|t| t.id == id).map_or(1, |p| p + 2),
            None => 1,
        })
        .max()
        .unwrap_or(0)
}

pub fn draw<DB: DrawingBackend>(
    area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    input: &ChartInput,
) -> Result<Layout> {
    let p = Painter::new(area, input.theme);
    let t = input.theme;
    p.fill()?;
    let (w, h) = (p.width, p.height);
    let empty = Layout { width: w as u32, height: h as u32, ..Layout::default() };
    let Some(kinds) = input.responses else {
        let msg = ["Responses are not in this data", "No responses in this data"];
        if let Some(m) = p.fit(&msg, w - 2 * PAD, 14.0) {
            p.text(m, w / 2, h / 2, 14.0, t.muted, H::Center, V::Center)?;
        }
        return Ok(empty);
    };
    let tiers = reading::policy().map(|p| p.tiers.as_slice()).unwrap_or(&[]);
    let n_rows = tiers.len() + 2;
    let scale = input.scale;
    let n_columns = usize::from(scale.max) + 2;
    let not_coded = n_columns - 1;
    let column_of = |s: Option<u8>| s.map_or(not_coded, |s| usize::from(s.min(scale.max)));

    // Row labels on the left: full names while they fit a third of the width, else short ones.
    let labels = |k: usize| -> [&str; 2] {
        match k {
            0 | 1 => LOW_ROWS[k],
            _ => [tiers[k - 2].name.as_str(), tiers[k - 2].short.as_str()],
        }
    };
    // A short label too wide for a quarter of a narrow chart goes over two lines at its comma.
    let two = |l: &str| crate::strs::replace_first(l, ", ", ",\n");
    let widest = |v: usize| (0..n_rows).map(|k| p.measure(labels(k)[v], FONT).0).max().unwrap_or(0);
    let which = usize::from(widest(0) > w / 4);
    let wrap = which == 1 && widest(1) > w / 4;
    let label_w = (0..n_rows)
        .map(|k| p.measure_lines(&if wrap { two(labels(k)[1]) } else { labels(k)[which].to_string() }, FONT).0)
        .max()
        .unwrap_or(0)
        .min(w / 3)
        + 8;
    let x0 = PAD + label_w;
    let cw = f64::from(w - PAD - x0) / (n_columns as f64 + 0.5);
    let left = |c: usize| f64::from(x0) + cw * c as f64 + if c == not_coded { cw * 0.5 } else { 0.0 };

    // Incidents per cell, in reading order: by column, bottom row up, oldest first within a cell.
    let mut cells: Vec<Vec<usize>> = vec![Vec::new(); n_columns * n_rows];
    for (idx, k) in input.selection.iter().enumerate() {
        let f = input.at(idx);
        let row = row_of(kinds.get(*k as usize).copied().unwrap_or(0), tiers);
        cells[column_of(f.severity) * n_rows + row].push(idx);
    }

    let axis_h = FONT as i32 * 2 + 14;
    let plot_bottom = h - PAD - axis_h;
    let cell_h_under = |top: i32| f64::from(plot_bottom - top - 36) / n_rows as f64;
    let per_row = |d: f64| ((cw - 2.0) / d).floor().max(1.0) as usize;
    let fits =
        |d: f64, ch: f64| cells.iter().all(|c| c.is_empty() || (c.len().div_ceil(per_row(d)) as f64) * d <= ch - 2.0);
    let aggregated = !fits(MIN_MARK, cell_h_under(legend::draw(&p, input, PAD, PAD, w - 2 * PAD, &[], false)?));
    let note: &[&str] = if aggregated { &NOTE } else { &[] };
    let strip_top = legend::draw(&p, input, PAD, PAD, w - 2 * PAD, &[note], true)?;
    let plot_top = strip_top + 36;
    let ch = cell_h_under(strip_top);
    let row_y = |r: usize| f64::from(plot_bottom) - ch * (r + 1) as f64;

    // The lawful menu: a tier is open from the first level whose region is at or past its own.
    let reading = input.reading;
    let rank = |r: Region| r as u8;
    if let Some(r) = reading {
        for (k, tier) in tiers.iter().enumerate() {
            let from = (0..=scale.max).find(|&l| r.region_at(l).is_some_and(|g| rank(g) >= rank(tier.region)));
            if let Some(from) = from {
                let y = row_y(k + 2);
                let (a, b) = (left(usize::from(from)), left(usize::from(scale.max) + 1));
                p.rect(a as i32, y as i32 + 1, b as i32, (y + ch) as i32 - 1, t.accent, 0.09)?;
            }
        }
    }
    for r in 0..=n_rows {
        let y = (f64::from(plot_bottom) - ch * r as f64) as i32;
        p.line(&[(x0, y), (w - PAD, y)], t.grid, 1)?;
    }
    for k in 0..n_rows {
        let label = if wrap { two(labels(k)[1]) } else { labels(k)[which].to_string() };
        let y = (row_y(k) + ch / 2.0) as i32;
        p.text(&label, x0 - 6, y, FONT, if k < 2 { t.muted } else { t.text }, H::Right, V::Center)?;
    }

    let mut marks = Vec::with_capacity(if aggregated { 0 } else { input.len() });
    let mut d = 14.0_f64.min(cw * 0.9).min(ch * 0.9);
    while d > MIN_MARK && !fits(d, ch) {
        d -= 0.5;
    }
    let r = (d * 0.42).max(1.5);
    for c in 0..n_columns {
        let key = if c == not_coded { -1 } else { c as i32 };
        for row in 0..n_rows {
            let cell = &mut cells[c * n_rows + row];
            if cell.is_empty() {
                continue;
            }
            let (cx, cy) = (left(c) + cw / 2.0, row_y(row) + ch / 2.0);
            if aggregated {
                p.text(&cell.len().to_string(), cx as i32, cy as i32, FONT, t.text, H::Center, V::Center)?;
                continue;
            }
            crate::sort::by(cell, |&a, &b| {
                let key = |i: usize| (input.palette.slot(input.at(i).initiator).unwrap_or(usize::MAX), i);
                key(a).cmp(&key(b))
            });
            let k = per_row(d);
            let lines = cell.len().div_ceil(k);
            for (j, &idx) in cell.iter().enumerate() {
                let (line, pos) = (j / k, j % k);
                let in_line = k.min(cell.len() - line * k);
                let x = cx + (pos as f64 - (in_line as f64 - 1.0) / 2.0) * d;
                let y = cy + (line as f64 - (lines as f64 - 1.0) / 2.0) * d;
                let i = input.at(idx);
                let (color, shape) = input.palette.style(i.initiator);
                p.incident(shape, x, y, r, color, i)?;
                marks.push(Mark { index: idx, x, y, r, group: key });
            }
        }
    }

    // The thresholds, as on the spectrum: a dashed line where each can first be reached, its
    // label on its own row of the strip above (right of the line, else left).
    for line in reading.map(|r| thresholds::lines(r, t)).unwrap_or_default() {
        let x = left(usize::from(line.level)).round() as i32;
        let y = if line.lower { strip_top + 18 } else { strip_top + 2 };
        p.dashed((x, y - 2), (x, plot_bottom), line.color, 2)?;
        let labels: Vec<&str> = line.labels.iter().map(String::as_str).collect();
        if let Some(l) = p.fit(&labels, w - PAD - x - 4, FONT) {
            p.text(l, x + 4, y, FONT, line.color, H::Left, V::Top)?;
        } else if let Some(l) = p.fit(&labels, x - PAD - 4, FONT) {
            p.text(l, x - 4, y, FONT, line.color, H::Right, V::Top)?;
        }
    }

    if input.is_empty() {
        if let Some(m) = p.fit(&["No incidents match the current filters", "None match"], w - x0 - PAD, 14.0) {
            p.notice(m, (x0 + w - PAD) / 2, (plot_top + plot_bottom) / 2, 14.0)?;
        }
    }

    // The axis: level numbers, "–" for not coded, and what the axes are.
    let num_y = plot_bottom + 4;
    let step = if cw >= 18.0 { 1 } else { 2 };
    for c in 0..n_columns {
        let x = (left(c) + cw / 2.0) as i32;
        if c == not_coded {
            p.text("–", x, num_y, FONT, t.muted, H::Center, V::Top)?;
        } else if c % step == 0 {
            p.text(&c.to_string(), x, num_y, FONT, t.text, H::Center, V::Top)?;
        }
    }
    let title = ["Severity on the ladder; shaded: responses lawful at that level", "Severity; shaded: lawful"];
    if let Some(title) = p.fit(&title, w - x0 - PAD, FONT) {
        p.text(title, (x0 + w - PAD) / 2, num_y + FONT as i32 + 6, FONT, t.muted, H::Center, V::Top)?;
    }

    let bands = (0..n_columns)
        .map(|c| Band {
            x0: left(c),
            x1: left(c) + cw,
            top: f64::from(strip_top),
            bottom: f64::from(plot_bottom + axis_h),
            key: if c == not_coded { -1 } else { c as i32 },
            count: (0..n_rows).map(|r| cells[c * n_rows + r].len()).sum(),
        })
        .collect();
    Ok(Layout { marks, bands, aggregated, ..empty })
}
