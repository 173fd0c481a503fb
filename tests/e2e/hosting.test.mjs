// The server configurations of docs/hosting/ as a host copies them, run with the real servers from
// Debian (nginx, Caddy, Apache; scripts/setup installs them) against the release build: only the
// lines they mark SITE are changed (the address, the folder, the associations' origins). Each is
// started on a loopback port with its files in a temporary folder, as an ordinary process (no
// system service, nothing written outside that folder), and stopped after its tests. Real HTTP then
// checks every file of the build with each encoding a browser may take (Content-Type,
// Content-Encoding with the build's own .br or .gz bytes, Vary, Cache-Control, nosniff, the
// Content-Security-Policy equal to csp.txt, or to csp-embed.txt with the origins filled in for
// `?embed=`), a deep link and a missing file; then Chromium walks through that server to the report
// with no console error or warning and no CSP violation, its service worker controlling the site.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { DIST, launchFor, openPage } from './support.mjs';
import { completeWalk, fixture, ready, REPORT } from './walk.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROOT_USER = process.getuid() === 0;

/** The origins written where the docs say, so that the embedding policy is seen to take them. */
const ORIGINS = 'https://www.association.example https://members.association.example';

/** Names with Trunk's content hash: the only files kept for a year (docs/hosting.md). */
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
const LONG_CACHE = 'public, max-age=31536000, immutable';

/** The media type each kind of file must be served with (parameters such as charset aside). */
const TYPES = {
  '.html': ['text/html'],
  // Both are JavaScript to a browser; nginx's and Debian's maps differ.
  '.js': ['text/javascript', 'application/javascript'],
  // Exactly: WebAssembly.instantiateStreaming refuses anything else.
  '.wasm': ['application/wasm'],
  '.css': ['text/css'],
  '.json': ['application/json'],
  '.webmanifest': ['application/manifest+json'],
  '.svg': ['image/svg+xml'],
  '.png': ['image/png'],
  '.txt': ['text/plain'],
};
/** What each server's configuration includes: written by the build, not served to browsers' use. */
const INCLUDES = ['csp.nginx.conf', 'csp.caddy', 'csp.apache.conf'];

/** Accept-Encoding as Chromium sends it, as a browser taking gzip only, and none. */
const ENCODINGS = [
  ['br', 'gzip, deflate, br, zstd'],
  ['gzip', 'gzip, deflate'],
  [null, null],
];

/** Every file of the build, relative, but the precompressed copies. */
function buildFiles(dir = DIST, at = '') {
  return readdirSync(path.join(dir, at)).flatMap((name) => {
    const rel = at ? `${at}/${name}` : name;
    return statSync(path.join(dir, rel)).isDirectory() ? buildFiles(dir, rel) : [rel];
  }).filter((f) => !/\.(br|gz)$/.test(f));
}

/**
 * A configuration of docs/hosting/ with its SITE lines made this test's: each line after a
 * `# SITE` comment must be matched by exactly one of `lines` ([pattern, replacement or null to
 * drop it]), and each of those must match one: a change of the file's site lines makes the test
 * say so.
 */
function localise(file, lines) {
  const source = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const used = new Set();
  const out = [];
  for (let i = 0; i < source.length; i += 1) {
    const line = source[i];
    const marked = /^\s*# SITE\b/.test(source[i - 1] ?? '');
    if (!marked) {
      out.push(line);
      continue;
    }
    const matches = lines.filter(([pattern]) => pattern.test(line));
    assert.equal(matches.length, 1, `${file}: SITE line "${line.trim()}" matches ${matches.length} of the test's patterns`);
    used.add(matches[0]);
    if (matches[0][1] !== null) out.push(matches[0][1]);
  }
  for (const entry of lines) assert.ok(used.has(entry), `${file}: no SITE line matches ${entry[0]}`);
  return out.join('\n');
}

/** A free loopback port. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** GET `target` with `headers`: { status, headers, body (a Buffer, as sent) }. */
function get(origin, target, headers = {}) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: target, headers: { connection: 'close', ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

/** Runs `command` to completion: its exit code and what it printed. */
function check(command, args, options = {}) {
  const run = spawnSync(command, args, { encoding: 'utf8', ...options });
  return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}`.trim() };
}

/**
 * Each server: how to write its temporary configuration around the docs' file, how to check it
 * and how to start it in the foreground.
 */
const SERVERS = [
  {
    name: 'nginx',
    binary: '/usr/sbin/nginx',
    version: () => check('/usr/sbin/nginx', ['-v']).output,
    configure({ tmp, site, port }) {
      // As Debian's nginx.conf has it (mime.types, default_type, gzip on), with every path in tmp.
      copyFileSync('/etc/nginx/mime.types', path.join(tmp, 'mime.types'));
      writeFileSync(path.join(tmp, 'site.conf'), localise('docs/hosting/nginx.conf', [
        [/^include \/srv\/assessment\/csp\.nginx\.conf;/, `include ${site}/csp.nginx.conf;`],
        [/^\s*listen 80;/, `    listen 127.0.0.1:${port};`],
        [/^\s*listen \[::\]:80;/, null],
        [/^\s*server_name assess\.example;/, '    server_name 127.0.0.1;'],
        [/^\s*root \/srv\/assessment;/, `    root ${site};`],
        [/^\s*set \$association_origins "ASSOCIATION-ORIGINS";/, `    set $association_origins "${ORIGINS}";`],
      ]));
      const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
        .map((kind) => `${kind}_temp_path ${tmp}/${kind};`).join('\n    ');
      writeFileSync(path.join(tmp, 'nginx.conf'), `load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
${ROOT_USER ? 'user nobody nogroup;' : ''}
worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log warn;
events { worker_connections 64; }
http {
    include mime.types;
    default_type application/octet-stream;
    gzip on;
    access_log off;
    ${temp}
    include ${tmp}/site.conf;
}
`);
      const args = ['-p', `${tmp}/`, '-c', `${tmp}/nginx.conf`, '-e', `${tmp}/error.log`];
      return { test: ['-t', ...args], run: [...args, '-g', 'daemon off;'] };
    },
    // nginx -t says "syntax is ok" and "test is successful" as [notice]s: anything else is not.
    clean: (output) => output.split('\n').filter((l) => !/\[notice\]|syntax is ok|test is successful/.test(l)),
  },
  {
    name: 'caddy',
    binary: '/usr/bin/caddy',
    version: () => `caddy ${check('/usr/bin/caddy', ['version']).output}`,
    configure({ tmp, site, port }) {
      // No admin endpoint (its fixed port would clash with another run); storage in tmp.
      writeFileSync(path.join(tmp, 'Caddyfile'), `{
	admin off
	storage file_system ${tmp}/data
}

${localise('docs/hosting/Caddyfile', [
  [/^assess\.example \{/, `http://127.0.0.1:${port} {`],
  [/^\s*root \* \/srv\/assessment/, `\troot * ${site}`],
  [/^\s*vars association_origins "ASSOCIATION-ORIGINS"/, `\tvars association_origins "${ORIGINS}"`],
  [/^\s*import \/srv\/assessment\/csp\.caddy/, `\timport ${site}/csp.caddy`],
])}`);
      const args = ['--config', `${tmp}/Caddyfile`, '--adapter', 'caddyfile'];
      return { test: ['validate', ...args], run: ['run', ...args] };
    },
    // Caddy logs JSON lines; "validate" ends with "Valid configuration". Warnings (an unformatted
    // Caddyfile, say) are not clean.
    clean: (output) => output.split('\n').filter((l) => /"level":"(warn|error)"|^Error/i.test(l)),
    // As `caddy fmt` writes it, so that Caddy does not warn of the host's copy.
    lint: () => {
      const file = path.join(ROOT, 'docs/hosting/Caddyfile');
      const formatted = check('/usr/bin/caddy', ['fmt', file]);
      return formatted.output === readFileSync(file, 'utf8').trim() ? [] : ['docs/hosting/Caddyfile is not as `caddy fmt` writes it'];
    },
    env: (tmp) => ({ HOME: tmp, XDG_DATA_HOME: `${tmp}/data`, XDG_CONFIG_HOME: `${tmp}/config` }),
  },
  {
    name: 'apache',
    binary: '/usr/sbin/apache2',
    version: () => check('/usr/sbin/apache2', ['-v']).output.split('\n')[0],
    configure({ tmp, site, port }) {
      writeFileSync(path.join(tmp, 'site.conf'), localise('docs/hosting/apache.conf', [
        [/^<VirtualHost \*:80>/, `<VirtualHost 127.0.0.1:${port}>`],
        [/^\s*ServerName assess\.example/, '    ServerName 127.0.0.1'],
        [/^\s*DocumentRoot \/srv\/assessment/, `    DocumentRoot ${site}`],
        [/^\s*Define ASSOCIATION_ORIGINS "ASSOCIATION-ORIGINS"/, `    Define ASSOCIATION_ORIGINS "${ORIGINS}"`],
        [/^\s*Include \/srv\/assessment\/csp\.apache\.conf/, `    Include ${site}/csp.apache.conf`],
        [/^\s*Alias \/icons\/ \/srv\/assessment\/icons\/$/, `    Alias /icons/ ${site}/icons/`],
        [/^\s*<Directory \/srv\/assessment>/, `    <Directory ${site}>`],
      ]));
      // Debian's default modules and their settings (mods-enabled after `apt-get install apache2`:
      // mod_deflate and Debian's mime.conf among them), mod_headers and mod_rewrite as the docs
      // say, and apache2.conf's defaults; every path in tmp.
      const modules = ['mpm_event', 'authz_core', 'authz_host', 'authz_user', 'authn_core', 'authn_file',
        'auth_basic', 'access_compat', 'alias', 'autoindex', 'deflate', 'dir', 'env', 'filter', 'mime',
        'negotiation', 'reqtimeout', 'setenvif', 'status', 'headers', 'rewrite'];
      const available = '/etc/apache2/mods-available';
      const includes = modules.flatMap((m) => [`${available}/${m}.load`, `${available}/${m}.conf`])
        .filter((f) => existsSync(f)).map((f) => `Include ${f}`).join('\n');
      writeFileSync(path.join(tmp, 'apache2.conf'), `ServerRoot ${tmp}
DefaultRuntimeDir ${tmp}
PidFile ${tmp}/apache2.pid
ErrorLog ${tmp}/error.log
LogLevel warn
ServerName 127.0.0.1
${ROOT_USER ? 'User nobody\nGroup nogroup' : ''}
${includes}
Listen 127.0.0.1:${port}
<Directory />
    Options FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>
<FilesMatch "^\\.ht">
    Require all denied
</FilesMatch>
Include ${tmp}/site.conf
`);
      const args = ['-d', tmp, '-f', `${tmp}/apache2.conf`];
      return { test: ['-t', ...args], run: [...args, '-DFOREGROUND'] };
    },
    clean: (output) => output.split('\n').filter((l) => l.trim() !== 'Syntax OK'),
  },
];

for (const server of SERVERS) {
  describe(`${server.name}, configured as docs/hosting/ says`, () => {
    let tmp;
    let origin;
    let child;
    let configCheck;
    const exited = [];

    before(async () => {
      assert.ok(existsSync(server.binary), `${server.binary} is missing: scripts/setup installs it`);
      tmp = mkdtempSync(path.join(tmpdir(), `hosting-${server.name}-`));
      // The build, copied where a worker process dropped from root may read it.
      const site = path.join(tmp, 'site');
      cpSync(DIST, site, { recursive: true });
      for (const dir of [tmp, site]) chmodSync(dir, 0o755);
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      const { test, run } = server.configure({ tmp, site, port });
      const env = { ...process.env, ...(server.env?.(tmp) ?? {}) };
      configCheck = check(server.binary, test, { env });
      console.log(`${server.version()}: ${origin}`);
      child = spawn(server.binary, run, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('exit', (code) => exited.push(code));
      // Ready when it answers; a server that stops first says why.
      for (let waited = 0; ; waited += 100) {
        if (exited.length) {
          const log = existsSync(`${tmp}/error.log`) ? readFileSync(`${tmp}/error.log`, 'utf8') : '';
          throw new Error(`${server.name} stopped (${exited[0]}): ${output}\n${log}\n${configCheck.output}`);
        }
        if (await get(origin, '/').then(() => true, () => false)) break;
        if (waited > 15_000) throw new Error(`${server.name} did not answer in 15 s: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });

    after(async () => {
      if (child && !exited.length) {
        const stopped = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await stopped;
      }
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    it('takes the configuration with no warning', () => {
      assert.equal(configCheck.status, 0, configCheck.output);
      assert.deepEqual(server.clean(configCheck.output), [], configCheck.output);
      assert.deepEqual(server.lint?.() ?? [], []);
    });

    it('serves every file of the build with its type, precompressed copy, Vary, cache rule, nosniff and policy', async () => {
      const standalone = readFileSync(path.join(DIST, 'csp.txt'), 'utf8').trim();
      const files = buildFiles().filter((f) => !INCLUDES.includes(f));
      assert.ok(files.length > 10, `${files.length} files in the build`);
      for (const file of files) {
        const types = TYPES[path.extname(file)];
        assert.ok(types, `${file}: no type expected for its kind (add it to TYPES and to the configurations)`);
        const plain = readFileSync(path.join(DIST, file));
        for (const [encoding, accept] of ENCODINGS) {
          const label = `${server.name} ${file} (Accept-Encoding: ${accept ?? 'none'})`;
          const res = await get(origin, `/${file}`, accept ? { 'accept-encoding': accept } : {});
          assert.equal(res.status, 200, label);
          const { headers } = res;
          assert.ok(types.includes(headers['content-type']?.split(';')[0].trim()), `${label}: Content-Type ${headers['content-type']}`);
          const packed = encoding && existsSync(path.join(DIST, `${file}.${encoding === 'br' ? 'br' : 'gz'}`));
          assert.equal(headers['content-encoding'], packed ? encoding : undefined, `${label}: Content-Encoding`);
          // The build's own copy, byte for byte: not compressed again on the fly.
          const expected = packed ? readFileSync(path.join(DIST, `${file}.${encoding === 'br' ? 'br' : 'gz'}`)) : plain;
          assert.ok(res.body.equals(expected), `${label}: ${res.body.length} B sent, not the build's ${expected.length} B`);
          // Debian's Apache gives a language by extension: `.br` would be Breton. Only the
          // questionnaire's own (`digital-trade.en.json`) may name one, its own.
          const language = /\.(en|zh-CN)\.json$/.exec(file)?.[1];
          if (headers['content-language'] !== undefined) {
            assert.equal(headers['content-language'].toLowerCase(), language?.toLowerCase(), `${label}: Content-Language`);
          }
          if (existsSync(path.join(DIST, `${file}.gz`))) {
            const vary = (headers.vary ?? '').split(',').map((v) => v.trim().toLowerCase());
            assert.ok(vary.includes('accept-encoding'), `${label}: Vary ${headers.vary}`);
          }
          assert.equal(headers['cache-control'], HASHED.test(file) ? LONG_CACHE : 'no-cache', `${label}: Cache-Control`);
          assert.equal(headers['x-content-type-options'], 'nosniff', label);
          assert.equal(headers['content-security-policy'], standalone, `${label}: Content-Security-Policy`);
        }
      }
      // What docs/hosting.md says: the app's JS and wasm are the only hashed names.
      assert.deepEqual(files.filter((f) => HASHED.test(f)).map((f) => f.replace(/-[0-9a-f]+(_bg)?\./, '-HASH$1.')).sort(),
        ['exporter-assessment-HASH.js', 'exporter-assessment-HASH_bg.wasm']);
    });

    it('sends the embedding policy, with the origins it was given, to requests with ?embed=', async () => {
      const standalone = readFileSync(path.join(DIST, 'csp.txt'), 'utf8').trim();
      const embedded = readFileSync(path.join(DIST, 'csp-embed.txt'), 'utf8').trim().replaceAll('ASSOCIATION-ORIGINS', ORIGINS);
      assert.notEqual(embedded, standalone);
      // The page as embed.js opens it, and the report's worker, which repeats the page's query.
      for (const target of ['/?embed=1', '/index.html?lang=en&embed=1', '/report_worker_loader.js?embed=1']) {
        const res = await get(origin, target, { 'accept-encoding': 'gzip, deflate, br, zstd' });
        assert.equal(res.status, 200, target);
        assert.equal(res.headers['content-security-policy'], embedded, target);
      }
      // A query that only looks like it does not.
      for (const target of ['/?notembed=1', '/?lang=en', '/?kiosk']) {
        assert.equal((await get(origin, target)).headers['content-security-policy'], standalone, target);
      }
    });

    it('opens a deep link as the app and refuses a missing file', async () => {
      const index = readFileSync(path.join(DIST, 'index.html'));
      for (const target of ['/', '/?lang=en', '/index.html?kiosk&lang=zh-CN']) {
        const res = await get(origin, target);
        assert.equal(res.status, 200, target);
        assert.ok(res.body.equals(index), `${target} is index.html`);
        assert.equal(res.headers['content-type'].split(';')[0], 'text/html', target);
        assert.equal(res.headers['cache-control'], 'no-cache', target);
      }
      // A missing file is a 404, not the page under the file's name (a wrong type, cached).
      for (const target of ['/missing.js', '/split/missing.json']) {
        assert.equal((await get(origin, target)).status, 404, target);
      }
    });

    it('runs the app through it: service worker over the site, a walk to the report, no warning or CSP violation', { timeout: 180_000 }, async (t) => {
      const browser = await launchFor(t);
      const { page, errors } = await openPage(t, browser, 'about:blank', { locale: 'en-GB' });
      await page.addInitScript(() => {
        window.violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(`${origin}/`);
      await ready(page);
      await completeWalk(page, fixture('gba-electronics-brand.json'));
      await page.waitForSelector(REPORT);
      // The report's section on markets and goods comes from its worker: started, and answered.
      await page.waitForSelector('.obligations .obligation-group', { state: 'attached' });
      assert.deepEqual(errors, []);
      // Installed (every file's integrity checked as it precaches) and in control of the page.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
      assert.equal(scope, `${origin}/`, 'the service worker covers the whole site');
      assert.deepEqual(await page.evaluate(() => window.violations), [], 'CSP violations');
      assert.deepEqual(errors, [], 'nor later');
    });
  });
}
