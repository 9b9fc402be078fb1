//! Static images of a chart (native only): the same drawing code as the page, onto plotters' SVG
//! and bitmap backends, for a `<noscript>` fallback, RSS readers, newsletters and social cards.
//! Text in the PNG is set in DejaVu Sans, embedded in the binary, so the image looks the same on
//! any machine; the SVG names the same font first and falls back to the reader's sans-serif.

use crate::chart::{Layout, Theme, View};
use crate::error::{Error, Result};
use crate::explorer::Explorer;
use crate::filter::Filter;
use plotters::prelude::{BitMapBackend, IntoDrawingArea, SVGBackend};
use plotters::style::FontStyle;
use std::sync::Once;

/// The font family every static image uses; registered once with the embedded DejaVu Sans.
pub const FONT: &str = "DejaVu Sans, Verdana, sans-serif";

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Both are valid TrueType files shipped in the dejavu crate; a failure leaves text to
        // plotters' own error, which `draw` reports.
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, dejavu::sans::regular());
        let _ = plotters::style::register_font(FONT, FontStyle::Bold, dejavu::sans::bold());
    });
}

/// What to draw: a view of a filtered selection at a size, in a theme.
pub struct Picture<'a> {
    pub explorer: &'a Explorer,
    pub view: View,
    pub filter: &'a Filter,
    pub theme: Theme,
    pub width: u32,
    pub height: u32,
}

fn check(p: &Picture) -> Result<()> {
    if !(120..=8000).contains(&p.width) || !(120..=8000).contains(&p.height) {
        return Err(Error::Argument(format!(
            "an image is 120 to 8000 px a side; {}x{} was asked for",
            p.width, p.height
        )));
    }
    Ok(())
}

fn themed(p: &Picture) -> Theme {
    register_font();
    Theme { font_family: FONT.to_string(), ..p.theme.clone() }
}

/// The chart as an SVG document.
pub fn svg(p: &Picture) -> Result<(String, Layout)> {
    check(p)?;
    let theme = themed(p);
    let mut out = String::new();
    let layout = {
        let area = SVGBackend::with_string(&mut out, (p.width, p.height)).into_drawing_area();
        p.explorer.draw(&area, p.view, p.filter, &theme)?
    };
    Ok((out, layout))
}

/// The chart as a PNG file's bytes, `scale` times the size in pixels (2 for high-density
/// screens): the chart is laid out at `width` x `height` and every pixel drawn `scale` times finer.
pub fn png(p: &Picture, scale: u32) -> Result<(Vec<u8>, Layout)> {
    check(p)?;
    if !(1..=4).contains(&scale) {
        return Err(Error::Argument(format!("the scale is 1 to 4; {scale} was asked for")));
    }
    let theme = themed(p);
    // Laid out at the CSS size, drawn at `scale`: a bitmap `scale` times larger with fonts, marks
    // and lines scaled alike is the same as laying out at that size with every length scaled.
    let (w, h) = (p.width * scale, p.height * scale);
    let mut rgb = vec![0u8; (w * h * 3) as usize];
    let layout = {
        let backend = crate::chart::Scaled::new(BitMapBackend::with_buffer(&mut rgb, (w, h)), scale);
        let area = backend.into_drawing_area();
        p.explorer.draw(&area, p.view, p.filter, &theme)?
    };
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        // The PNG records its density so viewers show a 2x image at the intended size.
        encoder.set_pixel_dims(Some(png::PixelDimensions {
            xppu: 3780 * scale,
            yppu: 3780 * scale,
            unit: png::Unit::Meter,
        }));
        let mut writer = encoder.write_header().map_err(|e| Error::Draw(format!("PNG: {e}")))?;
        writer.write_image_data(&rgb).map_err(|e| Error::Draw(format!("PNG: {e}")))?;
    }
    Ok((bytes, layout))
}
