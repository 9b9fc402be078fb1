// make bench, browser half: the explorer page in headless Chromium on the synthetic datasets that
// `cargo run --release --bin bench -- --write dist/bench-data` writes (1k to 1M incidents). For each
// size it prints the time from navigation to the first chart drawn, the time a filter change takes
// until the statistics and every chart on the page are redrawn (median and 95th percentile over 60 changes of
// twelve kinds), and the wasm memory per incident. The page reports its own work through
// performance marks (cs:stats from app.js, cs:drawn from charts.js). Figures are printed, never
// asserted: a benchmark that fails on a busy machine would only teach people to ignore it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch, root } from '../e2e/browser.mjs';
import { serve } from '../../scripts/serve.mjs';

const SIZES = (process.env.SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);
/** The p95 targets of issue 6 (ms from a filter change to both charts redrawn). */
const TARGET = { 1000: 8, 10000: 8, 100000: 16, 1000000: 100 };
/** Filter changes as a shared link's hash carries them: years, states, methods, objectives,
 * target types, severity, search and back to everything. Consecutive hashes differ, so each is a
 * change. */
const CHANGES = [
  'from=2010', 'from=2010&to=2018', 'initiators=CHN', 'initiators=CHN,RUS,PRK', 'targets=USA', 'targets=KOR,JPN',
  'methods=ddos,wiper', 'min-severity=5', 'objectives=theft', 'target-types=military&min-severity=3', 'search=operation%2012', '',
];
const ROUNDS = 5;

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round((s.length - 1) * q))];
};
const ms = (x) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)).padStart(8);

const { server, url } = await serve(join(root, 'dist'));
const browser = await launch();
const rows = [];
try {
  for (const n of SIZES) {
    const file = `bench-data/synthetic-${n}.csv`;
    if (!existsSync(join(root, 'dist', file))) {
      console.error(`bench: dist/${file} is missing (make bench writes it)`);
      process.exitCode = 1;
      continue;
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}index.html?data=${file}`);
    await page.waitForFunction(() => performance.getEntriesByName('cs:drawn').length > 0, null, { timeout: 600_000, polling: 100 });
    const load = await page.evaluate(() => {
      const stats = performance.getEntriesByName('cs:stats')[0];
      return { first: performance.getEntriesByName('cs:drawn')[0].startTime, memory: stats.detail.memory, total: stats.detail.total };
    });
    if (load.total !== n) throw new Error(`${file}: the page shows ${load.total} incidents, not ${n}`);
    const work = [];
    const kinds = {};
    const wall = [];
    const statsMs = [];
    const drawMs = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const hash of CHANGES) {
        const t = await page.evaluate((h) => new Promise((done) => {
          const before = performance.getEntriesByName('cs:drawn')[0].startTime;
          const begun = performance.now();
          location.hash = h;
          const poll = () => {
            const drawn = performance.getEntriesByName('cs:drawn')[0];
            // A batch's mark is left once every chart the change asked for is drawn.
            if (drawn.startTime > before && drawn.detail.views > 0) {
              const stats = performance.getEntriesByName('cs:stats')[0];
              done({ stats: stats.detail.ms, draw: drawn.detail.ms, work: stats.detail.ms + drawn.detail.ms, wall: drawn.startTime - begun, memory: stats.detail.memory });
            } else setTimeout(poll, 0);
          };
          poll();
        }), hash);
        work.push(t.work);
        (kinds[hash || 'everything'] ??= []).push(t.work);
        statsMs.push(t.stats);
        drawMs.push(t.draw);
        wall.push(t.wall);
        load.after = t.memory;
      }
    }
    if (errors.length) throw new Error(`${file}: ${errors.join('; ')}`);
    await page.screenshot({ path: join(root, 'tests/e2e/out', `bench-${n}.png`), fullPage: true });
    // The kinds of change that take longest, by their median: what the p95 is made of.
    const slowest = Object.entries(kinds).map(([k, xs]) => [k, quantile(xs, 0.5)]).sort((a, b) => b[1] - a[1]).slice(0, 3);
    rows.push({ n, ...load, slowest, median: quantile(work, 0.5), stats50: quantile(statsMs, 0.5), draw50: quantile(drawMs, 0.5), p95: quantile(work, 0.95), wall95: quantile(wall, 0.95), changes: work.length });
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

console.log('\nbrowser (headless Chromium, 1280x900 page, the statistics and every chart on it)');
console.log('  incidents  first chart  change median (stats + charts)    p95  target  wall p95  wasm memory  bytes/incident');
for (const r of rows) {
  console.log(`  ${String(r.n).padStart(9)}  ${ms(r.first)} ms  ${ms(r.median)} ms (${ms(r.stats50).trim()} + ${ms(r.draw50).trim()}) ${ms(r.p95)} ${String(TARGET[r.n] ?? '').padStart(6)}  ${ms(r.wall95)}`
    + `  ${(r.after / 1e6).toFixed(1).padStart(8)} MB  ${(r.after / r.n).toFixed(0).padStart(14)}`);
}
for (const r of rows) console.log(`  slowest changes at ${r.n}: ${r.slowest.map(([k, m]) => `${k} ${ms(m).trim()} ms`).join(', ')}`);
console.log(`  (change: ${rows[0]?.changes ?? 0} filter changes per size, the work from the change to both charts redrawn;`
  + ' wall: the same until the frame that shows them; memory: the wasm linear memory after the changes, target 150 bytes/incident at 1M)');
