// End-to-end with the files on one origin, as a CDN serves them, and the article on another (two
// loopback ports): the element with the bundled data and with data files in our CSV and in DCID's
// format (read by the importer's worker, which browsers refuse to start from another origin's
// script), the on-demand card code, the iframe embed with its host script, embed code copied from
// a chart that points back at the files' origin, downloads and a citation, and a page whose policy
// refuses the worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { out, embedState, settled } from './browser.mjs';
import { useOrigins } from './origins.mjs';

const { cdn, site, article, open, dir } = useOrigins();

const everyReady = (page) => page.evaluate(() => Promise.all([...document.querySelectorAll('cyber-spectrum')]
  .map((e) => e.ready.then(() => 'ready', (err) => err.message))));

test('elements from another origin: bundled data, our CSV and a DCID file, a card, copied embed code', async () => {
  const address = await article('three.html', `
    <cyber-spectrum id="bundled" initiators="PRK" incident="2017-wannacry"></cyber-spectrum>
    <cyber-spectrum id="csv" src="data/small.csv"></cyber-spectrum>
    <cyber-spectrum id="dcid" src="data/dcid.csv" format="dcid" view="timeline"></cyber-spectrum>`);
  const { page, problems, requests, context } = await open(address, { permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
  for (const el of await page.locator('cyber-spectrum').all()) await el.scrollIntoViewIfNeeded();
  assert.deepEqual(await everyReady(page), ['ready', 'ready', 'ready']);
  await settled(page);
  const [bundled, csv, dcid] = await Promise.all(['#bundled', '#csv', '#dcid'].map((s) => embedState(page, s)));
  assert.equal(csv.total, 6, 'the six incidents of tests/fixtures/small.csv');
  assert.equal(dcid.total, 6, 'the six rows of tests/fixtures/dcid/quirks.csv');
  assert.ok(bundled.total > 50, `${bundled.total}`);
  for (const s of [bundled, csv, dcid]) {
    assert.equal(s.error, null);
    assert.ok(s.inked > 1000, `a drawn chart (${s.inked} inked pixels)`);
  }
  // Both wasm modules came from the files' origin; the importer ran in a worker (started from a
  // blob: module of the article's origin), never on the article's thread.
  const from = (re) => requests.filter((r) => re.test(r));
  assert.deepEqual(from(/cyber_spectrum_bg\.wasm$/), [`${cdn().url}pkg/cyber_spectrum_bg.wasm`]);
  assert.ok(from(/import_bg\.wasm$/).length >= 1);
  assert.deepEqual([...new Set(from(/_bg\.wasm$/).map((r) => new URL(r).origin))], [new URL(cdn().url).origin]);
  assert.equal(from(/import-worker\.js$/).length >= 1, true, requests.join('\n'));
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => /cyber_spectrum_import_bg\.wasm$/.test(r.name))), false,
    'the importer\'s wasm was fetched by the worker, not by the page');

  // The card code and the incidents' texts come on demand from the files' origin too.
  const card = page.locator('#bundled').locator('.card');
  await card.waitFor({ state: 'visible' });
  assert.match(await card.locator('h3').innerText(), /WannaCry/);
  assert.ok(await card.locator('a[href^="https://"]').count() > 0, 'the sources, from the long texts');
  // Its citation links back to the explorer on the files' origin, with the card open.
  await card.getByRole('button', { name: 'Cite this incident' }).click();
  const cite = await card.locator('.cite').innerText();
  assert.match(cite, /“WannaCry[^”]*” \(2017-wannacry\)/);
  assert.ok(cite.includes(`${cdn().url}index.html#`) && cite.includes('incident=2017-wannacry'), cite);
  await card.getByRole('button', { name: 'Close the incident card' }).click();
  // Downloads: the chart drawn again by the core, saved from the article's page.
  const [png] = await Promise.all([page.waitForEvent('download'),
    page.locator('#dcid').getByRole('button', { name: 'Download the chart as PNG' }).click()]);
  assert.match(png.suggestedFilename(), /^cyber-spectrum-timeline-.*\.png$/);
  const [table] = await Promise.all([page.waitForEvent('download'),
    page.locator('#csv').getByRole('button', { name: 'Download the chart’s incidents as CSV' }).click()]);
  const rows = (await readFile(await table.path(), 'utf8')).split('\r\n').filter((l) => l && !l.startsWith('"#'));
  assert.equal(rows.length, 7, 'the header and the six incidents of the CSV file');

  // Embed code copied from the chart points at the files' origin, and pasted into another
  // article there it shows the same selection.
  await page.locator('#bundled').locator('button[data-copy="tag"]').click();
  const tag = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(tag.startsWith(`<script type="module" src="${cdn().url}cyber-spectrum.js"></script>`), tag);
  await page.locator('#csv').locator('button[data-copy="iframe"]').click();
  const iframe = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(iframe.startsWith(`<iframe src="${cdn().url}embed.html#view=spectrum&amp;src=${encodeURIComponent(`${site().url}data/small.csv`)}`), iframe);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await page.screenshot({ path: join(out, 'crossorigin-elements.png'), fullPage: true });

  const pasted = await open(await article('pasted.html', tag.replace(/^<script[^>]*><\/script>\n/, '')));
  assert.deepEqual(await everyReady(pasted.page), ['ready']);
  assert.equal((await embedState(pasted.page, 'cyber-spectrum')).total, bundled.total);
  assert.deepEqual(pasted.problems, []);
  await pasted.context.close();
  await context.close();
});

test('the iframe embed from another origin, sized by its host script, reads a data file', async () => {
  const address = await article('frame.html', `
    <iframe id="frame" src="${cdn().url}embed.html#view=timeline&amp;src=${encodeURIComponent(`${site().url}data/dcid.csv`)}" title="chart" width="100%" height="150"></iframe>
    <script src="${cdn().url}embed-host.js" async></script>`);
  const { page, problems, context } = await open(address);
  const element = page.frameLocator('#frame').locator('cyber-spectrum');
  assert.equal(await element.evaluate((e) => e.ready.then(() => 'ready', (err) => err.message)), 'ready');
  assert.equal(await element.evaluate((e) => e.stats.total), 6);
  await page.waitForFunction(() => document.querySelector('#frame').clientHeight > 300);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page whose policy refuses the worker gets a message naming what to add, inside the element', async () => {
  const strict = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict</title>
<meta http-equiv="Content-Security-Policy" content="worker-src 'none'">
<script type="module" src="${cdn().url}cyber-spectrum.js"></script></head><body>
<cyber-spectrum id="dcid" src="data/dcid.csv"></cyber-spectrum><cyber-spectrum id="bundled"></cyber-spectrum></body></html>`;
  await writeFile(join(dir(), 'strict.html'), strict);
  const { page, problems, context } = await open(`${site().url}strict.html`);
  const outcome = await everyReady(page);
  assert.equal(outcome[1], 'ready', 'the bundled chart is unaffected');
  assert.match(outcome[0], /^The data could not be loaded: .*importer could not start: this page's Content-Security-Policy \(worker-src\) refuses its worker\. .*needs worker-src blob:$/);
  assert.equal((await embedState(page, '#dcid')).error, outcome[0]);
  assert.deepEqual(problems.filter((p) => p.startsWith('pageerror')), []);
  await context.close();
});
