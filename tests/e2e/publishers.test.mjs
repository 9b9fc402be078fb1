// Every snippet of www/publishers.html, run as a publisher would paste it: the files on one origin
// (standing in for the npm CDN and for "your host"), the article on another. The WordPress
// shortcode and the Hugo shortcode are run by tests/wordpress/ and tests/hugo/ from the same page;
// the render commands by tests/publishers.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CSP, CDN_CSP, articleCsp } from '../../scripts/serve.mjs';
import { root, out, embedState, settled } from './browser.mjs';
import { useOrigins } from './origins.mjs';
import { snippets } from './snippets.mjs';

const { cdn, site, dir, open } = useOrigins();
const VERSION = (await readFile(join(root, 'Cargo.toml'), 'utf8')).match(/^version = "([^"]+)"/m)[1];
const S = snippets();
const CDN_BASE = `https://cdn.jsdelivr.net/npm/cyber-spectrum@${VERSION}/`;
const HOST_BASE = 'https://your-host.example/cyber-spectrum/';

/** A snippet with its placeholder addresses pointing at the test's files. */
const local = (text) => text.replaceAll(CDN_BASE, cdn().url).replaceAll(HOST_BASE, cdn().url);

/** An article page on the article's origin holding `body`; returns its address. */
async function page(name, body, head = '') {
  await writeFile(join(dir(), name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Article</title>${head}</head><body><h1>Article</h1>${body}</body></html>`);
  return `${site().url}${name}`;
}

const outcomes = (p) => p.evaluate(() => Promise.all([...document.querySelectorAll('cyber-spectrum')]
  .map((e) => e.ready.then(() => 'ready', (err) => err.message))));

/** The element's total on the files' own iframe page for these parameters. */
async function expected(params) {
  const { page: p, context } = await open(`${cdn().url}embed.html#${new URLSearchParams(params)}`);
  const total = await p.locator('cyber-spectrum').evaluate((e) => e.ready.then(() => e.stats.total));
  await context.close();
  return total;
}

test('every code block on the page is a named snippet, and each is tested', () => {
  assert.equal(S.untagged, 0, 'a code block without data-snippet would go untested');
  assert.deepEqual(Object.keys(S).filter((k) => k !== 'untagged').sort(), ['cdn', 'csp-article', 'csp-host', 'csp-self', 'hugo', 'iframe',
    'image-link', 'noscript', 'render', 'sandbox', 'script', 'self-hosted', 'theme', 'wordpress'].sort());
});

test('the CDN tag names the exact version, and pasted into an article it draws the chart', async () => {
  assert.ok(S.cdn.startsWith(`<script type="module" src="${CDN_BASE}cyber-spectrum.js"></script>\n`), S.cdn);
  const { page: p, problems, context } = await open(await page('cdn.html', local(S.cdn)));
  assert.deepEqual(await outcomes(p), ['ready']);
  const state = await embedState(p, 'cyber-spectrum');
  assert.equal(state.total, await expected({ initiators: 'PRK', targets: 'KOR,USA', from: '2009', to: '2016' }));
  assert.ok(state.inked > 1000);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the self-hosted tag draws the chart', async () => {
  const { page: p, problems, context } = await open(await page('self.html', local(S['self-hosted'])));
  assert.deepEqual(await outcomes(p), ['ready']);
  assert.equal((await embedState(p, 'cyber-spectrum')).total, await expected({ initiators: 'RUS' }));
  assert.deepEqual(problems, []);
  await context.close();
});

for (const name of ['iframe', 'sandbox']) {
  test(`the ${name} snippet shows the chart, sized by the host script`, async () => {
    const { page: p, problems, context } = await open(await page(`${name}.html`, local(S[name])));
    const frame = p.frameLocator('iframe').locator('cyber-spectrum');
    assert.equal(await frame.evaluate((e) => e.ready.then(() => 'ready', (err) => err.message)), 'ready');
    await p.waitForFunction(() => document.querySelector('iframe').style.height !== '');
    if (name === 'sandbox') assert.equal(await p.frameLocator('iframe').locator('html').evaluate(() => self.origin), 'null');
    assert.deepEqual(await p.evaluate(() => window.__violations), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the image-link snippet links to the explorer on the chart the image shows', async () => {
  const href = local(S['image-link']).match(/<a href="([^"]+)">/)[1];
  assert.match(S['image-link'], /<img src="korea\.png"/);
  assert.match(S.render, /--out korea\n/, 'the image is the one the render command writes');
  const { page: p, problems, context } = await open(href);
  await p.waitForFunction(() => /\d+ incidents?/.test(document.querySelector('#stats')?.textContent ?? ''));
  const shown = Number((await p.locator('#stats .headline').innerText()).match(/^(\d+)/)[1]);
  assert.equal(shown, await expected({ view: 'spectrum', initiators: 'PRK', targets: 'KOR,USA', from: '2009', to: '2016' }));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the noscript snippet: the chart with scripts, the image without', async () => {
  const body = S.noscript;
  await writeFile(join(dir(), 'korea.png'), await readFile(join(root, 'docs/screenshot.png')));
  const address = await page('noscript.html', body, `<script type="module" src="${cdn().url}cyber-spectrum.js"></script>`);
  const withJs = await open(address);
  assert.deepEqual(await outcomes(withJs.page), ['ready']);
  assert.equal(await withJs.page.locator('img').count(), 0, 'noscript content is not shown');
  await withJs.context.close();
  const withoutJs = await open(address, { javaScriptEnabled: false });
  assert.equal(await withoutJs.page.locator('img[src="korea.png"]').evaluate((i) => i.complete && i.naturalWidth > 0), true);
  await withoutJs.context.close();
});

test('the scripting snippet drives its chart', async () => {
  // It is an inline script, which the strict policy refuses, as the page says: run it without one.
  const address = await page('script.html', local(S.script), `<script type="module" src="${cdn().url}cyber-spectrum.js"></script>`);
  const { page: p, problems, context } = await open(address, { bypassCSP: true });
  await p.evaluate(() => document.querySelector('cyber-spectrum').ready);
  const said = new Promise((r) => p.on('console', (m) => { if (/incidents shown/.test(m.text())) r(m.text()); }));
  await p.locator('#only-2013').click();
  assert.match(await said, /^\d+ incidents shown$/);
  assert.deepEqual(await p.locator('cyber-spectrum#chart').evaluate((e) => e.filter), { from: 2013, to: 2013 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the theming snippet colours the chart', async () => {
  await writeFile(join(dir(), 'theme.css'), S.theme);
  const address = await page('theme.html', '<cyber-spectrum initiators="PRK"></cyber-spectrum>',
    `<link rel="stylesheet" href="theme.css"><script type="module" src="${cdn().url}cyber-spectrum.js"></script>`);
  const { page: p, problems, context } = await open(address);
  assert.deepEqual(await outcomes(p), ['ready']);
  await settled(p);
  const state = await embedState(p, 'cyber-spectrum');
  assert.deepEqual(state.corner, [0xff, 0xfd, 0xf7], 'the background is --cs-bg');
  assert.deepEqual(problems, []);
  await p.screenshot({ path: join(out, 'publishers-theme.png') });
  await context.close();
});

test('the three policies are the ones every test page is served with', () => {
  assert.equal(S['csp-self'], `Content-Security-Policy: ${CSP}`);
  assert.equal(S['csp-article'], `Content-Security-Policy: ${articleCsp('https://cdn.jsdelivr.net')}`);
  assert.equal(S['csp-host'], `Content-Security-Policy: ${CDN_CSP}`);
});

test('the WordPress and Hugo shortcodes have their platform\'s syntax (run by their own tests)', () => {
  assert.match(S.wordpress, /^\[cyber_spectrum( [a-z_-]+="[^"]*")+\]$/);
  assert.match(S.hugo, /^\{\{< cyber-spectrum( [a-z-]+="[^"]*")+ >\}\}$/);
});
