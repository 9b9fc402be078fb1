// node scripts/short-imports.mjs DIR NAME: gives the imports of DIR/NAME_bg.wasm short names, in the
// module and in its wasm-bindgen glue (DIR/NAME.js) alike. wasm-bindgen names each import after
// what it calls plus a 16-digit hash (`__wbg_set_fillStyle_95fde67582a9c695`) and puts every one of
// them in a module named after the glue's file: each name is written twice, once in the wasm and
// once in the glue, and the hashes do not compress. Short names (`a`, `b` ... in a module `w`)
// save about 2.6 KB gzip of what every reader downloads for the explorer. Nothing else changes: the
// import object's keys are the only place the glue spells these names, and the script fails the
// build if a name is not found there exactly once. The module's exports get short names too where
// the glue reaches them only as `wasm.<name>` (0.5 KB more).
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [dir, name] = process.argv.slice(2);
const wasmPath = join(dir, `${name}_bg.wasm`);
const gluePath = join(dir, `${name}.js`);
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');
const fail = (why) => { console.error(`short-imports: ${wasmPath}: ${why}`); process.exit(1); };

function uleb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}
function toUleb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}
const str = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([toUleb(b.length), b]); };
/** The end of an import's description (function, table, memory, global or tag) starting at `at`. */
function skipDesc(kind, at) {
  if (kind === 0 || kind === 4) return uleb(wasm, kind === 4 ? at + 1 : at)[1];
  if (kind === 1) at += 1; // table: its element type, then its limits
  if (kind === 1 || kind === 2) {
    const flags = wasm[at];
    at = uleb(wasm, at + 1)[1];
    return flags & 1 ? uleb(wasm, at)[1] : at;
  }
  if (kind === 3) return at + 2; // global: value type, mutability
  return fail(`an import of unknown kind ${kind}`);
}
const letters = (k) => k.toString(36).replace(/^\d/, (d) => `_${d}`);

const glueModule = `./${name}_bg.js`;
let renamed = 0;
let exported = 0;

/** The export at `p`: renamed where the glue reaches it only as `wasm.<name>`. Returns its bytes
 * and where the next entry starts. */
function exportEntry(p) {
  const [nlen, n0] = uleb(wasm, p);
  const field = wasm.toString('utf8', n0, n0 + nlen);
  const descEnd = uleb(wasm, n0 + nlen + 1)[1];
  const all = glue.match(new RegExp(`(?<![\\w$])${field}(?![\\w$])`, 'g'))?.length ?? 0;
  const via = new RegExp(`(?<![\\w$])wasm\\.${field}(?![\\w$])`, 'g');
  let newField = field;
  if (all > 0 && (glue.match(via)?.length ?? 0) === all) {
    newField = `x${letters(exported++)}`;
    glue = glue.replace(via, `wasm.${newField}`);
  }
  return [[str(newField), wasm.subarray(n0 + nlen, descEnd)], descEnd];
}

/** The import at `p`: renamed, in a module `w`, when the glue provides it. */
function importEntry(p) {
  const [mlen, m0] = uleb(wasm, p);
  const module = wasm.toString('utf8', m0, m0 + mlen);
  const [nlen, n0] = uleb(wasm, m0 + mlen);
  const field = wasm.toString('utf8', n0, n0 + nlen);
  const descEnd = skipDesc(wasm[n0 + nlen], n0 + nlen + 1);
  let [newModule, newField] = [module, field];
  if (module === glueModule) {
    newModule = 'w';
    newField = letters(renamed++);
    const key = new RegExp(`(?<![\\w$])${field}(?=: function)`, 'g');
    const found = glue.match(key)?.length ?? 0;
    if (found !== 1) fail(`the import ${field} is a key of the glue's import object ${found} times, not once`);
    glue = glue.replace(key, newField);
  }
  return [[str(newModule), str(newField), wasm.subarray(n0 + nlen, descEnd)], descEnd];
}

/** Section `id` whose body starts at `body`, rewritten entry by entry by `entry`. */
function rewritten(id, body, entry) {
  let [count, p] = uleb(wasm, body);
  const entries = [toUleb(count)];
  for (; count > 0; count -= 1) {
    const [bytes, next] = entry(p);
    entries.push(...bytes);
    p = next;
  }
  const section = Buffer.concat(entries);
  return [Buffer.from([id]), toUleb(section.length), section];
}

const parts = [wasm.subarray(0, 8)];
for (let at = 8; at < wasm.length;) {
  const id = wasm[at];
  const [size, body] = uleb(wasm, at + 1);
  const end = body + size;
  if (id === 7) parts.push(...rewritten(id, body, exportEntry));
  else if (id === 2) parts.push(...rewritten(id, body, importEntry));
  else parts.push(wasm.subarray(at, end));
  at = end;
}
const object = `"${glueModule}": import0`;
if (glue.split(object).length !== 2) fail(`the glue does not hand its imports over as ${object}`);
glue = glue.replace(object, 'w: import0');
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
// wasm-bindgen's types of the raw exports, by their old names: the glue alone uses them.
rmSync(join(dir, `${name}_bg.wasm.d.ts`), { force: true });
console.error(`short-imports: ${renamed} imports and ${exported} exports of ${name} renamed`);
