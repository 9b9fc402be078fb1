// What a reader can do with a chart beyond looking at it, fetched the first time they point at,
// focus or use one (see chartUi in charts.js): a tooltip for the mark or the level/year under the
// pointer, the incident card (click, tap, Enter), walking the marks with the arrow keys, the table of
// the selection, downloads (PNG at 2x, SVG and CSV) and a citation. Which mark is where comes from
// Rust (the `Drawn` of the last draw: hit tests in CSS pixels). Data is only ever set as text, and
// only http(s) sources become links.

import { named } from './stats-view.js';

const STYLESHEET = new URL('./interact.css', import.meta.url).href;
const ROWS_SHOWN = 1000;
let uid = 0;

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

function button(text, onClick, className) {
  const b = el('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2017-05-12" read as its precision says: 12 May 2017, May 2017 or 2017. */
export function formatDate(iso, precision) {
  const [y, m, d] = String(iso ?? '').split('-');
  if (!y) return '';
  if (precision === 'year' || !m) return y;
  const month = MONTHS[Number(m) - 1] ?? m;
  return precision === 'month' || !d ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** Only http(s) addresses become links: never javascript:, data: or anything else. */
export function safeUrl(text) {
  try {
    const u = new URL(String(text).trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const labelOf = (facets, kind, value) => facets[kind]?.find((c) => c.value === value)?.label ?? value ?? null;
const plural = (n, word) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function severityText(r, facets) {
  if (r.severity === null || r.severity === undefined) return 'not coded';
  return `level ${named(r.severity, r.severityLabel ?? facets.levels?.[r.severity]?.label)}`;
}

/** Where a severity sits against the thresholds, in words. */
export function thresholdText(severity, facets) {
  const force = facets.useOfForce;
  const attack = facets.armedAttack;
  if (force === null || force === undefined) return `${facets.scale?.name ?? 'This scale'} has no use-of-force or armed-attack threshold.`;
  if (severity === null || severity === undefined) return 'Not coded, so not placed against the thresholds.';
  if (severity >= attack) return `At or above the armed-attack threshold (level ${attack}).`;
  if (severity >= force) {
    return `At or above the use-of-force threshold (level ${force}); ${plural(attack - severity, 'level')} below armed attack (level ${attack}).`;
  }
  return `${plural(force - severity, 'level')} below the use-of-force threshold (level ${force}).`;
}

const who = (r) => `${r.initiatorName} → ${r.targetNames.length ? r.targetNames.join(', ') : 'no target named'}`;

/** A short citation for one incident: id, dataset, coding, sources and where to see it. */
export function citation(r, facets, link, today = new Date()) {
  const data = facets.source === 'bundled' ? `cyber-spectrum dataset, version ${facets.version}` : `data read as ${facets.source}`;
  const sources = r.sources.length ? ` Sources: ${r.sources.join(' ; ')}.` : '';
  return `“${r.name}” (${r.id}), ${formatDate(r.start, r.precision)}; ${who(r)}; coded ${severityText(r, facets)}. `
    + `In ${data}.${sources} ${link} (accessed ${today.toISOString().slice(0, 10)}).`;
}

// ---------------------------------------------------------------------------------------------
// Downloads

function save(figure, blob, name) {
  const a = el('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.hidden = true;
  figure.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

/** A canvas laid out beside the chart at its CSS size (so it inherits the theme and the font). */
function twin(canvas) {
  const c = el('canvas');
  c.setAttribute('aria-hidden', 'true');
  c.className = 'twin';
  c.style.width = `${canvas.clientWidth}px`;
  c.style.height = `${canvas.clientHeight}px`;
  canvas.after(c);
  return c;
}

const esc = (s) => String(s).replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]);
const n = (v) => Math.round(v * 100) / 100;

/**
 * The chart as SVG, drawn by the same Rust chart code: the calls plotters-canvas makes on a 2d
 * context are written down as SVG elements instead of painted (text is still measured by the real
 * context, so the layout is the one on screen).
 */
function svgOf(canvas, draw) {
  const c = twin(canvas);
  const ctx = c.getContext('2d');
  const proto = CanvasRenderingContext2D.prototype;
  const out = [];
  const st = { fillStyle: '#000', strokeStyle: '#000', lineWidth: 1, textAlign: 'start', textBaseline: 'alphabetic' };
  const stack = [];
  let transform = [];
  let path = [];
  for (const prop of Object.keys(st)) {
    Object.defineProperty(ctx, prop, { configurable: true, get: () => st[prop], set: (v) => { st[prop] = v; } });
  }
  let font = { size: 10, family: 'sans-serif', style: '' };
  Object.defineProperty(ctx, 'font', {
    configurable: true,
    get: () => Object.getOwnPropertyDescriptor(proto, 'font').get.call(ctx),
    set: (v) => {
      Object.getOwnPropertyDescriptor(proto, 'font').set.call(ctx, v); // measureText uses it
      const m = /^\s*(\S*)\s*([\d.]+)px\s+(.+)$/.exec(v);
      if (m) font = { style: m[1] === 'normal' ? '' : m[1], size: Number(m[2]), family: m[3] };
    },
  });
  const tf = () => (transform.length ? ` transform="${transform.join(' ')}"` : '');
  Object.assign(ctx, {
    setTransform() {},
    save() { stack.push([...transform]); },
    restore() { transform = stack.pop() ?? []; },
    translate(x, y) { transform.push(`translate(${n(x)} ${n(y)})`); },
    rotate(a) { transform.push(`rotate(${n(a * 180 / Math.PI)})`); },
    beginPath() { path = []; },
    moveTo(x, y) { path.push(`M${n(x)} ${n(y)}`); },
    lineTo(x, y) { path.push(`L${n(x)} ${n(y)}`); },
    closePath() { path.push('Z'); },
    arc(x, y, r) { path.push(`M${n(x - r)} ${n(y)}a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0`); },
    stroke() { out.push(`<path d="${path.join('')}" fill="none" stroke="${esc(st.strokeStyle)}" stroke-width="${n(st.lineWidth)}"${tf()}/>`); },
    fill() { out.push(`<path d="${path.join('')}" fill="${esc(st.fillStyle)}"${tf()}/>`); },
    fillRect(x, y, w, h) { out.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${esc(st.fillStyle)}"${tf()}/>`); },
    strokeRect(x, y, w, h) { out.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="none" stroke="${esc(st.strokeStyle)}" stroke-width="${n(st.lineWidth)}"${tf()}/>`); },
    fillText(text, x, y) {
      const anchor = { center: 'middle', right: 'end', end: 'end' }[st.textAlign] ?? 'start';
      const base = { top: 'text-before-edge', hanging: 'text-before-edge', middle: 'central', bottom: 'text-after-edge' }[st.textBaseline];
      out.push(`<text x="${n(x)}" y="${n(y)}" font-family="${esc(font.family)}" font-size="${font.size}"`
        + `${font.style ? ` font-style="${esc(font.style)}"` : ''} text-anchor="${anchor}"${base ? ` dominant-baseline="${base}"` : ''}`
        + ` fill="${esc(st.fillStyle)}"${tf()}>${esc(text)}</text>`);
    },
  });
  try {
    const drawn = draw(c, 1);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${drawn.width}" height="${drawn.height}" viewBox="0 0 ${drawn.width} ${drawn.height}">\n`
      + `${out.join('\n')}\n</svg>\n`;
    drawn.free();
    return svg;
  } finally {
    c.remove();
  }
}

function pngOf(canvas, draw) {
  const c = twin(canvas);
  try {
    draw(c, 2).free();
    return new Promise((ok, fail) => c.toBlob((b) => (b ? ok(b) : fail(new Error('the browser could not encode the PNG'))), 'image/png'));
  } finally {
    c.remove();
  }
}

/** The project's CSV schema (what the explorer reads back), after a `#` preamble. */
const COLUMNS = [
  ['id', (r) => r.id], ['name', (r) => r.name], ['start', (r) => r.start], ['end', (r) => r.end],
  ['initiator', (r) => r.initiator], ['targets', (r) => r.targets.join(';')], ['target_type', (r) => r.targetType],
  ['method', (r) => r.method], ['objective', (r) => r.objective], ['severity', (r) => r.severity],
  ['rationale', (r) => r.rationale], ['attributed_by', (r) => r.attributedBy], ['attribution_date', (r) => r.attributionDate],
  ['description', (r) => r.description], ['sources', (r) => r.sources.join(' ')],
];
const cell = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function csvOf(records, { facets, filterText, link, now = new Date() }) {
  const data = facets.source === 'bundled' ? `cyber-spectrum dataset, version ${facets.version}` : `your data, read as ${facets.source}`;
  const preamble = [
    `cyber-spectrum: ${plural(records.length, 'incident')} selected from the ${data} (${plural(facets.total, 'incident')} in all)`,
    `Filters: ${filterText || 'none (every incident)'}`,
    `Downloaded: ${now.toISOString()}`,
    `Severity: ${facets.scale?.key === 'ladder' ? 'the 0-10 escalation ladder; use of force from level 7, armed attack from level 9' : facets.scale?.name ?? ''}`,
    `Suggested citation: cyber-spectrum, ${data}, ${link} (accessed ${now.toISOString().slice(0, 10)}).`,
    'The lines starting with # are this note; the explorer reads the file back as it is.',
  ].map((l) => `# ${l.replace(/[\r\n]+/g, ' ')}`);
  const rows = records.map((r) => COLUMNS.map(([, get]) => cell(get(r))).join(','));
  return `${[...preamble, COLUMNS.map(([name]) => name).join(','), ...rows].join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// The table

const SORTS = {
  date: (a, b) => a.start.localeCompare(b.start),
  name: (a, b) => a.name.localeCompare(b.name),
  initiator: (a, b) => a.initiatorName.localeCompare(b.initiatorName),
  target: (a, b) => a.targetNames.join(', ').localeCompare(b.targetNames.join(', ')),
  severity: (a, b) => (a.severity ?? -1) - (b.severity ?? -1),
};

// ---------------------------------------------------------------------------------------------

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
  let records = null; // the selection's records, for the table and the CSV, per filter
  let recordsKey = '';
  let sort = { key: 'date', dir: 1 };
  let owner = host.explorer(); // a new dataset makes every index above stale

  const drawn = () => state.drawn;
  const active = () => (root instanceof ShadowRoot ? root.activeElement : document.activeElement);
  const facets = () => host.facets();
  const mark = (k) => {
    const m = drawn()?.mark(k) ?? [];
    return m.length ? { x: m[0], y: m[1], r: m[2], group: m[3], incident: m[4] } : null;
  };
  const origin = () => ({ x: canvas.offsetLeft + canvas.clientLeft, y: canvas.offsetTop + canvas.clientTop });
  const point = (e) => {
    const rect = canvas.getBoundingClientRect();
    return { x: e.clientX - rect.left - canvas.clientLeft, y: e.clientY - rect.top - canvas.clientTop };
  };
  const selection = () => {
    const key = JSON.stringify(host.filter());
    if (key !== recordsKey || !records) {
      records = host.explorer().incidents(host.filter());
      recordsKey = key;
    }
    return records;
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
    if (host.view() === 'timeline') return `${key}: ${plural(count, 'incident')}`;
    if (key < 0) return `Not coded: ${plural(count, 'incident')}`;
    return `Level ${named(key, facets().levels?.[key]?.label)}: ${plural(count, 'incident')}`;
  };
  const showBand = (b, y) => {
    const o = origin();
    column.style.left = `${Math.round(o.x + b[0])}px`;
    column.style.top = `${Math.round(o.y + b[2])}px`;
    column.style.width = `${Math.max(1, Math.round(b[1] - b[0]))}px`;
    column.style.height = `${Math.round(b[3] - b[2])}px`;
    column.hidden = false;
    tip.replaceChildren(el('strong', null, bandText(b[4], b[5])));
    placeTip((b[0] + b[1]) / 2, y);
  };
  /** What is under a pointer: a mark (within a fingertip for touch), else a band. */
  const under = (e) => {
    const d = drawn();
    if (!d) return {};
    const p = point(e);
    const k = d.hit(p.x, p.y, e.pointerType === 'mouse' ? 8 : 16);
    if (k >= 0) return { k, m: mark(k), p };
    const b = d.band(p.x, p.y);
    return b.length ? { band: b, p } : { p };
  };
  const hover = (e) => {
    if (e.pointerType === 'touch') return;
    const u = under(e);
    if (u.m) {
      column.hidden = true;
      showRing(u.m);
      tipFor(u.m);
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
        + `${host.view() === 'timeline' ? ' in time order' : ', level by level'}; Page Up and Page Down jump a `
        + `${host.view() === 'timeline' ? 'year' : 'level'}; Enter opens the card.`);
    } else setFocus(focus);
  };

  // -- the incident card ---------------------------------------------------------------------
  const row = (dl, term, value) => {
    if (value === null || value === undefined || value === '') return;
    dl.append(el('dt', null, term), el('dd', null, value));
  };
  const openCard = (incident, moveFocus) => {
    const r = host.explorer().record(incident);
    if (!r) return;
    const f = facets();
    cardIncident = incident;
    tip.hidden = true;
    const title = el('h3', null, r.name);
    title.id = `${id}-title`;
    title.tabIndex = -1;
    const dates = r.end ? `${formatDate(r.start, r.precision)} to ${formatDate(r.end)}` : formatDate(r.start, r.precision);
    const dl = el('dl');
    row(dl, 'Id', r.id);
    row(dl, 'When', dates);
    row(dl, 'Who → whom', who(r));
    row(dl, 'Target type', labelOf(f, 'targetTypes', r.targetType));
    row(dl, 'Method', labelOf(f, 'methods', r.method));
    row(dl, 'Objective', labelOf(f, 'objectives', r.objective));
    row(dl, 'Severity', severityText(r, f));
    row(dl, 'Why this level', r.rationale);
    row(dl, 'Thresholds', thresholdText(r.severity, f));
    row(dl, 'Attributed by', r.attributedBy ? `${r.attributedBy}${r.attributionDate ? ` (${formatDate(r.attributionDate)})` : ''}` : null);
    row(dl, 'What happened', r.description);
    const sources = el('ul', 'sources');
    for (const s of r.sources) {
      const url = safeUrl(s);
      const li = el('li');
      if (url) {
        const a = el('a', null, url.replace(/^https?:\/\/(www\.)?/, ''));
        a.href = url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        li.append(a);
      } else li.textContent = s;
      sources.append(li);
    }
    const cite = el('p', 'cite');
    cite.hidden = true;
    const citeButton = button('Cite this incident', async () => {
      const text = citation(r, f, host.link([['incident', r.id]]));
      cite.textContent = text;
      cite.hidden = false;
      try {
        await navigator.clipboard.writeText(text);
        citeButton.textContent = 'Citation copied';
      } catch {
        citeButton.textContent = 'Citation (select and copy)';
      }
    });
    const close = button('×', closeCard, 'close');
    close.setAttribute('aria-label', 'Close the incident card');
    card.replaceChildren(close, title, dl, ...(r.sources.length ? [el('h4', null, 'Sources'), sources] : []),
      el('div', 'actions'), cite);
    card.querySelector('.actions').append(citeButton);
    // Over the chart's own area (a bottom sheet on phones, where the stylesheet ignores these).
    card.style.setProperty('--cs-card-top', `${origin().y + 8}px`);
    card.style.setProperty('--cs-card-height', `${Math.max(200, canvas.clientHeight - 16)}px`);
    card.hidden = false;
    card.scrollTop = 0;
    host.onIncident?.(r.id);
    if (moveFocus) title.focus();
  };
  function closeCard() {
    if (card.hidden) return;
    const inside = card.contains(active());
    card.hidden = true;
    cardIncident = -1;
    host.onIncident?.(null);
    if (inside) canvas.focus();
  }
  card.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { closeCard(); e.preventDefault(); }
  });

  // -- the table -----------------------------------------------------------------------------
  /** What the table shows: the filter and the sort. */
  const tableKey = () => `${JSON.stringify(host.filter())}|${sort.key}|${sort.dir}`;
  const renderTable = () => {
    const all = [...selection()];
    const f = facets();
    const cmp = SORTS[sort.key];
    all.sort((a, b) => sort.dir * cmp(a, b) || a.start.localeCompare(b.start));
    const table = el('table');
    const shown = all.slice(0, ROWS_SHOWN);
    const cap = el('caption', null, `${plural(all.length, 'incident')} in this selection, sorted by ${sort.key}`
      + ` (${sort.dir > 0 ? 'ascending' : 'descending'})${all.length > shown.length ? `; the first ${shown.length} shown (the CSV download has all)` : ''}.`);
    const head = el('tr');
    for (const [key, label] of [['date', 'Date'], ['name', 'Incident'], ['initiator', 'Initiator'], ['target', 'Target'], ['severity', 'Severity']]) {
      const th = el('th');
      th.scope = 'col';
      th.setAttribute('aria-sort', sort.key === key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none');
      const b = button(label, () => {
        sort = { key, dir: sort.key === key ? -sort.dir : 1 };
        renderTable();
        tableBox.querySelector(`th:nth-child(${[...head.children].indexOf(th) + 1}) button`)?.focus();
      });
      const arrow = el('span', 'arrow', sort.key === key ? (sort.dir > 0 ? ' ▲' : ' ▼') : '');
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
      name.append(button(r.name, () => {
        const k = host.explorer().indexOf(r.id);
        const m = drawn()?.find(k) ?? -1;
        if (m >= 0) setFocus(m, false);
        openCard(k, true);
      }, 'link'));
      tr.append(el('td', null, r.start), name, el('td', null, r.initiatorName), el('td', null, r.targetNames.join(', ')),
        el('td', null, r.severity === null ? 'not coded' : `${r.severity}${r.severityLabel ? ` ${r.severityLabel}` : ''}`));
      body.append(tr);
    }
    table.append(cap, thead, body);
    tableBox.replaceChildren(table);
    tableBox.dataset.key = tableKey();
  };

  // -- downloads -----------------------------------------------------------------------------
  const draw = (c, scale) => host.explorer().draw(c, host.view(), host.filter(), scale);
  const fileName = (ext) => `cyber-spectrum-${host.view()}-${new Date().toISOString().slice(0, 10)}.${ext}`;
  const filterText = () => host.filterParams().map(([k, v]) => `${k}=${v}`).join('; ');
  const act = async (action, b) => {
    try {
      if (action === 'table') {
        const open = tableBox.hidden;
        tableBox.hidden = !open;
        b.setAttribute('aria-expanded', String(open));
        if (open) renderTable();
      } else if (action === 'png') {
        save(figure, await pngOf(canvas, draw), fileName('png'));
      } else if (action === 'svg') {
        save(figure, new Blob([svgOf(canvas, draw)], { type: 'image/svg+xml' }), fileName('svg'));
      } else if (action === 'csv') {
        const text = csvOf(selection(), { facets: facets(), filterText: filterText(), link: host.link([]) });
        save(figure, new Blob([text], { type: 'text/csv' }), fileName('csv'));
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
    },
    /** After each draw: follow the focused incident to its new place, refresh an open table. */
    redrawn() {
      const d = drawn();
      if (host.explorer() !== owner) {
        owner = host.explorer();
        records = null;
        focusIncident = -1;
        closeCard();
      }
      tip.hidden = true;
      column.hidden = true;
      focus = focusIncident >= 0 && d ? d.find(focusIncident) : -1;
      if (focus >= 0 && active() === canvas) showRing(mark(focus));
      else ring.hidden = true;
      if (cardIncident >= 0 && d && d.find(cardIncident) < 0) closeCard();
      if (!tableBox.hidden && (!records || tableBox.dataset.key !== tableKey())) renderTable();
    },
    act,
    close: closeCard,
    /** Opens the card of the incident with this id (a shared link's `incident`); false if absent. */
    openId(incidentId) {
      const k = host.explorer().indexOf(String(incidentId));
      if (k < 0) return false;
      const m = drawn()?.find(k) ?? -1;
      if (m >= 0) { focus = m; focusIncident = k; }
      openCard(k, false);
      return true;
    },
  };
}
