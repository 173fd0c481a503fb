// Security: text from a config, a questionnaire or an answers file is shown as text and runs
// nothing; the app works under the Content-Security-Policy of dist/csp.txt with no violation.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { DIST, launch, openPage, serve } from './support.mjs';
import { completeWalk, fixture, option, ready } from './walk.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

/** Records CSP violations from the first script on, in every frame. */
const watchViolations = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
};

describe('security', () => {
  let app;
  let site;
  let browser;
  let siteDir;
  before(async () => {
    browser = await launch();
    siteDir = mkdtempSync(path.join(tmpdir(), 'site-'));
    site = await serve(siteDir, { cors: true });
    // The documented policy, with this test's association site allowed as the docs say to.
    const policy = readFileSync(path.join(DIST, 'csp.txt'), 'utf8').trim()
      .replace("connect-src 'self' https:", `connect-src 'self' https: ${site.origin}`)
      .replace("img-src 'self' https:", `img-src 'self' https: ${site.origin}`);
    app = await serve(DIST, { headers: { 'Content-Security-Policy': `${policy}; frame-ancestors 'self' ${site.origin}` } });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await site?.close();
  });

  it('completes an assessment under the Content-Security-Policy with no violation', async () => {
    const { context, page, errors } = await openPage(browser, 'about:blank', { locale: 'en-US' });
    try {
      await context.addInitScript(watchViolations);
      await page.goto(app.url);
      await ready(page);
      await completeWalk(page, fixture('gba-electronics-brand.json'));
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ format: 'A4' });
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(errors.filter((e) => /Content Security Policy|Refused/.test(e)), []);
    } finally {
      await context.close();
    }
  });

  it('shows an association’s name and question texts as text, and runs nothing in them', async () => {
    const questionnaire = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/association-questionnaire.json'), 'utf8'));
    questionnaire.dimensions[0].items[0].text.en = `Orders ${PAYLOAD}`;
    questionnaire.title.en = `Check ${PAYLOAD}`;
    writeFileSync(path.join(siteDir, 'q.json'), JSON.stringify(questionnaire));
    writeFileSync(path.join(siteDir, 'config.json'), JSON.stringify({ name: `Assoc ${PAYLOAD}`, origin: site.origin }));
    const url = new URL(app.url);
    url.search = new URLSearchParams({
      embed: '1', lang: 'en', config: `${site.url}config.json`, questionnaire: `${site.url}q.json`,
    }).toString();
    const { context, page } = await openPage(browser, 'about:blank', { locale: 'en-US' });
    try {
      await context.addInitScript(watchViolations);
      await page.goto(url.href);
      await ready(page);
      assert.equal(await page.textContent('h1'), `Check ${PAYLOAD}`);
      assert.match(await page.textContent('.offered-by'), /Assoc <img src=x onerror=/);
      await page.click('button.primary');
      await page.check(option('P.members', 'yes'));
      await page.click('.walk-nav button.primary');
      assert.match(await page.textContent('legend'), /Orders <img src=x/);
      assert.equal(await page.$('main img, main script'), null, 'no element made from the text');
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
    } finally {
      await context.close();
    }
  });

  it('shows an imported file’s contents as text and runs nothing in them', async () => {
    const { context, page } = await openPage(browser, app.url, { locale: 'en-US' });
    try {
      await ready(page);
      await page.click('button.primary');
      await page.click('.steps li:last-child button');
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-')), 'evil.json');
      writeFileSync(file, JSON.stringify({
        format: 'exporter-assessment/answers@1',
        questionnaire: { id: 'digital-trade', version: '1.1.0' },
        answers: { [PAYLOAD]: 'x', 'P.region': PAYLOAD },
      }));
      await page.setInputFiles('.answers-file input[type=file]', file);
      const notice = await page.waitForSelector('.notice.bad');
      assert.match(await notice.textContent(), /question "<img src=x onerror=/);
      assert.equal(await notice.$('img, script'), null);
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    } finally {
      await context.close();
    }
  });
});
