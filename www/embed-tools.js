// What the <cyber-spectrum> element's presentational attributes ask for, read and checked (each
// reader returns a value, or an `error` naming the attribute and what it takes), and the toolbar
// the `controls` attribute builds: view buttons and a folded filter panel.
import { VIEWS } from './schema.js';
import { filterForm, buildControls, CONTROL_NAMES } from './controls.js';

export const THEMES = ['light', 'dark', 'auto'];
const EXTRA_CONTROLS = ['view', 'share'];
const ALL_CONTROLS = [...CONTROL_NAMES, ...EXTRA_CONTROLS];

/** `controls="…"`: the controls named (`all`, empty or absent: every one; `none`: none). */
export function readControls(value) {
  const raw = (value ?? 'all').trim().toLowerCase();
  const names = raw === 'all' || raw === '' ? ALL_CONTROLS : raw === 'none' ? [] : raw.split(/[\s,]+/);
  const unknown = names.filter((n) => !ALL_CONTROLS.includes(n));
  return {
    names,
    error: unknown.length ? `Attribute controls="${raw}": unknown control ${unknown.map((u) => `“${u}”`).join(', ')} `
      + `(use all, none, or any of: ${ALL_CONTROLS.join(', ')}).` : null,
  };
}

/** `timeout="…"`: the seconds a download may stall (undefined: the loader's default). */
export function readTimeout(value) {
  if (value === null || value.trim() === '') return { seconds: undefined, error: null };
  const seconds = Number(value.trim().replace(/s$/, ''));
  return seconds >= 1 && seconds <= 600 ? { seconds, error: null }
    : { error: `Attribute timeout="${value}": expected the seconds a download may stall before it is given up, 1 to 600.` };
}

/** `height="…"`: the chart's height in whole CSS pixels (null: the stylesheet's). */
export function readHeight(value) {
  if (value === null || value.trim() === '') return { px: null, error: null };
  const px = Number(value.trim().replace(/px$/, ''));
  return Number.isFinite(px) && px >= 200 && px <= 2000 ? { px: Math.round(px), error: null }
    : { px: null, error: `Attribute height="${value}": expected the chart's height in CSS pixels, 200 to 2000.` };
}

/** `lang="…"`: a BCP 47 language tag for number formatting and screen readers, canonical (`en-US`
 * for `en-us`); a malformed one (the common `en_US`) is named and the page's language applies. */
export function readLang(value) {
  if (value === null || value.trim() === '') return { lang: null, error: null };
  try {
    return { lang: Intl.getCanonicalLocales(value.trim())[0], error: null };
  } catch {
    return { lang: null, error: `Attribute lang="${value}" is not a language tag (such as en-US or ko); numbers follow the page's language.` };
  }
}

/** `theme="…"`: an error unless it is one of THEMES (the colours are the stylesheet's). */
export function themeError(value) {
  const theme = (value || 'light').trim().toLowerCase();
  return THEMES.includes(theme) ? null : `Attribute theme="${theme}" is not one of: ${THEMES.join(', ')}.`;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The toolbar for the control `names`: a group of view buttons (`onView(name)` on a click) and
 * the filter form for `facets` showing `filter` (`onFilter(controls)` on each input), folded
 * unless `open`. Returns `{parts, viewButtons, controls}` (null where not asked for).
 */
export function toolbar(names, { facets, filter, open, onView, onFilter }) {
  const parts = [];
  let viewButtons = null;
  if (names.includes('view')) {
    const group = el('div', 'views');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', 'Chart');
    viewButtons = VIEWS.map((v) => {
      const b = el('button', undefined, v.button);
      b.type = 'button';
      b.dataset.view = v.name;
      b.addEventListener('click', () => onView(v.name));
      return b;
    });
    group.append(...viewButtons);
    parts.push(group);
  }
  const filterNames = names.filter((n) => CONTROL_NAMES.includes(n));
  let controls = null;
  if (filterNames.length) {
    const form = filterForm(filterNames);
    controls = buildControls(form, facets);
    controls.write(filter);
    form.addEventListener('input', () => onFilter(controls));
    form.addEventListener('submit', (e) => e.preventDefault());
    // Folded away in a narrow embed (a phone), where the controls would fill the screen.
    const panel = el('details', 'panel');
    panel.open = open;
    panel.append(el('summary', undefined, 'Filters'), form);
    parts.push(panel);
  }
  return { parts, viewButtons, controls };
}
