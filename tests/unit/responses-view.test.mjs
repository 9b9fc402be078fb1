// The responses and context words that stay in JavaScript, in Node: a publisher's context CSV split
// into cells and packed for Rust, the delays and sentences of the statistics panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvRows, packCsv } from '../../www/context-file.js';
import { delay, responsesText, clusteringText } from '../../www/responses-view.js';

test('a context CSV is split as RFC 4180 says and packed with the separators Rust reads', () => {
  const text = 'id,date,kind,name,description\r\n'
    + 'a,2017-09-03,nuclear-test,"Test, sixth","He said ""big"""\n\n'
    + 'b,2016-01-06,nuclear-test,Fourth,"two\nlines"';
  assert.deepEqual(csvRows(text), [
    ['id', 'date', 'kind', 'name', 'description'],
    ['a', '2017-09-03', 'nuclear-test', 'Test, sixth', 'He said "big"'],
    ['b', '2016-01-06', 'nuclear-test', 'Fourth', 'two\nlines'],
  ]);
  const packed = packCsv(`\uFEFF${text}`);
  assert.equal(packed.split('\u001e').length, 4, 'three rows and the end');
  assert.equal(packed.split('\u001e')[1].split('\u001f')[3], 'Test, sixth');
  assert.equal(packCsv('x\n"a\u001fb"\n'), 'x\u001ea b\u001e', 'a separator inside a cell becomes a space');
  assert.throws(() => csvRows('a,"open\n'), /never closed/);
});

test('delays read as a reader says them, and the statistics sentences add up', () => {
  assert.equal(delay(1), '1 day');
  assert.equal(delay(45), '45 days');
  assert.equal(delay(95), 'about 3 months');
  assert.equal(delay(1000), 'about 2.7 years');
  assert.equal(delay(null), null);
  const s = {
    total: 10,
    responses: { byKind: [], noneKnown: 4, attributed: 5, medianDaysToAttribution: 20, legal: 2, medianDaysToLegal: 400 },
  };
  assert.equal(responsesText(s), '6 of 10 incidents (60%) drew a known public response; for 4 (40%) none is known. '
    + '5 were publicly attributed by a state or the UN, the first time a median of 20 days after they began. '
    + '2 led to an indictment, forfeiture or sanctions, the first a median of about 13 months after.');
  assert.equal(responsesText({ total: 3, responses: null }), 'Responses are not in this data.');
  const c = { window: 30, dated: 40, near: 17, expected: 10.7, events: 44, firstYear: 2004, lastYear: 2025 };
  assert.match(clusteringText(c), /^17 of the 40 incidents dated to the day began within 30 days of a context event .*44 in 2004–2025\): more than the 10\.7 expected/);
  assert.match(clusteringText({ ...c, near: 11 }), /about as many as the 10\.7 expected/);
  assert.equal(clusteringText({ ...c, dated: 0 }), null);
});
