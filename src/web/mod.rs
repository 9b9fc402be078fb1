//! The JavaScript surfaces (wasm32 only), one per wasm module: [`explorer`] (feature `explorer`,
//! the default: charts, filters, statistics on the project's schema) and [`import`] (feature
//! `importer`: every file format, run in a Web Worker). Both share what is here: the start hook
//! (panic reporting, the browser's JSON parser for the core) and the conversion of results. The
//! core never imports this layer. No unwrap here: a failure must reach the page as a message;
//! core errors become JS `Error`s through `?` (`JsError` takes any `std::error::Error`).
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[cfg(feature = "explorer")]
mod canvas;
#[cfg(feature = "explorer")]
pub mod explorer;
#[cfg(feature = "importer")]
pub mod import;
#[cfg(feature = "explorer")]
mod params;
mod plain;
#[cfg(feature = "imports")]
mod receive;
mod types;

#[cfg(feature = "explorer")]
pub use explorer::*;

use serde::Serialize;
use wasm_bindgen::prelude::*;
#[cfg(feature = "importer")]
use wasm_bindgen::JsCast;

/// Runs when a module starts: see [`ready`].
#[wasm_bindgen(start)]
pub fn start() {
    ready();
}

/// Installs, once, the panic hook (a panic is logged and rethrown as a JS `Error` naming it, so the
/// page shows it in its error box instead of freezing) and gives the core the browser's JSON
/// parser. The exports that read data call it too, so neither depends on the start function
/// having run (wasm-bindgen-test, for one, does not run it).
fn ready() {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let msg = format!("cyber-spectrum internal error: {info}");
            web_sys::console::error_1(&JsValue::from_str(&msg));
            wasm_bindgen::throw_str(&msg);
        }));
        // Only the importer reads JSON: the explorer module leaves serde's deserialiser out.
        #[cfg(feature = "importer")]
        crate::import::set_json_parser(parse_json);
    });
}

/// JSON text read by the browser's own parser (see src/import/json.rs).
#[cfg(feature = "importer")]
fn parse_json(text: &str) -> Result<crate::import::Json, String> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let detail =
            e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "unreadable".into());
        format!("invalid JSON: {detail}")
    })?;
    json_of(&value, 0).map_err(|e| format!("invalid JSON: {e}"))
}

/// The parsed value as the importers' [`Json`](crate::import::Json), read field by field rather
/// than through serde's deserialiser (whose error messages bring float formatting, 14 KB gzip,
/// into the module). Refuses nesting deeper than the importers read, as natively.
#[cfg(feature = "importer")]
fn json_of(v: &JsValue, depth: usize) -> Result<crate::import::Json, String> {
    use crate::import::{Json, JSON_MAX_DEPTH};
    let inner = || {
        if depth >= JSON_MAX_DEPTH {
            Err(format!("arrays and objects nested more than {JSON_MAX_DEPTH} levels deep"))
        } else {
            Ok(depth + 1)
        }
    };
    Ok(if v.is_null() || v.is_undefined() {
        Json::Null
    } else if let Some(b) = v.as_bool() {
        Json::Bool(b)
    } else if let Some(n) = v.as_f64() {
        Json::Number(n)
    } else if let Some(s) = v.as_string() {
        Json::String(s)
    } else if js_sys::Array::is_array(v) {
        let d = inner()?;
        let items: js_sys::Array = v.clone().unchecked_into();
        Json::Array(items.iter().map(|x| json_of(&x, d)).collect::<Result<_, _>>()?)
    } else {
        let d = inner()?;
        let mut fields = Vec::new();
        for entry in js_sys::Object::entries(v.unchecked_ref::<js_sys::Object>()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            fields.push((entry.get(0).as_string().unwrap_or_default(), json_of(&entry.get(1), d)?));
        }
        Json::Object(fields)
    })
}

/// A result as a plain JavaScript object (camelCase fields, `None` as null; see [`plain`]).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    Ok(plain::to_js(value))
}
