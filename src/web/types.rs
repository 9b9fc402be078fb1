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
  /** How firm the attribution is: `confirmed`, `vendor`, `suspected`. */
  attribution?: string[];
  /** Kinds of response the incident drew, any of them (`attribution`, `sanctions` ...), or
   * `none-known` for none found. An error on data that carries no responses. */
  responses?: string[];
  /** Why the incident is in the data: `peninsula`, `reference` (outside Korea, anchors the ladder). */
  scope?: string[];
  /** Lowest level included; either bound leaves out incidents not coded. */
  minSeverity?: number;
  maxSeverity?: number;
  /** Case-insensitive text matched against names and ids. */
  search?: string;
  /** Whose legal reading of the thresholds to apply: a reading's `id` (see `Facets.readings`);
   * absent means the default, the first. Selects no incidents. */
  reading?: string;
}

/** A state's incidents in the selection, with the severity of those coded (null: none coded). */
export interface CountryCount {
  code: string; name: string; count: number; share: number;
  meanSeverity: number | null; medianSeverity: number | null; maxSeverity: number | null;
}
export interface DyadCount {
  initiator: string; target: string; initiatorName: string; targetName: string; count: number; share: number;
}
export interface YearStat { year: number; count: number; maxSeverity: number | null; meanSeverity: number | null; }

/** Statistics of a selection. Threshold figures follow the filter's legal reading; they are null
 * on a scale the readings do not apply to, or where the reading states no such threshold. */
export interface Stats {
  total: number;
  byInitiator: CountryCount[];
  byTarget: CountryCount[];
  dyads: DyadCount[];
  byYear: YearStat[];
  /** Incidents at each level, 0 to the scale's top. */
  severityCounts: number[];
  notCoded: number;
  /** Incidents without a start date: counted, but in no year and not on the timeline. */
  undated: number;
  meanSeverity: number | null;
  medianSeverity: number | null;
  maxSeverity: number | null;
  /** The reading's id and name. */
  reading: string | null;
  readingName: string | null;
  atOrAboveUseOfForce: number | null;
  atOrAboveArmedAttack: number | null;
  /** Incidents whose answer turns on physical effects that are not coded: counted neither way. */
  undecidedUseOfForce: number | null;
  undecidedArmedAttack: number | null;
  /** The lowest level at which the threshold can be reached under the reading. */
  useOfForceLevel: number | null;
  armedAttackLevel: number | null;
  /** The reading's rule in words. */
  useOfForceRule: string | null;
  armedAttackRule: string | null;
  firstYear: number | null;
  lastYear: number | null;
  /** Name of the most severe incident. */
  /** The incidents at the top level, oldest first (at most five named), and how many there are. */
  mostSevere: string[];
  mostSevereCount: number;
  /** The responses the selection drew; null when the data carries no responses. */
  responses: ResponseStats | null;
  /** Incidents near context events against chance (30 days); null when the data has no context. */
  clustering: Clustering | null;
}

/** How many incidents drew each kind of response, none, a first attribution or legal measure
 * (with the median days from the incident's start). */
export interface ResponseStats {
  byKind: Choice[];
  noneKnown: number;
  attributed: number;
  medianDaysToAttribution: number | null;
  legal: number;
  medianDaysToLegal: number | null;
}
/** Of the selection's incidents dated to the day, how many started within `window` days of a
 * context event, and how many would if spread evenly over the selection's years. */
export interface Clustering {
  window: number; dated: number; near: number; expected: number; events: number;
  firstYear: number | null; lastYear: number | null;
}
/** One response to an incident, as the card lists it; `daysAfter` null for `none-known`. */
export interface ResponseRecord {
  id: string; date: string; kind: string; kindLabel: string; responders: string[];
  description: string; sources: string[]; daysAfter: number | null;
}
/** A dated non-cyber event of the context lane. */
export interface ContextEvent {
  id: string; date: string; end: string | null; kind: string; kindLabel: string; name: string;
  description: string; sources: string[];
}

export interface Choice { value: string; label: string; count: number; }
export interface Level { level: number; label: string; meaning: string; }
export interface Scale {
  key: string; name: string; short: string; max: number;
  /** Whether the legal readings of the thresholds apply (the 0-10 ladder only). */
  readings: boolean;
}
/** A threshold as a reading states it: the rule in words and in a label, the lowest level it can
 * be reached at, and the lowest it holds at whatever the effects (null: only with effects). */
export interface ThresholdRule { rule: string; short: string; from: number; firm: number | null; }
/** A published legal reading of the thresholds, mapped onto the ladder (the mapping is ours).
 * Its words (who, document, date, basis, mapping, sources) are in `pkg/cyber_spectrum_readings.json`
 * beside the module: `{readings: {[id]: ReadingWords}, tiers: {[id]: {definition, sources}}}`. */
export interface Reading {
  id: string; name: string;
  kind: "experts" | "state" | "alliance" | "commentator" | "project";
  /** The heading readings of its kind are grouped under ("States"). */
  group: string;
  /** null: the reading states no such threshold that could be sourced. */
  useOfForce: ThresholdRule | null;
  armedAttack: ThresholdRule | null;
  contested: Contested | null;
  /** No gap between the thresholds (the United States). */
  noGap: boolean;
  /** The ladder cut into regions, for the effects each level implies (physical to 6, deaths from 7). */
  regions: Span[];
}
/** Levels a reading leaves disputed for one threshold. */
export interface Contested { from: number; to: number; threshold: "use-of-force" | "armed-attack"; }
/** A run of levels in one region of a reading, with the region in words. */
export interface Span { from: number; to: number; region: Region; label: string; }
export type Region = "below-use-of-force" | "between" | "armed-attack";
/** A graduated response and the region of the ladder where it is lawful. */
export interface Tier { id: string; region: Region; name: string; short: string; }
export interface ReadingWords { who: string; document: string; date: string; basis: string; mapping: string; sources: string[]; }
export type Verdict = "yes" | "no" | "undecided";
export interface Treaty { name: string; clause: string; parties: string[]; scope: string; source: string; }
/** What one incident amounts to under the filter's reading. */
export interface Assessment {
  reading: string; readingName: string;
  useOfForce: Verdict | null; armedAttack: Verdict | null;
  /** Collective-defence clauses its targets bring into play, when it reaches armed attack. */
  treaties: Treaty[];
}
export interface Named { index: number; id: string; name: string; level: number; }
/** How many incidents reach a threshold, and the first 50 of them, most severe first. */
export interface Reached { count: number; undecided: number; incidents: Named[]; undecidedIncidents: Named[]; }
export interface ReadingRow { id: string; name: string; useOfForce: Reached | null; armedAttack: Reached | null; }
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
  /** Incidents without a start date. */
  undated: number;
  initiators: Choice[];
  targets: Choice[];
  methods: Choice[];
  objectives: Choice[];
  targetTypes: Choice[];
  /** Physical effects coded in the data (`none`, `data`, `physical`, `injury`, `death`). */
  effects: Choice[];
  /** How firmly incidents are attributed (`confirmed`, `vendor`, `suspected`): the `attribution` filter. */
  attribution: Choice[];
  scope: Choice[];
  /** Kinds of response drawn (the `responses` filter), `none-known` first; empty when the data
   * carries no responses. */
  responses: Choice[];
  /** How many context events the data has. */
  context: number;
  scale: Scale;
  levels: Level[];
  /** The legal readings, the default first; empty when they do not apply. */
  readings: Reading[];
  tiers: Tier[];
  warnings: Warning[];
}

/** One incident with every field, codes and their display names. */
export interface IncidentRecord {
  id: string;
  name: string;
  /** Empty when undated. */
  start: string;
  precision: "day" | "month" | "year" | "unknown";
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
  /** What it did physically: `none`, `data`, `physical`, `injury` or `death`, or null when not coded. */
  effects: string | null;
  rationale: string;
  attributedBy: string;
  attributionDate: string | null;
  /** How firm the attribution is: `confirmed`, `vendor` or `suspected`, or null when not coded. */
  certainty: string | null;
  /** `peninsula` or `reference` (outside Korea, anchors the ladder), or null when not coded. */
  scope: string | null;
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
  /** The incidents' texts, UTF-8. */
  text: Uint8Array;
  ends: Uint32Array;
  scale: Scale;
  warnings: Warning[];
  format: string;
  total: number;
  /** The responses the source records (CFR, EuRepoC), packed text; absent when it records none. */
  responses?: string;
}
"#;
