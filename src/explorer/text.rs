//! The bundled dataset's long texts (rationale, attribution, description, sources): left out of
//! the browser's module by build.rs and attached when the page fetches them.

use super::{Explorer, BUNDLED_CORE};
use crate::error::{Error, Result};
use crate::events::{self, Linked};
use crate::import::{self, table::Table};
use crate::store::Store;

impl Explorer {
    /// The bundled dataset as the browser's module starts with it: every column but the long texts.
    pub fn bundled_core() -> Result<Explorer> {
        Explorer::from_bundled(import::parse_packed(BUNDLED_CORE), true)
    }

    /// Whether the long texts of the bundled dataset are still to be attached.
    pub fn needs_text(&self) -> bool {
        self.text_pending
    }

    /// Adds the bundled dataset's long texts (the packed text `cargo run --bin schema -- text`
    /// writes: id, rationale, attributed_by, description, sources) to the incidents with those ids.
    /// Returns how many incidents got their texts; an id the data lacks is an error (the file is
    /// from another version of the dataset).
    pub fn attach_text(&mut self, text: &str) -> Result<usize> {
        let mut parts = text.split(events::TEXT_PART);
        let table = Table::from_packed(parts.next().unwrap_or(""));
        let column = |name: &str| {
            table.column(name).ok_or_else(|| Error::File(format!("the incident texts lack the column '{name}'")))
        };
        let [id, rationale, attributed_by, description, sources] =
            [column("id")?, column("rationale")?, column("attributed_by")?, column("description")?, column("sources")?];
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
            attached += 1;
        }
        self.data.incidents = Store::from(all);
        // The rebuilt store is in the same order: the responses are tied to it again.
        if let Some(linked) = self.responses.take() {
            let mut linked = Linked::link(linked.list, &mut self.data.incidents)?;
            let texts = Table::from_packed(parts.next().unwrap_or(""));
            events::attach_texts(
                &mut linked.list,
                &texts,
                "response",
                |r| &r.id,
                |r, d, s| {
                    r.description = d;
                    r.sources = s;
                },
            )?;
            self.responses = Some(linked);
        }
        let texts = Table::from_packed(parts.next().unwrap_or(""));
        events::attach_texts(
            &mut self.context,
            &texts,
            "context",
            |e| &e.id,
            |e, d, s| {
                e.description = d;
                e.sources = s;
            },
        )?;
        self.text_pending = false;
        Ok(attached)
    }
}
