//! A JSON value as the importers need it. Natively serde_json reads the text; in the browser the
//! browser's own `JSON.parse` does (the web layer hands it over with [`set_parser`]), which keeps a
//! JSON parser out of the wasm (serde_json cost about 17 KB gzipped).

use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Keys in file order.
    Object(Vec<(String, Json)>),
}

/// Deepest nesting of arrays and objects read. The importers need three levels (a list of
/// incidents, each an object, some fields lists); a file nested deeper is refused before it can
/// exhaust the stack, natively and in the browser alike (serde_json stops at 128 on its own).
pub const MAX_DEPTH: usize = 64;

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        Depth(0).deserialize(d)
    }
}

/// Reads one value `0`-based levels deep.
#[derive(Clone, Copy)]
struct Depth(usize);

impl Depth {
    fn inner<E: serde::de::Error>(self) -> Result<Depth, E> {
        if self.0 >= MAX_DEPTH {
            return Err(E::custom(format!("arrays and objects nested more than {MAX_DEPTH} levels deep")));
        }
        Ok(Depth(self.0 + 1))
    }
}

impl<'de> DeserializeSeed<'de> for Depth {
    type Value = Json;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Depth {
    type Value = Json;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        self.deserialize(d)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Number(n as f64))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Number(n as f64))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Json, E> {
        Ok(Json::Number(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let inner = self.inner()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let inner = self.inner()?;
        let mut entries = Vec::new();
        while let Some(k) = map.next_key::<String>()? {
            entries.push((k, map.next_value_seed(inner)?));
        }
        Ok(Json::Object(entries))
    }
}

/// A JSON parser: text in, a value or a message saying where the text went wrong out.
pub type Parser = fn(&str) -> Result<Json, String>;

static PARSER: std::sync::OnceLock<Parser> = std::sync::OnceLock::new();

/// Sets the parser [`parse`] uses, once: the web layer gives the browser's own `JSON.parse` when
/// its module starts, so the core needs no JSON parser of its own in the wasm and no web types.
pub fn set_parser(parser: Parser) {
    let _ = PARSER.set(parser);
}

/// Parses JSON text with the parser the web layer set, or natively with serde_json.
pub fn parse(text: &str) -> Result<Json, String> {
    match PARSER.get() {
        Some(parser) => parser(text),
        None => native(text),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn native(text: &str) -> Result<Json, String> {
    serde_json::from_str(text).map_err(|e| format!("invalid JSON at line {}, column {}: {e}", e.line(), e.column()))
}

#[cfg(target_arch = "wasm32")]
fn native(_: &str) -> Result<Json, String> {
    Err("JSON cannot be read here: the web layer sets the browser's parser when its module starts".into())
}
