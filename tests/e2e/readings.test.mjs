// End-to-end for the legal readings: switching the reading moves the chart's lines and changes
// the figures, the summaries and the card; the comparison of readings reads out as a table and
// downloads; the attribute, the link, the embed code and the iframe carry the reading; axe-core
// finds nothing. Screenshots of the spectrum under three readings at 1280 and 390 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSession, url, browser, root, out, publisherContext, article, embedState, settled, openExplorer } from './browser.mjs';

useSession();

const open = (path = 'index.html', options = {}) => openExplorer(path, options);

const stats = (page) => page.locator('#stats').innerText();
const pixels = (page, id) => page.locator(`#${id}`).evaluate((c) => c.toDataURL());

test('switching the reading moves the lines and changes the figures, captions and summaries', async () => {
  const { page, problems, context } = await open();
  const select = page.locator('select[name="reading"]');
  assert.equal(await select.inputValue(), 'tallinn', 'the Tallinn Manual experts are the default');
  // Grouped by who holds them.
  assert.deepEqual(await select.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.label)),
    ['Expert groups', 'States', 'Alliances', 'Commentators', 'Datasets']);
  const before = { stats: await stats(page), spectrum: await pixels(page, 'spectrum'), timeline: await pixels(page, 'timeline'),
    label: await page.locator('#spectrum').getAttribute('aria-label') };
  assert.match(before.stats, /Under the reading of Tallinn Manual experts: 5 reach use of force \(level 5 or above with physical damage or worse, or level 7 or above\); 0 reach armed attack \(level 7 or above\)\./);

  await select.selectOption('united-states');
  await settled(page);
  const us = await stats(page);
  assert.match(us, /Under the reading of United States: 5 reach use of force .*; 5 reach armed attack/);
  assert.notEqual(await pixels(page, 'spectrum'), before.spectrum, 'the spectrum redraws');
  assert.notEqual(await pixels(page, 'timeline'), before.timeline, 'the timeline redraws');
  assert.match(await page.locator('#spectrum').getAttribute('aria-label'), /under the reading of United States, use of force: 5, armed attack: 5/);
  assert.match(await page.locator('#spectrum-note').innerText(), /in the reading of United States/);
  assert.match(await page.locator('#reading').innerText(), /^United States/);
  assert.match(page.url(), /#reading=united-states$/, 'the link carries the reading');

  await select.selectOption('dcid-ladder');
  await settled(page);
  assert.match(await stats(page), /Under the reading of DCID ladder \(levels 7\/9\): 0 reach use of force \(level 7 or above\)/);
  await select.selectOption('south-korea');
  await settled(page);
  assert.match(await stats(page), /Under the reading of South Korea: it states no use of force threshold; it states no armed attack threshold\./);

  // Back to the default: the link drops the parameter, the chart is as before, pixel for pixel.
  await select.selectOption('tallinn');
  await settled(page);
  assert.doesNotMatch(page.url(), /reading=/);
  assert.equal(await pixels(page, 'spectrum'), before.spectrum);
  assert.equal(await stats(page), before.stats);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the card says what an incident amounts to under the reading, and names the treaty clauses', async () => {
  const { page, problems, context } = await open('index.html#reading=france&incident=2007-stuxnet');
  const card = page.locator('#charts figure').first().locator('.card');
  await card.waitFor({ state: 'visible' });
  assert.match(await card.innerText(), /Physical effects\nDamage to objects or equipment/);
  assert.match(await card.innerText(), /Under the reading of France: reaches use of force; does not reach armed attack\./);
  assert.doesNotMatch(await card.innerText(), /Collective defence/, 'no treaty below armed attack');
  // Under the United States' reading the Viasat attack (Germany, France and Poland among its
  // targets) reaches armed attack: the card names NATO's Article 5, and says invoking is political.
  await page.evaluate(() => { location.hash = 'reading=united-states&incident=2022-viasat-ka-sat'; });
  await page.waitForFunction(() => /Viasat/.test(document.querySelector('.card h3')?.textContent ?? ''));
  const text = await card.innerText();
  assert.match(text, /Under the reading of United States: reaches use of force; reaches armed attack\./);
  assert.match(text, /Collective defence\nNorth Atlantic Treaty, Article 5 \(.*\)\. Whether to invoke a clause is a political decision/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the comparison of readings is a table a screen reader can read, opens cards and downloads as CSV', async () => {
  const { page, problems, context } = await open('index.html#initiators=RUS,USA', { acceptDownloads: true, bypassCSP: true });
  const button = page.locator('#compare-button');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await button.click();
  const table = page.locator('table.compare');
  await table.waitFor();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.match(await table.locator('caption').innerText(), /Incidents in this selection that reach each threshold, by legal reading/);
  assert.equal(await table.locator('thead th[scope=col]').count(), 3);
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [
    tr.querySelector('th[scope=row] .name').textContent, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]));
  assert.equal(rows.length, 12);
  const row = (name) => rows.find((r) => r[0] === name);
  assert.deepEqual(row('Tallinn Manual experts').slice(1), ['5', '0']);
  assert.deepEqual(row('United States').slice(1), ['5', '5']);
  assert.deepEqual(row('Japan').slice(1), ['not stated', '0']);
  assert.deepEqual(row('South Korea').slice(1), ['not stated', 'not stated']);
  assert.match(await page.locator('.which').innerText(), /Reach armed attack under United States: .*Stuxnet/s);
  // A name opens its card.
  await page.locator('.which button', { hasText: 'Stuxnet' }).first().click();
  await page.locator('.card h3', { hasText: 'Stuxnet' }).waitFor();
  // The comparison follows the filters, and downloads as CSV.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the comparison (CSV)' }).click()]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.match(csv.split('\r\n')[0], /^"reading","reading_name","threshold","rule","count"/);
  assert.match(csv, /"united-states","United States","armed attack","[^"]+","5","0","[^"]*2007-stuxnet/);
  // axe-core: the page with the comparison open.
  await page.addScriptTag({ content: await readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8') });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
    .violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
  assert.deepEqual(violations, []);
  await page.locator('#compare').screenshot({ path: join(out, 'compare-1280.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the attribute, the embed code and the iframe carry the reading; an unknown one is named', async () => {
  const { ctx, problems } = await publisherContext({
    permissions: ['clipboard-read', 'clipboard-write'],
    pages: {
      'readings.html': article(`
        <cyber-spectrum id="fr" reading="France"></cyber-spectrum>
        <cyber-spectrum id="bad" reading="atlantis"></cyber-spectrum>`),
    },
  });
  const page = await ctx.newPage();
  await page.goto(`${url}test/readings.html`);
  await page.evaluate(() => Promise.all([...document.querySelectorAll('cyber-spectrum')].map((e) => e.ready.catch(() => {}))));
  await settled(page);
  const fr = await embedState(page, '#fr');
  assert.equal(fr.filter.reading, 'france', 'canonical id');
  assert.match(fr.headline, /none at or above use of force \(France\)|\d+ at or above use of force \(France\)/);
  assert.equal(await page.locator('#fr').evaluate((el) => el.stats.reading), 'france');
  const bad = await embedState(page, '#bad');
  assert.match(bad.error, /reading.*atlantis.*tallinn/s, bad.error);

  // The explorer page's embed code and iframe code carry the reading chosen.
  const explorer = await ctx.newPage();
  await explorer.goto(`${url}index.html#reading=japan`);
  await explorer.waitForFunction(() => /Japan/.test(document.querySelector('#stats')?.textContent ?? ''));
  await explorer.locator('button[data-copy="tag"]').click();
  await explorer.waitForFunction(() => /Embed code copied/.test(document.querySelector('.share-status').textContent));
  assert.match(await explorer.evaluate(() => navigator.clipboard.readText()), /<cyber-spectrum [^>]*reading="japan"/);
  await explorer.locator('button[data-copy="iframe"]').click();
  await explorer.waitForFunction(() => /Iframe code copied/.test(document.querySelector('.share-status').textContent));
  const iframe = await explorer.evaluate(() => navigator.clipboard.readText());
  const src = iframe.match(/<iframe src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  assert.match(src, /reading=japan/);
  const framed = await ctx.newPage();
  await framed.goto(src);
  await framed.waitForFunction(() => document.querySelector('cyber-spectrum')?.stats);
  assert.equal(await framed.evaluate(() => document.querySelector('cyber-spectrum').stats.reading), 'japan');
  assert.deepEqual(problems.filter((p) => !/atlantis/.test(p)), []);
  await ctx.close();
});

for (const [width, height] of [[1280, 900], [390, 844]]) {
  test(`screenshots of the spectrum under three readings at ${width} px`, async () => {
    const { page, problems, context } = await open('', { viewport: { width, height } });
    for (const reading of ['tallinn', 'united-states', 'france']) {
      await page.evaluate((r) => { location.hash = `reading=${r}`; }, reading);
      await page.waitForFunction((r) => document.querySelector('select[name="reading"]').value === r, reading);
      await settled(page);
      await page.locator('#spectrum').screenshot({ path: join(out, `reading-${reading}-${width}.png`) });
    }
    await page.locator('section.reading').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => /International Group of Experts|Koh|France/.test(document.querySelector('#reading').textContent));
    await page.locator('section.reading').screenshot({ path: join(out, `reading-panel-${width}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  });
}
