//! What both WebAssembly modules share: the panic hook, JSON read by the browser, and the
//! conversions of errors and results for JavaScript.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Installs the panic hook: a panic is logged and rethrown as a JS `Error` naming it, so the page
/// can show it in its error box instead of freezing.
#[wasm_bindgen(start)]
pub fn start() {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let msg = format!("cyber-spectrum internal error: {info}");
            web_sys::console::error_1(&JsValue::from_str(&msg));
            wasm_bindgen::throw_str(&msg);
        }));
    });
}

/// JSON text read by the browser's own parser, for the JSON importer (see src/import/json.rs).
pub(crate) fn parse_json(text: &str) -> Result<crate::import::Json, String> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let detail =
            e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "unreadable".into());
        format!("invalid JSON: {detail}")
    })?;
    serde_wasm_bindgen::from_value(value).map_err(|e| format!("invalid JSON: {e}"))
}

pub(crate) fn js_err(e: crate::Error) -> JsError {
    JsError::new(&e.to_string())
}

pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert the result for JavaScript: {e}")))
}
