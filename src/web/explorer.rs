//! The explorer module's JavaScript surface (wasm32, feature `explorer`): one exported class
//! holding the core explorer, plain objects in and out (read field by field, written by
//! `super::plain`), errors thrown as JS `Error`s, and canvas drawing that is sharp at any
//! devicePixelRatio. It reads the project's own schema only; every other format is read by the
//! importer module (src/web/import.rs) and handed over as that schema. No unwrap here: a failure
//! must reach the page as a message.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::canvas::HiDpi;
use super::params::{filter_from, filter_to_object, params_from};
#[cfg(feature = "imports")]
use super::receive::{Copying, Meta, Receiving};
use super::to_js;
use crate::chart::{Layout, Theme, View, TOUCH_SLOP};
use crate::events::{EventRecord, WINDOW_DAYS};
use crate::explorer::Explorer as Core;
#[cfg(feature = "imports")]
use crate::import::Warning;
#[cfg(feature = "imports")]
use crate::model::Scale;
use crate::model::Split;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;

pub use super::params::filter_to_params;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The explorer: one dataset held in Rust, queried with filter objects.
#[wasm_bindgen]
pub struct Explorer {
    core: Core,
}

#[cfg(feature = "imports")]
impl Explorer {
    pub(super) fn from_core(core: Core) -> Explorer {
        Explorer { core }
    }
}

#[wasm_bindgen]
impl Explorer {
    /// An explorer on the bundled dataset (state cyber operations involving the Korean Peninsula),
    /// from its incidents' columns: the bytes of `pkg/cyber_spectrum_incidents.bin`, served beside
    /// the module (which leaves them out: a page with data of its own never downloads them).
    pub fn bundled(parts: &[u8]) -> Result<Explorer, JsError> {
        Ok(Explorer { core: Core::from_parts(parts)? })
    }

    /// Statistics of the incidents the filter selects: `{total, byInitiator, byTarget, dyads,
    /// byYear, severityCounts, notCoded, undated, meanSeverity, medianSeverity, maxSeverity,
    /// reading, atOrAboveUseOfForce, atOrAboveArmedAttack, undecidedUseOfForce, ..., firstYear,
    /// lastYear, ...}`; the threshold figures follow the filter's legal reading.
    #[wasm_bindgen(unchecked_return_type = "Stats")]
    pub fn stats(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
    ) -> Result<JsValue, JsError> {
        to_js(&*self.core.shared_stats(&filter_from(filter)?)?)
    }

    /// Whether the bundled dataset's long texts (rationale, attribution, description, sources)
    /// are still to be attached: the module leaves them out to start faster, and the page fetches
    /// them (`pkg/cyber_spectrum_text.txt`, beside the module) for the first card, table or
    /// download. Records show empty texts until then.
    #[wasm_bindgen(js_name = needsText)]
    pub fn needs_text(&self) -> bool {
        self.core.needs_text()
    }

    /// Adds the bundled dataset's long texts from the text of `pkg/cyber_spectrum_text.txt`;
    /// returns how many incidents got theirs. Throws on a file of another dataset version.
    #[wasm_bindgen(js_name = attachText)]
    pub fn attach_text(&mut self, text: &str) -> Result<usize, JsError> {
        Ok(self.core.attach_text(text)?)
    }

    /// For each legal reading, how many of the incidents the filter selects reach each threshold,
    /// and which (the first 50, most severe first); the filter's own `reading` is ignored. Empty
    /// on a scale the readings do not apply to.
    #[wasm_bindgen(unchecked_return_type = "ReadingRow[]")]
    pub fn compare(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
    ) -> Result<JsValue, JsError> {
        to_js(&self.core.compare(&filter_from(filter)?)?)
    }

    /// What the incident at `index` amounts to under the filter's reading, with the
    /// collective-defence clauses its targets bring into play when it reaches armed attack;
    /// `undefined` for an incident not coded or data the readings do not apply to.
    #[wasm_bindgen(unchecked_return_type = "Assessment | undefined")]
    pub fn assess(
        &self,
        index: usize,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
    ) -> Result<JsValue, JsError> {
        match self.core.assess(index, &filter_from(filter)?)? {
            Some(a) => to_js(&a),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The incidents the filter selects, in chronological order, as plain objects.
    #[wasm_bindgen(unchecked_return_type = "IncidentRecord[]")]
    pub fn incidents(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
    ) -> Result<JsValue, JsError> {
        to_js(&self.core.records(&filter_from(filter)?)?)
    }

    /// The rows (as `record` takes them) the filter selects, in chronological order: a
    /// `Uint32Array`, however large the selection, for paging through it with `recordsOf`.
    pub fn selection(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
    ) -> Result<Vec<u32>, JsError> {
        Ok(self.core.select(&filter_from(filter)?)?)
    }

    /// The incidents at these rows (from `selection` or a `Sorter`), as plain objects: take a few
    /// thousand at a time, so a million rows never hold the page for long.
    #[wasm_bindgen(js_name = recordsOf, unchecked_return_type = "IncidentRecord[]")]
    pub fn records_of(&self, rows: &[u32]) -> Result<JsValue, JsError> {
        let records: Vec<_> = rows.iter().filter_map(|&k| self.core.record(k as usize)).collect();
        to_js(&records)
    }

    /// The CSV lines (our schema's columns, each line ended by CRLF) of the incidents at these
    /// rows, as UTF-8 bytes: the download writes a few thousand at a time after its `#` preamble
    /// and header, and hands the bytes to a Blob as they are (a million rows as strings were 45 MB
    /// of the page's heap to decode, encode again and collect).
    #[wasm_bindgen(js_name = csvRows)]
    pub fn csv_rows(&self, rows: &[u32]) -> Result<Vec<u8>, JsError> {
        Ok(self.core.csv_rows(rows)?.into_bytes())
    }

    /// The selection in the table's order: `key` is `date`, `name`, `initiator`, `target` or
    /// `severity` (ties by date). Returns a [`Sorter`]: call `step(explorer)` until it returns
    /// true (each step is a few milliseconds, so the page can stay responsive between them), then
    /// read `order()`.
    pub fn sorter(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
        key: &str,
        descending: bool,
    ) -> Result<Sorter, JsError> {
        let rows = self.core.select(&filter_from(filter)?)?;
        let key = crate::explorer::SortKey::parse(key)?;
        Ok(Sorter { inner: crate::explorer::Sorter::new(&self.core, rows, key, descending) })
    }

    /// What the filter controls can offer: states, methods, objectives and target types present
    /// in the data with their counts, the year range, the ladder, the dataset version and the
    /// import warnings.
    #[wasm_bindgen(unchecked_return_type = "Facets")]
    pub fn facets(&self) -> Result<JsValue, JsError> {
        to_js(&self.core.facets())
    }

    /// Everything the import noticed but kept: `[{row, column, message}]` (row 0: the header).
    #[wasm_bindgen(unchecked_return_type = "Warning[]")]
    pub fn warnings(&self) -> Result<JsValue, JsError> {
        to_js(&self.core.warnings())
    }

    /// A filter object from text parameters as `<cyber-spectrum>` attributes and shared links
    /// carry them (`{from: "2009", initiators: "PRK,kp", "min-severity": "3"}`), checked against
    /// this dataset and with canonical codes. Throws an `Error` naming the parameter and value.
    #[wasm_bindgen(js_name = filterFromParams, unchecked_return_type = "Filter")]
    pub fn filter_from_params(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Record<string, string | number>")] params: JsValue,
    ) -> Result<JsValue, JsError> {
        let pairs = params_from(params)?;
        let filter = self.core.filter_from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
        filter_to_object(&filter)
    }

    /// The incident at `index` (as [`Drawn`] names it: its place in the whole dataset) as a plain
    /// object with every field, or `undefined` past the end.
    #[wasm_bindgen(unchecked_return_type = "IncidentRecord | undefined")]
    pub fn record(&self, index: usize) -> Result<JsValue, JsError> {
        self.core.record(index).map_or(Ok(JsValue::UNDEFINED), |r| to_js(&r))
    }

    /// The responses to the incident at `index`, in date order (each with the days since the
    /// incident's start), or null when the data carries no responses.
    #[wasm_bindgen(js_name = responsesOf, unchecked_return_type = "ResponseRecord[] | null")]
    pub fn responses_of(&self, index: usize) -> Result<JsValue, JsError> {
        self.core.responses_of(index).map_or(Ok(JsValue::NULL), |r| to_js(&r))
    }

    /// The context events (dated non-cyber events on the peninsula), oldest first: the index a
    /// drawn event mark names is a place in this list.
    #[wasm_bindgen(unchecked_return_type = "ContextEvent[]")]
    pub fn context(&self) -> Result<JsValue, JsError> {
        let events: Vec<EventRecord> = self.core.context().iter().map(EventRecord::from).collect();
        to_js(&events)
    }

    /// For each list field of the filter, how many incidents each value would select with the
    /// rest of the filter as it is: `{initiators: {PRK: 22, ...}, targets: {...}, methods, objectives,
    /// targetTypes, attribution, responses}` (values absent: none). The counts the filter lists
    /// show beside their choices, following the selection.
    #[wasm_bindgen(js_name = facetCounts, unchecked_return_type = "Record<string, Record<string, number>>")]
    pub fn facet_counts(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
    ) -> Result<JsValue, JsError> {
        let out = js_sys::Object::new();
        let mut field: Option<(&str, js_sys::Object)> = None;
        let set =
            |o: &js_sys::Object, k: &str, v: &JsValue| js_sys::Reflect::set(o, &JsValue::from_str(k), v).map(drop);
        for (name, value, count) in self.core.facet_counts(&filter_from(filter)?)? {
            if field.as_ref().is_none_or(|(f, _)| *f != name) {
                let o = js_sys::Object::new();
                let _ = set(&out, name, &o);
                field = Some((name, o));
            }
            if let Some((_, o)) = &field {
                let _ = set(o, value, &JsValue::from_f64(count as f64));
            }
        }
        Ok(out.into())
    }

    /// How many of the selection's incidents started within `days` (default 30) of a context
    /// event, and how many would by chance (see `Stats.clustering`).
    #[wasm_bindgen(unchecked_return_type = "Clustering")]
    pub fn clustering(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
        days: Option<u32>,
    ) -> Result<JsValue, JsError> {
        to_js(&self.core.clustering(&filter_from(filter)?, days.unwrap_or(WINDOW_DAYS).min(3650))?)
    }

    /// The states a comparison by `compare` (`"initiator"` or `"target"`) shows, a panel each:
    /// `[{code, name, count, share, meanSeverity, medianSeverity, maxSeverity}]`, those the filter
    /// names or else the four with most incidents.
    #[wasm_bindgen(unchecked_return_type = "CountryCount[]")]
    pub fn panels(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
        compare: &str,
    ) -> Result<JsValue, JsError> {
        to_js(&self.core.panels(&filter_from(filter)?, split_of(compare)?)?)
    }

    /// The index `record` takes of the incident with this id, or -1 when the data has none.
    #[wasm_bindgen(js_name = indexOf)]
    pub fn index_of(&self, id: &str) -> i32 {
        self.core.index_of(id).map_or(-1, |k| k as i32)
    }

    /// Draws `view` (`"spectrum"`, `"timeline"` or `"responses"`) of the filtered incidents onto `canvas`, at the
    /// canvas's CSS size and `scale` device pixels per CSS pixel (default: the screen's
    /// devicePixelRatio; 2 for a sharp download), with the timeline's lane of context events when
    /// `context` is true, in the theme its CSS custom properties set (see
    /// `chart::Theme::from_css`); with `compare` (`"initiator"` or `"target"`) as small multiples,
    /// a panel per state of `panels` stacked down the canvas. Returns a [`Drawn`]: the geometry of
    /// what was drawn, for pointer and keyboard queries until the next draw. Free it (`.free()`)
    /// when it is replaced.
    pub fn draw(
        &self,
        canvas: &HtmlCanvasElement,
        view: &str,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
        scale: Option<f64>,
        context: Option<bool>,
        compare: Option<String>,
    ) -> Result<Drawn, JsError> {
        let view = View::parse(view)?;
        let filter = filter_from(filter)?;
        let split = compare.filter(|c| !c.is_empty()).map(|c| split_of(&c)).transpose()?;
        let (w, h) = (canvas.client_width(), canvas.client_height());
        if w <= 0 || h <= 0 {
            return Err(JsError::new("the canvas has no size on the page (is it hidden?)"));
        }
        let window = web_sys::window().ok_or_else(|| JsError::new("drawing needs a browser window"))?;
        let dpr = scale.filter(|s| s.is_finite()).unwrap_or_else(|| window.device_pixel_ratio()).clamp(1.0, 4.0);
        // The theme: CSS custom properties on the canvas or any ancestor, and the font the canvas
        // inherits (an embed takes its host article's font unless --cs-font says otherwise). Read
        // before the canvas is touched, so the page's style is worked out at most once here.
        let style = window.get_computed_style(canvas).ok().flatten();
        let prop = |name: &str| style.as_ref().and_then(|s| s.get_property_value(name).ok());
        let (theme, theme_issues) = Theme::from_css(prop, prop("font-family").as_deref());
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")
            .map_err(|_| JsError::new("the canvas refused a 2d context"))?
            .ok_or_else(|| JsError::new("the canvas has no 2d context"))?
            .dyn_into()
            .map_err(|_| JsError::new("the canvas context is not 2d"))?;
        let (pw, ph) = ((f64::from(w) * dpr).round() as u32, (f64::from(h) * dpr).round() as u32);
        if canvas.width() == pw && canvas.height() == ph {
            // The same size as the last drawing: cleared, not resized. Setting a canvas's size
            // (even to the one it has) changes its attributes, and the browser then works out the
            // page's style and layout again when anything next asks (the next chart's size, say).
            // Every state a drawing relies on (colours, font, anchor, line width) the backend sets
            // before its first use.
            ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0).map_err(|_| JsError::new("cannot scale the canvas"))?;
            ctx.clear_rect(0.0, 0.0, f64::from(pw), f64::from(ph));
        } else {
            canvas.set_width(pw);
            canvas.set_height(ph);
        }
        ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).map_err(|_| JsError::new("cannot scale the canvas"))?;
        let backend = HiDpi::new(ctx, w as u32, h as u32);
        let area = backend.into_drawing_area();
        let context = context.unwrap_or(false);
        let layout = match split {
            Some(by) => self.core.draw_split(&area, view, &filter, &theme, context, by)?,
            None => self.core.draw_with(&area, view, &filter, &theme, context)?,
        };
        Ok(Drawn { layout, theme_issues })
    }
}

/// `compare` read as a [`Split`], or an error naming the accepted values.
fn split_of(compare: &str) -> Result<Split, JsError> {
    Split::parse(compare)
        .ok_or_else(|| JsError::new(&format!("compare: '{compare}' is not one of: {}", Split::expected())))
}

/// How long one step of `Receiving`, `Sorter` or `Preparing` works before it returns, in milliseconds.
const STEP_MS: f64 = 8.0;

/// Repeats `work` (a small piece, returning true when all is done) for about [`STEP_MS`]. Timed
/// rather than counted: the same rows take several times longer while the browser still runs a
/// function's baseline code than once it has optimised it.
pub(super) fn for_a_while(mut work: impl FnMut() -> Result<bool, JsError>) -> Result<bool, JsError> {
    let begun = js_sys::Date::now();
    loop {
        if work()? {
            return Ok(true);
        }
        if js_sys::Date::now() - begun >= STEP_MS {
            return Ok(false);
        }
    }
}

/// What takes data other than the bundled dataset: a publisher's own file, handed over by the
/// importer module, its context events, and a large dataset's first state worked out in steps.
/// Feature `imports` (on by default): the page starts on the bundled dataset with a build without
/// it (`cyber_spectrum_bundled`), fetching this one only for data of its own.
#[cfg(feature = "imports")]
#[wasm_bindgen]
impl Explorer {
    /// An explorer on what the importer module's `importFile` returned: `{facts, more, text,
    /// ends, scale: {key, max}, warnings, format}`, the incidents in columns (typed arrays, which
    /// cross from the worker without a copy and are copied once into this module and checked).
    /// For a large file, `receive` does the same in steps.
    #[wasm_bindgen(js_name = fromImport)]
    pub fn from_import(
        #[wasm_bindgen(unchecked_param_type = "Imported")] imported: JsValue,
    ) -> Result<Explorer, JsError> {
        let mut r = Explorer::receive(imported)?;
        while !r.step()? {}
        r.finish()
    }

    /// `fromImport` in steps: returns a [`Receiving`]; call `step()` until it returns true (each
    /// copies in or checks part of the data for a few milliseconds), then `finish()` for the
    /// explorer.
    pub fn receive(#[wasm_bindgen(unchecked_param_type = "Imported")] imported: JsValue) -> Result<Receiving, JsError> {
        let bad = |what: String| JsError::new(&format!("fromImport: {what} (pass the object importFile returned)"));
        // Read field by field rather than through serde's deserialiser, which would bring float
        // formatting (for its error messages) into the module.
        let get = |from: &JsValue, name: &str| {
            js_sys::Reflect::get(from, &JsValue::from_str(name)).map_err(|_| bad(format!("no {name}")))
        };
        let field = |name: &str| get(&imported, name);
        let text = |from: &JsValue, name: &str| {
            get(from, name)?.as_string().ok_or_else(|| bad(format!("{name} is not a string")))
        };
        let number = |value: JsValue, name: &str, max: u32| match value.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=f64::from(max)).contains(&n) => Ok(n as u32),
            _ => Err(bad(format!("{name} is not a whole number up to {max}"))),
        };
        let whole = |from: &JsValue, name: &str, max: u32| number(get(from, name)?, name, max);
        let bytes = |name: &str| {
            field(name)?.dyn_into::<js_sys::Uint8Array>().map_err(|_| bad(format!("{name} is not a Uint8Array")))
        };
        let words = |name: &str| {
            field(name)?.dyn_into::<js_sys::Uint32Array>().map_err(|_| bad(format!("{name} is not a Uint32Array")))
        };
        // Copied in by the steps (see src/web/receive.rs).
        let copying = Copying::new(bytes("facts")?, words("more")?, words("ends")?, bytes("text")?);
        let scale = field("scale")?;
        let key = text(&scale, "key")?;
        let scale = Scale::from_key(&key, whole(&scale, "max", 255)? as u8)
            .ok_or_else(|| bad(format!("unknown scale '{key}'")))?;
        let list: js_sys::Array = field("warnings")?.dyn_into().map_err(|_| bad("warnings is not an array".into()))?;
        let mut warnings = Vec::with_capacity(list.length() as usize);
        // The three keys made once, not for each of up to a thousand warnings (each a string
        // decoded into JavaScript: 10 to 25 ms for a DCID file's warnings).
        let keys = ["row", "column", "message"].map(JsValue::from_str);
        let at = |w: &JsValue, k: usize| js_sys::Reflect::get(w, &keys[k]).unwrap_or(JsValue::UNDEFINED);
        for w in list.iter() {
            let row = number(at(&w, 0), "a warning's row", u32::MAX)? as usize;
            let (Some(column), Some(message)) = (at(&w, 1).as_string(), at(&w, 2).as_string()) else {
                return Err(bad("a warning's column or message is not a string".into()));
            };
            warnings.push(Warning { row, column, message });
        }
        let format = text(&imported, "format")?;
        let responses = field("responses")?;
        let responses = match responses.is_undefined() || responses.is_null() {
            true => None,
            false => Some(responses.as_string().ok_or_else(|| bad("responses is not a string".into()))?),
        };
        Ok(Receiving::new(copying, Meta { scale, warnings, format, responses }))
    }

    /// Works out the filter's statistics and the charts' counts of its selection ahead, in steps:
    /// returns a [`Preparing`]; call `step(explorer)` until it returns true (each works a few
    /// milliseconds), and `stats` and the charts of that filter then answer at once. For a large
    /// dataset's first state, so no single call holds the page for the whole pass.
    pub fn prepare(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
    ) -> Result<Preparing, JsError> {
        Ok(Preparing { inner: self.core.prepare(&filter_from(filter)?)? })
    }

    /// Replaces the context events with a publisher's own: the rows of a CSV in the columns of
    /// `data/context.csv` (id, date, end, kind, name, description, sources) as packed text (cells
    /// separated by U+001F, rows by U+001E, the header first; `context-file.js` turns a CSV into
    /// it). Returns how many; throws naming the row and column of a bad value, keeping the events
    /// shown before.
    #[wasm_bindgen(js_name = setContext)]
    pub fn set_context(&mut self, packed: &str) -> Result<usize, JsError> {
        Ok(self.core.set_context(&crate::import::table::Table::from_packed(packed))?)
    }
}

/// A filter's statistics and chart counts being worked out ahead (see `Explorer.prepare`).
#[cfg(feature = "imports")]
#[wasm_bindgen]
pub struct Preparing {
    inner: crate::explorer::Preparing,
}

#[cfg(feature = "imports")]
#[wasm_bindgen]
impl Preparing {
    /// One step on the explorer it came from; true once everything is counted.
    pub fn step(&mut self, explorer: &Explorer) -> Result<bool, JsError> {
        for_a_while(|| Ok(self.inner.step(&explorer.core)?))
    }
}

/// A selection being put in the table's order (see `Explorer.sorter`).
#[wasm_bindgen]
pub struct Sorter {
    inner: crate::explorer::Sorter,
}

#[wasm_bindgen]
impl Sorter {
    /// One step of the sort on the explorer it came from; true once the order is complete.
    pub fn step(&mut self, explorer: &Explorer) -> Result<bool, JsError> {
        for_a_while(|| Ok(self.inner.step(&explorer.core)?))
    }

    /// The rows in order (complete once `step` returned true).
    pub fn order(&self) -> Vec<u32> {
        self.inner.order().to_vec()
    }
}

/// What one draw put on a canvas, kept so pointer and keyboard queries are answered from the
/// geometry really drawn (CSS pixels, right at any devicePixelRatio and after any resize). Marks
/// are numbered in reading order: level by level on the spectrum, in time order on the timeline.
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

    /// Mark number `k` (`{x, y, r, group, incident}`), or undefined past the end.
    #[wasm_bindgen(unchecked_return_type = "Mark | undefined")]
    pub fn mark(&self, k: usize) -> JsValue {
        self.layout.marks.get(k).map_or(JsValue::UNDEFINED, |m| {
            numbers(&[("x", m.x), ("y", m.y), ("r", m.r), ("group", f64::from(m.group)), ("incident", m.index as f64)])
        })
    }

    /// The context event whose marker is within `slop` pixels (default 8) of `(x, y)`: its index
    /// in `Explorer.context()`, or -1.
    pub fn event(&self, x: f64, y: f64, slop: Option<f64>) -> i32 {
        self.layout.event_at(x, y, slop.unwrap_or(8.0)).map_or(-1, |m| m.index as i32)
    }

    /// Where the marker of context event `index` was drawn (`{x, y, r}`), or undefined.
    #[wasm_bindgen(js_name = eventMark, unchecked_return_type = "{ x: number; y: number; r: number } | undefined")]
    pub fn event_mark(&self, index: usize) -> JsValue {
        self.layout
            .events
            .iter()
            .find(|m| m.index == index)
            .map_or(JsValue::UNDEFINED, |m| numbers(&[("x", m.x), ("y", m.y), ("r", m.r)]))
    }

    /// The number of the mark that shows `incident`, or -1 (it is not in this chart).
    pub fn find(&self, incident: usize) -> i32 {
        self.layout.marks.iter().position(|m| m.index == incident).map_or(-1, |k| k as i32)
    }

    /// The band (a level of the spectrum, a year of the timeline) under `(x, y)` (`{x0, x1, top,
    /// bottom, key, count}`), or undefined.
    #[wasm_bindgen(unchecked_return_type = "Band | undefined")]
    pub fn band(&self, x: f64, y: f64) -> JsValue {
        self.layout.band_at(x, y).map_or(JsValue::UNDEFINED, |b| {
            numbers(&[
                ("x0", b.x0),
                ("x1", b.x1),
                ("top", b.top),
                ("bottom", b.bottom),
                ("key", f64::from(b.key)),
                ("count", b.count as f64),
            ])
        })
    }
}

/// A plain object of numbers. Built by hand: an exported class per shape would add its glue to
/// every reader's download, and serde would add more.
fn numbers(fields: &[(&str, f64)]) -> JsValue {
    let object = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(k), &JsValue::from_f64(*v));
    }
    object.into()
}

/// Every allocation of the explorer module is counted (see src/alloc.rs), for `memoryUse()`.
#[global_allocator]
static ALLOCATOR: crate::alloc::Counting = crate::alloc::Counting;

/// `{heap, total}`: bytes the core's allocations hold now, and the size of its WebAssembly
/// memory (which grows when needed and never shrinks).
#[wasm_bindgen(js_name = memoryUse, unchecked_return_type = "{ heap: number; total: number }")]
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
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = panicForTest)]
#[doc(hidden)]
#[allow(clippy::panic)]
pub fn panic_for_test(message: &str) {
    panic!("{message}");
}
