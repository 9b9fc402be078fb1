//! The legend shared by both charts: one entry per coloured initiator in the selection, then
//! "other" for the tail, wrapped over as many rows as the width needs.

use super::paint::{Painter, Shape, H, V};
use super::ChartInput;
use crate::error::Result;
use crate::model::Country;
use plotters::prelude::{DrawingBackend, RGBColor};

pub const FONT: f64 = 12.0;
const ROW: i32 = 18;

/// The legend of a selection: its entries `(label, colour, shape)`, largest first, "other" last,
/// whether any mark is hollow (an attribution suspected or contested), and whether any incident
/// is a reference one (drawn with a dot).
pub type Summary = (Vec<(String, RGBColor, Shape)>, bool, bool);

/// The legend of `input`'s selection, worked out once per draw from its counts (a chart lays its
/// legend out twice).
pub fn summary<'a>(input: &'a ChartInput) -> &'a Summary {
    input.legend.get_or_init(|| {
        let d = input.digest();
        let mut ranked = d.initiators(input.dated_only);
        // Largest first, ties by name (as stats::count_ranked).
        crate::sort::by(&mut ranked, |a, b| b.1.cmp(&a.1).then_with(|| a.0.name().cmp(b.0.name())));
        (entries(input, ranked), d.any_suspected(input.dated_only), d.any_reference(input.dated_only))
    })
}

/// Legend entries from the selection's initiators by count.
fn entries(input: &ChartInput, counts: Vec<(Country, usize)>) -> Vec<(String, RGBColor, Shape)> {
    let mut out = Vec::new();
    let (mut other_states, mut other_count) = (0, 0);
    for (c, n) in counts {
        if input.palette.slot(c).is_some() {
            let (color, shape) = input.palette.style(c);
            out.push((format!("{} {n}", c.name()), color, shape));
        } else {
            other_states += 1;
            other_count += n;
        }
    }
    if other_states > 0 {
        let (color, shape) = input.palette.style_other();
        let label = format!("Other ({other_states} state{}) {other_count}", if other_states == 1 { "" } else { "s" });
        out.push((label, color, shape));
    }
    out
}

/// Lays out the legend from `(x0, y0)` within `width`, then `notes` on how the chart is drawn, a
/// line each (the first of a note's wordings that fits), and returns the y just below it. Draws only when `paint`
/// is set, so a chart can learn the legend's height before deciding how to draw.
pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    input: &ChartInput,
    x0: i32,
    y0: i32,
    width: i32,
    notes: &[&[&str]],
    paint: bool,
) -> Result<i32> {
    let (entries, hollow, reference) = summary(input);
    let reference = *reference;
    let mut items: Vec<(String, RGBColor, Shape, bool)> =
        entries.iter().map(|(label, color, shape)| (label.clone(), *color, *shape, false)).collect();
    if items.is_empty() {
        return Ok(y0);
    }
    // Hollow marks are said once: the charts never present a contested attribution as settled.
    if *hollow {
        let words =
            ["Hollow: attribution suspected or contested", "Hollow: attribution contested", "Hollow: contested"];
        let label = p.fit(&words, width - 16, FONT).unwrap_or(words[2]);
        items.push((label.into(), p.theme.muted, Shape::Circle, true));
    }
    // So is a reference incident, chosen outside Korea to anchor the ladder, in a comparison.
    if reference {
        let words = ["Dot: reference incident outside Korea", "Dot: reference incident", "Dot: reference"];
        let label = p.fit(&words, width - 16, FONT).unwrap_or(words[2]);
        items.push((label.into(), p.theme.muted, Shape::Circle, false));
    }
    let dotted = items.len() - 1;
    let (mut x, mut y) = (x0, y0);
    for (n, (label, color, shape, hollow)) in items.iter().enumerate() {
        let w = 16 + p.measure(label, FONT).0;
        if x > x0 && x + w > x0 + width {
            x = x0;
            y += ROW;
        }
        if paint {
            p.marker(*shape, f64::from(x + 5), f64::from(y + ROW / 2), 5.0, *color, *hollow)?;
            if reference && n == dotted {
                p.dot(f64::from(x + 5), f64::from(y + ROW / 2), 5.0, p.theme.background)?;
            }
            p.text(label, x + 14, y + ROW / 2, FONT, p.theme.text, H::Left, V::Center)?;
        }
        x += w + 14;
    }
    for note in notes.iter().filter_map(|n| p.fit(n, width, FONT)) {
        y += ROW;
        if paint {
            p.text(note, x0, y + ROW / 2, FONT, p.theme.muted, H::Left, V::Center)?;
        }
    }
    Ok(y + ROW + 4)
}
