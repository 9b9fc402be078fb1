// End-to-end: drives the served page like a reader, in the system Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { launch } from './browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'tests/e2e/out');
let server;
let url;
let browser;

before(async () => {
  ({ server, url } = await serve(join(root, 'www')));
  browser = await launch();
  await mkdir(out, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A page that records console errors and uncaught exceptions. */
async function open(options = {}, path = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url + path);
  return { page, problems, context };
}

async function ready(page) {
  await page.waitForFunction(() => /\d+ incidents?/.test(document.querySelector('#stats')?.textContent ?? ''));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Non-background pixels of a canvas, and a fingerprint of its content. */
function canvasState(page, id) {
  return page.evaluate((id) => {
    const c = document.getElementById(id);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    let hash = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) inked += 1;
      hash = (hash * 31 + d[i] + 7 * d[i + 1] + 13 * d[i + 2]) | 0;
    }
    return { inked, hash, width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight };
  }, id);
}

const statsText = (page) => page.locator('#stats').innerText();

test('the page loads without errors and both charts have content', async () => {
  const { page, problems, context } = await open();
  await ready(page);
  assert.match(await statsText(page), /^\d{2,} incidents, 20\d\d to 20\d\d/);
  assert.match(await page.locator('#dataset').innerText(), /Bundled dataset, version/);
  for (const id of ['spectrum', 'timeline']) {
    const s = await canvasState(page, id);
    assert.ok(s.inked > 20000, `${id}: ${s.inked} inked pixels`);
  }
  assert.equal(await page.locator('#error').isHidden(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a filter changes statistics and pixels, and reset restores them', async () => {
  const { page, problems, context } = await open();
  await ready(page);
  const before = { text: await statsText(page), spectrum: await canvasState(page, 'spectrum'), timeline: await canvasState(page, 'timeline') };

  await page.locator('details.multi[data-name="initiators"] > summary').click();
  const china = page.getByLabel(/^China \(\d+\)$/);
  const n = Number((await china.locator('..').innerText()).match(/\((\d+)\)/)[1]);
  await china.check();
  const headline = new RegExp(`^${n} incidents?, 20\\d\\d`);
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('#stats').textContent), headline.source);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const filtered = await statsText(page);
  assert.match(filtered, new RegExp(`China: ${n} \\(100%\\)`));
  for (const id of ['spectrum', 'timeline']) {
    const s = await canvasState(page, id);
    assert.notEqual(s.hash, before[id].hash, `${id} redrawn`);
    assert.ok(s.inked < before[id].inked, `${id}: fewer marks`);
  }

  await page.selectOption('select[name="minSeverity"]', '10');
  assert.match(await statsText(page), /^0 incidents/);

  await page.keyboard.press('Escape');
  assert.equal(await page.locator('details.multi[open]').count(), 0, 'Escape closes the dropdown');
  await page.getByRole('button', { name: 'Reset filters' }).click();
  await page.waitForFunction((t) => document.querySelector('#stats').innerText === t, before.text);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  for (const id of ['spectrum', 'timeline']) {
    assert.equal((await canvasState(page, id)).hash, before[id].hash, `${id} restored`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('search narrows the selection as the reader types', async () => {
  const { page, context } = await open();
  await ready(page);
  await page.fill('input[name="search"]', 'wannacry');
  await page.waitForFunction(() => /^1 incident, 2017/.test(document.querySelector('#stats').textContent));
  await context.close();
});

test('a broken data file shows the error box naming row and column', async () => {
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(10000);
  const p = await ctx.newPage();
  await p.route('**/broken.csv', (route) => route.fulfill({
    contentType: 'text/csv',
    body: 'id,name,start,initiator,targets,severity\nx,Fine,2015,PRK,KOR,3\ny,Broken,2016,PRK,KOR,eleven\n',
  }));
  await p.goto(`${url}?data=broken.csv`);
  const box = p.locator('#error');
  await box.waitFor({ state: 'visible' });
  assert.match(await box.innerText(), /row 2 \(line 3\), column 'severity': 'eleven' is not a number/);
  await p.goto(`${url}?data=missing.csv`);
  await box.waitFor({ state: 'visible' });
  assert.match(await box.innerText(), /missing\.csv: HTTP 404/);
  await ctx.close();
});

test('a bad file chosen by the reader is reported and the current data stays', async () => {
  const { page, context } = await open();
  await ready(page);
  const before = await statsText(page);
  await page.locator('details.load > summary').click();
  await page.setInputFiles('#file', { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from('id,name,start,initiator,targets\nx,X,2015,ATLANTIS,KOR\n') });
  const box = page.locator('#error');
  await box.waitFor({ state: 'visible' });
  assert.match(await box.innerText(), /mine\.csv could not be loaded.*row 1 \(line 2\), column 'initiator': unknown country 'ATLANTIS'/s);
  assert.equal(await statsText(page), before);
  await page.setInputFiles('#file', { name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from('id,name,start,initiator,targets,severity\nx,X,2015,PRK,KOR,3\ny,Y,2016,RUS,USA,\n') });
  await page.waitForFunction(() => /^2 incidents, 2015 to 2016/.test(document.querySelector('#stats').textContent));
  assert.match(await page.locator('#dataset').innerText(), /good\.csv/);
  assert.equal(await box.isHidden(), true);
  await context.close();
});

test('charts are sharp at every devicePixelRatio and follow resizes; screenshots', async () => {
  for (const [width, height] of [[390, 844], [1280, 900]]) {
    for (const dpr of [1, 2]) {
      const { page, problems, context } = await open({ viewport: { width, height }, deviceScaleFactor: dpr });
      await ready(page);
      for (const id of ['spectrum', 'timeline']) {
        const s = await canvasState(page, id);
        assert.equal(s.width, Math.round(s.cssWidth * dpr), `${id} backing width at dpr ${dpr}`);
        assert.equal(s.height, Math.round(s.cssHeight * dpr), `${id} backing height at dpr ${dpr}`);
      }
      await page.screenshot({ path: join(out, `page-${width}-dpr${dpr}.png`), fullPage: true });
      await page.locator('#spectrum').screenshot({ path: join(out, `spectrum-${width}-dpr${dpr}.png`) });
      await page.locator('#timeline').screenshot({ path: join(out, `timeline-${width}-dpr${dpr}.png`) });
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
  const { page, context } = await open({ viewport: { width: 1280, height: 900 } });
  await ready(page);
  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForFunction(() => document.getElementById('spectrum').width === document.getElementById('spectrum').clientWidth);
  const s = await canvasState(page, 'spectrum');
  assert.ok(s.cssWidth < 700 && s.inked > 10000, `redrawn at ${s.cssWidth}px`);
  await context.close();
});

test('the real DCID workbook loads through the file picker, timed', async (t) => {
  const xlsx = join(root, '../shared/data/dcid-v2.0/DCID_2.0_Release_update_February_2023.xlsx');
  const { existsSync, readFileSync } = await import('node:fs');
  if (!existsSync(xlsx)) {
    t.skip(`no ${xlsx} beside this clone`);
    return;
  }
  const { page, problems, context } = await open();
  await ready(page);
  const ms = await page.evaluate(async (b64) => {
    const { Explorer } = await import('./pkg/cyber_spectrum.js');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const t0 = performance.now();
    const ex = Explorer.fromBytes(bytes, 'auto');
    const took = performance.now() - t0;
    const n = ex.stats({}).total;
    ex.free();
    return { took, n };
  }, readFileSync(xlsx).toString('base64'));
  assert.equal(ms.n, 429);
  console.log(`DCID xlsx imported in the browser in ${ms.took.toFixed(1)} ms`);
  await page.locator('details.load > summary').click();
  await page.setInputFiles('#file', xlsx);
  await page.waitForFunction(() => /^429 incidents/.test(document.querySelector('#stats').textContent));
  assert.match(await page.locator('#dataset').innerText(), /read as dcid \(xlsx sheet/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the real DCID release loads through the file picker', async (t) => {
  const dcid = join(root, '../shared/data/dcid-v2.0/DCID_2.0_incidents.csv');
  const { existsSync } = await import('node:fs');
  if (!existsSync(dcid)) {
    t.skip(`no ${dcid} beside this clone`);
    return;
  }
  const { page, problems, context } = await open({ viewport: { width: 1280, height: 900 } });
  await ready(page);
  await page.locator('details.load > summary').click();
  await page.setInputFiles('#file', dcid);
  await page.waitForFunction(() => /^429 incidents/.test(document.querySelector('#stats').textContent));
  assert.match(await page.locator('#dataset').innerText(), /read as dcid.*warnings?/s);
  await page.selectOption('select[name="from"]', '2001');
  await page.selectOption('select[name="to"]', '2011');
  await page.waitForFunction(() => /^135 incidents/.test(document.querySelector('#stats').textContent));
  assert.match(await statsText(page), /China: 48/);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.locator('#spectrum').screenshot({ path: join(out, 'spectrum-dcid-1280.png') });
  await page.locator('#timeline').screenshot({ path: join(out, 'timeline-dcid-1280.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
