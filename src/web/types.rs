//! The TypeScript shapes of the plain objects the exports take and give, written into both modules'
//! `.d.ts` (wasm-bindgen types them `any` otherwise). `tests/types.rs` checks them against the
//! Rust types they describe: the filter fields' table, and the serialised statistics, facets,
//! incident records and import results.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A selection; every field optional (an absent field or an empty list does not constrain). */
export interface Filter {
  /** First year included (by start date). */
  from?: number;
  /** Last year included. */
  to?: number;
  /** Initiator states, ISO alpha-3 (`PRK`). */
  initiators?: string[];
  /** Target states, ISO alpha-3; an incident matches when any of its targets is listed. */
  targets?: string[];
  methods?: string[];
  objectives?: string[];
  targetTypes?: string[];
  /** Lowest level included; either bound leaves out incidents not coded. */
  minSeverity?: number;
  maxSeverity?: number;
  /** Case-insensitive text matched against names and ids. */
  search?: string;
}

export interface CountryCount { code: string; name: string; count: number; share: number; }
export interface DyadCount {
  initiator: string; target: string; initiatorName: string; targetName: string; count: number; share: number;
}
export interface YearStat { year: number; count: number; maxSeverity: number | null; meanSeverity: number | null; }

/** Statistics of a selection. Threshold counts are null on a scale without thresholds. */
export interface Stats {
  total: number;
  byInitiator: CountryCount[];
  byTarget: CountryCount[];
  dyads: DyadCount[];
  byYear: YearStat[];
  /** Incidents at each level, 0 to the scale's top. */
  severityCounts: number[];
  notCoded: number;
  meanSeverity: number | null;
  medianSeverity: number | null;
  maxSeverity: number | null;
  atOrAboveUseOfForce: number | null;
  atOrAboveArmedAttack: number | null;
  useOfForceLevel: number | null;
  armedAttackLevel: number | null;
  firstYear: number | null;
  lastYear: number | null;
  /** Name of the most severe incident. */
  mostSevere: string | null;
}

export interface Choice { value: string; label: string; count: number; }
export interface Level { level: number; label: string; meaning: string; }
export interface Scale {
  key: string; name: string; short: string; max: number; useOfForce: number | null; armedAttack: number | null;
}
/** A problem the import noticed but kept the row: row 0 is the header or the file. */
export interface Warning { row: number; column: string; message: string; }

/** What the filter controls can offer, and what the data is. */
export interface Facets {
  total: number;
  /** `bundled`, or the format the data was read as. */
  source: string;
  version: string;
  firstYear: number | null;
  lastYear: number | null;
  initiators: Choice[];
  targets: Choice[];
  methods: Choice[];
  objectives: Choice[];
  targetTypes: Choice[];
  scale: Scale;
  levels: Level[];
  useOfForce: number | null;
  armedAttack: number | null;
  warnings: Warning[];
}

/** One incident with every field, codes and their display names. */
export interface IncidentRecord {
  id: string;
  name: string;
  start: string;
  precision: "day" | "month" | "year";
  end: string | null;
  initiator: string;
  initiatorName: string;
  targets: string[];
  targetNames: string[];
  targetType: string | null;
  method: string | null;
  objective: string | null;
  severity: number | null;
  severityLabel: string | null;
  rationale: string;
  attributedBy: string;
  attributionDate: string | null;
  description: string;
  sources: string[];
}

/** One incident's mark, in CSS pixels from the canvas's top left; `group` is its level (-1: not
 * coded) on the spectrum, its year on the timeline; `incident` is what `Explorer.record` takes. */
export interface Mark { x: number; y: number; r: number; group: number; incident: number; }
/** A level's or a year's column: `key` the level (-1: not coded) or the year, `count` its incidents. */
export interface Band { x0: number; x1: number; top: number; bottom: number; key: number; count: number; }

/** The importer's result, for `Explorer.fromImport`: the incidents in columns, and what was read. */
export interface Imported {
  facts: Uint8Array;
  more: Uint32Array;
  text: string;
  ends: Uint32Array;
  scale: Scale;
  warnings: Warning[];
  format: string;
  total: number;
}
"#;
