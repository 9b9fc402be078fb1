// What the statistics say about responses and context, in words: how many incidents drew each
// kind of response, how long the first attribution and the first legal measure took, and whether
// incidents cluster around the peninsula's context events more than chance would have them.
// Everything is text: data never becomes markup.

let built = null;
/** `{pct, num}`: the share and number formats of the statistics' words. The first number format a
 * page builds loads the browser's locale data (30-40 ms), so they are built on first use, or ahead
 * in a task of their own (the element and the page call this from a timer as they start), never
 * while the modules are evaluated. */
export function formats() {
  built ??= {
    pct: new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }),
    num: new Intl.NumberFormat('en', { maximumFractionDigits: 1 }),
  };
  return built;
}

/** "45 days", "about 11 months", "about 2.3 years": a median delay as a reader says it. */
export function delay(days) {
  if (days === null || days === undefined) return null;
  if (days < 61) return `${formats().num.format(days)} day${days === 1 ? '' : 's'}`;
  if (days < 730) return `about ${Math.round(days / 30.44)} months`;
  return `about ${formats().num.format(days / 365.25)} years`;
}

/** The responses a selection drew, in a sentence or two; null when the data carries none. */
export function responsesText(s) {
  const r = s.responses;
  if (!r) return 'Responses are not in this data.';
  if (!s.total) return null;
  const answered = s.total - r.noneKnown;
  const parts = [`${answered} of ${s.total} incident${s.total === 1 ? '' : 's'} (${formats().pct.format(answered / s.total)}) drew a known public response; `
    + `for ${r.noneKnown} (${formats().pct.format(r.noneKnown / s.total)}) none is known.`];
  if (r.attributed) {
    parts.push(`${r.attributed} ${r.attributed === 1 ? 'was' : 'were'} publicly attributed by a state or the UN, the first time a median of ${delay(r.medianDaysToAttribution)} after ${r.attributed === 1 ? 'it' : 'they'} began.`);
  }
  if (r.legal) {
    parts.push(`${r.legal} led to an indictment, forfeiture or sanctions, the first a median of ${delay(r.medianDaysToLegal)} after.`);
  }
  return parts.join(' ');
}

/** Whether incidents started near context events more often than chance; null without context. */
export function clusteringText(c) {
  if (!c || !c.dated) return null;
  const span = c.firstYear === c.lastYear ? `${c.firstYear}` : `${c.firstYear}–${c.lastYear}`;
  const expected = formats().num.format(c.expected);
  const verdict = c.near > c.expected * 1.25 ? 'more than' : c.near < c.expected * 0.8 ? 'fewer than' : 'about as many as';
  return `${c.near} of the ${c.dated} incidents dated to the day began within ${c.window} days of a context event `
    + `(a nuclear or missile test, a clash, a crisis or talks; ${c.events} in ${span}): ${verdict} the ${expected} `
    + 'expected if the same incidents were spread evenly over those years.';
}

/** Rows for a "Responses drawn" list: each kind with how many incidents drew it, most first. */
export const kindRows = (s) => (s.responses ? s.responses.byKind.map((k) => ({ ...k, share: k.count / Math.max(1, s.total) }))
  .sort((a, b) => b.count - a.count) : []);

/** The summary a screen reader hears for the responses chart (added to `describe`). */
export function describeResponses(s) {
  const r = s.responses;
  if (!r) return 'responses are not in this data';
  const top = [...r.byKind].sort((a, b) => b.count - a.count).slice(0, 3).map((k) => `${k.label.toLowerCase()} ${k.count}`);
  return `no response known for ${r.noneKnown}${top.length ? `; the most common responses: ${top.join(', ')}` : ''}`;
}
