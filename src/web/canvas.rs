//! The canvas backend of the explorer module: plotters' drawing-backend trait implemented on a 2D
//! canvas context, at CSS size and sharp at any devicePixelRatio, with as few colour changes as it
//! can. (It replaced plotters-canvas, which wrote colours and font sizes with Rust's float
//! formatting and reported errors through a JavaScript value's `Debug`: about 10 KB gzip of the
//! module every reader downloads.)

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform,
};
use std::cell::RefCell;
use web_sys::CanvasRenderingContext2d;

/// The canvas backend seen at CSS size: the context is already scaled by devicePixelRatio, so
/// layout, text measurement and mark geometry are all in CSS pixels while the pixels stay sharp.
/// Text is measured with the canvas itself rather than plotters' DOM probe. Shapes (rectangles,
/// polygons, circles, paths, lines: every mark and cell) and text are drawn here directly, setting
/// a fill or stroke colour, a font or a text anchor only when it changes: each is a string crossing into
/// JavaScript and parsed as CSS, and marks of one series share theirs. Polygons, circles, paths and
/// lines of one style wait and are drawn together, as one path ([`HiDpi::flush`]). Colours and
/// font sizes are written with integers, never Rust's float formatting.
pub(super) struct HiDpi {
    ctx: CanvasRenderingContext2d,
    width: u32,
    height: u32,
    fill: Option<Key>,
    stroke: Option<(Key, u32)>,
    font: RefCell<String>,
    /// The text anchor set last (baseline and alignment), set again only when it changes.
    anchor: Option<(&'static str, &'static str)>,
    /// Widths measured in this drawing, by font and text: a layout measures the same labels again
    /// and again while it tries each way of setting them (about 110 measurements a chart, a
    /// quarter of them different), and each measurement crosses into JavaScript. Kept for one
    /// drawing only, so a web font that loads between drawings is measured afresh.
    widths: RefCell<Vec<(String, String, u32)>>,
    /// Shapes waiting to be filled in one colour, then outlined in one style (see [`HiDpi::flush`]).
    fills: Batch<Key>,
    strokes: Batch<(Key, u32)>,
}

/// A piece of a path waiting to be drawn: a point to start at, a line to a point, a whole circle
/// (centre and radius), or the close of a shape.
#[derive(Clone, Copy)]
enum Seg {
    Move(f64, f64),
    Line(f64, f64),
    Circle(f64, f64, f64),
    Close,
}

/// Shapes of one style waiting to be drawn as one path: each fill or stroke is a paint operation
/// the browser records and rasterises on its own, and a chart's marks and grid lines were about
/// 440 of them a drawing, most of a style the one before had.
struct Batch<S> {
    style: Option<S>,
    path: Vec<Seg>,
}

impl<S: PartialEq + Copy> Batch<S> {
    /// Whether shapes of `style` can join the waiting ones.
    fn takes(&self, style: S) -> bool {
        self.path.is_empty() || self.style == Some(style)
    }

    /// Whether the path is long enough to draw now: a chart of many marks is drawn in paths of a
    /// few thousand pieces, never all its marks in one.
    fn full(&self) -> bool {
        self.path.len() >= 4096
    }
}

impl HiDpi {
    /// Drawing on `ctx` (already scaled to the device pixels), laid out at `width` x `height` CSS
    /// pixels.
    pub(super) fn new(ctx: CanvasRenderingContext2d, width: u32, height: u32) -> HiDpi {
        HiDpi {
            ctx,
            width,
            height,
            fill: None,
            stroke: None,
            font: RefCell::default(),
            anchor: None,
            widths: RefCell::default(),
            fills: Batch { style: None, path: Vec::new() },
            strokes: Batch { style: None, path: Vec::new() },
        }
    }
}

/// A colour as red, green, blue and thousandths of opacity.
type Key = (u8, u8, u8, u32);

fn key(c: BackendColor) -> Key {
    (c.rgb.0, c.rgb.1, c.rgb.2, (c.alpha.clamp(0.0, 1.0) * 1000.0).round() as u32)
}

/// A CSS font for a text style, its size in hundredths of a pixel (no float formatting).
fn font<S: BackendTextStyle>(style: &S) -> String {
    let centi = (style.size().max(0.0) * 100.0).round() as u64;
    format!("{} {}.{:02}px {}", style.style().as_str(), centi / 100, centi % 100, style.family().as_str())
}

/// A colour as CSS: `rgb(r,g,b)` or, translucent, `rgba(r,g,b,0.xyz)` (no float formatting).
fn css((r, g, b, a): Key) -> String {
    if a >= 1000 {
        format!("rgb({r},{g},{b})")
    } else {
        format!("rgba({r},{g},{b},0.{a:03})")
    }
}

impl HiDpi {
    fn set_fill(&mut self, c: Key) {
        if self.fill != Some(c) {
            self.ctx.set_fill_style_str(&css(c));
            self.fill = Some(c);
        }
    }

    fn set_stroke(&mut self, c: Key, width: u32) {
        if self.stroke != Some((c, width)) {
            self.ctx.set_stroke_style_str(&css(c));
            self.ctx.set_line_width(f64::from(width));
            self.stroke = Some((c, width));
        }
    }

    /// A filled shape, drawn with the fills waiting in its colour. Shapes that follow lines
    /// waiting to be stroked go on top of them, so those are drawn first; otherwise a run of marks
    /// (each a fill, then its outline) is drawn as all its fills, then all its outlines: the same
    /// picture, except that where two marks overlap the first one's outline stays visible.
    #[inline(never)] // one copy for every kind of mark
    fn fill_shape(&mut self, c: Key, shape: &[Seg]) {
        if !self.fills.takes(c) || (self.fills.path.is_empty() && !self.strokes.path.is_empty()) || self.fills.full() {
            self.flush();
        }
        self.fills.style = Some(c);
        self.fills.path.extend_from_slice(shape);
    }

    /// A stroked line or outline, drawn with the strokes waiting in its style.
    #[inline(never)] // one copy for every kind of mark
    fn stroke_shape(&mut self, color: Key, width: u32, shape: &[Seg]) {
        let s = (color, width);
        if !self.strokes.takes(s) || self.strokes.full() {
            self.flush();
        }
        self.strokes.style = Some(s);
        self.strokes.path.extend_from_slice(shape);
    }

    /// A line through `pts`, stroked with the strokes waiting in its style.
    #[inline(never)] // one copy for every kind of mark
    fn stroke_points(&mut self, color: Key, width: u32, pts: &[BackendCoord]) {
        let segs: Vec<Seg> = pts.iter().enumerate().map(|(k, &(x, y))| at(k, x, y)).collect();
        self.stroke_shape(color, width, &segs);
    }

    /// The polygon `pts`, filled with the fills waiting in its colour. Filled together, shapes
    /// wound both ways would cancel where they overlap (the nonzero rule), so each goes clockwise
    /// on screen, as a circle does.
    #[inline(never)] // one copy for every kind of mark
    fn fill_points(&mut self, color: Key, mut pts: Vec<BackendCoord>) {
        let twice_area: i64 = pts
            .iter()
            .zip(pts.iter().cycle().skip(1))
            .map(|(&(x0, y0), &(x1, y1))| i64::from(x0) * i64::from(y1) - i64::from(x1) * i64::from(y0))
            .sum();
        if twice_area < 0 {
            pts.reverse();
        }
        let mut segs: Vec<Seg> = pts.iter().enumerate().map(|(k, &(x, y))| at(k, x, y)).collect();
        segs.push(Seg::Close);
        self.fill_shape(color, &segs);
    }

    /// Draws the waiting shapes: the fills as one path, then the outlines as another. Everything
    /// else drawn (text, rectangles, a shape of another style) calls this first, so it lands on
    /// top of what came before it, as it would have.
    #[inline(never)] // called from every drawing method
    fn flush(&mut self) {
        if let Some(c) = self.fills.style.filter(|_| !self.fills.path.is_empty()) {
            self.set_fill(c);
            self.trace(&self.fills.path);
            self.ctx.fill();
            self.fills.path.clear();
        }
        if let Some((c, w)) = self.strokes.style.filter(|_| !self.strokes.path.is_empty()) {
            self.set_stroke(c, w);
            self.trace(&self.strokes.path);
            self.ctx.stroke();
            self.strokes.path.clear();
        }
    }

    fn trace(&self, path: &[Seg]) {
        self.ctx.begin_path();
        for seg in path {
            match *seg {
                Seg::Move(x, y) => self.ctx.move_to(x, y),
                Seg::Line(x, y) => self.ctx.line_to(x, y),
                Seg::Circle(x, y, r) => {
                    self.ctx.move_to(x + r, y);
                    let _ = self.ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
                }
                Seg::Close => self.ctx.close_path(),
            }
        }
    }

    /// Sets the canvas font for `style` unless it is the one already set.
    fn set_font<S: BackendTextStyle>(&self, style: &S) {
        self.use_font(font(style));
    }

    fn use_font(&self, font: String) {
        let mut last = self.font.borrow_mut();
        if *last != font {
            self.ctx.set_font(&font);
            *last = font;
        }
    }
}

/// The `k`th point of a path: the first starts it, the others are lines to them.
fn at(k: usize, x: i32, y: i32) -> Seg {
    if k == 0 {
        Seg::Move(f64::from(x), f64::from(y))
    } else {
        Seg::Line(f64::from(x), f64::from(y))
    }
}

impl Drop for HiDpi {
    /// What is still waiting is drawn when the drawing ends, whether or not it was presented.
    fn drop(&mut self) {
        self.flush();
    }
}

/// The canvas draws or silently does nothing; it reports no errors. This type exists for the trait.
#[derive(Debug)]
pub(super) struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the canvas failed")
    }
}

impl std::error::Error for Never {}

type Res = Result<(), DrawingErrorKind<Never>>;

impl DrawingBackend for HiDpi {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        (self.width, self.height)
    }
    fn ensure_prepared(&mut self) -> Res {
        Ok(())
    }
    fn present(&mut self) -> Res {
        self.flush();
        Ok(())
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Res {
        if color.alpha > 0.0 {
            self.flush();
            self.set_fill(key(color));
            self.ctx.fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        }
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Res {
        if style.color().alpha > 0.0 {
            // A horizontal or vertical line sits on the pixel grid half a pixel up or left, so a
            // line one pixel wide covers one row or column of pixels instead of two half-lit ones
            // (as plotters-canvas did).
            let (mut a, mut b) = ((f64::from(from.0), f64::from(from.1)), (f64::from(to.0), f64::from(to.1)));
            if from.0 == to.0 {
                a.0 -= 0.5;
                b.0 -= 0.5;
            }
            if from.1 == to.1 {
                a.1 -= 0.5;
                b.1 -= 0.5;
            }
            self.stroke_shape(key(style.color()), style.stroke_width(), &[Seg::Move(a.0, a.1), Seg::Line(b.0, b.1)]);
        }
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, style: &S, fill: bool) -> Res {
        if style.color().alpha > 0.0 {
            self.flush();
            let (x, y, w, h) = (f64::from(a.0), f64::from(a.1), f64::from(b.0 - a.0), f64::from(b.1 - a.1));
            if fill {
                self.set_fill(key(style.color()));
                self.ctx.fill_rect(x, y, w, h);
            } else {
                self.set_stroke(key(style.color()), style.stroke_width());
                self.ctx.stroke_rect(x, y, w, h);
            }
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Res {
        if style.color().alpha > 0.0 {
            self.stroke_points(key(style.color()), style.stroke_width(), &path.into_iter().collect::<Vec<_>>());
        }
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, style: &S, fill: bool) -> Res {
        if style.color().alpha > 0.0 {
            let circle = [Seg::Circle(f64::from(c.0), f64::from(c.1), f64::from(r))];
            if fill {
                self.fill_shape(key(style.color()), &circle);
            } else {
                self.stroke_shape(key(style.color()), style.stroke_width(), &circle);
            }
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Res {
        if style.color().alpha > 0.0 {
            self.fill_points(key(style.color()), vert.into_iter().collect());
        }
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Res {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        self.flush();
        let quarter = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 1.0,
            FontTransform::Rotate180 => 2.0,
            FontTransform::Rotate270 => 3.0,
        };
        let (x, y) = (f64::from(pos.0), f64::from(pos.1));
        let anchor = (
            match style.anchor().v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            },
            match style.anchor().h_pos {
                HPos::Left => "start",
                HPos::Right => "end",
                HPos::Center => "center",
            },
        );
        if self.anchor != Some(anchor) {
            self.ctx.set_text_baseline(anchor.0);
            self.ctx.set_text_align(anchor.1);
            self.anchor = Some(anchor);
        }
        self.set_fill(key(style.color()));
        self.set_font(style);
        if quarter == 0.0 {
            let _ = self.ctx.fill_text(text, x, y);
        } else {
            self.ctx.save();
            let _ = self.ctx.translate(x, y);
            let _ = self.ctx.rotate(quarter * std::f64::consts::FRAC_PI_2);
            let _ = self.ctx.fill_text(text, 0.0, 0.0);
            self.ctx.restore();
        }
        Ok(())
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let font = font(style);
        let mut widths = self.widths.borrow_mut();
        let width = match widths.iter().find(|(f, t, _)| *f == font && t == text) {
            Some(&(_, _, width)) => width,
            None => {
                self.use_font(font.clone());
                let width = self.ctx.measure_text(text).map_or(text.len() as f64 * style.size() * 0.6, |m| m.width());
                let width = width.ceil() as u32;
                widths.push((font, text.to_string(), width));
                width
            }
        };
        Ok((width, style.size().ceil() as u32))
    }
}
