// End-to-end, issue 21 item 4: states compared as small multiples (a panel per initiator or
// target, on one scale, each titled with its count and severity), in the page, its links, the
// element and its embed code; reference incidents marked and filterable, so a comparison can leave
// them out knowingly; the statistics give each state's severity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSession, openExplorer, publisherContext, article, url, out, settled } from './browser.mjs';

useSession();

const PANEL_PX = 300;

test('compare by initiator: a panel per chosen state on one scale, in the link, the summary and the embed code', async () => {
  const { page, problems, context } = await openExplorer('index.html#compare=initiator&initiators=PRK,RUS');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  assert.equal(await page.locator('select[name="compare"]').inputValue(), 'initiator');
  const panels = await page.evaluate(() => window.cyberSpectrum?.explorer?.panels?.({ initiators: ['PRK', 'RUS'] }, 'initiator') ?? null);
  // Each chart has two panels, in the filter's order, and is two panels tall.
  for (const id of ['spectrum', 'timeline', 'responses']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForFunction((id) => /Compared by initiator/.test(document.querySelector(`#${id}`).getAttribute('aria-label') ?? ''), id);
    const label = await page.locator(`#${id}`).getAttribute('aria-label');
    const said = label.match(/a panel each on one scale: (.*)\.$/)[1].split('; ');
    assert.equal(said.length, 2, label);
    assert.match(said[0], /^North Korea, \d+ incidents, mean severity \d\.\d, median \d\.\d, maximum \d+$/);
    assert.match(said[1], /^Russia, \d+ incidents, mean severity \d\.\d, median \d\.\d, maximum \d+$/);
    assert.equal(Math.round((await page.locator(`#${id}`).boundingBox()).height), 2 * PANEL_PX, `${id} is two panels tall`);
  }
  if (panels) assert.equal(panels.length, 2);
  // The panels' figures are the statistics' own: each state's count and severity in the lists.
  const stats = await page.locator('#stats .grid').innerText();
  const rus = (await page.locator('#spectrum').getAttribute('aria-label')).match(/Russia, (\d+) incidents, mean severity (\d\.\d)/);
  assert.match(stats, new RegExp(`Russia: ${rus[1]} \\(\\d+%\\) · mean ${rus[2].replace(/\.0$/, '')}(\\.\\d)?, max \\d+`));
  await page.locator('#spectrum').scrollIntoViewIfNeeded();
  await settled(page);
  await page.locator('#spectrum').screenshot({ path: join(out, 'compare-initiator-1280.png') });

  // The keyboard walks into the second panel; its incidents are Russia's.
  await page.locator('#spectrum').focus();
  await page.keyboard.press('End');
  const last = await page.locator('#spectrum').locator('xpath=..').locator('[aria-live]').last().innerText();
  assert.match(last, /Russia →/, last);

  // The link and the embed code carry the comparison.
  assert.match(page.url(), /compare=initiator/);
  const code = page.locator('button', { hasText: 'Copy embed code' });
  await code.click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /compare="initiator"/);

  // Leaving out the reference incidents changes Russia's panel: only its operation on the peninsula stays.
  await page.locator('details.multi[data-name="scope"] > summary').click();
  await page.locator('details.multi[data-name="scope"] input[value="peninsula"]').check();
  await page.waitForFunction(() => /scope=peninsula/.test(location.hash));
  await page.waitForFunction((n) => !(document.querySelector('#spectrum').getAttribute('aria-label') ?? '').includes(`Russia, ${n} incidents`), rus[1]);
  const after = (await page.locator('#spectrum').getAttribute('aria-label')).match(/Russia, (\d+) incidents?, (?:mean severity (\d\.\d)|none coded)/);
  assert.ok(Number(after[1]) < Number(rus[1]), `${after[0]} against ${rus[0]}`);

  // No comparison: one chart again, at the stylesheet's height.
  await page.selectOption('select[name="compare"]', '');
  await page.waitForFunction(() => !/compare=/.test(location.hash));
  await page.waitForFunction(() => document.querySelector('#spectrum').getBoundingClientRect().height < 500);
  assert.deepEqual(problems, []);
  await context.close();
});

test('compare by target on a phone, and the card names a reference incident as one', async () => {
  const { page, problems, context } = await openExplorer('index.html#compare=target', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.locator('#spectrum').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /Compared by target, a panel each/.test(document.querySelector('#spectrum').getAttribute('aria-label') ?? ''));
  const said = (await page.locator('#spectrum').getAttribute('aria-label')).match(/a panel each on one scale: (.*)\.$/)[1].split('; ');
  assert.equal(said.length, 4, 'the four most targeted states');
  assert.match(said[0], /^(South Korea|United States), \d+ incidents/);
  await settled(page);
  await page.locator('#spectrum').screenshot({ path: join(out, 'compare-target-390.png') });
  assert.deepEqual(problems, []);
  await context.close();
  // Stuxnet is a reference incident: its card says so.
  const cited = await openExplorer('index.html#incident=2007-stuxnet');
  const card = cited.page.locator('#charts figure').first().locator('.card');
  await card.waitFor({ state: 'visible' });
  assert.match(await card.innerText(), /In the data as\s*a reference incident: outside Korea/);
  assert.deepEqual(cited.problems, []);
  await cited.context.close();
});

test('the element compares by the compare attribute and names a bad value inside itself', async () => {
  const { ctx, problems } = await publisherContext({
    pages: {
      'compare.html': article(`<h1>Compare</h1>
        <cyber-spectrum id="a" compare="initiator" initiators="PRK,RUS,CHN" controls="none"></cyber-spectrum>
        <cyber-spectrum id="b" compare="sideways" controls="none"></cyber-spectrum>`),
    },
  });
  const page = await ctx.newPage();
  await page.goto(`${url}test/compare.html`);
  await page.evaluate(() => Promise.all([...document.querySelectorAll('cyber-spectrum')].map((e) => e.ready)));
  await settled(page);
  const a = await page.locator('#a').evaluate((el) => {
    const c = el.shadowRoot.querySelector('canvas');
    return { label: c.getAttribute('aria-label'), height: c.getBoundingClientRect().height };
  });
  assert.match(a.label, /Compared by initiator, a panel each on one scale: North Korea, .*; Russia, .*; China, /);
  assert.equal(Math.round(a.height), 3 * PANEL_PX);
  const b = await page.locator('#b').evaluate((el) => ({
    error: el.shadowRoot.querySelector('.error').textContent,
    label: el.shadowRoot.querySelector('canvas').getAttribute('aria-label'),
  }));
  assert.match(b.error, /compare="sideways": expected initiator or target/);
  assert.doesNotMatch(b.label, /Compared/, 'a bad value draws the chart uncompared');
  // (The element also logs its messages to the console.)
  assert.deepEqual(problems.filter((p) => !p.includes('compare="sideways"')), []);
  await ctx.close();
});
