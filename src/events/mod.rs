//! What happened around the incidents: the responses states and international bodies publicly
//! took (`data/responses.csv`) and dated non-cyber events on the Korean Peninsula
//! (`data/context.csv`), both coded as `data/RESPONSES.md` says. Responses link to incidents by id;
//! once linked, each incident's kinds of response are a set of bits the filters and charts read
//! (see [`Linked`]). The browser's module carries the coded columns in a compact binary form
//! ([`packed`]); the ids, descriptions and sources come with the incidents' long texts
//! ([`attach_texts`]).

mod imported;
pub mod packed;
mod stats;

pub use imported::{from_words, kind_of};
pub use stats::{clustering, kind_choices, response_stats, tally, Clustering, ResponseStats, WINDOW_DAYS};

use crate::error::{Error, Result};
use crate::import::table::{Row, Table};
use crate::model::{ContextKind, Country, PartialDate, ResponseKind};
use crate::store::Store;
use serde::Serialize;

#[cfg(not(target_arch = "wasm32"))]
pub const RESPONSES_CSV: &str = include_str!("../../data/responses.csv");
#[cfg(not(target_arch = "wasm32"))]
pub const CONTEXT_CSV: &str = include_str!("../../data/context.csv");

/// Separates the parts of the bundled long texts the page fetches (`schema::bundled_text`): the
/// incidents' texts, then the responses', then the context events'.
pub const TEXT_PART: char = '\u{1d}';

/// One public act answering one or more incidents.
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    pub id: String,
    /// When it became public; `None` where an imported dataset gives no date.
    pub date: Option<PartialDate>,
    /// ISO alpha-3 codes, or `EU` and `UN` for those bodies; empty for `none-known`.
    pub responders: Vec<String>,
    pub kind: ResponseKind,
    /// The ids of the incidents it answers.
    pub incidents: Vec<String>,
    pub description: String,
    pub sources: Vec<String>,
}

/// One dated event of the peninsula's non-cyber context.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: String,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub kind: ContextKind,
    pub name: String,
    pub description: String,
    pub sources: Vec<String>,
}

/// The responses and context events that ship with the bundled dataset, whose incidents `store`
/// holds. With `core`, as the browser's module carries them: without ids, descriptions and sources
/// (they follow, see [`attach_texts`]); in the browser read from `bundled.parts` ([`packed`]),
/// natively from the whole files with those left out.
pub fn bundled(store: &Store, core: bool) -> Result<(Vec<Response>, Vec<Event>)> {
    #[cfg(target_arch = "wasm32")]
    let (responses, context) = {
        let _ = core;
        packed::from_bytes(
            include_bytes!("bundled.parts"),
            store,
            "src/events/bundled.parts (run `cargo run --bin schema`)",
        )?
    };
    #[cfg(not(target_arch = "wasm32"))]
    let (mut responses, mut context) = {
        let _ = store;
        let read = crate::import::table::read_csv;
        (responses_from(&read(RESPONSES_CSV)?, "responses.csv")?, context_from(&read(CONTEXT_CSV)?, "context.csv")?)
    };
    #[cfg(not(target_arch = "wasm32"))]
    if core {
        responses.iter_mut().for_each(|r| (r.id, r.description, r.sources) = Default::default());
        context.iter_mut().for_each(|e| (e.id, e.description, e.sources) = Default::default());
    }
    Ok((responses, context))
}

/// A responder's name for readers: the state's, or the body's.
pub fn responder_name(code: &str) -> &'static str {
    match code {
        "EU" => "European Union",
        "UN" => "United Nations",
        _ => Country::parse(code).map_or("an unknown body", Country::name),
    }
}

/// Reads one table's rows, each cell by its column's name; errors name the file, row and column.
struct Reader {
    file: &'static str,
    columns: Vec<Option<usize>>,
}

impl Reader {
    fn new(file: &'static str, table: &Table, names: &[&str], required: &[&str]) -> Result<Reader> {
        let columns: Vec<Option<usize>> = names.iter().map(|n| table.column(n)).collect();
        if let Some(missing) = required.iter().find(|r| table.column(r).is_none()) {
            return Err(Error::File(format!("{file}: the column '{missing}' is missing")));
        }
        Ok(Reader { file, columns })
    }

    fn cell<'r>(&self, row: &'r Row, column: usize) -> &'r str {
        self.columns[column].and_then(|c| row.cells.get(c)).map_or("", |s| s.trim())
    }

    fn error(&self, row: &Row, column: &str, message: impl std::fmt::Display) -> Error {
        Error::File(format!("{} row {}, column '{column}': {message}", self.file, row.row))
    }

    fn date(&self, row: &Row, column: usize, name: &str) -> Result<Option<PartialDate>> {
        match self.cell(row, column) {
            "" => Ok(None),
            text => PartialDate::parse(text).map(Some).map_err(|e| self.error(row, name, e)),
        }
    }

    fn list<'r>(&self, row: &'r Row, column: usize, sep: &'static [char]) -> impl Iterator<Item = &'r str> {
        self.cell(row, column).split(sep).map(str::trim).filter(|s| !s.is_empty())
    }
}

/// The responses of a table with the columns of `data/responses.csv` (descriptions and sources may
/// be absent, as in the browser's core).
pub fn responses_from(table: &Table, file: &'static str) -> Result<Vec<Response>> {
    const NAMES: [&str; 7] = ["id", "date", "responder", "tier", "incidents", "description", "sources"];
    let r = Reader::new(file, table, &NAMES, &NAMES[..5])?;
    let mut out = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let id = r.cell(row, 0);
        if id.is_empty() {
            return Err(r.error(row, "id", "empty"));
        }
        let date = r.date(row, 1, "date")?;
        let kind = ResponseKind::parse(r.cell(row, 3)).ok_or_else(|| {
            r.error(row, "tier", format!("'{}' is not one of: {}", r.cell(row, 3), ResponseKind::expected()))
        })?;
        let responders: Vec<String> = r.list(row, 2, &[';']).map(str::to_string).collect();
        if let Some(bad) = responders.iter().find(|c| !matches!(c.as_str(), "EU" | "UN") && Country::parse(c).is_none())
        {
            return Err(r.error(row, "responder", format!("'{bad}' is not a country code, EU or UN")));
        }
        let incidents: Vec<String> = r.list(row, 4, &[';']).map(str::to_string).collect();
        if incidents.is_empty() {
            return Err(r.error(row, "incidents", "names no incident"));
        }
        out.push(Response {
            id: id.to_string(),
            date,
            responders,
            kind,
            incidents,
            description: r.cell(row, 5).to_string(),
            sources: r.list(row, 6, &[' ', '\n', '\t']).map(str::to_string).collect(),
        });
    }
    Ok(out)
}

/// The events of a table with the columns of `data/context.csv`.
pub fn context_from(table: &Table, file: &'static str) -> Result<Vec<Event>> {
    const NAMES: [&str; 7] = ["id", "date", "end", "kind", "name", "description", "sources"];
    let r = Reader::new(file, table, &NAMES, &["id", "date", "kind", "name"])?;
    let mut out = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let id = r.cell(row, 0);
        if id.is_empty() {
            return Err(r.error(row, "id", "empty"));
        }
        let date = r.date(row, 1, "date")?.ok_or_else(|| r.error(row, "date", "empty"))?;
        let end = r.date(row, 2, "end")?;
        if end.is_some_and(|e| e.surely_before(&date)) {
            return Err(r.error(row, "end", "is before the date"));
        }
        let kind = ContextKind::parse(r.cell(row, 3)).ok_or_else(|| {
            r.error(row, "kind", format!("'{}' is not one of: {}", r.cell(row, 3), ContextKind::expected()))
        })?;
        let name = r.cell(row, 4);
        if name.is_empty() {
            return Err(r.error(row, "name", "empty"));
        }
        out.push(Event {
            id: id.to_string(),
            date,
            end,
            kind,
            name: name.to_string(),
            description: r.cell(row, 5).to_string(),
            sources: r.list(row, 6, &[' ', '\n', '\t']).map(str::to_string).collect(),
        });
    }
    crate::sort::by(&mut out, |a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    Ok(out)
}

/// Responses as packed text (see `Table::from_packed`), the columns [`responses_from`] reads: how
/// the importer module hands an imported dataset's responses to the explorer module.
pub fn pack(list: &[Response]) -> String {
    use crate::import::table::{PACKED_CELL, PACKED_ROW};
    let clean = |s: &str| s.replace([PACKED_CELL, PACKED_ROW], " ");
    let mut text = ["id", "date", "responder", "tier", "incidents", "description"].join(&PACKED_CELL.to_string());
    text.push(PACKED_ROW);
    for r in list {
        let date = r.date.map(|d| d.to_string()).unwrap_or_default();
        let cells = [
            clean(&r.id),
            date,
            r.responders.join(";"),
            r.kind.slug().into(),
            r.incidents.join(";"),
            clean(&r.description),
        ];
        text.push_str(&cells.join(&PACKED_CELL.to_string()));
        text.push(PACKED_ROW);
    }
    text
}

/// Responses tied to the rows of one dataset.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Linked {
    /// In date order.
    pub list: Vec<Response>,
    /// `(row, response)` pairs, by row then date.
    links: Vec<(u32, u32)>,
}

impl Linked {
    /// Ties `list` to the rows of `store` by incident id and gives the store each row's kinds of
    /// response. An id the data lacks is an error naming the response, so a responses file of
    /// another dataset is refused, not half applied.
    pub fn link(mut list: Vec<Response>, store: &mut Store) -> Result<Linked> {
        // Dated first, in date order; undated after, as they came.
        crate::sort::by(&mut list, |a, b| (a.date.is_none(), a.date).cmp(&(b.date.is_none(), b.date)));
        // The ids the responses name, sorted, each with its row, found in one pass over the rows
        // (a few hundred ids against up to a million rows: no map of every row's id, and no
        // hasher in the module).
        let mut rows: Vec<(&str, Option<u32>)> =
            list.iter().flat_map(|r| r.incidents.iter().map(|id| (id.as_str(), None))).collect();
        crate::sort::by(&mut rows, |a, b| a.0.cmp(b.0));
        rows.dedup_by(|a, b| a.0 == b.0);
        let find = |rows: &[(&str, Option<u32>)], id: &str| rows.binary_search_by(|r| r.0.cmp(id)).ok();
        for k in 0..store.len() {
            if let Some(at) = find(&rows, store.id(k)) {
                rows[at].1 = Some(k as u32);
            }
        }
        let mut kinds = vec![0u16; store.len()];
        let mut links = Vec::new();
        for (n, r) in list.iter().enumerate() {
            for id in &r.incidents {
                let row = find(&rows, id).and_then(|at| rows[at].1).ok_or_else(|| {
                    Error::File(format!("the response '{}' names the incident '{id}', which the data lacks", r.id))
                })?;
                kinds[row as usize] |= r.kind.bit();
                links.push((row, n as u32));
            }
        }
        crate::sort::by(&mut links, |a, b| a.cmp(b));
        store.set_responses(kinds);
        Ok(Linked { list, links })
    }

    /// The responses to the incident at `row`, in date order (a `none-known` row included).
    pub fn of_row(&self, row: usize) -> impl Iterator<Item = &Response> {
        let from = self.links.partition_point(|l| (l.0 as usize) < row);
        self.links[from..].iter().take_while(move |l| l.0 as usize == row).map(|l| &self.list[l.1 as usize])
    }
}

/// A response as the card lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseRecord {
    pub id: String,
    /// Empty when the data gives no date.
    pub date: String,
    pub kind: ResponseKind,
    pub kind_label: &'static str,
    /// Who responded, by name.
    pub responders: Vec<String>,
    pub description: String,
    pub sources: Vec<String>,
    /// Days from the incident's start to the response (dates known to a month or a year count
    /// from their middle); `None` for `none-known` and for an undated response.
    pub days_after: Option<i32>,
}

impl ResponseRecord {
    pub fn new(r: &Response, start: Option<PartialDate>) -> ResponseRecord {
        ResponseRecord {
            id: r.id.clone(),
            date: r.date.map(|d| d.to_string()).unwrap_or_default(),
            kind: r.kind,
            kind_label: r.kind.label(),
            responders: r.responders.iter().map(|c| responder_name(c).to_string()).collect(),
            description: r.description.clone(),
            sources: r.sources.clone(),
            days_after: r
                .date
                .filter(|_| r.kind != ResponseKind::NoneKnown)
                .zip(start)
                .map(|(d, s)| d.day_number() - s.day_number()),
        }
    }
}

/// A context event as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventRecord {
    pub id: String,
    pub date: String,
    pub end: Option<String>,
    pub kind: ContextKind,
    pub kind_label: &'static str,
    pub name: String,
    pub description: String,
    pub sources: Vec<String>,
}

impl From<&Event> for EventRecord {
    fn from(e: &Event) -> EventRecord {
        EventRecord {
            id: e.id.clone(),
            date: e.date.to_string(),
            end: e.end.map(|d| d.to_string()),
            kind: e.kind,
            kind_label: e.kind.label(),
            name: e.name.clone(),
            description: e.description.clone(),
            sources: e.sources.clone(),
        }
    }
}

/// Ids, descriptions and sources (separated by spaces) as a packed table (see
/// `Table::from_packed`), a row for each item in its order: what [`attach_texts`] reads.
pub fn texts_table(rows: impl Iterator<Item = [String; 3]>) -> String {
    use crate::import::table::{PACKED_CELL, PACKED_ROW};
    let mut text = String::new();
    for row in std::iter::once(["id", "description", "sources"].map(String::from)).chain(rows) {
        let cells = row.map(|c| c.replace([PACKED_CELL, PACKED_ROW, TEXT_PART], " "));
        text.push_str(&cells.join(&PACKED_CELL.to_string()));
        text.push(PACKED_ROW);
    }
    text
}

/// Adds ids, descriptions and sources (a table of id, description, sources, a row for each item in
/// their order) to the bundled responses or events, which the browser's module carries without
/// them; another number of rows is an error (a text file of another version).
pub fn attach_texts<T>(
    items: &mut [T],
    table: &Table,
    what: &str,
    set: fn(&mut T, String, String, Vec<String>),
) -> Result<()> {
    let col = |n: &str| table.column(n).ok_or_else(|| Error::File(format!("the {what} texts lack the column '{n}'")));
    let (i, d, s) = (col("id")?, col("description")?, col("sources")?);
    if table.rows.len() != items.len() {
        return Err(Error::File(format!(
            "the {what} texts have {} rows for {} in this dataset (a text file of another version?)",
            table.rows.len(),
            items.len()
        )));
    }
    for (item, row) in items.iter_mut().zip(&table.rows) {
        let cell = |c: usize| row.cells.get(c).map_or("", String::as_str).to_string();
        set(item, cell(i), cell(d), cell(s).split_whitespace().map(str::to_string).collect());
    }
    Ok(())
}
