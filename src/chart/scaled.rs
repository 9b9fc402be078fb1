//! A backend seen `k` times smaller than it is: the chart lays out at its intended size while
//! every coordinate, radius, stroke and font size reaches the real backend `k` times larger. Static
//! images use it for high-density PNGs (the page gets the same effect from the canvas transform).

use plotters::style::{FontDesc, IntoFont, TextStyle};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};

pub struct Scaled<DB> {
    inner: DB,
    k: i32,
}

impl<DB: DrawingBackend> Scaled<DB> {
    pub fn new(inner: DB, k: u32) -> Scaled<DB> {
        Scaled { inner, k: k.max(1) as i32 }
    }
    fn at(&self, (x, y): BackendCoord) -> BackendCoord {
        (x * self.k, y * self.k)
    }
}

struct Stroke {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

type Res<E> = Result<(), DrawingErrorKind<E>>;

impl<DB: DrawingBackend> Scaled<DB> {
    fn stroke<S: BackendStyle>(&self, s: &S) -> Stroke {
        Stroke { color: s.color(), width: s.stroke_width() * self.k as u32 }
    }
}

impl<DB: DrawingBackend> DrawingBackend for Scaled<DB> {
    type ErrorType = DB::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        let (w, h) = self.inner.get_size();
        (w / self.k as u32, h / self.k as u32)
    }
    fn ensure_prepared(&mut self) -> Res<Self::ErrorType> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Res<Self::ErrorType> {
        self.inner.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Res<Self::ErrorType> {
        let (x, y) = self.at(point);
        self.inner.draw_rect((x, y), (x + self.k - 1, y + self.k - 1), &color, true)
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Res<Self::ErrorType> {
        let s = self.stroke(style);
        self.inner.draw_line(self.at(from), self.at(to), &s)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Res<Self::ErrorType> {
        let s = self.stroke(style);
        self.inner.draw_rect(self.at(a), self.at(b), &s, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Res<Self::ErrorType> {
        let s = self.stroke(style);
        let k = self.k;
        self.inner.draw_path(path.into_iter().map(|(x, y)| (x * k, y * k)), &s)
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, style: &S, fill: bool) -> Res<Self::ErrorType> {
        let s = self.stroke(style);
        self.inner.draw_circle(self.at(c), r * self.k as u32, &s, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Res<Self::ErrorType> {
        let s = self.stroke(style);
        let k = self.k;
        self.inner.fill_polygon(vert.into_iter().map(|(x, y)| (x * k, y * k)), &s)
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Res<Self::ErrorType> {
        let font: FontDesc =
            (style.family(), style.size() * f64::from(self.k), style.style()).into_font().transform(style.transform());
        let scaled = TextStyle { font, color: style.color(), pos: style.anchor() };
        self.inner.draw_text(text, &scaled, self.at(pos))
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.inner.estimate_text_size(text, style)
    }
}
