//! The bundled dataset's long texts (rationale, attribution, description, sources): left out of
//! the browser's module by build.rs and attached when the page fetches them.

#[cfg(not(target_arch = "wasm32"))]
use super::BUNDLED_CORE;
use super::{Explorer, Kept};
use crate::error::{Error, Result};
use crate::events::{self, Linked};
use crate::import::{self, table::Table};
use crate::model::PartialDate;
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

    /// Adds the bundled dataset's long texts and record-only dates (the packed text `cargo run
    /// --bin schema -- text` writes: id, rationale, attributed_by, description, sources, end,
    /// attribution_date) to the incidents with those ids. Returns how many incidents got their
    /// texts; an id the data lacks, or a date that is not one, is an error (the file is from
    /// another version of the dataset, or damaged).
    pub fn attach_text(&mut self, text: &str) -> Result<usize> {
        // The store is rebuilt: what was kept from before (a selection, the names in its
        // statistics) is let go.
        *self.kept.get_mut() = Kept::default();
        let mut parts = text.split(events::TEXT_PART);
        let table = Table::from_packed(parts.next().unwrap_or(""));
        let column = |name: &str| {
            table.column(name).ok_or_else(|| Error::File(format!("the incident texts lack the column '{name}'")))
        };
        let [id, rationale, attributed_by, description, sources, end, attribution_date] = [
            column("id")?,
            column("rationale")?,
            column("attributed_by")?,
            column("description")?,
            column("sources")?,
            column("end")?,
            column("attribution_date")?,
        ];
        let mut all = self.data.incidents.incidents();
        let mut attached = 0;
        for row in &table.rows {
            let cell = |c: usize| row.cells.get(c).map_or("", String::as_str);
            let Some(i) = all.iter_mut().find(|i| i.id == cell(id)) else {
                return Err(Error::File(format!(
                    "the incident texts name '{}', which this dataset lacks (a text file of another version?)",
                    cell(id)
                )));
            };
            i.rationale = cell(rationale).to_string();
            i.attributed_by = cell(attributed_by).to_string();
            i.description = cell(description).to_string();
            i.sources = cell(sources).split_whitespace().map(str::to_string).collect();
            let date = |c: usize| match cell(c) {
                "" => Ok(None),
                d => PartialDate::parse(d)
                    .map(Some)
                    .map_err(|e| Error::File(format!("the incident texts give '{}' the date '{d}': {e}", cell(id)))),
            };
            i.end = date(end)?;
            i.attribution_date = date(attribution_date)?;
            attached += 1;
        }
        self.data.incidents = Store::from(all);
        // The rebuilt store is in the same order: the responses are tied to it again. A text file
        // with the incidents' part alone leaves the responses and events without their words.
        let (responses, context) = (parts.next(), parts.next());
        if let Some(linked) = self.responses.take() {
            let mut linked = Linked::link(linked.list, &mut self.data.incidents)?;
            if let Some(texts) = responses {
                let set = |r: &mut events::Response, i, d, s| (r.id, r.description, r.sources) = (i, d, s);
                events::attach_texts(&mut linked.list, &Table::from_packed(texts), "response", set)?;
            }
            self.responses = Some(linked);
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
