// End-to-end: drives the served page like a reader, in the system Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSession, url, browser, root, out } from './browser.mjs';

useSession();

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
  assert.match(await page.locator('.page-foot').innerText(), /depends on whose legal reading is taken/);
  // The active reading is always said: in the statistics, each caption, and its own section.
  assert.match(await statsText(page), /Under the reading of Tallinn Manual experts: 5 reach use of force/);
  assert.match(await page.locator('#spectrum-note').innerText(), /in the reading of Tallinn Manual experts/);
  assert.match(await page.locator('#reading').innerText(), /^Tallinn Manual experts/);
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
  const china = page.locator('details.multi[data-name="initiators"]').getByLabel(/^China \(\d+\)$/);
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

test('small things a reader trips on: ranges cannot be upside down, "and N more" opens, a cited card is in view', async () => {
  const { page, problems, context } = await open(undefined, 'index.html#incident=2017-wannacry');
  // A cited link's card is scrolled into view, wherever the chart sits on the page.
  const card = page.locator('#charts figure').first().locator('.card');
  await card.waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  const box = await card.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.y >= 0 && box.y < viewport.height, `the card's top is on screen: ${box.y}`);
  await card.getByRole('button', { name: 'Close the incident card' }).click();
  // From cannot be set after To, nor To before From; the same for severity.
  await page.locator('select[name="from"]').selectOption('2015');
  const disabled = (name) => page.locator(`select[name="${name}"] option:disabled`).evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(await disabled('to'), ['2004', '2005', '2006', '2007', '2008', '2009', '2010', '2011', '2012', '2013', '2014']);
  await page.locator('select[name="maxSeverity"]').selectOption('4');
  assert.deepEqual(await disabled('minSeverity'), ['5', '6', '7', '8', '9', '10']);
  assert.equal(await page.locator('#error').isHidden(), true);
  // "and N more" under the top lists opens the whole list, and closes it again.
  await page.locator('select[name="maxSeverity"]').selectOption('10');
  await page.locator('select[name="from"]').selectOption('2004');
  const more = page.locator('#stats button.more').first();
  const label = await more.innerText();
  const n = Number(label.match(/and (\d+) more/)[1]);
  await more.click();
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#stats .grid > div').nth(1).locator('li').count(), Math.min(5 + n, 500));
  await more.click();
  assert.equal(await page.locator('#stats .grid > div').nth(1).locator('li').count(), 5);
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
  await page.locator('#load-panel > summary').click();
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
  // Timed as the page does it: the importer in a worker, then the hand-over to the explorer.
  const ms = await page.evaluate(async (b64) => {
    const { Explorer } = await (await import('./core.js')).startCore(undefined, true);
    const { importBytes } = await import('./loader.js');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const runs = [];
    let n = 0;
    for (let k = 0; k < 3; k += 1) {
      const t0 = performance.now();
      const ex = Explorer.fromImport(await importBytes(bytes));
      runs.push(performance.now() - t0);
      n = ex.stats({}).total;
      ex.free();
    }
    return { runs, n };
  }, readFileSync(xlsx).toString('base64'));
  assert.equal(ms.n, 429);
  console.log(`DCID xlsx imported in the browser (worker + hand-over) in ${ms.runs.map((t) => t.toFixed(0)).join(', ')} ms`);
  await page.locator('#load-panel > summary').click();
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
  await page.locator('#load-panel > summary').click();
  await page.setInputFiles('#file', dcid);
  await page.waitForFunction(() => /^429 incidents/.test(document.querySelector('#stats').textContent));
  assert.match(await page.locator('#dataset').innerText(), /read as dcid/);
  assert.match(await page.locator('#summary-text').innerText(), /Loaded 429 incidents .* read as dcid in \d+ ms; \d+ warnings/);
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

const fixture = (name) => join(root, 'tests/fixtures', name);

test('a EuRepoC export dropped on the page shows its own scale and an openable warnings list', async () => {
  const { page, problems, context } = await open();
  await ready(page);
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(fixture('eurepoc/sample.csv'), 'utf8');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'eurepoc.csv', { type: 'text/csv' }));
    document.querySelector('#stats').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction(() => /^7 incidents, 2014 to 2023 \(2 undated\)/.test(document.querySelector('#stats').textContent));
  assert.match(await statsText(page), /2 undated: counted here, not on the timeline/);
  // The timeline leaves them off and says so on the canvas and to a screen reader; narrowing the years
  // leaves them out of the figures.
  await page.locator('#timeline').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /2 undated, not on this chart/.test(document.querySelector('#timeline').getAttribute('aria-label') ?? ''));
  await page.locator('#timeline').screenshot({ path: join(out, 'timeline-eurepoc-undated-1280.png') });
  assert.match(await statsText(page), /legal readings .* apply to the 0-10 ladder only/);
  assert.equal(await page.locator('select[name=reading]').isVisible(), false, 'no reading to choose on this scale');
  assert.match(await page.locator('#reading').innerText(), /none applies/);
  assert.match(await page.locator('#spectrum-note').innerText(), /EuRepoC.*no use-of-force or armed-attack threshold/s);
  assert.match(await page.locator('#dataset').innerText(), /read as eurepoc\): 7 incidents, 2014 to 2023 \(2 undated\); severity is EuRepoC's weighted cyber intensity/);
  assert.match(await page.locator('#summary-text').innerText(), /Loaded 7 incidents from eurepoc\.csv, read as eurepoc in \d+ ms; \d+ warnings/);
  const list = page.locator('#warnings-list');
  assert.equal(await list.isVisible(), false, 'the warnings list starts closed');
  await page.locator('#warnings-summary').click();
  assert.match(await list.innerText(), /Row 5, column “start_date”: .*kept as undated/);
  assert.match(await list.innerText(), /Row 6, column “receiver_country”: unknown country 'Atlantis'/);
  // The severity filter runs over this scale's values, 0 to 5.
  assert.deepEqual(await page.locator('select[name="maxSeverity"] option').allInnerTexts(), ['0', '1', '2', '3', '4', '5']);
  await page.selectOption('select[name="minSeverity"]', '4');
  await page.waitForFunction(() => /^3 incidents/.test(document.querySelector('#stats').textContent));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.locator('#spectrum').screenshot({ path: join(out, 'spectrum-eurepoc-1280.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a CFR export loads from a URL with progress; a 404 and an HTML page are named; cancel keeps the data', async () => {
  const { page, problems, context } = await open();
  await ready(page);
  const { readFileSync } = await import('node:fs');
  const cfr = readFileSync(fixture('cfr/mdy.csv'));
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/remote/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('/cfr.csv')) return route.fulfill({ body: cfr, contentType: 'text/csv' });
    if (path.endsWith('/slow.csv')) { await held; return route.fulfill({ body: cfr, contentType: 'text/csv' }).catch(() => {}); }
    if (path.endsWith('/page.csv')) return route.fulfill({ body: '<!doctype html><title>Not here</title>', contentType: 'text/html' });
    return route.fulfill({ status: 404, body: 'no' });
  });
  await page.locator('#load-panel > summary').click();
  const loadUrl = async (path) => {
    await page.fill('#url-form input[name="url"]', new URL(path, page.url()).href);
    await page.click('#url-form button[type="submit"]');
  };
  await loadUrl('remote/cfr.csv');
  await page.waitForFunction(() => /^6 incidents/.test(document.querySelector('#stats').textContent));
  assert.match(await statsText(page), /6 not coded/);
  assert.match(await page.locator('#summary-text').innerText(), /read as cfr/);
  const before = await statsText(page);

  await loadUrl('remote/missing.csv');
  const box = page.locator('#error');
  await box.waitFor({ state: 'visible' });
  assert.match(await box.innerText(), /could not be loaded, so the current data stays: could not fetch http:\/\/[^ ]+\/remote\/missing\.csv: HTTP 404/);
  await loadUrl('remote/page.csv');
  await page.waitForFunction(() => /served an HTML page/.test(document.querySelector('#error').textContent));
  assert.equal(await statsText(page), before);

  await loadUrl('remote/slow.csv');
  await page.locator('#progress').waitFor({ state: 'visible' });
  assert.match(await page.locator('#progress-text').innerText(), /Loading http:.*\/remote\/slow\.csv/);
  await page.click('#progress-cancel');
  await page.waitForFunction(() => /cancelled; the current data stays/.test(document.querySelector('#summary-text').textContent));
  assert.equal(await page.locator('#progress').isHidden(), true);
  assert.equal(await statsText(page), before);
  release();
  assert.deepEqual(problems.filter((p) => !/404|Failed to load resource/.test(p)), []);
  await context.close();
});

test('an unrecognised table is read through a column mapping the reader chooses', async () => {
  const { page, problems, context } = await open();
  await ready(page);
  await page.locator('#load-panel > summary').click();
  await page.setInputFiles('#file', fixture('mapped/newsroom.csv'));
  const form = page.locator('#mapping');
  await form.waitFor({ state: 'visible' });
  assert.match(await page.locator('#error').innerText(), /unrecognised format/);
  assert.match(await page.locator('#mapping-intro').innerText(), /Headline, When, Attacker, Victim country, Score, Kind, Link, Notes/);
  // Guessed from the column names; the reader fixes what the guess missed.
  assert.equal(await page.inputValue('#mapping select[name="start"]'), 'When');
  assert.equal(await page.inputValue('#mapping select[name="initiator"]'), 'Attacker');
  assert.equal(await page.inputValue('#mapping select[name="targets"]'), 'Victim country');
  await page.selectOption('#mapping select[name="method"]', 'Kind');
  await page.click('#mapping button[type="submit"]');
  await page.waitForFunction(() => /^5 incidents, 2011 to 2024 \(1 undated\)/.test(document.querySelector('#stats').textContent));
  assert.equal(await form.isHidden(), true);
  assert.equal(await page.locator('#error').isHidden(), true);
  assert.match(await page.locator('#summary-text').innerText(), /read as mapped/);
  await page.locator('#warnings-summary').click();
  assert.match(await page.locator('#warnings-list').innerText(), /Row 4, column “Kind”: 'spying' is not one of/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file with 100,000 columns gets a mapping form of its first columns, and the page stays responsive', async () => {
  const { page, problems, context } = await open();
  await ready(page);
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const n = 100_000;
  const header = ['When', 'Attacker', ...Array.from({ length: n - 2 }, (_, i) => `c${i}`)];
  const row = ['2015-01-02', 'PRK', ...Array.from({ length: n - 2 }, () => '1')];
  await page.locator('#load-panel > summary').click();
  await page.setInputFiles('#file', { name: 'wide.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header.join(',')}\n${row.join(',')}\n`) });
  const form = page.locator('#mapping');
  await form.waitFor({ state: 'visible', timeout: 30000 });
  const options = await page.locator('#mapping select[name="start"] option').count();
  assert.equal(options, 201, 'the first 200 columns and "(none)"');
  assert.match(await page.locator('#mapping-intro').innerText(), /has 100,000 columns: When, Attacker, c0, .* and 99,970 more\. Only its first 200 columns are offered below \(99,800 left out\)/);
  assert.equal(await page.inputValue('#mapping select[name="start"]'), 'When');
  const longest = await page.evaluate(() => window.__longest);
  console.log(`# mapping form for ${n} columns: longest main-thread task ${Math.round(longest)} ms`);
  assert.ok(longest < 5000, `${longest} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('data given by ?data=URL is summarised with its warnings', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const { readFileSync } = await import('node:fs');
  await page.route('**/remote/eurepoc.csv', (route) => route.fulfill({ body: readFileSync(fixture('eurepoc/sample.csv')), contentType: 'text/csv' }));
  await page.goto(`${url}?data=remote/eurepoc.csv`);
  await ready(page);
  assert.match(await page.locator('#summary-text').innerText(), /Loaded 7 incidents from remote\/eurepoc\.csv, read as eurepoc; \d+ warnings/);
  await page.locator('#warnings-summary').click();
  assert.match(await page.locator('#warnings-list').innerText(), /Row 6, column “receiver_country”: unknown country 'Atlantis'/);
  await context.close();
});

test('too many incidents for a mark each: both charts draw counts, and their captions and summaries say so', async () => {
  const { page, problems, context } = await open();
  await ready(page);
  assert.match(await page.locator('#spectrum-note').innerText(), /^Each mark is one incident/);
  const rows = ['id,name,start,initiator,targets,severity'];
  for (let k = 0; k < 40000; k += 1) rows.push(`m${k},Many ${k},${2000 + (k % 24)}-0${1 + (k % 9)}-1${k % 9},${['PRK', 'RUS', 'CHN'][k % 3]},KOR,${(k * 7) % 11}`);
  await page.locator('#load-panel > summary').click();
  await page.setInputFiles('#file', { name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\n')}\n`) });
  await page.waitForFunction(() => /^40,?000 incidents/.test(document.querySelector('#stats .headline')?.textContent ?? ''));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.match(await page.locator('#spectrum-note').innerText(), /^Too many incidents for a mark each: every level is a bar of its count, stacked by initiator; “–” collects incidents not coded. Dashed lines/);
  assert.match(await page.locator('#timeline-note').innerText(), /^Too many incidents for a mark each: each cell’s shade is how many started in that period at that level; the line steps/);
  for (const id of ['spectrum', 'timeline']) {
    assert.match(await page.locator(`#${id}`).getAttribute('aria-label'), /^Escalation \w+ \(counts: too many incidents for a mark each\): 40000 incidents/);
  }
  await page.screenshot({ path: join(out, 'counts.png'), fullPage: true });
  // Narrowed to a few incidents: marks again, and the captions say so.
  await page.fill('input[name="search"]', 'Many 3999');
  await page.waitForFunction(() => /^\d\d? incidents?/.test(document.querySelector('#stats .headline')?.textContent ?? ''));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.match(await page.locator('#spectrum-note').innerText(), /^Each mark is one incident/);
  assert.doesNotMatch(await page.locator('#spectrum').getAttribute('aria-label'), /counts/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('attribution is a filter (contested ones drawn hollow and said so), and the footer lists what changed in the data', async () => {
  const { page, problems, context } = await open({}, 'index.html#attribution=suspected');
  await ready(page);
  const n = Number((await page.locator('#stats .headline').innerText()).match(/^(\d+)/)[1]);
  const facet = await page.evaluate(async () => {
    const m = await (await import('./core.js')).startCore(undefined, true);
    const ex = m.Explorer.bundled(new Uint8Array(await (await fetch('./pkg/cyber_spectrum_incidents.bin')).arrayBuffer()));
    const f = ex.facets().attribution;
    ex.free();
    return f;
  });
  assert.deepEqual(facet.map((c) => c.value), ['confirmed', 'vendor', 'suspected']);
  assert.equal(n, facet.find((c) => c.value === 'suspected').count);
  assert.match(await page.locator('details.multi[data-name="attribution"] > summary').innerText(), /Attribution/);
  // The footer's note on this version of the data, fetched when opened.
  await page.locator('#changes > summary').click();
  await page.waitForFunction(() => document.querySelectorAll('#changes-list li').length > 2);
  const items = await page.locator('#changes-list li').allInnerTexts();
  assert.match(items[0], /^Version \d+\.\d+\.\d+; the full list, with reasons and sources, is data\/CHANGELOG\.md\.$/);
  assert.ok(items.includes('Added: 25 rows'), items.join('\n'));
  await page.locator('#changes').screenshot({ path: join(out, 'changes-1280.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
