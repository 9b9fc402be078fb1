// The comparison of legal readings for the current selection, fetched the first time a reader
// asks for it: for each reading, how many incidents reach use of force and armed attack, how many
// are undecided (effects not coded), and which, each name opening the incident's card. A real
// table (caption, header cells with scope) for screen readers, and a CSV of the same figures.
import { rulesText } from './reading-view.js';

const SHOWN = 8;

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** One cell: the count, then the incidents (buttons that open their card) and the undecided. */
function cell(reached, open) {
  const td = el('td');
  if (!reached) {
    td.append(el('span', 'no threshold stated', 'muted'));
    return td;
  }
  td.append(el('strong', String(reached.count)));
  if (reached.undecided) td.append(` (+${reached.undecided} undecided)`);
  const names = (list, total, label) => {
    if (!list.length) return;
    const p = el('p', label, 'names');
    list.slice(0, SHOWN).forEach((n, k) => {
      const b = el('button', n.name, 'link');
      b.type = 'button';
      b.title = `Level ${n.level}: open its card`;
      b.addEventListener('click', () => open(n.id));
      p.append(k ? ', ' : ' ', b);
    });
    if (total > SHOWN) p.append(`, and ${total - SHOWN} more`);
    td.append(p);
  };
  names(reached.incidents, reached.count, 'Reach it:');
  names(reached.undecidedIncidents, reached.undecided, 'Undecided:');
  return td;
}

/** Spreadsheet programs run cells that start with = + - @ (or a tab or CR): such text gets a
 * leading apostrophe, and every cell is quoted. */
const csvCell = (v) => {
  const s = String(v ?? '');
  return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

/** The comparison as CSV text: one row per reading and threshold. */
export function compareCsv(rows, readings) {
  const lines = [['reading', 'reading_name', 'threshold', 'rule', 'count', 'undecided', 'incidents_first_50', 'undecided_first_50']];
  for (const row of rows) {
    const r = readings.find((x) => x.id === row.id);
    for (const [key, name] of [['useOfForce', 'use of force'], ['armedAttack', 'armed attack']]) {
      const c = row[key];
      lines.push([row.id, row.name, name, r?.[key]?.rule ?? 'not stated', c ? c.count : '', c ? c.undecided : '',
        c ? c.incidents.map((n) => n.id).join(' ') : '', c ? c.undecidedIncidents.map((n) => n.id).join(' ') : '']);
    }
  }
  return `${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Fills `root` with the comparison of `rows` (Explorer.compare) for the selection `what` (words),
 * `readings` being facets.readings; `open(id)` opens an incident's card, `active` is the id of the
 * reading the page follows (its row is marked).
 */
export function renderComparison(root, rows, { readings, what, open, active, download }) {
  const table = el('table', undefined, 'compare');
  table.append(el('caption', `Incidents in ${what} that reach each threshold, by legal reading`));
  const head = el('tr');
  for (const h of ['Reading', 'Use of force', 'Armed attack']) {
    const th = el('th', h);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  for (const row of rows) {
    const r = readings.find((x) => x.id === row.id);
    const tr = el('tr', undefined, row.id === active ? 'active' : undefined);
    const th = el('th');
    th.scope = 'row';
    th.append(el('span', row.name, 'name'), el('span', r ? rulesText(r) : '', 'rule'));
    if (row.id === active) th.append(el('span', ' (shown)', 'muted'));
    tr.append(th, cell(row.useOfForce, open), cell(row.armedAttack, open));
    body.append(tr);
  }
  table.append(thead, body);
  const save = el('button', 'Download the comparison (CSV)');
  save.type = 'button';
  save.addEventListener('click', () => download(compareCsv(rows, readings)));
  const note = el('p', 'Each placement on the ladder is our reading of the published position, not a legal finding. '
    + 'Undecided incidents are those whose answer turns on physical effects that are not coded.', 'muted');
  root.replaceChildren(table, note, save);
}
