// End-to-end for publishers: <cyber-spectrum> elements, the iframe embed and its host script,
// shared links and embed code, and the strict Content-Security-Policy every page is served with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CSP } from '../../scripts/serve.mjs';
import { useSession, url, root, out, publisherContext, article, embedState, settled } from './browser.mjs';

useSession();

const eurepoc = () => readFile(join(root, 'tests/fixtures/eurepoc/sample.csv'));

/** A publisher's context (see browser.mjs) that also serves /test/eurepoc.csv. */
const context = ({ files = {}, ...options } = {}) => publisherContext({
  ...options,
  files: { 'eurepoc.csv': async () => ({ body: await eurepoc(), contentType: 'text/csv' }), ...files },
});

test('three embeds with different data and filters render independently from one wasm download', async () => {
  const { ctx, requests, problems } = await context({
    pages: {
      'three.html': article(`
        <h1>Three charts</h1>
        <cyber-spectrum id="a" view="spectrum" initiators="PRK" targets="KOR,USA" from="2009" to="2016"></cyber-spectrum>
        <cyber-spectrum id="b" view="timeline" theme="dark" initiators="rus" controls="none" height="300"></cyber-spectrum>
        <cyber-spectrum id="c" src="/test/eurepoc.csv" controls="years,view"></cyber-spectrum>`),
    },
  });
  const page = await ctx.newPage();
  await page.goto(`${url}test/three.html`);
  await page.evaluate(() => Promise.all([...document.querySelectorAll('cyber-spectrum')].map((e) => e.ready)));
  await settled(page);
  const [a, b, c] = await Promise.all(['#a', '#b', '#c'].map((s) => embedState(page, s)));
  const fetched = [...requests];

  // The element observes every filter parameter of the core's table (schema.js, generated from it).
  const [observed, params] = await page.evaluate(async () => {
    const { FILTERS } = await import('/schema.js');
    return [customElements.get('cyber-spectrum').observedAttributes, FILTERS.map((f) => f.param)];
  });
  assert.equal(params.length, 14);
  for (const p of params) assert.ok(observed.includes(p), `the element observes ${p}`);

  // Each shows its own selection; the counts agree with the explorer page on the same link.
  const check = await ctx.newPage();
  const countOn = async (hash) => {
    await check.goto(`${url}index.html#${hash}`);
    await check.waitForFunction(() => /\d+ incidents?/.test(document.querySelector('#stats')?.textContent ?? ''));
    return Number((await check.locator('#stats .headline').innerText()).match(/^(\d+)/)[1]);
  };
  assert.equal(a.total, await countOn('initiators=PRK&targets=KOR,USA&from=2009&to=2016'));
  assert.equal(b.total, await countOn('initiators=RUS'));
  assert.equal(c.total, 7, 'the EuRepoC sample has 7 incidents, 2 of them undated');
  // A CSV is read by the text importer; the one that also reads workbooks is not fetched.
  assert.ok(fetched.some((r) => r.endsWith('/pkg/cyber_spectrum_import_bg.wasm')), 'the text importer read the CSV');
  assert.ok(!fetched.some((r) => r.includes('cyber_spectrum_import_xlsx')), 'no workbook importer for a CSV');
  assert.ok(a.total > 10 && b.total > 5 && a.total !== b.total, `${a.total} ${b.total}`);
  assert.match(a.headline, new RegExp(`^${a.total} incidents, 2009 to 2016`));
  assert.deepEqual(a.filter, { from: 2009, to: 2016, initiators: ['PRK'], targets: ['KOR', 'USA'] });
  assert.deepEqual(b.filter, { initiators: ['RUS'] }, 'codes are canonical');
  assert.equal(b.view, 'timeline');
  for (const s of [a, b, c]) {
    assert.equal(s.error, null);
    assert.ok(s.inked > 2000, `a drawn chart (${s.inked} inked pixels)`);
  }
  assert.ok(a.corner.every((v) => v > 240), `light background ${a.corner}`);
  assert.ok(b.corner.every((v) => v < 40), `dark theme background ${b.corner}`);
  assert.equal(b.cssHeight, 300, 'height attribute');

  // Controls: none on b, only years and the view switch on c, all on a.
  const counts = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('cyber-spectrum')].map((e) => [e.id, {
    selects: e.shadowRoot.querySelectorAll('select').length,
    views: e.shadowRoot.querySelectorAll('.views button').length,
    share: e.shadowRoot.querySelectorAll('.share button').length,
  }])));
  assert.deepEqual(counts, { a: { selects: 5, views: 3, share: 3 }, b: { selects: 0, views: 0, share: 0 }, c: { selects: 2, views: 3, share: 0 } });

  // One wasm download and one glue module for the page, whatever the number of embeds.
  const count = (re) => fetched.filter((r) => re.test(r)).length;
  assert.equal(count(/cyber_spectrum_bg\.wasm$/), 1, fetched.join('\n'));
  assert.equal(count(/pkg\/cyber_spectrum\.js$/), 1);
  assert.equal(count(/import_bg\.wasm$/), 1, 'the importer once, for the EuRepoC file');
  // Nothing but the page's own host, and nothing stored.
  assert.deepEqual(fetched.filter((r) => !r.startsWith(url)), []);
  assert.deepEqual(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length]), ['', 0, 0]);

  // Isolated: no globals added to window, no CSS leaking out (the page's h1 keeps its default).
  const leaks = await page.evaluate(() => {
    const before = new Set(window.__globalsBefore);
    return Object.getOwnPropertyNames(window).filter((n) => !before.has(n) && !n.startsWith('__'));
  });
  assert.deepEqual(leaks, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);

  // Scriptable: the article sets a filter; the element redraws, fires change and reflects it.
  const changed = await page.evaluate(async () => {
    const el = document.querySelector('#a');
    const event = new Promise((r) => el.addEventListener('change', (e) => r(e.detail), { once: true }));
    el.filter = { from: 2013, to: 2013 };
    const detail = await event;
    return { detail: { total: detail.stats.total, filter: detail.filter }, from: el.getAttribute('from'), initiators: el.getAttribute('initiators'), total: el.stats.total };
  });
  assert.deepEqual(changed.detail.filter, { from: 2013, to: 2013 });
  assert.equal(changed.from, '2013');
  assert.equal(changed.initiators, null, 'attributes reflect the whole new filter');
  assert.equal(changed.total, await countOn('from=2013&to=2013'));
  // ... and other embeds are untouched.
  assert.equal((await embedState(page, '#b')).total, b.total);
  // Codes set from a script are made canonical, as attributes are; a bad filter is refused and named.
  const canonical = await page.evaluate(() => {
    const el = document.querySelector('#a');
    el.filter = { initiators: ['prk', 'Russia'] };
    const good = [el.filter.initiators, el.getAttribute('initiators')];
    el.filter = { initiators: ['Atlantis'] };
    return [...good, el.filter.initiators, el.shadowRoot.querySelector('.error').textContent];
  });
  assert.deepEqual(canonical.slice(0, 3), [['PRK', 'RUS'], 'PRK,RUS', ['PRK', 'RUS']]);
  assert.match(canonical[3], /^The filter could not be applied: filter field 'initiators': unknown country 'Atlantis'/);
  // The view property and the view buttons.
  await page.evaluate(() => { document.querySelector('#c').view = 'timeline'; });
  assert.equal(await page.locator('#c').getAttribute('view'), 'timeline');
  await page.locator('#c').locator('.views button[data-view="spectrum"]').click();
  assert.equal(await page.locator('#c').getAttribute('view'), 'spectrum');
  assert.equal(await page.locator('#c').locator('.views button[aria-pressed="true"]').innerText(), 'Spectrum');
  await page.screenshot({ path: join(out, 'embeds-three.png'), fullPage: true });
  await ctx.close();
});

test('the wasm starts only when an embed comes near the viewport', async () => {
  const { ctx, requests, problems } = await context({
    pages: {
      'far.html': article('<p>Intro.</p><div class="spacer"></div><cyber-spectrum id="far" view="timeline"></cyber-spectrum>',
        '<link rel="stylesheet" href="/test/far.css">'),
    },
    viewport: { width: 1000, height: 700 },
  });
  await ctx.route('**/test/far.css', (r) => r.fulfill({ body: '.spacer{height:4000px}', contentType: 'text/css' }));
  const page = await ctx.newPage();
  await page.goto(`${url}test/far.html`);
  assert.equal(await page.locator('.spacer').evaluate((e) => e.offsetHeight), 4000);
  await page.waitForTimeout(500);
  assert.equal(requests.filter((r) => r.endsWith('.wasm')).length, 0, 'no wasm while the embed is far below');
  await page.locator('#far').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('#far').ready);
  // The explorer for the bundled dataset alone, and nothing else: the whole module is for data of
  // one's own.
  assert.deepEqual(requests.filter((r) => r.endsWith('.wasm')).map((r) => r.split('/').pop()), ['cyber_spectrum_bundled_bg.wasm']);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("an element's src downloads while the explorer's module loads; a src replaced meanwhile is given up", async () => {
  const small = () => readFile(join(root, 'tests/fixtures/small.csv'));
  const { ctx, requests, problems } = await context({
    pages: {
      'early.html': article(`<cyber-spectrum id="e" src="/test/eurepoc.csv"></cyber-spectrum>
        <cyber-spectrum id="f" src="/test/first.csv"></cyber-spectrum>`),
    },
    files: {
      'first.csv': async () => ({ body: await eurepoc(), contentType: 'text/csv' }),
      'second.csv': async () => ({ body: await small(), contentType: 'text/csv' }),
    },
  });
  // The explorer's module is held back until both files have been asked for.
  let release;
  const held = new Promise((r) => { release = r; });
  await ctx.route('**/pkg/cyber_spectrum_bg.wasm', async (route) => { await held; await route.continue(); });
  const page = await ctx.newPage();
  const asked = Promise.all(['**/test/eurepoc.csv', '**/test/first.csv'].map((u) => page.waitForRequest(u, { timeout: 10000 })));
  await page.goto(`${url}test/early.html`);
  await asked;
  assert.ok(requests.some((r) => r.endsWith('/pkg/cyber_spectrum_bg.wasm')), 'the module was asked for too, and is still on its way');
  assert.equal(await page.locator('#e').evaluate((e) => e.stats), null, 'no chart before the module');
  // The second chart's src changes before its module is ready: what it read ahead is dropped.
  await page.locator('#f').evaluate((e) => e.setAttribute('src', '/test/second.csv'));
  release();
  await page.waitForFunction(() => ['e', 'f'].every((id) => document.getElementById(id).stats), null, { timeout: 10000 });
  await settled(page);
  const [e, f] = await Promise.all(['#e', '#f'].map((s) => embedState(page, s)));
  assert.equal(e.total, 7, 'the EuRepoC sample');
  assert.equal(f.total, 6, 'the six incidents of tests/fixtures/small.csv, not the file it first named');
  assert.ok(e.inked > 1000 && f.inked > 1000);
  assert.equal(requests.filter((r) => r.endsWith('/test/eurepoc.csv')).length, 1, 'one download for the first chart');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('a bad attribute shows its message inside that embed only', async () => {
  const { ctx, problems } = await context({
    pages: {
      'bad.html': article(`
        <cyber-spectrum id="bad" initiators="PRK,Atlantis"></cyber-spectrum>
        <cyber-spectrum id="year" from="20x9"></cyber-spectrum>
        <cyber-spectrum id="good" initiators="CHN"></cyber-spectrum>
        <cyber-spectrum id="look" theme="purple" height="50" controls="years,colours"></cyber-spectrum>
        <cyber-spectrum id="nourl" src="http://[oops/data.csv"></cyber-spectrum>
        <p id="after">The rest of the article.</p>`),
    },
  });
  const page = await ctx.newPage();
  await page.goto(`${url}test/bad.html`);
  for (const el of await page.locator('cyber-spectrum').all()) await el.scrollIntoViewIfNeeded();
  const outcome = await page.evaluate(() => Promise.all([...document.querySelectorAll('cyber-spectrum')].map((e) => e.ready.then(() => 'ready', (err) => `failed: ${err.message}`))));
  assert.deepEqual(outcome, [
    "failed: Attribute initiators: unknown country 'Atlantis' (use ISO alpha-3 codes such as PRK)",
    'failed: Attribute from="20x9": not a year (expected four digits such as 2013)', 'ready', 'ready',
    'failed: Attribute src="http://[oops/data.csv" is not a URL.']);
  await settled(page);
  // Look and controls attributes that cannot be used are named, and the chart is drawn with defaults.
  const look = await embedState(page, '#look');
  assert.deepEqual(look.error.split('\n').sort(), [
    'Attribute controls="years,colours": unknown control “colours” (use all, none, or any of: years, severity, search, reading, initiators, targets, methods, objectives, target-types, attribution, responses, scope, view, share).',
    'Attribute height="50": expected the chart\'s height in CSS pixels, 200 to 2000.',
    'Attribute theme="purple" is not one of: light, dark, auto.',
  ]);
  assert.ok(look.inked > 1000 && look.cssHeight === 420, `${look.inked} ${look.cssHeight}`);
  const bad = await embedState(page, '#bad');
  assert.equal(bad.error, "Attribute initiators: unknown country 'Atlantis' (use ISO alpha-3 codes such as PRK)");
  assert.equal((await embedState(page, '#year')).error, 'Attribute from="20x9": not a year (expected four digits such as 2013)');
  const good = await embedState(page, '#good');
  assert.equal(good.error, null);
  assert.ok(good.inked > 1000);
  assert.equal(await page.locator('#after').isVisible(), true);
  // Reported in the console too, and nothing thrown at the page.
  assert.equal(problems.filter((p) => p.startsWith('pageerror')).length, 0, problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('<cyber-spectrum id="bad">') && p.includes('Atlantis')), problems.join('\n'));
  // Mending the attribute brings the chart.
  await page.locator('#bad').evaluate((e) => e.setAttribute('initiators', 'PRK'));
  await settled(page);
  const mended = await embedState(page, '#bad');
  assert.equal(mended.error, null);
  assert.ok(mended.inked > 1000);
  await page.screenshot({ path: join(out, 'embeds-bad-attribute.png'), fullPage: true });
  await ctx.close();
});

for (const width of [390, 1280]) {
  test(`the iframe embed reports its height and the host script removes inner scrollbars at ${width} px`, async () => {
    const host = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Host</title><script src="/embed-host.js" async></script></head><body>
      <p>Before the chart.</p>
      <iframe id="one" src="/embed.html#view=timeline&initiators=PRK&from=2014" title="chart one" width="100%" height="150"></iframe>
      <iframe id="two" src="/embed.html?view=spectrum&controls=none" title="chart two" width="100%" height="150"></iframe>
      <iframe id="ad" src="/test/ad.html" title="an ad" width="300" height="100"></iframe>
      <p id="after">After the chart.</p></body></html>`;
    // A sibling frame from the same origin that asks to be 20,000 px tall, as an ad could.
    const ad = `<!doctype html><meta charset="utf-8"><title>ad</title><p>ad</p>
      <script src="/test/ad.js"></script>`;
    const adScript = "parent.postMessage({ type: 'cyber-spectrum:height', height: 20000 }, '*'); document.title = 'sent';";
    const { ctx, problems } = await context({
      pages: { 'host.html': host, 'ad.html': ad },
      files: { 'ad.js': { body: adScript, contentType: 'text/javascript' } },
      viewport: { width, height: 800 },
      isMobile: width < 500,
      hasTouch: width < 500,
    });
    const page = await ctx.newPage();
    await page.goto(`${url}test/host.html`);
    for (const id of ['one', 'two']) {
      const frame = page.frameLocator(`#${id}`);
      await frame.locator('cyber-spectrum').evaluate((e) => e.ready);
    }
    // Heights settle after the first chart and the frame's own relayout.
    await page.waitForFunction(() => [...document.querySelectorAll('iframe[src*="embed.html"]')].every((f) => {
      const doc = f.contentDocument;
      return doc && Math.abs(f.clientHeight - doc.documentElement.scrollHeight) <= 1 && f.clientHeight > 300;
    }));
    for (const id of ['one', 'two']) {
      const inner = await page.frameLocator(`#${id}`).locator('html').evaluate((html) => ({
        scroll: html.scrollHeight, client: html.clientHeight, scrollW: html.scrollWidth, clientW: html.clientWidth,
        chartBottom: document.querySelector('cyber-spectrum').getBoundingClientRect().bottom,
      }));
      assert.ok(inner.scroll <= inner.client, `${id}: no vertical scrollbar (${inner.scroll} > ${inner.client})`);
      assert.ok(inner.scrollW <= inner.clientW, `${id}: no horizontal scrollbar (${inner.scrollW} > ${inner.clientW})`);
      assert.ok(inner.chartBottom <= inner.client + 1, `${id}: nothing clipped`);
    }
    // The ad frame asked too, and was not resized: only cyber-spectrum frames are.
    await page.frameLocator('#ad').locator('p').waitFor();
    await page.waitForFunction(() => document.querySelector('#ad').contentDocument?.title === 'sent');
    await page.waitForTimeout(200);
    assert.equal(await page.locator('#ad').evaluate((f) => [f.clientHeight, f.getAttribute('scrolling')].join()), '100,');
    // The frame's state follows the reader into its hash (a copied frame URL reproduces it).
    const one = page.frameLocator('#one');
    assert.equal(await one.locator('cyber-spectrum').getAttribute('from'), '2014');
    const frameUrl = await page.locator('#one').evaluate((f) => f.contentWindow.location.href);
    const state = new URLSearchParams(new URL(frameUrl).hash.slice(1));
    assert.deepEqual([state.get('view'), state.get('initiators'), state.get('from')], ['timeline', 'PRK', '2014']);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(problems, []);
    await page.screenshot({ path: join(out, `iframe-${width}.png`), fullPage: true });
    await ctx.close();
  });
}

test('copied links and embed code reproduce the view exactly', async () => {
  const { ctx, problems } = await context({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(() => /\d+ incidents?/.test(document.querySelector('#stats')?.textContent ?? ''));
  await page.locator('select[name="from"]').selectOption('2014');
  await page.locator('details.multi[data-name="initiators"] > summary').click();
  await page.locator('details.multi[data-name="initiators"] input[value="PRK"]').check();
  await page.keyboard.press('Escape');
  await page.locator('select[name="minSeverity"]').selectOption('3');
  await settled(page);
  const stats = await page.locator('#stats').innerText();
  const chart = await page.locator('#spectrum').evaluate((c) => c.toDataURL());
  assert.match(page.url(), /#from=2014&initiators=PRK&min-severity=3$/, 'the address follows the filters');

  await page.locator('button[data-copy="link"]').click();
  await page.waitForFunction(() => /copied/.test(document.querySelector('.share-status').textContent));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /index\.html#view=spectrum&from=2014&initiators=PRK&min-severity=3$/);
  const again = await ctx.newPage();
  await again.goto(link);
  await again.waitForFunction(() => /\d+ incidents?/.test(document.querySelector('#stats')?.textContent ?? ''));
  await settled(again);
  assert.equal(await again.locator('#stats').innerText(), stats);
  assert.equal(await again.locator('select[name="from"]').inputValue(), '2014');
  assert.equal(await again.locator('#spectrum').evaluate((c) => c.toDataURL()), chart, 'the same chart, pixel for pixel');

  // A link with a mistyped parameter says so instead of quietly showing everything.
  await again.goto(`${url}index.html#initator=PRK`);
  await again.waitForFunction(() => !document.querySelector('#error').hidden);
  assert.match(await again.locator('#error').innerText(), /This link's filters could not be applied, so all incidents are shown: unknown parameter “initator”/);

  // The embed code, pasted into an article, shows the same selection.
  await page.locator('button[data-copy="tag"]').click();
  await page.waitForFunction(() => /Embed code copied/.test(document.querySelector('.share-status').textContent));
  const tag = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(tag, /<script type="module" src="http:[^"]+\/cyber-spectrum\.js"><\/script>/);
  assert.match(tag, /<cyber-spectrum view="spectrum" dataset-version="[\d.]+" from="2014" initiators="PRK" min-severity="3"><\/cyber-spectrum>/);
  await page.locator('button[data-copy="iframe"]').click();
  await page.waitForFunction(() => /Iframe code copied/.test(document.querySelector('.share-status').textContent));
  const iframe = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(iframe, /<iframe src="http:[^"]+\/embed\.html#view=spectrum&amp;dataset-version=[\d.]+&amp;from=2014&amp;initiators=PRK&amp;min-severity=3"/);
  assert.match(iframe, /<script src="http:[^"]+\/embed-host\.js" async><\/script>/);

  const { ctx: pasted, problems: pastedProblems } = await context({ pages: { 'pasted.html': `<!doctype html><meta charset="utf-8"><title>t</title>${tag}` } });
  const p2 = await pasted.newPage();
  await p2.goto(`${url}test/pasted.html`);
  await p2.evaluate(() => document.querySelector('cyber-spectrum').ready);
  const headline = stats.split('\n')[0];
  assert.equal((await embedState(p2, 'cyber-spectrum')).total, Number(headline.match(/^(\d+)/)[1]));
  // An embed's own "Copy link" opens the explorer page on its view.
  await p2.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await p2.locator('cyber-spectrum').locator('button[data-copy="link"]').click();
  const embedLink = await p2.evaluate(() => navigator.clipboard.readText());
  assert.match(embedLink, /index\.html#view=spectrum&from=2014&initiators=PRK&min-severity=3$/);
  assert.deepEqual(await p2.evaluate(() => window.__violations), []);
  assert.deepEqual([...problems, ...pastedProblems], []);
  await pasted.close();
  await ctx.close();
});

test('every page works under the strict CSP with no violation', async () => {
  const { ctx, problems } = await context();
  const page = await ctx.newPage();
  for (const path of ['', 'embed.html#view=timeline', 'publishers.html']) {
    const res = await page.goto(url + path);
    assert.equal(res.headers()['content-security-policy'], CSP, `${path} is served with the policy`);
    // Embeds start as they come near the viewport: bring each one in.
    for (const el of await page.locator('cyber-spectrum').all()) await el.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const els = [...document.querySelectorAll('cyber-spectrum')];
      return /\d+ incidents?/.test(document.querySelector('#stats')?.textContent ?? '')
        || (els.length > 0 && els.every((e) => e.stats));
    });
    await settled(page);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], path);
  }
  assert.deepEqual(problems.filter((p) => /Content Security Policy|Refused/.test(p)), []);
  assert.deepEqual(problems, []);
  await ctx.close();
});

for (const [width, height, scale] of [[390, 844, 3], [1280, 900, 1]]) {
  test(`the publishers page reads well at ${width} px, with its live examples working`, async () => {
    const phone = width < 500;
    const { ctx, problems } = await context({ viewport: { width, height }, deviceScaleFactor: scale, isMobile: phone, hasTouch: phone });
    const page = await ctx.newPage();
    await page.goto(`${url}publishers.html`);
    for (const el of await page.locator('cyber-spectrum').all()) {
      await el.scrollIntoViewIfNeeded();
      await el.evaluate((e) => e.ready);
    }
    await page.locator('#example-iframe').scrollIntoViewIfNeeded();
    await page.frameLocator('#example-iframe').locator('cyber-spectrum').evaluate((e) => e.ready);
    await page.waitForFunction(() => document.querySelector('#example-iframe').clientHeight !== 620);
    // The scripting example: a button sets the chart's filter.
    await page.locator('#driver button', { hasText: 'Show 2013 only' }).click();
    await page.waitForFunction(() => /incidents shown/.test(document.querySelector('#driver-status').textContent));
    assert.deepEqual(await page.locator('#example-driven').evaluate((e) => e.filter), { from: 2013, to: 2013 });
    assert.equal(await page.locator('#example-driven').getAttribute('from'), '2013');
    // Nothing wider than the screen but the code blocks, which scroll inside themselves.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    await page.evaluate(() => scrollTo(0, 0));
    await settled(page);
    await page.screenshot({ path: join(out, `publishers-${width}.png`), fullPage: true });
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
}

/** A list from wasm-pack.toml's [budget] section. */
async function budgetList(name) {
  const toml = await readFile(join(root, 'wasm-pack.toml'), 'utf8');
  const section = toml.slice(toml.indexOf('[budget]'));
  const list = section.match(new RegExp(`^${name} = \\[([^\\]]*)\\]`, 'm'));
  return [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

/** A number from wasm-pack.toml's [budget] section. */
async function budgetNumber(name) {
  const toml = await readFile(join(root, 'wasm-pack.toml'), 'utf8');
  return Number(toml.slice(toml.indexOf('[budget]')).match(new RegExp(`^${name} = (\\d+)`, 'm'))[1]);
}

for (const [kind, path, limit] of [['embed', 'test/one.html', 'max-gzip-kb'], ['page', '', 'max-gzip-kb'], ['embed-src', 'test/src.html', 'src-max-gzip-kb']]) {
  test(`the ${kind} fetches exactly the files its size budget counts before the first chart`, async () => {
    // Measured as scripts/build.sh does (GNU gzip -9), so the two figures agree.
    const { execFileSync } = await import('node:child_process');
    const csv = 'id,name,start,initiator,targets,severity\nx1,One,2015-03,PRK,KOR,4\nx2,Two,2017,RUS,USA,2\n';
    const { ctx, requests, problems } = await context({
      pages: {
        'one.html': article('<cyber-spectrum initiators="PRK"></cyber-spectrum>'),
        'src.html': article('<cyber-spectrum src="/test/two.csv"></cyber-spectrum>'),
      },
      files: { 'two.csv': { body: csv, contentType: 'text/csv' } },
    });
    const page = await ctx.newPage();
    await page.goto(url + path);
    if (kind !== 'page') await page.evaluate(() => document.querySelector('cyber-spectrum').ready);
    else await page.waitForFunction(() => /\d+ incidents?/.test(document.querySelector('#stats')?.textContent ?? ''));
    await settled(page);
    const fetched = [...new Set(requests.filter((r) => !r.includes('/test/')).map((r) => `dist${new URL(r).pathname.replace(/\/$/, '/index.html')}`))].sort();
    const listed = (await budgetList(kind)).sort();
    assert.deepEqual(fetched, listed, 'wasm-pack.toml lists what the browser fetches');
    let total = 0;
    for (const f of fetched) total += execFileSync('gzip', ['-9c', join(root, f)]).length;
    console.log(`# ${kind}: ${fetched.length} files, ${total} bytes gzip before the first chart`);
    const budget = await budgetNumber(limit);
    assert.ok(total <= budget * 1000, `${total} bytes, over the ${budget} KB budget`);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
}
