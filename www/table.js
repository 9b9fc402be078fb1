// The table of the selection, sortable by each column, part of the on-demand interaction code
// (see interact.js). At most ROWS_SHOWN rows are built; the CSV download has them all.
import { el, button, plural } from './card.js';

const ROWS_SHOWN = 1000;

const SORTS = {
  date: (a, b) => a.start.localeCompare(b.start),
  name: (a, b) => a.name.localeCompare(b.name),
  initiator: (a, b) => a.initiatorName.localeCompare(b.initiatorName),
  target: (a, b) => a.targetNames.join(', ').localeCompare(b.targetNames.join(', ')),
  severity: (a, b) => (a.severity ?? -1) - (b.severity ?? -1),
};

const HEADS = [['date', 'Date'], ['name', 'Incident'], ['initiator', 'Initiator'], ['target', 'Target'], ['severity', 'Severity']];

/**
 * The table in `box`: `records()` gives the selection, `key()` says what it depends on (the
 * filter), `open(record)` shows one incident's card. Returns {render(), stale()}: stale when the
 * selection changed since the last render.
 */
export function incidentTable(box, { records, key, open }) {
  let sort = { key: 'date', dir: 1 };
  const shownKey = () => `${key()}|${sort.key}|${sort.dir}`;
  const render = () => {
    const all = [...records()];
    const cmp = SORTS[sort.key];
    all.sort((a, b) => sort.dir * cmp(a, b) || a.start.localeCompare(b.start));
    const table = el('table');
    const shown = all.slice(0, ROWS_SHOWN);
    const cap = el('caption', null, `${plural(all.length, 'incident')} in this selection, sorted by ${sort.key}`
      + ` (${sort.dir > 0 ? 'ascending' : 'descending'})${all.length > shown.length ? `; the first ${shown.length} shown (the CSV download has all)` : ''}.`);
    const head = el('tr');
    for (const [k, label] of HEADS) {
      const th = el('th');
      th.scope = 'col';
      th.setAttribute('aria-sort', sort.key === k ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none');
      const b = button(label, () => {
        sort = { key: k, dir: sort.key === k ? -sort.dir : 1 };
        render();
        box.querySelector(`th:nth-child(${[...head.children].indexOf(th) + 1}) button`)?.focus();
      });
      const arrow = el('span', 'arrow', sort.key === k ? (sort.dir > 0 ? ' ▲' : ' ▼') : '');
      arrow.setAttribute('aria-hidden', 'true'); // aria-sort says it
      b.append(arrow);
      th.append(b);
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    for (const r of shown) {
      const tr = el('tr');
      const name = el('td');
      name.append(button(r.name, () => open(r), 'link'));
      tr.append(el('td', null, r.start), name, el('td', null, r.initiatorName), el('td', null, r.targetNames.join(', ')),
        el('td', null, r.severity === null ? 'not coded' : `${r.severity}${r.severityLabel ? ` ${r.severityLabel}` : ''}`));
      body.append(tr);
    }
    table.append(cap, thead, body);
    box.replaceChildren(table);
    box.dataset.key = shownKey();
  };
  return { render, stale: () => box.dataset.key !== shownKey() };
}
