//! Comparison as small multiples: which states get a panel, and the chart drawn as panels.

use super::Explorer;
use crate::chart::split::{self, Panel, MAX_PANELS, TOP_PANELS};
use crate::chart::{ChartInput, Layout, Theme, View};
use crate::error::Result;
use crate::filter::Filter;
use crate::model::{Country, Split};
use crate::stats::{self, CountryCount};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

impl Explorer {
    /// The states a comparison `by` initiator or target shows, a panel each, with their counts and
    /// severity in the selection: those the filter names (in its order, at most [`MAX_PANELS`],
    /// even with no incident), or else the [`TOP_PANELS`] with most incidents.
    pub fn panels(&self, filter: &Filter, by: Split) -> Result<Vec<CountryCount>> {
        let rows = self.select(filter)?;
        Ok(self.panels_of(filter, &rows, by))
    }

    fn panels_of(&self, filter: &Filter, rows: &[u32], by: Split) -> Vec<CountryCount> {
        let s = stats::compute(&self.data.incidents, rows, &self.data.scale, None);
        let (list, named) = match by {
            Split::Initiator => (s.by_initiator, &filter.initiators),
            Split::Target => (s.by_target, &filter.targets),
        };
        match named.as_ref().filter(|n| !n.is_empty()) {
            Some(named) => named
                .iter()
                .filter_map(|code| Country::parse(code))
                .map(|c| {
                    list.iter().find(|x| x.code == c.code()).cloned().unwrap_or(CountryCount {
                        code: c.code(),
                        name: c.name(),
                        count: 0,
                        share: 0.0,
                        mean_severity: None,
                        median_severity: None,
                        max_severity: None,
                    })
                })
                .take(MAX_PANELS)
                .collect(),
            None => list.into_iter().take(TOP_PANELS).collect(),
        }
    }

    /// Draws `view` as small multiples, a panel per state of [`Explorer::panels`]; the layout's
    /// marks are indices into the whole dataset, as [`Explorer::draw_with`]'s.
    pub fn draw_split<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        view: View,
        filter: &Filter,
        theme: &Theme,
        context: bool,
        by: Split,
    ) -> Result<Layout> {
        let compiled = self.compile(filter)?;
        let store = &self.data.incidents;
        let rows = self.selection(filter, &compiled);
        let states = self.panels_of(filter, &rows, by);
        let facts = store.facts();
        let panels: Vec<Panel> = states
            .iter()
            .map(|state| {
                let c = Country::parse(state.code);
                let holds = |k: usize| match by {
                    Split::Initiator => Some(facts[k].initiator) == c,
                    Split::Target => {
                        Some(facts[k].target) == c || (facts[k].targets > 1 && store.targets(k).any(|t| Some(t) == c))
                    }
                };
                Panel { state, selection: rows.iter().copied().filter(|&k| holds(k as usize)).collect() }
            })
            .collect();
        // One span of years for every panel: that of the whole selection.
        let years = rows.iter().filter_map(|&k| facts[k as usize].start.map(|d| d.year));
        let input = ChartInput {
            years: years.clone().min().zip(years.max()),
            ..self.chart_input(&compiled, &rows, theme, context)
        };
        split::draw(area, view, &input, &panels)
    }
}
