// End-to-end: hostile and broken input never hurts the page. Markup in data and attributes stays
// text (with the page's CSP bypassed, so anything parsed as HTML would run); a Rust panic stays in
// its embed; a src that 404s, stalls or serves HTML is named; a file over the size limit is refused
// before it is read; ten embeds take 1,000 rapid filter changes and a dataset swapped 100 times
// without leaking wasm memory (the figures are printed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSession, url, root, out, publisherContext, article, settled } from './browser.mjs';

useSession();

const HEADER = 'id,name,start,end,initiator,targets,target_type,method,objective,severity,rationale,attributed_by,attribution_date,description,sources';
const csvCell = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows) => [HEADER, ...rows.map((r) => r.map((v) => csvCell(String(v))).join(','))].join('\n') + '\n';

// Every payload sets window.__xss if it ever runs.
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  '<iframe src="javascript:parent.__xss=4"></iframe>',
  "'><a href=\"javascript:window.__xss=5\">click</a>",
  '<style>*{display:none}</style><b onmouseover="window.__xss=6">hover</b>',
];
const hostileRows = PAYLOADS.map((p, i) => [
  `h${i + 1}`, `${p} incident ${i + 1}`, `201${i}-0${i + 1}-1${i}`, '', ['PRK', 'RUS', 'CHN', 'IRN', 'PRK', 'RUS'][i], 'KOR;USA',
  'government', 'wiper', 'degradation', i + 2, `rationale ${p}`, `attributor ${p}`, '2019', `description ${p}`,
  `https://example.org/${i}"><img/src=x/onerror=window.__xss=7> https://example.org/ok${i}`,
]);
const HOSTILE_CSV = csv(hostileRows);
// The CFR reader is lenient: its javascript: and data: sources are dropped with a warning.
const HOSTILE_CFR = `${(await readFile(join(root, 'tests/fixtures/cfr/iso.csv'), 'utf8')).split('\n')[0]}
${csvCell(PAYLOADS[0])},2017-05-12,Lazarus Group,${csvCell(PAYLOADS[2])},Sanctions,Global,Korea (Democratic People's Republic of),Sabotage,Private sector,javascript:window.__xss=8,data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9OTwvc2NyaXB0Pg==,https://example.org/cfr/ok
`;

/** Everything in the page and in every shadow root that HTML parsing of the data would have made. */
function injected(page) {
  return page.evaluate(() => {
    const all = [];
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    const found = [];
    for (const el of all) {
      const tag = el.tagName.toLowerCase();
      if (['img', 'svg', 'iframe', 'style', 'b'].includes(tag)) found.push(`<${tag}>`);
      if (tag === 'script' && !el.src) found.push('<script> without src');
      for (const a of el.attributes) if (a.name.startsWith('on')) found.push(`${tag}[${a.name}]`);
      if (tag === 'a' && el.hasAttribute('href') && !/^(https?|blob):/.test(el.href)) found.push(`a[href=${el.getAttribute('href')}]`);
    }
    return { found, xss: window.__xss ?? null, anchors: all.filter((e) => e.tagName === 'A' && e.href).length };
  });
}

test('markup in loaded data and in attributes is shown as text and never runs', async () => {
  const { ctx, problems } = await publisherContext({
    bypassCSP: true, // what a page without a policy gets: any parsed markup would run
    files: {
      'hostile.csv': { body: HOSTILE_CSV, contentType: 'text/csv' },
      'hostile-cfr.csv': { body: HOSTILE_CFR, contentType: 'text/csv' },
    },
    pages: {
      'hostile.html': article(`
        <cyber-spectrum id="a" src="/test/hostile.csv" incident="h3"></cyber-spectrum>
        <cyber-spectrum id="b" initiators='"><img src=x onerror="window.__xss=10">' search="<script>window.__xss=11</script>"></cyber-spectrum>
        <cyber-spectrum id="c" src="javascript:window.__xss=12"></cyber-spectrum>
        <cyber-spectrum id="d" src="/test/hostile-cfr.csv" incident="${'<img src=x onerror=window.__xss=13>'.replace(/"/g, '&quot;')}"></cyber-spectrum>`),
    },
  });
  const page = await ctx.newPage();

  // The explorer page: the hostile file through the file picker, every mark's tooltip and card, the table.
  await page.goto(`${url}index.html`);
  await page.waitForFunction(() => /\d+ incidents?/.test(document.querySelector('#stats')?.textContent ?? ''));
  await page.locator('#load-panel > summary').click();
  await page.setInputFiles('#file', { name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(HOSTILE_CSV) });
  await page.waitForFunction(() => /^6 incidents/.test(document.querySelector('#stats .headline')?.textContent ?? ''));
  const figure = page.locator('#spectrum').locator('xpath=ancestor::figure[1]');
  await page.locator('#spectrum').scrollIntoViewIfNeeded();
  const seen = new Set();
  for (let k = 0; k < PAYLOADS.length; k += 1) {
    await page.locator('#spectrum').focus();
    await page.keyboard.press('Home');
    for (let step = 0; step < k; step += 1) await page.keyboard.press('ArrowRight');
    const ring = await figure.locator('.ring').boundingBox();
    await page.mouse.move(ring.x + ring.width / 2, ring.y + ring.height / 2);
    const tip = figure.locator('.tip');
    await tip.waitFor({ state: 'visible' });
    const name = await tip.locator('strong').innerText();
    seen.add(name);
    await page.locator('#spectrum').focus();
    await page.keyboard.press('Enter');
    const card = figure.locator('.card');
    await card.waitFor({ state: 'visible' });
    const text = await card.innerText();
    const payload = PAYLOADS.find((p) => name.startsWith(p));
    assert.ok(payload, `the tooltip shows the name as written: ${name}`);
    assert.ok(text.includes(`description ${payload}`) && text.includes(`rationale ${payload}`), 'the card shows the markup as text');
    assert.deepEqual(await card.locator('.sources a').evaluateAll((as) => as.map((a) => new URL(a.href).protocol)), ['https:', 'https:']);
    await page.keyboard.press('Escape');
  }
  assert.equal(seen.size, PAYLOADS.length, 'every incident was hovered and opened');
  await figure.getByRole('button', { name: 'Table' }).click();
  await figure.locator('table tbody tr').first().waitFor();
  const names = await figure.locator('table tbody td:nth-child(2)').allInnerTexts();
  assert.deepEqual(names.map((n) => PAYLOADS.some((p) => n.startsWith(p))), PAYLOADS.map(() => true), 'the table shows every name as text');
  // The lenient CFR reader: the javascript: and data: sources are left out, and the warning quoting them is text.
  await page.setInputFiles('#file', { name: 'hostile-cfr.csv', mimeType: 'text/csv', buffer: Buffer.from(HOSTILE_CFR) });
  await page.waitForFunction(() => /^1 incident/.test(document.querySelector('#stats .headline')?.textContent ?? ''));
  let state = await injected(page);
  assert.deepEqual(state.found, [], 'nothing was parsed as HTML on the explorer page');
  assert.equal(state.xss, null, 'no payload ran on the explorer page');

  // Embeds: a card opened by attribute, markup in filter attributes, a javascript: src, a lenient file.
  await page.goto(`${url}test/hostile.html`);
  await page.locator('#a').evaluate((el) => el.ready);
  const card = page.locator('#a .card');
  await card.waitFor({ state: 'visible' });
  assert.match(await card.innerText(), /description "><svg onload="window.__xss=3">/);
  const message = (id) => page.locator(id).evaluate((el) => el.shadowRoot.querySelector('.error').textContent);
  await page.waitForFunction(() => ['b', 'c'].every((id) => !document.getElementById(id).shadowRoot.querySelector('.error').hidden));
  assert.match(await message('#b'), /unknown country '"><img src=x onerror="window.__xss=10">'/);
  assert.match(await message('#c'), /could not be loaded: .*javascript:window\.__xss=12/);
  await page.locator('#d').evaluate((el) => el.ready);
  await page.waitForFunction(() => !document.getElementById('d').shadowRoot.querySelector('.error').hidden);
  assert.match(await message('#d'), /no incident with this id/);
  state = await injected(page);
  assert.deepEqual(state.found, [], 'nothing was parsed as HTML in the embeds');
  assert.equal(state.xss, null, 'no payload ran in the embeds');
  assert.ok(state.anchors > 0, 'the card has its https links');
  assert.deepEqual(problems.filter((p) => p.startsWith('pageerror')), []);
  await ctx.close();
});

test('a Rust panic shows in its own embed; the others keep working and nothing is thrown at the page', async () => {
  const small = await readFile(join(root, 'tests/fixtures/small.csv'));
  const { ctx, problems } = await publisherContext({
    files: { 'small.csv': { body: small, contentType: 'text/csv' } },
    pages: {
      'panic.html': article(`
        <cyber-spectrum id="a" initiators="PRK"></cyber-spectrum>
        <cyber-spectrum id="b" src="/test/small.csv"></cyber-spectrum>
        <cyber-spectrum id="c" initiators="RUS" view="timeline"></cyber-spectrum>`),
    },
  });
  // The module a site serves has no test hooks; this page gets the copy built with them
  // (`make test-hooks`), served in its place.
  for (const module of ['cyber_spectrum.js', 'cyber_spectrum_bundled.js']) {
    const served = await readFile(join(root, 'dist/pkg', module), 'utf8');
    assert.ok(!served.includes('panicForTest'), `the served ${module} has no test hook`);
  }
  const hooks = join(root, 'target/test-hooks');
  await ctx.route('**/pkg/cyber_spectrum.js', async (route) => route.fulfill({
    body: await readFile(join(hooks, 'cyber_spectrum.js')), contentType: 'text/javascript' }));
  await ctx.route('**/pkg/cyber_spectrum_bg.wasm', async (route) => route.fulfill({
    body: await readFile(join(hooks, 'cyber_spectrum_bg.wasm')), contentType: 'application/wasm' }));
  const page = await ctx.newPage();
  await page.goto(`${url}test/panic.html`);
  for (const id of ['a', 'b', 'c']) await page.locator(`#${id}`).evaluate((el) => el.ready);
  // The test-only hook: this embed's next statistics call panics inside the core.
  const panicIn = (id, message) => page.evaluate(async ([id, message]) => {
    const m = await import(new URL('pkg/cyber_spectrum.js', location.origin).href);
    const el = document.getElementById(id);
    const explorer = el.explorer; // (a and c share the bundled one: the hook fires once)
    explorer.stats = () => {
      delete explorer.stats;
      return m.panicForTest(message);
    };
    el.setAttribute('min-severity', '3');
  }, [id, message]);
  const state = (id) => page.locator(`#${id}`).evaluate((el) => ({
    error: el.shadowRoot.querySelector('.error').hidden ? null : el.shadowRoot.querySelector('.error').textContent,
    total: el.stats?.total,
    headline: el.shadowRoot.querySelector('.headline').textContent,
  }));
  await panicIn('b', 'a panic for the test');
  let b = await state('b');
  assert.match(b.error, /could not be applied: cyber-spectrum internal error: panicked at .*a panic for the test/s);
  // The others go on: new filters, new figures, no error.
  const before = (await state('a')).total;
  await page.locator('#a').evaluate((el) => { el.filter = { initiators: ['PRK'], minSeverity: 4 }; });
  const a = await state('a');
  assert.equal(a.error, null);
  assert.ok(a.total > 0 && a.total < before, `a still filters after the panic: ${before} -> ${a.total}`);
  await page.locator('#c').evaluate((el) => { el.view = 'spectrum'; el.filter = { initiators: ['RUS', 'CHN'] }; });
  assert.equal((await state('c')).error, null);
  // A second panic in the same module (the core aborts at once; the embed still says what happened):
  // the whole module's, b's (c shows the bundled data, on the module for it alone).
  await panicIn('c', 'a second panic');
  assert.match((await state('c')).error, /could not be applied: .*(internal error|core stopped)/);
  await page.locator('#a').evaluate((el) => { el.filter = {}; });
  assert.equal((await state('a')).error, null, 'a still works after two panics elsewhere');
  await settled(page);
  assert.ok(await page.locator('#a').evaluate((el) => el.stats.total > 100), 'the bundled data still answers');
  b = await state('b');
  assert.ok(b.error, 'b keeps its error box');
  await page.screenshot({ path: join(out, 'panic.png'), fullPage: true });
  assert.deepEqual(problems.filter((p) => p.startsWith('pageerror')), [], 'no uncaught exception reached the page');
  await ctx.close();
});

test('the bundled incidents missing or damaged on the host: the embeds on them say so, one with its own src still draws', async () => {
  const small = await readFile(join(root, 'tests/fixtures/small.csv'));
  const parts = await readFile(join(root, 'dist/pkg/cyber_spectrum_incidents.bin'));
  for (const [served, expected] of [
    [{ status: 404, body: 'not found' }, /The data could not be loaded: the bundled dataset could not be loaded \(HTTP 404\)/],
    [{ body: parts.subarray(0, parts.length - 7) }, /The data could not be loaded: the bundled dataset is invalid/],
  ]) {
    const { ctx, problems } = await publisherContext({
      files: { 'small.csv': { body: small, contentType: 'text/csv' } },
      pages: {
        'parts.html': article(`
          <cyber-spectrum id="a" initiators="PRK"></cyber-spectrum>
          <cyber-spectrum id="b" src="/test/small.csv"></cyber-spectrum>`),
      },
    });
    await ctx.route('**/pkg/cyber_spectrum_incidents.bin', (route) => route.fulfill({ contentType: 'application/octet-stream', ...served }));
    const page = await ctx.newPage();
    await page.goto(`${url}test/parts.html`);
    const error = (id) => page.locator(`#${id}`).evaluate((el) => {
      const box = el.shadowRoot.querySelector('.error');
      return box.hidden ? null : box.textContent;
    });
    await page.waitForFunction(() => !document.getElementById('a').shadowRoot.querySelector('.error').hidden);
    assert.match(await error('a'), expected);
    await page.locator('#b').evaluate((el) => el.ready);
    assert.equal(await error('b'), null, 'the embed with its own data is not touched');
    assert.ok(await page.locator('#b').evaluate((el) => el.stats.total > 0));
    assert.deepEqual(problems.filter((p) => p.startsWith('pageerror')), [], 'nothing is thrown at the page');
    await ctx.close();
  }
});

test('a src that 404s, stalls or serves HTML is named with its problem; a file over the limit is refused before reading', async () => {
  const { ctx, problems } = await publisherContext({
    files: {
      'stalls.csv': null,
      'page.csv': { body: '<!doctype html><html><body>Sign in to continue</body></html>', contentType: 'text/html' },
    },
    pages: {
      'broken.html': article(`
        <cyber-spectrum id="missing" src="/test/missing.csv"></cyber-spectrum>
        <cyber-spectrum id="stalls" src="/test/stalls.csv" timeout="2"></cyber-spectrum>
        <cyber-spectrum id="html" src="/test/page.csv"></cyber-spectrum>
        <cyber-spectrum id="badtimeout" timeout="soon"></cyber-spectrum>
        <cyber-spectrum id="fine" initiators="PRK"></cyber-spectrum>`),
    },
  });
  const page = await ctx.newPage();
  await page.goto(`${url}test/broken.html`);
  const error = (id) => page.waitForFunction((id) => {
    const box = document.getElementById(id).shadowRoot.querySelector('.error');
    return box.hidden ? null : box.textContent;
  }, id, { timeout: 15000 }).then((h) => h.jsonValue());
  const base = `${url}test/`;
  assert.equal(await error('missing'), `The data could not be loaded: could not fetch ${base}missing.csv: HTTP 404 Not Found`);
  assert.equal(await error('stalls'), `The data could not be loaded: ${base}stalls.csv did not answer for 2 s; gave up`);
  assert.equal(await error('html'), `The data could not be loaded: ${base}page.csv served an HTML page (text/html), not a data file`);
  assert.match(await error('badtimeout'), /Attribute timeout="soon": expected the seconds/);
  await page.locator('#fine').evaluate((el) => el.ready);
  assert.ok(await page.locator('#fine').evaluate((el) => el.stats.total > 0));
  await page.screenshot({ path: join(out, 'broken-src.png'), fullPage: true });

  // The explorer page: a file over 128 MB is refused from its size, before a byte is read.
  await page.goto(`${url}index.html`);
  await page.waitForFunction(() => /\d+ incidents?/.test(document.querySelector('#stats')?.textContent ?? ''));
  await page.locator('#load-panel > summary').click();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(129 * 1024 * 1024)], 'huge.csv', { type: 'text/csv' }));
    const input = document.getElementById('file');
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => /huge\.csv is 129\.0 MB; the explorer reads at most 128 MB/.test(document.querySelector('#error')?.textContent ?? ''));
  assert.deepEqual(problems.filter((p) => p.startsWith('pageerror')), []);
  await ctx.close();
});

test('importUrl downloads and reads a file in the worker: progress reaches the page, a file it cannot read names the URL, a cancel stops it', async () => {
  const good = ['id,name,start,initiator,targets,severity', ...Array.from({ length: 3000 }, (_, k) => `u${k},Incident ${k},${2001 + (k % 20)},PRK,KOR,${k % 7}`)].join('\n');
  // A DCID sheet (read as it downloads) whose quirks make warnings, one quoting a state name with
  // control characters in it.
  const quirks = await readFile(join(root, 'tests/fixtures/dcid/quirks.csv'), 'utf8');
  const dcid = `${quirks.trimEnd()}\n9,731732,N Korea,Oz\u001fland\u001e,Odd state,2016-01-02,,3,1,731,2,0,1,0,0,2,1,,0,0,,,,,,,,,\n`;
  const { ctx, problems } = await publisherContext({
    files: {
      'good.csv': { body: good, contentType: 'text/csv' },
      'dcid.csv': { body: dcid, contentType: 'text/csv' },
      // A workbook at a URL: kept whole as it downloads, then read by the workbook importer.
      'small.xlsx': { body: await readFile(join(root, 'tests/fixtures/xlsx/small.xlsx')), contentType: 'application/octet-stream' },
      'columns.csv': { body: 'when,who\n2015,someone\n', contentType: 'text/csv' },
      'slow.csv': null,
    },
    pages: { 'plain.html': article('<p>No chart.</p>') },
  });
  const page = await ctx.newPage();
  await page.goto(`${url}test/plain.html`);
  const r = await page.evaluate(async () => {
    const m = await import('/pkg/cyber_spectrum.js');
    await m.default();
    const loader = await import('/loader.js');
    const seen = [];
    const imported = await loader.importUrl('/test/good.csv', { onProgress: (got, total) => seen.push([got, total]) });
    const ex = await loader.receive(m, imported);
    const total = ex.stats({}).total;
    ex.free();
    // The warnings reach the explorer as the importer gave them.
    const sheet = await loader.importUrl('/test/dcid.csv');
    const given = sheet.warnings;
    const dcidEx = await loader.receive(m, sheet);
    const warnings = { format: sheet.format, total: dcidEx.stats({}).total, given: given.length, same: JSON.stringify(dcidEx.warnings()) === JSON.stringify(given), odd: given.find((w) => /Oz/.test(w.message))?.message };
    dcidEx.free();
    const book = await loader.importUrl('/test/small.xlsx');
    const bookEx = await loader.receive(m, book);
    const workbook = { format: book.format, total: bookEx.stats({}).total };
    bookEx.free();
    const refused = await loader.importUrl(new URL('/test/columns.csv', location.href).href).then(() => null, (e) => e.message);
    const missing = await loader.importUrl('/test/none.csv').then(() => null, (e) => e.message);
    const cancel = new AbortController();
    const slow = loader.importUrl('/test/slow.csv').then(() => null, (e) => e.message);
    const stopped = loader.importUrl('/test/slow.csv', { signal: cancel.signal }).then(() => null, (e) => e.name);
    cancel.abort();
    return { total, warnings, workbook, seen, refused, missing, stopped: await stopped, slowPending: await Promise.race([slow, new Promise((ok) => setTimeout(() => ok('pending'), 300))]) };
  });
  assert.equal(r.total, 3000);
  assert.equal(r.warnings.format, 'dcid');
  assert.equal(r.warnings.total, 7);
  assert.ok(r.warnings.given >= 2 && r.warnings.same, JSON.stringify(r.warnings));
  assert.match(r.warnings.odd, /unknown state 'Oz\u001fland/);
  assert.deepEqual(r.workbook, { format: 'dcid (xlsx sheet \'Incidents\')', total: 3 });
  assert.ok(r.seen.length >= 1, 'the download reports its progress');
  assert.equal(r.seen.at(-1)[0], good.length, 'the last report counts every byte');
  assert.match(r.refused, new RegExp(`^${url}test/columns\\.csv: `), r.refused);
  assert.match(r.missing, /^could not fetch http:\/\/[^ ]+\/test\/none\.csv: HTTP 404/);
  assert.equal(r.stopped, 'AbortError');
  assert.equal(r.slowPending, 'pending', 'a download still waiting is not given up before its stall time');
  assert.deepEqual(problems.filter((p) => !/404|Failed to load resource/.test(p)), []);
  await ctx.close();
});

// -- load and endurance ------------------------------------------------------------------------

const INITIATORS = ['PRK', 'RUS', 'CHN', 'IRN', 'USA', 'ISR'];
const TARGETS = ['KOR', 'USA', 'UKR', 'JPN', 'DEU', 'GBR'];
/** Dataset `d`: its rows as [initiator, year, severity], deterministic. */
function rows(d) {
  const out = [];
  for (let k = 0; k < 120 + 45 * d; k += 1) {
    out.push([INITIATORS[(k * 7 + d) % INITIATORS.length], 2000 + ((k * 13 + d * 3) % 24), (k * 5 + d) % 11]);
  }
  return out;
}
const datasetCsv = (d) => csv(rows(d).map(([initiator, year, severity], k) => [
  `d${d}-${k}`, `Incident ${k} of set ${d}`, `${year}-0${1 + (k % 9)}-1${k % 9}`, '', initiator, TARGETS[(k + d) % TARGETS.length],
  'government', 'intrusion', 'disruption', severity, 'coded for the test', '', '', '', 'https://example.org/t',
]));
/** Filter number `i` of the endurance run, and the count it should give on dataset `d`. */
const filterAt = (i) => ({ initiators: [INITIATORS[i % INITIATORS.length], INITIATORS[(i * 5 + 1) % INITIATORS.length]], minSeverity: i % 9, from: 2000 + (i % 17) });
const expected = (d, f) => rows(d).filter(([init, year, sev]) => f.initiators.includes(init) && sev >= f.minSeverity && year >= f.from).length;

test('ten embeds take 1,000 rapid filter changes and 100 data swaps with correct figures and no leak', async () => {
  const files = {};
  for (let d = 0; d < 10; d += 1) files[`set-${d}.csv`] = { body: datasetCsv(d), contentType: 'text/csv' };
  const { ctx, problems } = await publisherContext({
    files,
    pages: {
      'ten.html': article(Array.from({ length: 10 }, (_, d) => `<cyber-spectrum id="e${d}" src="/test/set-${d}.csv" controls="none" height="240"></cyber-spectrum>`).join('\n')),
    },
  });
  const page = await ctx.newPage();
  await page.goto(`${url}test/ten.html`);
  // All ten start (the later ones come into view as the page scrolls).
  for (let d = 0; d < 10; d += 1) {
    await page.locator(`#e${d}`).scrollIntoViewIfNeeded();
    await page.locator(`#e${d}`).evaluate((el) => el.ready);
  }
  for (let d = 0; d < 10; d += 1) {
    assert.equal(await page.locator(`#e${d}`).evaluate((el) => el.stats.total), rows(d).length, `e${d} holds its own data`);
  }
  const memory = () => page.evaluate(async () => (await import(new URL('pkg/cyber_spectrum.js', location.origin).href)).memoryUse());
  // Warm up: each embed changes filter once, so caches and buffers have their working size.
  await page.evaluate((filters) => filters.forEach((f, d) => { document.getElementById(`e${d}`).filter = f; }), Array.from({ length: 10 }, (_, d) => filterAt(d)));
  await settled(page);
  const start = await memory();

  // 1,000 changes, 100 at a time without waiting for a frame, round-robin over the embeds.
  const started = Date.now();
  for (let batch = 0; batch < 10; batch += 1) {
    await page.evaluate(([from, filters]) => {
      filters.forEach((f, j) => { document.getElementById(`e${(from + j) % 10}`).filter = f; });
    }, [batch * 100, Array.from({ length: 100 }, (_, j) => filterAt(batch * 100 + j))]);
  }
  const changesMs = Date.now() - started;
  await settled(page);
  await settled(page);
  const after = await memory();
  for (let d = 0; d < 10; d += 1) {
    const last = filterAt(990 + d);
    const shown = await page.locator(`#e${d}`).evaluate((el) => ({
      total: el.stats.total,
      headline: el.shadowRoot.querySelector('.headline').textContent,
      error: el.shadowRoot.querySelector('.error').hidden ? null : el.shadowRoot.querySelector('.error').textContent,
    }));
    assert.equal(shown.error, null, `e${d}: no error`);
    assert.equal(shown.total, expected(d, last), `e${d}: the final figures match the data (${JSON.stringify(last)})`);
    assert.ok(shown.headline.startsWith(`${shown.total} incident`), `e${d}: the headline says ${shown.total}: ${shown.headline}`);
  }
  const growth = (after.heap - start.heap) / start.heap;
  console.log(`1,000 filter changes over 10 embeds in ${changesMs} ms: wasm heap ${start.heap} -> ${after.heap} B (${(growth * 100).toFixed(2)}%), memory ${start.total} -> ${after.total} B`);
  assert.ok(Math.abs(growth) <= 0.1, `wasm heap back within 10%: ${start.heap} -> ${after.heap}`);

  // One embed swaps its data 100 times, each a new URL (so a new dataset): what it let go is freed.
  const swap = page.locator('#e0');
  const heaps = [];
  for (let k = 0; k < 100; k += 1) {
    const d = k % 10;
    await swap.evaluate((el, [src, total]) => new Promise((resolve, reject) => {
      const done = () => { if (el.stats?.total === total && el.getAttribute('src') === src) { el.removeEventListener('change', done); resolve(); } };
      el.addEventListener('change', done);
      el.filter = {};
      el.setAttribute('src', src);
      setTimeout(() => reject(new Error(`swap to ${src} did not finish`)), 10000);
    }), [`/test/set-${d}.csv?swap=${k}`, rows(d).length]);
    if (k % 10 === 9) heaps.push((await memory()).heap);
  }
  const swapped = await memory();
  console.log(`100 data swaps: wasm heap after each 10: ${heaps.join(', ')} B; memory ${swapped.total} B`);
  assert.ok(heaps[9] <= heaps[0] * 1.1, `the heap does not grow with swaps: ${heaps[0]} -> ${heaps[9]}`);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('every attribute set to a hostile or malformed value: a message inside the element, and the chart still follows its filters', async () => {
  const { ctx, problems } = await publisherContext({ pages: { 'attrs.html': article('<cyber-spectrum id="x" initiators="PRK"></cyber-spectrum>') } });
  const page = await ctx.newPage();
  await page.goto(`${url}test/attrs.html`);
  await page.evaluate(() => document.querySelector('#x').ready);
  await settled(page);
  const BAD = {
    view: '<img src=x onerror=window.__xss=1>', format: 'zzz', timeout: '-1', theme: 'neon', controls: 'colours',
    height: 'NaN', lang: 'en_US', 'dataset-version': '<script>window.__xss=1</script>', incident: 'no-such-incident',
    from: '20x9', to: '99999', initiators: 'Atlantis', targets: '"><svg onload=window.__xss=1>', methods: 'telepathy',
    objectives: 'x', 'target-types': 'navy', 'min-severity': '99', 'max-severity': '-3', reading: 'atlantis',
  };
  const state = () => page.locator('#x').evaluate((el) => ({
    error: el.shadowRoot.querySelector('.error').hidden ? null : el.shadowRoot.querySelector('.error').textContent,
    pixels: el.shadowRoot.querySelector('canvas').toDataURL(),
    total: el.stats?.total,
  }));
  let k = 0;
  for (const [name, value] of Object.entries(BAD)) {
    k += 1;
    await page.locator('#x').evaluate((el, [n, v]) => el.setAttribute(n, v), [name, value]);
    await page.waitForFunction(() => !document.querySelector('#x').shadowRoot.querySelector('.error').hidden, null, { timeout: 5000 })
      .catch(() => {});
    await settled(page);
    const bad = await state();
    assert.ok(bad.error, `${name}="${value}": a message inside the element`);
    // Back to a good value: the message goes, and the chart follows the element's own filter.
    await page.locator('#x').evaluate((el, n) => el.removeAttribute(n), name);
    const changed = page.locator('#x').evaluate((el) => new Promise((ok) => el.addEventListener('change', () => ok(true), { once: true })));
    await page.locator('#x').evaluate((el, code) => { el.filter = { initiators: [code] }; }, k % 2 ? 'RUS' : 'CHN');
    assert.equal(await changed, true, `${name}: a change event after the bad value`);
    await settled(page);
    const good = await state();
    assert.equal(good.error, null, `${name}: ${good.error}`);
    assert.notEqual(good.pixels, bad.pixels, `${name}: the chart redraws for the new filter`);
  }
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(problems.filter((p) => !p.startsWith('console: <cyber-spectrum')), [], 'nothing thrown at the page');
  await ctx.close();
});
