// The built app opens in Chromium, shows the start screen in the browser's language, switches
// language, and passes axe-core with no network request beyond its own origin. Before the app has
// started, the page painted from its components (crates/prerender) is answerable.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { HtmlValidate } from 'html-validate';

import { appUnderTest, assertNoViolations, DIST, openPage } from './support.mjs';
import { ready, REPORT } from './walk.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');


describe('start screen', () => {
  const app = appUnderTest();

  it('shows what the assessment is, in the browser language, and switches language', async (t) => {
    const { page, requests, errors } = await openPage(t, app.browser, app.server.url, { locale: 'zh-CN' });
    await ready(page);
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
  });

  it('starts in English for an English browser', async (t) => {
    const { page } = await openPage(t, app.browser, app.server.url, { locale: 'en-GB' });
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('button.primary'), 'Start the assessment');
  });

  // When the wasm is asked for (see Trunk.toml): after the first screen is painted on a fast
  // link, beside the questionnaire before any paint on a slow one; the app starts either way.
  for (const slow of [false, true]) {
    it(`asks for the wasm ${slow ? 'at once on a slow link' : 'once the first screen is painted on a fast link'}`, async (t) => {
      const { page, errors } = await openPage(t, app.browser, 'about:blank', { locale: 'en-US' });
      if (slow) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8,
        });
      }
      await page.goto(app.server.url);
      await ready(page, { timeout: 60_000 });
      const { paint, wasm, questionnaire } = await page.evaluate(() => {
        const [entry] = performance.getEntriesByName('first-contentful-paint');
        const started = (pattern) => performance.getEntriesByType('resource').find((r) => pattern.test(r.name))?.startTime;
        return { paint: entry?.startTime, wasm: started(/_bg\.wasm$/), questionnaire: started(/\/split\/digital-trade\.en\.json$/) };
      });
      assert.ok(paint > 0 && wasm > 0 && questionnaire > 0, `painted at ${paint}, wasm at ${wasm}, questionnaire at ${questionnaire}`);
      if (slow) {
        assert.ok(wasm < paint, `the wasm was asked for at ${wasm} ms, after the first paint at ${paint} ms`);
        assert.ok(wasm - questionnaire < 50, `the wasm was asked for at ${wasm} ms, the questionnaire at ${questionnaire} ms`);
      } else {
        assert.ok(wasm >= paint, `the wasm was asked for at ${wasm} ms, before the first paint at ${paint} ms`);
      }
      assert.deepEqual(errors, []);
    });
  }

  // The page painted before the app: the app's own components rendered at build time
  // (crates/prerender), answerable before the wasm has arrived.
  const held = async (page) => {
    // The wasm is held until the test lets it go: the app cannot start before. (Held, not refused:
    // a refused file makes the loader recover by reloading, see Trunk.toml.)
    let release;
    const wait = new Promise((resolve) => { release = resolve; });
    await page.route(/\.wasm$/, async (route) => {
      await wait;
      await route.continue();
    });
    return release;
  };
  const seen = (page, selector) => page.locator(selector).filter({ visible: true });

  it('is the components\' own markup: each rendered natively is found in the built index.html', () => {
    const built = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    for (const lang of ['zh-CN', 'en']) {
      for (const screen of ['start', 'walk']) {
        const rendered = execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'prerender', '--', '--screen', screen, lang],
          { cwd: ROOT, encoding: 'utf8' }).trim();
        assert.ok(rendered.length > 500 && rendered.includes('<h1'), `${screen} in ${lang} rendered: ${rendered.slice(0, 200)}`);
        assert.ok(built.includes(rendered), `the ${screen} screen in ${lang}, as the component renders it, is in dist/index.html`);
      }
    }
    assert.doesNotMatch(built, /digital-trade \d+\.\d+\.\d+ · <button type="button" disabled class="link">/,
      'no hand-written copy of the footer is left');
  });

  it('is valid HTML with a single main shown: html-validate on the built index.html', async () => {
    const built = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Style, not validity: Yew writes a boolean attribute as `disabled="disabled"`, and
        // the build's whitespace is Trunk's.
        'attribute-boolean-style': 'off',
        'doctype-style': 'off',
        'no-trailing-whitespace': 'off',
        // A question's id holds its code (`q-P.region`), valid in HTML's ids.
        'valid-id': ['error', { relaxed: true }],
        // The walk's form submits nothing (its Next is the app's, or the loading word).
        'wcag/h32': 'off',
        // The other languages' headers and footers are in shells the stylesheet does not show;
        // the validator reads no stylesheet. Their mains are marked hidden, which it reads.
        'unique-landmark': 'off',
        'no-multiple-main': 'error',
        'no-dup-id': 'error',
      },
    });
    const problems = async (html) => (await validator.validateString(html, 'index.html')).results
      .flatMap((r) => r.messages).map((m) => `${m.ruleId}: ${m.message}`);
    assert.deepEqual(await problems(built), []);
    assert.equal((built.match(/<main[^>]*>/g) ?? []).length, 2, 'a main per language, as built');
    // The rule holds it: with every main shown, it is refused.
    assert.ok((await problems(built.replace(/(<main[^>]*) hidden(="hidden")?/, '$1'))).some((p) => p.startsWith('no-multiple-main')),
      'html-validate refuses two mains shown');
  });

  for (const [locale, title, section] of [
    ['zh-CN', '出口企业数字贸易成熟度自评', '企业：业务与所在地'],
    ['en-US', 'Digital trade readiness self-assessment for exporters', 'Your firm: what it does and where'],
  ]) {
    it(`in ${locale}: before the app, Start opens the first section at once, its answers are adopted, saved and reported`, async (t) => {
      const { page, errors } = await openPage(t, app.browser, 'about:blank', { locale, viewport: { width: 360, height: 740 } });
      const release = await held(page);
      await page.goto(app.server.url);
      assert.equal(await seen(page, 'h1').textContent(), title);
      assert.equal(await page.getByRole('main').count(), 1, 'one main landmark');
      await assertNoViolations(page, `first paint, ${locale}`);
      await seen(page, 'button.primary').click();
      // The section is there at once, from the page itself: the app has not started.
      assert.equal(await seen(page, 'h1').textContent(), section);
      assert.equal(await page.$('html[data-ready="true"]'), null, 'the app has not started');
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus on the section\'s heading');
      await assertNoViolations(page, `first section before the app, ${locale}`);
      for (const [question, value] of [['P.region', 'west'], ['P.zone', 'gba'], ['P.zone', 'ftz'], ['P.sector', 'electronics'], ['P.offer', 'both']]) {
        await seen(page, `input[name="${question}"][value="${value}"]`).check();
      }
      // The person is on the last answer when the app arrives.
      await seen(page, 'input[name="P.offer"][value="both"]').focus();
      const labels = await page.evaluate(() => [...document.querySelectorAll('form[data-screen="walk"]:not([hidden]) input:checked')]
        .map((i) => i.closest('label').textContent.trim()));
      assert.equal(labels.length, 5);
      release();
      await ready(page);
      await page.waitForSelector('#screen-title');
      assert.equal(await page.textContent('#screen-title'), section, 'the app shows the same section');
      assert.equal(await page.locator('form[data-screen]').count(), 0, 'the app has taken over the page');
      // In the app's state (its section renders from it), with the focus where the person was.
      assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#app input:checked')].map((i) => `${i.name}=${i.value}`)),
        ['P.region=west', 'P.zone=gba', 'P.zone=ftz', 'P.sector=electronics', 'P.offer=both']);
      await page.waitForFunction(() => document.activeElement?.matches('input[name="P.offer"][value="both"]'));
      // Saved as any answer is.
      const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('exporter-assessment/answers/digital-trade')));
      assert.deepEqual(saved.answers, { 'P.offer': 'both', 'P.region': 'west', 'P.sector': 'electronics', 'P.zone': ['gba', 'ftz'] });
      await assertNoViolations(page, `first section in the app, ${locale}`);
      // And in the report.
      await page.locator('nav.steps li:last-child button').click();
      await page.locator('.walk-nav .primary').click();
      await page.waitForSelector(REPORT);
      const firm = await page.textContent('section.firm');
      for (const label of labels) assert.ok(firm.includes(label), `the report's firm section names ${label}`);
      assert.deepEqual(errors, []);
    });
  }

  it('in a kiosk: the kiosk\'s first screen before the app, answers given there kept in memory and reported', async (t) => {
    const { page, errors } = await openPage(t, app.browser, 'about:blank', { locale: 'en-US' });
    const release = await held(page);
    await page.goto(`${app.server.url}?kiosk`);
    assert.match(await seen(page, '.facts').textContent(), /shared|public/i, 'the kiosk\'s own words on answers');
    await seen(page, 'button.primary').click();
    const east = (await seen(page, 'input[name="P.region"][value="east"]').locator('xpath=..').textContent()).trim();
    await seen(page, 'input[name="P.region"][value="east"]').check();
    await seen(page, 'input[name="P.sector"][value="textiles"]').check();
    release();
    await ready(page);
    await page.waitForSelector('#screen-title');
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#app input:checked')].map((i) => `${i.name}=${i.value}`)),
      ['P.region=east', 'P.sector=textiles']);
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'a kiosk keeps nothing in storage');
    await page.locator('nav.steps li:last-child button').click();
    await page.locator('.walk-nav .primary').click();
    await page.waitForSelector(REPORT);
    const firm = await page.textContent('section.firm');
    assert.ok(firm.includes(east), `the report names ${east}: ${firm}`);
    // No kiosk config file beside this build: the defaults apply.
    assert.deepEqual(errors.filter((e) => !e.includes('/kiosk.json')), []);
  });

  it('where storage is blocked: answers given before the app are adopted all the same, kept in the page', async (t) => {
    const { page, errors } = await openPage(t, app.browser, 'about:blank', { locale: 'en-US' });
    await page.addInitScript(() => Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('blocked', 'SecurityError'); },
    }));
    const release = await held(page);
    await page.goto(app.server.url);
    await seen(page, 'button.primary').click();
    await seen(page, 'input[name="P.region"][value="northeast"]').check();
    await seen(page, 'input[name="P.zone"][value="none"]').check();
    release();
    await ready(page);
    await page.waitForSelector('#screen-title');
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#app input:checked')].map((i) => `${i.name}=${i.value}`)),
      ['P.region=northeast', 'P.zone=none']);
    assert.deepEqual(errors, []);
  });

  it('in a kiosk with an attract screen: a tap on it before the app opens the first section', async (t) => {
    const { page } = await openPage(t, app.browser, 'about:blank', { locale: 'zh-CN' });
    const release = await held(page);
    await page.goto(`${app.server.url}?kiosk&attract=1`);
    await seen(page, 'section.attract').click();
    assert.equal(await seen(page, 'h1').textContent(), '企业：业务与所在地');
    release();
    await ready(page);
    await page.waitForSelector('#screen-title');
    assert.equal(await page.textContent('#screen-title'), '企业：业务与所在地');
  });

  it('says that the app is loading when Next is pressed early, then goes on when it starts', async (t) => {
    const { page, errors } = await openPage(t, app.browser, 'about:blank', { locale: 'en-US' });
    const release = await held(page);
    await page.goto(app.server.url);
    await seen(page, 'button.primary').click();
    await seen(page, 'input[name="P.region"][value="central"]').check();
    const next = seen(page, '.walk-nav .primary');
    await next.click();
    assert.equal(await next.textContent(), 'Loading, continuing in a moment…');
    assert.equal(await next.getAttribute('aria-busy'), 'true');
    assert.equal(await page.$('html[data-ready="true"]'), null, 'the app was not ready yet');
    release();
    await ready(page);
    await page.waitForFunction(() => document.querySelector('#screen-title')?.textContent !== 'Your firm: what it does and where');
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('exporter-assessment/answers/digital-trade')));
    assert.deepEqual(saved.answers, { 'P.region': 'central' });
    assert.deepEqual(errors, []);
  });

  it('keeps a press on Start where answers saved earlier are on offer: says it is loading, and the app offers them', async (t) => {
    const { page } = await openPage(t, app.browser, 'about:blank', { locale: 'en-US' });
    await page.goto(app.server.url);
    await ready(page);
    await page.evaluate((text) => localStorage.setItem('exporter-assessment/answers/digital-trade', text),
      readFileSync(path.join(ROOT, 'tests/fixtures/gba-electronics-brand.json'), 'utf8'));
    const release = await held(page);
    await page.reload({ waitUntil: 'domcontentloaded' });
    const start = seen(page, '[data-screen="start"] button.primary');
    await start.click();
    assert.equal(await start.textContent(), 'Loading, starting in a moment…');
    assert.equal(await seen(page, 'form[data-screen="walk"]').count(), 0, 'the walk does not open before the app');
    release();
    await ready(page);
    await page.waitForSelector('.resume');
  });
});
