// The comparison of legal readings for the current selection, fetched the first time a reader
// asks for it: for each reading, how many incidents reach use of force and armed attack, how many
// are undecided (effects not coded), and which, each name opening the incident's card. A real
// table (caption, header cells with scope) for screen readers, and a CSV of the same figures.
import { csvCell } from './csv.js';
import { save } from './downloads.js';

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** A count cell: how many reach the threshold, and how many are undecided. */
function cell(reached) {
  const td = el('td');
  if (!reached) td.append(el('span', 'not stated', 'muted'));
  else {
    td.append(el('strong', String(reached.count)));
    if (reached.undecided) td.append(` (+${reached.undecided} undecided)`);
  }
  return td;
}

const WHAT = { useOfForce: 'use of force', armedAttack: 'armed attack' };

/** "A", "A and B", "A, B and C". */
const and = (names) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** The incidents behind the counts, once per distinct list: which incidents reach (or may reach)
 * a threshold, and under which readings. */
function groups(rows) {
  const out = new Map();
  for (const row of rows) {
    for (const key of ['useOfForce', 'armedAttack']) {
      const c = row[key];
      if (!c) continue;
      for (const [list, total, undecided] of [[c.incidents, c.count, false], [c.undecidedIncidents, c.undecided, true]]) {
        if (!total) continue;
        const id = `${key}|${undecided}|${list.map((n) => n.id).join(' ')}|${total}`;
        if (!out.has(id)) out.set(id, { key, undecided, list, total, readings: [] });
        out.get(id).readings.push(row.name);
      }
    }
  }
  return [...out.values()];
}


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
  return `${lines.map((l) => l.map((c) => csvCell(c, { quote: true })).join(',')).join('\r\n')}\r\n`;
}

/**
 * Fills `root` with the comparison of `rows` (Explorer.compare) for the selection `what` (words),
 * `readings` being facets.readings; `open(id)` opens an incident's card, `active` is the id of the
 * reading the page follows (its row is marked).
 */
export function renderComparison(root, rows, { readings, what, open, active }) {
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
    th.append(el('span', row.name, 'name'));
    if (row.id === active) th.append(el('span', ' (shown)', 'muted'));
    const rule = (t) => t?.short ?? 'not stated';
    th.append(el('span', `force ${rule(r?.useOfForce)}${r?.noGap ? ' (= armed attack)' : `; armed attack ${rule(r?.armedAttack)}`}`, 'rule'));
    tr.append(th, cell(row.useOfForce), cell(row.armedAttack));
    body.append(tr);
  }
  table.append(thead, body);
  const which = el('div', undefined, 'which');
  which.append(el('h3', 'Which incidents'));
  const found = groups(rows);
  if (!found.length) which.append(el('p', 'None reaches either threshold under any reading.'));
  for (const g of found) {
    const p = el('p', undefined, 'names');
    p.append(el('strong', `${g.undecided ? 'May reach' : 'Reach'} ${WHAT[g.key]}`),
      ` under ${and(g.readings)}${g.undecided ? ' (physical effects not coded)' : ''}:`);
    g.list.forEach((n, k) => {
      const b = el('button', n.name, 'link');
      b.type = 'button';
      b.title = `Level ${n.level}: open its card`;
      b.addEventListener('click', () => open(n.id));
      // The comma stays with its name, so a line never starts with one.
      const item = el('span', undefined, 'item');
      item.append(b, k < g.list.length - 1 || g.total > g.list.length ? ',' : '');
      p.append(' ', item);
    });
    if (g.total > g.list.length) p.append(` and ${g.total - g.list.length} more`);
    which.append(p);
  }
  const button = el('button', 'Download the comparison (CSV)');
  button.type = 'button';
  button.addEventListener('click', () => save(root, new Blob([compareCsv(rows, readings)], { type: 'text/csv' }),
    `cyber-spectrum-readings-${new Date().toISOString().slice(0, 10)}.csv`));
  const note = el('p', 'Each placement on the ladder is our reading of the published position, not a legal finding. '
    + 'Undecided incidents are those whose answer turns on physical effects that are not coded.', 'muted');
  root.replaceChildren(table, which, note, button);
}
