// Renders a stats object as text. Everything goes through textContent: data never becomes markup.
import { responsesText, clusteringText, kindRows, describeResponses, formats } from './responses-view.js';


function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function topList(title, rows, format, limit = 5) {
  const box = el('div');
  box.append(el('h3', title));
  if (rows.length === 0) {
    box.append(el('p', 'none'));
    return box;
  }
  const ol = el('ol');
  const show = (n) => ol.replaceChildren(...rows.slice(0, n).map((r) => el('li', format(r))));
  show(limit);
  box.append(ol);
  if (rows.length > limit) {
    // "and N more" opens the whole list in place (up to a few hundred), and closes it again.
    const all = Math.min(rows.length, 500);
    const more = el('button', `and ${rows.length - limit} more`, 'more link');
    more.type = 'button';
    more.setAttribute('aria-expanded', 'false');
    more.addEventListener('click', () => {
      const open = more.getAttribute('aria-expanded') !== 'true';
      show(open ? all : limit);
      more.setAttribute('aria-expanded', String(open));
      more.textContent = open ? 'show fewer' : `and ${rows.length - limit} more`;
    });
    box.append(more);
  }
  return box;
}

const reach = (n, rule, what) => (rule === null ? `it states no ${what} threshold`
  : `${n} reach${n === 1 ? 'es' : ''} ${what} (${rule})`);

/** How many incidents reach each threshold under the active reading, and how many are undecided. */
export function thresholdsText(s) {
  if (s.reading === null) return 'The legal readings of use of force and armed attack apply to the 0-10 ladder only, not to this scale.';
  const undecided = Math.max(s.undecidedUseOfForce ?? 0, s.undecidedArmedAttack ?? 0);
  return `Under the reading of ${s.readingName}: ${reach(s.atOrAboveUseOfForce, s.useOfForceRule, 'use of force')}; `
    + `${reach(s.atOrAboveArmedAttack, s.armedAttackRule, 'armed attack')}.`
    + (undecided ? ` ${undecided} undecided: the answer turns on physical effects that are not coded.` : '');
}

/** Only http(s) addresses become links: never javascript:, data: or anything else. */
export function safeUrl(text) {
  try {
    const u = new URL(String(text).trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A list of sources: each http(s) address a link opening in a new tab, anything else as text. */
export function sourceList(sources) {
  const list = el('ul', undefined, 'sources');
  for (const s of sources) {
    const url = safeUrl(s);
    const li = el('li');
    if (url) {
      const a = el('a', url.replace(/^https?:\/\/(www\.)?/, ''));
      a.href = url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      li.append(a);
    } else li.textContent = s;
    list.append(li);
  }
  return list;
}

/** The row of `facets.readings` the statistics follow, or null where no reading applies. */
export const activeReading = (facets, s) => facets.readings?.find((r) => r.id === s?.reading) ?? null;

/** A level and its name: `6 (destruction)`, or `6` where levels are unnamed. */
export function named(level, label) {
  return label && label !== String(level) ? `${level} (${label})` : `${level}`;
}

/**
 * The selection as a share of the whole it belongs to, or null when nothing narrows it: "That is 22
 * of North Korea’s 107 incidents (21%)." when one initiator is chosen and more narrows it, else
 * "That is 22 of the 130 incidents in the data (17%)."
 */
export function shareOfWhole(s, facets, filter = {}) {
  const narrowed = Object.keys(filter).filter((k) => k !== 'reading');
  if (!narrowed.length || !facets?.total) return null;
  const n = (k) => k.toLocaleString('en');
  const one = filter.initiators?.length === 1 ? facets.initiators?.find((c) => c.value === filter.initiators[0]) : null;
  if (one && narrowed.length === 1) return null; // all of that state's incidents: the headline says it
  const [whole, of] = one ? [one.count, `${one.label}’s ${n(one.count)} incident${one.count === 1 ? '' : 's'}`]
    : [facets.total, `the ${n(facets.total)} incidents in the data`];
  return `That is ${n(s.total)} of ${of} (${formats().pct.format(s.total / whole)}).`;
}

/**
 * ", 2014 to 2023" for a headline, with how many incidents are undated: the years they span say
 * nothing of those.
 */
export function yearsText(s) {
  const span = s.firstYear === null ? '' : s.firstYear === s.lastYear ? `, ${s.firstYear}` : `, ${s.firstYear} to ${s.lastYear}`;
  if (!s.undated) return span;
  return s.undated === s.total ? ', none dated' : `${span} (${s.undated} undated)`;
}

/** Fills `root` with the statistics of the current selection (`facets` names levels and wholes). */
export function renderStats(root, s, facets, filter = {}) {
  const levels = facets.levels;
  const years = yearsText(s);
  const headline = el('p', `${s.total} incident${s.total === 1 ? '' : 's'}${years}`, 'headline');
  const share = shareOfWhole(s, facets, filter);
  const sev = el('p');
  if (s.maxSeverity === null) {
    sev.textContent = s.total ? 'No incident in this selection is coded on the ladder.' : 'No incidents match these filters.';
  } else {
    sev.textContent = `Severity: mean ${formats().num.format(s.meanSeverity)}, median ${formats().num.format(s.medianSeverity)}, `
      + `maximum ${named(s.maxSeverity, levels[s.maxSeverity]?.label)}`
      // The extremes named, as the charts' summaries name them (issue 21 item 6).
      + (s.mostSevere?.length ? `: ${namesList(s.mostSevere, s.mostSevereCount)}.` : '.');
  }
  const thresholds = el('p', thresholdsText(s) + (s.notCoded ? ` ${s.notCoded} not coded.` : '')
    + (s.undated ? ` ${s.undated} undated: counted here, not on the timeline.` : ''));
  const responses = [responsesText(s), clusteringText(s.clustering)].filter(Boolean).map((t) => el('p', t));
  const grid = el('div', undefined, 'grid');
  // Each state with its count, its share and how severe its incidents are, so states compare by
  // more than their counts.
  const state = (r) => `${r.name}: ${r.count} (${formats().pct.format(r.share)})`
    + (r.maxSeverity === null ? '' : ` · mean ${formats().num.format(r.meanSeverity)}, max ${r.maxSeverity}`);
  grid.append(
    topList('Top initiators', s.byInitiator, state),
    // A chosen target is not listed as a share of itself: the list then says what else those
    // incidents hit.
    filter.targets?.length
      ? topList('Also targeted', s.byTarget.filter((r) => !filter.targets.includes(r.code)), state)
      : topList('Top targets', s.byTarget, state),
    topList('Top dyads', s.dyads, (r) => `${r.initiatorName} → ${r.targetName}: ${r.count}`),
  );
  if (s.responses) grid.append(topList('Responses drawn', kindRows(s), (r) => `${r.label}: ${r.count} (${formats().pct.format(r.share)})`));
  root.replaceChildren(headline, ...(share ? [el('p', share, 'share')] : []), sev, thresholds, ...responses, grid);
}

/** The narrowest run of levels holding at least half of the coded incidents, as text. */
/** Names in a sentence ("A, B and C"); past those named, how many more there are. */
function namesList(names, count) {
  const more = count - names.length;
  if (more > 0) return `${names.join(', ')} and ${more} more`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
}

function bulk(counts) {
  const coded = counts.reduce((a, b) => a + b, 0);
  let best = null;
  for (let lo = 0; lo < counts.length; lo += 1) {
    let sum = 0;
    for (let hi = lo; hi < counts.length; hi += 1) {
      sum += counts[hi];
      if (2 * sum >= coded) {
        if (!best || hi - lo < best[1] - best[0]) best = [lo, hi];
        break;
      }
    }
  }
  return best[0] === best[1] ? `most at level ${best[0]}` : `most at levels ${best[0]} to ${best[1]}`;
}

/**
 * What a sighted reader sees in a chart, as text (the canvas's accessible name, updated with the
 * filters): how many, by whom, when, where most sit, against the thresholds, the most severe.
 * `view` is a row of VIEWS (schema.js).
 */
export function describe(s, view, counted = false) {
  const title = view.title;
  if (s.total === 0) return `${title}: no incidents match the current filters.`;
  const states = s.byInitiator;
  const by = states.length === 1 ? `by ${states[0].name}`
    : `by ${states.slice(0, 2).map((r) => `${r.name} (${r.count})`).join(', ')}${states.length > 2 ? ` and ${states.length - 2} more` : ''}`;
  const when = s.firstYear === null ? 'none dated' : s.firstYear === s.lastYear ? `in ${s.firstYear}` : `${s.firstYear} to ${s.lastYear}`;
  const parts = [`${title}${counted ? ' (counts: too many incidents for a mark each)' : ''}: ${s.total} incident${s.total === 1 ? '' : 's'} ${by}, ${when}`];
  if (view.busiest && s.byYear.length > 1) {
    const peak = s.byYear.reduce((a, b) => (b.count > a.count ? b : a));
    parts.push(`the busiest year ${peak.year} with ${peak.count}`);
  }
  if (s.maxSeverity !== null) {
    parts.push(bulk(s.severityCounts));
    if (s.reading !== null) {
      const n = (v) => (v === null ? 'no threshold stated' : v);
      parts.push(`under the reading of ${s.readingName}, use of force: ${n(s.atOrAboveUseOfForce)}, armed attack: ${n(s.atOrAboveArmedAttack)}`);
    }
    parts.push(`most severe (level ${s.maxSeverity}): ${namesList(s.mostSevere, s.mostSevereCount)}`);
  }
  if (view.name === 'responses') parts.push(describeResponses(s));
  if (s.notCoded) parts.push(`${s.notCoded} not coded`);
  if (s.undated) parts.push(`${s.undated} undated${view.name === 'timeline' ? ', not on this chart' : ''}`);
  return `${parts.join('; ')}.`;
}

/**
 * The caption under a chart: what a mark is (or, `counted`, what the counts are), and which
 * thresholds are drawn. The sentences are the view's (VIEWS in schema.js), filled in with the
 * scale's name and top and the active reading (a row of `facets.readings`, or none off the ladder).
 */
export function chartNote(view, scale, reading, counted = false) {
  const k = reading ? 0 : 1;
  const first = counted ? `Too many incidents for a mark each: ${view.counted}` : view.marks[k];
  const words = {
    ...scale,
    reading: reading?.name,
    useOfForce: reading?.useOfForce?.short ?? 'none stated',
    armedAttack: reading?.armedAttack?.short ?? 'none stated',
  };
  return `${first}; ${view.rest[k]}`.replace(/\{(\w+)\}/g, (_, key) => words[key]);
}

/** One line for an embed: how many, when, how severe at most, how near the thresholds. */
export function headline(s, levels, locale) {
  let n;
  try {
    n = new Intl.NumberFormat(locale || undefined);
  } catch {
    n = new Intl.NumberFormat(); // a malformed tag never stops the headline
  }
  const years = yearsText(s);
  const parts = [`${n.format(s.total)} incident${s.total === 1 ? '' : 's'}${years}`];
  if (s.maxSeverity !== null) {
    parts.push(`most severe: level ${named(s.maxSeverity, levels[s.maxSeverity]?.label)}`);
  }
  if (s.reading !== null && s.total) {
    const force = s.atOrAboveUseOfForce;
    parts.push(force === null ? `${s.readingName}: no use-of-force threshold stated`
      : `${force === 0 ? 'none' : n.format(force)} at or above use of force (${s.readingName})`);
  }
  return parts.join(' · ');
}
