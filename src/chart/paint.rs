//! A thin drawing helper over a plotters `DrawingArea`: text that is measured before it is placed,
//! dashed lines, and the marker shapes. Kept in its own module because importing plotters' backend
//! style trait beside its prelude makes `stroke_width` ambiguous.

use super::Theme;
use crate::error::{Error, Result};
use crate::model::{Certainty, Scope};
use crate::store::Facts;
use plotters::coord::Shift;
use plotters::element::{Circle, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::{Color, DrawingArea, DrawingBackend, RGBColor};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, FontTransform, ShapeStyle, TextStyle};

pub use plotters::style::text_anchor::{HPos as H, VPos as V};

/// Marker shapes; each initiator series has its own, so colour is never the only cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
    Hexagon,
    /// Hollow circle, for "other".
    Ring,
}

/// sin 60 degrees.
const H3: f64 = 0.866_025_403_784_438_6;

/// Line height as a multiple of font size for stacked lines of text.
const LINE: f64 = 1.2;

pub struct Painter<'a, DB: DrawingBackend> {
    pub area: &'a DrawingArea<DB, Shift>,
    pub theme: &'a Theme,
    pub width: i32,
    pub height: i32,
}

fn draw_err<E: std::fmt::Display>(e: E) -> Error {
    Error::Draw(e.to_string())
}

impl<'a, DB: DrawingBackend> Painter<'a, DB> {
    pub fn new(area: &'a DrawingArea<DB, Shift>, theme: &'a Theme) -> Painter<'a, DB> {
        let (w, h) = area.dim_in_pixel();
        Painter { area, theme, width: w as i32, height: h as i32 }
    }

    fn style(&self, size: f64, color: RGBColor, h: HPos, v: VPos, rotate: bool) -> TextStyle<'a> {
        let font = FontDesc::new(FontFamily::Name(&self.theme.font_family), size, FontStyle::Normal);
        let font = if rotate { font.transform(FontTransform::Rotate270) } else { font };
        TextStyle { font, color: color.to_backend_color(), pos: Pos::new(h, v) }
    }

    /// Width and height of one line of text.
    pub fn measure(&self, text: &str, size: f64) -> (i32, i32) {
        let style = self.style(size, self.theme.text, HPos::Left, VPos::Top, false);
        match self.area.estimate_text_size(text, &style) {
            Ok((w, h)) => (w as i32, (h as i32).max(size as i32)),
            // A backend that cannot measure gets a generous estimate rather than a failed chart.
            Err(_) => ((text.chars().count() as f64 * size * 0.62).ceil() as i32, size as i32),
        }
    }

    /// Width and height of text whose lines are separated by '\n'.
    pub fn measure_lines(&self, text: &str, size: f64) -> (i32, i32) {
        let w = text.split('\n').map(|l| self.measure(l, size).0).max().unwrap_or(0);
        let n = text.split('\n').count() as f64;
        (w, (size * (1.0 + (n - 1.0) * LINE)).ceil() as i32)
    }

    /// The first candidate whose every line fits in `max_w`.
    /// `text` broken into lines (at spaces) no wider than `max_w` px at `size`; a word wider than
    /// that keeps a line of its own.
    pub fn wrap(&self, text: &str, max_w: i32, size: f64) -> String {
        let mut out = String::new();
        let mut line = String::new();
        for word in text.split(' ') {
            let tried = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if line.is_empty() || self.measure(&tried, size).0 <= max_w {
                line = tried;
            } else {
                out.push_str(&line);
                out.push('\n');
                line = word.to_string();
            }
        }
        out.push_str(&line);
        out
    }

    pub fn fit<'s>(&self, candidates: &[&'s str], max_w: i32, size: f64) -> Option<&'s str> {
        candidates.iter().copied().find(|c| self.measure_lines(c, size).0 <= max_w)
    }

    /// Text (lines separated by '\n') anchored at `(x, y)`; `v` anchors the block as a whole.
    #[allow(clippy::too_many_arguments)] // position, size, colour and anchor read best spelled out at each call
    pub fn text(&self, text: &str, x: i32, y: i32, size: f64, color: RGBColor, h: HPos, v: VPos) -> Result<()> {
        let (_, block_h) = self.measure_lines(text, size);
        let top = match v {
            VPos::Top => y,
            VPos::Center => y - block_h / 2,
            VPos::Bottom => y - block_h,
        };
        let style = self.style(size, color, h, VPos::Top, false);
        for (i, line) in text.split('\n').enumerate() {
            let ly = top + (i as f64 * size * LINE).round() as i32;
            self.area.draw(&Text::new(line.to_string(), (x, ly), style.clone())).map_err(draw_err)?;
        }
        Ok(())
    }

    /// One line of text read bottom to top, its end at `(x, y_top)`, centred on `x`.
    pub fn text_up(&self, text: &str, x: i32, y_top: i32, size: f64, color: RGBColor) -> Result<()> {
        let style = self.style(size, color, HPos::Right, VPos::Center, true);
        self.area.draw(&Text::new(text.to_string(), (x, y_top), style)).map_err(draw_err)
    }

    pub fn line(&self, points: &[(i32, i32)], color: RGBColor, width: u32) -> Result<()> {
        let style = ShapeStyle { color: color.to_rgba(), filled: false, stroke_width: width };
        self.area.draw(&PathElement::new(points.to_vec(), style)).map_err(draw_err)
    }

    /// A straight dashed line.
    pub fn dashed(&self, from: (i32, i32), to: (i32, i32), color: RGBColor, width: u32) -> Result<()> {
        let (dx, dy) = (f64::from(to.0 - from.0), f64::from(to.1 - from.1));
        let len = dx.hypot(dy);
        let (dash, gap) = (6.0, 4.0);
        let mut t = 0.0;
        while t < len {
            let end = (t + dash).min(len);
            let at = |s: f64| (from.0 + (dx * s / len).round() as i32, from.1 + (dy * s / len).round() as i32);
            self.line(&[at(t), at(end)], color, width)?;
            t += dash + gap;
        }
        Ok(())
    }

    pub fn rect(&self, x0: i32, y0: i32, x1: i32, y1: i32, color: RGBColor, alpha: f64) -> Result<()> {
        self.area.draw(&Rectangle::new([(x0, y0), (x1, y1)], color.mix(alpha).filled())).map_err(draw_err)
    }

    /// A line of text on the chart's background, centred at `(x, y)`: for a notice ("No incidents
    /// match") that lines drawn before it must not cross.
    pub fn notice(&self, text: &str, x: i32, y: i32, size: f64) -> Result<()> {
        let (w, h) = self.measure(text, size);
        self.rect(x - w / 2 - 6, y - h / 2 - 4, x + w / 2 + 6, y + h / 2 + 4, self.theme.background, 1.0)?;
        self.text(text, x, y, size, self.theme.muted, HPos::Center, VPos::Center)
    }

    pub fn fill(&self) -> Result<()> {
        self.area.fill(&self.theme.background).map_err(draw_err)
    }

    /// A ring of radius `r` around `(x, y)`, two pixels wide.
    pub fn ring(&self, x: f64, y: f64, r: f64, color: RGBColor) -> Result<()> {
        let style = ShapeStyle { color: color.to_rgba(), filled: false, stroke_width: 2 };
        let c = (x.round() as i32, y.round() as i32);
        self.area.draw(&Circle::new(c, r.round().max(2.0) as i32, style)).map_err(draw_err)
    }

    /// A marker of `shape` centred on `(x, y)` with outer radius `r`, outlined so that light
    /// colours stay visible on any background.
    /// A mark of `shape`, filled with `color`; `hollow` (an attribution that is suspected or
    /// contested) draws it as an outline in `color` on the background instead.
    /// An incident's mark: hollow when its attribution is suspected or contested, with a dot at
    /// its centre when it is a reference incident (outside Korea), so neither reads as the rest.
    pub fn incident(&self, shape: Shape, x: f64, y: f64, r: f64, color: RGBColor, facts: &Facts) -> Result<()> {
        let hollow = facts.certainty == Some(Certainty::Suspected);
        self.marker(shape, x, y, r, color, hollow)?;
        if facts.scope == Some(Scope::Reference) {
            self.dot(x, y, r, if hollow { color } else { self.theme.background })?;
        }
        Ok(())
    }

    /// The reference incidents' centre dot on a mark of radius `r`.
    pub fn dot(&self, x: f64, y: f64, r: f64, color: RGBColor) -> Result<()> {
        let c = (x.round() as i32, y.round() as i32);
        self.area.draw(&Circle::new(c, (r * 0.34).round().max(1.5) as i32, color.filled())).map_err(draw_err)
    }

    pub fn marker(&self, shape: Shape, x: f64, y: f64, r: f64, color: RGBColor, hollow: bool) -> Result<()> {
        let (fill, outline) = if hollow {
            (self.theme.background.filled(), ShapeStyle { color: color.to_rgba(), filled: false, stroke_width: 2 })
        } else {
            (color.filled(), ShapeStyle { color: self.theme.text.mix(0.55), filled: false, stroke_width: 1 })
        };
        let poly = |pts: Vec<(f64, f64)>| -> Vec<(i32, i32)> {
            pts.into_iter().map(|(px, py)| ((x + px * r).round() as i32, (y + py * r).round() as i32)).collect()
        };
        let pts = match shape {
            Shape::Circle | Shape::Ring => {
                let c = (x.round() as i32, y.round() as i32);
                let rr = r.round().max(1.0) as i32;
                if shape == Shape::Circle {
                    self.area.draw(&Circle::new(c, rr, fill)).map_err(draw_err)?;
                    return self.area.draw(&Circle::new(c, rr, outline)).map_err(draw_err);
                }
                let ring = ShapeStyle { color: color.to_rgba(), filled: false, stroke_width: 2 };
                return self.area.draw(&Circle::new(c, (rr - 1).max(1), ring)).map_err(draw_err);
            }
            Shape::Square => vec![(-0.8, -0.8), (0.8, -0.8), (0.8, 0.8), (-0.8, 0.8)],
            Shape::Diamond => vec![(0.0, -1.05), (1.05, 0.0), (0.0, 1.05), (-1.05, 0.0)],
            // Regular polygons as constants (cos/sin of multiples of 30 degrees): computing them
            // would link the trigonometry routines into the wasm for six numbers.
            Shape::Triangle => {
                [(0.0, -1.0), (H3, 0.5), (-H3, 0.5)].iter().map(|&(a, b)| (a * 1.1, b * 1.1 + 0.15)).collect()
            }
            Shape::TriangleDown => {
                [(0.0, 1.0), (-H3, -0.5), (H3, -0.5)].iter().map(|&(a, b)| (a * 1.1, b * 1.1 - 0.15)).collect()
            }
            Shape::Hexagon => vec![(1.0, 0.0), (0.5, H3), (-0.5, H3), (-1.0, 0.0), (-0.5, -H3), (0.5, -H3)],
        };
        let pts = poly(pts);
        self.area.draw(&Polygon::new(pts.clone(), fill)).map_err(draw_err)?;
        let mut closed = pts.clone();
        closed.push(pts[0]);
        self.area.draw(&PathElement::new(closed, outline)).map_err(draw_err)
    }
}
