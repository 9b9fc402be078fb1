// Two loopback origins for end-to-end tests: the built files (dist/) served as a CDN serves them
// (CORS, the files' host policy) and an article site on another port, with the policy
// publishers.html documents for an article that loads the files from elsewhere.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, copyFile, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, CDN_CSP, articleCsp } from '../../scripts/serve.mjs';
import { launch, root } from './browser.mjs';

/** Starts both servers and the browser before a file's tests. Returns getters (the values exist
 * once the hook has run): `cdn()` and `site()` ({url}), `dir()` (the article site's folder, with
 * data/small.csv and data/dcid.csv), `article(name, body)` and `open(address, options)`. */
export function useOrigins() {
  let cdn; let site; let browser; let dir;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cs-article-'));
    await mkdir(join(dir, 'data'));
    await writeFile(join(dir, 'favicon.ico'), ''); // as an article's site has one: no 404 in the console
    await copyFile(join(root, 'tests/fixtures/small.csv'), join(dir, 'data/small.csv'));
    await copyFile(join(root, 'tests/fixtures/dcid/quirks.csv'), join(dir, 'data/dcid.csv'));
    cdn = await serve(join(root, 'dist'), 0, { csp: CDN_CSP });
    site = await serve(dir, 0, { csp: articleCsp(new URL(cdn.url).origin) });
    assert.notEqual(new URL(cdn.url).origin, new URL(site.url).origin);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    cdn?.server.close();
    site?.server.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Writes an article page onto the article's origin, loading the element from the files'
   * origin; returns its URL. */
  async function article(name, body) {
    await writeFile(join(dir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>An article</title>
<script type="module" src="${cdn.url}cyber-spectrum.js"></script></head><body><h1>An article</h1>${body}</body></html>`);
    return `${site.url}${name}`;
  }

  /** A page of a new context at `address`, gathering console errors, uncaught exceptions and
   * policy violations: `{page, problems, requests, context}`. */
  async function open(address, options = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    context.setDefaultTimeout(20000);
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const problems = [];
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(address);
    return { page, problems, requests, context };
  }

  return { cdn: () => cdn, site: () => site, dir: () => dir, article, open };
}
