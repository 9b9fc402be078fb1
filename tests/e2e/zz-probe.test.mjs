import { test } from 'node:test';
import { useSession, publisherContext, article } from './browser.mjs';
import * as b from './browser.mjs';
useSession();
test('probe', { timeout: 300000 }, async () => {
  for (const body of ['<p>none</p>', '<cyber-spectrum id="m" src="/test-data/small.csv" controls="all"></cyber-spectrum>']) {
    const { ctx } = await publisherContext({ pages: { 'p.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body>${body}</body></html>` } });
    const page = await ctx.newPage();
    await page.goto(`${b.url}test/p.html`);
    const r = [];
    for (let i = 0; i < 1; i++) r.push(await page.evaluate(async () => { const t = performance.now(); await import('/cyber-spectrum.js'); const a = performance.now() - t; return a.toFixed(1); }));
    console.log(body.slice(0, 20), r.join(' '));
    await ctx.close();
  }
});
