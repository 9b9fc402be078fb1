//! Small multiples to compare states: a panel per chosen initiator (or target), stacked, each the
//! view drawn on that state's incidents under a title with its count and severity. Every panel is
//! on one scale (the same levels, and on the timeline the same years), so a glance down the
//! panels compares like with like.

use super::paint::{Painter, H, V};
use super::{Band, ChartInput, Layout, Mark, View, MIN_CHART_PX};
use crate::error::{Error, Result};
use crate::stats::CountryCount;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// Height of a panel's title strip, px.
pub const TITLE_H: u32 = 24;
/// The most panels a chart splits into.
pub const MAX_PANELS: usize = 6;
/// Panels when the filter names no state: the states with most incidents.
pub const TOP_PANELS: usize = 4;
const TITLE_FONT: f64 = 13.0;

/// One panel: the state and the rows of its incidents (indices into the dataset).
pub struct Panel<'a> {
    pub state: &'a CountryCount,
    pub selection: Vec<u32>,
}

/// "3.2": one decimal, without the float formatting machinery (10 KB of the module).
fn tenths(v: f64) -> String {
    let t = (v * 10.0).round() as i64;
    format!("{}.{}", t / 10, (t % 10).abs())
}

/// A panel's title, longest wording first: what a reader compares across panels.
fn titles(s: &CountryCount) -> Vec<String> {
    let n = format!("{} incident{}", s.count, if s.count == 1 { "" } else { "s" });
    match (s.mean_severity, s.median_severity, s.max_severity) {
        (Some(mean), Some(median), Some(max)) => vec![
            format!("{}: {n} · mean {} · median {} · max {max}", s.name, tenths(mean), tenths(median)),
            format!("{}: {} · mean {} · max {max}", s.name, s.count, tenths(mean)),
            format!("{}: {}", s.name, s.count),
            s.name.to_string(),
        ],
        _ => vec![format!("{}: {n}, none coded", s.name), format!("{}: {}", s.name, s.count), s.name.to_string()],
    }
}

/// Draws `view` once per panel, stacked over `area`. The layout's marks carry dataset indices
/// (not indices into a selection) and its geometry is the whole canvas's.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: View,
    input: &ChartInput,
    panels: &[Panel],
) -> Result<Layout> {
    let (w, h) = area.dim_in_pixel();
    let p = Painter::new(area, input.theme);
    p.fill()?;
    let mut out = Layout { width: w, height: h, ..Layout::default() };
    if panels.is_empty() {
        p.notice("No incidents match", w as i32 / 2, h as i32 / 2, 14.0)?;
        area.present().map_err(|e| Error::Draw(e.to_string()))?;
        return Ok(out);
    }
    let each = h / panels.len() as u32;
    if each < TITLE_H + MIN_CHART_PX {
        return Err(Error::Argument(format!(
            "the chart is {h} px tall: {} panels need at least {} px each",
            panels.len(),
            TITLE_H + MIN_CHART_PX
        )));
    }
    for (k, panel) in panels.iter().enumerate() {
        let top = k as u32 * each;
        let strip = area.clone().shrink((0, top), (w, TITLE_H));
        let chart = area.clone().shrink((0, top + TITLE_H), (w, each - TITLE_H));
        let t = Painter::new(&strip, input.theme);
        if k > 0 {
            t.line(&[(0, 0), (w as i32, 0)], input.theme.grid, 1)?;
        }
        let words = titles(panel.state);
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        if let Some(title) = t.fit(&words, w as i32 - 16, TITLE_FONT) {
            t.text(title, 8, TITLE_H as i32 / 2 + 2, TITLE_FONT, input.theme.text, H::Left, V::Center)?;
        }
        // The context lane once, over the first panel.
        let context = if k == 0 { input.context } else { &[] };
        let layout = super::draw(
            &chart,
            view,
            &ChartInput {
                selection: &panel.selection,
                context,
                legend: Default::default(),
                digest: Default::default(),
                ..*input
            },
        )?;
        let dy = f64::from(top + TITLE_H);
        let row = |m: &Mark| panel.selection.get(m.index).map_or(m.index, |&r| r as usize);
        out.marks.extend(layout.marks.iter().map(|m| Mark { index: row(m), y: m.y + dy, ..*m }));
        out.bands.extend(layout.bands.iter().map(|b| Band { top: b.top + dy, bottom: b.bottom + dy, ..*b }));
        out.events.extend(layout.events.iter().map(|e| Mark { y: e.y + dy, ..*e }));
        out.aggregated |= layout.aggregated;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::tenths;

    #[test]
    fn tenths_round_to_one_decimal() {
        assert_eq!(
            (tenths(3.04), tenths(2.96), tenths(6.0), tenths(0.25)),
            ("3.0".into(), "3.0".into(), "6.0".into(), "0.3".into())
        );
    }
}
