// The table of the selection, sortable by each column, part of the on-demand interaction code
// (see interact.js). The core puts the selection in order in steps (Explorer.sorter), the page
// yielding between them, and only the ROWS_SHOWN rows shown become records and DOM rows; the CSV
// download has them all. A million rows never hold the page for long.
import { el, button, plural } from './card.js';
import { pause } from './core.js';

const ROWS_SHOWN = 1000;
/** Rows made between pauses; the first batch is smaller, as it comes with the table's swap and
 * the whole box's layout. */
const BATCH = 150;
const FIRST_BATCH = 60;

/** Resolves once the browser has laid out and painted what was added: rows added between
 * paints would all be laid out in one go. */
const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));

/** What the initiator cell adds when the attribution is not confirmed by a government. */
const UNSETTLED = { vendor: ' (security firms)', suspected: ' (suspected)' };


const HEADS = [['date', 'Date'], ['name', 'Incident'], ['initiator', 'Initiator'], ['target', 'Target'], ['severity', 'Severity']];

/** The severity cell: the level, then its name (which a phone leaves to the card). */
function severityCell(r) {
  if (r.severity === null) return el('td', null, 'not coded');
  const td = el('td', null, String(r.severity));
  if (r.severityLabel) td.append(el('span', 'level-name', ` ${r.severityLabel}`));
  return td;
}

/**
 * The table in `box`: `explorer()` and `filter()` give the data and the selection, `key()` says
 * what the selection depends on, `open(record)` shows one incident's card; `events()` lists the
 * context events drawn with the chart (`[index, event]` pairs), tabled after the incidents, each
 * opening its card with `openEvent(index)`. Returns {render(),
 * stale()}: render resolves once the table shows the current order; stale when the selection
 * changed since the last render.
 */
export function incidentTable(box, { explorer, filter, key, open, events = () => [], openEvent }) {
  let sort = { key: 'date', dir: 1 };
  let rendering = 0; // a render started later makes an earlier one stop
  const shownKey = () => `${key()}|${sort.key}|${sort.dir}`;
  const render = async () => {
    const mine = (rendering += 1);
    const ex = explorer();
    const stop = () => mine !== rendering || ex !== explorer();
    let sorter = ex.sorter(filter(), sort.key, sort.dir < 0);
    try {
      while (!sorter.step(ex)) {
        box.setAttribute('aria-busy', 'true');
        await pause();
        if (stop()) return;
      }
      const order = sorter.order();
      sorter.free();
      sorter = null;
      // The order of a large selection is megabytes copied out of the core: the rows are made in
      // a task after it.
      if (order.length > ROWS_SHOWN) {
        await pause();
        if (stop()) return;
      }
      await build(order, ex, stop);
    } finally {
      sorter?.free();
      if (mine === rendering) box.removeAttribute('aria-busy');
    }
  };
  // The rows shown are made BATCH at a time, the page yielding between batches: a thousand rows
  // at once held it for 150 to 200 ms (most of it the browser laying them out). `stop()` says a
  // newer render took over.
  const build = async (order, ex, stop) => {
    const table = el('table');
    const count = Math.min(order.length, ROWS_SHOWN);
    const cap = el('caption', null, `${plural(order.length, 'incident')} in this selection, sorted by ${sort.key}`
      + ` (${sort.dir > 0 ? 'ascending' : 'descending'})${order.length > count ? `; the first ${count} shown (the CSV download has all)` : ''}.`);
    const head = el('tr');
    for (const [k, label] of HEADS) {
      const th = el('th');
      th.scope = 'col';
      th.setAttribute('aria-sort', sort.key === k ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none');
      const b = button(label, async () => {
        sort = { key: k, dir: sort.key === k ? -sort.dir : 1 };
        const column = [...head.children].indexOf(th) + 1;
        await render();
        box.querySelector(`th:nth-child(${column}) button`)?.focus();
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
    table.append(cap, thead, body);
    for (let from = 0, upTo = Math.min(FIRST_BATCH, count); from < count; from = upTo, upTo = Math.min(upTo + BATCH, count)) {
      for (const r of ex.recordsOf(order.subarray(from, upTo))) {
        const tr = el('tr');
        const name = el('td');
        name.append(button(r.name, () => open(r), 'link'));
        if (r.scope === 'reference') name.append(' (reference)');
        tr.append(el('td', null, r.start || 'undated'), name, el('td', null, `${r.initiatorName}${UNSETTLED[r.certainty] ?? ''}`), el('td', null, r.targetNames.join(', ')),
          severityCell(r));
        body.append(tr);
      }
      if (from === 0) {
        box.replaceChildren(table, ...contextTable(events(), openEvent));
        box.dataset.key = shownKey();
      }
      if (upTo < count) {
        await painted();
        if (stop()) return;
      }
    }
    if (count === 0) {
      box.replaceChildren(table, ...contextTable(events(), openEvent));
      box.dataset.key = shownKey();
    }
  };
  return { render, stale: () => box.dataset.key !== shownKey() };
}

/** The context events drawn with the timeline, as a second table (none: nothing). */
function contextTable(list, openEvent) {
  if (!list.length) return [];
  const table = el('table', 'context');
  table.append(el('caption', null, `${plural(list.length, 'context event')} on the timeline (not cyber incidents).`));
  const head = el('tr');
  for (const h of ['Date', 'Event', 'Kind']) {
    const th = el('th', null, h);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  for (const [k, e] of list) {
    const name = el('td');
    name.append(button(e.name, () => openEvent(k), 'link'));
    const tr = el('tr');
    tr.append(el('td', null, e.end ? `${e.date} to ${e.end}` : e.date), name, el('td', null, e.kindLabel));
    body.append(tr);
  }
  table.append(thead, body);
  return [table];
}
