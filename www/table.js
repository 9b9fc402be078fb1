// The table of the selection, sortable by each column, part of the on-demand interaction code
// (see interact.js). The core puts the selection in order in steps (Explorer.sorter), the page
// yielding between them; the table shows it a page of PAGE rows at a time, and only the rows of the
// page shown become records and DOM rows. A million rows never hold the page for long, every one
// of them is a few clicks away, and the CSV download has them all.
import { el, button, plural } from './card.js';
import { pause } from './core.js';

/** Rows on a page of the table. A thousand rows took the browser 25 to 35 ms to lay out again
 * whenever anything near them changed; two hundred take a few. */
const PAGE = 200;
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

const count = (n) => n.toLocaleString('en');

/** The positions in the order of the rows on `view`'s page: [from, to). */
const rowsOf = ({ order, page }) => [page * PAGE, Math.min(order.length, (page + 1) * PAGE)];

/**
 * The table in `box`: `explorer()` and `filter()` give the data and the selection, `key()` says
 * what the selection depends on, `open(record)` shows one incident's card; `events()` lists the
 * context events drawn with the chart (`[index, event]` pairs), tabled after the incidents, each
 * opening its card with `openEvent(index)`. Returns {render(), stale()}: render resolves once the
 * table shows the current order's first page; stale when the selection changed since the last
 * render.
 */
export function incidentTable(box, { explorer, filter, key, open, events = () => [], openEvent }) {
  let sort = { key: 'date', dir: 1 };
  let rendering = 0; // a render or page turn started later makes an earlier one stop
  let shown = null; // the order shown: {ex, order, page, body, caption, pager}
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
      if (order.length > PAGE) {
        await pause();
        if (stop()) return;
      }
      await build(order, ex, stop);
    } finally {
      sorter?.free();
      if (mine === rendering) box.removeAttribute('aria-busy');
    }
  };

  /** The caption: what is tabled, in what order, and which rows this page shows. */
  const captionText = (view) => {
    const [from, to] = rowsOf(view);
    const rows = view.order.length > PAGE ? `; rows ${count(from + 1)} to ${count(to)} shown, ${PAGE} a page (the CSV download has all)` : '';
    return `${plural(view.order.length, 'incident')} in this selection, sorted by ${sort.key} (${sort.dir > 0 ? 'ascending' : 'descending'})${rows}.`;
  };

  const build = async (order, ex, stop) => {
    const table = el('table');
    const caption = el('caption');
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
    table.append(caption, thead, body);
    const view = { ex, order, page: 0, body, caption, pager: null };
    view.pager = order.length > PAGE ? pager(view) : null;
    await fill(view, stop, () => {
      shown = view;
      box.replaceChildren(table, ...(view.pager ? [view.pager.nav] : []), ...contextTable(events(), openEvent));
      box.dataset.key = shownKey();
    });
  };

  /** Shows `view`'s page in a new body, made a batch at a time (the page yielding between
   * batches); `place()` puts it in the box once its first rows are in. */
  const fill = async (view, stop, place) => {
    const { ex, order } = view;
    view.caption.textContent = captionText(view);
    view.pager?.update();
    const [start, to] = rowsOf(view);
    for (let from = start, upTo = Math.min(from + FIRST_BATCH, to), first = true; first || from < to;
      from = upTo, upTo = Math.min(upTo + BATCH, to), first = false) {
      for (const r of ex.recordsOf(order.subarray(from, upTo))) {
        const tr = el('tr');
        const name = el('td');
        name.append(button(r.name, () => open(r), 'link'));
        if (r.scope === 'reference') name.append(' (reference)');
        tr.append(el('td', null, r.start || 'undated'), name, el('td', null, `${r.initiatorName}${UNSETTLED[r.certainty] ?? ''}`), el('td', null, r.targetNames.join(', ')),
          severityCell(r));
        view.body.append(tr);
      }
      if (first) place();
      if (upTo < to) {
        await painted();
        if (stop()) return;
      }
    }
  };

  /** The controls under a table of more than one page: first, previous, where the reader is,
   * next and last. It stays in sight at the foot of the box while the rows scroll. */
  const pager = (view) => {
    const nav = el('nav', 'pager');
    nav.setAttribute('aria-label', 'Pages of the table');
    const pages = Math.ceil(view.order.length / PAGE);
    const status = el('span', 'where');
    status.setAttribute('aria-live', 'polite');
    const turn = async (to, pressed) => {
      if (view !== shown || to === view.page) return;
      const mine = (rendering += 1);
      const stop = () => mine !== rendering || view.ex !== explorer();
      const old = view.body;
      view.page = to;
      view.body = el('tbody');
      box.setAttribute('aria-busy', 'true');
      try {
        await fill(view, stop, () => {
          old.replaceWith(view.body);
          box.scrollTop = 0;
        });
      } finally {
        if (mine === rendering) box.removeAttribute('aria-busy');
      }
      // A button the turn disabled (Next on the last page) hands focus to its opposite.
      if (pressed.disabled) (to === 0 ? next : previous).focus();
    };
    // Each button is named by its word, which a phone hides to keep the pager on one line.
    const arrowed = (text, arrow, after) => {
      const b = button('', null);
      b.setAttribute('aria-label', text);
      const a = el('span', null, arrow);
      a.setAttribute('aria-hidden', 'true');
      const word = el('span', 'word', text);
      if (after) b.append(word, ' ', a);
      else b.append(a, ' ', word);
      return b;
    };
    const first = arrowed('First', '«', false);
    const previous = arrowed('Previous', '‹', false);
    const next = arrowed('Next', '›', true);
    const last = arrowed('Last', '»', true);
    for (const [b, to] of [[first, () => 0], [previous, () => view.page - 1], [next, () => view.page + 1], [last, () => pages - 1]]) {
      b.addEventListener('click', () => turn(Math.max(0, Math.min(pages - 1, to())), b));
    }
    nav.append(first, previous, status, next, last);
    const update = () => {
      const [from, to] = rowsOf(view);
      status.textContent = `Rows ${count(from + 1)} to ${count(to)} of ${count(view.order.length)}`;
      first.disabled = previous.disabled = view.page === 0;
      next.disabled = last.disabled = view.page === pages - 1;
    };
    return { nav, update };
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
