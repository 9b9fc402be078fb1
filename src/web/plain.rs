//! Results as plain JavaScript objects, through serde's data model: structs become objects with
//! their (camelCase) field names, sequences and tuples arrays, `None` and units `null`, numbers
//! numbers, unit variants their names (serde-wasm-bindgen's `json_compatible` shapes, which the
//! page, the element and the tests read).
//!
//! Written here rather than taken from serde-wasm-bindgen because every `Serialize` impl is
//! compiled once per serializer: this one cannot fail (its error type has no values, so no error
//! path is compiled into them), keeps each step in a few non-generic functions, and names fields
//! with JS strings cached by the address of the `&'static str`. Measured on the explorer module:
//! see the commit that brought it in.

use serde::ser::{self, Serialize};
use std::cell::RefCell;
use std::fmt;
use wasm_bindgen::prelude::*;

/// `value` as a plain JavaScript value.
pub(super) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    match value.serialize(Plain) {
        Ok(v) => v,
        Err(never) => match never {},
    }
}

/// The serializer: stateless, every method returns the finished JavaScript value.
#[derive(Clone, Copy)]
struct Plain;

/// Serialisation into JavaScript values cannot fail; serde still asks for an error type.
#[derive(Debug)]
pub(super) enum Never {}

impl fmt::Display for Never {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    /// Only a `Serialize` impl that reports its own error calls this; none of the crate's does.
    fn custom<T: fmt::Display>(_: T) -> Never {
        wasm_bindgen::throw_str("cyber-spectrum internal error: a result could not be converted for JavaScript")
    }
}

type Done = Result<JsValue, Never>;

/// A field name as a JS string, made once per name: a name is a `&'static str`, so its address
/// identifies it (with its length). A linear search: a module has a few hundred names at most.
#[inline(never)]
fn key(name: &'static str) -> JsValue {
    thread_local! {
        static KEYS: RefCell<Vec<((usize, usize), JsValue)>> = const { RefCell::new(Vec::new()) };
    }
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        let address = (name.as_ptr() as usize, name.len());
        if let Some((_, k)) = keys.iter().find(|(a, _)| *a == address) {
            return k.clone();
        }
        let k = JsValue::from_str(name);
        keys.push((address, k.clone()));
        k
    })
}

#[inline(never)]
fn set(object: &js_sys::Object, name: &JsValue, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, name, value);
}

#[inline(never)]
fn number(n: f64) -> Done {
    Ok(JsValue::from_f64(n))
}

/// An array being filled.
struct List(js_sys::Array);

/// An object being filled; `next` holds a map's key until its value comes.
struct Object {
    object: js_sys::Object,
    next: JsValue,
}

impl Object {
    fn new() -> Object {
        Object { object: js_sys::Object::new(), next: JsValue::UNDEFINED }
    }
}

/// A variant with data: `{variant: data}`, as serde's externally tagged form.
struct Variant<S> {
    name: &'static str,
    inner: S,
}

#[inline(never)]
fn tagged(name: &'static str, value: JsValue) -> Done {
    let object = js_sys::Object::new();
    set(&object, &key(name), &value);
    Ok(object.into())
}

impl ser::Serializer for Plain {
    type Ok = JsValue;
    type Error = Never;
    type SerializeSeq = List;
    type SerializeTuple = List;
    type SerializeTupleStruct = List;
    type SerializeTupleVariant = Variant<List>;
    type SerializeMap = Object;
    type SerializeStruct = Object;
    type SerializeStructVariant = Variant<Object>;

    fn serialize_bool(self, v: bool) -> Done {
        Ok(JsValue::from_bool(v))
    }
    fn serialize_i8(self, v: i8) -> Done {
        number(v.into())
    }
    fn serialize_i16(self, v: i16) -> Done {
        number(v.into())
    }
    fn serialize_i32(self, v: i32) -> Done {
        number(v.into())
    }
    /// Numbers beyond 2^53 lose precision as JavaScript numbers do; the crate hands out counts
    /// and sizes (a `usize` is 32 bits here), which never come near.
    fn serialize_i64(self, v: i64) -> Done {
        number(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Done {
        number(v.into())
    }
    fn serialize_u16(self, v: u16) -> Done {
        number(v.into())
    }
    fn serialize_u32(self, v: u32) -> Done {
        number(v.into())
    }
    fn serialize_u64(self, v: u64) -> Done {
        number(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Done {
        number(v.into())
    }
    fn serialize_f64(self, v: f64) -> Done {
        number(v)
    }
    fn serialize_char(self, v: char) -> Done {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Done {
        Ok(JsValue::from_str(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        let list = js_sys::Array::new();
        for b in v {
            list.push(&JsValue::from_f64(f64::from(*b)));
        }
        Ok(list.into())
    }
    fn serialize_none(self) -> Done {
        Ok(JsValue::NULL)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        Ok(key(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        tagged(variant, value.serialize(self)?)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<List, Never> {
        Ok(List(js_sys::Array::new()))
    }
    fn serialize_tuple(self, _: usize) -> Result<List, Never> {
        Ok(List(js_sys::Array::new()))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<List, Never> {
        Ok(List(js_sys::Array::new()))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        _: usize,
    ) -> Result<Variant<List>, Never> {
        Ok(Variant { name, inner: List(js_sys::Array::new()) })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Object, Never> {
        Ok(Object::new())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Object, Never> {
        Ok(Object::new())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        _: usize,
    ) -> Result<Variant<Object>, Never> {
        Ok(Variant { name, inner: Object::new() })
    }
}

impl ser::SerializeSeq for List {
    type Ok = JsValue;
    type Error = Never;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        self.0.push(&value.serialize(Plain)?);
        Ok(())
    }
    fn end(self) -> Done {
        Ok(self.0.into())
    }
}

impl ser::SerializeTuple for List {
    type Ok = JsValue;
    type Error = Never;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Done {
        Ok(self.0.into())
    }
}

impl ser::SerializeTupleStruct for List {
    type Ok = JsValue;
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Done {
        Ok(self.0.into())
    }
}

impl ser::SerializeTupleVariant for Variant<List> {
    type Ok = JsValue;
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        ser::SerializeSeq::serialize_element(&mut self.inner, value)
    }
    fn end(self) -> Done {
        tagged(self.name, self.inner.0.into())
    }
}

/// Maps become objects: their keys must serialise to strings (or numbers, which JavaScript turns
/// into their decimal text, as it would any object key).
impl ser::SerializeMap for Object {
    type Ok = JsValue;
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Never> {
        self.next = k.serialize(Plain)?;
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        set(&self.object, &self.next, &value.serialize(Plain)?);
        Ok(())
    }
    fn end(self) -> Done {
        Ok(self.object.into())
    }
}

impl ser::SerializeStruct for Object {
    type Ok = JsValue;
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<(), Never> {
        set(&self.object, &key(name), &value.serialize(Plain)?);
        Ok(())
    }
    fn end(self) -> Done {
        Ok(self.object.into())
    }
}

impl ser::SerializeStructVariant for Variant<Object> {
    type Ok = JsValue;
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<(), Never> {
        ser::SerializeStruct::serialize_field(&mut self.inner, name, value)
    }
    fn end(self) -> Done {
        tagged(self.name, self.inner.object.into())
    }
}
