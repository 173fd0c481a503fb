// Kiosk mode: visitor A answers half and walks away; after the idle time and a visible countdown
// everything of A is wiped, and visitor B starts afresh. Nothing of A is in localStorage,
// sessionStorage or IndexedDB at any point.
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { appUnderTest, assertNoViolations, DIST, openPage } from './support.mjs';
import { completeWalk, crash, fixture, option, ready, SECTION, showQuestion } from './walk.mjs';

/** Everything the page's origin holds in the storages a browser keeps between visits. */
async function stored(page) {
  return page.evaluate(async () => {
    const all = (s) => Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)]));
    const databases = (await indexedDB.databases()).map((d) => d.name);
    return { local: all(localStorage), session: all(sessionStorage), databases };
  });
}

const EMPTY = { local: {}, session: {}, databases: [] };

/** A build with a kiosk config file beside it, as an operator would set one up. */
function buildWithConfig(config) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-'));
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(path.join(dir, 'kiosk.json'), JSON.stringify(config));
  return dir;
}

describe('kiosk mode', () => {
  const app = appUnderTest(buildWithConfig({ idle_seconds: 600, countdown_seconds: 3, attract: true, language: 'en' }));

  it('wipes visitor A after the idle time so that visitor B sees nothing of A', async (t) => {
    // The URL's short idle time overrides the file's, as a test or a busy stand may want.
    const { page, errors } = await openPage(t, app.browser, `${app.server.url}?kiosk&idle=2`, { locale: 'zh-CN' });
    await ready(page);
    // The config file's attract screen and language.
    await page.waitForSelector('section.attract');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await assertNoViolations(page, 'attract screen');
    // Nothing focused draws a box on it, it says what a shared machine does with answers, and
    // a tap anywhere on it opens the first question: one tap, not two.
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    assert.match(await page.textContent('section.attract .facts'), /shared machine.*cleared/);
    await page.click('section.attract p.lead');
    await page.waitForSelector(SECTION);

    // Visitor A answers half of the profile (its first two screens), switches language, and
    // leaves.
    const answers = fixture('gba-electronics-brand.json');
    const half = Object.keys(answers).filter((q) => q.startsWith('P.')).slice(0, 8);
    for (const q of half) {
      await showQuestion(page, q);
      for (const v of [answers[q]].flat()) await page.check(option(q, v));
      assert.deepEqual(await stored(page), EMPTY, `nothing stored after answering ${q}`);
    }
    await page.click('button[lang="zh-CN"]');
    assert.deepEqual(await stored(page), EMPTY);

    // Idle: the countdown shows and counts down, then A is wiped.
    const dialog = await page.waitForSelector('[role=alertdialog]', { timeout: 5000 });
    assert.match(await dialog.textContent(), /秒后将清除/);
    await assertNoViolations(page, 'countdown');
    await page.waitForSelector('section.attract', { timeout: 8000 });
    assert.equal(await page.$('[role=alertdialog]'), null);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'back to the kiosk’s language');
    assert.deepEqual(await stored(page), EMPTY);

    // Visitor B: a clean start, nothing of A's answers anywhere in the walk.
    await page.click('section.attract button');
    await page.waitForSelector(SECTION);
    assert.match(await page.textContent('.counter label'), /^0 of \d+ answered/);
    assert.equal(await page.$('input:checked'), null);
    assert.deepEqual(errors, []);
  });

  it('any input during the countdown keeps the visitor', async (t) => {
    // Idle time long enough to tick the option before the kiosk asks (see below).
    const { page } = await openPage(t, app.browser, `${app.server.url}?kiosk&idle=3&countdown=5&attract=0`, { locale: 'en-US' });
    await ready(page);
    await page.click('button.primary');
    await page.check(option('P.region', 'west'));
    await page.waitForSelector('[role=alertdialog]', { timeout: 8000 });
    // The dialog's button has focus: Enter is enough.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "I'm still here");
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role=alertdialog]', { state: 'detached' });
    assert.ok(await page.isChecked(option('P.region', 'west')));
  });

  it('finishes and clears after one question, which an accidental tap does not get past', async (t) => {
    const { page } = await openPage(t, app.browser, `${app.server.url}?kiosk&attract=0`, { locale: 'en-US' });
    await ready(page);
    // The start screen says what a shared machine does with answers, and offers no file.
    assert.match(await page.textContent('section.start .facts'), /shared machine.*cleared.*print the report/);
    assert.equal(await page.$('section.start input[type=file]'), null, 'no import on the start screen');
    await completeWalk(page, fixture('textile-central-oem.json'));
    // Nothing of a visitor may land in the kiosk's downloads: no export, no import, no link.
    assert.equal(await page.$('.answers-file, .save-result, input[type=file], a[download]'), null, 'no answers file on the report');
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10_000, 'the report prints in a kiosk');
    assert.deepEqual(await stored(page), EMPTY);
    const overall = await page.textContent('.overall .value');
    // One accidental tap: nothing is cleared. The question takes the button's place, the focus
    // on the safe answer; a second tap on the same spot lands on no button.
    const spot = await page.locator('button.finish').boundingBox();
    await page.click('button.finish');
    await page.waitForSelector('.finish-confirm');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'button finish-keep');
    await page.mouse.click(spot.x + spot.width / 2, spot.y + spot.height / 2);
    assert.ok(await page.$('article.report'), 'the report survives a second tap on the same spot');
    await assertNoViolations(page, 'the finish question');
    await page.click('.finish-keep');
    assert.ok(await page.$('article.report'), 'the report is still there');
    assert.equal(await page.textContent('.overall .value'), overall);
    // Meant: asked, and confirmed.
    await page.click('button.finish');
    await page.click('.finish-yes');
    await page.waitForSelector('section.start');
    assert.equal(await page.$('button.finish'), null);
    await page.click('button.primary');
    await page.waitForSelector(SECTION);
    assert.equal(await page.$('input:checked'), null);
  });

  // A kiosk's reports are dated by its clock: seven months after the catalogue's "rules as of"
  // (2026-12-07), the report says the rules may have changed, in the kiosk's language and in the
  // visitor's, on the folded section's line too.
  it('says the rules may have changed when its clock is seven months after them', async (t) => {
    const { page, errors } = await openPage(t, app.browser, `${app.server.url}?kiosk&attract=0`, {
      locale: 'en-US', time: new Date('2027-07-07T09:00:00Z'),
    });
    await ready(page);
    await completeWalk(page, fixture('west-steel-eu.json'));
    await page.waitForSelector('.obligations .obligation-group', { state: 'attached' });
    const summary = 'details.fold:has(.obligations) > summary .fold-line';
    for (const [lang, words] of [
      ['en', [/Rules as of 2026-12-07/, /may have changed/, /dated 2027-07-07/, /EUR-Lex/]],
      ['zh-CN', [/规则截至 2026-12-07/, /可能已经改变/, /本次评估日期是 2027-07-07/, /EUR-Lex/]],
    ]) {
      if (lang !== 'en') await page.click(`button[lang="${lang}"]`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      // Folded, the section shows its line: the warning is on it.
      await page.waitForFunction(([sel, w]) => new RegExp(w).test(document.querySelector(sel)?.textContent ?? ''),
        [summary, words[1].source]);
      assert.match(await page.textContent(summary), /2026-12-07/, `${lang}: the folded line`);
      const fold = page.locator('details.fold:has(.obligations)');
      if (!(await fold.evaluate((d) => d.open))) await page.click('details.fold:has(.obligations) > summary');
      assert.match(await page.textContent('.obligations .rules-as-of'), words[0], lang);
      const warning = await page.textContent('.obligations .rules-may-have-changed');
      for (const w of words.slice(1)) assert.match(warning, w, lang);
    }
    await assertNoViolations(page, 'a kiosk’s report with the currency warning');
    assert.deepEqual(await stored(page), EMPTY, 'nothing of the visitor stored');
    assert.deepEqual(errors, []);
  });

  it('reports a broken config file and runs on the defaults', async (t) => {
    const broken = buildWithConfig({ idle: 'soon' });
    app.server.setRoot(broken);
    const { page } = await openPage(t, app.browser, `${app.server.url}?kiosk`, { locale: 'en-US' });
    await ready(page);
    assert.match(await page.textContent('.status.warning'), /kiosk\.json: not in the expected format: unknown field `idle`/);
    await page.waitForSelector('section.start');
  });

  it('offers no answers file on the review either', async (t) => {
    const { page } = await openPage(t, app.browser, `${app.server.url}?kiosk&attract=0`, { locale: 'en-US' });
    await ready(page);
    await page.click('button.primary');
    await page.click('.steps li:last-child button');
    await page.waitForSelector('section.review');
    assert.equal(await page.$('.answers-file, .save-result, input[type=file], a[download]'), null);
  });

  // The screen reloads itself after idle + countdown (4 s), or at once when Reload is pressed:
  // either way a fresh visit, with nothing of the visitor and no offer to resume. (With one second
  // of idle time, a busy machine that took a second to show the section had the kiosk ask "still
  // there?" over the option the test was about to tick.)
  for (const [how, query, leave] of [
    ['clears itself after the idle time', 'idle=3&countdown=1', async () => {}],
    ['Reload starts a fresh visit', 'idle=60&countdown=10', (page) => page.click('main.crashed a.reload')],
  ]) {
    it(`after a crash offers nothing of the visitor, and ${how}`, async (t) => {
      const { page } = await openPage(t, app.browser, `${app.server.url}?kiosk&attract=0&${query}`, { locale: 'en-US' });
      await ready(page);
      await page.click('button.primary');
      await page.check(option('P.region', 'west'));
      await crash(page);
      assert.equal(await page.$('main.crashed a[download]'), null, 'no download in a kiosk');
      assert.match(await page.textContent('main.crashed'), /clears itself/);
      assert.deepEqual(await stored(page), EMPTY);
      await leave(page);
      await page.waitForSelector('section.start', { timeout: 8000 });
      assert.equal(await page.$('html[data-crashed]'), null);
      assert.equal(await page.$('.resume'), null, 'no offer to resume in a kiosk');
      await page.click('button.primary');
      await page.waitForSelector(SECTION);
      assert.equal(await page.$('input:checked'), null, 'nothing of the visitor after the reload');
    });
  }

  it('wipes a visit that only switched the language', async (t) => {
    const { page } = await openPage(t, app.browser, `${app.server.url}?kiosk&attract=0&idle=1&countdown=1`, { locale: 'en-US' });
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.click('button[lang="zh-CN"]');
    await page.waitForSelector('[role=alertdialog]', { timeout: 5000 });
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5000 });
  });

  it('shows its first screen in its own language, not one a personal visit chose', async (t) => {
    // A personal visit in this browser chose Chinese; the kiosk's visitor has an English browser.
    const { page } = await openPage(t, app.browser, app.server.url, { locale: 'en-US' });
    await ready(page);
    await page.evaluate(() => localStorage.setItem('exporter-assessment/lang', 'zh-CN'));
    // Read as soon as the page is parsed: index.html's own script has run, and the app (which
    // would choose the same) has not started yet.
    await page.goto(`${app.server.url}?kiosk`, { waitUntil: 'domcontentloaded' });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  });
});
