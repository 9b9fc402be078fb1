// The active legal reading, said in full on the explorer page: who holds it and where, its two
// rules on the ladder, what it rests on, how we placed it (our judgement), its sources, and the
// response tiers it makes lawful in each region. Every word comes from the data (facets.readings,
// facets.tiers); everything is set as text, and only http(s) sources become links.
import { sourceList } from './stats-view.js';

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (className) e.className = className;
  return e;
}

const THRESHOLD = { 'use-of-force': 'use of force', 'armed-attack': 'armed attack' };

/** The rules of a reading in one sentence. */
export function rulesText(r) {
  const rule = (t) => t?.rule ?? 'no threshold stated that we could source';
  const gap = r.noGap ? ' No gap between the two: whatever is a use of force is also an armed attack.' : '';
  const contested = r.contested ? ` Contested: levels ${r.contested.from}–${r.contested.to} as ${THRESHOLD[r.contested.threshold]}.` : '';
  return `Use of force: ${rule(r.useOfForce)}. Armed attack: ${rule(r.armedAttack)}.${gap}${contested}`;
}

/** Fills `root` with the reading `r` (a row of facets.readings; null where none applies) and,
 * once they are loaded, `words` (readingWords() in core.js; null until then). */
export function renderReading(root, r, facets, words) {
  if (!r) {
    root.replaceChildren(el('p', `The legal readings place thresholds on the 0–10 ladder; this data is on ${facets.scale.name}, so none applies.`));
    return;
  }
  const w = words?.readings[r.id];
  const dated = w && !w.document.includes(w.date) ? ` (${w.date})` : '';
  const who = el('p', w ? `${r.name}: ${w.who}. ${w.document}${dated}.` : r.name, 'who');
  const about = el('details', undefined, 'about');
  about.append(el('summary', 'What it rests on, how we placed it on the ladder, its sources'));
  if (w) {
    about.append(el('p', w.basis), el('p', w.mapping, 'mapping'), el('h3', 'Sources'), sourceList(w.sources));
  } else about.append(el('p', words === null ? 'Loading…' : 'Its sources could not be loaded.', 'muted'));
  const tiers = el('details', undefined, 'tiers');
  tiers.append(el('summary', 'Lawful responses in each region of the ladder'));
  const dl = el('dl');
  for (const span of r.regions) {
    const levels = span.from === span.to ? `level ${span.from}` : `levels ${span.from}–${span.to}`;
    dl.append(el('dt', `${span.label} (${levels})`));
    for (const t of facets.tiers.filter((x) => x.region === span.region)) {
      const definition = words?.tiers[t.id]?.definition;
      dl.append(el('dd', definition ? `${t.name}: ${definition}` : t.name));
    }
  }
  if (!r.regions.length) dl.append(el('dd', 'This reading states neither threshold, so no response tier can be placed.'));
  tiers.append(dl);
  // Kept open across updates, as the reader left them.
  for (const [d, old] of [[about, root.querySelector('details.about')], [tiers, root.querySelector('details.tiers')]]) d.open = !!old?.open;
  root.replaceChildren(who, el('p', rulesText(r), 'rules'), about, tiers);
}
