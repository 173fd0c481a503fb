// The checks every other test relies on can fail: on a page built to be wrong, axe-core finds the
// violations, and `openPage` records the request to another host and the console error. Were any
// of them to stop working (an axe-core upgrade, a Playwright event renamed), the app's tests
// asserting "no violation", "no request" and "no error" would pass whatever the app did.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { appUnderTest, assertNoViolations, axe, formatViolations, openPage } from './support.mjs';

// An image without alt and an unlabelled input; a request to a host that can never resolve
// (.invalid is reserved) and an error on the console.
const BAD_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Bad page</title><link rel="icon" href="data:,"></head>
<body>
<main>
<h1>Broken</h1>
<img src="data:,">
<input type="text">
</main>
<script>fetch('http://example.invalid/').catch(() => {}); console.error('broken on purpose');</script>
</body>
</html>`;

describe('the end-to-end harness', () => {
  const site = mkdtempSync(path.join(tmpdir(), 'e2e-support-'));
  writeFileSync(path.join(site, 'index.html'), BAD_HTML);
  const harness = appUnderTest(site);

  it('finds accessibility violations, requests to other hosts and console errors on a broken page', async (t) => {
    const { page, requests, errors } = await openPage(t, harness.browser, harness.server.url);
    const violations = await axe(page);
    assert.ok(violations.some((v) => v.id === 'image-alt'), `expected image-alt in:\n${formatViolations(violations)}`);
    await assert.rejects(assertNoViolations(page, 'bad page'), /bad page: \d+ accessibility violation/);
    // The fetch and the error come from an inline script, so both happened before `load`.
    assert.ok(requests.some((url) => url.startsWith('http://example.invalid/')), JSON.stringify(requests));
    assert.ok(errors.some((e) => e.includes('broken on purpose')), JSON.stringify(errors));
  });
});
