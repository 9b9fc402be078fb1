//! Chart colours and font. The page themes a chart with CSS custom properties on the canvas or
//! any ancestor (`--cs-bg`, `--cs-text`, `--cs-muted`, `--cs-grid`, `--cs-step`,
//! `--cs-use-of-force`, `--cs-armed-attack`, `--cs-font`); the web layer reads their values and
//! this module turns them into a `Theme`, so the same rules theme the page, an embed and a static
//! image. A value that is not a colour is reported and the default kept, as CSS itself would.

use plotters::prelude::RGBColor;

/// Colours and font of a chart. The default suits a light article page.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    /// Step line and other emphasis.
    pub accent: RGBColor,
    pub use_of_force: RGBColor,
    pub armed_attack: RGBColor,
    /// CSS font-family list; canvas backends pass it to the browser as is.
    pub font_family: String,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme {
            background: RGBColor(255, 255, 255),
            text: RGBColor(28, 30, 33),
            muted: RGBColor(88, 94, 102),
            grid: RGBColor(222, 225, 230),
            accent: RGBColor(60, 64, 72),
            use_of_force: RGBColor(163, 84, 0),
            armed_attack: RGBColor(170, 20, 40),
            font_family: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif".into(),
        }
    }
}

/// The custom properties a theme reads, in the order of `Theme`'s colour fields.
pub const PROPERTIES: [&str; 8] = [
    "--cs-bg",
    "--cs-text",
    "--cs-muted",
    "--cs-grid",
    "--cs-step",
    "--cs-use-of-force",
    "--cs-armed-attack",
    "--cs-font",
];

impl Theme {
    /// A dark theme with the same hues, each checked for contrast on its background.
    pub fn dark() -> Theme {
        Theme {
            background: RGBColor(24, 26, 30),
            text: RGBColor(232, 234, 237),
            muted: RGBColor(170, 176, 184),
            grid: RGBColor(58, 62, 70),
            accent: RGBColor(200, 204, 212),
            use_of_force: RGBColor(240, 160, 60),
            armed_attack: RGBColor(255, 110, 120),
            ..Theme::default()
        }
    }

    /// The theme the custom properties describe: `value(name)` gives a property's value (empty
    /// or `None` when unset). `font_fallback` is the font the element inherits, used when
    /// `--cs-font` is unset, so a chart takes the host article's font. Returns the theme and one
    /// message per value that could not be read (that colour keeps its default). When the
    /// background or text colour is set and muted or grid colours are not, they are mixed from
    /// the two so a dark background never keeps light-theme greys.
    pub fn from_css(value: impl Fn(&str) -> Option<String>, font_fallback: Option<&str>) -> (Theme, Vec<String>) {
        let mut theme = Theme::default();
        let mut problems = Vec::new();
        let mut read = |name: &str| -> Option<RGBColor> {
            let v = value(name)?;
            let v = v.trim();
            if v.is_empty() {
                return None;
            }
            match parse_colour(v) {
                Some(c) => Some(c),
                None => {
                    problems.push(format!("{name}: '{v}' is not a colour this chart reads (use #rgb, #rrggbb, rgb(r, g, b) or a basic colour name)"));
                    None
                }
            }
        };
        let bg = read(PROPERTIES[0]);
        let text = read(PROPERTIES[1]);
        let muted = read(PROPERTIES[2]);
        let grid = read(PROPERTIES[3]);
        let accent = read(PROPERTIES[4]);
        let force = read(PROPERTIES[5]);
        let attack = read(PROPERTIES[6]);
        if let Some(c) = bg {
            theme.background = c;
        }
        if let Some(c) = text {
            theme.text = c;
        }
        let custom = bg.is_some() || text.is_some();
        theme.muted = muted.unwrap_or(if custom { mix(theme.text, theme.background, 0.68) } else { theme.muted });
        theme.grid = grid.unwrap_or(if custom { mix(theme.text, theme.background, 0.16) } else { theme.grid });
        theme.accent = accent.unwrap_or(if custom { mix(theme.text, theme.background, 0.8) } else { theme.accent });
        if let Some(c) = force {
            theme.use_of_force = c;
        }
        if let Some(c) = attack {
            theme.armed_attack = c;
        }
        let font = value(PROPERTIES[7]).filter(|f| !f.trim().is_empty()).or_else(|| font_fallback.map(str::to_string));
        if let Some(f) = font.filter(|f| !f.trim().is_empty()) {
            theme.font_family = f.trim().to_string();
        }
        (theme, problems)
    }
}

/// `a` weighted by `share` over `b`.
fn mix(a: RGBColor, b: RGBColor, share: f64) -> RGBColor {
    let m = |x: u8, y: u8| (f64::from(x) * share + f64::from(y) * (1.0 - share)).round() as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// A CSS colour as custom properties carry it (their values are not computed): `#rgb`, `#rgba`,
/// `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` with commas or spaces and 0-255 or percentages, or
/// one of the basic named colours. Alpha is ignored: charts are drawn opaque.
pub fn parse_colour(value: &str) -> Option<RGBColor> {
    let v = value.trim().to_ascii_lowercase();
    if let Some(hex) = v.strip_prefix('#') {
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(hex.get(i..=i)?, 16).ok();
        let pair = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        return match hex.len() {
            3 | 4 => Some(RGBColor(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 | 8 => Some(RGBColor(pair(0)?, pair(2)?, pair(4)?)),
            _ => None,
        };
    }
    if let Some(args) = v.strip_prefix("rgba(").or_else(|| v.strip_prefix("rgb(")).and_then(|r| r.strip_suffix(')')) {
        let colour_part = args.split('/').next()?;
        let parts: Vec<&str> =
            colour_part.split(|c: char| c == ',' || c.is_whitespace()).filter(|p| !p.is_empty()).collect();
        if parts.len() < 3 || parts.len() > 4 || (args.as_bytes().contains(&b'/') && parts.len() != 3) {
            return None;
        }
        // Whole numbers only (a fraction of a channel is invisible): parsing floats would pull
        // float parsing into the wasm for nothing.
        let channel = |p: &str| -> Option<u8> {
            let (digits, percent) = match p.strip_suffix('%') {
                Some(d) => (d, true),
                None => (p, false),
            };
            let whole =
                digits
                    .split_once('.')
                    .map_or(digits, |(w, frac)| if frac.bytes().all(|b| b.is_ascii_digit()) { w } else { "x" });
            let n: u32 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
            Some(if percent { (n.min(100) * 255 + 50) / 100 } else { n.min(255) } as u8)
        };
        return Some(RGBColor(channel(parts[0])?, channel(parts[1])?, channel(parts[2])?));
    }
    let named = match v.as_str() {
        "white" => (255, 255, 255),
        "black" => (0, 0, 0),
        "red" => (255, 0, 0),
        "green" => (0, 128, 0),
        "blue" => (0, 0, 255),
        "gray" | "grey" => (128, 128, 128),
        "silver" => (192, 192, 192),
        "navy" => (0, 0, 128),
        "maroon" => (128, 0, 0),
        "orange" => (255, 165, 0),
        "purple" => (128, 0, 128),
        "teal" => (0, 128, 128),
        _ => return None,
    };
    Some(RGBColor(named.0, named.1, named.2))
}
