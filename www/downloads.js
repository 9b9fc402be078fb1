// Downloads of a chart, part of the on-demand interaction code (see interact.js): PNG at 2x and
// SVG, both drawn by the same Rust chart code, and the selection as the project's CSV, with a
// `#` preamble saying what it is and how to cite it; no cell can run as a spreadsheet formula.
import { COLUMNS } from './schema-files.js';
import { el, plural } from './card.js';
import { csvCell } from './csv.js';
import { pause } from './core.js';

/** The scale severities are read on, and the legal reading whose thresholds the figures follow. */
const scaleText = (scale, reading) => `${scale?.name ?? ''}${!reading ? ''
  : `; thresholds in the reading of ${reading.name}: use of force ${reading.useOfForce?.rule ?? 'not stated'}, `
    + `armed attack ${reading.armedAttack?.rule ?? 'not stated'}`}`;

export function save(figure, blob, name) {
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
export function svgOf(canvas, draw) {
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
    // A whole circle, clockwise as the canvas draws it: a path holds many marks of one colour,
    // and under the nonzero rule marks wound against each other would leave holes where they overlap.
    arc(x, y, r) { path.push(`M${n(x - r)} ${n(y)}a${n(r)} ${n(r)} 0 1 1 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 1 ${n(-2 * r)} 0`); },
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

export function pngOf(canvas, draw) {
  const c = twin(canvas);
  try {
    draw(c, 2).free();
    return new Promise((ok, fail) => c.toBlob((b) => (b ? ok(b) : fail(new Error('the browser could not encode the PNG'))), 'image/png'));
  } finally {
    c.remove();
  }
}

/** The CSV's `#` preamble (each line one quoted field) and its header line, for `count` incidents;
 * the core writes the rows (`Explorer.csvRows`). */
export function csvHead(count, { facets, reading = null, filterText, link, now = new Date() }) {
  const data = facets.source === 'bundled' ? `cyber-spectrum dataset, version ${facets.version}` : `your data, read as ${facets.source}`;
  const preamble = [
    `cyber-spectrum: ${plural(count, 'incident')} selected from the ${data} (${plural(facets.total, 'incident')} in all)`,
    `Filters: ${filterText || 'none (every incident)'}`,
    `Downloaded: ${now.toISOString()}`,
    `Severity: ${scaleText(facets.scale, reading)}`,
    `Suggested citation: cyber-spectrum, ${data}, ${link} (accessed ${now.toISOString().slice(0, 10)}).`,
    'The lines starting with # are this note; the explorer reads the file back as it is.',
  ].map((l) => csvCell(`# ${l.replace(/[\r\n]+/g, ' ')}`, { quote: true })); // each line one field
  return [...preamble, COLUMNS.map((c) => c.name).join(',')].map((l) => `${l}\r\n`).join('');
}

/** Milliseconds of CSV writing between pauses. */
const CSV_STEP_MS = 8;
/** Bytes of CSV gathered into each part of the file (see csvBlob). */
const CSV_PART_BYTES = 4 << 20;

/**
 * The CSV file of `rows` of `ex` after `head` (see csvHead): the core writes the lines as UTF-8
 * bytes (`Explorer.csvRows`) in batches sized to take about CSV_STEP_MS each (the same rows take
 * several times longer before the browser has optimised the code), the page yielding between
 * them, so a million rows never hold it. Every few MB of lines become a Blob, and the file is a
 * Blob of those: no 45 MB string is ever made (nor any string of the rows), and neither a Blob per
 * batch (each cost milliseconds) nor the final one of a few parts holds the page. Throws when
 * `changed()` says the data changed meanwhile.
 */
export async function csvBlob(ex, rows, head, changed) {
  const parts = [];
  let lines = [head];
  let size = head.length;
  let batch = 500;
  for (let i = 0; i < rows.length;) {
    await pause();
    if (changed()) throw new Error('the data changed while the file was being written');
    const begun = performance.now();
    const bytes = ex.csvRows(rows.subarray(i, i + batch));
    i += batch;
    lines.push(bytes);
    size += bytes.length;
    if (size >= CSV_PART_BYTES) {
      parts.push(new Blob(lines));
      lines = [];
      size = 0;
    }
    const ms = performance.now() - begun;
    batch = Math.max(100, Math.min(10_000, Math.round(batch * Math.min(2, CSV_STEP_MS / Math.max(ms, 0.5)))));
  }
  await pause();
  return new Blob([...parts, ...lines], { type: 'text/csv' });
}
