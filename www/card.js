// The incident card's content and the words every reader tool uses for an incident: its date as
// precise as it is known, who against whom, its level, where it sits against the thresholds, and
// a citation. Part of the on-demand interaction code (see interact.js). Data is only ever set as
// text, and only http(s) sources become links.
import { named, safeUrl, sourceList } from './stats-view.js';
import { delay } from './responses-view.js';

export { safeUrl };

export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

export function button(text, onClick, className) {
  const b = el('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2017-05-12" read as its precision says: 12 May 2017, May 2017 or 2017; an undated start says so. */
export function formatDate(iso, precision) {
  const [y, m, d] = String(iso ?? '').split('-');
  if (!y) return precision === 'unknown' ? 'date unknown' : '';
  if (precision === 'year' || !m) return y;
  const month = MONTHS[Number(m) - 1] ?? m;
  return precision === 'month' || !d ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

export const labelOf = (facets, kind, value) => facets[kind]?.find((c) => c.value === value)?.label ?? value ?? null;
export const plural = (n, word) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

export function severityText(r, facets) {
  if (r.severity === null || r.severity === undefined) return 'not coded';
  return `level ${named(r.severity, r.severityLabel ?? facets.levels?.[r.severity]?.label)}`;
}

const VERDICTS = {
  yes: (what) => `reaches ${what}`,
  no: (what) => `does not reach ${what}`,
  undecided: (what) => `may reach ${what}: the answer turns on physical effects, which are not coded`,
};
const verdict = (v, what) => (v ? VERDICTS[v](what) : `no ${what} threshold stated`);

/** Where an incident sits against the thresholds under the active reading (`a`, from
 * `Explorer.assess`), in words. */
export function thresholdText(r, facets, a) {
  if (!facets.scale?.readings) return `${facets.scale?.name ?? 'This scale'} has no use-of-force or armed-attack threshold.`;
  if (r.severity === null || r.severity === undefined || !a) return 'Not coded, so not placed against the thresholds.';
  return `Under the reading of ${a.readingName}: ${verdict(a.useOfForce, 'use of force')}; ${verdict(a.armedAttack, 'armed attack')}.`;
}

/** The collective-defence clauses an armed attack on its targets brings into play. */
export const treatyText = (a) => (a?.treaties.length ? `${a.treaties.map((t) => `${t.name}, ${t.clause} (${t.scope})`).join('; ')}. `
  + 'Whether to invoke a clause is a political decision of the parties, never automatic.' : null);

export const who = (r) => `${r.initiatorName} → ${r.targetNames.length ? r.targetNames.join(', ') : 'no target named'}`;

/** A short citation for one incident: id, dataset, coding, sources and where to see it. */
export function citation(r, facets, link, today = new Date(), a = null) {
  const data = facets.source === 'bundled' ? `cyber-spectrum dataset, version ${facets.version}` : `data read as ${facets.source}`;
  const sources = r.sources.length ? ` Sources: ${r.sources.join(' ; ')}.` : '';
  const reading = a ? ` ${thresholdText(r, facets, a)}` : '';
  return `“${r.name}” (${r.id}), ${formatDate(r.start, r.precision)}; ${who(r)}; coded ${severityText(r, facets)}.${reading} `
    + `In ${data}.${sources} ${link} (accessed ${today.toISOString().slice(0, 10)}).`;
}


/** The responses an incident drew (`Explorer.responsesOf`), in date order, each with who, what,
 * how long after the incident began, our one-line description and its sources. */
export function responseSection(list) {
  const box = el('section', 'responses');
  box.append(el('h4', null, 'Responses'));
  if (!list) {
    box.append(el('p', null, 'Responses are not in this data.'));
    return box;
  }
  const known = list.filter((x) => x.kind !== 'none-known');
  if (!known.length) {
    const asOf = list[0] ? ` as of ${formatDate(list[0].date)}` : '';
    box.append(el('p', null, list[0]?.description || `No public response by a government or the UN is known${asOf}.`));
    return box;
  }
  const ol = el('ol');
  for (const x of known) {
    const li = el('li');
    const when = x.daysAfter > 0 ? ` (${delay(x.daysAfter)} after it began)` : '';
    li.append(el('strong', null, `${formatDate(x.date)} · ${x.kindLabel}`), el('span', null, ` by ${x.responders.join(', ')}${when}`));
    if (x.description) li.append(el('p', null, x.description));
    if (x.sources.length) li.append(sourceList(x.sources));
    ol.append(li);
  }
  box.append(ol);
  return box;
}

/** The responses in a line near the top of the card (the list, with sources, is further down):
 * how many, by whom, of which kinds; null where the data records no responses. */
export function responsesSummary(list) {
  if (!list) return null;
  const known = list.filter((x) => x.kind !== 'none-known');
  if (!known.length) return 'none known (see below)';
  const distinct = (xs) => [...new Set(xs)];
  const kinds = distinct(known.map((x) => x.kindLabel.toLowerCase()));
  return `${known.length} known, by ${distinct(known.flatMap((x) => x.responders)).join(', ')}: ${kinds.join(', ')}; each is listed below.`;
}

/** The card of a context event (`Explorer.context()[k]`): what, when, our description, sources. */
export function eventContent(e, { titleId, close }) {
  const title = el('h3', null, e.name);
  title.id = titleId;
  title.tabIndex = -1;
  const dl = el('dl');
  const when = e.end ? `${formatDate(e.date)} to ${formatDate(e.end)}` : formatDate(e.date);
  for (const [term, value] of [['When', when], ['Kind', e.kindLabel], ['What happened', e.description]]) {
    if (value) dl.append(el('dt', null, term), el('dd', null, value));
  }
  const closeButton = button('×', close, 'close');
  closeButton.setAttribute('aria-label', 'Close the event card');
  const note = el('p', 'note', 'A context event, not a cyber incident: drawn on the timeline so a reader can see what happened around the incidents.');
  return { title, children: [closeButton, title, dl, ...(e.sources.length ? [el('h4', null, 'Sources'), sourceList(e.sources)] : []), note] };
}

/**
 * The card of incident record `r`: a close button, the title (`titleId`, focusable), every fact,
 * the sources and a button that copies the citation (`link` reproduces the view with the card open).
 */
export function cardContent(r, facets, { titleId, link, close, assessment, responses }) {
  const title = el('h3', null, r.name);
  title.id = titleId;
  title.tabIndex = -1;
  const dates = r.end ? `${formatDate(r.start, r.precision)} to ${formatDate(r.end)}` : formatDate(r.start, r.precision);
  const dl = el('dl');
  const row = (term, value) => {
    if (value !== null && value !== undefined && value !== '') dl.append(el('dt', null, term), el('dd', null, value));
  };
  row('Id', r.id);
  row('When', dates);
  row('Who → whom', who(r));
  row('Target type', labelOf(facets, 'targetTypes', r.targetType));
  row('Method', labelOf(facets, 'methods', r.method));
  row('Objective', labelOf(facets, 'objectives', r.objective));
  row('Severity', severityText(r, facets));
  row('Responses', responsesSummary(responses));
  row('Why this level', r.rationale);
  if (facets.scale?.readings) row('Physical effects', r.effects ? labelOf(facets, 'effects', r.effects) : 'not coded');
  row('Thresholds', thresholdText(r, facets, assessment));
  row('Collective defence', treatyText(assessment));
  row('Attributed by', r.attributedBy ? `${r.attributedBy}${r.attributionDate ? ` (${formatDate(r.attributionDate)})` : ''}` : null);
  row('Attribution', r.certainty ? labelOf(facets, 'attribution', r.certainty) : null);
  row('In the data as', r.scope === 'reference' ? 'a reference incident: outside Korea, chosen to anchor its level of the ladder' : null);
  row('What happened', r.description);
  const sources = sourceList(r.sources);
  const cite = el('p', 'cite');
  cite.hidden = true;
  const citeButton = button('Cite this incident', async () => {
    const text = citation(r, facets, link, new Date(), assessment);
    cite.textContent = text;
    cite.hidden = false;
    try {
      await navigator.clipboard.writeText(text);
      citeButton.textContent = 'Citation copied';
    } catch {
      citeButton.textContent = 'Citation (select and copy)';
    }
  });
  const closeButton = button('×', close, 'close');
  closeButton.setAttribute('aria-label', 'Close the incident card');
  const actions = el('div', 'actions');
  actions.append(citeButton);
  return {
    title,
    children: [closeButton, title, dl, responseSection(responses), ...(r.sources.length ? [el('h4', null, 'Sources'), sources] : []), actions, cite],
  };
}
