// The first load carries the questionnaire in the person's language only; a switch of
// language fetches the whole questionnaire, keeps every answer, and works offline once the service
// worker has kept the build (a kiosk switches with no network).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { appUnderTest, associationSite, DIST, launch, openPage, serve } from './support.mjs';
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

/** `doc` with every text in `lang` only, and only `lang` declared. */
function onlyIn(doc, lang) {
  const languages = doc.languages;
  const keep = (value) => {
    if (Array.isArray(value)) return value.map(keep);
    if (value === null || typeof value !== 'object') return value;
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((k) => languages.includes(k) && typeof value[k] === 'string')) {
      return { [lang]: value[lang] };
    }
    return Object.fromEntries(keys.map((k) => [k, keep(value[k])]));
  };
  return { ...keep(doc), languages: [lang] };
}

describe('an association’s questionnaire in one language', () => {
  let app;
  let host;
  let browser;
  before(async () => {
    app = await serve();
    const site = associationSite(app.url, (config) => {
      // The weights name dimensions of the shipped questionnaire, which this one does not have.
      const { weights, ...rest } = config;
      return { ...rest, language: 'zh-CN', questionnaire: `${host.url}zh-only.json` };
    });
    const doc = JSON.parse(readFileSync(path.join(site.dir, 'association-questionnaire.json'), 'utf8'));
    writeFileSync(path.join(site.dir, 'zh-only.json'), JSON.stringify(onlyIn(doc, 'zh-CN')));
    const page = path.join(site.dir, 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('data-lang="en"', 'data-lang="zh-CN"'));
    host = await serve(site.dir, { cors: true });
    site.config(host.origin);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await host?.close();
    await app?.close();
  });

  it('says, in the language pressed, that the questionnaire is not in it, and keeps the answers', async (t) => {
    const { page, errors } = await openPage(t, browser, host.url, { locale: 'zh-CN' });
    // What the page itself fetched (the service worker precaches the build, the split files too).
    const fetchedByPage = () => frame.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    const frame = await (await page.waitForSelector('#assessment iframe')).contentFrame();
    await ready(frame);
    assert.equal(await frame.getAttribute('html', 'lang'), 'zh-CN');
    await frame.click('button.primary');
    await frame.check(option('P.members', 'yes'));
    const before = (await fetchedByPage()).length;

    await frame.click('button[lang="en"]');
    const notice = await frame.waitForSelector('.notice p[lang="en"]');
    assert.equal(
      (await notice.textContent()).trim(),
      'This questionnaire is only in 简体中文. Your answers are kept.',
    );
    assert.equal(await frame.getAttribute('html', 'lang'), 'zh-CN', 'the page stays in the language the questionnaire has');
    assert.equal(await frame.$('.notice.bad'), null, 'no "could not be loaded"');
    assert.equal(await frame.isChecked(option('P.members', 'yes')), true, 'the answer stays');
    const fetched = (await fetchedByPage()).slice(before);
    assert.ok(!fetched.some((p) => p.startsWith('/split/')), `the shipped questionnaire is not fetched: ${fetched.join(' ')}`);
    assert.deepEqual(errors, []);
  });
});
