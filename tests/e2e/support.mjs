// Shared helpers for the end-to-end tests: a static file server for the
// Trunk build, a headless Chromium driven by playwright-core, and axe-core
// accessibility checks. Plain node:test, no test framework beyond node's own.

import assert from 'node:assert/strict';
import { cpSync, createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const DIST = path.resolve(
  process.env.E2E_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url)),
);

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  // Must be exact: WebAssembly.instantiateStreaming rejects anything else.
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` over HTTP on 127.0.0.1. Directories map to their index.html.
 * Resolves to `{ url, origin, requested, setRoot, close }`; `url` ends with a slash; `requested`
 * lists every request target received. `headers` are added to every HTML response (a
 * Content-Security-Policy, say): an object, or a function of the request target that returns one;
 * `cors` allows any origin to read files.
 */
export async function serve(dir = DIST, { port = 0, headers = {}, cors = false, encodings = ['br', 'gzip'] } = {}) {
  // `setRoot` swaps the folder served, as a host does when a new build is published.
  let root = path.resolve(dir);
  const requested = [];

  const server = createServer(async (req, res) => {
    requested.push(req.url);
    const send = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(body);
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, 'method not allowed');
    }

    // Work on the raw request target: `new URL()` would silently collapse
    // `/../x` into `/x`, hiding a traversal attempt instead of refusing it.
    let pathname;
    try {
      pathname = decodeURIComponent(req.url.split(/[?#]/)[0]);
    } catch {
      return send(400, 'bad request');
    }
    const segments = pathname.split(/[/\\]/);
    if (!pathname.startsWith('/') || pathname.includes('\0') || segments.includes('..')) {
      return send(403, 'forbidden');
    }
    // Without a `..` segment, the joined path cannot leave root.
    let file = path.join(root, ...segments);

    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const info = await stat(file);
      if (!info.isFile()) return send(404, 'not found');
      // As a host serving the build's precompressed files does (docs/hosting.md): the best
      // encoding the browser accepts of those beside the file (`encodings`, in order of preference).
      const accepted = String(req.headers['accept-encoding'] ?? '').split(',').map((e) => e.trim().split(';')[0]);
      let body = file;
      let size = info.size;
      let encoding = null;
      for (const candidate of encodings.filter((e) => accepted.includes(e))) {
        const extension = candidate === 'br' ? '.br' : '.gz';
        const packed = await stat(file + extension).catch(() => null);
        if (packed?.isFile()) {
          [body, size, encoding] = [file + extension, packed.size, candidate];
          break;
        }
      }
      res.writeHead(200, {
        'Content-Type':
          CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': size,
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
        Vary: 'Accept-Encoding',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...(path.extname(file) === '.html' ? (typeof headers === 'function' ? headers(req.url) : headers) : {}),
        // An association's site lets the app (another origin) read its config and questionnaire.
        ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(body).pipe(res);
    } catch {
      send(404, 'not found');
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;

  return {
    url: `${origin}/`,
    origin,
    requested,
    setRoot: (next) => {
      root = path.resolve(next);
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Chromium keeps connections alive; without this close() waits on them.
        server.closeAllConnections();
      }),
  };
}

/** How the tests start Chromium: the system's, headless, quiet. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Launches the system Chromium headless (playwright-core downloads nothing), with `args` added. */
export async function launch(args = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
  });
}

/** A browser of its own for the test `t` (node:test's context), with `args` added; closed when it ends. */
export async function launchFor(t, args = []) {
  const browser = await launch(args);
  t.after(() => browser.close());
  return browser;
}

/**
 * A browser with a profile of its own on disk, as a person's is (a context of `launch` is like a
 * private window: it blocks a cross-site frame's storage), for the test `t`: it ends with the test.
 * `preferences` are written to the profile first, e.g. `{ profile: { cookie_controls_mode: 0 } }`
 * to allow third-party cookies and storage. Resolves to the browser's one context.
 */
export async function launchProfile(t, { args = [], preferences = {}, ...options } = {}) {
  // Each profile in a folder of its own, so that tests running side by side never share one.
  const dir = mkdtempSync(path.join(tmpdir(), 'profile-'));
  mkdirSync(path.join(dir, 'Default'));
  writeFileSync(path.join(dir, 'Default', 'Preferences'), JSON.stringify(preferences));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    ...options,
  });
  t.after(async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return context;
}

/**
 * Console warnings that Chromium itself gives and a page cannot prevent, each with why; every
 * other warning counts as an error in `openPage`'s `errors`.
 */
export const BROWSER_WARNINGS = [];

/**
 * Opens `url` in a fresh context of `browser` for the test `t` (node:test's context) and waits for
 * `load`; the context closes when the test ends, passed or failed (a test may close it sooner).
 * `time` (a Date) fixes the page's clock first, so that the assessment is dated that day.
 * `requests` collects every URL requested outside the page's origin (the app
 * must not talk to any server but its own); `errors` collects uncaught page
 * errors, console errors and console warnings (but BROWSER_WARNINGS).
 */
export async function openPage(
  t,
  browser,
  url,
  { locale = 'zh-CN', viewport = { width: 1280, height: 900 }, time } = {},
) {
  const { origin } = new URL(url);
  const context = await browser.newContext({ locale, viewport });
  t.after(() => context.close());
  // A fixed day for the page's clock (the assessment's date), set before the app first reads it.
  if (time) await context.clock.setFixedTime(time);
  const requests = [];
  const errors = [];

  // Listening on the context also catches requests from workers and popups.
  context.on('request', (request) => {
    const target = request.url();
    // data: URLs are inline content, not network traffic.
    if (!target.startsWith('data:') && new URL(target).origin !== origin) {
      requests.push(target);
    }
  });

  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // The location names the failing URL, which "Failed to load resource" omits. A warning fails
    // a test as an error does, but for those the browser itself says of things no page controls.
    const type = message.type();
    if (type === 'error' || (type === 'warning' && !BROWSER_WARNINGS.some((w) => w.test(message.text())))) {
      errors.push(`console.${type}: ${message.text()} (${message.location().url})`);
    }
  });

  await page.goto(url, { waitUntil: 'load' });
  return { context, page, requests, errors };
}

/**
 * Resolves once the next frame has been painted and the work the app sets going after a paint has
 * run: the app's `paint::after_paint` is a frame callback that sets a zero-delay timeout, and this
 * is the same, queued after it. Not a sleep: it waits on the frame, whatever its length.
 */
export function afterPaint(target) {
  return target.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
}

/**
 * Resolves once every message `frame` has posted to its parent so far has been dispatched there
 * (or dropped by the browser, for a parent of another origin than the one addressed): a message of
 * the test's own, posted after them from the same window, has arrived. Messages from one window to
 * another are dispatched in the order they were posted.
 */
export async function framePostsDelivered(frame) {
  const parent = frame.parentFrame();
  const marker = `delivered-${Math.random()}`;
  await parent.evaluate((m) => {
    window.__delivered = new Promise((resolve) => {
      addEventListener('message', function heard(e) {
        if (e.data !== m) return;
        removeEventListener('message', heard);
        resolve();
      });
    });
  }, marker);
  await frame.evaluate((m) => parent.postMessage(m, '*'), marker);
  await parent.evaluate(() => window.__delivered);
}

const require = createRequire(import.meta.url);
let axeSource;

/** Runs axe-core on the whole document; resolves to its violations array. */
export async function axe(page, { tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } = {}) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(
    async (values) =>
      (await window.axe.run(document, { runOnly: { type: 'tag', values } })).violations,
    tags,
  );
}

/** One block per violation: rule id, impact, help text and up to 3 targets. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const targets = v.nodes.slice(0, 3).map((node) => `    ${node.target.join(' ')}`);
      const more = v.nodes.length > 3 ? [`    … and ${v.nodes.length - 3} more`] : [];
      return [`[${v.impact}] ${v.id}: ${v.help}`, ...targets, ...more].join('\n');
    })
    .join('\n');
}

/** Fails with a readable list of axe violations, if there are any. */
export async function assertNoViolations(page, label) {
  const violations = await axe(page);
  assert.equal(
    violations.length,
    0,
    `${label}: ${violations.length} accessibility violation(s)\n${formatViolations(violations)}`,
  );
}

/**
 * Serves the build and launches Chromium once for the enclosing `describe`, closing both after
 * it. Returns an object whose `server` and `browser` are set once `before` has run.
 */
export function appUnderTest(dir = DIST) {
  const app = {};
  before(async () => {
    app.server = await serve(dir);
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/**
 * The example association site (examples/embed), its addresses pointed at the app under test: the
 * page, its config (origin = this site, once `config` is called), and the questionnaires it may
 * offer. Serve `dir` with `serve(dir, { cors: true })`, as an association's server must.
 */
export function associationSite(appUrl, configure = (c) => c) {
  const dir = mkdtempSync(path.join(tmpdir(), 'host-'));
  cpSync(path.join(ROOT, 'examples/embed'), dir, { recursive: true });
  for (const name of ['association-questionnaire.json', 'invalid-questionnaire.json']) {
    cpSync(path.join(ROOT, 'tests/fixtures', name), path.join(dir, name));
  }
  const page = path.join(dir, 'index.html');
  writeFileSync(page, readFileSync(page, 'utf8').replace('http://127.0.0.1:8080/', appUrl));
  return {
    dir,
    config(origin) {
      const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
      config.origin = origin;
      writeFileSync(path.join(dir, 'config.json'), JSON.stringify(configure(config)));
    },
  };
}
