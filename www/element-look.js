// A <cyber-spectrum> element's look and tools, from its presentational attributes: the theme,
// height and language; the toolbar `controls` asks for, with its share buttons; and the line under
// the chart naming the data and its version. Each bad attribute is a note inside the element.
import { closeDropdownsOnOutsideClick } from './controls.js';
import { readControls, readHeight, readLang, themeError, toolbar } from './embed-tools.js';
import { shareButtons, pinnedVersion, VERSION } from './share.js';

/** The line under the chart naming the data, with a note when the version the chart was set up
 * with (`dataset-version`) is not the one shown. */
export function checkVersion(el) {
  if (!el.facets) return;
  el.source.textContent = el.facets.source === 'bundled'
    ? `cyber-spectrum ${VERSION}, dataset ${el.facets.version}` : `Data: ${el.getAttribute('src')} (${el.facets.source}); cyber-spectrum ${VERSION}`;
  const pinned = el.getAttribute('dataset-version');
  const have = pinnedVersion(el.facets);
  const malformed = pinned && !/^\s*\d+(\.\d+){1,2}\s*$/.test(pinned);
  el.note('dataset-version', malformed ? `Attribute dataset-version="${pinned}" is not a version such as ${have ?? '1.2.0'}.` : null);
  if (pinned && !malformed && have && pinned.trim() !== have) {
    el.source.textContent += ` (this chart was set up with dataset ${pinned.trim()}; the figures may have changed since)`;
  }
}

/** The toolbar `controls` names (view buttons, filters, share buttons), built anew for the data. */
export function buildTools(el) {
  if (!el.facets) return;
  const { names, error } = readControls(el.getAttribute('controls'));
  el.note('controls', error);
  const tools = toolbar(names, {
    facets: el.facets,
    filter: el.state.filter,
    // Open only where there is room beside an article's text: in a column (680 px, say) the
    // filters start folded to one line and the chart leads.
    open: el.clientWidth > 900,
    onView: (view) => el.apply({ view }, 'controls'),
    onFilter: (controls) => el.apply({ filter: controls.read(el.state.filter) }, 'controls'),
  });
  el.viewButtons = tools.viewButtons;
  el.controls = tools.controls;
  el.tools.replaceChildren(...tools.parts);
  el.tools.hidden = tools.parts.length === 0;
  if (!el.outsideClicks) {
    el.outsideClicks = true;
    closeDropdownsOnOutsideClick(el.shadowRoot);
  }
  const share = names.includes('share') ? shareButtons(() => el.params()) : null;
  el.foot.replaceChildren(el.source, ...(share ? [share] : []));
  el.syncViewButtons();
}

/** The theme, height and language the attributes ask for, each checked. */
export function applyLook(el) {
  // The colours themselves are the stylesheet's (:host([theme=...])); the page may override
  // any custom property on the element.
  el.note('theme', themeError(el.getAttribute('theme')));
  const { px, error } = readHeight(el.getAttribute('height'));
  el.note('height', error);
  if (px) el.canvas.style.height = `${px}px`; else el.canvas.style.removeProperty('height');
  const { lang, error: langError } = readLang(el.getAttribute('lang'));
  el.note('lang', langError);
  el.locale = lang;
  if (lang) el.box.lang = lang; else el.box.removeAttribute('lang');
  el.redraw();
}
