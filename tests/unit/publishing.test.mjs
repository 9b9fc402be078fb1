// What publishing depends on, tested in Node without a browser: the code version (the crate's), the
// folder copied code names (pinned on an npm CDN), and the WordPress plugin and Hugo shortcode taking
// exactly the element's attributes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { pinnedBase, VERSION } from '../../www/share.js';

test('the code version is the crate\'s', async () => {
  const cargo = await readFile(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.equal(VERSION, cargo.match(/^version = "([^"]+)"/m)[1]);
});

test('copied code served from an npm CDN pins the exact version; other hosts are kept as they are', () => {
  const pin = (href) => pinnedBase(href, '1.2.3').href;
  assert.equal(pin('https://cdn.jsdelivr.net/npm/cyber-spectrum@1/cyber-spectrum.js'), 'https://cdn.jsdelivr.net/npm/cyber-spectrum@1.2.3/');
  assert.equal(pin('https://cdn.jsdelivr.net/npm/cyber-spectrum/cyber-spectrum.js'), 'https://cdn.jsdelivr.net/npm/cyber-spectrum@1.2.3/');
  assert.equal(pin('https://cdn.jsdelivr.net/npm/cyber-spectrum@latest/pkg/x.js'), 'https://cdn.jsdelivr.net/npm/cyber-spectrum@1.2.3/pkg/');
  assert.equal(pin('https://unpkg.com/cyber-spectrum/cyber-spectrum.js'), 'https://unpkg.com/cyber-spectrum@1.2.3/');
  assert.equal(pin('https://unpkg.com/cyber-spectrum@^1.0/cyber-spectrum.js'), 'https://unpkg.com/cyber-spectrum@1.2.3/');
  // A publisher's own folder named cyber-spectrum is not an npm path.
  assert.equal(pin('https://news.example/cyber-spectrum/cyber-spectrum.js'), 'https://news.example/cyber-spectrum/');
  assert.equal(pin('https://news.example/assets/cyber-spectrum-charts/embed.js'), 'https://news.example/assets/cyber-spectrum-charts/');
  assert.equal(pin('http://127.0.0.1:8000/cyber-spectrum.js'), 'http://127.0.0.1:8000/');
});

test('the WordPress plugin and the Hugo shortcode take exactly the element\'s attributes', async () => {
  const { FILTERS } = await import('../../www/schema.js');
  const element = await readFile(new URL('../../www/cyber-spectrum.js', import.meta.url), 'utf8');
  const settings = JSON.parse(element.match(/^export const SETTINGS = (\[[^\]]*\]);$/m)[1].replace(/'/g, '"'));
  const expected = [...FILTERS.map((f) => f.param), ...settings].sort();
  const php = await readFile(new URL('../../wordpress/cyber-spectrum/includes/attributes.php', import.meta.url), 'utf8');
  assert.deepEqual([...php.matchAll(/^\t\t'([a-z-]+)'\s+=> array\(/gm)].map((m) => m[1]).sort(), expected);
  const hugo = await readFile(new URL('../../hugo/layouts/shortcodes/cyber-spectrum.html', import.meta.url), 'utf8');
  const known = [...hugo.match(/\$known := slice (.*) -\}\}/)[1].matchAll(/"([a-z-]+)"/g)].map((m) => m[1]);
  assert.deepEqual(known.filter((k) => k !== 'base').sort(), expected);
  for (const name of expected) assert.ok(hugo.includes(`{{- with .Get "${name}" }} ${name}="{{ . }}"`), `the shortcode writes ${name}`);
  // Both name the same version as the code.
  assert.match(await readFile(new URL('../../wordpress/cyber-spectrum/cyber-spectrum.php', import.meta.url), 'utf8'), new RegExp(`define\\( 'CYBER_SPECTRUM_VERSION', '${VERSION}' \\);`));
  assert.ok(hugo.includes(`https://cdn.jsdelivr.net/npm/cyber-spectrum@${VERSION}/`));
});
