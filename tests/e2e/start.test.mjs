// The built app opens in Chromium, shows the start screen in the browser's language, switches
// language, and passes axe-core with no network request beyond its own origin.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { appUnderTest, assertNoViolations, openPage } from './support.mjs';


describe('start screen', () => {
  const app = appUnderTest();

  it('shows what the assessment is, in the browser language, and switches language', async () => {
    const { context, page, requests, errors } = await openPage(app.browser, app.server.url, { locale: 'zh-CN' });
    try {
      await page.waitForSelector('html[data-ready="true"]');
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
      assert.equal(await page.textContent('h1'), '出口企业数字贸易成熟度自评');
      const body = await page.textContent('main');
      assert.match(body, /约 \d+ 分钟，共 \d+ 题；阅读报告另需几分钟/);
      assert.match(body, /只保存在本设备上/);
      await assertNoViolations(page, 'start, zh-CN');

      await page.click('button[lang="en"]');
      await page.waitForSelector('html[lang="en"]');
      assert.equal(await page.textContent('h1'), 'Digital trade readiness self-assessment for exporters');
      assert.match(await page.textContent('main'), /About \d+ minutes, \d+ questions, and a few more to read your report/);
      assert.equal(await page.getAttribute('button[lang="en"]', 'aria-pressed'), 'true');
      await assertNoViolations(page, 'start, en');

      assert.deepEqual(requests, [], 'no request leaves the origin');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('starts in English for an English browser', async () => {
    const { context, page } = await openPage(app.browser, app.server.url, { locale: 'en-GB' });
    try {
      await page.waitForSelector('html[data-ready="true"]');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(await page.textContent('button.primary'), 'Start the assessment');
    } finally {
      await context.close();
    }
  });

  for (const [locale, title] of [['zh-CN', '出口企业数字贸易成熟度自评'], ['en-US', 'Digital trade readiness self-assessment for exporters']]) {
    it(`paints a real first screen in ${locale} before the wasm runs, the one the app then renders`, async () => {
      const { context, page } = await openPage(app.browser, 'about:blank', { locale });
      try {
        // What is visible, as text (innerText leaves out what is not displayed).
        const text = () => page.evaluate(() => document.getElementById('app').innerText.replace(/\s+/g, ' ').trim());
        // Until the wasm arrives, the static screen is what a person sees. (Held, not refused: a
        // refused file makes the loader recover by reloading, see Trunk.toml.)
        await page.route(/\.wasm$/, () => {});
        await page.goto(app.server.url);
        assert.equal(await page.locator('h1:visible').textContent(), title);
        assert.equal(await page.getByRole('main').count(), 1, 'one main landmark');
        const shell = await text();
        await page.unroute(/\.wasm$/);
        await page.reload();
        await page.waitForSelector('html[data-ready="true"]');
        assert.equal(await text(), shell, 'index.html mirrors the rendered start screen');
      } finally {
        await context.close();
      }
    });
  }

  it('keeps a press on Start made before the app is ready, says it is loading, then opens the walk', async () => {
    const { context, page, errors } = await openPage(app.browser, 'about:blank', { locale: 'en-US' });
    try {
      // What the walk's first frame holds: its first questions only, the section marked busy
      // until the rest are built, just after that frame is painted (section.rs).
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          const shown = document.querySelectorAll('fieldset.question');
          if (shown.length === 0) return;
          observer.disconnect();
          window.firstFrame = {
            questions: shown.length,
            busy: document.querySelector('section.section')?.getAttribute('aria-busy'),
          };
          requestAnimationFrame(() => {
            window.firstFrame.painted = document.querySelectorAll('fieldset.question').length;
          });
        }).observe(document, { childList: true, subtree: true });
      });
      // A slow network: the wasm arrives two seconds after it is asked for.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route(/\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(app.server.url);
      const start = page.locator('.shell[lang="en"] button[data-start]');
      await start.click();
      assert.equal(await start.textContent(), 'Loading, starting in a moment…');
      assert.equal(await start.getAttribute('aria-busy'), 'true');
      assert.equal(await page.$('html[data-ready="true"]'), null, 'the app was not ready yet');
      release();
      await page.waitForSelector('html[data-ready="true"]');
      await page.waitForFunction(() => document.querySelector('#screen-title')?.textContent === 'Your firm: what it does and where');
      await page.waitForSelector('section.section:not([aria-busy])');
      const whole = (await page.$$('fieldset.question')).length;
      assert.ok(whole >= 3 && whole <= 6, `the profile's first screen shows ${whole} questions`);
      // The profile's first screen is short: its first frame holds all of it (a longer section's
      // holds its first six, the rest come after it).
      assert.deepEqual(await page.evaluate(() => window.firstFrame), { questions: whole, busy: null, painted: whole },
        'the first frame paints the whole first screen');
      assert.equal(await page.getAttribute('fieldset.question:last-child', 'id'), 'q-P.offer', 'its last question');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
