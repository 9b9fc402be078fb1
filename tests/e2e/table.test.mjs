// End-to-end: a selection longer than a page of the table is read a page at a time. The pager at
// the foot of the box turns the pages (first, previous, next, last) with the mouse or the keyboard,
// says where the reader is, keeps the order across pages, and starts again at the first page when
// the order changes; every incident is on exactly one page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSession, url, out, publisherContext, article } from './browser.mjs';

useSession();

const N = 450;
/** A CSV of `N` incidents in the project's schema, dated one month apart from 1990 on, listed in
 * reverse so the table's date order is not the file's. */
function incidents() {
  const lines = ['id,name,start,initiator,targets,method,severity'];
  for (let i = N - 1; i >= 0; i -= 1) {
    const y = 1990 + Math.floor(i / 12);
    const m = String(1 + (i % 12)).padStart(2, '0');
    lines.push(`t${i},Incident ${String(i).padStart(3, '0')},${y}-${m},${['PRK', 'RUS', 'CHN'][i % 3]},KOR,intrusion,${i % 7}`);
  }
  return `${lines.join('\n')}\n`;
}

for (const width of [1280, 390]) {
  test(`at ${width} px a table of ${N} incidents turns its pages of 200, each in order, every incident once`, async () => {
    const { ctx, problems } = await publisherContext({
      viewport: { width, height: 900 },
      pages: { 'pages.html': article('<h1>Pages</h1><cyber-spectrum id="p" src="/test/pages.csv" controls="all"></cyber-spectrum>') },
      files: { 'pages.csv': { body: incidents(), contentType: 'text/csv' } },
    });
    const page = await ctx.newPage();
    await page.goto(`${url}test/pages.html`);
    await page.evaluate(() => document.querySelector('#p').ready);
    const root = page.locator('#p');
    await root.getByRole('button', { name: 'Table' }).click();
    const table = root.locator('table:not(.context)');
    await table.locator('caption', { hasText: 'rows 1 to 200 shown' }).waitFor();
    const pager = root.getByRole('navigation', { name: 'Pages of the table' });
    const where = pager.locator('.where');
    const names = () => table.locator('tbody tr td:nth-child(2)').allInnerTexts();
    const dates = () => table.locator('tbody tr td:nth-child(1)').allInnerTexts();
    const state = async () => Object.fromEntries(await Promise.all(['First', 'Previous', 'Next', 'Last']
      .map(async (b) => [b, await pager.getByRole('button', { name: b, exact: true }).isEnabled()])));

    assert.equal(await where.innerText(), `Rows 1 to 200 of ${N}`);
    assert.deepEqual(await state(), { First: false, Previous: false, Next: true, Last: true });
    // The pager is in sight at the foot of the box before any scrolling.
    const box = await root.locator('.table-box').boundingBox();
    const nav = await pager.boundingBox();
    assert.ok(nav.y + nav.height <= box.y + box.height + 1 && nav.y + nav.height >= box.y + box.height - 3,
      `the pager sits at the box's foot (${JSON.stringify(nav)} in ${JSON.stringify(box)})`);
    await root.locator('.table-box').screenshot({ path: join(out, `table-pages-${width}.png`) });

    const seen = [];
    const pages = [];
    pages.push(await dates());
    seen.push(...await names());
    await pager.getByRole('button', { name: 'Next', exact: true }).click();
    await table.locator('caption', { hasText: 'rows 201 to 400 shown' }).waitFor();
    assert.equal(await where.innerText(), `Rows 201 to 400 of ${N}`);
    assert.deepEqual(await state(), { First: true, Previous: true, Next: true, Last: true });
    assert.equal(await root.locator('.table-box').evaluate((b) => b.scrollTop), 0, 'a new page starts at its top');
    pages.push(await dates());
    seen.push(...await names());
    // The keyboard: the focused Next turns to the last page; disabled there, it hands focus to
    // Previous.
    await pager.getByRole('button', { name: 'Next', exact: true }).focus();
    await page.keyboard.press('Enter');
    await table.locator('caption', { hasText: `rows 401 to ${N} shown` }).waitFor();
    assert.deepEqual(await state(), { First: true, Previous: true, Next: false, Last: false });
    assert.equal(await page.evaluate(() => document.querySelector('#p').shadowRoot.activeElement?.textContent.trim()), '‹ Previous');
    pages.push(await dates());
    seen.push(...await names());

    assert.deepEqual(pages.map((p) => p.length), [200, 200, N - 400]);
    const all = pages.flat();
    assert.deepEqual(all, [...all].sort(), 'the date order runs on across the pages');
    assert.equal(new Set(seen).size, N, 'every incident on one page, none twice');

    // A new order starts at its first page.
    await table.getByRole('button', { name: 'Incident', exact: true }).click();
    await table.locator('caption', { hasText: 'sorted by name (ascending); rows 1 to 200 shown' }).waitFor();
    assert.equal((await names())[0], 'Incident 000');
    assert.equal(await where.innerText(), `Rows 1 to 200 of ${N}`);
    await pager.getByRole('button', { name: 'Last', exact: true }).click();
    await table.locator('caption', { hasText: `rows 401 to ${N} shown` }).waitFor();
    assert.equal((await names()).at(-1), `Incident ${N - 1}`);
    await pager.getByRole('button', { name: 'First', exact: true }).click();
    await table.locator('caption', { hasText: 'rows 1 to 200 shown' }).waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('#p').shadowRoot.activeElement?.textContent.trim()), 'Next ›');

    // A filter of fewer than a page: no pager.
    await page.evaluate(() => { document.querySelector('#p').filter = { initiators: ['PRK'], to: 1999 }; });
    await table.locator('caption', { hasText: /^\d+ incidents in this selection, sorted by name \(ascending\)\.$/ }).waitFor();
    assert.equal(await pager.count(), 0);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
}
