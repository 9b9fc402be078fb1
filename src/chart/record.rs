//! A drawing backend that records what was drawn instead of rasterising it, so tests can assert on
//! the texts, marks and lines of a chart natively and without fonts. Text is measured with a fixed,
//! slightly generous advance per character, the same on every machine.

use std::cell::RefCell;
use std::rc::Rc;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform,
};

/// One drawing call.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// `box_` is the text's extent `(x0, y0, x1, y1)` as this recorder measures it.
    Text {
        text: String,
        x: i32,
        y: i32,
        size: f64,
        rotated: bool,
        color: (u8, u8, u8),
        box_: (i32, i32, i32, i32),
    },
    Line {
        from: BackendCoord,
        to: BackendCoord,
        color: (u8, u8, u8),
    },
    Rect {
        from: BackendCoord,
        to: BackendCoord,
        filled: bool,
    },
    Circle {
        centre: BackendCoord,
        radius: u32,
        filled: bool,
        color: (u8, u8, u8),
    },
    Polygon {
        points: Vec<BackendCoord>,
        color: (u8, u8, u8),
    },
    Pixel {
        at: BackendCoord,
    },
}

/// Records drawing calls on a surface of a given size. Clones share one record, so a test keeps a
/// clone while plotters owns the other.
#[derive(Clone, Debug)]
pub struct Recorder {
    pub width: u32,
    pub height: u32,
    record: Rc<RefCell<Vec<Op>>>,
}

impl Recorder {
    pub fn new(width: u32, height: u32) -> Recorder {
        Recorder { width, height, record: Rc::default() }
    }

    /// Every drawing call so far, in order.
    pub fn ops(&self) -> Vec<Op> {
        self.record.borrow().clone()
    }

    fn push(&self, op: Op) {
        self.record.borrow_mut().push(op);
    }

    /// Every text drawn, in order.
    pub fn texts(&self) -> Vec<String> {
        self.text_boxes().into_iter().map(|(t, _)| t).collect()
    }

    /// Every text with its extent `(x0, y0, x1, y1)`.
    pub fn text_boxes(&self) -> Vec<(String, (i32, i32, i32, i32))> {
        self.record
            .borrow()
            .iter()
            .filter_map(|o| if let Op::Text { text, box_, .. } = o { Some((text.clone(), *box_)) } else { None })
            .collect()
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
        self.push(Op::Pixel { at });
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Line { from, to, color: rgb(style.color()) });
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        _: &S,
        filled: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Rect { from, to, filled });
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let pts: Vec<BackendCoord> = path.into_iter().collect();
        for pair in pts.windows(2) {
            self.push(Op::Line { from: pair[0], to: pair[1], color: rgb(style.color()) });
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        centre: BackendCoord,
        radius: u32,
        style: &S,
        filled: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Circle { centre, radius, filled, color: rgb(style.color()) });
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.push(Op::Polygon { points: vert.into_iter().collect(), color: rgb(style.color()) });
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (w, h) = (Recorder::text_width(text, style.size()) as i32, style.size().ceil() as i32);
        let rotated = !matches!(style.transform(), FontTransform::None);
        let anchor = style.anchor();
        // Along the text's own direction, then across it.
        let along = match anchor.h_pos {
            HPos::Left => (0, w),
            HPos::Center => (-w / 2, w - w / 2),
            HPos::Right => (-w, 0),
        };
        let across = match anchor.v_pos {
            VPos::Top => (0, h),
            VPos::Center => (-h / 2, h - h / 2),
            VPos::Bottom => (-h, 0),
        };
        let (x, y) = pos;
        let box_ = match style.transform() {
            FontTransform::None => (x + along.0, y + across.0, x + along.1, y + across.1),
            // Read upwards: the text's direction points to -y, its "down" to +x.
            FontTransform::Rotate270 => (x + across.0, y - along.1, x + across.1, y - along.0),
            FontTransform::Rotate90 => (x - across.1, y + along.0, x - across.0, y + along.1),
            FontTransform::Rotate180 => (x - along.1, y - across.1, x - along.0, y - across.0),
        };
        self.push(Op::Text {
            text: text.to_string(),
            x,
            y,
            size: style.size(),
            rotated,
            color: rgb(style.color()),
            box_,
        });
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok((Recorder::text_width(text, style.size()), style.size().ceil() as u32))
    }
}
