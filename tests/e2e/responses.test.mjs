// End-to-end: what was done about the incidents (the responses chart, its filter and statistics,
// the responses on each card) and the peninsula's context on the timeline (its lane, tooltips,
// cards, table and the clustering figure), on the page, in an element and in an iframe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSession, root, out, openExplorer, publisherContext, article, embedState, url } from './browser.mjs';

useSession();

const chart = (page, id) => page.locator(`#${id}`).locator('xpath=ancestor::figure[1]');

test('the responses chart: one mark per incident, walked by keyboard, its card lists the responses in date order', async () => {
  const { page, problems, context } = await openExplorer('index.html#search=sony');
  const canvas = page.locator('#responses');
  await canvas.scrollIntoViewIfNeeded();
  assert.match(await canvas.getAttribute('aria-label'), /^Responses against the ladder: 1 incident by North Korea/);
  assert.match(await page.locator('#responses-note').innerText(), /strongest response it drew; shaded cells are the graduated responses/);
  await canvas.focus();
  await page.keyboard.press('Home');
  assert.match(await chart(page, 'responses').locator('[aria-live]').last().innerText(), /Sony Pictures/);
  await page.keyboard.press('Enter');
  const card = chart(page, 'responses').locator('.card');
  await card.waitFor({ state: 'visible' });
  const items = await card.locator('section.responses li > strong').allInnerTexts();
  // The FBI's attribution first, then Executive Order 13687, then the 2018 complaint and later.
  assert.equal(items[0], '19 December 2014 · Public attribution');
  assert.ok(items.includes('2 January 2015 · Sanctions designation'), items.join(' | '));
  assert.ok(items.indexOf('2 January 2015 · Sanctions designation') < items.indexOf('6 September 2018 · Indictment or complaint'));
  const first = card.locator('section.responses li').first();
  assert.match(await first.innerText(), /by United States \((about \d+ months|\d+ days) after it began\)/);
  assert.match(await first.innerText(), /FBI/);
  assert.ok(await first.locator('a[href^="https://"]').count() >= 1, 'each response cites its sources');
  // The mouse finds the same mark where the keyboard ringed it.
  await page.keyboard.press('Escape');
  const ring = await chart(page, 'responses').locator('.ring').boundingBox();
  await page.mouse.move(ring.x + ring.width / 2, ring.y + ring.height / 2);
  const tip = chart(page, 'responses').locator('.tip');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.innerText(), /Sony Pictures/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the responses filter selects by kind (none known included) and the statistics say what was done', async () => {
  const { page, problems, context } = await openExplorer('index.html#responses=none-known');
  const stats = page.locator('#stats');
  const n = Number((await stats.locator('.headline').innerText()).match(/^(\d+)/)[1]);
  assert.ok(n > 10, `${n} incidents with no response known`);
  assert.match(await stats.innerText(), new RegExp(`0 of ${n} incidents \\(0%\\) drew a known public response; for ${n} \\(100%\\) none is known`));
  assert.deepEqual(problems, []);
  await context.close();

  const legal = await openExplorer('index.html#responses=sanctions,indictment&initiators=PRK');
  const text = await legal.page.locator('#stats').innerText();
  assert.match(text, /publicly attributed by a state or the UN, the first time a median of/);
  assert.match(text, /led to an indictment, forfeiture or sanctions, the first a median of (about )?[\d.]+ (days|months|years) after/);
  assert.match(text, /Responses drawn/);
  assert.deepEqual(legal.problems, []);
  await legal.context.close();

  // A kind the vocabulary lacks is named, and the rest of the page works.
  const bad = await openExplorer('index.html#responses=apology');
  await bad.page.locator('#error').waitFor({ state: 'visible' });
  assert.match(await bad.page.locator('#error').innerText(), /responses.*'apology' is not one of: none-known, other, attribution/);
  await bad.context.close();
});

test('the timeline shows the context lane: the 2017 nuclear test has a tooltip, a card and a table row; context=off hides it', async () => {
  const { page, problems, context } = await openExplorer('index.html#initiators=PRK&from=2016&to=2018');
  const canvas = page.locator('#timeline');
  await canvas.scrollIntoViewIfNeeded();
  assert.equal(await page.locator('.context-toggle input').isChecked(), true);
  // Where the lane put the event, asked of the same drawing code on a canvas of the same size.
  const at = await page.evaluate(async () => {
    const m = await import('/pkg/cyber_spectrum.js');
    await m.default();
    const ex = m.Explorer.bundled(new Uint8Array(await (await fetch('/pkg/cyber_spectrum_incidents.bin')).arrayBuffer()));
    // The fourth test stands alone in the lane (the sixth sits five days after a missile launch).
    const k = ex.context().findIndex((e) => e.date === '2016-01-06');
    const live = document.querySelector('#timeline');
    const copy = document.createElement('canvas');
    copy.style.cssText = `position:absolute;left:-5000px;width:${live.clientWidth}px;height:${live.clientHeight}px`;
    live.parentElement.append(copy);
    const d = ex.draw(copy, 'timeline', { initiators: ['PRK'], from: 2016, to: 2018 }, 1, true);
    const p = d.eventMark(k);
    copy.remove();
    return p;
  });
  assert.ok(at, 'the 2016-01-06 test is drawn in the lane');
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + at.x, box.y + at.y);
  const tip = chart(page, 'timeline').locator('.tip');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.innerText(), /^Fourth nuclear test.*\s+6 January 2016 · Nuclear test$/);
  await page.mouse.click(box.x + at.x, box.y + at.y);
  const card = chart(page, 'timeline').locator('.card');
  await card.waitFor({ state: 'visible' });
  assert.match(await card.locator('h3').innerText(), /^Fourth nuclear test/);
  assert.match(await card.innerText(), /not a cyber incident/);
  assert.ok(await card.locator('a[href^="https://"]').count() >= 1);
  await card.getByRole('button', { name: 'Close the event card' }).click();
  // The table lists the events of the selection's years after its incidents; the sixth test
  // opens its card from there.
  await chart(page, 'timeline').getByRole('button', { name: 'Table' }).click();
  const events = chart(page, 'timeline').locator('table.context');
  await events.waitFor();
  assert.match(await events.innerText(), /2017-09-03\s+Sixth and largest nuclear test\s+Nuclear test/);
  await events.getByRole('button', { name: 'Sixth and largest nuclear test' }).click();
  await card.waitFor({ state: 'visible' });
  assert.match(await card.innerText(), /3 September 2017/);
  await card.getByRole('button', { name: 'Close the event card' }).click();
  // The clustering figure: near, dated, expected, all in one sentence.
  assert.match(await page.locator('#stats').innerText(), /\d+ of the \d+ incidents dated to the day began within 30 days of a context event .*expected if the same incidents were spread evenly/);
  // Off: the lane goes, the link says so, and the table no longer lists events.
  await page.locator('.context-toggle input').uncheck();
  await page.waitForFunction(() => location.hash.includes('context=off'));
  await page.mouse.move(box.x + at.x, box.y + at.y);
  await page.waitForTimeout(100);
  assert.notEqual(await tip.isVisible() && /nuclear/.test(await tip.innerText()), true, 'no event under the pointer once the lane is off');
  assert.deepEqual(problems, []);
  await context.close();
});

test('view="responses" works in an element and in the iframe; the element says when its data has no responses', async () => {
  const dcid = await readFile(join(root, 'tests/fixtures/dcid/quirks.csv'), 'utf8');
  const cfr = await readFile(join(root, 'tests/fixtures/cfr/iso.csv'), 'utf8');
  const { ctx, problems } = await publisherContext({
    files: { 'dcid.csv': { body: dcid, contentType: 'text/csv' }, 'cfr.csv': { body: cfr, contentType: 'text/csv' } },
    pages: {
      'a.html': article(`<cyber-spectrum id="r" view="responses" initiators="PRK" controls="none"></cyber-spectrum>
        <cyber-spectrum id="bad" view="timeline" context="sometimes" controls="none"></cyber-spectrum>
        <cyber-spectrum id="own" view="responses" src="/test/dcid.csv" format="dcid" controls="none"></cyber-spectrum>
        <cyber-spectrum id="cfr" view="responses" src="/test/cfr.csv" format="cfr" controls="none"></cyber-spectrum>
        <iframe id="f" src="/embed.html#view=responses&initiators=RUS" title="responses" width="100%" height="600"></iframe>`),
    },
  });
  const page = await ctx.newPage();
  await page.goto(`${url}test/a.html`);
  await page.waitForFunction(() => document.querySelector('#r')?.stats?.total > 0);
  const r = await embedState(page, '#r');
  assert.equal(r.view, 'responses');
  assert.equal(r.error, null);
  assert.ok(r.inked > 2000, `the responses chart is drawn (${r.inked} px inked)`);
  const label = await page.locator('#r').evaluate((el) => el.shadowRoot.querySelector('canvas').getAttribute('aria-label'));
  assert.match(label, /^Responses against the ladder: \d+ incidents by North Korea.*no response known for \d+/);
  await page.waitForFunction(() => document.querySelector('#bad')?.stats);
  const bad = await embedState(page, '#bad');
  assert.match(bad.error, /context="sometimes": expected on or off/);
  // DCID has no responses: the chart says so rather than showing every incident as unanswered,
  // and a filter on responses is refused with its reason.
  await page.locator('#own').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#own')?.stats?.total > 0);
  const own = await page.locator('#own').evaluate((el) => el.shadowRoot.querySelector('canvas').getAttribute('aria-label'));
  assert.match(own, /responses are not in this data/);
  // Its chart is a short box, and the caption under it says why instead of describing marks that
  // are not there; another view gets its height and caption back.
  const shape = () => page.locator('#own').evaluate((el) => ({
    height: el.shadowRoot.querySelector('canvas').clientHeight,
    caption: el.shadowRoot.querySelector('figcaption .note').textContent,
  }));
  const { VIEWS } = await import('../../www/schema.js');
  const responsesView = VIEWS.find((v) => v.name === 'responses');
  const short = await shape();
  assert.equal(short.caption, responsesView.missing);
  assert.ok(short.height <= 130, `a short box (${short.height} px)`);
  // ...drawn, not refused as too small for a chart.
  const shortState = await embedState(page, '#own');
  assert.equal(shortState.error, null);
  assert.ok(shortState.inked > 0, 'the short box is drawn');
  await page.locator('#own').evaluate((el) => el.setAttribute('view', 'spectrum'));
  await page.waitForFunction(() => document.querySelector('#own').shadowRoot.querySelector('canvas').clientHeight > 200);
  assert.match((await shape()).caption, /^Each mark is one incident, stacked at its level/);
  await page.locator('#own').evaluate((el) => el.setAttribute('view', 'responses'));
  await page.waitForFunction(() => document.querySelector('#own').shadowRoot.querySelector('canvas').clientHeight <= 130);
  await page.locator('#own').evaluate((el) => el.setAttribute('responses', 'sanctions'));
  await page.waitForFunction(() => /responses are not in this data/.test(document.querySelector('#own').shadowRoot.querySelector('.error')?.textContent ?? ''));
  // A CFR export brings its responses through the importer's worker.
  await page.locator('#cfr').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#cfr')?.stats?.total > 0);
  const cfrStats = await page.locator('#cfr').evaluate((el) => el.stats.responses);
  assert.deepEqual(cfrStats.byKind.map((k) => [k.value, k.count]), [['sanctions', 1]]);
  assert.equal(cfrStats.noneKnown, 1);
  const inner = page.frames().find((f) => f.url().includes('embed.html'));
  await inner.waitForFunction(() => /^Responses against the ladder: \d+ incidents by Russia/
    .test(document.querySelector('cyber-spectrum')?.shadowRoot?.querySelector('canvas')?.getAttribute('aria-label') ?? ''));
  assert.deepEqual(problems.filter((p) => !/context="sometimes"|responses are not in this data/.test(p)), []);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(out, 'responses-element-1280.png'), fullPage: true });
  await ctx.close();
});

for (const [width, height] of [[1280, 900], [390, 844]]) {
  test(`look: the responses chart and the timeline with its context lane at ${width} px`, async () => {
    const { page, problems, context } = await openExplorer('index.html#initiators=PRK', { viewport: { width, height } });
    for (const id of ['responses', 'timeline']) {
      const figure = chart(page, id);
      await figure.scrollIntoViewIfNeeded();
      await page.waitForTimeout(150);
      await figure.screenshot({ path: join(out, `${id}-${width}.png`) });
      const { inked } = await page.locator(`#${id}`).evaluate((c) => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 16) if (d[i] + d[i + 1] + d[i + 2] < 600) n += 1;
        return { inked: n };
      });
      assert.ok(inked > 1000, `${id} at ${width}: drawn (${inked})`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a publisher brings their own context events with context-src; a bad file is named with its row and column', async () => {
  const events = 'id,date,end,kind,name,description,sources\n'
    + 'our-summit,2018-06-12,,diplomacy,Our summit,A summit we want on the lane,https://example.org/a\n'
    + 'our-drill,2016-03-07,2016-04-30,other,"Drills, spring",Joint drills,https://example.org/b\n';
  const bad = 'id,date,end,kind,name\nx,2018-06-12,,parade,A parade\n';
  const { ctx, problems } = await publisherContext({
    files: { 'events.csv': { body: events, contentType: 'text/csv' }, 'bad.csv': { body: bad, contentType: 'text/csv' } },
    pages: {
      'c.html': article(`<cyber-spectrum id="own" view="timeline" initiators="PRK" context-src="/test/events.csv"></cyber-spectrum>
        <cyber-spectrum id="plain" view="timeline" initiators="PRK"></cyber-spectrum>
        <cyber-spectrum id="bad" view="timeline" context-src="/test/bad.csv"></cyber-spectrum>`),
    },
  });
  const page = await ctx.newPage();
  await page.goto(`${url}test/c.html`);
  await page.waitForFunction(() => ['own', 'plain'].every((id) => document.getElementById(id)?.stats?.clustering));
  const [own, plain] = await page.evaluate(() => ['own', 'plain'].map((id) => document.getElementById(id).stats.clustering));
  assert.equal(own.events, 2, 'the publisher\'s two events replace the bundled ones');
  assert.ok(plain.events > 20, 'the same data elsewhere on the page keeps the bundled context');
  await page.locator('#bad').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /context file row/.test(document.getElementById('bad').shadowRoot.querySelector('.error')?.textContent ?? ''));
  const error = await page.locator('#bad').evaluate((el) => el.shadowRoot.querySelector('.error').textContent);
  assert.match(error, /http:[^ ]+\/test\/bad\.csv: context file row 1, column 'kind': 'parade' is not one of: nuclear-test/);
  assert.deepEqual(problems.filter((p) => !/parade/.test(p)), []);
  await ctx.close();
});

test('on a phone a tap on a responses mark opens its card; the chart downloads as PNG and SVG and its incidents as CSV', async () => {
  const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true, acceptDownloads: true };
  const { page, problems, context } = await openExplorer('index.html#search=wannacry', PHONE);
  const canvas = page.locator('#responses');
  await canvas.scrollIntoViewIfNeeded();
  // Where the one mark is, from the keyboard; then a finger on it.
  await canvas.focus();
  await page.keyboard.press('Home');
  const ring = await chart(page, 'responses').locator('.ring').boundingBox();
  await page.keyboard.press('Escape');
  await page.touchscreen.tap(ring.x + ring.width / 2, ring.y + ring.height / 2);
  const card = chart(page, 'responses').locator('.card');
  await card.waitFor({ state: 'visible' });
  assert.match(await card.locator('h3').innerText(), /WannaCry/);
  assert.ok(await card.locator('section.responses li').count() >= 3, 'WannaCry drew several responses');
  await card.getByRole('button', { name: 'Close the incident card' }).click();
  const download = async (name) => {
    const [file] = await Promise.all([page.waitForEvent('download'), chart(page, 'responses').getByRole('button', { name }).click()]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  };
  const png = await download('Download the chart as PNG');
  assert.match(png.name, /^cyber-spectrum-responses-\d{4}-\d\d-\d\d\.png$/);
  assert.deepEqual([...png.bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  const svg = await download('Download the chart as SVG');
  assert.match(svg.bytes.toString('utf8'), /<svg[^>]*>[\s\S]*Sanctions/);
  const csv = await download('Download the chart’s incidents as CSV');
  assert.match(csv.bytes.toString('utf8'), /2017-wannacry/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe-core finds no violations with a card listing its responses open', async () => {
  const { page, problems, context } = await openExplorer('index.html#search=wannacry', { bypassCSP: true });
  await page.locator('#responses').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await chart(page, 'responses').locator('.card').waitFor({ state: 'visible' });
  await page.addScriptTag({ content: await readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8') });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
    .violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await context.close();
});
