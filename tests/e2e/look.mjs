// Ad hoc look (not a test): screenshots of the reading features.
import { start, out } from './browser.mjs';
import { join } from 'node:path';
const s = await start();
const shots = process.argv[2] || '/tmp/shots';
for (const [w, h] of [[1280, 900], [390, 844]]) {
  const ctx = await s.browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  for (const reading of ['tallinn', 'united-states', 'france']) {
    await page.goto(`${s.url}index.html#reading=${reading}`);
    await page.waitForFunction(() => document.querySelector('#stats .headline'));
    await page.waitForTimeout(400);
    await page.locator('#spectrum').screenshot({ path: join(shots, `spectrum-${reading}-${w}.png`) });
  }
  await page.goto(`${s.url}index.html#reading=france&incident=2007-stuxnet`);
  await page.waitForFunction(() => document.querySelector('#stats .headline'));
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(shots, `card-${w}.png`) });
  await page.click('#compare-button');
  await page.waitForSelector('table.compare');
  await page.locator('.stats').screenshot({ path: join(shots, `compare-${w}.png`) });
  await page.locator('section.reading').screenshot({ path: join(shots, `reading-${w}.png`) });
  await ctx.close();
}
await s.close();
