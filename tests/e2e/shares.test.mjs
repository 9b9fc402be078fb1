// End-to-end, for a reader of the explorer page (issue 21, items 5 and 7): the share of the relevant
// whole under the headline, a chosen target never listed as a share of itself, filter lists whose
// counts follow the selection (the choices that would select nothing dimmed, not removed), and a
// chart in the first screen of a laptop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSession, openExplorer, publisherContext, article, url, out } from './browser.mjs';

useSession();

test('the statistics give the share of the whole and the filter lists count what each choice would select', async () => {
  const { page, problems, context } = await openExplorer('index.html#initiators=PRK&targets=KOR&from=2009&to=2016');
  const stats = page.locator('#stats');
  const n = Number((await stats.locator('.headline').innerText()).match(/^(\d+)/)[1]);
  const prk = await page.evaluate(() => [...document.querySelectorAll('details.multi[data-name="initiators"] input')]
    .find((b) => b.value === 'PRK').parentElement.textContent);
  assert.match(prk, /North Korea \(\d+\)/);
  const share = await stats.locator('.share').innerText();
  const whole = Number(share.match(/of North Korea’s (\d+) incidents/)[1]);
  assert.equal(share, `That is ${n} of North Korea’s ${whole} incidents (${Math.round((100 * n) / whole)}%).`);
  // South Korea is chosen: the targets list says what else those incidents hit, not 100% of itself.
  const lists = await stats.locator('.grid h3').allInnerTexts();
  assert.ok(lists.includes('Also targeted'), lists.join(' | '));
  assert.doesNotMatch(await stats.locator('.grid').innerText(), /South Korea: \d+ \(100%\)/);
  // Counts follow the selection (worked out when the list opens): each initiator's count is what
  // choosing it instead would select.
  await page.locator('details.multi[data-name="initiators"] > summary').click();
  // (The list counts on its toggle event, a task after the click.)
  await page.waitForFunction(() => document.querySelector('details.multi[data-name="initiators"]').open);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  const counts = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('details.multi[data-name="initiators"] label')]
    .map((l) => [l.querySelector('input').value, [Number(l.querySelector('.count').textContent.match(/\d+/)[0]), l.classList.contains('zero')]])));
  assert.equal(counts.PRK[0], n, 'the chosen state counts the selection itself');
  assert.ok(Object.values(counts).some(([c, zero]) => c === 0 && zero), 'a state with nothing against South Korea in those years is dimmed');
  assert.ok(Object.values(counts).every(([c, zero]) => (c === 0) === zero));
  const rus = counts.RUS[0];
  await page.goto(page.url().replace('initiators=PRK', 'initiators=RUS'));
  await page.reload();
  await page.waitForFunction(() => /\d+ incidents?/.test(document.querySelector('#stats .headline')?.textContent ?? ''));
  assert.equal(Number((await stats.locator('.headline').innerText()).match(/^(\d+)/)[1]), rus, 'Russia’s count was what choosing it selects');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a chart is in the first screen of a 1280x900 laptop, and the statistics follow it', async () => {
  const { page, problems, context } = await openExplorer('index.html');
  const top = await page.locator('#spectrum').evaluate((c) => c.getBoundingClientRect().top);
  assert.ok(top < 900 - 150, `the spectrum starts at ${Math.round(top)} px, with at least 150 px of it in view`);
  const order = await page.evaluate(() => [...document.querySelectorAll('#charts > *')].map((e) => e.querySelector('canvas')?.id ?? e.className));
  assert.deepEqual(order, ['spectrum', 'stats', 'timeline', 'responses']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page has a view control, so a copied link and embed code show the chart the reader chose', async () => {
  const { page, problems, context } = await openExplorer('index.html#initiators=PRK');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const pick = page.locator('select[name="share-view"]');
  assert.equal(await pick.inputValue(), 'spectrum');
  await pick.selectOption('responses');
  await page.waitForFunction(() => location.hash.includes('view=responses'));
  await page.locator('button[data-copy="tag"]').click();
  const tag = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(tag, /<cyber-spectrum[^>]* view="responses"[^>]* initiators="PRK"/);
  // A link that names a view sets the control.
  const again = await openExplorer('index.html#view=timeline');
  assert.equal(await again.page.locator('select[name="share-view"]').inputValue(), 'timeline');
  await again.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('in a 680 px article column the element starts with its filters folded to one line, the chart first', async () => {
  // (The article's strict policy refuses inline styles: the window is the column's width.)
  const { ctx, problems } = await publisherContext({
    viewport: { width: 700, height: 900 },
    pages: { 'col.html': article('<main><cyber-spectrum id="e"></cyber-spectrum></main>') },
  });
  const page = await ctx.newPage();
  await page.goto(`${url}test/col.html`);
  await page.waitForFunction(() => document.querySelector('#e')?.stats);
  const [open, above] = await page.locator('#e').evaluate((el) => {
    const r = el.shadowRoot;
    const panel = r.querySelector('details.panel');
    return [panel.open, r.querySelector('canvas').getBoundingClientRect().top - el.getBoundingClientRect().top];
  });
  assert.equal(open, false, 'folded');
  assert.ok(await page.locator('#e').evaluate((el) => el.clientWidth) >= 640);
  assert.ok(above < 160, `the chart starts ${Math.round(above)} px below the element's top`);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('on a phone the open filters end in a live "Show N incidents" button, and a list closes with Done alone', async () => {
  const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
  const { page, problems, context } = await openExplorer('index.html', PHONE);
  await page.locator('#filters-panel > summary').tap();
  const show = page.locator('.show-results');
  assert.match(await show.innerText(), /^Show 155 incidents$/);
  const list = page.locator('details.multi[data-name="initiators"]');
  await list.locator('summary').tap();
  await list.locator('input[value="PRK"]').tap();
  await list.getByRole('button', { name: 'Done' }).tap();
  assert.equal(await list.evaluate((d) => d.open), false, 'Done closes the list');
  assert.equal(await page.locator('#filters-panel').evaluate((d) => d.open), true, '... and nothing else');
  const n = Number((await page.locator('#stats .headline').innerText()).match(/^(\d+)/)[1]);
  assert.equal(await show.innerText(), `Show ${n} incidents`);
  await page.screenshot({ path: join(out, 'phone-filters-390.png') });
  await show.tap();
  assert.equal(await page.locator('#filters-panel').evaluate((d) => d.open), false, 'the filters fold');
  const top = await page.locator('#spectrum').evaluate((c) => c.getBoundingClientRect().top);
  assert.ok(top >= -1 && top < 844 / 2, `the chart is in view (${top})`);
  // The table fits the phone: no column cut off at the box's edge.
  const figure = page.locator('#spectrum').locator('xpath=ancestor::figure[1]');
  await figure.getByRole('button', { name: 'Table' }).tap();
  await figure.locator('table tbody tr').first().waitFor();
  const [client, scroll] = await figure.locator('.table-box').evaluate((b) => [b.clientWidth, b.scrollWidth]);
  assert.ok(scroll <= client + 1, `the table is ${scroll} px wide in a ${client} px box`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a name deep in the table opens its card, and closing it returns the reader to that row', async () => {
  const { page, problems, context } = await openExplorer('index.html');
  const figure = page.locator('#spectrum').locator('xpath=ancestor::figure[1]');
  await figure.getByRole('button', { name: 'Table' }).click();
  const row = figure.locator('table:not(.context) tbody tr').nth(60);
  const name = row.locator('button');
  await name.scrollIntoViewIfNeeded();
  const title = await name.innerText();
  await name.click();
  const card = figure.locator('.card');
  await card.waitFor({ state: 'visible' });
  assert.equal(await card.locator('h3').innerText(), title);
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), title, 'focus is back on row 61');
  const box = await name.boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 900, 'and it is in view');
  assert.deepEqual(problems, []);
  await context.close();
});
