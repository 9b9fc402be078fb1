//! The bundled dataset's long texts (rationale, attribution, description, sources): left out of
//! the browser's module by build.rs and attached when the page fetches them.

#[cfg(not(target_arch = "wasm32"))]
use super::BUNDLED_CORE;
use super::{Explorer, Kept};
use crate::error::Result;
use crate::events;
use crate::import::{self, table::Table};
use crate::store::Store;

impl Explorer {
    /// The bundled dataset as the browser starts with it: every column but the long texts, from
    /// the incidents' columns (`src/explorer/bundled.parts`, which the build serves beside the
    /// module as `pkg/cyber_spectrum_incidents.bin`), checked as they are decoded. The module
    /// carries neither them (an element with its own `src` never needs them) nor a parser for them.
    pub fn from_parts(parts: &[u8]) -> Result<Explorer> {
        let data = crate::store::Parts::from_bytes(parts).and_then(Store::from_parts).map(|incidents| {
            import::Dataset { incidents, warnings: Vec::new(), scale: crate::model::Scale::LADDER, responses: None }
        });
        Explorer::from_bundled(data, true)
    }

    /// The same natively, from build.rs's packed text, which is how those columns are written.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn bundled_core() -> Result<Explorer> {
        Explorer::from_bundled(import::parse_packed(BUNDLED_CORE), true)
    }

    /// Whether the long texts of the bundled dataset are still to be attached.
    pub fn needs_text(&self) -> bool {
        self.text_pending
    }

    /// Adds the bundled dataset's long texts and record-only dates, then its responses' and
    /// context events' ids, descriptions and sources (the file `cargo run --bin schema -- text`
    /// writes: [`Store::long_texts`], then a packed table for each, see
    /// [`crate::schema::bundled_text`]). Returns how many incidents got their texts. Texts for
    /// other incidents, or a date that is not one, is an error (the file is from another version
    /// of the dataset, or damaged).
    pub fn attach_text(&mut self, text: &str) -> Result<usize> {
        // The rows' text changes: what was kept from before (a selection, the names in its
        // statistics) is let go.
        *self.kept.get_mut() = Kept::default();
        let mut parts = text.split(events::TEXT_PART);
        let attached = self.data.incidents.attach_long_texts(parts.next().unwrap_or(""))?;
        // The rows are where they were, so the responses stay tied to them. A text file with the
        // incidents' part alone leaves the responses and events without their words.
        let (responses, context) = (parts.next(), parts.next());
        if let (Some(linked), Some(texts)) = (self.responses.as_mut(), responses) {
            let set = |r: &mut events::Response, i, d, s| (r.id, r.description, r.sources) = (i, d, s);
            events::attach_texts(&mut linked.list, &Table::from_packed(texts), "response", set)?;
        }
        // The bundled events are still without ids; a publisher's own (`set_context`) have theirs
        // and keep their words.
        if let Some(texts) = context.filter(|_| self.context.first().is_some_and(|e| e.id.is_empty())) {
            let set = |e: &mut events::Event, i, d, s| (e.id, e.description, e.sources) = (i, d, s);
            events::attach_texts(&mut self.context, &Table::from_packed(texts), "context", set)?;
        }
        self.text_pending = false;
        Ok(attached)
    }
}
