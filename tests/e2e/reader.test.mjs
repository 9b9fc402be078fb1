// End-to-end: a reader exploring the charts by mouse, touch, keyboard and screen reader; the table,
// the downloads and the citation; axe-core on the page, the table and an open card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSession, url, browser, root, out, openExplorer } from './browser.mjs';

const AXE = join(root, 'node_modules/axe-core/axe.min.js');
useSession();

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true };

const open = openExplorer;

const chart = (page, id = 'spectrum') => page.locator(`#${id}`).locator('xpath=ancestor::figure[1]');
const total = async (page) => Number((await page.locator('#stats .headline').innerText()).match(/^(\d+)/)[1]);

/** Focuses a chart's canvas from the keyboard and walks `steps` marks; returns the live texts. */
async function walk(page, id, keys) {
  await page.locator(`#${id}`).focus();
  const said = [];
  for (const key of keys) {
    await page.keyboard.press(key);
    said.push(await chart(page, id).locator('[aria-live]').last().innerText());
  }
  return said;
}

/** The centre of the highlight ring, in page coordinates (where the focused mark is drawn). */
async function ringCentre(page, id) {
  const r = await chart(page, id).locator('.ring').boundingBox();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

test('hovering a mark shows its incident, found in Rust from the drawn geometry; a level shows its count', async () => {
  const { page, problems, context } = await open();
  for (const id of ['spectrum', 'timeline']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    // The keyboard names an incident and rings its mark; the mouse over that spot names the same one.
    const [said] = await walk(page, id, ['End']);
    const name = said.split(',')[0];
    const at = await ringCentre(page, id);
    await page.keyboard.press('Escape');
    await page.mouse.move(at.x + 1, at.y - 1);
    const tip = chart(page, id).locator('.tip');
    await tip.waitFor({ state: 'visible' });
    assert.equal((await tip.locator('strong').innerText()), name, `${id}: the hovered mark is the walked one`);
    assert.match(await tip.innerText(), /Severity: (level \d+|not coded)/);
    assert.match(await tip.innerText(), / → /);
    // Text, not a picture: selectable DOM inside the figure.
    assert.equal(await tip.evaluate((t) => getComputedStyle(t).userSelect), 'text');
  }
  // Above a level's column, away from its marks: the count at that level.
  await page.locator('#spectrum').scrollIntoViewIfNeeded();
  const box = await page.locator('#spectrum').boundingBox();
  assert.ok(box.width > 1000);
  await page.mouse.move(box.x + box.width * (3.5 / 12.5) + 8, box.y + 80);
  const tip = chart(page).locator('.tip');
  assert.match(await tip.innerText(), /^Level 3 \(targeted theft\): \d+ incidents$/);
  // Leaving the chart hides it.
  await page.mouse.move(2, 2);
  assert.equal(await tip.isHidden(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard alone: Tab to a chart, walk five incidents, open and close the card', async () => {
  const { page, problems, context } = await open();
  // From the top of the page, Tab reaches the spectrum chart (every control on the way is reachable).
  let tabs = 0;
  while (tabs < 80 && !(await page.evaluate(() => document.activeElement?.id === 'spectrum'))) {
    await page.keyboard.press('Tab');
    tabs += 1;
  }
  assert.ok(tabs < 80, 'the chart is reachable with Tab');
  const focusStyle = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(focusStyle, 'solid', 'focus is visible');
  const said = [];
  for (let i = 0; i < 5; i += 1) {
    await page.keyboard.press('ArrowRight');
    said.push(await chart(page).locator('[aria-live]').last().innerText());
  }
  assert.equal(new Set(said).size, 5, `five different incidents: ${said.join(' | ')}`);
  said.forEach((s, i) => assert.match(s, new RegExp(`, level \\d+ \\(.+\\)\\. ${i + 1} of \\d+\\. Enter opens its card\\.$`)));
  // Level by level on the spectrum: the first marks are at the lowest levels, in ascending order.
  const levels = said.map((s) => Number(s.match(/level (\d+)/)[1]));
  assert.deepEqual(levels, [...levels].sort((a, b) => a - b));
  assert.equal(await chart(page).locator('.ring').isVisible(), true, 'the focused incident is highlighted');
  // Page Down jumps to the next level.
  await page.keyboard.press('PageDown');
  const jumped = Number((await chart(page).locator('[aria-live]').last().innerText()).match(/level (\d+)/)[1]);
  assert.ok(jumped > levels[4], `PageDown: level ${jumped} after ${levels[4]}`);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  const card = chart(page).locator('.card');
  await card.waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H3', 'focus moves into the card');
  const name = await card.locator('h3').innerText();
  assert.ok(said[4].startsWith(name) || (await chart(page).locator('[aria-live]').last().innerText()).startsWith(name));
  assert.match(page.url(), /#incident=/, 'the open card is in the link');
  // Tab moves on through the card's own controls.
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^(www\.|[a-z0-9-]+\.)|Cite this incident/);
  // ... and round it: however often Tab or Shift+Tab is pressed, the focus stays in the open card.
  const inCard = () => page.evaluate(() => !!document.activeElement?.closest('.card'));
  const controls = await card.locator('a[href], button').count();
  for (let i = 0; i < controls + 2; i += 1) {
    await page.keyboard.press('Tab');
    assert.ok(await inCard(), `Tab ${i + 1} stays in the card`);
  }
  for (let i = 0; i < controls + 2; i += 1) {
    await page.keyboard.press('Shift+Tab');
    assert.ok(await inCard(), `Shift+Tab ${i + 1} stays in the card`);
  }
  await page.keyboard.press('Escape');
  assert.equal(await card.isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'spectrum', 'focus returns to the chart');
  assert.doesNotMatch(page.url(), /incident=/);
  // The timeline walks in time order.
  const years = (await walk(page, 'timeline', ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight']))
    .map((s) => Number(s.match(/, (?:\d{1,2} )?(?:[A-Z][a-z]+ )?(\d{4}), /)[1]));
  assert.equal(years.length, 5);
  assert.deepEqual(years, [...years].sort((a, b) => a - b), `time order: ${years}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a shared link opens its incident card; an unknown incident is named', async () => {
  const { page, problems, context } = await open('index.html#incident=2017-wannacry');
  const card = chart(page).locator('.card');
  await card.waitFor({ state: 'visible' });
  assert.match(await card.locator('h3').innerText(), /WannaCry/);
  await context.close();
  const bad = await open('index.html#incident=no-such-thing');
  await bad.page.locator('#error').waitFor({ state: 'visible' });
  assert.match(await bad.page.locator('#error').innerText(), /incident “no-such-thing” is not in the data/);
  assert.deepEqual(problems, []);
  await bad.context.close();
});

test('the incident card: every field, rationale, thresholds, safe source links, citation', async () => {
  const { page, problems, context } = await open('index.html#incident=2017-wannacry');
  const card = chart(page).locator('.card');
  await card.waitFor({ state: 'visible' });
  const text = await card.innerText();
  for (const field of ['Id', 'When', 'Who → whom', 'Method', 'Severity', 'Why this level', 'Physical effects', 'Thresholds', 'Sources']) {
    assert.ok(text.includes(field), `card has ${field}: ${text}`);
  }
  // The long texts come from the file beside the module, fetched for the first card.
  assert.match(text, /What happened\n.{40,}/);
  assert.match(text, /Physical effects\nData destroyed or encrypted/);
  assert.match(text, /Under the reading of Tallinn Manual experts: does not reach use of force; does not reach armed attack\./);
  const links = card.locator(':scope > .sources a'); // the incident's own sources (responses list theirs)
  assert.ok(await links.count() >= 1);
  for (const a of await links.all()) {
    assert.equal(await a.getAttribute('target'), '_blank');
    assert.match(await a.getAttribute('rel'), /noopener/);
    assert.match(await a.getAttribute('href'), /^https?:\/\//);
  }
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await card.getByRole('button', { name: 'Cite this incident' }).click();
  const cite = await card.locator('.cite').innerText();
  assert.match(cite, /“WannaCry[^”]*” \(2017-wannacry\)/);
  assert.ok(cite.includes(await links.first().getAttribute('href')), 'the citation names the sources');
  assert.match(cite, /#.*incident=2017-wannacry/, 'and links back to the incident');
  assert.match(cite, /Under the reading of Tallinn Manual experts: does not reach use of force/, 'and says under whose reading');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), cite);
  await card.getByRole('button', { name: 'Close the incident card' }).click();
  assert.equal(await card.isHidden(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('each chart\'s text summary says what it shows and follows the filters', async () => {
  const { page, problems, context } = await open();
  const label = () => page.locator('#spectrum').getAttribute('aria-label');
  const all = await label();
  assert.match(all, /^Escalation spectrum: \d+ incidents by North Korea \(\d+\), Russia \(\d+\) and \d+ more, 20\d\d to 20\d\d; most at levels? \d+( to \d+)?; under the reading of Tallinn Manual experts, use of force: 5, armed attack: 0; most severe \(level \d+\): .+\.$/);
  // Every incident tied at the top is named, and the keyboard's End lands on one of them.
  const [, top, names] = all.match(/most severe \(level (\d+)\): (.+)\.$/);
  const atTop = await page.evaluate(async (l) => {
    const m = await (await import('./core.js')).startCore(undefined, true); // the whole module (the page started the one for the bundled data)
    const ex = m.Explorer.bundled(new Uint8Array(await (await fetch('./pkg/cyber_spectrum_incidents.bin')).arrayBuffer()));
    const n = ex.stats({}).severityCounts[l];
    ex.free();
    return n;
  }, Number(top));
  const named = names.split(/, | and /);
  assert.ok(atTop > 1 && atTop <= 5, `${atTop} at the top level`);
  assert.equal(named.length, atTop, `the ties at level ${top} are all named: ${names}`);
  const [walked] = await walk(page, 'spectrum', ['End']);
  assert.ok(named.some((n) => walked.startsWith(n)), `End: ${walked} (named: ${names})`);
  await page.evaluate(() => { location.hash = 'initiators=RUS'; });
  await page.waitForFunction((before) => document.querySelector('#spectrum').getAttribute('aria-label') !== before, all);
  const rus = await label();
  assert.match(rus, /^Escalation spectrum: \d+ incidents by Russia, 20\d\d to 20\d\d;/);
  assert.match(await page.locator('#timeline').getAttribute('aria-label'), /^Escalation timeline: .*the busiest year 20\d\d with \d+/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the table lists the selection and sorts by date, initiator, target and severity', async () => {
  const { page, problems, context } = await open('index.html#initiators=PRK,RUS');
  const n = await total(page);
  const button = chart(page).getByRole('button', { name: 'Table' });
  await button.click();
  const table = chart(page).locator('table');
  await table.waitFor();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await table.locator('tbody tr').count(), n);
  assert.equal(await table.locator('thead th[scope=col]').count(), 5);
  // The initiator's cell says an attribution not confirmed by a government ("North Korea
  // (suspected)"); the order is by the state's name.
  const column = async (i) => (await table.locator(`tbody tr td:nth-child(${i})`).allInnerTexts())
    .map((t) => (i === 3 ? t.replace(/ \((suspected|security firms)\)$/, '') : t));
  const sorted = (xs, cmp) => [...xs].sort(cmp);
  assert.deepEqual(await column(1), sorted(await column(1)), 'by date at first');
  const said = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
  assert.ok(said.some((t) => t.endsWith(' (suspected)')) && said.some((t) => t.endsWith(' (security firms)')), 'attribution said');
  for (const [i, name, cmp] of [
    [5, 'Severity', (a, b) => (parseInt(a, 10) || -1) - (parseInt(b, 10) || -1)],
    [3, 'Initiator', (a, b) => a.localeCompare(b)],
    [4, 'Target', (a, b) => a.localeCompare(b)],
  ]) {
    await table.getByRole('button', { name, exact: true }).click();
    assert.equal(await table.locator(`thead th:nth-child(${i})`).getAttribute('aria-sort'), 'ascending');
    const up = await column(i);
    assert.deepEqual(up.map((x) => x), sorted(up, cmp), `${name} ascending`);
    await table.getByRole('button', { name, exact: true }).click();
    assert.equal(await table.locator(`thead th:nth-child(${i})`).getAttribute('aria-sort'), 'descending');
    const down = await column(i);
    assert.deepEqual(down, sorted(down, (a, b) => cmp(b, a)), `${name} descending`);
  }
  // The table follows the filters, and a name opens its card.
  await page.evaluate(() => { location.hash = 'initiators=RUS'; });
  await page.waitForFunction((n) => document.querySelectorAll('figure table tbody tr').length !== n, n);
  const rus = await total(page);
  assert.equal(await table.locator('tbody tr').count(), rus);
  await table.locator('tbody tr').first().getByRole('button').click();
  await chart(page).locator('.card').waitFor({ state: 'visible' });
  assert.deepEqual(problems, []);
  await context.close();
});

function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function download(page, figure, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('downloads: the chart as a 2x PNG and as SVG, the selection as CSV that loads back', async () => {
  const { page, problems, context } = await open('index.html#from=2014&initiators=PRK');
  const n = await total(page);
  const figure = chart(page);
  const css = await page.locator('#spectrum').evaluate((c) => ({ width: c.clientWidth, height: c.clientHeight }));

  const png = await download(page, figure, 'Download the chart as PNG');
  assert.match(png.name, /^cyber-spectrum-spectrum-\d{4}-\d\d-\d\d\.png$/);
  assert.deepEqual(pngSize(png.bytes), { width: css.width * 2, height: css.height * 2 }, 'twice the CSS size');
  assert.ok(png.bytes.length > 20_000, `${png.bytes.length} bytes`);

  const svg = await download(page, figure, 'Download the chart as SVG');
  const text = svg.bytes.toString('utf8');
  assert.match(svg.name, /\.svg$/);
  assert.match(text, new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="${css.width}" height="${css.height}"`));
  for (const label of ['Use of force (5+ if physical, 7+)', 'Armed attack (level 7+)', 'targeted theft', 'North Korea']) {
    assert.ok(text.includes(label), `the SVG has "${label}"`);
  }
  // The SVG is well-formed and draws at least a shape per incident (marks of one style share a
  // path, each its own subpath).
  // Parsed on a blank page: the site's own policy (Trusted Types) rightly refuses DOMParser strings.
  const blank = await context.newPage();
  const parsed = await blank.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const subpaths = [...doc.querySelectorAll('path')].reduce((sum, p) => sum + (p.getAttribute('d').match(/M[^M]*[LaZ]/g)?.length ?? 0), 0);
    return { error: doc.querySelector('parsererror')?.textContent ?? null, shapes: subpaths + doc.querySelectorAll('rect').length };
  }, text);
  assert.equal(parsed.error, null);
  assert.ok(parsed.shapes > n, `${parsed.shapes} shapes for ${n} incidents`);

  const csv = await download(page, figure, 'Download the chart’s incidents as CSV');
  const lines = csv.bytes.toString('utf8').split('\r\n');
  // Each preamble line is one quoted cell, so no spreadsheet splits it into cells.
  assert.match(lines[0], new RegExp(`^"# cyber-spectrum: ${n} incidents selected from the cyber-spectrum dataset, version \\S+`));
  assert.ok(lines.some((l) => l === '"# Filters: from=2014; initiators=PRK"'), lines.slice(0, 6).join('\n'));
  assert.ok(lines.some((l) => /^"# Downloaded: \d{4}-\d\d-\d\dT/.test(l)));
  assert.ok(lines.some((l) => /^"# Suggested citation: .*http.*#.*initiators=PRK/.test(l)));
  const header = lines.findIndex((l) => !l.startsWith('"#'));
  assert.equal(lines[header], 'id,name,start,end,initiator,targets,target_type,method,objective,severity,effects,rationale,attributed_by,attribution_date,certainty,scope,description,sources');
  // The file loads back into the explorer with the same incidents, the documented way (the
  // importer in its worker, then the explorer).
  const back = await page.evaluate(async (t) => {
    const m = await (await import('./core.js')).startCore(undefined, true);
    const { importBytes } = await import('./loader.js');
    const ex = m.Explorer.fromImport(await importBytes(new TextEncoder().encode(t), { format: 'csv' }));
    const s = ex.stats({});
    return { total: s.total, warnings: ex.warnings().length, initiators: s.byInitiator.map((r) => r.code) };
  }, csv.bytes.toString('utf8'));
  assert.deepEqual(back, { total: n, warnings: 0, initiators: ['PRK'] });
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone, the first tap on a mark of a fresh page opens its card', async () => {
  // Where a mark is: found from the keyboard on one page...
  const first = await open('index.html', PHONE);
  await first.page.locator('#spectrum').scrollIntoViewIfNeeded();
  await walk(first.page, 'spectrum', ['End']);
  const at = await ringCentre(first.page, 'spectrum');
  const name = await chart(first.page).locator('.tip strong').innerText();
  await first.context.close();
  // ... then tapped once on a fresh one, before any interaction code is there.
  const { page, problems, context } = await open('index.html', PHONE);
  await page.locator('#spectrum').scrollIntoViewIfNeeded();
  const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/interact.js')));
  assert.equal(await fetched(), false, 'no interaction code before the tap');
  await page.touchscreen.tap(at.x, at.y);
  const card = chart(page).locator('.card');
  await card.waitFor({ state: 'visible' });
  assert.equal(await card.locator('h3').innerText(), name);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone: filters fold away, tap opens the card as a bottom sheet, tooltips stay on screen', async () => {
  const { page, problems, context } = await open('index.html', PHONE);
  assert.equal(await page.locator('#filters-panel').getAttribute('open'), null, 'filters folded');
  await page.locator('#filters-panel > summary').tap();
  assert.equal(await page.locator('#filters-panel').getAttribute('open'), '');
  await page.locator('#filters-panel > summary').tap();
  const canvas = page.locator('#spectrum');
  await canvas.scrollIntoViewIfNeeded();
  // Find a mark from the keyboard's ring, then tap it.
  await walk(page, 'spectrum', ['End']);
  const at = await ringCentre(page, 'spectrum');
  const name = await chart(page).locator('.tip strong').innerText();
  await page.keyboard.press('Escape');
  await canvas.evaluate((c) => c.blur());
  await page.touchscreen.tap(at.x, at.y);
  const card = chart(page).locator('.card');
  await card.waitFor({ state: 'visible' });
  assert.equal(await card.locator('h3').innerText(), name);
  const sheet = await card.evaluate(async (c) => {
    await Promise.all(c.getAnimations().map((a) => a.finished)); // the sheet slides in
    const r = c.getBoundingClientRect();
    return { position: getComputedStyle(c).position, left: r.left, right: r.right, bottom: r.bottom, top: r.top };
  });
  assert.equal(sheet.position, 'fixed');
  assert.deepEqual([sheet.left, Math.round(sheet.right), Math.round(sheet.bottom)], [0, 390, 844], 'a bottom sheet');
  assert.ok(sheet.top > 844 * 0.25, `the sheet leaves the chart in view (top ${sheet.top})`);
  await page.screenshot({ path: join(out, 'phone-card.png') });
  await card.getByRole('button', { name: 'Close the incident card' }).tap();
  // Tapping a level's column shows its count, inside the screen even at the edges.
  const box = await canvas.boundingBox();
  for (const x of [box.x + 12, box.x + box.width - 12]) {
    await page.touchscreen.tap(x, box.y + box.height * 0.45);
    const tip = chart(page).locator('.tip');
    await tip.waitFor({ state: 'visible' });
    const r = await tip.boundingBox();
    assert.ok(r.x >= 0 && r.x + r.width <= 390, `tooltip inside the screen: ${r.x}..${r.x + r.width}`);
    assert.match(await tip.innerText(), /: \d+ incidents?$/);
  }
  await page.screenshot({ path: join(out, 'phone-tip.png') });
  // No sideways scrolling anywhere.
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the embed offers the same inside its shadow root: card from its attribute, keyboard, table, CSV, axe', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, acceptDownloads: true, bypassCSP: true });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${url}embed.html#view=timeline&initiators=PRK&incident=2017-wannacry`);
  const element = page.locator('cyber-spectrum');
  await page.evaluate(() => document.querySelector('cyber-spectrum').ready);
  const card = element.locator('.card');
  await card.waitFor({ state: 'visible' });
  assert.match(await card.locator('h3').innerText(), /WannaCry/);
  await card.getByRole('button', { name: 'Close the incident card' }).click();
  assert.equal(await element.getAttribute('incident'), null, 'the attribute follows the reader');
  assert.doesNotMatch(page.url(), /incident=/, 'and the frame\'s hash');
  await element.locator('canvas').first().focus();
  await page.keyboard.press('ArrowRight');
  assert.match(await element.locator('[aria-live]').last().innerText(), /\. \d+ of \d+\. Enter opens its card\.$/);
  assert.equal(await element.locator('.ring').isVisible(), true);
  await page.keyboard.press('Enter');
  await card.waitFor({ state: 'visible' });
  assert.match(await element.getAttribute('incident'), /\S/);
  assert.match(page.url(), new RegExp(`incident=${await element.getAttribute('incident')}`));
  await page.keyboard.press('Escape');
  const n = await page.evaluate(() => document.querySelector('cyber-spectrum').stats.total);
  await element.getByRole('button', { name: 'Table' }).click();
  assert.equal(await element.locator('table:not(.context) tbody tr').count(), n);
  const csv = await download(page, element, 'Download the chart’s incidents as CSV');
  assert.match(csv.name, /^cyber-spectrum-timeline-/);
  assert.equal(csv.bytes.toString('utf8').split('\r\n').filter((l) => l && !l.startsWith('"#')).length, n + 1);
  // The frame's document is a fragment of the publisher's article, which has the page's main
  // landmark and h1: the page-level rules are for the article, every other rule runs.
  const pageLevel = { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } };
  assert.deepEqual(await axe(page, pageLevel), [], 'axe inside the element (open shadow root)');
  assert.deepEqual(problems, []);
  await context.close();
});

/** axe-core's violations; `rules` turns some off ({region: {enabled: false}}). */
async function axe(page, rules = {}) {
  await page.addScriptTag({ content: await readFile(AXE, 'utf8') });
  return page.evaluate(async (rules) => {
    const r = await window.axe.run(document, { resultTypes: ['violations'], rules });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, rules);
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations (${colorScheme}): the page, the table view and an open incident card`, async () => {
    // axe is injected as an inline script, which the page's CSP (rightly) refuses: bypass it here only.
    const { page, problems, context } = await open('index.html#initiators=PRK,RUS&from=2015', { colorScheme, bypassCSP: true });
    assert.deepEqual(await axe(page), [], 'the page');
    await chart(page).getByRole('button', { name: 'Table' }).click();
    assert.deepEqual(await axe(page), [], 'with the table open');
    await page.locator('#spectrum').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await chart(page).locator('.card').waitFor({ state: 'visible' });
    assert.deepEqual(await axe(page), [], 'with a card open');
    assert.deepEqual(problems, []);
    await context.close();
  });
}
