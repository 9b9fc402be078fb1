// The code snippets of www/publishers.html, by the name each carries (`<code data-snippet="cdn">`),
// as a publisher would copy them: tests/e2e/publishers.test.mjs, the WordPress and the Hugo tests
// run them, so the page cannot show code that does not work.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './browser.mjs';

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/** `{name: text}` of every snippet; also `untagged`, the number of code blocks without a name. */
export function snippets() {
  const html = readFileSync(join(root, 'www/publishers.html'), 'utf8');
  const found = {};
  for (const [, name, body] of html.matchAll(/<pre><code data-snippet="([a-z-]+)">([\s\S]*?)<\/code><\/pre>/g)) {
    if (found[name] !== undefined) throw new Error(`publishers.html has two snippets named ${name}`);
    found[name] = body.replace(/&(lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e]);
  }
  const untagged = [...html.matchAll(/<pre><code(?! data-snippet=)/g)].length;
  return { ...found, untagged };
}
