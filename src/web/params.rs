//! Filters as JavaScript carries them: filter objects (`{from: 2009, initiators: ['PRK']}`) and
//! text parameters (`{from: '2009', initiators: 'PRK,kp'}`, as attributes and links carry them),
//! read and written by the filter field table (`crate::filter::FIELDS`). Read by hand rather than
//! through serde where serde would add code: this module is downloaded by every reader.

use crate::filter::{Filter, Slot, FIELDS};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A filter object, read field by field of the table: unknown keys are refused by name, and a value
/// of the wrong kind names its field.
pub(super) fn filter_from(value: JsValue) -> Result<Filter, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Filter::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(JsError::new("filter: expected a plain object such as {from: 2009, initiators: ['PRK']}"));
    }
    let entries = js_sys::Object::entries(value.unchecked_ref::<js_sys::Object>());
    let mut filter = Filter::default();
    for entry in entries.iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let (key, v) = (entry.get(0).as_string().unwrap_or_default(), entry.get(1));
        Filter::check_keys([key.as_str()])?;
        let Some(field) = FIELDS.iter().find(|f| f.name == key) else { continue };
        if v.is_undefined() || v.is_null() {
            continue;
        }
        let bad = |what: &str| JsError::new(&format!("filter field '{key}': expected {what}"));
        match (field.slot)(&mut filter) {
            Slot::Year(y) => {
                *y = Some(whole(&v).and_then(|n| i32::try_from(n).ok()).ok_or_else(|| bad("a year (a whole number)"))?)
            }
            Slot::Level(l) => {
                *l = Some(whole(&v).and_then(|n| u8::try_from(n).ok()).ok_or_else(|| bad("a level (a whole number)"))?)
            }
            Slot::List(l) => {
                let items = v.dyn_ref::<js_sys::Array>().ok_or_else(|| bad("a list such as ['PRK']"))?;
                *l = Some(
                    items
                        .iter()
                        .map(|s| s.as_string())
                        .collect::<Option<Vec<_>>>()
                        .ok_or_else(|| bad("a list of text"))?,
                )
            }
            Slot::Text(t) | Slot::Choice(t) => *t = Some(v.as_string().ok_or_else(|| bad("text"))?),
        }
    }
    Ok(filter)
}

/// A JavaScript number that is whole (and exact), as an integer.
fn whole(v: &JsValue) -> Option<i64> {
    v.as_f64().filter(|n| n.fract() == 0.0 && n.abs() < 1e15).map(|n| n as i64)
}

/// `[name, value]` pairs of a parameters object; numbers are taken as whole numbers (formatting
/// an f64 would add kilobytes).
pub(super) fn params_from(params: JsValue) -> Result<Vec<(String, String)>, JsError> {
    let mut pairs = Vec::new();
    if params.is_undefined() || params.is_null() {
        return Ok(pairs);
    }
    if !params.is_object() {
        return Err(JsError::new("parameters: expected an object such as {from: '2009', initiators: 'PRK'}"));
    }
    for entry in js_sys::Object::entries(params.unchecked_ref::<js_sys::Object>()).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let (k, v) = (entry.get(0).as_string().unwrap_or_default(), entry.get(1));
        let number = whole(&v).map(|n| n.to_string());
        let v =
            v.as_string().or(number).ok_or_else(|| JsError::new(&format!("{k}: expected text or a whole number")))?;
        pairs.push((k, v));
    }
    Ok(pairs)
}

/// A filter as the object the API takes (only the fields it sets), field by field of the table.
pub(super) fn filter_to_object(filter: &Filter) -> Result<JsValue, JsError> {
    let object = js_sys::Object::new();
    let mut f = filter.clone();
    for field in &FIELDS {
        let value: Option<JsValue> = match (field.slot)(&mut f) {
            Slot::Year(y) => y.map(JsValue::from),
            Slot::Level(l) => l.map(JsValue::from),
            Slot::List(l) => l
                .as_ref()
                .filter(|l| !l.is_empty())
                .map(|l| l.iter().map(|s| JsValue::from_str(s)).collect::<js_sys::Array>().into()),
            Slot::Text(t) | Slot::Choice(t) => t.as_deref().filter(|s| !s.trim().is_empty()).map(JsValue::from_str),
        };
        if let Some(v) = value {
            js_sys::Reflect::set(&object, &JsValue::from_str(field.name), &v)
                .map_err(|_| JsError::new("cannot build the filter object"))?;
        }
    }
    Ok(object.into())
}

/// A filter object as text parameters, `[[name, value], ...]` in the order of the filter fields,
/// for links, attributes and embed code (the inverse of `Explorer.filterFromParams`). Throws on a
/// malformed filter.
#[wasm_bindgen(js_name = filterToParams, unchecked_return_type = "[string, string][]")]
pub fn filter_to_params(
    #[wasm_bindgen(unchecked_param_type = "Filter | undefined")] filter: JsValue,
) -> Result<js_sys::Array, JsError> {
    Ok(filter_from(filter)?
        .to_params()
        .into_iter()
        .map(|(k, v)| js_sys::Array::of2(&JsValue::from_str(k), &JsValue::from_str(&v)))
        .collect())
}
