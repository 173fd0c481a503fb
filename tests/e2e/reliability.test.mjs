// Nothing lost whatever goes wrong: damaged saved answers, storage that is blocked or full, import
// files that are huge, not JSON or deeply nested, and a panic.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { appUnderTest, openPage } from './support.mjs';
import { SHIPPED_VERSION, assertImportsRefused, completeWalk, crash, fixture, option, ready } from './walk.mjs';

const KEY = 'exporter-assessment/answers/digital-trade';
const sheet = (version, answers) =>
  JSON.stringify({ format: 'exporter-assessment/answers@1', questionnaire: { id: 'digital-trade', version }, answers });

/** The text of a download the page starts with `click`. */
async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dl-')), download.suggestedFilename());
  await download.saveAs(file);
  return readFileSync(file, 'utf8');
}

describe('reliability', () => {
  const app = appUnderTest();

  /** Opens the app with `saved` as the text in storage from an earlier visit. */
  async function withSaved(t, saved) {
    const opened = await openPage(t, app.browser, app.server.url, { locale: 'en-US' });
    await ready(opened.page);
    await opened.page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, saved]);
    await opened.page.reload();
    await ready(opened.page);
    return opened;
  }

  const damagedCases = [
    ['random bytes', '\u0000\u00ff\ufffd\u0007 garbage', /cannot be read/],
    ['cut-off JSON', sheet(SHIPPED_VERSION, { 'P.region': 'west', T1: 'cloud' }).slice(0, 60), /cannot be read/],
    ['a past version with an item that no longer exists', sheet('0.9.0', { 'P.region': 'west', T9: 'x' }), /made for “digital-trade 0\.9\.0”: 1 still fit/],
    ['a future version', sheet('2.0.0', { 'P.region': 'west', T1: 'cloud' }), /made for “digital-trade 2\.0\.0”: 2 still fit/],
    ['an answer id that no longer exists', sheet(SHIPPED_VERSION, { 'P.region': 'west', 'P.gone': 'yes' }), /1 no longer fit/],
  ];
  for (const [name, saved, message] of damagedCases) {
    it(`starts with damaged saved answers (${name}), says so, and keeps the text`, async (t) => {
      const { page, errors } = await withSaved(t, saved);
      const notice = await page.waitForSelector('.damaged');
      assert.match(await notice.textContent(), message);
      // The saved text, exactly as found, can be downloaded.
      assert.equal(await downloaded(page, () => page.click('.damaged button:first-of-type')), saved);
      // New answers do not overwrite it until the person decides.
      await page.click('section.start button:last-of-type');
      await page.check(option('P.sector', 'textiles'));
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), saved);
      // Discarding is the decision: from then on answers are saved again.
      await page.click('.damaged button:last-of-type');
      await page.check(option('P.region', 'central'));
      const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
      assert.equal(stored.answers['P.region'], 'central');
      assert.deepEqual(errors, []);
    });
  }

  it('resumes the answers of an older version that still fit', async (t) => {
    const { page } = await withSaved(t, sheet('0.9.0', { 'P.region': 'west', T1: 'cloud', T9: 'x' }));
    await page.waitForSelector('.damaged');
    assert.match(await page.textContent('.resume'), /2 of \d+ answered/);
    await page.click('.resume button.primary');
    assert.equal(await page.$('.damaged'), null);
    assert.ok(await page.isChecked(option('P.region', 'west')));
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
    assert.equal(stored.questionnaire.version, SHIPPED_VERSION);
    assert.deepEqual(Object.keys(stored.answers).sort(), ['P.region', 'T1']);
  });

  it('works in memory and says so when storage is blocked', async (t) => {
    const { context, page } = await openPage(t, app.browser, 'about:blank', { locale: 'en-US' });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await page.goto(app.server.url);
    await ready(page);
    assert.match(await page.textContent('.status.warning'), /cannot keep your answers/);
    // The start screen says so too, rather than promise to keep them.
    assert.match(await page.textContent('section.start .facts'), /does not let this page keep your answers/);
    await completeWalk(page, fixture('ict-services-yrd.json'));
    assert.match(await page.textContent('.status.warning'), /cannot keep your answers/);
  });

  it('keeps working and says so when storage becomes full', async (t) => {
    const { context, page } = await openPage(t, app.browser, 'about:blank', { locale: 'en-US' });
    await context.addInitScript((key) => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === key) throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(this, k, v);
      };
    }, KEY);
    await page.goto(app.server.url);
    await ready(page);
    assert.equal(await page.$('.status.warning'), null, 'storage works at first');
    await page.click('button.primary');
    await page.check(option('P.region', 'east'));
    assert.match(await page.textContent('.status.warning'), /cannot keep your answers/);
    await page.check(option('P.sector', 'textiles'));
    assert.match(await page.textContent('.counter label'), /^2 of/);
  });

  it('refuses import files that are huge, not JSON or deeply nested, and changes nothing', async (t) => {
    const { page } = await openPage(t, app.browser, app.server.url, { locale: 'en-US' });
    await ready(page);
    await page.click('button.primary');
    await page.check(option('P.region', 'east'));
    await page.click('.steps li:last-child button');
    await assertImportsRefused(page, [
      ['huge.json', `{"pad": "${'x'.repeat(1100 * 1024)}"}`, /at most 1024 KB/],
      ['words.json', 'these are not answers', /not an answers file/],
      ['nested.json', `${'['.repeat(100000)}${']'.repeat(100000)}`, /not an answers file/],
      ['binary.json', Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x00]), /not an answers file/],
      // JSON allows a key twice; which answer is meant is then unclear, so the file is refused.
      ['twice.json', sheet('1.0.0', { 'P.region': 'west' }).replace('"P.region":"west"', '"P.region":"west","P.region":"east"'),
        /answers question “P\.region” twice/],
    ]);
  });

  it('shows a recovery screen with the answers for download when the app panics', async (t) => {
    const { page } = await openPage(t, app.browser, app.server.url, { locale: 'en-US' });
    await ready(page);
    await page.click('button.primary');
    await page.check(option('P.region', 'west'));
    await page.check(option('P.offer', 'goods'));
    await crash(page);
    assert.match(await page.textContent('main.crashed'), /Something went wrong/);
    const answers = JSON.parse(await downloaded(page, () => page.click('main.crashed a[download]')));
    assert.deepEqual(answers.answers, { 'P.offer': 'goods', 'P.region': 'west' });
    // Reload reloads (not a move to the screen's fragment): the start screen again, with the
    // offer to resume every answer.
    assert.match(page.url(), /#/, 'the walk has a fragment');
    await page.click('main.crashed a.reload');
    await page.waitForSelector('.resume');
    assert.equal(await page.$('html[data-crashed]'), null);
    assert.match(await page.textContent('.resume'), /2 of \d+ answered/);
    await page.click('.resume button.primary');
    assert.ok(await page.isChecked(option('P.region', 'west')));
  });

  it('reloads after a panic on the report, and offers every answer again', async (t) => {
    const { page } = await openPage(t, app.browser, app.server.url, { locale: 'en-US' });
    await ready(page);
    await completeWalk(page, fixture('west-steel-eu.json'));
    const given = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)).answers;
    assert.ok(Object.keys(given).length > 20);
    await crash(page);
    await page.click('main.crashed a.reload');
    await page.waitForSelector('.resume');
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
    assert.deepEqual(stored.answers, given);
    assert.match(await page.textContent('.resume'), /\d+ of \d+ answered/);
  });

  it('two tabs keep every answer given in either, and say so', async (t) => {
    const { context, page: a } = await openPage(t, app.browser, app.server.url, { locale: 'en-US' });
    await ready(a);
    await a.click('button.primary');
    await a.check(option('P.region', 'west'));
    // A second tab of the same browser picks the answers up and adds one.
    const b = await context.newPage();
    await b.goto(app.server.url);
    await ready(b);
    await b.click('.resume button.primary');
    await b.check(option('P.sector', 'textiles'));
    // The first tab takes the second's answer up, says so, and its own next answer keeps both.
    const notice = await a.waitForSelector('.notice.warning');
    assert.match(await notice.textContent(), /changed in another tab/);
    assert.ok(await a.isChecked(option('P.sector', 'textiles')));
    await a.check(option('P.offer', 'goods'));
    await b.waitForFunction(() => document.querySelector('input[name="P.offer"][value="goods"]')?.checked);
    const saved = JSON.parse(await a.evaluate((key) => localStorage.getItem(key), KEY));
    assert.deepEqual(Object.keys(saved.answers).sort(), ['P.offer', 'P.region', 'P.sector']);
    // Undo brings this tab's answers back (and the other tab follows).
    await b.click('.notice.warning button:has-text("Go back")');
    assert.equal(await b.isChecked(option('P.offer', 'goods')), false);
    await a.waitForFunction(() => !document.querySelector('input[name="P.offer"][value="goods"]')?.checked);
  });
});
