// The iframe embed (embed.html): one <cyber-spectrum> set from the frame's query and hash (the hash
// wins), its state written back into the hash as the reader changes it, and the content height
// posted to the parent page, which embed-host.js uses to size the frame with no inner scrollbar.
import { FILTER_ATTRIBUTES, SETTINGS } from './cyber-spectrum.js';
import { toQuery, fromQuery } from './share.js';

const element = document.querySelector('cyber-spectrum');
const NAMES = [...SETTINGS, ...FILTER_ATTRIBUTES];

function fromLocation() {
  const given = { ...fromQuery(location.search), ...fromQuery(location.hash) };
  const unknown = Object.keys(given).filter((k) => !NAMES.includes(k));
  if (unknown.length) console.error(`embed.html: unknown parameter ${unknown.join(', ')} (known: ${NAMES.join(', ')})`);
  for (const name of NAMES) {
    if (given[name] !== undefined) element.setAttribute(name, given[name]);
    else element.removeAttribute(name);
  }
}

fromLocation();
addEventListener('hashchange', fromLocation);
element.addEventListener('change', () => {
  const params = NAMES.map((n) => [n, element.getAttribute(n)]).filter(([, v]) => v !== null && v !== '');
  const hash = `#${toQuery(params)}`;
  if (hash !== location.hash) history.replaceState(null, '', hash);
});

// The height goes only to this frame's parent; embed-host.js matches it to the <iframe> it came
// from by the message's source window.
if (parent !== window) {
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      parent.postMessage({ type: 'cyber-spectrum:height', height }, '*');
    }
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}

// Sandboxed without allow-same-origin (this frame's origin is then opaque), a download or a source
// opening in a new tab needs tokens of the sandbox that the frame cannot see. embed-host.js, when
// the article has it, sends them; the first time a reader asks for either and a token is missing
// (or unknown), the chart says which ones the iframe needs.
const NEEDED = ['allow-downloads', 'allow-popups', 'allow-popups-to-escape-sandbox'];
const SANDBOX_NOTE = 'This chart’s frame is sandboxed. Saving a file needs allow-downloads in the iframe’s sandbox, and opening a source '
  + 'in a new tab needs allow-popups and allow-popups-to-escape-sandbox: sandbox="allow-scripts allow-downloads allow-popups allow-popups-to-escape-sandbox".';
if (self.origin === 'null' && parent !== window) {
  let tokens = null;
  addEventListener('message', ({ source, data }) => {
    if (source === parent && data?.type === 'cyber-spectrum:sandbox' && Array.isArray(data.tokens)) tokens = data.tokens.map(String);
  });
  addEventListener('click', (event) => {
    const link = event.composedPath().find((n) => n instanceof HTMLAnchorElement);
    if (!link || !(link.hasAttribute('download') || link.target === '_blank')) return;
    if (tokens && NEEDED.every((t) => tokens.includes(t))) return;
    element.note('sandbox', SANDBOX_NOTE);
  }, true);
}
