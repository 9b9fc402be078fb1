//! The explorer module's JavaScript surface (wasm32, feature `explorer`): one exported class
//! holding the core explorer, plain objects in and out via serde-wasm-bindgen, errors thrown as JS
//! `Error`s, and canvas drawing that is sharp at any devicePixelRatio. It reads the project's own
//! schema only; every other format is read by the importer module (src/web_import.rs) and handed
//! over as that schema. No unwrap here: a failure must reach the page as a message.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::chart::{Layout, Theme, View, TOUCH_SLOP};
use crate::explorer::Explorer as Core;
use crate::filter::Filter;
use crate::import::Warning;
use crate::model::Scale;
use crate::store::Parts;
use crate::web_common::{js_err, to_js};
use plotters::prelude::IntoDrawingArea;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

fn filter_from(value: JsValue) -> Result<Filter, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Filter::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(JsError::new("filter: expected a plain object such as {from: 2009, initiators: ['PRK']}"));
    }
    let keys: Vec<String> =
        js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter().filter_map(|k| k.as_string()).collect();
    Filter::check_keys(keys.iter().map(String::as_str)).map_err(js_err)?;
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("filter: {e}")))
}

/// The explorer: one dataset held in Rust, queried with filter objects.
#[wasm_bindgen]
pub struct Explorer {
    core: Core,
}

#[wasm_bindgen]
impl Explorer {
    /// An explorer on the bundled dataset (state cyber operations involving the Korean Peninsula).
    pub fn bundled() -> Result<Explorer, JsError> {
        Ok(Explorer { core: Core::bundled().map_err(js_err)? })
    }

    /// An explorer on data in the project's own schema given as text: `format` is `"auto"` (the
    /// default), `"csv"` or `"json"`. Other formats (DCID, EuRepoC, CFR, workbooks, mapped
    /// spreadsheets) are read by the importer module: see `www/loader.js`. Throws an `Error` naming
    /// the row and column of bad input.
    #[wasm_bindgen(js_name = fromText)]
    pub fn from_text(text: &str, format: Option<String>) -> Result<Explorer, JsError> {
        let core = Core::from_native(text, format.as_deref().unwrap_or("auto")).map_err(js_err)?;
        Ok(Explorer { core })
    }

    /// An explorer on what the importer module's `importFile` returned: `{facts, more, text,
    /// ends, scale: {key, max}, warnings, format}`, the incidents in columns (typed arrays, which
    /// cross from the worker without a copy and are copied once into this module and checked).
    #[wasm_bindgen(js_name = fromImport)]
    pub fn from_import(imported: JsValue) -> Result<Explorer, JsError> {
        #[derive(serde::Deserialize)]
        struct ScaleRef {
            key: String,
            max: u8,
        }
        #[derive(serde::Deserialize)]
        struct Imported {
            scale: ScaleRef,
            warnings: Vec<Warning>,
            format: String,
        }
        let bad = |what: String| JsError::new(&format!("fromImport: {what} (pass the object importFile returned)"));
        let field = |name: &str| {
            js_sys::Reflect::get(&imported, &JsValue::from_str(name)).map_err(|_| bad(format!("no {name}")))
        };
        let bytes = |name: &str| {
            field(name)?
                .dyn_into::<js_sys::Uint8Array>()
                .map(|a| a.to_vec())
                .map_err(|_| bad(format!("{name} is not a Uint8Array")))
        };
        let words = |name: &str| {
            field(name)?
                .dyn_into::<js_sys::Uint32Array>()
                .map(|a| a.to_vec())
                .map_err(|_| bad(format!("{name} is not a Uint32Array")))
        };
        let parts = Parts {
            facts: bytes("facts")?,
            more: words("more")?,
            text: field("text")?.as_string().ok_or_else(|| bad("text is not a string".into()))?,
            ends: words("ends")?,
        };
        let i: Imported = serde_wasm_bindgen::from_value(imported.clone()).map_err(|e| bad(e.to_string()))?;
        let scale = Scale::from_key(&i.scale.key, i.scale.max)
            .ok_or_else(|| bad(format!("unknown scale '{}'", i.scale.key)))?;
        Ok(Explorer { core: Core::from_import(parts, scale, i.warnings, i.format).map_err(js_err)? })
    }

    /// Statistics of the incidents the filter selects: `{total, byInitiator, byTarget, dyads,
    /// byYear, severityCounts, notCoded, meanSeverity, medianSeverity, maxSeverity,
    /// atOrAboveUseOfForce, atOrAboveArmedAttack, firstYear, lastYear, ...}`.
    pub fn stats(&self, filter: JsValue) -> Result<JsValue, JsError> {
        to_js(&self.core.stats(&filter_from(filter)?).map_err(js_err)?)
    }

    /// The incidents the filter selects, in chronological order, as plain objects.
    pub fn incidents(&self, filter: JsValue) -> Result<JsValue, JsError> {
        to_js(&self.core.records(&filter_from(filter)?).map_err(js_err)?)
    }

    /// What the filter controls can offer: states, methods, objectives and target types present
    /// in the data with their counts, the year range, the ladder, the dataset version and the
    /// import warnings.
    pub fn facets(&self) -> Result<JsValue, JsError> {
        to_js(&self.core.facets())
    }

    /// Everything the import noticed but kept: `[{row, column, message}]` (row 0: the header).
    pub fn warnings(&self) -> Result<JsValue, JsError> {
        to_js(&self.core.warnings())
    }

    /// A filter object from text parameters as `<cyber-spectrum>` attributes and shared links
    /// carry them (`{from: "2009", initiators: "PRK,kp", "min-severity": "3"}`), checked against
    /// this dataset and with canonical codes. Throws an `Error` naming the parameter and value.
    #[wasm_bindgen(js_name = filterFromParams)]
    pub fn filter_from_params(&self, params: JsValue) -> Result<JsValue, JsError> {
        let mut pairs = Vec::new();
        if !params.is_undefined() && !params.is_null() {
            if !params.is_object() {
                return Err(JsError::new("parameters: expected an object such as {from: '2009', initiators: 'PRK'}"));
            }
            // Read by hand rather than through serde: this module is downloaded by every reader.
            for entry in js_sys::Object::entries(params.unchecked_ref::<js_sys::Object>()).iter() {
                let entry: js_sys::Array = entry.unchecked_into();
                let (k, v) = (entry.get(0).as_string().unwrap_or_default(), entry.get(1));
                // Numbers are accepted as whole numbers (f64 formatting would add kilobytes).
                let number = v.as_f64().filter(|n| n.fract() == 0.0 && n.abs() < 1e15).map(|n| (n as i64).to_string());
                let v = v
                    .as_string()
                    .or(number)
                    .ok_or_else(|| JsError::new(&format!("{k}: expected text or a whole number")))?;
                pairs.push((k, v));
            }
        }
        let filter =
            self.core.filter_from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).map_err(js_err)?;
        params_to_filter_object(&filter.to_params())
    }

    /// The incident at `index` (as [`Drawn`] names it: its place in the whole dataset) as a plain
    /// object with every field, or `undefined` past the end.
    pub fn record(&self, index: usize) -> Result<JsValue, JsError> {
        self.core.record(index).map_or(Ok(JsValue::UNDEFINED), |r| to_js(&r))
    }

    /// The index `record` takes of the incident with this id, or -1 when the data has none.
    #[wasm_bindgen(js_name = indexOf)]
    pub fn index_of(&self, id: &str) -> i32 {
        self.core.index_of(id).map_or(-1, |k| k as i32)
    }

    /// Draws `view` (`"spectrum"` or `"timeline"`) of the filtered incidents onto `canvas`, at the
    /// canvas's CSS size and `scale` device pixels per CSS pixel (default: the screen's
    /// devicePixelRatio; 2 for a sharp download), in the theme its CSS custom properties set (see
    /// `chart::Theme::from_css`). Returns a [`Drawn`]: the geometry of what was drawn, for
    /// pointer and keyboard queries until the next draw. Free it (`.free()`) when it is replaced.
    pub fn draw(
        &self,
        canvas: &HtmlCanvasElement,
        view: &str,
        filter: JsValue,
        scale: Option<f64>,
    ) -> Result<Drawn, JsError> {
        let view = View::parse(view).map_err(js_err)?;
        let filter = filter_from(filter)?;
        let (w, h) = (canvas.client_width(), canvas.client_height());
        if w <= 0 || h <= 0 {
            return Err(JsError::new("the canvas has no size on the page (is it hidden?)"));
        }
        let window = web_sys::window().ok_or_else(|| JsError::new("drawing needs a browser window"))?;
        let dpr = scale.filter(|s| s.is_finite()).unwrap_or_else(|| window.device_pixel_ratio()).clamp(1.0, 4.0);
        canvas.set_width((f64::from(w) * dpr).round() as u32);
        canvas.set_height((f64::from(h) * dpr).round() as u32);
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")
            .map_err(|_| JsError::new("the canvas refused a 2d context"))?
            .ok_or_else(|| JsError::new("the canvas has no 2d context"))?
            .dyn_into()
            .map_err(|_| JsError::new("the canvas context is not 2d"))?;
        ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).map_err(|_| JsError::new("cannot scale the canvas"))?;
        // The theme: CSS custom properties on the canvas or any ancestor, and the font the canvas
        // inherits (an embed takes its host article's font unless --cs-font says otherwise).
        let style = window.get_computed_style(canvas).ok().flatten();
        let prop = |name: &str| style.as_ref().and_then(|s| s.get_property_value(name).ok());
        let (theme, theme_issues) = Theme::from_css(prop, prop("font-family").as_deref());
        let inner = CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or_else(|| JsError::new("cannot draw on this canvas"))?;
        let backend =
            HiDpi { inner, ctx, width: w as u32, height: h as u32, fill: None, stroke: None, font: Default::default() };
        let layout = self.core.draw(&backend.into_drawing_area(), view, &filter, &theme).map_err(js_err)?;
        Ok(Drawn { layout, theme_issues })
    }
}

/// What one draw put on a canvas, kept so pointer and keyboard queries are answered from the
/// geometry really drawn (CSS pixels, right at any devicePixelRatio and after any resize). Marks
/// are numbered in reading order: level by level on the spectrum, in time order on the timeline.
/// Numbers come back as plain arrays rather than objects: this module is downloaded by every reader.
#[wasm_bindgen]
pub struct Drawn {
    layout: Layout,
    theme_issues: Vec<String>,
}

#[wasm_bindgen]
impl Drawn {
    /// CSS width the chart was laid out for.
    #[wasm_bindgen(getter)]
    pub fn width(&self) -> u32 {
        self.layout.width
    }

    #[wasm_bindgen(getter)]
    pub fn height(&self) -> u32 {
        self.layout.height
    }

    /// How many incident marks were drawn.
    #[wasm_bindgen(getter)]
    pub fn marks(&self) -> usize {
        self.layout.marks.len()
    }

    /// True when the chart shows counts (bars, shaded cells) because a mark per incident would
    /// not fit; there are then no marks, and `band` answers for the counts.
    #[wasm_bindgen(getter)]
    pub fn aggregated(&self) -> bool {
        self.layout.aggregated
    }

    /// One message per theme custom property that could not be read (the default was used).
    #[wasm_bindgen(getter, js_name = themeIssues)]
    pub fn theme_issues(&self) -> Vec<String> {
        self.theme_issues.clone()
    }

    /// The number of the mark nearest to `(x, y)` (CSS pixels from the canvas's top left) whose
    /// edge is within `slop` pixels (default 16, a fingertip), or -1.
    pub fn hit(&self, x: f64, y: f64, slop: Option<f64>) -> i32 {
        let slop = slop.unwrap_or(TOUCH_SLOP);
        self.layout.hit_number(x, y, slop).map_or(-1, |k| k as i32)
    }

    /// Mark number `k` as `[x, y, r, group, incident]` (group: the level, -1 for not coded, or the
    /// year; incident: the index `Explorer.record` takes), or an empty array past the end.
    pub fn mark(&self, k: usize) -> Vec<f64> {
        self.layout.marks.get(k).map_or_else(Vec::new, |m| vec![m.x, m.y, m.r, f64::from(m.group), m.index as f64])
    }

    /// The number of the mark that shows `incident`, or -1 (it is not in this chart).
    pub fn find(&self, incident: usize) -> i32 {
        self.layout.marks.iter().position(|m| m.index == incident).map_or(-1, |k| k as i32)
    }

    /// The band (a level of the spectrum, a year of the timeline) under `(x, y)` as `[x0, x1, top,
    /// bottom, key, count]` (key: the level, -1 for not coded, or the year), or an empty array.
    pub fn band(&self, x: f64, y: f64) -> Vec<f64> {
        self.layout
            .band_at(x, y)
            .map_or_else(Vec::new, |b| vec![b.x0, b.x1, b.top, b.bottom, f64::from(b.key), b.count as f64])
    }
}

/// The canvas backend seen at CSS size: the context is already scaled by devicePixelRatio, so
/// layout, text measurement and mark geometry are all in CSS pixels while the pixels stay sharp.
/// Text is measured with the canvas itself rather than plotters' DOM probe. Shapes (rectangles,
/// polygons, circles, paths: every mark and cell) are drawn here directly, setting a fill or
/// stroke colour only when it changes: each colour set is a string crossing into JavaScript and
/// parsed as CSS, and marks of one series share theirs. Text and lines go through plotters-canvas,
/// which sets colours itself, so both remembered colours are forgotten after them.
struct HiDpi {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    width: u32,
    height: u32,
    fill: Option<Key>,
    stroke: Option<(Key, u32)>,
    font: std::cell::RefCell<String>,
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

/// A filter object as text parameters, `[[name, value], ...]` in a fixed order, for links and
/// embed code (the inverse of `Explorer.filterFromParams`). Throws on a malformed filter.
#[wasm_bindgen(js_name = filterToParams)]
pub fn filter_to_params(filter: JsValue) -> Result<js_sys::Array, JsError> {
    Ok(filter_from(filter)?
        .to_params()
        .into_iter()
        .map(|(k, v)| js_sys::Array::of2(&JsValue::from_str(k), &JsValue::from_str(&v)))
        .collect())
}

/// A filter object (as the API spells its fields) from parameters `Filter::to_params` wrote.
fn params_to_filter_object(params: &[(&'static str, String)]) -> Result<JsValue, JsError> {
    let object = js_sys::Object::new();
    for (param, value) in params {
        let field = Filter::PARAMS.iter().find(|(p, _)| p == param).map_or(*param, |(_, f)| f);
        let v: JsValue = match *param {
            "from" | "to" | "min-severity" | "max-severity" => {
                value.parse::<i32>().map(JsValue::from).unwrap_or_else(|_| JsValue::from_str(value))
            }
            "search" => JsValue::from_str(value),
            _ => value.split(',').map(JsValue::from_str).collect::<js_sys::Array>().into(),
        };
        js_sys::Reflect::set(&object, &JsValue::from_str(field), &v)
            .map_err(|_| JsError::new("cannot build the filter object"))?;
    }
    Ok(object.into())
}

/// The parameter names of the filter fields, in order (`from`, `to`, ..., `target-types`, ...).
#[wasm_bindgen(js_name = filterParamNames)]
pub fn filter_param_names() -> Vec<String> {
    Filter::PARAMS.iter().map(|(p, _)| p.to_string()).collect()
}

/// Every allocation of the explorer module is counted (see src/alloc.rs), for `memoryUse()`.
#[global_allocator]
static ALLOCATOR: crate::alloc::Counting = crate::alloc::Counting;

/// `{heap, total}`: bytes the core's allocations hold now, and the size of its WebAssembly
/// memory (which grows when needed and never shrinks).
#[wasm_bindgen(js_name = memoryUse)]
pub fn memory_use() -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct Memory {
        heap: usize,
        total: usize,
    }
    to_js(&Memory { heap: crate::alloc::in_use(), total: core::arch::wasm32::memory_size(0) * 65_536 })
}

/// For tests only: panics inside the core with `message`, so a test can check that a panic
/// reaches the page as one embed's error and leaves the module working for the others.
#[wasm_bindgen(js_name = panicForTest)]
#[doc(hidden)]
#[allow(clippy::panic)]
pub fn panic_for_test(message: &str) {
    panic!("{message}");
}
