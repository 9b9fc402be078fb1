//! DCID v2.0 (Dyadic Cyber Incident and Campaign Dataset), its incident sheet as CSV or read from
//! the workbook. Initiators are COW codes, states are DCID's short names, the target is the dyad
//! member that is not the initiator. Quirky rows are kept, each quirk reported as a warning.

use super::table::{normalise, RowRef, Rows};
use super::{Dataset, Warning};
use crate::error::{Error, Result};
use crate::model::{Country, Incident, Method, Objective, PartialDate, TargetType, MAX_LEVEL};
use crate::strs::trim;

/// Columns that identify the DCID incident sheet.
pub(super) const SIGNATURE: [&str; 4] = ["Cyberincidentnum", "Dyadpair", "StateA", "StateB"];
// The required columns, each found in a row by its place in REQUIRED, given here beside its name.
const NUM: usize = 0;
const STATE_A: usize = 1;
const STATE_B: usize = 2;
const NAME: usize = 3;
const START: usize = 4;
const METHOD: usize = 5;
const TARGET_TYPE: usize = 6;
const INITIATOR: usize = 7;
const SEVERITY: usize = 8;
const REQUIRED: [&str; 9] = {
    let mut names = [""; 9];
    names[NUM] = "Cyberincidentnum";
    names[STATE_A] = "StateA";
    names[STATE_B] = "StateB";
    names[NAME] = "Name";
    names[START] = "interactionstartdate";
    names[METHOD] = "method";
    names[TARGET_TYPE] = "targettype";
    names[INITIATOR] = "initiator";
    names[SEVERITY] = "severity";
    names
};

pub(super) fn looks_like(header: &[String]) -> bool {
    SIGNATURE.iter().all(|s| header.iter().any(|h| normalise(h) == normalise(s)))
}

fn method(code: &str) -> Option<Method> {
    Some(match code {
        "1" => Method::Vandalism,
        "2" => Method::Ddos,
        "3" => Method::Intrusion,
        "4" => Method::Infiltration,
        "4.1" => Method::Wiper,
        "4.2" => Method::Virus,
        "4.3" => Method::Worm,
        "4.4" => Method::Keylogger,
        _ => return None,
    })
}

fn target_type(code: &str) -> Option<TargetType> {
    Some(match code {
        "1" => TargetType::Private,
        "2" => TargetType::Government,
        "3" => TargetType::Military,
        _ => return None,
    })
}

fn objective(code: &str) -> Option<Objective> {
    Some(match code {
        "1" => Objective::Disruption,
        "2" => Objective::ShortTermEspionage,
        "3" => Objective::LongTermEspionage,
        "4" => Objective::Degradation,
        _ => return None,
    })
}

/// A numeric code as DCID writes it: `3`, `3.0` and ` 3 ` are the same code.
fn code(raw: &str) -> &str {
    let t = trim(raw);
    t.strip_suffix(".0").unwrap_or(t)
}

/// Where a DCID sheet's columns are: the required ones ([`REQUIRED`]'s order) and the optional.
struct Columns {
    idx: [usize; REQUIRED.len()],
    end: Option<usize>,
    objective: Option<usize>,
    crit: Option<usize>,
    text: Option<usize>,
    sources: Vec<usize>,
}

impl Columns {
    /// One row as an incident, its problems added to `warnings`. A function of its own, never
    /// inlined into the loop over the rows: the browser runs a long-running wasm function in its
    /// first, quickly compiled code until it is called again, but a function called per row
    /// soon runs in its optimised code (the first read of a file took up to half again as long).
    #[inline(never)]
    fn incident(&self, r: &RowRef<'_>, warnings: &mut Vec<Warning>) -> Result<Incident> {
        let cell = |i: usize| r.cells.get(i).unwrap_or("");
        let get = |k: usize| cell(self.idx[k]);
        let err = |column: &str, message: String| Error::row(r.row, r.line, column, message);
        let mut warn = |column: &str, message: String| Warning::push(warnings, r.row, column, message);

        let num = code(get(NUM));
        if num.is_empty() {
            return Err(err("Cyberincidentnum", "is empty but required".into()));
        }
        let mut state = |k: usize| -> Country {
            let (column, raw) = (REQUIRED[k], get(k));
            if raw != trim(raw) {
                warn(column, format!("'{raw}' has stray spaces; read as '{}'", trim(raw)));
            }
            Country::parse(raw).unwrap_or_else(|| {
                warn(column, format!("unknown state '{}'; kept as unknown", trim(raw)));
                Country::unknown()
            })
        };
        let (a, b) = (state(STATE_A), state(STATE_B));
        let initiator = match Country::from_cow(get(INITIATOR)) {
            Some(c) => c,
            None => {
                warn("initiator", format!("unknown COW code '{}'; kept as unknown", trim(get(INITIATOR))));
                Country::unknown()
            }
        };
        let target = if initiator == a {
            b
        } else if initiator == b {
            a
        } else {
            warn(
                "initiator",
                format!(
                    "initiator {} is in neither member of the dyad ({}, {}); target kept as unknown",
                    initiator.name(),
                    a.name(),
                    b.name()
                ),
            );
            Country::unknown()
        };

        let start = match PartialDate::parse(get(START)) {
            Ok(d) => Some(d),
            Err(m) => {
                let m = if trim(get(START)).is_empty() { "is empty".to_string() } else { m };
                warn("interactionstartdate", format!("{m}; kept as undated (counted, but not on the timeline)"));
                None
            }
        };
        let end = match self.end.map(cell).map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(v) => match PartialDate::parse(v) {
                Ok(e) => {
                    if let Some(start) = start.filter(|s| e.surely_before(s)) {
                        warn("interactionenddate", format!("ends ({e}) before it starts ({start}); kept as given"));
                    }
                    Some(e)
                }
                Err(m) => {
                    warn("interactionenddate", format!("{m}; end date left empty"));
                    None
                }
            },
        };
        let method_code = code(get(METHOD));
        let method = method(method_code);
        if method.is_none() {
            warn("method", format!("method code '{method_code}' is not in the DCID codebook (1, 2, 3, 4, 4.1-4.4); kept without a method"));
        }
        let tt_code = code(get(TARGET_TYPE));
        let target_type = target_type(tt_code);
        if target_type.is_none() {
            warn("targettype", format!("target type code '{tt_code}' is not 1, 2 or 3; kept without one"));
        }
        let objective = match self.objective.map(cell).map(code) {
            Some(c) if !c.is_empty() => {
                let o = objective(c);
                if o.is_none() {
                    warn("cyber_objective", format!("objective code '{c}' is not 1-4; kept without one"));
                }
                o
            }
            _ => None,
        };
        if let Some(c) = self.crit.map(cell).map(code).filter(|c| !c.is_empty()) {
            if !matches!(c.parse::<u8>(), Ok(1..=17)) {
                warn("Crit Inf", format!("critical-infrastructure code '{c}' is outside the codebook (1-17)"));
            }
        }
        let sev_raw = code(get(SEVERITY));
        let severity = if sev_raw.is_empty() {
            None
        } else {
            match sev_raw.parse::<u8>() {
                Ok(s) if s <= MAX_LEVEL => Some(s),
                _ => {
                    warn("severity", format!("'{sev_raw}' is not a level 0-{MAX_LEVEL}; kept as not coded"));
                    None
                }
            }
        };
        let sources =
            self.sources.iter().map(|&i| trim(cell(i))).filter(|s| super::is_url(s)).map(str::to_string).collect();
        Ok(Incident {
            id: format!("dcid-{num}"),
            name: match trim(get(NAME)) {
                "" => format!("DCID incident {num}"),
                n => n.to_string(),
            },
            start,
            end,
            initiator,
            targets: vec![target],
            target_type,
            method,
            objective,
            severity,
            effects: None,
            rationale: "DCID v2.0 severity coding".into(),
            attributed_by: String::new(),
            attribution_date: None,
            certainty: None,
            scope: None,
            description: trim(self.text.map(cell).unwrap_or("")).to_string(),
            sources,
        })
    }
}

/// A DCID sheet being read: where its columns are and the incidents so far. Rows may come in
/// several goes, as a file downloads (see `super::stream`).
pub(super) struct Reader {
    columns: Columns,
    data: Dataset,
}

impl Reader {
    /// Finds the columns in `table`'s header, setting aside room for `bytes` more of text.
    pub(super) fn open(table: &dyn Rows, bytes: usize) -> Result<Reader> {
        let col = |name: &str| table.column(name);
        let mut missing = Vec::new();
        let mut idx = [0usize; REQUIRED.len()];
        for (k, name) in REQUIRED.iter().enumerate() {
            match col(name) {
                Some(i) => idx[k] = i,
                None => missing.push(*name),
            }
        }
        if !missing.is_empty() {
            return Err(Error::File(format!(
                "this DCID sheet lacks the column{} {}",
                if missing.len() > 1 { "s" } else { "" },
                missing.join(", ")
            )));
        }
        let columns = Columns {
            idx,
            end: col("interactionenddate"),
            objective: col("cyber_objective"),
            crit: col("Crit Inf"),
            text: col("Political Objective"),
            sources: (1..=5).filter_map(|k| col(&format!("Sources{k}"))).collect(),
        };
        // A row's texts are most of its bytes: the text set aside at once (a DCID row is about 400 bytes).
        let incidents = crate::store::Store::with_capacity(bytes / 256, bytes);
        Ok(Reader { columns, data: Dataset { incidents, ..Dataset::default() } })
    }

    /// Reads the rows `table` has (all of them, or as far as its text has arrived).
    pub(super) fn read(&mut self, table: &mut dyn Rows) -> Result<()> {
        while let Some(r) = table.next_row()? {
            let incident = self.columns.incident(&r, &mut self.data.warnings)?;
            self.data.incidents.push(incident);
        }
        Ok(())
    }

    /// The incidents read, once every row has been.
    pub(super) fn finish(self) -> Result<Dataset> {
        if self.data.incidents.is_empty() {
            return Err(Error::File("the DCID sheet has a header but no incidents".into()));
        }
        Ok(self.data)
    }
}

pub(super) fn parse(table: &mut dyn Rows) -> Result<Dataset> {
    let mut reader = Reader::open(table, table.bytes_left())?;
    reader.read(table)?;
    reader.finish()
}
