// make bench, side by side: the same DCID v2.0 file, replicated to each size, charted by this
// explorer (the documented path: importUrl, downloading and reading in the worker, receive; then
// statistics and both charts) and by Vega-Lite 6 + vega-embed (the same two charts and statistics, canvas
// renderer, filters as signals), in one headless Chromium; then the same 50 filter changes on each.
// Prints, per size: time to the first chart from navigation, the gzip bytes each page fetched
// before it (the data file aside), filter-change median and p95, and our/Vega-Lite ratios. Both
// pages run without the site's CSP (Vega compiles expressions with Function). Each figure is the
// median of COMPARE_ROUNDS rounds (3), with their range. Then, at 10,000 rows and more, our file
// over an emulated link of LINK_MBIT Mbit/s (100): read as it downloads (importUrl), against
// downloaded, then read. Last, the floor: the time our page takes to start what it needs before it
// can draw (its modules, both wasm modules, the importer's worker) with a one-incident file, against
// Vega-Lite's first chart. Each page starts on an idle machine: it waits for the page before it to
// be torn down. Figures are printed, never asserted.
// Needs ../shared (DCID); skipped with a note without it (an error in CI).
import { existsSync, readFileSync, writeFileSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, root } from '../e2e/browser.mjs';
import { serve } from '../../scripts/serve.mjs';

const DCID = join(root, '../shared/data/dcid-v2.0/DCID_2.0_incidents.csv');
if (!existsSync(DCID)) {
  const note = `bench compare: ${DCID} not found (../shared beside the repository)`;
  if (process.env.CI) throw new Error(note);
  console.log(`${note}; side-by-side comparison skipped`);
  process.exit(0);
}
const SIZES = (process.env.COMPARE_SIZES ?? '429,10000,100000').split(',').map(Number);
// Rounds over every size and both sides: on a shared 2-core machine one page load varies by
// +-30% (how soon its modules arrive, mostly), so each figure printed is the median of the rounds
// with their range.
const ROUNDS = Number(process.env.COMPARE_ROUNDS ?? 3);

/** The records of CSV text (quotes honoured, so a cell may hold a line break), each as its text. */
function records(text) {
  const out = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      out.push(text.slice(start, i).replace(/\r$/, ''));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out.filter((r) => r.trim());
}

/** The file's rows repeated up to `n` (each copy's incident numbers made unique). */
function replicate(text, n) {
  const [header, ...rows] = records(text);
  const lines = [header];
  for (let k = 0; lines.length <= n; k += 1) {
    for (const r of rows) {
      if (lines.length > n) break;
      lines.push(k === 0 ? r : r.replace(/^(\d+)/, (d) => String(Number(d) + k * 100_000)));
    }
  }
  return `${lines.join('\n')}\n`;
}

const site = join(root, 'dist');
const benchDir = join(site, 'bench');
rmSync(benchDir, { recursive: true, force: true });
mkdirSync(benchDir, { recursive: true });
mkdirSync(join(site, 'bench-data'), { recursive: true });
for (const f of ['ours.html', 'ours.js', 'filters.js', 'vega.html', 'vega.js', 'link.html', 'link.js', 'floor.html', 'floor.js']) copyFileSync(join(root, 'tests/bench/pages', f), join(benchDir, f));
for (const [pkg, file] of [['vega', 'vega.min.js'], ['vega-lite', 'vega-lite.min.js'], ['vega-embed', 'vega-embed.min.js']]) {
  copyFileSync(join(root, 'node_modules', pkg, 'build', file), join(benchDir, file));
}
const dcid = readFileSync(DCID, 'utf8');
for (const n of [1, ...SIZES]) writeFileSync(join(site, 'bench-data', `dcid-${n}.csv`), replicate(dcid, n));

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round((s.length - 1) * q))];
};
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The machine's CPU time so far, all of it and idle, from /proc/stat (Linux). */
function cpu() {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  return [ticks.reduce((a, b) => a + b, 0), ticks[3] + ticks[4]];
}
/** Waits (5 s at most) until both cores are at least 90% idle over a tenth of a second: closing
 * a page that held 100,000 rows takes the browser a few hundred milliseconds of work, which fell
 * on the next page's load (our 429-row page, after Vega-Lite's 100,000 rows). */
async function settle() {
  if (!existsSync('/proc/stat')) return;
  for (let i = 0; i < 50; i += 1) {
    const [t0, idle0] = cpu();
    await new Promise((r) => setTimeout(r, 100));
    const [t1, idle1] = cpu();
    if ((idle1 - idle0) / (t1 - t0) >= 0.9) return;
  }
}

const { server, url } = await serve(site);
const browser = await launch();
const results = [];
const LINK_MBIT = Number(process.env.LINK_MBIT ?? 100);
const link = [];
const floor = [];

/** `bench/<page>.html` on the file `data` (in bench-data/), in a fresh context once the machine
 * is idle: what the page left in window.__result (an error it left there is thrown, naming
 * `what`). `prepare(ctx, page)` runs before it loads. */
async function load(pageName, data, what, prepare = async () => {}) {
  await settle();
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  try {
    const page = await ctx.newPage();
    await prepare(ctx, page);
    await page.goto(`${url}bench/${pageName}.html?data=/bench-data/${data}`);
    await page.waitForFunction(() => window.__result, null, { timeout: 600_000, polling: 100 });
    const r = await page.evaluate(() => window.__result);
    if (r.error) throw new Error(`${what}: ${r.error}`);
    return r;
  } finally {
    await ctx.close();
  }
}

try {
  // One untimed round of both pages first: the first page a fresh browser opens pays for starting
  // its processes (about 100 ms more before any module loads), which would fall on whichever
  // side and size came first.
  const plan = [SIZES[0], ...Array.from({ length: ROUNDS }, () => SIZES).flat()];
  for (const [round, n] of plan.entries()) {
    const row = { n };
    for (const side of ['ours', 'vega']) {
      const fetched = new Set();
      const r = await load(side, `dcid-${n}.csv`, `${side} at ${n} rows`, async (ctx) => {
        ctx.on('request', (q) => fetched.add(new URL(q.url()).pathname));
      });
      const bytes = [...fetched].filter((p) => !p.startsWith('/bench-data/') && existsSync(join(site, p)))
        .reduce((sum, p) => sum + gz(join(site, p)), 0);
      row[side] = { ...r, bytes, median: quantile(r.changes, 0.5), p95: quantile(r.changes, 0.95) };
    }
    if (round > 0) results.push(row);
  }
  // The floor: our page's start with a file of one incident, nothing drawn, ROUNDS times.
  for (let k = 0; k < ROUNDS; k += 1) floor.push((await load('floor', 'dcid-1.csv', 'the floor page')).ready);
  // Over a link of LINK_MBIT (100) Mbit/s, emulated, at the sizes of 10,000 rows and more: read as
  // the file arrives, little of the read is left once its last byte is in.
  for (const n of SIZES.filter((k) => k >= 10_000)) {
    const r = await load('link', `dcid-${n}.csv`, `over a link at ${n} rows`, async (ctx, page) => {
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: LINK_MBIT * 125_000, uploadThroughput: LINK_MBIT * 125_000 });
    });
    link.push({ n, ...r });
  }
} finally {
  await browser.close();
  server.close();
}

const f = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0)).padStart(7);
const median = (xs) => quantile(xs, 0.5);
/** The median of `xs` and, over several rounds, their range. */
const spread = (xs, fmt = (x) => x.toFixed(2)) => `${fmt(median(xs))}${xs.length > 1 ? ` (${fmt(Math.min(...xs))}-${fmt(Math.max(...xs))})` : ''}`;
console.log(`\nside by side: the DCID v2.0 file replicated (headless Chromium, canvas, 2 charts + statistics; 50 filter changes); median of ${ROUNDS} round${ROUNDS > 1 ? 's' : ''} (range)`);
console.log('     rows   first chart ms, ours / VL   ratio              bytes gzip (ours / VL)   change median ms (ours / VL)   p95 ms (ours / VL)   p95 ratio');
/** Each size's rounds. */
const rounds = new Map(SIZES.map((n) => [n, results.filter((r) => r.n === n)]));
for (const [n, rows] of rounds) {
  const pick = (side, key) => rows.map((r) => r[side][key]);
  const ratio = (key) => rows.map((r) => r.ours[key] / r.vega[key]);
  const [{ ours, vega }] = rows;
  console.log(`  ${String(n).padStart(7)}   ${f(median(pick('ours', 'first')))} / ${f(median(pick('vega', 'first')))}   ${spread(ratio('first')).padEnd(18)}`
    + ` ${String(ours.bytes).padStart(7)} / ${String(vega.bytes).padStart(7)}`
    + `        ${f(median(pick('ours', 'median')))} / ${f(median(pick('vega', 'median')))}            ${f(median(pick('ours', 'p95')))} / ${f(median(pick('vega', 'p95')))}   ${spread(ratio('p95'))}`);
  for (const r of rows) {
    if (r.ours.totals.join() !== r.vega.totals.join()) {
      console.log(`           (incidents per filter differ: ours ${r.ours.totals.join(', ')}; Vega-Lite ${r.vega.totals.join(', ')})`);
    }
  }
}
console.log('  (first chart: from navigation to both charts and the statistics on screen; targets: ours at most 1/3 of Vega-Lite\'s, p95 likewise)');

console.log('\nour first chart, step by step (ms from navigation, median of the rounds: modules loaded, wasm started, file downloaded and read in the worker, taken in, drawn)');
for (const [n, rows] of rounds) {
  console.log(`  ${String(n).padStart(7)}   ${Object.keys(rows[0].ours.marks).map((k) => `${k} ${Math.round(median(rows.map((r) => r.ours.marks[k])))}`).join(', ')}`);
}

const smallest = Math.min(...SIZES);
const vegaFirst = median(rounds.get(smallest).map((r) => r.vega.first));
console.log(`\nthe floor: our modules, both wasm modules and the importer's worker started, a file of one incident read, nothing drawn: ${spread(floor, (x) => x.toFixed(0))} ms`
  + ` (${(median(floor) / vegaFirst).toFixed(2)} of Vega-Lite's first chart at ${smallest} rows; no first chart of ours comes sooner)`);
console.log(`our filter changes after the first 20 (the browser's compilers warmed up), median / p95 ms: ${[...rounds].map(([n, rows]) => `${n} rows ${f(median(rows.map((r) => quantile(r.ours.changes.slice(20), 0.5)))).trim()} / ${f(median(rows.map((r) => quantile(r.ours.changes.slice(20), 0.95)))).trim()}`).join(', ')}`);

if (link.length) {
  console.log(`\nover a ${LINK_MBIT} Mbit/s link (emulated), ms: importUrl (rows read as they arrive) against downloading, then reading (fetchBytes, importBytes)`);
  for (const { n, streamed, download, whole } of link) {
    console.log(`  ${String(n).padStart(7)}   read as it arrives ${f(streamed)}   downloaded, then read ${f(whole)} (download ${f(download)})`);
  }
}

// Import throughput: the browser's read in the worker (from the bytes in the page to the columns
// handed over, the median of the rounds) against the native release build on the same file.
const largest = Math.max(...SIZES);
const browserMs = median(rounds.get(largest).map((r) => r.ours.readMs));
const memory = rounds.get(largest).at(-1).ours.memory;
const file = join(site, 'bench-data', `dcid-${largest}.csv`);
const natives = Array.from({ length: ROUNDS }, () => execFileSync('cargo', ['run', '--locked', '--quiet', '--release', '--bin', 'bench', '--', '--import', file, 'dcid'], { cwd: root, encoding: 'utf8' })
  .trim().split(' ').map(Number));
const rows = natives[0][0];
const nativeMs = median(natives.map(([, ms]) => ms));
console.log(`\nimport of the DCID file at ${largest} rows: browser (worker) ${Math.round(largest / browserMs * 1000)} rows/s, native ${Math.round(rows / nativeMs * 1000)} rows/s`
  + ` (${Math.round((largest / browserMs) / (rows / nativeMs) * 100)}% of native; target at least 50%)`);
console.log(`our wasm memory after the changes at ${largest} rows: ${(memory / 1e6).toFixed(1)} MB, ${Math.round(memory / largest)} bytes per incident`);
