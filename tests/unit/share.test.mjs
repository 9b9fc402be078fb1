// The version copied code pins, and the folder it names, tested in Node without a browser.
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
