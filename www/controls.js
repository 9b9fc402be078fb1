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

/** Builds every control of `form` for `facets`; returns a reader of the current filter. */
export function buildControls(form, facets) {
  const years = [];
  for (let y = facets.firstYear; y <= facets.lastYear; y += 1) years.push([y, String(y)]);
  fillSelect(form.elements.from, years, facets.firstYear);
  fillSelect(form.elements.to, years, facets.lastYear);
  const top = facets.scale.max;
  const levels = facets.levels.map((l) => [l.level, l.label === String(l.level) ? l.label : `${l.level} ${l.label}`]);
  fillSelect(form.elements.minSeverity, levels, 0);
  fillSelect(form.elements.maxSeverity, levels, top);

  const multi = form.querySelector('#multi');
  multi.replaceChildren();
  for (const [name, title, pick] of MULTI) {
    const choices = pick(facets);
    if (choices.length === 0) continue;
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

  return function readFilter() {
    const el = form.elements;
    const filter = {};
    const from = Number(el.from.value);
    const to = Number(el.to.value);
    if (from !== facets.firstYear) filter.from = from;
    if (to !== facets.lastYear) filter.to = to;
    const lo = Number(el.minSeverity.value);
    const hi = Number(el.maxSeverity.value);
    if (lo !== 0) filter.minSeverity = lo;
    if (hi !== top) filter.maxSeverity = hi;
    const search = el.search.value.trim();
    if (search) filter.search = search;
    for (const details of multi.querySelectorAll('details.multi')) {
      summarise(details);
      const picked = [...details.querySelectorAll('input:checked')].map((c) => c.value);
      if (picked.length) filter[details.dataset.name] = picked;
    }
    return filter;
  };
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
