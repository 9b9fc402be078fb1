//! The timeline's context lane: each dated non-cyber event (a nuclear test, a missile launch, a
//! clash ...) a marker in a strip above the plot, in its kind's shape, with a faint line down
//! through the plot so a reader sees which incidents fall near it. Kinds are named under the
//! markers where there is room, left to right, never overlapping.

use super::paint::{Painter, Shape, H, V};
use super::Mark;
use crate::error::Result;
use crate::events::Event;
use crate::model::ContextKind;
use plotters::prelude::DrawingBackend;

/// The lane's height in pixels, labels included.
pub const LANE: i32 = 30;
/// The lane's name, left of the plot.
const LABEL: &str = "Context";

/// How far from the chart's left edge the plot must start for the lane's name to fit before it.
pub fn label_room<DB: DrawingBackend>(p: &Painter<DB>) -> i32 {
    p.measure(LABEL, FONT).0 + 8
}
const FONT: f64 = 12.0;

/// A kind's marker shape and its word under the marker.
fn style(kind: ContextKind) -> (Shape, &'static str) {
    match kind {
        ContextKind::NuclearTest => (Shape::Diamond, "nuclear"),
        ContextKind::MissileTest => (Shape::Triangle, "missile"),
        ContextKind::MilitaryClash => (Shape::Square, "clash"),
        ContextKind::Crisis => (Shape::TriangleDown, "crisis"),
        ContextKind::Diplomacy => (Shape::Circle, "talks"),
        ContextKind::Other => (Shape::Hexagon, "event"),
    }
}

/// Draws the events within `[from, to)` (fractional years) into the lane starting at `top`, the
/// plot below running to `bottom`; `x_of` turns a fractional year into pixels. Returns a mark per
/// event drawn (its index in `events`), for pointing at.
#[allow(clippy::too_many_arguments)]
pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    events: &[Event],
    (from, to): (f64, f64),
    x_of: impl Fn(f64) -> f64,
    (left, top, bottom): (i32, i32, i32),
) -> Result<Vec<Mark>> {
    let t = p.theme;
    let y = f64::from(top + 7);
    p.text(LABEL, left - 6, y as i32, FONT, t.muted, H::Right, V::Center)?;
    let mut marks = Vec::new();
    let mut free_from = f64::MIN;
    for (k, e) in events.iter().enumerate() {
        let at = e.date.fractional_year();
        if at < from || at >= to {
            continue;
        }
        let x = x_of(at);
        let (shape, word) = style(e.kind);
        p.dashed((x as i32, top + LANE), (x as i32, bottom), t.grid, 1)?;
        p.marker(shape, x, y, 4.0, t.muted, false)?;
        let half = f64::from(p.measure(word, FONT).0) / 2.0;
        if x - half > free_from {
            p.text(word, x as i32, top + 13, FONT, t.muted, H::Center, V::Top)?;
            free_from = x + half + 4.0;
        }
        marks.push(Mark { index: k, x, y, r: 4.0, group: e.date.year });
    }
    Ok(marks)
}
