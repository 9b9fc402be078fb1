// The release package (`make package`, target/package/): the npm tarball unpacked into an empty
// folder and only that folder served, as an npm CDN would, to an article on another origin. The
// element, a data file read by the importer, the iframe page and both versions come from it;
// package.json's exports and files name what is there; the zip holds the same files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile, copyFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, CDN_CSP, articleCsp } from '../../scripts/serve.mjs';
import { launch, root, out, embedState } from './browser.mjs';

const cargo = await readFile(join(root, 'Cargo.toml'), 'utf8');
const VERSION = cargo.match(/^version = "([^"]+)"/m)[1];
const DATASET = (await readFile(join(root, 'data/VERSION'), 'utf8')).split('\n')[0];
const TGZ = join(root, `target/package/cyber-spectrum-${VERSION}.tgz`);
const ZIP = join(root, `target/package/cyber-spectrum-${VERSION}.zip`);

let dir; let cdn; let site; let browser; let pkg;

before(async () => {
  assert.ok(existsSync(TGZ), `${TGZ} is missing: run make package`);
  dir = await mkdtemp(join(tmpdir(), 'cs-package-'));
  execFileSync('tar', ['-xzf', TGZ, '-C', dir]);
  pkg = JSON.parse(await readFile(join(dir, 'package/package.json'), 'utf8'));
  const article = join(dir, 'article');
  execFileSync('mkdir', ['-p', article]);
  await writeFile(join(article, 'favicon.ico'), '');
  await copyFile(join(root, 'tests/fixtures/small.csv'), join(article, 'small.csv'));
  cdn = await serve(join(dir, 'package'), 0, { csp: CDN_CSP });
  site = await serve(article, 0, { csp: articleCsp(new URL(cdn.url).origin) });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  cdn?.server.close();
  site?.server.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('package.json: npm\'s fields, exports that exist, only what a page needs, both versions', async () => {
  assert.equal(pkg.name, 'cyber-spectrum');
  assert.equal(pkg.version, VERSION);
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.license, 'MIT');
  assert.equal(pkg.cyberSpectrum.dataset, DATASET);
  const targets = Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)));
  for (const t of targets) assert.ok((await stat(join(dir, 'package', t))).isFile(), `${t} is in the package`);
  assert.equal(pkg.exports['.'].default, './cyber-spectrum.js');
  assert.equal(pkg.exports['./explorer'].types, './pkg/cyber_spectrum.d.ts');
  assert.equal(pkg.exports['./loader'].default, './loader.js');
  const listed = execFileSync('tar', ['-tzf', TGZ], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  assert.deepEqual(listed, [...pkg.files, 'LICENSE', 'README.md', 'package.json'].sort());
  for (const f of ['publishers.html', 'img/fallback-example.svg', 'pkg/.gitignore']) assert.ok(!listed.includes(f), `${f} is not for articles`);
  assert.match(await readFile(join(dir, 'package/LICENSE'), 'utf8'), /^MIT License/);
  const readme = await readFile(join(dir, 'package/README.md'), 'utf8');
  assert.ok(readme.includes(`https://cdn.jsdelivr.net/npm/cyber-spectrum@${VERSION}/cyber-spectrum.js`), 'the README gives the versioned CDN address');
  assert.ok(readme.includes(`bundled dataset \`${DATASET}\``));
  // The zip holds the same files, under one folder.
  const zipped = JSON.parse(execFileSync('python3', ['-c', 'import sys, zipfile, json; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))', ZIP], { encoding: 'utf8' }));
  assert.deepEqual(zipped.map((f) => f.replace(`cyber-spectrum-${VERSION}/`, '')).sort(), listed);
});

test('the unpacked package, alone on its origin, serves an article elsewhere: element, data file, iframe, versions', async () => {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
<script type="module" src="${cdn.url}cyber-spectrum.js"></script></head><body>
<cyber-spectrum id="bundled" initiators="PRK"></cyber-spectrum>
<cyber-spectrum id="csv" src="small.csv" controls="none"></cyber-spectrum>
<iframe id="frame" src="${cdn.url}embed.html#view=timeline" title="chart" width="100%" height="640"></iframe></body></html>`;
  await writeFile(join(dir, 'article/index.html'), page);
  const context = await browser.newContext({ viewport: { width: 1280, height: 2200 } });
  const problems = [];
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const tab = await context.newPage();
  tab.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  tab.on('pageerror', (e) => problems.push(e.message));
  await tab.goto(site.url);
  const outcome = await tab.evaluate(() => Promise.all([...document.querySelectorAll('cyber-spectrum')].map((e) => e.ready.then(() => 'ready', (err) => err.message))));
  assert.deepEqual(outcome, ['ready', 'ready']);
  const bundled = await embedState(tab, '#bundled');
  assert.ok(bundled.total > 50 && bundled.inked > 1000, `${bundled.total} ${bundled.inked}`);
  assert.equal((await embedState(tab, '#csv')).total, 6);
  assert.deepEqual(await tab.locator('#bundled').evaluate((e) => e.version), { code: VERSION, dataset: DATASET });
  assert.deepEqual(await tab.locator('#csv').evaluate((e) => e.version), { code: VERSION, dataset: null });
  assert.equal(await tab.locator('#bundled').locator('.source').innerText(), `cyber-spectrum ${VERSION}, dataset ${DATASET}`);
  const frame = tab.frameLocator('#frame').locator('cyber-spectrum');
  assert.equal(await frame.evaluate((e) => e.ready.then(() => 'ready', (err) => err.message)), 'ready');
  // Everything came from the two origins, the files from the package's.
  const origins = new Set(requests.map((r) => new URL(r).origin));
  assert.deepEqual([...origins].sort(), [new URL(cdn.url).origin, new URL(site.url).origin].sort());
  assert.ok(requests.some((r) => r === `${cdn.url}pkg/cyber_spectrum_bg.wasm`));
  assert.deepEqual(problems, []);
  await tab.screenshot({ path: join(out, 'package-article.png') });
  await context.close();
});
