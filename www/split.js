// Comparison as small multiples (`compare="initiator"` or `"target"`): the value read from an
// attribute or a link, the control that chooses it, the canvas height its panels need and what a
// screen reader hears about them. The panels themselves are drawn by Rust (Explorer.draw with
// compare; Explorer.panels says which states).
import { COMPARE, MIN_CHART_PX } from './schema.js';

/** Height of one panel, CSS px (its title strip and a chart); taller on a phone, where the
 * legend and the level names take more lines. */
export const PANEL_PX = 300;
const PANEL_PX_NARROW = 380;
const NAMES = COMPARE.map((c) => c.name);

/** `{value, problem}`: the comparison an attribute or link asks for ('' for none), and what is
 * wrong with a value that is not one (the chart then compares nothing). */
export function readCompare(raw) {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '' || v === 'none' || NAMES.includes(v)) return { value: v === 'none' ? '' : v, problem: null };
  return { value: '', problem: `compare="${v}": expected ${NAMES.join(' or ')} (no comparison is drawn)` };
}

/** A labelled select of the comparisons, `value` chosen; `onChange(value)` on each choice. `el`
 * is its row (the page adds the reference switch to it). */
export function compareControl(value, onChange) {
  const row = document.createElement('div');
  row.className = 'compare-pick';
  const label = document.createElement('label');
  const select = document.createElement('select');
  select.name = 'compare';
  select.append(new Option('No comparison', ''), ...COMPARE.map((c) => new Option(c.label, c.name)));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value));
  label.append('Compare ', select);
  row.append(label);
  return { el: row, select };
}

/** A switch for the reference incidents outside Korea (the Scope filter's "reference" choice),
 * beside Compare, so a comparison includes or leaves them out knowingly in one tap:
 * `onChange(on)`; `sync(filter, facets)` shows what the filter does (hidden where the data has
 * no reference incidents). */
export function referenceToggle(onChange) {
  const label = document.createElement('label');
  label.className = 'reference-toggle';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = true;
  box.addEventListener('change', () => onChange(box.checked));
  label.append(box, ' Include the reference incidents outside Korea');
  const sync = (filter, facets) => {
    label.hidden = !facets?.scope?.some((c) => c.value === 'reference');
    box.checked = !filter.scope?.length || filter.scope.includes('reference');
  };
  return { label, sync };
}

/** Sizes `canvas` for `panels`, or `short` for a chart with nothing to draw; with neither, gives
 * it back the height it had before. */
export function sizeFor(canvas, panels, short = false) {
  if (panels || short) {
    if (!('before' in canvas.dataset)) canvas.dataset.before = canvas.style.height;
    const each = canvas.clientWidth < 600 ? PANEL_PX_NARROW : PANEL_PX;
    // A chart whose data lacks what it draws is a short box saying so: the smallest the core
    // draws in, plus the canvas's own border.
    const height = short ? `${MIN_CHART_PX + canvas.offsetHeight - canvas.clientHeight}px` : `${Math.max(1, panels.length) * each}px`;
    if (canvas.style.height !== height) canvas.style.height = height;
  } else if ('before' in canvas.dataset) {
    canvas.style.height = canvas.dataset.before;
    delete canvas.dataset.before;
  }
}

// Built on first use: see formats() in responses-view.js.
let tenths = null;
const tenth = (x) => (tenths ??= new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(x);

/** The panels in a sentence: "Compared by initiator, a panel each: North Korea, 107 incidents,
 * mean severity 3.0, median 3.0, maximum 6; ...". */
export function panelsText(panels, by) {
  const label = COMPARE.find((c) => c.name === by)?.label.toLowerCase() ?? by;
  if (!panels.length) return `Compared ${label}: no incidents match.`;
  const one = (p) => `${p.name}, ${p.count} incident${p.count === 1 ? '' : 's'}`
    + (p.maxSeverity === null ? ', none coded' : `, mean severity ${tenth(p.meanSeverity)}, median ${tenth(p.medianSeverity)}, maximum ${p.maxSeverity}`);
  return `Compared ${label}, a panel each on one scale: ${panels.map(one).join('; ')}.`;
}
