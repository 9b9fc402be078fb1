// The WordPress plugin on a real WordPress (Debian's, started by wordpress.mjs), installed from the
// zip `make package` builds: a post with the shortcode and one with the block draw the chart with
// the figures the element gives for the same attributes on the project's own pages; hostile values
// are left out or escaped, never run; the block's settings in the editor change the chart and the
// saved post. Screenshots at 1280 and 390 px in tests/e2e/out/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, root, out, embedState, settled } from '../e2e/browser.mjs';
import { serve } from '../../scripts/serve.mjs';
import { snippets } from '../e2e/snippets.mjs';
import { startWordPress, PASSWORD } from './wordpress.mjs';

const cargo = await readFile(join(root, 'Cargo.toml'), 'utf8');
const VERSION = cargo.match(/^version = "([^"]+)"/m)[1];
const ZIP = join(root, `target/package/cyber-spectrum-wordpress-${VERSION}.zip`);

// The shortcode as www/publishers.html gives it, and the attributes it names.
const SHORTCODE = snippets().wordpress;
const GIVEN = Object.fromEntries([...SHORTCODE.matchAll(/ ([a-z_-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
const BLOCK = '<!-- wp:cyber-spectrum/chart {"view":"spectrum","initiators":"RUS","minSeverity":"3","theme":"dark"} /-->';
// Hostile values as an author (or a compromised account) could write them: an attribute broken out
// of, a script address, markup in a block attribute.
const HOSTILE_SEARCH = 'x" onfocus="document.title=`pwned`" autofocus="';
const HOSTILE_BLOCK = '</cyber-spectrum><img src=x onerror="document.title=\'pwned\'">';
const HOSTILE = `[cyber_spectrum search='${HOSTILE_SEARCH}' src="javascript:alert(1)" height="300 onload=alert(1)" target_types="military" colour="red"]

<!-- wp:cyber-spectrum/chart ${JSON.stringify({ initiators: HOSTILE_BLOCK }).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')} /-->`;

let wp; let browser; let reference; let posts;

before(async () => {
  assert.ok(existsSync(ZIP), `${ZIP} is missing: run make package`);
  const t0 = Date.now();
  wp = await startWordPress(ZIP);
  console.log(`# WordPress and MariaDB started in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  posts = Object.fromEntries(wp.posts([
    { slug: 'shortcode', title: 'North Korea, 2009 to 2016', content: `<!-- wp:paragraph --><p>Before the chart.</p><!-- /wp:paragraph -->\n\n${SHORTCODE}\n\n<!-- wp:paragraph --><p>After the chart.</p><!-- /wp:paragraph -->` },
    { slug: 'block', title: 'Russia, level 3 and above', content: BLOCK },
    { slug: 'hostile', title: 'Hostile values', content: HOSTILE },
  ]).map((p) => [p.slug, p.url]));
  reference = await serve(join(root, 'dist'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  reference?.server.close();
  await wp?.stop();
});

/** A page in a new context that fails on any dialog and gathers console errors and exceptions. */
async function open(address, { width = 1280, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, isMobile: width < 500, hasTouch: width < 500, ...options });
  context.setDefaultTimeout(30000);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(address);
  return { page, problems, context };
}

/** The element's total for these attributes on the project's own iframe page (dist/). */
async function expectedTotal(params) {
  const { page, context } = await open(`${reference.url}embed.html#${new URLSearchParams(params)}`);
  const total = await page.locator('cyber-spectrum').evaluate((e) => e.ready.then(() => e.stats.total));
  await context.close();
  return total;
}

const ready = (page) => page.evaluate(() => Promise.all([...document.querySelectorAll('cyber-spectrum')]
  .map((e) => e.ready.then(() => 'ready', (err) => err.message))));

for (const width of [1280, 390]) {
  test(`the shortcode post draws the chart with the element's figures (${width} px)`, async () => {
    const { page, problems, context } = await open(posts.shortcode, { width });
    await page.locator('cyber-spectrum').scrollIntoViewIfNeeded();
    assert.deepEqual(await ready(page), ['ready']);
    await settled(page);
    const state = await embedState(page, 'cyber-spectrum');
    assert.deepEqual(state.attrs, GIVEN);
    const total = await expectedTotal(GIVEN);
    assert.equal(state.total, total);
    assert.match(state.headline, new RegExp(`^${total} incidents, ${GIVEN.from} to ${GIVEN.to}`));
    assert.equal(state.error, null);
    assert.ok(state.inked > 1000, `a drawn chart (${state.inked} inked pixels)`);
    assert.equal(await page.locator('.cyber-spectrum-notice').count(), 0);
    // The module tag WordPress printed, from the plugin's bundled package.
    assert.equal(await page.locator(`script[type="module"][src*="/wp-content/plugins/cyber-spectrum/assets/cyber-spectrum.js?ver=${VERSION}"]`).count(), 1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the post scrolls sideways by ${overflow} px`);
    const box = await page.locator('cyber-spectrum').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= width, `the chart fits the screen: ${JSON.stringify(box)}`);
    await page.screenshot({ path: join(out, `wordpress-shortcode-${width}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const width of [1280, 390]) {
  test(`the block post draws the chart with the element's figures (${width} px)`, async () => {
    const { page, problems, context } = await open(posts.block, { width });
    await page.locator('cyber-spectrum').scrollIntoViewIfNeeded();
    assert.deepEqual(await ready(page), ['ready']);
    await settled(page);
    const state = await embedState(page, 'cyber-spectrum');
    assert.deepEqual(state.attrs, { view: 'spectrum', initiators: 'RUS', 'min-severity': '3', theme: 'dark' });
    assert.equal(state.total, await expectedTotal({ view: 'spectrum', initiators: 'RUS', 'min-severity': '3' }));
    assert.ok(state.inked > 1000 && state.corner.every((v) => v < 40), `dark and drawn: ${state.inked} ${state.corner}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the post scrolls sideways by ${overflow} px`);
    await page.screenshot({ path: join(out, `wordpress-block-${width}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('hostile values are left out with a note, or escaped; none runs', async () => {
  const { page, problems, context } = await open(posts.hostile);
  assert.deepEqual(await ready(page), ['ready', 'ready']);
  await settled(page);
  assert.equal(await page.title().then((t) => t.includes('pwned')), false, 'no injected handler ran');
  assert.equal(await page.locator('img[onerror], [onfocus], [onload]').count(), 0, 'no handler attribute reached the page');
  const [first, second] = await page.locator('cyber-spectrum').all();
  // The search text is a value like any other: escaped, it stays one attribute holding that text.
  assert.deepEqual(await first.evaluate((e) => Object.fromEntries([...e.attributes].map((a) => [a.name, a.value]))),
    { search: HOSTILE_SEARCH, 'target-types': 'military' });
  assert.equal(await second.evaluate((e) => e.attributes.length), 0, 'the markup in the block attribute was left out');
  const notes = await page.locator('.cyber-spectrum-notice li').allInnerTexts();
  assert.deepEqual(notes.map((n) => n.replace(/ \(it takes .*\)\.$/, '')), [
    '"colour" is not an attribute of this chart',
    'src="javascript:alert(1)" was left out: expected an http or https address of a data file (or a path on this site).',
    'height="300 onload=alert(1)" was left out: expected the chart height in pixels, 200 to 2000.',
    `initiators="${HOSTILE_BLOCK}" was left out: expected countries separated by commas, such as PRK,KOR or North Korea.`,
  ]);
  assert.deepEqual(problems, []);
  assert.deepEqual(wp.phpErrors().filter((l) => l.includes('/plugins/cyber-spectrum/')), [], 'the plugin causes no PHP warning');
  await page.screenshot({ path: join(out, 'wordpress-hostile.png'), fullPage: true });
  await context.close();
});

test('the block in the editor: its settings change the preview chart and the saved post', async () => {
  const { page, problems, context } = await open(`${wp.url}/wp-login.php`);
  await page.locator('#user_login').fill('editor');
  await page.locator('#user_pass').fill(PASSWORD);
  await Promise.all([page.waitForURL(/wp-admin/), page.locator('#wp-submit').click()]);
  await page.goto(`${wp.url}/wp-admin/post-new.php`);
  await page.waitForFunction(() => window.wp?.blocks?.getBlockType('cyber-spectrum/chart') && window.wp.data.select('core/editor').getCurrentPostId());
  // WordPress adds className and lock to every block; the rest are the plugin's.
  const registered = await page.evaluate(() => Object.keys(window.wp.blocks.getBlockType('cyber-spectrum/chart').attributes)
    .filter((a) => !['className', 'lock'].includes(a)).sort());
  assert.deepEqual(registered, ['attribution', 'compare', 'context', 'contextSrc', 'controls', 'datasetVersion', 'format', 'from', 'height', 'incident', 'initiators', 'lang',
    'maxSeverity', 'methods', 'minSeverity', 'objectives', 'reading', 'responses', 'scope', 'search', 'src', 'targetTypes', 'targets', 'theme', 'timeout', 'to', 'view']);
  await page.evaluate(() => {
    const { dispatch, select } = window.wp.data;
    if (select('core/edit-post').isFeatureActive('welcomeGuide')) dispatch('core/edit-post').toggleFeature('welcomeGuide');
    dispatch('core/editor').editPost({ title: 'Made in the editor' });
    const block = window.wp.blocks.createBlock('cyber-spectrum/chart', { initiators: 'PRK', view: 'timeline' });
    dispatch('core/block-editor').insertBlocks(block);
    dispatch('core/block-editor').selectBlock(block.clientId);
  });
  const preview = page.locator('.block-editor-block-list__layout cyber-spectrum');
  await preview.waitFor();
  assert.equal(await preview.evaluate((e) => e.ready.then(() => e.stats.total)), await expectedTotal({ initiators: 'PRK' }));
  // The block's settings: a filter typed in the sidebar reaches the preview.
  if (!(await page.locator('.block-editor-block-inspector').isVisible())) await page.getByRole('button', { name: 'Settings' }).first().click();
  const from = page.locator('.block-editor-block-inspector').getByLabel('From', { exact: true });
  await from.fill('2015');
  await page.waitForFunction(() => document.querySelector('.block-editor-block-list__layout cyber-spectrum')?.getAttribute('from') === '2015');
  const expected = await expectedTotal({ initiators: 'PRK', from: '2015' });
  assert.equal(await page.locator('.block-editor-block-list__layout cyber-spectrum').evaluate((e) => e.ready.then(() => e.stats.total)), expected);
  await page.screenshot({ path: join(out, 'wordpress-editor.png') });
  // Saved and published, the post shows the same chart.
  const link = await page.evaluate(async () => {
    const { dispatch, select } = window.wp.data;
    dispatch('core/editor').editPost({ status: 'publish' });
    await dispatch('core/editor').savePost();
    return select('core/editor').getPermalink();
  });
  await page.goto(link);
  assert.deepEqual(await ready(page), ['ready']);
  const state = await embedState(page, 'cyber-spectrum');
  assert.deepEqual(state.attrs, { view: 'timeline', from: '2015', initiators: 'PRK' });
  assert.equal(state.total, expected);
  assert.deepEqual(problems.filter((p) => !/wordpress\.org|api\.w\.org|Failed to load resource/.test(p)), []);
  await context.close();
});
