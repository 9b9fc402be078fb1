// The filter form: built from the dataset's facets, read back into a filter object.
// A control left at its default adds nothing to the filter, so "all" really means all
// (including incidents not coded, which any severity bound would leave out).

const MULTI = [
  ['initiators', 'Initiators', (f) => f.initiators],
  ['targets', 'Targets', (f) => f.targets],
  ['methods', 'Methods', (f) => f.methods],
  ['objectives', 'Objectives', (f) => f.objectives],
  ['targetTypes', 'Target types', (f) => f.targetTypes],
];

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

/** Control names a page or an embed may show (the `controls` attribute picks among them). */
export const CONTROL_NAMES = ['years', 'severity', 'search', 'initiators', 'targets', 'methods', 'objectives', 'target-types'];
const MULTI_CONTROL = { initiators: 'initiators', targets: 'targets', methods: 'methods', objectives: 'objectives', 'target-types': 'targetTypes' };

function labelled(text, control, className) {
  const label = document.createElement('label');
  if (className) label.className = className;
  label.append(`${text} `, control);
  return label;
}

function named(tag, name) {
  const e = document.createElement(tag);
  e.name = name;
  return e;
}

/** A filter form with the named controls (every one by default) and, if asked, a reset button. */
export function filterForm(names = CONTROL_NAMES, { reset = false } = {}) {
  const form = document.createElement('form');
  form.className = 'filters-form';
  form.autocomplete = 'off';
  const row = document.createElement('div');
  row.className = 'row';
  if (names.includes('years')) row.append(labelled('From', named('select', 'from')), labelled('To', named('select', 'to')));
  if (names.includes('severity')) {
    row.append(labelled('Severity from', named('select', 'minSeverity')), labelled('to', named('select', 'maxSeverity')));
  }
  if (names.includes('search')) {
    const search = named('input', 'search');
    search.type = 'search';
    search.placeholder = 'e.g. WannaCry';
    row.append(labelled('Search names', search, 'grow'));
  }
  const multi = document.createElement('div');
  multi.className = 'row multi-row';
  multi.dataset.fields = names.filter((n) => MULTI_CONTROL[n]).map((n) => MULTI_CONTROL[n]).join(' ');
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

/**
 * Fills the controls of a `filterForm` for `facets`. Returns `read(base)`, the filter the controls
 * show laid over `base` (fields without a control keep their value there), and `write(filter)`,
 * which sets the controls to show a filter.
 */
export function buildControls(form, facets) {
  const el = form.elements;
  const years = [];
  for (let y = facets.firstYear; y <= facets.lastYear; y += 1) years.push([y, String(y)]);
  if (el.from) {
    fillSelect(el.from, years, facets.firstYear);
    fillSelect(el.to, years, facets.lastYear);
  }
  const top = facets.scale.max;
  const levels = facets.levels.map((l) => [l.level, l.label === String(l.level) ? l.label : `${l.level} ${l.label}`]);
  if (el.minSeverity) {
    fillSelect(el.minSeverity, levels, 0);
    fillSelect(el.maxSeverity, levels, top);
  }

  const multi = form.querySelector('.multi-row');
  const shown = multi.dataset.fields.split(' ');
  multi.replaceChildren();
  for (const [name, title, pick] of MULTI) {
    const choices = pick(facets);
    if (choices.length === 0 || !shown.includes(name)) continue;
    const details = document.createElement('details');
    details.className = 'multi';
    details.dataset.name = name;
    const summary = document.createElement('summary');
    summary.append(`${title}: `);
    const sel = document.createElement('span');
    sel.className = 'sel';
    sel.textContent = 'all';
    summary.append(sel);
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = title;
    fieldset.append(legend);
    for (const c of choices) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = name;
      box.value = c.value;
      box.dataset.label = c.label;
      label.append(box, `${c.label} (${c.count})`);
      fieldset.append(label);
    }
    details.append(summary, fieldset);
    multi.append(details);
  }
  const clamp = (y, fallback) => (y === undefined ? fallback : Math.min(facets.lastYear, Math.max(facets.firstYear, y)));

  const read = (base = {}) => {
    const filter = { ...base };
    if (el.from) {
      delete filter.from;
      delete filter.to;
      const from = Number(el.from.value);
      const to = Number(el.to.value);
      if (from !== facets.firstYear) filter.from = from;
      if (to !== facets.lastYear) filter.to = to;
    }
    if (el.minSeverity) {
      delete filter.minSeverity;
      delete filter.maxSeverity;
      const lo = Number(el.minSeverity.value);
      const hi = Number(el.maxSeverity.value);
      if (lo !== 0) filter.minSeverity = lo;
      if (hi !== top) filter.maxSeverity = hi;
    }
    if (el.search) {
      delete filter.search;
      const search = el.search.value.trim();
      if (search) filter.search = search;
    }
    for (const details of multi.querySelectorAll('details.multi')) {
      summarise(details);
      delete filter[details.dataset.name];
      const picked = [...details.querySelectorAll('input:checked')].map((c) => c.value);
      if (picked.length) filter[details.dataset.name] = picked;
    }
    return filter;
  };

  const write = (filter) => {
    if (el.from) {
      el.from.value = String(clamp(filter.from, facets.firstYear));
      el.to.value = String(clamp(filter.to, facets.lastYear));
    }
    if (el.minSeverity) {
      el.minSeverity.value = String(filter.minSeverity ?? 0);
      el.maxSeverity.value = String(filter.maxSeverity ?? top);
    }
    if (el.search) el.search.value = filter.search ?? '';
    for (const details of multi.querySelectorAll('details.multi')) {
      const chosen = new Set(filter[details.dataset.name] ?? []);
      for (const box of details.querySelectorAll('input')) box.checked = chosen.has(box.value);
      summarise(details);
    }
  };
  return { read, write };
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
