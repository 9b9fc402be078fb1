//! The explorer as the core sees it: one loaded dataset with its palette, answering filter, stats,
//! incident and drawing queries. The web layer wraps exactly this type.

use crate::chart::{self, ChartInput, Layout, Palette, Theme, View};
use crate::error::{Error, Result};
use crate::events::{self, Event, Linked};
use crate::filter::{Compiled, Filter};
use crate::import::{self, Dataset, Format, Mapping, Warning};
use crate::model::{
    chronological, Certainty, Country, Effects, Incident, Method, Objective, ResponseKind, Scale, Scope, TargetType,
};
use crate::reading::{self, Reading, ReadingInfo, Tier};
use crate::stats::{self, Stats};
use crate::store::{Decoder, Parts, Store};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use prepare::Kept;
pub use prepare::Preparing;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use tally::Tally;

/// The dataset that ships with the explorer (see `data/README.md` for how it is compiled).
pub const BUNDLED_CSV: &str = include_str!("../../data/incidents.csv");
/// The same without its long texts (rationale, attribution, description, sources), as build.rs
/// packs it (see `Table::from_packed`): what the browser's module carries. The texts follow with
/// [`Explorer::attach_text`].
pub const BUNDLED_CORE: &str = include_str!(concat!(env!("OUT_DIR"), "/incidents-core.txt"));
/// Version and "data as of" date of the bundled dataset.
pub const BUNDLED_VERSION: &str = include_str!("../../data/VERSION");

mod csv;
mod order;
mod prepare;
mod readings;
mod split;
mod tally;
mod text;

pub use csv::push_cell as push_csv_cell;
pub use order::{SortKey, Sorter, BLOCK};

pub use readings::{Assessment, Named, Reached, ReadingRow, COMPARE_NAMES};

pub struct Explorer {
    data: Dataset,
    palette: Palette,
    /// What the filter lists offer, counted when the data came in.
    tally: Tally,
    source: String,
    /// The bundled dataset without its long texts yet (see [`Explorer::attach_text`]).
    text_pending: bool,
    /// The responses to the incidents; `None` when the data carries none ("not in this data",
    /// which is not "none known").
    responses: Option<Linked>,
    /// Dated context events, oldest first; empty when the data has none.
    context: Vec<Event>,
    /// Whether the timeline draws the context events in a lane.
    show_context: bool,
    /// The last state's selection, statistics and chart counts (see [`prepare`]).
    kept: RefCell<Kept>,
}

/// An incident as the API hands it out: plain fields, codes and their display names.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IncidentRecord {
    pub id: String,
    pub name: String,
    pub start: String,
    /// `day`, `month` or `year`: how much of `start` is known; `unknown` with an empty `start`
    /// for an undated incident.
    pub precision: &'static str,
    pub end: Option<String>,
    pub initiator: &'static str,
    pub initiator_name: &'static str,
    pub targets: Vec<&'static str>,
    pub target_names: Vec<&'static str>,
    pub target_type: Option<TargetType>,
    pub method: Option<Method>,
    pub objective: Option<Objective>,
    pub severity: Option<u8>,
    /// Short label of the severity level on the ladder, e.g. `targeted theft`; none on other scales.
    pub severity_label: Option<&'static str>,
    /// What it did physically (`none`, `data`, `physical`, `injury`, `death`); `None`: not coded.
    pub effects: Option<Effects>,
    pub rationale: String,
    pub attributed_by: String,
    pub attribution_date: Option<String>,
    /// How firm the attribution is: `confirmed`, `vendor` or `suspected`; `None`: not coded.
    pub certainty: Option<Certainty>,
    /// `peninsula` or `reference` (outside Korea, anchors the ladder); `None`: not coded.
    pub scope: Option<Scope>,
    pub description: String,
    pub sources: Vec<String>,
}

impl IncidentRecord {
    /// The record of `i`, its severity read on `scale`.
    pub fn new(i: &Incident, scale: &Scale) -> IncidentRecord {
        IncidentRecord {
            id: i.id.clone(),
            name: i.name.clone(),
            start: i.start.map(|d| d.to_string()).unwrap_or_default(),
            precision: i.start.map_or("unknown", |d| d.precision().slug()),
            end: i.end.map(|d| d.to_string()),
            initiator: i.initiator.code(),
            initiator_name: i.initiator.name(),
            targets: i.targets.iter().map(|t| t.code()).collect(),
            target_names: i.targets.iter().map(|t| t.name()).collect(),
            target_type: i.target_type,
            method: i.method,
            objective: i.objective,
            severity: i.severity,
            severity_label: i.severity.and_then(|s| scale.level_name(s)),
            effects: i.effects,
            rationale: i.rationale.clone(),
            attributed_by: i.attributed_by.clone(),
            attribution_date: i.attribution_date.map(|d| d.to_string()),
            certainty: i.certainty,
            scope: i.scope,
            description: i.description.clone(),
            sources: i.sources.clone(),
        }
    }
}

/// A value a filter control can offer, with how many incidents carry it in the whole dataset.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Level {
    pub level: u8,
    /// The ladder's short name, or the number itself on other scales.
    pub label: String,
    pub meaning: String,
}

/// What the filter controls need to offer: the values present in the data, and the ladder.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Facets {
    pub total: usize,
    /// Where the data came from: `bundled` or the format name it was read as.
    pub source: String,
    /// Version and "data as of" line of the bundled dataset; empty for loaded data.
    pub version: String,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
    /// Incidents without a start date (in no year).
    pub undated: usize,
    pub initiators: Vec<Choice>,
    pub targets: Vec<Choice>,
    pub methods: Vec<Choice>,
    pub objectives: Vec<Choice>,
    pub target_types: Vec<Choice>,
    /// The physical effects coded in the data, mildest first.
    pub effects: Vec<Choice>,
    /// How firmly the incidents are attributed (the `attribution` filter), firmest first.
    pub attribution: Vec<Choice>,
    pub scope: Vec<Choice>,
    /// The kinds of response the incidents drew (the `responses` filter), `none-known` first;
    /// empty when the data carries no responses.
    pub responses: Vec<Choice>,
    /// How many context events the data has.
    pub context: usize,
    /// The scale severities are on, and each of its levels.
    pub scale: Scale,
    pub levels: Vec<Level>,
    /// The legal readings of the thresholds, the default first; empty on a scale they do not
    /// apply to.
    pub readings: Vec<ReadingInfo>,
    /// The graduated responses and the region of the ladder each belongs to.
    pub tiers: Vec<&'static Tier>,
    pub warnings: Vec<Warning>,
}

/// How many incidents drew each kind of response (`none-known`: none), for the filter's list.
fn response_choices(store: &Store) -> Vec<Choice> {
    let mut counts = vec![0usize; ResponseKind::ALL.len()];
    for k in 0..store.len() {
        events::tally(&mut counts, store.response_kinds(k).unwrap_or(0));
    }
    events::kind_choices(&counts)
}

/// [`Explorer::from_import`] in steps (the rows are checked a batch at a time), so the page's
/// main thread is never held for long by a million incidents.
pub struct Receiving {
    decoder: Decoder,
    scale: Scale,
    warnings: Vec<Warning>,
    source: String,
    /// Whether the rows checked so far are in order by start.
    ordered: bool,
    /// The responses the source records, packed (see [`events::pack`]); `None`: not in the data.
    responses: Option<String>,
    /// The rows checked so far, counted for the facets.
    tally: Tally,
}

impl Receiving {
    pub fn new(
        parts: Parts,
        scale: Scale,
        warnings: Vec<Warning>,
        source: String,
        responses: Option<String>,
    ) -> Result<Receiving> {
        Ok(Receiving {
            decoder: Decoder::new(parts)?,
            scale,
            warnings,
            source,
            ordered: true,
            responses,
            tally: Tally::default(),
        })
    }

    /// Checks up to `rows` more incidents (their values, their severity on the scale, their
    /// order); true once all are.
    pub fn step(&mut self, rows: usize) -> Result<bool> {
        let from = self.decoder.progress().0;
        let done = self.decoder.step(rows)?;
        let facts = &self.decoder.facts()[from.saturating_sub(1)..];
        if let Some(k) = facts.iter().position(|f| f.severity.is_some_and(|s| s > self.scale.max)) {
            return Err(Error::Argument(format!(
                "imported data is damaged: incident {} has a severity above {}",
                from.saturating_sub(1) + k,
                self.scale.max
            )));
        }
        // The importer hands its rows over in order (by start, then id); rows out of order by
        // start are sorted by `finish`.
        self.ordered &= facts.windows(2).all(|w| chronological(&w[0].start, &w[1].start).is_le());
        self.tally.add(&self.decoder.facts()[from..]);
        Ok(done)
    }

    /// The explorer, once [`Receiving::step`] said every incident is checked.
    pub fn finish(self) -> Result<Explorer> {
        let Receiving { decoder, scale, warnings, source, ordered, responses, mut tally } = self;
        let mut incidents = decoder.finish()?;
        tally.add_targets(incidents.more_targets());
        if !ordered {
            incidents.sort_chronological();
        }
        let mut e = Explorer::with_tally(Dataset { incidents, warnings, scale, responses: None }, source, tally);
        if let Some(text) = responses {
            let list = events::responses_from(&import::table::Table::from_packed(&text), "the imported responses")?;
            e.responses = Some(Linked::link(list, &mut e.data.incidents)?);
        }
        Ok(e)
    }
}

impl Explorer {
    /// An explorer on `data`, its responses (if it has any) tied to its incidents.
    fn from_dataset(mut data: Dataset, source: String) -> Result<Explorer> {
        let responses = data.responses.take();
        let mut e = Explorer::new(data, source);
        if let Some(list) = responses {
            e.responses = Some(Linked::link(list, &mut e.data.incidents)?);
        }
        Ok(e)
    }

    fn new(data: Dataset, source: String) -> Explorer {
        let tally = Tally::of(&data.incidents);
        Explorer::with_tally(data, source, tally)
    }

    /// As [`Explorer::new`], its facets already counted.
    fn with_tally(data: Dataset, source: String, tally: Tally) -> Explorer {
        let palette = Palette::for_dataset(data.incidents.facts());
        Explorer {
            data,
            palette,
            tally,
            source,
            text_pending: false,
            responses: None,
            context: Vec::new(),
            show_context: false,
            kept: RefCell::default(),
        }
    }

    /// The dataset shipped with the explorer, with all its texts. (The browser starts from its
    /// columns without the long texts, [`Explorer::from_parts`], and attaches those later, see
    /// [`Explorer::attach_text`].)
    #[cfg(not(target_arch = "wasm32"))]
    pub fn bundled() -> Result<Explorer> {
        Explorer::from_bundled(import::parse_native(BUNDLED_CSV, Some(Format::Csv)).map(|(data, _)| data), false)
    }

    /// The bundled dataset as read from the whole file or from build.rs's core of it.
    fn from_bundled(data: Result<Dataset>, text_pending: bool) -> Result<Explorer> {
        let invalid = |e: Error| Error::File(format!("the bundled dataset is invalid: {e}"));
        let mut e = Explorer { text_pending, ..Explorer::new(data.map_err(invalid)?, "bundled".into()) };
        let (responses, context) = events::bundled(&e.data.incidents, text_pending).map_err(invalid)?;
        e.responses = Some(Linked::link(responses, &mut e.data.incidents).map_err(invalid)?);
        e.context = context;
        Ok(e)
    }

    /// The responses to the incidents, if the data carries them.
    pub fn responses(&self) -> Option<&Linked> {
        self.responses.as_ref()
    }

    /// The context events, oldest first.
    pub fn context(&self) -> &[Event] {
        &self.context
    }

    /// Whether the timeline draws the context events (off until asked for).
    pub fn show_context(&mut self, on: bool) {
        self.show_context = on;
    }

    /// Replaces the context events with a publisher's own, in the columns of `data/context.csv`
    /// (as a table: packed text in the browser, any CSV natively); returns how many. A bad row is
    /// an error naming its row and column, and the events shown before stay.
    pub fn set_context(&mut self, table: &import::table::Table) -> Result<usize> {
        self.context = events::context_from(table, "context file")?;
        // The statistics kept counted the events shown before.
        self.kept.get_mut().stats = None;
        Ok(self.context.len())
    }

    /// The responses to the incident at `index`, in date order, or `None` when the data carries
    /// no responses.
    pub fn responses_of(&self, index: usize) -> Option<Vec<events::ResponseRecord>> {
        let linked = self.responses.as_ref()?;
        let start = self.data.incidents.facts().get(index)?.start;
        // An undated incident's responses keep their own dates; no time from its start.
        Some(linked.of_row(index).map(|r| events::ResponseRecord::new(r, start)).collect())
    }

    /// The filter checked against this data: a filter on responses needs data that has them.
    fn compile(&self, filter: &Filter) -> Result<Compiled> {
        let compiled = filter.compile(&self.data.scale)?;
        if compiled.wants_responses() && !self.data.incidents.has_responses() {
            return Err(Error::filter("responses", "responses are not in this data, so they cannot be filtered on"));
        }
        Ok(compiled)
    }

    /// Reads the project's own schema (`auto`, `csv` or `json`) and nothing else, so that the
    /// explorer module links none of the other importers.
    pub fn from_native(text: &str, format: &str) -> Result<Explorer> {
        let (data, format) = import::parse_native(text, Format::from_name(format)?)?;
        Explorer::from_dataset(data, format.name().into())
    }

    /// Reads text in a named format (`auto`, `csv`, `json`, `dcid`, `eurepoc`, `cfr`).
    pub fn from_text(text: &str, format: &str) -> Result<Explorer> {
        let (data, format) = import::parse(text, Format::from_name(format)?, None)?;
        Explorer::from_dataset(data, format.name().into())
    }

    /// Reads a file's bytes: an .xlsx workbook or UTF-8 text, in a named format.
    pub fn from_bytes(bytes: &[u8], format: &str) -> Result<Explorer> {
        let (data, name) = import::parse_bytes(bytes, Format::from_name(format)?, None)?;
        Explorer::from_dataset(data, name)
    }

    /// An explorer on data the importer module read: its columns (checked, see
    /// [`Store::from_parts`]), the scale its severities are on, its warnings and the format's name.
    pub fn from_import(
        parts: Parts,
        scale: Scale,
        warnings: Vec<Warning>,
        source: String,
        responses: Option<String>,
    ) -> Result<Explorer> {
        let mut r = Receiving::new(parts, scale, warnings, source, responses)?;
        while !r.step(usize::MAX)? {}
        r.finish()
    }

    /// The data as the importer module hands it over (see [`Explorer::from_import`]).
    pub fn to_parts(&self) -> Parts {
        self.data.incidents.to_parts()
    }

    /// The responses as the importer module hands them over, packed; `None` without responses.
    pub fn packed_responses(&self) -> Option<String> {
        self.responses.as_ref().map(|l| events::pack(&l.list))
    }

    /// Reads any CSV, JSON or workbook through a column mapping.
    pub fn from_mapped(bytes: &[u8], mapping: &Mapping) -> Result<Explorer> {
        let (data, name) = import::parse_bytes(bytes, Some(Format::Mapped), Some(mapping))?;
        Explorer::from_dataset(data, name)
    }

    /// How many incidents the dataset holds.
    pub fn len(&self) -> usize {
        self.data.incidents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.incidents.is_empty()
    }

    /// The incidents in columns, as filters and charts read them.
    pub fn store(&self) -> &Store {
        &self.data.incidents
    }

    /// Every incident as a whole record, rebuilt from the columns: a copy, for tests and tools.
    pub fn all(&self) -> Vec<Incident> {
        self.data.incidents.incidents()
    }

    pub fn warnings(&self) -> &[Warning] {
        &self.data.warnings
    }

    /// The rows (see [`Explorer::record`]) of the incidents the filter selects, in order.
    pub fn select(&self, filter: &Filter) -> Result<Vec<u32>> {
        let compiled = self.compile(filter)?;
        Ok(self.selection(filter, &compiled).to_vec())
    }

    /// What a chart of the rows `selection` needs besides its area (the timeline's years: those
    /// of the incidents drawn).
    fn chart_input<'a>(
        &'a self,
        compiled: &Compiled,
        selection: &'a [u32],
        theme: &'a Theme,
        context: bool,
    ) -> ChartInput<'a> {
        ChartInput {
            reading: compiled.reading(),
            facts: self.data.incidents.facts(),
            selection,
            palette: &self.palette,
            theme,
            scale: &self.data.scale,
            responses: self.data.incidents.response_column(),
            context: if context { &self.context } else { &[] },
            legend: Default::default(),
            digest: Default::default(),
            dated_only: false,
            years: None,
        }
    }

    /// The rows `compiled` (the filter compiled) selects: the last filter's are kept.
    fn selection(&self, filter: &Filter, compiled: &Compiled) -> Rc<Vec<u32>> {
        if let Some((_, rows)) = self.kept.borrow().selection.as_ref().filter(|(f, _)| f == filter) {
            return Rc::clone(rows);
        }
        let rows = Rc::new(compiled.select(&self.data.incidents));
        let mut kept = self.kept.borrow_mut();
        kept.selection = Some((filter.clone(), Rc::clone(&rows)));
        kept.digest = None;
        rows
    }

    /// The statistics of `filter`'s selection (kept: asked again for the same filter, or worked
    /// out ahead by [`Explorer::prepare`], they are not counted again).
    pub fn stats(&self, filter: &Filter) -> Result<Stats> {
        Ok(Stats::clone(&*self.shared_stats(filter)?))
    }

    /// As [`Explorer::stats`], the statistics kept rather than a copy of them.
    pub fn shared_stats(&self, filter: &Filter) -> Result<Rc<Stats>> {
        if let Some((_, stats)) = self.kept.borrow().stats.as_ref().filter(|(f, _)| f == filter) {
            return Ok(Rc::clone(stats));
        }
        let compiled = self.compile(filter)?;
        let rows = self.selection(filter, &compiled);
        let stats = stats::compute(&self.data.incidents, &rows, &self.data.scale, compiled.reading());
        let stats = Rc::new(self.with_events(stats, &rows));
        self.kept.borrow_mut().stats = Some((filter.clone(), Rc::clone(&stats)));
        Ok(stats)
    }

    /// `stats` of the rows `rows` with what the responses and context events add to them.
    fn with_events(&self, mut stats: Stats, rows: &[u32]) -> Stats {
        let store = &self.data.incidents;
        stats.responses = self.responses.as_ref().map(|l| events::response_stats(l, store, rows));
        stats.clustering =
            (!self.context.is_empty()).then(|| events::clustering(&self.context, store, rows, events::WINDOW_DAYS));
        stats
    }

    /// For each list field, how many incidents each value would select with the rest of the filter
    /// as it is (the counts the filter lists show): `(field, value, count)`, one pass.
    pub fn facet_counts(&self, filter: &Filter) -> Result<Vec<(&'static str, &'static str, usize)>> {
        Ok(self.compile(filter)?.facet_counts(&self.data.incidents))
    }

    /// How many of the selection's incidents started within `days` of a context event, against
    /// chance (see [`events::Clustering`]).
    pub fn clustering(&self, filter: &Filter, days: u32) -> Result<events::Clustering> {
        let rows = self.select(filter)?;
        Ok(events::clustering(&self.context, &self.data.incidents, &rows, days))
    }

    pub fn records(&self, filter: &Filter) -> Result<Vec<IncidentRecord>> {
        Ok(self.select(filter)?.into_iter().filter_map(|k| self.record(k as usize)).collect())
    }

    /// A filter from text parameters (attributes, link parameters, command-line options; see
    /// [`Filter::from_params`]) checked against this dataset's vocabularies and scale. Every error
    /// names the parameter, not the API field.
    pub fn filter_from_params<'a>(&self, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Filter> {
        let mut filter = Filter::from_params(pairs)?;
        filter.compile(&self.data.scale).map_err(|e| match e {
            Error::Filter { field, message } => Error::Argument(format!("{}: {message}", Filter::param_of(&field))),
            other => other,
        })?;
        // Canonical spellings ("prk", "KP" and "North Korea" all become PRK), so controls built
        // from the facets show what the parameters chose. Every value parsed in compile above.
        fn canon<T>(
            list: &mut Option<Vec<String>>,
            parse: impl Fn(&str) -> Option<T>,
            name: impl Fn(T) -> &'static str,
        ) {
            for v in list.iter_mut().flatten() {
                if let Some(t) = parse(v) {
                    *v = name(t).to_string();
                }
            }
        }
        canon(&mut filter.initiators, Country::parse, Country::code);
        canon(&mut filter.targets, Country::parse, Country::code);
        canon(&mut filter.methods, Method::parse, Method::slug);
        canon(&mut filter.objectives, Objective::parse, Objective::slug);
        canon(&mut filter.target_types, TargetType::parse, TargetType::slug);
        canon(&mut filter.responses, ResponseKind::parse, ResponseKind::slug);
        if let Some(r) = filter.reading.as_mut() {
            *r = reading::find(r)?.id.clone();
        }
        Ok(filter)
    }

    pub fn scale(&self) -> &Scale {
        &self.data.scale
    }

    pub fn facets(&self) -> Facets {
        let store = &self.data.incidents;
        let scale = &self.data.scale;
        let t = &self.tally;
        Facets {
            total: store.len(),
            source: self.source.clone(),
            version: if self.source == "bundled" { BUNDLED_VERSION.trim().to_string() } else { String::new() },
            first_year: t.first_year(),
            last_year: t.last_year(),
            undated: t.undated(),
            initiators: t.initiators(),
            targets: t.targets(),
            methods: t.methods(),
            objectives: t.objectives(),
            target_types: t.target_types(),
            effects: t.effects(),
            attribution: t.attribution(),
            scope: t.scope(),
            responses: match self.responses.is_some() {
                true => response_choices(store),
                false => Vec::new(),
            },
            context: self.context.len(),
            levels: scale
                .levels()
                .map(|l| Level {
                    level: l,
                    label: scale.level_name(l).map_or_else(|| l.to_string(), str::to_string),
                    meaning: scale.level_meaning(l),
                })
                .collect(),
            readings: match reading::policy() {
                Ok(p) if scale.readings => p.readings.iter().map(Reading::info).collect(),
                _ => Vec::new(),
            },
            tiers: reading::policy().map(|p| p.tiers.iter().collect()).unwrap_or_default(),
            scale: scale.clone(),
            warnings: self.data.warnings.clone(),
        }
    }

    /// Draws `view` of the filtered selection over the whole area. The layout's marks name
    /// incidents by their index in [`Explorer::all`], so a mark found under the pointer leads
    /// straight to its record (see [`Explorer::record`]).
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        view: View,
        filter: &Filter,
        theme: &Theme,
    ) -> Result<Layout> {
        self.draw_with(area, view, filter, theme, self.show_context)
    }

    /// As [`Explorer::draw`], with the timeline's context lane on or off whatever
    /// [`Explorer::show_context`] said (the page and its elements share one explorer).
    pub fn draw_with<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        view: View,
        filter: &Filter,
        theme: &Theme,
        context: bool,
    ) -> Result<Layout> {
        let compiled = self.compile(filter)?;
        let chosen = self.selection(filter, &compiled);
        let input = self.chart_input(&compiled, &chosen, theme, context);
        // The selection's counts, kept from the last draw of it or from `prepare`, else kept now.
        let kept = self.kept.borrow().digest_of(&chosen);
        if let Some(digest) = kept {
            let _ = input.digest.set(digest);
        }
        let mut layout = chart::draw(area, view, &input)?;
        if let Some(digest) = input.digest.get() {
            self.kept.borrow_mut().digest = Some((Rc::clone(&chosen), Rc::clone(digest)));
        }
        for m in &mut layout.marks {
            m.index = chosen[m.index] as usize;
        }
        Ok(layout)
    }

    /// Where the incident with this id is in [`Explorer::all`] (ids compared exactly).
    pub fn index_of(&self, id: &str) -> Option<usize> {
        let store = &self.data.incidents;
        (0..store.len()).find(|&k| store.id(k) == id)
    }

    /// The record of the incident at `index` in [`Explorer::all`], or `None` past the end.
    pub fn record(&self, index: usize) -> Option<IncidentRecord> {
        (index < self.len()).then(|| IncidentRecord::new(&self.data.incidents.incident(index), &self.data.scale))
    }
}
