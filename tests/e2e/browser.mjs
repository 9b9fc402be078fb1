// Launches the system Chromium through playwright-core (never a downloaded browser), and starts
// what every end-to-end test file needs: dist/ (the built site) served with the CSP, the browser, the output folder.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';

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
