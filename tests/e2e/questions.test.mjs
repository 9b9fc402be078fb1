// End-to-end, issue 21 item 1: the eight questions a reader of an article on North Korean cyber
// operations and the US-ROK treaty asks the explorer, each from a fresh page at 1280x900 and on a
// 390x844 touch phone. The reader's actions go through a counter (a click or tap, a choice in a
// menu, a box ticked, a word typed into one box, a scroll to a named section: one action each);
// the answer must then be on screen (in the viewport and not covered) with the right value,
// worked out here from data/*.csv, never from the page; and no answer may take more than four
// actions. The actions per question at both sizes are printed as a table.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSession, openExplorer, settled, root, out } from './browser.mjs';
import { csvRows } from '../../www/context-file.js';

useSession();

const MAX_ACTIONS = 4;
const SIZES = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
};

// -- the data, read here --------------------------------------------------------------------

/** Rows of a data file as objects (read by the page's own CSV reader for context files). */
function readCsv(name) {
  const rows = csvRows(readFileSync(join(root, 'data', name), 'utf8'));
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, k) => [h, r[k] ?? ''])));
}

const incidents = readCsv('incidents.csv').map((r) => ({
  ...r,
  year: Number(r.start.slice(0, 4)),
  level: r.severity === '' ? null : Number(r.severity),
  targetList: r.targets.split(';').filter(Boolean),
}));
const readings = readCsv('readings.csv');
const responses = readCsv('responses.csv');
const context = readCsv('context.csv');

const span = (rows) => [Math.min(...rows.map((r) => r.year)), Math.max(...rows.map((r) => r.year))];
const tenths = (x) => x.toFixed(1);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Whether an incident meets a reading's rule (`level>=5 & effects>=physical | level>=7`). */
const EFFECTS = ['none', 'data', 'physical', 'injury', 'death'];
function meets(rule, r) {
  const atom = (a) => {
    const [, key, value] = a.trim().match(/^(\w+)>=(\w+)$/);
    return key === 'level' ? r.level !== null && r.level >= Number(value) : EFFECTS.indexOf(r.effects) >= EFFECTS.indexOf(value);
  };
  return rule.split('|').some((alt) => alt.split('&').every(atom));
}
const reaching = (id) => {
  const reading = readings.find((x) => x.id === id);
  return ['use_of_force', 'armed_attack'].map((k) => incidents.filter((r) => meets(reading[k], r)).length);
};

/** Day number of a yyyy-mm-dd date. */
const day = (d) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 864e5;

// -- the reader ------------------------------------------------------------------------------

/** A reader on `page` whose every action is counted (`steps` says which). */
function reader(page, phone) {
  const steps = [];
  const act = async (what, run) => {
    steps.push(what);
    await run();
    await settled(page);
  };
  const press = (locator) => (phone ? locator.tap() : locator.click());
  return {
    steps,
    tap: (locator, what) => act(what, () => press(locator)),
    choose: (locator, value, what) => act(what, () => locator.selectOption(value)),
    /** A word typed into a box (tapping into it is part of typing). */
    type: (locator, text, what) => act(what, async () => { await press(locator); await page.keyboard.type(text); }),
    /** Scrolling until the named section's top is at the top of the screen. */
    scrollTo: (locator, what) => act(what, () => locator.evaluate((e) => e.scrollIntoView({ block: 'start' }))),
    /** Scrolling to the named section only if the answer is not already on screen. */
    async scrollFor(answer, section, what, options) {
      if (await offScreen(page, answer, options)) await act(what, () => section.evaluate((e) => e.scrollIntoView({ block: 'start' })));
    },
    /** A tap or click at a point of the page (a mark on a chart). */
    tapAt: (x, y, what) => act(what, () => (phone ? page.touchscreen.tap(x, y) : page.mouse.click(x, y))),
  };
}

/**
 * Asserts that `locator` (or the band `rows` [top, bottom] of it, in its own pixels) is on screen:
 * all of it inside the viewport (or, given `min`, at least that many px of its height), and what
 * is drawn at the middle of that part is it, not something over it.
 */
async function onScreen(page, locator, what, options) {
  const problem = await offScreen(page, locator, options);
  assert.equal(problem, null, `${what}: ${problem}`);
}

/** Why `locator` is not on screen (see onScreen), or null when it is. */
async function offScreen(page, locator, { rows = null, min = Infinity } = {}) {
  await locator.waitFor({ state: 'visible' });
  const { width, height } = page.viewportSize();
  const box = await locator.boundingBox();
  if (!box) return 'not laid out';
  const [y0, y1] = rows ? [box.y + rows[0], box.y + rows[1]] : [box.y, box.y + box.height];
  const top = Math.max(0, y0);
  const bottom = Math.min(height, y1);
  const left = Math.max(0, box.x);
  const right = Math.min(width, box.x + box.width);
  if (right - left <= 0 || bottom - top < Math.min(min, y1 - y0) - 1) {
    return `not on screen: ${Math.round(y0)}-${Math.round(y1)} px in a ${height} px viewport`;
  }
  const mine = await locator.evaluate((e, [x, y]) => {
    const at = document.elementFromPoint(x, y);
    return e === at || e.contains(at);
  }, [(left + right) / 2, (top + bottom) / 2]);
  return mine ? null : 'covered by something else';
}

/** Where the mark of the incident named `name` is drawn on the spectrum for `filter`, in page
 * coordinates: the page's own geometry, from a twin of the canvas drawn by the core. */
async function markOf(page, name, filter) {
  const canvas = page.locator('#spectrum');
  const at = await canvas.evaluate(async (c, [name, filter]) => {
    const { Explorer } = await (await import('./core.js')).startCore(undefined, true);
    const ex = Explorer.bundled(new Uint8Array(await (await fetch('./pkg/cyber_spectrum_incidents.bin')).arrayBuffer()));
    const twin = document.createElement('canvas');
    twin.style.cssText = `position:absolute;left:-10000px;top:0;width:${c.clientWidth}px;height:${c.clientHeight}px`;
    document.body.append(twin);
    try {
      const drawn = ex.draw(twin, 'spectrum', filter);
      for (let k = 0; k < drawn.marks; k += 1) {
        const m = drawn.mark(k);
        if (ex.record(m.incident)?.name === name) return { x: m.x + c.clientLeft, y: m.y + c.clientTop };
      }
      return null;
    } finally {
      twin.remove();
      ex.free();
    }
  }, [name, filter]);
  assert.ok(at, `no mark for ${name}`);
  const box = await canvas.boundingBox();
  return { x: box.x + at.x, y: box.y + at.y };
}

const shot = (page, name, size) => page.screenshot({ path: join(out, `question-${name}-${size}.png`) });

// -- the eight questions ---------------------------------------------------------------------

const stats = (page) => page.locator('#stats');
const statsSection = (page) => page.locator('section.stats');
const filtersOpen = (r, page, phone) => (phone ? r.tap(page.locator('#filters-panel > summary'), 'open the filters') : null);
const showResults = (r, page, phone) => (phone ? r.tap(page.locator('.show-results'), 'Show N incidents') : null);

const QUESTIONS = [
  {
    id: 1,
    ask: 'How many incidents are there, and over which years?',
    async answer(page) {
      const [first, last] = span(incidents);
      const line = page.locator('#dataset');
      assert.match(await line.innerText(), new RegExp(`: ${incidents.length} incidents, ${first} to ${last}\\.$`));
      await onScreen(page, line, 'the dataset line');
    },
  },
  {
    id: 2,
    ask: 'How many did North Korea direct against South Korea in 2009-2016?',
    async answer(page, r, phone) {
      await filtersOpen(r, page, phone);
      await r.tap(page.locator('.pairs button', { hasText: 'North Korea → South Korea' }), 'North Korea → South Korea');
      await r.choose(page.locator('select[name="from"]'), '2009', 'From 2009');
      await r.choose(page.locator('select[name="to"]'), '2016', 'To 2016');
      const picked = incidents.filter((x) => x.initiator === 'PRK' && x.targetList.includes('KOR') && x.year >= 2009 && x.year <= 2016);
      const whole = incidents.filter((x) => x.initiator === 'PRK').length;
      assert.ok(picked.length > 0 && picked.length < whole);
      if (phone) {
        // The open filters end in the live count.
        const show = page.locator('.show-results');
        assert.equal(await show.innerText(), `Show ${picked.length} incidents`);
        await onScreen(page, show, 'the "Show N incidents" button');
      } else {
        const share = stats(page).locator('.share');
        await r.scrollFor(share, statsSection(page), 'to the statistics');
        const [first, last] = span(picked);
        assert.equal(await stats(page).locator('.headline').innerText(), `${picked.length} incidents, ${first} to ${last}`);
        assert.equal(await share.innerText(), `That is ${picked.length} of North Korea’s ${whole} incidents (${Math.round((100 * picked.length) / whole)}%).`);
        await onScreen(page, share, 'the share of North Korea’s incidents');
      }
    },
  },
  {
    id: 3,
    ask: 'Which were the most severe incidents, and how severe?',
    async answer(page, r) {
      const top = Math.max(...incidents.map((x) => x.level ?? -1));
      const names = incidents.filter((x) => x.level === top).map((x) => x.name);
      assert.ok(names.length > 1, 'a tie, as in the issue');
      const line = stats(page).locator('p', { hasText: /^Severity:/ });
      await r.scrollFor(line, statsSection(page), 'to the statistics');
      const text = await line.innerText();
      assert.match(text, new RegExp(`maximum ${top} \\(\\w+\\): `));
      for (const n of names) assert.ok(text.includes(n), `${n} is named: ${text}`);
      await onScreen(page, line, 'the severity line');
    },
  },
  {
    id: 4,
    ask: 'How many reach use of force or armed attack, under the United States’ reading rather than the Tallinn experts’?',
    async answer(page, r, phone) {
      const [tallinnForce, tallinnArmed] = reaching('tallinn');
      const [force, armed] = reaching('united-states');
      assert.notEqual(armed, tallinnArmed, 'the readings differ on this data');
      const line = stats(page).locator('p', { hasText: /^Under the reading of/ });
      assert.match(await line.innerText(), new RegExp(`^Under the reading of Tallinn Manual experts: ${tallinnForce} reach(es)? use of force .*; ${tallinnArmed} reach(es)? armed attack`));
      await filtersOpen(r, page, phone);
      await r.choose(page.locator('select[name="reading"]'), 'united-states', 'Legal reading: United States');
      await r.scrollFor(line, statsSection(page), 'to the statistics');
      assert.match(await line.innerText(), new RegExp(`^Under the reading of United States: ${force} reach(es)? use of force .*; ${armed} reach(es)? armed attack`));
      await onScreen(page, line, 'the thresholds line');
    },
  },
  {
    id: 5,
    ask: 'When did the severe ones (level 5 and above) happen?',
    async answer(page, r, phone) {
      await filtersOpen(r, page, phone);
      await r.choose(page.locator('select[name="minSeverity"]'), '5', 'Severity from 5');
      const timeline = page.locator('#timeline');
      await r.scrollFor(timeline, timeline.locator('xpath=ancestor::figure[1]'), 'to the timeline');
      const severe = incidents.filter((x) => x.level !== null && x.level >= 5);
      const [first, last] = span(severe);
      const label = await timeline.getAttribute('aria-label');
      assert.match(label, new RegExp(`: ${severe.length} incidents by .*, ${first} to ${last}; `), label);
      await onScreen(page, timeline, 'the timeline');
    },
  },
  {
    id: 6,
    ask: 'What response did the Sony Pictures attack (2014) draw?',
    async answer(page, r, phone) {
      const sony = incidents.find((x) => /^Sony Pictures/.test(x.name));
      assert.equal(incidents.filter((x) => `${x.name} ${x.id}`.toLowerCase().includes('sony')).length, 1);
      if (phone) await filtersOpen(r, page, phone);
      await r.type(page.locator('input[name="search"]'), 'Sony', 'type “Sony” into Search names');
      if (phone) await showResults(r, page, phone);
      else await r.scrollTo(page.locator('#spectrum'), 'to the spectrum');
      const { x, y } = await markOf(page, sony.name, { search: 'Sony' });
      await r.tapAt(x, y, 'its mark');
      const card = page.locator('#spectrum').locator('xpath=ancestor::figure[1]').locator('.card');
      await card.waitFor({ state: 'visible' });
      await card.evaluate((c) => Promise.all(c.getAnimations().map((a) => a.finished))); // (a sheet slides in on a phone)
      assert.equal(await card.locator('h3').innerText(), sony.name);
      const drawn = responses.filter((x) => x.incidents.split(';').includes(sony.id) && x.tier !== 'none-known');
      const summary = card.locator('dt', { hasText: /^Responses$/ }).locator('xpath=following-sibling::dd[1]');
      const text = await summary.innerText();
      const [, n, by, kinds] = text.match(/^(\d+) known, by (.+): (.+); each is listed below\.$/) ?? [];
      assert.equal(Number(n), drawn.length, text);
      assert.equal(by.split(', ').length, new Set(drawn.map((x) => x.responder)).size, text);
      assert.equal(kinds.split(', ').length, new Set(drawn.map((x) => x.tier)).size, text);
      assert.equal(await card.locator('section.responses > ol > li').count(), drawn.length, 'each listed in the card');
      await onScreen(page, summary, 'the responses in the card');
    },
  },
  {
    id: 7,
    ask: 'How does North Korea compare with Russia, with and without the reference incidents?',
    async answer(page, r, phone) {
      const figures = (rows, code) => {
        const mine = rows.filter((x) => x.initiator === code);
        const levels = mine.map((x) => x.level).filter((l) => l !== null);
        return `${mine.length} incidents?, mean severity ${tenths(levels.reduce((a, b) => a + b, 0) / levels.length)}, median ${tenths(median(levels))}, maximum ${Math.max(...levels)}`;
      };
      const spectrum = page.locator('#spectrum');
      // The panels in their order, from the chart's summary; a panel's number and height.
      const said = async () => (await spectrum.getAttribute('aria-label')).match(/a panel each on one scale: (.*)\.$/)[1].split('; ');
      const place = async (name) => {
        const all = await said();
        const k = all.findIndex((p) => p.startsWith(`${name}, `));
        assert.ok(k >= 0, `${name} has a panel: ${all.join('; ')}`);
        return [k, (await spectrum.boundingBox()).height / all.length];
      };
      const panel = async (name, rows, code) => {
        const [k, h] = await place(name);
        assert.match((await said())[k], new RegExp(`^${name}, ${figures(rows, code)}$`));
        await onScreen(page, spectrum, `${name}’s panel`, { rows: [k * h, (k + 1) * h], min: 40 });
      };
      await r.choose(page.locator('select[name="compare"]'), 'initiator', 'Compare by initiator');
      await r.scrollTo(page.locator('.compare-pick'), 'to the comparison');
      await panel('North Korea', incidents, 'PRK');
      await panel('Russia', incidents, 'RUS');
      await r.tap(page.locator('.reference-toggle input'), 'leave out the reference incidents');
      const peninsula = incidents.filter((x) => x.scope === 'peninsula');
      assert.ok(peninsula.length < incidents.length);
      await page.waitForFunction(() => /scope=peninsula/.test(location.hash));
      // Russia, with few incidents left, may now have a lower panel: the reader scrolls to it.
      const [k, h] = await place('Russia');
      await r.scrollFor(spectrum, spectrum, 'to the panels', { rows: [k * h, (k + 1) * h], min: 40 });
      await panel('North Korea', peninsula, 'PRK');
      await panel('Russia', peninsula, 'RUS');
    },
  },
  {
    id: 8,
    ask: 'Did the operations cluster around missile or nuclear tests?',
    async answer(page, r) {
      const line = stats(page).locator('p', { hasText: /days of a context event/ });
      await r.scrollFor(line, statsSection(page), 'to the statistics');
      // Incidents dated to the day that began within 30 days of a context event (before its
      // date or after its end), against the share of the years' days so near one.
      const WINDOW = 30;
      const dated = incidents.filter((x) => /^\d{4}-\d\d-\d\d$/.test(x.start));
      const spans = context.map((e) => [day(e.date) - WINDOW, day(e.end || e.date) + WINDOW]);
      const near = dated.filter((x) => spans.some(([a, b]) => day(x.start) >= a && day(x.start) <= b)).length;
      const [first, last] = span(incidents);
      const inYears = context.filter((e) => Number((e.end || e.date).slice(0, 4)) >= first && Number(e.date.slice(0, 4)) <= last).length;
      const text = await line.innerText();
      assert.match(text, new RegExp(`^${near} of the ${dated.length} incidents dated to the day began within ${WINDOW} days of a context event .*; ${inYears} in ${first}–${last}\\): (more than|fewer than|about as many as) the [\\d.]+ expected`), text);
      await onScreen(page, line, 'the clustering line');
      // ... and the timeline's lane of those events, on.
      const timeline = page.locator('#timeline');
      await r.scrollTo(timeline.locator('xpath=ancestor::figure[1]'), 'to the timeline');
      assert.equal(await page.locator('.context-toggle input').isChecked(), true);
      await onScreen(page, timeline, 'the timeline with its context lane', { rows: [0, 120] });
    },
  },
];

// -- the runs --------------------------------------------------------------------------------

const counted = {};
const SHOTS = new Set([2, 3, 4, 6, 7, 8]);

for (const [size, options] of Object.entries(SIZES)) {
  for (const q of QUESTIONS) {
    test(`question ${q.id} at ${size}: ${q.ask}`, async () => {
      const phone = size === 'phone';
      const { page, problems, context: ctx } = await openExplorer('index.html', options);
      const r = reader(page, phone);
      try {
        await q.answer(page, r, phone);
        (counted[q.id] ??= { ask: q.ask })[size] = r.steps;
        if (SHOTS.has(q.id)) await shot(page, q.id, size);
        assert.ok(r.steps.length <= MAX_ACTIONS, `${r.steps.length} actions: ${r.steps.join(', ')}`);
        assert.deepEqual(problems, []);
      } finally {
        await ctx.close();
      }
    });
  }
}

after(() => {
  const cell = (steps) => (steps ? String(steps.length) : '-');
  console.log('# Actions per question (issue 21): desktop 1280x900, phone 390x844 touch');
  console.log('#  Q  desktop  phone  question');
  for (const q of QUESTIONS) {
    const c = counted[q.id] ?? {};
    console.log(`# ${String(q.id).padStart(2)}  ${cell(c.desktop).padStart(7)}  ${cell(c.phone).padStart(5)}  ${q.ask}`);
  }
  for (const q of QUESTIONS) {
    const c = counted[q.id] ?? {};
    for (const size of Object.keys(SIZES)) if (c[size]) console.log(`#  Q${q.id} ${size}: ${c[size].join(' → ') || '(none: on the first screen)'}`);
  }
});
