// End-to-end: embed.html inside <iframe sandbox="allow-scripts">, as some CMSs write it (no
// allow-same-origin, so the frame has no origin of its own), on an article of another origin: the
// chart, a data file read by the importer's worker, a card, the host script sizing the frame, and
// the note the frame shows when a reader asks for what its sandbox forbids (a download).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { out } from './browser.mjs';
import { useOrigins } from './origins.mjs';

const { cdn, site, article, open } = useOrigins();

for (const width of [1280, 390]) {
  test(`embed.html works in <iframe sandbox="allow-scripts"> and names the tokens a download needs (${width} px)`, async () => {
    const data = encodeURIComponent(`${site().url}data/dcid.csv`);
    const address = await article(`sandbox-${width}.html`, `
      <iframe id="bundled" sandbox="allow-scripts" src="${cdn().url}embed.html#view=timeline&amp;initiators=PRK&amp;incident=2017-wannacry" title="chart one" width="100%" height="150"></iframe>
      <iframe id="data" sandbox="allow-scripts" src="${cdn().url}embed.html#src=${data}&amp;format=dcid" title="chart two" width="100%" height="150"></iframe>
      <script src="${cdn().url}embed-host.js" async></script>`);
    const { page, problems, context } = await open(address, { viewport: { width, height: 900 } });
    const element = (id) => page.frameLocator(`#${id}`).locator('cyber-spectrum');
    const outcome = async (id) => {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded(); // a chart starts as it comes near the viewport
      return element(id).evaluate((e) => e.ready.then(() => 'ready', (err) => err.message));
    };
    assert.deepEqual([await outcome('bundled'), await outcome('data')], ['ready', 'ready']);
    assert.equal(await page.frameLocator('#data').locator('html').evaluate(() => self.origin), 'null', 'the frame has an opaque origin');
    assert.equal(await element('data').evaluate((e) => e.stats.total), 6, 'the DCID file, read in the worker');
    assert.ok(await element('bundled').evaluate((e) => e.stats.total) > 50);
    // The card, with its on-demand code and texts.
    await page.locator('#bundled').scrollIntoViewIfNeeded();
    const card = element('bundled').locator('.card');
    await card.waitFor({ state: 'visible' });
    assert.match(await card.locator('h3').innerText(), /WannaCry/);
    await card.getByRole('button', { name: 'Close the incident card' }).click();
    // The host script sized both frames from their messages, whose origin is "null".
    await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.clientHeight > 400));
    assert.equal(await element('bundled').evaluate((e) => e.shadowRoot.querySelector('.error').hidden), true, 'no note before a reader needs one');

    // A download is what allow-scripts alone forbids: the frame says which tokens it needs.
    await element('bundled').getByRole('button', { name: 'Download the chart as PNG' }).click();
    const note = element('bundled').locator('.error');
    await note.waitFor({ state: 'visible' });
    assert.equal(await note.innerText(), 'This chart’s frame is sandboxed. Saving a file needs allow-downloads in the iframe’s sandbox, and opening a source '
      + 'in a new tab needs allow-popups and allow-popups-to-escape-sandbox: sandbox="allow-scripts allow-downloads allow-popups allow-popups-to-escape-sandbox".');
    await page.screenshot({ path: join(out, `sandbox-${width}.png`), fullPage: true });
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    // Chromium logs the refused download itself; nothing else may go wrong.
    assert.deepEqual(problems.filter((p) => !/Download is disallowed|frame is sandboxed/.test(p)), []);
    await context.close();
  });
}

test('with the tokens publishers.html gives, the sandboxed frame downloads and shows no note', async () => {
  const address = await article('sandbox-full.html', `
    <iframe id="full" sandbox="allow-scripts allow-downloads allow-popups allow-popups-to-escape-sandbox" src="${cdn().url}embed.html#view=spectrum" title="chart" width="100%" height="700"></iframe>
    <script src="${cdn().url}embed-host.js" async></script>`);
  const { page, problems, context } = await open(address, { acceptDownloads: true });
  const element = page.frameLocator('#full').locator('cyber-spectrum');
  await element.evaluate((e) => e.ready);
  await page.waitForFunction(() => document.querySelector('#full').style.height !== '', null, { timeout: 10000 }); // the host script has answered
  const [file] = await Promise.all([page.waitForEvent('download'),
    element.getByRole('button', { name: 'Download the chart as PNG' }).click()]);
  assert.match(file.suggestedFilename(), /\.png$/);
  assert.equal(await element.evaluate((e) => e.shadowRoot.querySelector('.error').hidden), true);
  assert.deepEqual(problems, []);
  await context.close();
});
