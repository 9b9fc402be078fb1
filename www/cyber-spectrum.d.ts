// Types of the <cyber-spectrum> element (cyber-spectrum.js). The data shapes (Filter, Stats ...)
// are the explorer module's, generated from the Rust core into pkg/cyber_spectrum.d.ts.
import type { Filter, Stats } from './pkg/cyber_spectrum.js';

export type { Filter, Stats } from './pkg/cyber_spectrum.js';

/** This code's version, e.g. "0.1.0". */
export const VERSION: string;

/** The filter attributes, in the order links and embed code write them (`from`, `initiators` ...). */
export const FILTER_ATTRIBUTES: string[];
/** The element's other attributes (`view`, `src`, `format`, `timeout`, `theme`, `controls`, `height`,
 * `lang`, `dataset-version`, `incident`); `wasm` is read from the first element on a page. */
export const SETTINGS: string[];

/** `{wasm}`: the wasm file's URL when it is served apart from the module; call before the first chart starts. */
export function configure(options?: { wasm?: string }): void;

/** What a `change` event carries. */
export interface ChangeDetail {
  filter: Filter;
  view: string;
  stats: Stats | null;
  /** `attribute`, `api`, `controls`, or `incident` when a card opened or closed. */
  cause: string;
  /** With cause `incident`: the open card's incident id, or null when it closed. */
  incident?: string | null;
}

export class CyberSpectrum extends HTMLElement {
  /** The current filter (a copy); set it to change the chart (a bad one is shown in the element, not thrown). */
  filter: Filter;
  /** `"spectrum"` or `"timeline"`. */
  view: string;
  /** The figures of the current selection (null until the first chart). */
  readonly stats: Stats | null;
  /** Settles when the first chart is drawn, or rejects with the message the element shows. */
  readonly ready: Promise<CyberSpectrum>;
  /** This code's version and the bundled dataset's (`"0.5.0 (data as of 2025-12-31)"`; null until
   * the data is read, and for data from `src`). */
  readonly version: { code: string; dataset: string | null };
  /** Draws again, e.g. after the page changed the theme's custom properties. */
  redraw(): void;
  addEventListener(type: 'change', listener: (event: CustomEvent<ChangeDetail>) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'cyber-spectrum': CyberSpectrum;
  }
}
