//! The importer module's JavaScript surface (wasm32, feature `importer`): every format the
//! explorer reads (the project's CSV/JSON, DCID, EuRepoC, CFR, mapped spreadsheets, .xlsx
//! workbooks) turned into the project's CSV for the explorer module. It needs no DOM, so the page
//! runs it in a Web Worker (www/import-worker.js) and downloads it only when a reader loads a file.

use super::to_js;
use crate::import::{self, Format, Mapping, Warning};
use crate::model::Scale;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The importer module allocates through talc too (see src/alloc.rs), without counting: 2 KB
/// smaller than with dlmalloc. (A build with the explorer as well has the explorer's allocator.)
#[cfg(not(feature = "explorer"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[derive(Serialize)]
struct Imported<'a> {
    scale: &'a Scale,
    warnings: &'a [Warning],
    /// What the file was read as, e.g. `dcid (xlsx sheet 'Cyber Incidents')`.
    format: String,
    total: usize,
}

/// A mapping object `{start: "Date", initiator: "Attacker", ...}` (undefined or null: none).
fn mapping_from(value: JsValue) -> Result<Option<Mapping>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(JsError::new("mapping: expected a plain object such as {start: 'Date', initiator: 'Attacker'}"));
    }
    let mut pairs = Vec::new();
    for entry in js_sys::Object::entries(value.unchecked_ref::<js_sys::Object>()).iter() {
        let entry = js_sys::Array::from(&entry);
        let key = entry.get(0).as_string().unwrap_or_default();
        let column = entry.get(1);
        if column.is_undefined() || column.is_null() {
            continue;
        }
        let column = column
            .as_string()
            .ok_or_else(|| JsError::new(&format!("mapping: '{key}' must name a column (a string)")))?;
        pairs.push((key, column));
    }
    Ok(Some(Mapping::new(pairs)?))
}

/// Reads a file's bytes (a `Uint8Array`) in `format` (`"auto"` by default; `"csv"`, `"json"`,
/// `"dcid"`, `"eurepoc"`, `"cfr"`, or `"mapped"` with a `mapping`). Returns `{facts, more, text,
/// ends, scale, warnings, format, total}` (the incidents in columns: `facts` and `text` (UTF-8)
/// Uint8Arrays, `more` and `ends` Uint32Arrays; see `store::Parts`) for the explorer module's `Explorer.fromImport`.
/// Throws an `Error` naming the row and column of input that cannot be read.
#[wasm_bindgen(js_name = importFile, unchecked_return_type = "Imported")]
pub fn import_file(
    bytes: &[u8],
    format: Option<String>,
    #[wasm_bindgen(unchecked_param_type = "Record<string, string> | null | undefined")] mapping: JsValue,
) -> Result<JsValue, JsError> {
    super::ready();
    let format = Format::from_name(format.as_deref().unwrap_or("auto"))?;
    let mapping = mapping_from(mapping)?;
    let (data, name) = import::parse_bytes(bytes, format, mapping.as_ref())?;
    imported(data, name)
}

/// What `importFile` and `Reading.finish` return: the incidents in columns, with their scale,
/// warnings and responses, for the explorer module's `Explorer.fromImport`.
fn imported(data: import::Dataset, name: String) -> Result<JsValue, JsError> {
    let out =
        to_js(&Imported { scale: &data.scale, warnings: &data.warnings, format: name, total: data.incidents.len() })?;
    let parts = data.incidents.into_parts();
    let set = |key: &str, value: JsValue| {
        js_sys::Reflect::set(&out, &JsValue::from_str(key), &value)
            .map(drop)
            .map_err(|_| JsError::new("cannot build the import result"))
    };
    set("facts", js_sys::Uint8Array::from(parts.facts.as_slice()).into())?;
    set("more", js_sys::Uint32Array::from(parts.more.as_slice()).into())?;
    set("ends", js_sys::Uint32Array::from(parts.ends.as_slice()).into())?;
    // UTF-8 bytes rather than a string: the worker transfers them without a copy, and the page
    // never decodes 25 MB of text into a JavaScript string only to encode it back.
    set("text", js_sys::Uint8Array::from(parts.text.as_bytes()).into())?;
    // The responses the source records (CFR, EuRepoC), packed; absent: not in this data.
    if let Some(list) = &data.responses {
        set("responses", JsValue::from_str(&crate::events::pack(list)))?;
    }
    Ok(out)
}

/// A file read while it downloads: `push` each piece of its bytes as it arrives, then `finish`
/// for what `importFile` returns. The rows of a DCID sheet or of the project's CSV are read as they
/// arrive (so reading overlaps the download); other formats are read at `finish`. Errors are those
/// of `importFile` on the whole file, thrown by the piece that shows them (which ends the reading)
/// or by `finish`.
#[wasm_bindgen]
pub struct Reading {
    stream: Option<import::Stream>,
}

#[wasm_bindgen]
impl Reading {
    /// A file in `format` (as `importFile`'s; no mapping), of about `expected` bytes if known.
    #[wasm_bindgen(constructor)]
    pub fn new(format: Option<String>, expected: Option<f64>) -> Result<Reading, JsError> {
        super::ready();
        let format = Format::from_name(format.as_deref().unwrap_or("auto"))?;
        let expected = expected.filter(|n| n.is_finite() && *n > 0.0).map_or(0, |n| n as usize);
        Ok(Reading { stream: Some(import::Stream::new(format, expected)) })
    }

    /// Takes the next piece of the file, copied from the array straight into the module.
    pub fn push(&mut self, piece: &js_sys::Uint8Array) -> Result<(), JsError> {
        let stream = self.stream.as_mut().ok_or_else(finished)?;
        let pushed = stream.push_with(piece.length() as usize, |into| piece.copy_to(into));
        if pushed.is_err() {
            self.stream = None; // what it read so far is no file's
        }
        Ok(pushed?)
    }

    /// The file read, once every piece is pushed: what `importFile` returns.
    #[wasm_bindgen(unchecked_return_type = "Imported")]
    pub fn finish(&mut self) -> Result<JsValue, JsError> {
        let (data, name) = self.stream.take().ok_or_else(finished)?.finish()?;
        imported(data, name)
    }
}

fn finished() -> JsError {
    JsError::new("this reading is finished, or failed: start a new one")
}

/// The column names of a file, for choosing a mapping.
#[wasm_bindgen]
pub fn columns(bytes: &[u8]) -> Result<Vec<String>, JsError> {
    super::ready();
    Ok(import::columns(bytes)?)
}
