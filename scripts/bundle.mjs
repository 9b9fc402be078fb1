// node scripts/bundle.mjs DIR: the modules a reader's browser starts from, each bundled with the
// modules it imports statically, over their file-by-file copies in DIR (the site being built, its
// files already minified one by one). A module fetched on its own costs a request and compresses
// alone; the explorer page's ten modules came to 16.3 KB gzip one by one, 12.8 KB as one.
//
// What stays a file of its own, imported by name at run time:
// - core.js, on the page: it holds the page's wasm core and shared datasets, which every chart
//   and every on-demand module must reach as one module instance;
// - pkg/ (the wasm-bindgen glue): its module instance is the started wasm module;
// - every module fetched on demand (interact.js, load-ui.js ...: dynamic imports), and any module
//   that is not part of the entry's static imports. An on-demand module that imports a module
//   bundled here loads that module's own file: a second instance of stateless code (caches of
//   number formats at most), never of core.js.
// The importer's worker runs in a realm of its own; it, loader.js and core.js (bundled too, as an
// entry of its own) each take pause.js inline, so loader.js needs no core.js at all.
// The page's stylesheet (style.css) takes the controls' (controls.css, which it @imports) inline.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: node scripts/bundle.mjs DIR');
const www = new URL('../www/', import.meta.url).pathname;

/** Entry -> whether core.js is shared with the page (kept a file of its own). */
const ENTRIES = { 'app.js': true, 'cyber-spectrum.js': true, 'loader.js': true, 'import-worker.js': false, 'core.js': false };

/** The www modules `file` imports statically, transitively (`import ... from './x.js'`). */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(www, file), 'utf8');
  for (const [, dep] of text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'\.\/([a-z-]+\.js)'/gms)) staticClosure(dep, seen);
  return seen;
}

const modules = readdirSync(www).filter((f) => f.endsWith('.js'));
for (const [entry, sharedCore] of Object.entries(ENTRIES)) {
  const inline = staticClosure(entry);
  if (sharedCore) inline.delete('core.js');
  const external = ['./pkg/*', ...modules.filter((m) => !inline.has(m)).map((m) => `./${m}`)];
  const result = buildSync({
    entryPoints: [join(www, entry)],
    bundle: true,
    format: 'esm',
    minify: true,
    external,
    outfile: join(dir, entry),
    allowOverwrite: true,
    logLevel: 'warning',
    metafile: true,
  });
  const bundled = Object.keys(result.metafile.inputs).map((p) => p.split('/').pop()).sort();
  process.stderr.write(`bundle: ${entry} <- ${bundled.join(', ')}\n`);
}
buildSync({
  entryPoints: [join(www, 'style.css')], bundle: true, minify: true, outfile: join(dir, 'style.css'), allowOverwrite: true, logLevel: 'warning',
});
