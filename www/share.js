// The reader's current view as a link and as embed code, with buttons that copy them. The state is
// a list of [name, value] parameters in the names `<cyber-spectrum>` attributes use, so a link's
// hash, an element's attributes and the render command's options all read the same way.

/** This code's version: the crate's (`Cargo.toml`) and the package's (`make package`); a unit test
 * keeps them equal. The element shows it (`el.version`), and copied code served from an npm CDN
 * pins it. */
export const VERSION = '0.1.0';

/**
 * The folder these files were served from, as copied code should name it: on an npm CDN
 * (`https://cdn.jsdelivr.net/npm/cyber-spectrum@0/`, `https://unpkg.com/cyber-spectrum/`) the
 * package's path segment pinned to this exact version, so a pasted chart does not change when a
 * new version comes out; any other address as it is.
 */
export function pinnedBase(href, version = VERSION) {
  const url = new URL('.', href);
  const parts = url.pathname.split('/');
  const i = parts.findIndex((p, k) => /^cyber-spectrum@[^/]*$/.test(p)
    || (p === 'cyber-spectrum' && (parts[k - 1] === 'npm' || (k === 1 && /(^|\.)unpkg\.com$/.test(url.hostname)))));
  if (i < 0) return url;
  parts[i] = `cyber-spectrum@${version}`;
  url.pathname = parts.join('/');
  return url;
}

const HERE = pinnedBase(import.meta.url);

/** `[[name, value], ...]` as a URL hash or query (`view=timeline&initiators=PRK`). */
export function toQuery(params) {
  return new URLSearchParams(params).toString();
}

/** The parameters of a hash or query string, as `{name: value}`. */
export function fromQuery(text) {
  return Object.fromEntries(new URLSearchParams(text.replace(/^[#?]/, '')));
}

const escapeAttr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The explorer page showing this state (data given by URL stays in the query). */
function pageLink(params, dataUrl) {
  const url = new URL('index.html', HERE);
  if (dataUrl) url.search = toQuery([['data', dataUrl]]);
  url.hash = toQuery(params);
  return url.href;
}

/** The `<script>` and `<cyber-spectrum>` tags that show this state in an article. */
function tagCode(params) {
  const attrs = params.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  return `<script type="module" src="${new URL('cyber-spectrum.js', HERE).href}"></script>\n<cyber-spectrum${attrs}></cyber-spectrum>`;
}

/** An `<iframe>` for sites that strip scripts, and the optional script that fits its height. */
function iframeCode(params) {
  const src = new URL('embed.html', HERE);
  src.hash = toQuery(params);
  return `<iframe src="${escapeAttr(src.href)}" title="cyber-spectrum: state cyber incidents on the escalation ladder" `
    + `width="100%" height="620" frameborder="0" loading="lazy"></iframe>\n<script src="${new URL('embed-host.js', HERE).href}" async></script>`;
}

/** Parameters that say which data an embed shows; a link to the explorer page carries `src` as
 * its `?data=` instead, and the page shows the version it has. */
const DATA_PARAMS = ['src', 'format', 'dataset-version'];

/** The bundled dataset's version as embed code pins it (`0.3.0`), or null for other data. */
export function pinnedVersion(facets) {
  return facets.source === 'bundled' ? facets.version.split(' ')[0] : null;
}

/**
 * The parameters that reproduce a chart, in the order links and embed code write them: the view,
 * the data (`src`, `format`, the bundled dataset's pinned version), the filter's parameters and the
 * open incident card. Absent parts are left out, and the context lane only when it is off.
 */
export function stateParams({ view, src, format, facets, filterParams, incident, context = true, compare = '' }) {
  const version = facets && pinnedVersion(facets);
  return [['view', view], ...(compare ? [['compare', compare]] : []), ...(context ? [] : [['context', 'off']]), ...(src ? [['src', src]] : []), ...(format ? [['format', format]] : []),
    ...(version ? [['dataset-version', version]] : []), ...filterParams, ...(incident ? [['incident', incident]] : [])];
}

/** The link, the tag code and the iframe code for an embed's parameters (view, data, filters). */
export function shareTexts(params) {
  const src = params.find(([k]) => k === 'src')?.[1] ?? null;
  return { link: pageLink(params.filter(([k]) => !DATA_PARAMS.includes(k)), src), tag: tagCode(params), iframe: iframeCode(params) };
}

async function copy(text, fallbackBox) {
  try {
    await navigator.clipboard.writeText(text);
    fallbackBox.hidden = true;
    return true;
  } catch {
    // No clipboard (permission refused, insecure page): show the text selected for the reader.
    fallbackBox.hidden = false;
    fallbackBox.value = text;
    fallbackBox.focus();
    fallbackBox.select();
    return false;
  }
}

/**
 * A row of buttons copying the link, tag code or iframe code for the parameters `current()`
 * returns (see `shareTexts`), with a status line that says what was copied. Returns the element.
 */
export function shareButtons(current) {
  const box = document.createElement('div');
  box.className = 'share';
  const status = document.createElement('span');
  status.className = 'share-status';
  status.setAttribute('role', 'status');
  const fallback = document.createElement('textarea');
  fallback.className = 'share-text';
  fallback.readOnly = true;
  fallback.rows = 3;
  fallback.hidden = true;
  fallback.setAttribute('aria-label', 'Text to copy');
  const button = (label, key, said) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.copy = key;
    b.addEventListener('click', async () => {
      const text = shareTexts(current())[key];
      box.dataset.copied = text;
      status.textContent = (await copy(text, fallback)) ? `${said} copied.` : `Copy the ${said.toLowerCase()} below.`;
    });
    return b;
  };
  box.append(button('Copy link', 'link', 'Link'), button('Copy embed code', 'tag', 'Embed code'),
    button('Copy iframe code', 'iframe', 'Iframe code'), status, fallback);
  return box;
}
