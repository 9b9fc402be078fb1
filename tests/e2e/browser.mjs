// Launches the system Chromium through playwright-core (never a downloaded browser), and starts
// what every end-to-end test file needs: dist/ (the built site) served with the CSP, the browser, the output folder.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { serve, CSP } from '../../scripts/serve.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/** Screenshots and other files the tests leave for a person to look at. */
export const out = join(root, 'tests/e2e/out');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Serves dist/ and launches the browser: `{url, browser, close()}`. */
export async function start() {
  const { server, url } = await serve(join(root, 'dist'));
  const browser = await launch();
  await mkdir(out, { recursive: true });
  return { url, browser, close: async () => { await browser.close(); server.close(); } };
}

/** The served site's URL and the browser, set once `useSession`'s hook has run. */
export let url;
export let browser;

/** Starts the server and the browser before a test file's tests and closes both after them. */
export function useSession() {
  let session;
  before(async () => {
    session = await start();
    ({ url, browser } = session);
  });
  after(() => session?.close());
}

/**
 * A context whose pages record console errors, uncaught exceptions, CSP violations and every
 * request, as a publisher's article would see them. Under /test/: `pages` maps paths to HTML
 * served with the strict CSP header; `files` maps paths to what to answer, `{body, contentType,
 * status, headers}` or an async function of the route returning that (or `null` to never answer).
 */
export async function publisherContext({ pages = {}, files = {}, viewport = { width: 1280, height: 900 }, ...options } = {}) {
  const ctx = await browser.newContext({ viewport, ...options });
  ctx.setDefaultTimeout(15000);
  await ctx.addInitScript(() => {
    window.__violations = [];
    window.__globalsBefore = Object.getOwnPropertyNames(window);
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const requests = [];
  ctx.on('request', (r) => requests.push(r.url()));
  await ctx.route('**/test/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/test\//, '');
    if (files[path] !== undefined) {
      const answer = typeof files[path] === 'function' ? await files[path](route) : files[path];
      if (answer === null) return undefined; // never answered: a server that hangs
      return route.fulfill(answer);
    }
    if (pages[path] === undefined) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ body: pages[path], contentType: 'text/html', headers: { 'content-security-policy': CSP } });
  });
  const problems = [];
  const watch = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  };
  ctx.on('page', watch);
  return { ctx, requests, problems };
}

/** An article page loading the element from the served site. */
export const article = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>An article</title>${head}
<script type="module" src="/cyber-spectrum.js"></script></head><body>${body}</body></html>`;

/** What one embed shows: headline, error, attributes, stats and its canvas's ink. */
export function embedState(page, selector) {
  return page.locator(selector).evaluate(async (el) => {
    const root = el.shadowRoot;
    const canvas = root.querySelector('canvas');
    const error = root.querySelector('.error');
    let inked = 0;
    let corner = null;
    if (canvas.width && !root.querySelector('figure').hidden) {
      const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      corner = [d[0], d[1], d[2]];
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - corner[0]) + Math.abs(d[i + 1] - corner[1]) + Math.abs(d[i + 2] - corner[2]) > 60) inked += 1;
      }
    }
    return {
      headline: root.querySelector('.headline').textContent,
      error: error.hidden ? null : error.textContent,
      attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
      total: el.stats?.total ?? null,
      filter: el.filter,
      view: el.view,
      inked,
      corner,
      cssHeight: canvas.clientHeight,
    };
  });
}

/** Resolves after the next two frames: whatever was scheduled to draw has drawn. */
export const settled = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The explorer page at `path` in a new context (1280x900 and downloads unless `options` say
 * otherwise) once its statistics are up: `{page, problems, context}`, with console errors and
 * uncaught exceptions gathered in `problems`. */
export async function openExplorer(path = 'index.html', options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url + path);
  await page.waitForFunction(() => /\d+ incidents?/.test(document.querySelector('#stats')?.textContent ?? ''));
  await settled(page);
  return { page, problems, context };
}
