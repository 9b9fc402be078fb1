//! The canvas backend of the explorer module: plotters-canvas seen at CSS size and sharp at any
//! devicePixelRatio, drawing shapes itself with as few colour changes as it can.

use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use web_sys::CanvasRenderingContext2d;

/// The canvas backend seen at CSS size: the context is already scaled by devicePixelRatio, so
/// layout, text measurement and mark geometry are all in CSS pixels while the pixels stay sharp.
/// Text is measured with the canvas itself rather than plotters' DOM probe. Shapes (rectangles,
/// polygons, circles, paths: every mark and cell) are drawn here directly, setting a fill or
/// stroke colour only when it changes: each colour set is a string crossing into JavaScript and
/// parsed as CSS, and marks of one series share theirs. Text and lines go through plotters-canvas,
/// which sets colours itself, so both remembered colours are forgotten after them.
pub(super) struct HiDpi {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    width: u32,
    height: u32,
    fill: Option<Key>,
    stroke: Option<(Key, u32)>,
    font: std::cell::RefCell<String>,
}

impl HiDpi {
    /// `inner` drawing on `ctx` (already scaled to the device pixels), laid out at `width` x
    /// `height` CSS pixels.
    pub(super) fn new(inner: CanvasBackend, ctx: CanvasRenderingContext2d, width: u32, height: u32) -> HiDpi {
        HiDpi { inner, ctx, width, height, fill: None, stroke: None, font: Default::default() }
    }
}

/// A colour as red, green, blue and thousandths of opacity.
type Key = (u8, u8, u8, u32);

fn key(c: BackendColor) -> Key {
    (c.rgb.0, c.rgb.1, c.rgb.2, (c.alpha.clamp(0.0, 1.0) * 1000.0).round() as u32)
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

    /// Forgets the remembered colours after plotters-canvas drew (it sets its own).
    fn forget(&mut self, r: Res) -> Res {
        self.fill = None;
        self.stroke = None;
        r
    }
}

type Res = Result<(), DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

impl DrawingBackend for HiDpi {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        (self.width, self.height)
    }
    fn ensure_prepared(&mut self) -> Res {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Res {
        self.inner.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Res {
        let r = self.inner.draw_pixel(point, color);
        self.forget(r)
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Res {
        let r = self.inner.draw_line(from, to, style);
        self.forget(r)
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
        let r = self.inner.draw_text(text, style, pos);
        self.font.borrow_mut().clear();
        self.forget(r)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let font = format!("{} {}px {}", style.style().as_str(), style.size(), style.family().as_str());
        let mut last = self.font.borrow_mut();
        if *last != font {
            self.ctx.set_font(&font);
            *last = font;
        }
        let width = self.ctx.measure_text(text).map(|m| m.width()).unwrap_or(text.len() as f64 * style.size() * 0.6);
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }
}
