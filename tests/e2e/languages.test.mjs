// Issue 19: the first load carries the questionnaire in the person's language only; a switch of
// language fetches the whole questionnaire, keeps every answer, and works offline once the service
// worker has kept the build (a kiosk switches with no network).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { appUnderTest, DIST, openPage } from './support.mjs';
import { option, ready } from './walk.mjs';

/** A text only the English questionnaire has (a recommendation). */
const ENGLISH_ONLY = 'Register your trademarks in your main export markets';
const CHINESE_ONLY = '在主要出口市场注册商标';

async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

describe('the questionnaire in one language first', () => {
  const app = appUnderTest();

  it('keeps the other language out of the first load', () => {
    // The app's wasm (the workers' have names of their own).
    const wasm = readdirSync(DIST).find((f) => /^exporter-assessment-.*_bg\.wasm$/.test(f));
    const bytes = readFileSync(path.join(DIST, wasm));
    for (const text of [ENGLISH_ONLY, CHINESE_ONLY]) {
      assert.equal(bytes.includes(Buffer.from(text)), false, `the wasm holds no questionnaire text: ${text}`);
    }
    const zh = readFileSync(path.join(DIST, 'split/digital-trade.zh-CN.json'), 'utf8');
    assert.ok(zh.includes(CHINESE_ONLY) && !zh.includes(ENGLISH_ONLY));
    const en = readFileSync(path.join(DIST, 'split/digital-trade.en.json'), 'utf8');
    assert.ok(en.includes(ENGLISH_ONLY) && !en.includes(CHINESE_ONLY));
  });

  it('fetches the start language with the app, the whole on a switch, and switches offline', async (t) => {
    const { context, page, errors, requests } = await openPage(t, app.browser, app.server.url, { locale: 'zh-CN' });
    const fetched = [];
    context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await ready(page);
    const before = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    assert.ok(before.includes('/split/digital-trade.zh-CN.json'), before.join(' '));
    assert.ok(!before.some((p) => p === '/split/digital-trade.json' || p === '/split/digital-trade.en.json'), before.join(' '));

    await page.click('button.primary');
    await page.check(option('P.region', 'west'));
    fetched.length = 0;
    await page.click('button[lang="en"]');
    await page.waitForSelector('html[lang="en"]');
    await page.waitForFunction(() => document.querySelector('#screen-title')?.textContent === 'Your firm: what it does and where');
    assert.ok(fetched.includes('/split/digital-trade.json'), fetched.join(' '));
    assert.equal(await page.isChecked(option('P.region', 'west')), true, 'the answer stays');

    // Offline, once the worker keeps the build: a fresh load in Chinese switches to English.
    await controlled(page);
    await page.evaluate(() => localStorage.setItem('exporter-assessment/lang', 'zh-CN'));
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    await page.waitForSelector('html[lang="zh-CN"]');
    await page.click('button[lang="en"]');
    await page.waitForSelector('html[lang="en"]');
    await page.waitForSelector('.start h1, section.start, #screen-title');
    assert.equal(await page.$('.notice.bad'), null, 'no "could not be loaded"');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  });
});
