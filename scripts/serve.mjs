// A small static server for dist/, the built site (no dependencies): correct MIME types for .wasm and modules,
// loopback only. `node scripts/serve.mjs [port]` serves and prints the URL; tests import serve().
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** The policy every response carries: the strictest the explorer works under, so any page or
 * embed that would need more (an inline script or style, eval, a third-party request) fails here
 * and in the tests. Trusted Types are required: no DOM sink takes a string, and the one script URL
 * (the importer worker's) comes from a policy named cyber-spectrum that allows only it. README's
 * "Embedding" documents it for publishers. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'; trusted-types cyber-spectrum";

/** What a host serving these files for articles elsewhere (a CDN) sends with them: the policy
 * above, with blob: workers allowed so that embed.html in a sandboxed iframe (whose origin is
 * opaque, so no worker script is "its own") can still start the importer (see loader.js). */
export const CDN_CSP = CSP.replace("style-src 'self';", "style-src 'self'; worker-src 'self' blob:; connect-src *;");

/** The policy an article needs when the files come from `cdn` (an origin such as
 * https://cdn.example): the host added where the files are fetched, and blob: for the
 * worker that reads data files (see loader.js). www/publishers.html documents it. */
export const articleCsp = (cdn) => `default-src 'self'; script-src 'self' ${cdn} 'wasm-unsafe-eval'; style-src 'self' ${cdn}; `
  + `connect-src 'self' ${cdn}; worker-src blob:; frame-src ${cdn}; require-trusted-types-for 'script'; trusted-types cyber-spectrum`;

/** Serves `root` on 127.0.0.1:`port` (0 picks a free port); resolves to the server and its URL.
 * Every file goes out with `csp` and, as an npm CDN sends it, `Access-Control-Allow-Origin: *`, so
 * an article on another origin can load the modules, stylesheets, wasm and data files. */
export function serve(root, port = 0, { csp = CSP } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'content-security-policy': csp,
        'access-control-allow-origin': '*',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8000);
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist');
  serve(root, port).then(({ url }) => {
    console.log(`cyber-spectrum is served at ${url}  (Ctrl-C stops it)`);
  }, (e) => {
    console.error(`cannot serve on port ${port}: ${e.message} (set PORT=... to use another)`);
    process.exit(1);
  });
}
