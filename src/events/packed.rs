//! The bundled responses and context events as the browser's module carries them
//! (`src/events/bundled.parts`, written by `cargo run --bin schema` like the incidents' parts): coded
//! facts in a few bytes each (see [`crate::bytes`]), the incidents they answer by row, and neither
//! the ids, descriptions and sources, which come with the incidents' long texts in the same order
//! ([`super::attach_texts`]), nor a text parser to read them.
//!
//! The number of responses, then for each its date, kind (in [`ResponseKind::ALL`]), responders
//! (a count, then country indices, or [`BODIES`] counted down from `u16::MAX`) and incidents (a
//! count, then rows); then the number of events, each with its date, end date, kind (in
//! [`ContextKind::ALL`]) and name.

use super::{Event, Response};
use crate::bytes::{Reader, Writer};
use crate::error::Result;
use crate::model::{ContextKind, Country, ResponseKind};
use crate::store::Store;

/// The responders that are no state, by their code in `data/responses.csv`.
const BODIES: [&str; 2] = ["EU", "UN"];

/// The responses and events in the form above; `row` gives an incident id's row in the dataset.
/// (Their responders and incident ids are known to be good: [`super::responses_from`] and
/// [`super::Linked::link`] checked them.)
pub fn to_bytes(responses: &[Response], events: &[Event], row: impl Fn(&str) -> Option<usize>) -> Vec<u8> {
    let mut w = Writer::default();
    let none = usize::from(u16::MAX);
    w.u16(responses.len());
    for r in responses {
        w.date(r.date);
        w.pick(ResponseKind::ALL, &r.kind);
        w.u16(r.responders.len());
        for c in &r.responders {
            let body = BODIES.iter().position(|b| b == c).map(|k| none - k);
            w.u16(body.or_else(|| Country::parse(c).map(Country::index)).unwrap_or(none));
        }
        w.u16(r.incidents.len());
        r.incidents.iter().for_each(|id| w.u16(row(id).unwrap_or(none)));
    }
    w.u16(events.len());
    for e in events {
        w.date(Some(e.date));
        w.date(e.end);
        w.pick(ContextKind::ALL, &e.kind);
        w.text(&e.name);
    }
    w.0
}

/// Reads [`to_bytes`] for the incidents of `store`; `what` names the bytes in an error.
pub fn from_bytes(bytes: &[u8], store: &Store, what: &'static str) -> Result<(Vec<Response>, Vec<Event>)> {
    let b = &mut Reader::new(bytes, what);
    let mut responses = Vec::new();
    for _ in 0..b.u16()? {
        let (date, kind) = (b.date()?, b.pick(ResponseKind::ALL)?);
        let mut responders = Vec::new();
        for _ in 0..b.u16()? {
            let c = b.u16()?;
            let code = match u16::MAX - c {
                k if usize::from(k) < BODIES.len() => Some(BODIES[usize::from(k)]),
                _ => Country::from_index(c.into()).map(Country::code),
            };
            responders.push(code.ok_or_else(|| b.damaged())?.to_string());
        }
        let mut incidents = Vec::new();
        for _ in 0..b.u16()? {
            let row = usize::from(b.u16()?);
            incidents.push((row < store.len()).then(|| store.id(row).to_string()).ok_or_else(|| b.damaged())?);
        }
        let (id, description, sources) = Default::default();
        responses.push(Response { id, date, responders, kind, incidents, description, sources });
    }
    let mut events = Vec::new();
    for _ in 0..b.u16()? {
        let (date, end) = (b.date()?.ok_or_else(|| b.damaged())?, b.date()?);
        let (kind, name) = (b.pick(ContextKind::ALL)?, b.text()?);
        let (id, description, sources) = Default::default();
        events.push(Event { id, date, end, kind, name, description, sources });
    }
    b.end()?;
    Ok((responses, events))
}
