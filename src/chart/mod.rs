//! The two escalation charts, drawn with plotters onto any `DrawingBackend` (canvas in the page, a
//! recorder in tests, SVG or bitmap for static images). Each draw returns the geometry of what it
//! drew, in the backend's pixels, so the web layer can answer pointer queries without plotters.

mod context;
pub mod digest;
mod legend;
mod paint;
pub mod record;
mod responses;
#[cfg(not(target_arch = "wasm32"))]
mod scaled;
mod spectrum;
pub mod split;
mod theme;
mod thresholds;
mod timeline;

use crate::error::{Error, Result};
use crate::model::{Country, Scale};
use crate::reading::Reading;
use crate::store::Facts;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, RGBColor};
use serde::Serialize;

pub use paint::Shape;
#[cfg(not(target_arch = "wasm32"))]
pub use scaled::Scaled;
pub use theme::{parse_colour, Theme};

/// Which chart to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Dot plot of incidents stacked at their level on the 0-10 ladder.
    Spectrum,
    /// Severity over time, with the yearly maximum as a step line.
    Timeline,
    /// Severity across, the strongest response each incident drew up.
    Responses,
}

/// What the page and the embed say about one view: names, headings and the sentences under and
/// about the chart. [`VIEWS`] is the one list of views; the generated `www/schema.js` carries it to
/// JavaScript, so a new view is a row here plus its drawing code. Captions may name `{reading}`,
/// `{useOfForce}` and `{armedAttack}` (the active legal reading and its rules, in short), `{name}`
/// (the scale's name) and `{max}`.
pub struct ViewInfo {
    pub view: View,
    /// As the API, attributes and links spell it.
    pub name: &'static str,
    /// The view's button in an embed.
    #[cfg(not(target_arch = "wasm32"))]
    pub button: &'static str,
    /// The chart's heading on the explorer page.
    #[cfg(not(target_arch = "wasm32"))]
    pub heading: &'static str,
    /// The chart's name in its screen-reader summary.
    #[cfg(not(target_arch = "wasm32"))]
    pub title: &'static str,
    /// What a band of the chart (a column under the pointer, a Page Up/Down step) is: `level` or `year`.
    #[cfg(not(target_arch = "wasm32"))]
    pub band: &'static str,
    /// How the arrow keys walk the marks, as it follows "from incident to incident".
    #[cfg(not(target_arch = "wasm32"))]
    pub walk: &'static str,
    /// Whether the screen-reader summary names the busiest year.
    #[cfg(not(target_arch = "wasm32"))]
    pub busiest: bool,
    /// The caption's first clause, saying what a mark is: on a scale with thresholds, and without.
    #[cfg(not(target_arch = "wasm32"))]
    pub marks: [&'static str; 2],
    /// The rest of the caption, after "; ": on a scale with thresholds, and without.
    #[cfg(not(target_arch = "wasm32"))]
    pub rest: [&'static str; 2],
    /// What the chart draws instead of marks when there are too many ("Too many incidents for a
    /// mark each: " comes before it).
    #[cfg(not(target_arch = "wasm32"))]
    pub counted: &'static str,
    /// For a view drawn from what some data lacks: the statistics field that is then null
    /// (`responses`), and the caption that says so in place of the usual one (the chart is then a
    /// short box). Empty for a view any data fills.
    #[cfg(not(target_arch = "wasm32"))]
    pub needs: [&'static str; 2],
}

/// Every view, the default first.
pub const VIEWS: [ViewInfo; 3] = [
    // (On wasm32 each row keeps only the view and its name: the words are for JavaScript.)
    ViewInfo {
        view: View::Spectrum,
        name: "spectrum",
        #[cfg(not(target_arch = "wasm32"))]
        button: "Spectrum",
        #[cfg(not(target_arch = "wasm32"))]
        heading: "Escalation spectrum",
        #[cfg(not(target_arch = "wasm32"))]
        title: "Escalation spectrum",
        #[cfg(not(target_arch = "wasm32"))]
        band: "level",
        #[cfg(not(target_arch = "wasm32"))]
        walk: ", level by level",
        #[cfg(not(target_arch = "wasm32"))]
        busiest: false,
        #[cfg(not(target_arch = "wasm32"))]
        marks: [
            "Each mark is one incident, stacked at its level on the ladder",
            "Each mark is one incident, stacked at its score on {name}, 0 to {max}",
        ],
        #[cfg(not(target_arch = "wasm32"))]
        rest: [
            "\u{201c}\u{2013}\u{201d} collects incidents not coded. Dashed lines mark use of force ({useOfForce}) \
             and armed attack ({armedAttack}) in the reading of {reading}. Where the answer turns on physical \
             effects the shading is lighter and a ring marks each incident whose effects take it over the line (grey: \
             effects not coded); a bracket marks levels the reading leaves contested, and the bands below name the \
             responses lawful in each region.",
            "\u{201c}\u{2013}\u{201d} collects incidents without a score. That scale has no use-of-force or \
             armed-attack threshold, so none is drawn.",
        ],
        #[cfg(not(target_arch = "wasm32"))]
        counted: "every level is a bar of its count, stacked by initiator",
        #[cfg(not(target_arch = "wasm32"))]
        needs: ["", ""],
    },
    ViewInfo {
        view: View::Timeline,
        name: "timeline",
        #[cfg(not(target_arch = "wasm32"))]
        button: "Timeline",
        #[cfg(not(target_arch = "wasm32"))]
        heading: "Escalation over time",
        #[cfg(not(target_arch = "wasm32"))]
        title: "Escalation timeline",
        #[cfg(not(target_arch = "wasm32"))]
        band: "year",
        #[cfg(not(target_arch = "wasm32"))]
        walk: " in time order",
        #[cfg(not(target_arch = "wasm32"))]
        busiest: true,
        #[cfg(not(target_arch = "wasm32"))]
        marks: [
            "Each mark is one incident at its start date and level",
            "Each mark is one incident at its start date and its score on {name}",
        ],
        #[cfg(not(target_arch = "wasm32"))]
        rest: [
            "the line steps through each year\u{2019}s most severe incident. Dashed lines mark use of force \
             ({useOfForce}) and armed attack ({armedAttack}) in the reading of {reading}.",
            "the line steps through each year\u{2019}s highest score.",
        ],
        #[cfg(not(target_arch = "wasm32"))]
        counted: "each cell\u{2019}s shade is how many started in that period at that level",
        #[cfg(not(target_arch = "wasm32"))]
        needs: ["", ""],
    },
    ViewInfo {
        view: View::Responses,
        name: "responses",
        #[cfg(not(target_arch = "wasm32"))]
        button: "Responses",
        #[cfg(not(target_arch = "wasm32"))]
        heading: "What was done about it",
        #[cfg(not(target_arch = "wasm32"))]
        title: "Responses against the ladder",
        #[cfg(not(target_arch = "wasm32"))]
        band: "level",
        #[cfg(not(target_arch = "wasm32"))]
        walk: ", level by level, weakest response first",
        #[cfg(not(target_arch = "wasm32"))]
        busiest: false,
        #[cfg(not(target_arch = "wasm32"))]
        marks: [
            "Each mark is one incident, at its level and in the row of the strongest response it drew",
            "Each mark is one incident, at its score on {name} and in the row of the strongest response it drew",
        ],
        #[cfg(not(target_arch = "wasm32"))]
        rest: [
            "shaded cells are the graduated responses the reading of {reading} deems lawful at that level, so a mark \
             above the shading went beyond that menu and a mark low in it stayed well below what was open. \
             Dashed lines mark use of force ({useOfForce}) and armed attack ({armedAttack}).",
            "that scale has no thresholds, so no lawful responses are shaded.",
        ],
        #[cfg(not(target_arch = "wasm32"))]
        counted: "each cell shows how many incidents it holds",
        #[cfg(not(target_arch = "wasm32"))]
        needs: [
            "responses",
            "This data records no responses to its incidents, so this chart has nothing to place: the spectrum \
             and the timeline show its incidents. Data with a responses column (see the schema) fills it.",
        ],
    },
];

impl View {
    pub fn parse(name: &str) -> Result<View> {
        let n = name.trim().to_ascii_lowercase();
        VIEWS.iter().find(|v| v.name == n).map(|v| v.view).ok_or_else(|| {
            let names: Vec<String> = VIEWS.iter().map(|v| format!("'{}'", v.name)).collect();
            Error::Argument(format!("unknown view '{n}' (expected {})", names.join(" or ")))
        })
    }

    /// The view's row of [`VIEWS`].
    pub fn info(self) -> &'static ViewInfo {
        &VIEWS[self as usize]
    }
}

/// Okabe-Ito colours (safe for the common colour-vision deficiencies), minus yellow and black,
/// which vanish on white and on dark themes. Each comes with its own marker shape too.
pub const SERIES: [(RGBColor, Shape); 6] = [
    (RGBColor(0, 114, 178), Shape::Circle),
    (RGBColor(213, 94, 0), Shape::Square),
    (RGBColor(0, 158, 115), Shape::Triangle),
    (RGBColor(204, 121, 167), Shape::Diamond),
    (RGBColor(230, 159, 0), Shape::TriangleDown),
    (RGBColor(86, 180, 233), Shape::Hexagon),
];
/// "Other" initiators: a hollow ring in a grey that keeps 3:1 on both themes and stays apart from
/// every series above for protanopia, deuteranopia and tritanopia (tests/a11y.rs).
pub const OTHER: (RGBColor, Shape) = (RGBColor(110, 110, 110), Shape::Ring);

/// Colour and shape per initiator, fixed for a dataset (ranked by incident count over the whole
/// dataset) so a state keeps its colour whatever the filters; the tail shares "other".
#[derive(Clone, Debug)]
pub struct Palette {
    slots: Vec<Option<u8>>,
}

impl Palette {
    pub fn for_dataset(incidents: &[Facts]) -> Palette {
        let mut counts = vec![0usize; Country::count()];
        for i in incidents {
            counts[i.initiator.index()] += 1;
        }
        let mut order: Vec<usize> = (0..counts.len()).filter(|&c| counts[c] > 0).collect();
        crate::sort::by(&mut order, |&a, &b| counts[b].cmp(&counts[a]).then(a.cmp(&b)));
        let mut slots = vec![None; counts.len()];
        for (slot, &c) in order.iter().take(SERIES.len()).enumerate() {
            slots[c] = Some(slot as u8);
        }
        Palette { slots }
    }

    /// Series slot of an initiator; `None` for "other".
    pub fn slot(&self, c: Country) -> Option<usize> {
        self.slots[c.index()].map(usize::from)
    }

    pub fn style(&self, c: Country) -> (RGBColor, Shape) {
        self.slot(c).map_or(OTHER, |s| SERIES[s])
    }

    /// Colour and shape of the "other" series.
    pub fn style_other(&self) -> (RGBColor, Shape) {
        OTHER
    }
}

/// Where one incident's mark was drawn.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Mark {
    /// Index into the selection that was drawn (`Explorer::draw` turns it into an index into
    /// the whole dataset).
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// The band the mark belongs to: its level on the spectrum (-1: not coded), its year on the
    /// timeline. Keyboard navigation jumps from band to band.
    pub group: i32,
}

/// A column of the chart a reader can point at for its count: a level of the spectrum (through
/// its labels under the axis) or a year of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Band {
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
    /// The level (-1: not coded) or the year.
    pub key: i32,
    /// Incidents drawn in the band.
    pub count: usize,
}

/// What a draw produced: the size it laid out for, one mark per incident drawn in reading order
/// (level by level on the spectrum, in time order on the timeline) and the bands.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    pub marks: Vec<Mark>,
    pub bands: Vec<Band>,
    /// Drawn as counts (bars, shaded cells) because a mark per incident would not fit: then
    /// there are no marks, and the bands answer for the counts.
    pub aggregated: bool,
    /// The timeline's context events, each a mark whose `index` is the event's place in the
    /// explorer's context list; empty on other views or with the lane off.
    pub events: Vec<Mark>,
}

/// How far from a mark's edge a pointer still picks it, in CSS pixels: with the smallest marks
/// this gives a target of about 44 px across, the size of a fingertip.
pub const TOUCH_SLOP: f64 = 16.0;

impl Layout {
    /// The mark nearest to `(x, y)` (CSS pixels from the chart's top left, as pointer events give
    /// them) whose edge is within `slop` pixels, or `None`. Ties go to the mark drawn last (on
    /// top). Works from the geometry of the last draw, so it is right after any resize and at
    /// any devicePixelRatio, the layout being in CSS pixels.
    pub fn hit(&self, x: f64, y: f64, slop: f64) -> Option<&Mark> {
        self.hit_number(x, y, slop).map(|k| &self.marks[k])
    }

    /// As [`Layout::hit`], the mark's number in `marks` (its place in reading order).
    pub fn hit_number(&self, x: f64, y: f64, slop: f64) -> Option<usize> {
        let mut best: Option<(usize, f64)> = None;
        for (k, m) in self.marks.iter().enumerate() {
            let d = ((m.x - x).powi(2) + (m.y - y).powi(2)).sqrt();
            if d > m.r + slop {
                continue;
            }
            // Inside a mark counts as distance 0, so a big mark under the pointer wins over the
            // centre of a small neighbour.
            let gap = (d - m.r).max(0.0);
            if best.is_none_or(|(_, g)| gap <= g) {
                best = Some((k, gap));
            }
        }
        best.map(|(k, _)| k)
    }

    /// The context event whose marker is within `slop` pixels of `(x, y)`, nearest first.
    pub fn event_at(&self, x: f64, y: f64, slop: f64) -> Option<&Mark> {
        let d = |m: &Mark| ((m.x - x).powi(2) + (m.y - y).powi(2)).sqrt() - m.r;
        self.events.iter().filter(|m| d(m) <= slop).min_by(|a, b| d(a).total_cmp(&d(b)))
    }

    /// The band under `(x, y)`, or `None` outside every band.
    pub fn band_at(&self, x: f64, y: f64) -> Option<&Band> {
        self.bands.iter().find(|b| x >= b.x0 && x < b.x1 && y >= b.top && y <= b.bottom)
    }
}

/// Everything a chart needs besides the drawing area.
pub struct ChartInput<'a> {
    /// The facts of every incident in the dataset.
    pub facts: &'a [Facts],
    /// The rows drawn (indices into `facts`), in order.
    pub selection: &'a [u32],
    pub palette: &'a Palette,
    pub theme: &'a Theme,
    pub scale: &'a Scale,
    /// The legal reading whose thresholds and response tiers are drawn; `None` off the ladder.
    pub reading: Option<&'static Reading>,
    /// Per row of `facts`, the kinds of response drawn (see `Store::response_kinds`); `None` when
    /// the data carries no responses.
    pub responses: Option<&'a [u16]>,
    /// Context events the timeline draws in a lane; empty for none.
    pub context: &'a [crate::events::Event],
    /// The legend, worked out once by the first who needs it (see [`legend::summary`]).
    pub legend: std::cell::OnceCell<legend::Summary>,
    /// The selection's counts, made once by the first who needs them, or handed in made ahead
    /// (see [`ChartInput::digest`]).
    pub digest: std::cell::OnceCell<std::rc::Rc<digest::Digest>>,
    /// Whether the legend counts the dated incidents only (the timeline's, which draws no other).
    pub dated_only: bool,
    /// The years the timeline spans, first and last, when set from outside (the panels of a
    /// comparison share one span); `None`: the years of the incidents drawn.
    pub years: Option<(i32, i32)>,
}

impl ChartInput<'_> {
    /// How many incidents are drawn.
    pub fn len(&self) -> usize {
        self.selection.len()
    }

    pub fn is_empty(&self) -> bool {
        self.selection.is_empty()
    }

    /// The `idx`-th incident drawn.
    pub fn at(&self, idx: usize) -> &Facts {
        &self.facts[self.selection[idx] as usize]
    }

    /// The selection's counts (see [`digest::Digest`]): made on first use unless handed in.
    pub fn digest(&self) -> &digest::Digest {
        self.digest.get_or_init(|| std::rc::Rc::new(digest::Digest::of(self)))
    }

    /// The incidents drawn, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Facts> + '_ {
        self.selection.iter().map(|&k| &self.facts[k as usize])
    }
}

/// The smallest chart area drawn, in CSS px each way: below it the labels would overlap.
pub const MIN_CHART_PX: u32 = 120;

/// Draws `view` over the whole area.
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: View, input: &ChartInput) -> Result<Layout> {
    let (w, h) = area.dim_in_pixel();
    if w < MIN_CHART_PX || h < MIN_CHART_PX {
        return Err(Error::Argument(format!(
            "the chart area is {w}x{h} px; it needs at least {MIN_CHART_PX}x{MIN_CHART_PX}"
        )));
    }
    let result = match view {
        View::Spectrum => spectrum::draw(area, input),
        View::Timeline => timeline::draw(area, input),
        View::Responses => responses::draw(area, input),
    };
    area.present().map_err(|e| Error::Draw(e.to_string()))?;
    result
}
