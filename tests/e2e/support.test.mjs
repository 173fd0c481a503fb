// Self-test of support.mjs on a throwaway site, so a failure in the app's
// e2e tests can be trusted to be the app's and not the harness's.

import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertNoViolations, axe, formatViolations, launch, openPage, serve } from './support.mjs';

// The icon link stops Chromium requesting /favicon.ico, whose 404 would be
// logged as a console error.
const GOOD_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Good page</title><link rel="icon" href="data:,"></head>
<body><main><h1>Hello</h1><button type="button">Continue</button></main></body>
</html>`;

// Missing image alt and an unlabelled input; it also tries to reach a host
// that can never resolve (.invalid is reserved), to exercise `requests`.
const BAD_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Bad page</title></head>
<body>
<main>
<h1>Broken</h1>
<img src="pixel.png">
<input type="text">
</main>
<script>fetch('http://example.invalid/').catch(() => {});</script>
</body>
</html>`;

// Smallest valid module: the magic number and version 1.
const WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** GET with the path sent exactly as given (no URL normalisation). */
function rawGet(origin, rawPath) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: rawPath }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('e2e support', () => {
  let tmp;
  let server;
  let browser;

  before(async () => {
    // The site lives one level down so that a traversal has a real target:
    // tmp/package.json sits just outside the served directory.
    tmp = await mkdtemp(path.join(tmpdir(), 'e2e-support-'));
    const site = path.join(tmp, 'site');
    await mkdir(site);
    await writeFile(path.join(tmp, 'package.json'), '{"secret":true}');
    await writeFile(path.join(site, 'index.html'), GOOD_HTML);
    await writeFile(path.join(site, 'bad.html'), BAD_HTML);
    await writeFile(path.join(site, 'app.wasm'), WASM);
    await writeFile(path.join(site, 'app.js'), 'export {};');
    await writeFile(path.join(site, 'style.css'), 'body { margin: 0; }');
    await writeFile(path.join(site, 'site.webmanifest'), '{}');

    server = await serve(site);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('serves files with the right content types', async () => {
    const expected = {
      '': 'text/html; charset=utf-8',
      'bad.html': 'text/html; charset=utf-8',
      'app.wasm': 'application/wasm',
      'app.js': 'text/javascript; charset=utf-8',
      'style.css': 'text/css; charset=utf-8',
      'site.webmanifest': 'application/manifest+json',
    };
    for (const [file, type] of Object.entries(expected)) {
      const res = await fetch(server.url + file);
      assert.equal(res.status, 200, file);
      assert.equal(res.headers.get('content-type'), type, file);
      assert.equal(res.headers.get('cache-control'), 'no-cache', file);
    }
    assert.match(await (await fetch(server.url)).text(), /<h1>Hello<\/h1>/);
    assert.deepEqual(
      new Uint8Array(await (await fetch(`${server.url}app.wasm`)).arrayBuffer()),
      new Uint8Array(WASM),
    );
  });

  it('answers 404 for missing files', async () => {
    assert.equal((await fetch(`${server.url}missing.js`)).status, 404);
    assert.equal((await fetch(`${server.url}no/such/dir/`)).status, 404);
  });

  it('refuses paths that leave the served directory', async () => {
    for (const rawPath of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      const { status, body } = await rawGet(server.origin, rawPath);
      assert.equal(status, 403, rawPath);
      assert.doesNotMatch(body, /secret/, rawPath);
    }
  });

  it('finds no axe violations on an accessible page', async () => {
    const { context, page, requests, errors } = await openPage(browser, server.url);
    try {
      assert.equal(await page.title(), 'Good page');
      assert.equal(await page.evaluate(() => navigator.language), 'zh-CN');
      await assertNoViolations(page, 'good page');
      assert.deepEqual(requests, []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('reports violations and external requests on a broken page', async () => {
    const { context, page, requests } = await openPage(browser, `${server.url}bad.html`);
    try {
      const violations = await axe(page);
      const ids = violations.map((v) => v.id);
      assert.ok(ids.includes('image-alt'), `expected image-alt in:\n${formatViolations(violations)}`);
      assert.match(formatViolations(violations), /image-alt: .+\n {4}img/);
      await assert.rejects(assertNoViolations(page, 'bad page'), /bad page: \d+ accessibility/);

      // The fetch is fired by an inline script, so it was issued before `load`.
      assert.ok(
        requests.some((url) => url.startsWith('http://example.invalid/')),
        `external request not recorded: ${JSON.stringify(requests)}`,
      );
    } finally {
      await context.close();
    }
  });
});
