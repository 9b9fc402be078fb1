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
