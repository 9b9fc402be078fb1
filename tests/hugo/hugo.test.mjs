// The Hugo shortcode (hugo/layouts/shortcodes/cyber-spectrum.html) in a small site built by
// Debian's hugo (`make test-hugo` installs it), with the built files at /cyber-spectrum/, served
// under the strict Content-Security-Policy and read in Chromium: the chart with the element's
// figures, a value that must stay text, one module tag per page; an unknown parameter stops the
// build with its name. Screenshots at 1280 and 390 px in tests/e2e/out/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, root, out, embedState, settled } from '../e2e/browser.mjs';
import { serve } from '../../scripts/serve.mjs';
import { snippets } from '../e2e/snippets.mjs';

// The page: the shortcode as www/publishers.html gives it, and a second one with a value that must
// stay text.
const SHORTCODE = snippets().hugo;
const GIVEN = Object.fromEntries([...SHORTCODE.matchAll(/ ([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
const PAGE = `---
title: "North Korea's cyber operations"
---

A paragraph of the article before the chart.

${SHORTCODE}

A second chart on the same page, with a value that must stay text:

{{< cyber-spectrum view="spectrum" search="\\"><script>document.title='pwned'</script>" controls="view" >}}

The end of the article.
`;

let dir; let site; let reference; let browser;

/** A copy of tests/hugo/site with the shortcode and the built files, at `path`. */
async function makeSite(path) {
  await cp(join(root, 'tests/hugo/site'), path, { recursive: true });
  await cp(join(root, 'hugo/layouts/shortcodes'), join(path, 'layouts/shortcodes'), { recursive: true });
  await cp(join(root, 'dist'), join(path, 'static/cyber-spectrum'), { recursive: true });
  await writeFile(join(path, 'content/korea.md'), PAGE);
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-hugo-'));
  await makeSite(join(dir, 'site'));
  const t0 = Date.now();
  execFileSync('hugo', ['--source', join(dir, 'site'), '--destination', join(dir, 'public'), '--quiet'], { stdio: 'inherit' });
  console.log(`# hugo built the site in ${Date.now() - t0} ms`);
  site = await serve(join(dir, 'public'));
  reference = await serve(join(root, 'dist'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.server.close();
  reference?.server.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

for (const width of [1280, 390]) {
  test(`the Hugo page draws its charts with the element's figures (${width} px)`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, isMobile: width < 500, hasTouch: width < 500 });
    context.setDefaultTimeout(20000);
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${site.url}korea/`);
    for (const el of await page.locator('cyber-spectrum').all()) await el.scrollIntoViewIfNeeded();
    const outcome = await page.evaluate(() => Promise.all([...document.querySelectorAll('cyber-spectrum')].map((e) => e.ready.then(() => 'ready', (err) => err.message))));
    assert.deepEqual(outcome, ['ready', 'ready']);
    await settled(page);
    const [first, second] = [await embedState(page, 'cyber-spectrum >> nth=0'), await embedState(page, 'cyber-spectrum >> nth=1')];
    assert.deepEqual(first.attrs, GIVEN);
    const check = await context.newPage();
    await check.goto(`${reference.url}embed.html#${new URLSearchParams(GIVEN)}`);
    const expected = await check.locator('cyber-spectrum').evaluate((e) => e.ready.then(() => e.stats.total));
    assert.equal(first.total, expected);
    assert.match(first.headline, new RegExp(`^${expected} incidents, ${GIVEN.from} to ${GIVEN.to}`));
    assert.ok(first.inked > 1000, `a drawn chart (${first.inked} inked pixels)`);
    // The hostile value stayed the text of one attribute: nothing ran, no second script.
    assert.equal(second.attrs.search, '"><script>document.title=\'pwned\'</script>');
    assert.equal(second.error, null);
    assert.equal(await page.title(), 'North Korea\'s cyber operations');
    assert.deepEqual(await page.locator('script').evaluateAll((s) => s.map((x) => `${x.type} ${new URL(x.src).pathname}`)), ['module /cyber-spectrum/cyber-spectrum.js']);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: join(out, `hugo-${width}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a parameter the chart does not take stops the build, naming it and the page', async () => {
  const path = join(dir, 'bad');
  await makeSite(path);
  await writeFile(join(path, 'content/korea.md'), '---\ntitle: "Bad"\n---\n\n{{< cyber-spectrum colour="red" >}}\n');
  const run = spawnSync('hugo', ['--source', path, '--destination', join(dir, 'bad-public')], { encoding: 'utf8' });
  assert.notEqual(run.status, 0);
  assert.match(run.stdout + run.stderr, /cyber-spectrum shortcode in korea\.md: unknown parameter "colour" \(it takes view, compare, context, context-src, from, to, initiators/);
});
