// The filter form, built from the filter fields' table (FILTERS in schema.js, generated from
// Rust) and the dataset's facets, and read back into a filter object. A control left at its
// default adds nothing to the filter, so "all" really means all (including incidents not coded,
// which any severity bound would leave out).
import { FILTERS } from './schema.js';

/** Control names a page or an embed may show (the `controls` attribute picks among them): the
 * single-value controls (ranges, search) first, then the lists, as the form lays them out. */
export const CONTROL_NAMES = [...new Set([...FILTERS.filter((f) => f.kind !== 'list'), ...FILTERS.filter((f) => f.kind === 'list')]
  .map((f) => f.control))];

function option(value, label, selected) {
  const o = document.createElement('option');
  o.value = String(value);
  o.textContent = label;
  o.defaultSelected = selected;
  o.selected = selected;
  return o;
}

function fillSelect(select, items, selectedValue) {
  select.replaceChildren(...items.map(([v, label]) => option(v, label, v === selectedValue)));
}

function summarise(details) {
  const checked = [...details.querySelectorAll('input:checked')];
  const text = checked.length === 0 ? 'all'
    : checked.length <= 2 ? checked.map((c) => c.dataset.label).join(', ')
      : `${checked.length} selected`;
  details.querySelector('.sel').textContent = text;
}

function labelled(text, control, className) {
  const label = document.createElement('label');
  if (className) label.className = className;
  label.append(`${text} `, control);
  return label;
}

/** The control of one single-value field: a menu of years, levels or choices, or a search box. */
function single(field) {
  const e = document.createElement(field.kind === 'text' ? 'input' : 'select');
  e.name = field.name;
  if (field.kind === 'text') {
    e.type = 'search';
    e.placeholder = 'e.g. WannaCry';
  }
  return labelled(field.label, e, field.kind === 'text' ? 'grow' : field.kind === 'choice' ? 'choice' : undefined);
}

/** A filter form with the named controls (every one by default) and, if asked, a reset button. */
export function filterForm(names = CONTROL_NAMES, { reset = false } = {}) {
  const form = document.createElement('form');
  form.className = 'filters-form';
  form.autocomplete = 'off';
  const row = document.createElement('div');
  row.className = 'row';
  const shown = FILTERS.filter((f) => names.includes(f.control));
  for (const name of CONTROL_NAMES) {
    for (const f of shown) if (f.control === name && f.kind !== 'list') row.append(single(f));
  }
  const multi = document.createElement('div');
  multi.className = 'row multi-row';
  multi.dataset.fields = shown.filter((f) => f.kind === 'list').map((f) => f.name).join(' ');
  form.append(...(row.childElementCount ? [row] : []), multi);
  if (reset) {
    const actions = document.createElement('div');
    actions.className = 'row actions';
    const button = document.createElement('button');
    button.type = 'reset';
    button.textContent = 'Reset filters';
    actions.append(button);
    form.append(actions);
  }
  return form;
}

/** A list field's dropdown of checkboxes, one per value in the data (`facets[field.name]`). */
function dropdown(field, choices) {
  const details = document.createElement('details');
  details.className = 'multi';
  details.dataset.name = field.name;
  const summary = document.createElement('summary');
  summary.append(`${field.label}: `);
  const sel = document.createElement('span');
  sel.className = 'sel';
  sel.textContent = 'all';
  summary.append(sel);
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = field.label;
  fieldset.append(legend);
  for (const c of choices) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = field.name;
    box.value = c.value;
    box.dataset.label = c.label;
    const text = document.createElement('span');
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = ` (${c.count})`;
    text.append(c.label, count);
    label.append(box, text);
    fieldset.append(label);
  }
  // Done closes the list (as a tap outside or Escape does) and nothing else.
  const done = document.createElement('button');
  done.type = 'button';
  done.className = 'done';
  done.textContent = 'Done';
  done.addEventListener('click', () => { details.open = false; summary.focus(); });
  fieldset.append(done);
  details.append(summary, fieldset);
  return details;
}

/**
 * Fills the controls of a `filterForm` for `facets`. Returns `read(base)`, the filter the controls
 * show laid over `base` (fields without a control keep their value there), `write(filter)`,
 * which sets the controls to show a filter, and `counts(faceted)`: `faceted()` gives what each
 * choice would select with the rest of the filter (`Explorer.facetCounts`); the counts are worked
 * out when a list opens and after each change while one is open (a pass over the data a reader
 * with every list closed never pays for), and choices that would select nothing are dimmed.
 */
export function buildControls(form, facets) {
  const el = form.elements;
  const years = [];
  for (let y = facets.firstYear; y <= facets.lastYear; y += 1) years.push([y, String(y)]);
  const levels = facets.levels.map((l) => [l.level, l.label === String(l.level) ? l.label : `${l.level} ${l.label}`]);
  // A choice field offers the facets' list of its name in the plural (`reading`: `readings`), the first the default.
  const options = (f) => facets[`${f.name}s`] ?? [];
  // What each kind of single-value control offers, and its value when it constrains nothing.
  const kinds = {
    year: { items: years, all: (f) => (f.upper ? facets.lastYear : facets.firstYear) },
    level: { items: levels, all: (f) => (f.upper ? facets.scale.max : 0) },
    choice: { all: (f) => options(f)[0]?.id },
  };
  const singles = FILTERS.filter((f) => f.kind !== 'list' && el[f.name]);
  for (const f of singles) {
    if (f.kind === 'choice') {
      // Grouped by kind (states, experts ...); hidden where the data offers none (the readings
      // apply to the ladder only).
      const groups = new Map();
      for (const o of options(f)) groups.set(o.group, [...(groups.get(o.group) ?? []), o]);
      el[f.name].replaceChildren(...[...groups].map(([group, list]) => {
        const g = document.createElement('optgroup');
        g.label = group;
        g.append(...list.map((o) => option(o.id, o.name, o.id === kinds.choice.all(f))));
        return g;
      }));
      el[f.name].closest('label').hidden = !options(f).length;
    } else if (kinds[f.kind]) fillSelect(el[f.name], kinds[f.kind].items, kinds[f.kind].all(f));
  }

  const multi = form.querySelector('.multi-row');
  const shown = multi.dataset.fields.split(' ');
  multi.replaceChildren(...FILTERS.filter((f) => f.kind === 'list' && shown.includes(f.name) && facets[f.name]?.length)
    .map((f) => dropdown(f, facets[f.name])));
  const clamp = (y) => Math.min(facets.lastYear, Math.max(facets.firstYear, y));
  // A range (two fields sharing a control: years, severity) cannot be set upside down: the upper
  // menu offers nothing below the lower one's value, and the lower nothing above the upper's.
  const ranges = singles.filter((f) => f.upper).map((hi) => [singles.find((f) => f.control === hi.control && !f.upper), hi])
    .filter(([lo]) => lo);
  const constrain = () => {
    for (const [lo, hi] of ranges) {
      const [a, b] = [Number(el[lo.name].value), Number(el[hi.name].value)];
      for (const o of el[hi.name].options) o.disabled = Number(o.value) < a;
      for (const o of el[lo.name].options) o.disabled = Number(o.value) > b;
    }
  };

  const read = (base = {}) => {
    const filter = { ...base };
    for (const f of singles) {
      delete filter[f.name];
      const raw = el[f.name].value;
      if (f.kind === 'text') {
        if (raw.trim()) filter[f.name] = raw.trim();
      } else if (f.kind === 'choice') {
        if (raw && raw !== kinds.choice.all(f)) filter[f.name] = raw;
      } else if (Number(raw) !== kinds[f.kind].all(f)) filter[f.name] = Number(raw);
    }
    for (const details of multi.querySelectorAll('details.multi')) {
      summarise(details);
      delete filter[details.dataset.name];
      const picked = [...details.querySelectorAll('input:checked')].map((c) => c.value);
      if (picked.length) filter[details.dataset.name] = picked;
    }
    constrain();
    return filter;
  };

  const write = (filter) => {
    for (const f of singles) {
      const v = filter[f.name];
      if (f.kind === 'text') el[f.name].value = v ?? '';
      else if (f.kind === 'choice') el[f.name].value = v ?? kinds.choice.all(f) ?? '';
      else el[f.name].value = String(v === undefined ? kinds[f.kind].all(f) : f.kind === 'year' ? clamp(v) : v);
    }
    for (const details of multi.querySelectorAll('details.multi')) {
      const chosen = new Set(filter[details.dataset.name] ?? []);
      for (const box of details.querySelectorAll('input')) box.checked = chosen.has(box.value);
      summarise(details);
    }
    constrain();
  };
  let source = null;
  const counts = (faceted) => {
    if (faceted) source = faceted;
    if (!source || !multi.querySelector('details.multi[open]')) return;
    const all = source();
    for (const details of multi.querySelectorAll('details.multi')) {
      const of = all?.[details.dataset.name] ?? {};
      for (const box of details.querySelectorAll('input')) {
        const n = of[box.value] ?? 0;
        box.parentElement.querySelector('.count').textContent = ` (${n.toLocaleString('en')})`;
        box.parentElement.classList.toggle('zero', n === 0);
      }
    }
  };
  // (toggle does not bubble: caught on its way down.)
  multi.addEventListener('toggle', (e) => { if (e.target.open) counts(); }, true);
  constrain();
  return { read, write, counts };
}

/**
 * One-tap shortcuts for the commonest "who against whom" (issue 21 item 1): a button per pair
 * that sets the Initiators and Targets lists to it, or, pressed again, clears them:
 * `pick(dyad | null)`. Returns `{el, set(dyads), sync(filter)}`: `set` puts a button for each of
 * `dyads` (rows of `stats.dyads`), `sync` presses the one of the pair the filter shows.
 */
export function pairPicks(pick) {
  const box = document.createElement('div');
  box.className = 'pairs';
  box.setAttribute('role', 'group');
  const title = document.createElement('span');
  title.id = 'pairs-title';
  title.textContent = 'Who against whom:';
  box.setAttribute('aria-labelledby', title.id);
  const list = document.createElement('span');
  list.className = 'pair-list';
  box.append(title, list);
  let buttons = [];
  const set = (dyads) => {
    buttons = dyads.map((d) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = `${d.initiatorName} → ${d.targetName}`;
      b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', () => pick(b.getAttribute('aria-pressed') === 'true' ? null : d));
      return [d, b];
    });
    list.replaceChildren(...buttons.map(([, b]) => b));
    title.hidden = !buttons.length;
    list.hidden = !buttons.length;
  };
  const only = (xs, code) => xs?.length === 1 && xs[0] === code;
  const sync = (filter) => {
    for (const [d, b] of buttons) b.setAttribute('aria-pressed', String(only(filter.initiators, d.initiator) && only(filter.targets, d.target)));
  };
  return { el: box, set, sync };
}

/** Closes an open dropdown when the reader clicks elsewhere or presses Escape. */
export function closeDropdownsOnOutsideClick(root) {
  root.addEventListener('click', (e) => {
    for (const d of root.querySelectorAll('details.multi[open]')) {
      if (!d.contains(e.target)) d.open = false;
    }
  });
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    for (const d of root.querySelectorAll('details.multi[open]')) {
      d.open = false;
      d.querySelector('summary').focus();
    }
  });
}
