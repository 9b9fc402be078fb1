// What a reader can do with a chart beyond looking at it, fetched the first time they point at,
// focus or use one (see chartUi in charts.js): a tooltip for the mark or the band under the
// pointer, walking the marks with the arrow keys, and, from the modules beside it, the incident
// card (click, tap, Enter: card.js), the table of the selection (table.js) and the downloads
// (downloads.js). Which mark is where comes from Rust (the `Drawn` of the last draw: hit tests in
// CSS pixels). Each view's words (what a band is, how the walk goes) come from VIEWS (schema.js).

import { named, activeReading } from './stats-view.js';
import { el, plural, formatDate, who, severityText, cardContent, eventContent } from './card.js';
import { incidentTable } from './table.js';
import { save, svgOf, pngOf, csvHead, csvBlob } from './downloads.js';

const STYLESHEET = new URL('./interact.css', import.meta.url).href;
let uid = 0;

/** Wires one chart; resolves once its stylesheet is in. */
export async function attach(figure, canvas, host, state) {
  const root = figure.getRootNode();
  const where = root instanceof ShadowRoot ? root : document.head;
  if (![...where.querySelectorAll('link')].some((l) => l.href === STYLESHEET)) {
    const link = el('link');
    link.rel = 'stylesheet';
    link.href = STYLESHEET;
    await new Promise((ok) => { link.onload = ok; link.onerror = ok; where.append(link); });
  }
  const id = `cs-${++uid}`;
  figure.classList.add('interactive');
  const tip = el('div', 'tip');
  tip.setAttribute('role', 'tooltip');
  tip.id = `${id}-tip`;
  tip.hidden = true;
  const ring = el('div', 'ring');
  ring.hidden = true;
  const column = el('div', 'column');
  column.hidden = true;
  ring.setAttribute('aria-hidden', 'true');
  column.setAttribute('aria-hidden', 'true');
  const live = el('p', 'sr-only');
  live.setAttribute('aria-live', 'polite');
  const card = el('div', 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-labelledby', `${id}-title`);
  card.hidden = true;
  const tableBox = el('div', 'table-box');
  tableBox.id = `${id}-table`;
  tableBox.hidden = true;
  state.buttons.table?.setAttribute('aria-controls', tableBox.id);
  canvas.after(tip, ring, column, card);
  figure.append(tableBox, live);

  let focus = -1; // the mark walked to with the keyboard, by number in the current draw
  let focusIncident = -1; // ... and the incident it shows, kept across redraws
  let cardIncident = -1;
  let rows = null; // the selection's rows, for the CSV, per filter
  let rowsKey = '';
  let owner = host.explorer(); // a new dataset makes every index above stale
  let generation = 0; // ... counted, so the table knows its rows are of an old dataset

  const drawn = () => state.drawn;
  const active = () => (root instanceof ShadowRoot ? root.activeElement : document.activeElement);
  const facets = () => host.facets();
  const mark = (k) => drawn()?.mark(k) ?? null;
  const origin = () => ({ x: canvas.offsetLeft + canvas.clientLeft, y: canvas.offsetTop + canvas.clientTop });
  const point = (e) => {
    const rect = canvas.getBoundingClientRect();
    return { x: e.clientX - rect.left - canvas.clientLeft, y: e.clientY - rect.top - canvas.clientTop };
  };
  const selection = () => {
    const key = JSON.stringify(host.filter());
    if (key !== rowsKey || !rows) {
      rows = host.explorer().selection(host.filter());
      rowsKey = key;
    }
    return rows;
  };

  // -- the tooltip, the highlight ring and the band highlight --------------------------------
  const placeTip = (x, y, below) => {
    const o = origin();
    tip.hidden = false;
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    const room = figure.clientWidth;
    // Kept inside the figure, and inside the viewport (a phone's width) however the page scrolls.
    const vw = document.documentElement.clientWidth;
    const fig = figure.getBoundingClientRect();
    let left = Math.max(4, Math.min(o.x + x - w / 2, room - w - 4));
    left = Math.max(left, 4 - fig.left);
    left = Math.min(left, vw - fig.left - w - 4);
    let top = o.y + y - h - 14;
    if (top < 0 || below) top = o.y + y + 14;
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  };
  const hide = () => {
    tip.hidden = true;
    column.hidden = true;
    if (focus < 0) ring.hidden = true;
  };
  const showRing = (m) => {
    const o = origin();
    const r = m.r + 5;
    ring.style.left = `${Math.round(o.x + m.x - r)}px`;
    ring.style.top = `${Math.round(o.y + m.y - r)}px`;
    ring.style.width = ring.style.height = `${Math.round(2 * r)}px`;
    ring.hidden = false;
  };
  const tipFor = (m) => {
    const r = host.explorer().record(m.incident);
    if (!r) return null;
    const f = facets();
    tip.replaceChildren(el('strong', null, r.name), el('span', null, `${formatDate(r.start, r.precision)} · ${who(r)}`),
      el('span', null, `Severity: ${severityText(r, f)}`));
    placeTip(m.x, m.y - m.r);
    return r;
  };
  const bandText = (key, count) => {
    if (host.view().band !== 'level') return `${key}: ${plural(count, 'incident')}`;
    if (key < 0) return `Not coded: ${plural(count, 'incident')}`;
    return `Level ${named(key, facets().levels?.[key]?.label)}: ${plural(count, 'incident')}`;
  };
  const showBand = (b, y) => {
    const o = origin();
    column.style.left = `${Math.round(o.x + b.x0)}px`;
    column.style.top = `${Math.round(o.y + b.top)}px`;
    column.style.width = `${Math.max(1, Math.round(b.x1 - b.x0))}px`;
    column.style.height = `${Math.round(b.bottom - b.top)}px`;
    column.hidden = false;
    tip.replaceChildren(el('strong', null, bandText(b.key, b.count)));
    placeTip((b.x0 + b.x1) / 2, y);
  };
  /** What is under a pointer: a mark (within a fingertip for touch), else a band. */
  const under = (e) => {
    const d = drawn();
    if (!d) return {};
    const p = point(e);
    const k = d.hit(p.x, p.y, e.pointerType === 'mouse' ? 8 : 16);
    if (k >= 0) return { k, m: mark(k), p };
    const ev = d.event(p.x, p.y, e.pointerType === 'mouse' ? 6 : 14);
    if (ev >= 0) return { ev, p };
    const band = d.band(p.x, p.y);
    return band ? { band, p } : { p };
  };
  const hover = (e) => {
    if (e.pointerType === 'touch') return;
    const u = under(e);
    if (u.m) {
      column.hidden = true;
      showRing(u.m);
      tipFor(u.m);
      canvas.style.cursor = 'pointer';
    } else if (u.ev !== undefined) {
      column.hidden = true;
      eventTip(u.ev);
      canvas.style.cursor = 'pointer';
    } else {
      canvas.style.removeProperty('cursor');
      if (focus < 0) ring.hidden = true; else showRing(mark(focus));
      if (u.band) showBand(u.band, u.p.y); else { tip.hidden = true; column.hidden = true; }
    }
  };
  const tap = (e) => {
    const u = under(e);
    if (u.m) {
      setFocus(u.k, false);
      openCard(u.m.incident, false);
    } else if (u.ev !== undefined) {
      openEvent(u.ev);
    } else if (u.band) {
      ring.hidden = focus < 0;
      showBand(u.band, u.p.y);
    } else {
      hide();
    }
  };

  // -- keyboard ------------------------------------------------------------------------------
  const announce = (text) => { live.textContent = text; };
  const setFocus = (k, speak = true) => {
    const m = mark(k);
    if (!m) return;
    focus = k;
    focusIncident = m.incident;
    showRing(m);
    column.hidden = true;
    const r = tipFor(m);
    if (speak && r) {
      announce(`${r.name}, ${formatDate(r.start, r.precision)}, ${who(r)}, ${severityText(r, facets())}. `
        + `${k + 1} of ${drawn().marks}. Enter opens its card.`);
    }
  };
  const groupStart = (k, dir) => {
    const g = mark(k)?.group;
    let j = k;
    if (dir > 0) { while (mark(j) && mark(j).group === g) j += 1; return mark(j) ? j : k; }
    while (j > 0 && mark(j - 1).group === g) j -= 1; // start of this group
    if (j === k && j > 0) { const h = mark(j - 1).group; j -= 1; while (j > 0 && mark(j - 1).group === h) j -= 1; }
    return j;
  };
  const keydown = (e) => {
    const count = drawn()?.marks ?? 0;
    if (e.key === 'Escape') {
      if (!card.hidden) closeCard(); else { hide(); ring.hidden = true; focus = -1; }
      e.preventDefault();
      return;
    }
    if (!count) return;
    const at = focus < 0 ? -1 : focus;
    const next = {
      ArrowRight: Math.min(at + 1, count - 1), ArrowDown: Math.min(at + 1, count - 1),
      ArrowLeft: Math.max(at - 1, 0), ArrowUp: Math.max(at - 1, 0),
      Home: 0, End: count - 1,
      PageDown: at < 0 ? 0 : groupStart(at, 1), PageUp: at < 0 ? 0 : groupStart(at, -1),
    }[e.key];
    if (next !== undefined) {
      setFocus(next);
      e.preventDefault();
    } else if ((e.key === 'Enter' || e.key === ' ') && focus >= 0) {
      openCard(focusIncident, true);
      e.preventDefault();
    }
  };
  const focused = () => {
    if (!canvas.matches(':focus-visible')) return;
    if (focus < 0 || !mark(focus)) {
      announce(`${canvas.getAttribute('aria-label') ?? ''} Arrow keys move from incident to incident`
        + `${host.view().walk}; Page Up and Page Down jump a ${host.view().band}; Enter opens the card.`);
    } else setFocus(focus);
  };

  // -- the incident card ---------------------------------------------------------------------
  // Where focus goes when the card closes: the chart, or the table row that opened it (so the
  // reader keeps their place in a long table).
  let returnTo = null;
  const openCard = (incident, moveFocus, from = null) => {
    const r = host.explorer().record(incident);
    if (!r) return;
    cardIncident = incident;
    returnTo = from;
    tip.hidden = true;
    const assessment = host.explorer().assess(incident, host.filter());
    const { title, children } = cardContent(r, facets(), {
      titleId: `${id}-title`, link: host.link([['incident', r.id]]), close: closeCard, assessment,
      responses: host.explorer().responsesOf(incident),
    });
    card.replaceChildren(...children);
    // Over the chart's own area (a bottom sheet on phones, where the stylesheet ignores these).
    card.style.setProperty('--cs-card-top', `${origin().y + 8}px`);
    card.style.setProperty('--cs-card-height', `${Math.max(200, canvas.clientHeight - 16)}px`);
    card.hidden = false;
    card.scrollTop = 0;
    host.onIncident?.(r.id);
    if (moveFocus) title.focus();
  };
  // A context event of the timeline's lane: its name and date on hover, its card on a tap.
  const eventTip = (k) => {
    const e = host.explorer().context()[k];
    const at = drawn()?.eventMark(k);
    if (!e || !at) return;
    tip.replaceChildren(el('strong', null, e.name), el('span', null, `${formatDate(e.date)} · ${e.kindLabel}`));
    placeTip(at.x, at.y + at.r, true);
  };
  const openEvent = (k, from = null) => {
    const e = host.explorer().context()[k];
    if (!e) return;
    cardIncident = -1;
    returnTo = from;
    tip.hidden = true;
    const { title, children } = eventContent(e, { titleId: `${id}-title`, close: closeCard });
    card.replaceChildren(...children);
    card.style.setProperty('--cs-card-top', `${origin().y + 8}px`);
    card.style.setProperty('--cs-card-height', `${Math.max(200, canvas.clientHeight - 16)}px`);
    card.hidden = false;
    card.scrollTop = 0;
    title.focus();
  };
  function closeCard() {
    if (card.hidden) return;
    const inside = card.contains(active());
    card.hidden = true;
    cardIncident = -1;
    host.onIncident?.(null);
    if (inside) (returnTo?.isConnected ? returnTo : canvas).focus();
    returnTo = null;
  }
  card.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { closeCard(); e.preventDefault(); return; }
    if (e.key !== 'Tab') return;
    // While open the card keeps the focus (Tab and Shift+Tab go round it); Escape or its close
    // button hands it back to the chart.
    const items = [...card.querySelectorAll('a[href], button, [tabindex="0"]')].filter((x) => x.offsetParent !== null);
    if (!items.length) return;
    const now = active();
    if (e.shiftKey && (now === items[0] || !items.includes(now))) {
      items.at(-1).focus();
      e.preventDefault();
    } else if (!e.shiftKey && now === items.at(-1)) {
      items[0].focus();
      e.preventDefault();
    }
  });

  // -- the table -----------------------------------------------------------------------------
  const table = incidentTable(tableBox, {
    explorer: () => host.explorer(),
    filter: () => host.filter(),
    key: () => `${generation}|${JSON.stringify(host.filter())}`,
    open: (r) => {
      const k = host.explorer().indexOf(r.id);
      const m = drawn()?.find(k) ?? -1;
      const from = active();
      if (m >= 0) setFocus(m, false);
      openCard(k, true, from);
    },
    // The timeline's context events within the selection's years, when its lane is on.
    events: () => {
      const s = host.stats();
      if (host.view().name !== 'timeline' || !(host.context?.() ?? true) || !s?.total) return [];
      const within = (e) => Number(e.date.slice(0, 4)) >= s.firstYear && Number(e.date.slice(0, 4)) <= s.lastYear;
      return host.explorer().context().map((e, k) => [k, e]).filter(([, e]) => within(e));
    },
    openEvent: (k) => openEvent(k, active()),
  });

  // -- downloads -----------------------------------------------------------------------------
  const draw = (c, scale) => host.explorer().draw(c, host.view().name, host.filter(), scale, host.context?.() ?? true, host.compare?.() || undefined);
  const fileName = (ext) => `cyber-spectrum-${host.view().name}-${new Date().toISOString().slice(0, 10)}.${ext}`;
  const filterText = () => host.filterParams().map(([k, v]) => `${k}=${v}`).join('; ');
  const act = async (action, b) => {
    try {
      if (action === 'table') {
        const open = tableBox.hidden;
        tableBox.hidden = !open;
        b.setAttribute('aria-expanded', String(open));
        if (open) await table.render();
      } else if (action === 'png') {
        save(figure, await pngOf(canvas, draw), fileName('png'));
      } else if (action === 'svg') {
        save(figure, new Blob([svgOf(canvas, draw)], { type: 'image/svg+xml' }), fileName('svg'));
      } else if (action === 'csv') {
        const ex = host.explorer();
        const all = selection();
        const head = csvHead(all.length, {
          facets: facets(), reading: activeReading(facets(), host.stats()), filterText: filterText(), link: host.link([]),
        });
        save(figure, await csvBlob(ex, all, head, () => ex !== host.explorer()), fileName('csv'));
      }
    } catch (e) {
      host.error?.(`The ${action.toUpperCase()} download failed: ${e.message}`);
    }
  };

  canvas.addEventListener('pointermove', hover);
  canvas.addEventListener('pointerleave', (e) => { if (e.pointerType !== 'touch') { hide(); canvas.style.removeProperty('cursor'); } });
  canvas.addEventListener('click', tap);
  canvas.addEventListener('keydown', keydown);
  canvas.addEventListener('focus', focused);
  canvas.addEventListener('blur', () => { if (focus >= 0) { tip.hidden = true; } });

  return {
    /** The event that fetched this module, handled as if the module had been there. */
    replay(e) {
      if (e.type === 'focus') focused();
      else if (e.type === 'pointerover') hover(e);
      else if (e.type === 'keydown') keydown(e);
      else if (e.type === 'click') tap(e);
    },
    /** After each draw: follow the focused incident to its new place, refresh an open table. */
    redrawn() {
      const d = drawn();
      if (host.explorer() !== owner) {
        owner = host.explorer();
        generation += 1;
        rows = null;
        focusIncident = -1;
        closeCard();
      }
      tip.hidden = true;
      column.hidden = true;
      focus = focusIncident >= 0 && d ? d.find(focusIncident) : -1;
      if (focus >= 0 && active() === canvas) showRing(mark(focus));
      else ring.hidden = true;
      if (cardIncident >= 0 && d && d.find(cardIncident) < 0) closeCard();
      if (!tableBox.hidden && table.stale()) table.render().catch((e) => host.error?.(`The table failed: ${e.message}`));
    },
    act,
    close: closeCard,
    /** Opens the card of the incident with this id (a shared link's `incident`); false if absent. */
    /** Opens an incident's card by id; `scroll` brings it into view (a cited link, a name in the
     * comparison), which an element opening its `incident` in an article must not do. */
    openId(incidentId, { scroll = false } = {}) {
      const k = host.explorer().indexOf(String(incidentId));
      if (k < 0) return false;
      const m = drawn()?.find(k) ?? -1;
      if (m >= 0) { focus = m; focusIncident = k; }
      openCard(k, false);
      if (scroll) card.scrollIntoView({ block: 'nearest' });
      return true;
    },
  };
}
