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
/// JavaScript and parsed as CSS, and marks of one series share theirs. Colours and font sizes are
/// written with integers, never Rust's float formatting.
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
    fn set_fill(&mut self, c: BackendColor) {
        let c = key(c);
        if self.fill != Some(c) {
            self.ctx.set_fill_style_str(&css(c));
            self.fill = Some(c);
        }
    }

    fn set_stroke(&mut self, c: BackendColor, width: u32) {
        let c = key(c);
        if self.stroke != Some((c, width)) {
            self.ctx.set_stroke_style_str(&css(c));
            self.ctx.set_line_width(f64::from(width));
            self.stroke = Some((c, width));
        }
    }

    fn trace(&self, path: impl IntoIterator<Item = BackendCoord>) {
        self.ctx.begin_path();
        for (k, (x, y)) in path.into_iter().enumerate() {
            if k == 0 {
                self.ctx.move_to(f64::from(x), f64::from(y));
            } else {
                self.ctx.line_to(f64::from(x), f64::from(y));
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
        Ok(())
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Res {
        if color.alpha > 0.0 {
            self.set_fill(color);
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
            self.set_stroke(style.color(), style.stroke_width());
            self.ctx.begin_path();
            self.ctx.move_to(a.0, a.1);
            self.ctx.line_to(b.0, b.1);
            self.ctx.stroke();
        }
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, style: &S, fill: bool) -> Res {
        if style.color().alpha > 0.0 {
            let (x, y, w, h) = (f64::from(a.0), f64::from(a.1), f64::from(b.0 - a.0), f64::from(b.1 - a.1));
            if fill {
                self.set_fill(style.color());
                self.ctx.fill_rect(x, y, w, h);
            } else {
                self.set_stroke(style.color(), style.stroke_width());
                self.ctx.stroke_rect(x, y, w, h);
            }
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Res {
        if style.color().alpha > 0.0 {
            self.set_stroke(style.color(), style.stroke_width());
            self.trace(path);
            self.ctx.stroke();
        }
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, style: &S, fill: bool) -> Res {
        if style.color().alpha > 0.0 {
            self.ctx.begin_path();
            let _ = self.ctx.arc(f64::from(c.0), f64::from(c.1), f64::from(r), 0.0, std::f64::consts::TAU);
            if fill {
                self.set_fill(style.color());
                self.ctx.fill();
            } else {
                self.set_stroke(style.color(), style.stroke_width());
                self.ctx.stroke();
            }
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Res {
        if style.color().alpha > 0.0 {
            self.set_fill(style.color());
            self.trace(vert);
            self.ctx.close_path();
            self.ctx.fill();
        }
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Res {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
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
        self.set_fill(style.color());
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
