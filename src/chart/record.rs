//! A drawing backend that records what was drawn instead of rasterising it, so tests can assert on
//! the texts, marks and lines of a chart natively and without fonts. Text is measured with a fixed,
//! slightly generous advance per character, the same on every machine.

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform,
};

/// One drawing call.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Text { text: String, x: i32, y: i32, size: f64, rotated: bool, color: (u8, u8, u8) },
    Line { from: BackendCoord, to: BackendCoord, color: (u8, u8, u8) },
    Rect { from: BackendCoord, to: BackendCoord, filled: bool },
    Circle { centre: BackendCoord, radius: u32, filled: bool, color: (u8, u8, u8) },
    Polygon { points: Vec<BackendCoord>, color: (u8, u8, u8) },
    Pixel { at: BackendCoord },
}

/// Records drawing calls on a surface of a given size.
#[derive(Debug)]
pub struct Recorder {
    pub width: u32,
    pub height: u32,
    pub ops: Vec<Op>,
}

impl Recorder {
    pub fn new(width: u32, height: u32) -> Recorder {
        Recorder { width, height, ops: Vec::new() }
    }

    /// Every text drawn, in order.
    pub fn texts(&self) -> Vec<&str> {
        self.ops.iter().filter_map(|o| if let Op::Text { text, .. } = o { Some(text.as_str()) } else { None }).collect()
    }

    /// Estimated width of a text at a size, as this recorder measures it.
    pub fn text_width(text: &str, size: f64) -> u32 {
        (text.chars().count() as f64 * size * 0.6).ceil() as u32
    }
}

fn rgb(c: BackendColor) -> (u8, u8, u8) {
    c.rgb
}

impl DrawingBackend for Recorder {
    type ErrorType = std::convert::Infallible;

    fn get_size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn draw_pixel(&mut self, at: BackendCoord, _: BackendColor) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.ops.push(Op::Pixel { at });
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.ops.push(Op::Line { from, to, color: rgb(style.color()) });
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, _: &S, filled: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.ops.push(Op::Rect { from, to, filled });
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let pts: Vec<BackendCoord> = path.into_iter().collect();
        for pair in pts.windows(2) {
            self.ops.push(Op::Line { from: pair[0], to: pair[1], color: rgb(style.color()) });
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, centre: BackendCoord, radius: u32, style: &S, filled: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.ops.push(Op::Circle { centre, radius, filled, color: rgb(style.color()) });
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.ops.push(Op::Polygon { points: vert.into_iter().collect(), color: rgb(style.color()) });
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.ops.push(Op::Text {
            text: text.to_string(),
            x: pos.0,
            y: pos.1,
            size: style.size(),
            rotated: !matches!(style.transform(), FontTransform::None),
            color: rgb(style.color()),
        });
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok((Recorder::text_width(text, style.size()), style.size().ceil() as u32))
    }
}
