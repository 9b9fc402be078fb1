// A throwaway WordPress for the plugin's tests, from Debian's packages (`make test-wordpress`
// installs them): a copy of /usr/share/wordpress with its own wp-config.php, its own MariaDB
// (a fresh data folder, a socket, no network) and PHP's built-in server on a loopback port; the
// plugin unzipped from target/package/ as an administrator would upload it. Everything lives in one
// temporary folder and goes with `stop()`.
import { spawn, execFileSync } from 'node:child_process';
import { cp, mkdtemp, mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const PASSWORD = 'correct horse battery staple';

const freePort = () => new Promise((ok, fail) => {
  const s = createServer();
  s.once('error', fail);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs `file args` and returns its stdout; a failure throws with its stderr. */
function run(file, args, options = {}) {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...options });
  } catch (e) {
    throw new Error(`${file} ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
}

/** Waits until `check()` is true (polling), or throws naming `what` and the log. */
async function until(what, check, log, seconds = 60) {
  for (let i = 0; i < seconds * 10; i += 1) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`${what} did not start in ${seconds} s:\n${await readFile(log, 'utf8').catch(() => '')}`);
}

/**
 * Starts MariaDB and WordPress with the plugin zip `pluginZip`; resolves to `{url, dir, posts(list),
 * stop()}`. `posts([{slug, title, content}])` activates the plugin and writes them, resolving to
 * `[{slug, id, url}]`.
 */
export async function startWordPress(pluginZip) {
  const dir = await mkdtemp(join(tmpdir(), 'cs-wordpress-'));
  const children = [];
  const stop = async () => {
    for (const c of children.reverse()) {
      if (c.exitCode === null) {
        c.kill('SIGTERM');
        await Promise.race([new Promise((r) => c.once('exit', r)), sleep(10000)]);
      }
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    // The database: a fresh data folder, reached through a socket only.
    const db = join(dir, 'db');
    const socket = join(dir, 'mysql.sock');
    const dbLog = join(dir, 'mariadb.log');
    run('mariadb-install-db', ['--no-defaults', '--user=root', `--datadir=${db}`, '--auth-root-authentication-method=normal',
      '--skip-test-db', '--skip-name-resolve']);
    children.push(spawn('/usr/sbin/mariadbd', ['--no-defaults', '--user=root', `--datadir=${db}`, `--socket=${socket}`,
      '--skip-networking', `--pid-file=${join(dir, 'mariadb.pid')}`, `--log-error=${dbLog}`, '--innodb-buffer-pool-size=32M'],
    { stdio: 'ignore' }));
    await until('MariaDB', () => {
      try { run('mariadb-admin', ['--no-defaults', `--socket=${socket}`, '-uroot', 'ping']); return true; } catch { return false; }
    }, dbLog);
    run('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e',
      "CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"]);

    // WordPress: Debian's files copied, with this site's configuration and content folder.
    const wp = join(dir, 'wp');
    // Debian links some files to other packages (underscore, certificates ...): copied as files, since
    // PHP's server serves nothing outside its folder.
    await cp('/usr/share/wordpress', wp, { recursive: true, dereference: true });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    await writeFile(join(wp, 'wp-config.php'), `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_CONTENT_URL', '${url}/wp-content');
define('AUTH_KEY', '${Math.random()}'); define('SECURE_AUTH_KEY', '${Math.random()}');
define('LOGGED_IN_KEY', '${Math.random()}'); define('NONCE_KEY', '${Math.random()}');
define('AUTH_SALT', '${Math.random()}'); define('SECURE_AUTH_SALT', '${Math.random()}');
define('LOGGED_IN_SALT', '${Math.random()}'); define('NONCE_SALT', '${Math.random()}');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`);
    await mkdir(join(wp, 'wp-content/uploads'), { recursive: true });
    run('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', pluginZip, join(wp, 'wp-content/plugins')]);

    const env = { ...process.env, CS_WP: wp, CS_URL: url, CS_PASSWORD: PASSWORD };
    run('php', [join(HERE, 'setup.php'), 'install'], { env });
    const phpLog = join(dir, 'php.log');
    const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', wp, join(HERE, 'router.php')], { stdio: ['ignore', 'ignore', 'pipe'], env });
    children.push(server);
    const logged = [];
    server.stderr.on('data', (d) => logged.push(d.toString()));
    await until('PHP\'s server', async () => {
      await writeFile(phpLog, logged.join(''));
      return fetch(`${url}/wp-login.php`).then((r) => r.ok, () => false);
    }, phpLog);
    const posts = (list) => JSON.parse(run('php', [join(HERE, 'setup.php'), 'posts'], { env, input: JSON.stringify(list) }));
    /** PHP's warnings and notices so far (WP_DEBUG is on: the plugin must cause none). */
    const phpErrors = () => logged.join('').split('\n').filter((l) => /PHP (Warning|Notice|Deprecated|Fatal|Parse)/.test(l));
    return { url, dir, posts, phpErrors, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
