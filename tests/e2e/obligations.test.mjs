// The report's "Your markets and goods". A walk choosing goods and markets shows each
// rule of the catalogue in its place on the timeline, the same as `assess obligations --json` on
// the same answers and date; a follow-up left unanswered puts a rule under "may apply" with the
// question that would tell; in both languages; the catalogue is a file of its own, kept offline.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { appUnderTest, assertNoViolations, openPage } from './support.mjs';
import { answerShown, assess, completeWalk, fixture, pressNext, ready, REPORT, reportShown, showQuestion } from './walk.mjs';

const ANSWERS_KEY = 'exporter-assessment/answers/digital-trade';

/** The groups the core puts each rule in, for the answers the page saved, on its date. */
function expectedGroups(answersJson) {
  const dir = mkdtempSync(path.join(tmpdir(), 'obligations-'));
  const file = path.join(dir, 'answers.json');
  writeFileSync(file, answersJson);
  const date = JSON.parse(answersJson).date;
  const out = assess(['obligations', 'questionnaire/digital-trade.json', file, '--date', date, '--json']);
  const groups = {};
  for (const f of JSON.parse(out).findings) {
    if (f.status === 'does_not_apply') continue;
    const group = f.status === 'may_apply' ? 'may-apply'
      : f.status === 'check' || ['check_date', 'check_since'].includes(f.timeline.when) ? 'to-check'
        : f.timeline.when.replace('_', '-').replace('within-year', 'within-year');
    (groups[group] ??= []).push(f.obligation);
  }
  for (const list of Object.values(groups)) list.sort();
  return groups;
}

async function shownGroups(page) {
  return page.evaluate(() => {
    const groups = {};
    // By market, then by when: a timeline group may be under several markets.
    for (const group of document.querySelectorAll('.obligations .obligation-group')) {
      const name = [...group.classList].find((c) => c !== 'obligation-group');
      (groups[name] ??= []).push(...[...group.querySelectorAll('li')].map((li) => li.dataset.obligation));
    }
    for (const list of Object.values(groups)) list.sort();
    return groups;
  });
}

describe('what each market asks of the firm’s goods', () => {
  const app = appUnderTest();

  for (const [locale, title] of [['en-US', 'Your markets and goods'], ['zh-CN', '您的市场与货物']]) {
    it(`shows the rules for steel bolts to the EU on the timeline (${locale})`, async (t) => {
      const { page, errors, requests } = await openPage(t, app.browser, app.server.url, { locale });
      await ready(page);
      await completeWalk(page, fixture('west-steel-eu.json'));
      await page.waitForSelector('.obligations .obligation-group', { state: 'attached' });
      assert.equal(await page.textContent('#obligations-title'), title);
      const saved = await page.evaluate((key) => localStorage.getItem(key), ANSWERS_KEY);
      const expected = expectedGroups(saved);
      assert.deepEqual(await shownGroups(page), expected);
      assert.ok(expected['in-force'].includes('eu_cbam'), 'CBAM is in force for more than 50 t');
      assert.match(await page.textContent('.obligations .rules-as-of'), /\d{4}-\d{2}-\d{2}/);
      // Within six months of the catalogue's "rules as of": no warning, on the folded line
      // neither.
      assert.equal(await page.locator('.obligations .rules-may-have-changed').count(), 0);
      assert.doesNotMatch(await page.textContent('details.fold:has(.obligations) > summary .fold-line'),
        /may have changed|可能已经改变/);
      await assertNoViolations(page, 'the report with the markets and goods');
      // Printed with the report.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.$eval('.obligations', (s) => getComputedStyle(s).display !== 'none'), true);
      assert.deepEqual(errors, []);
      assert.deepEqual(requests, []);
    });
  }

  // Seven months after the catalogue's "rules as of" (2026-12-07): the section says, in the
  // page's language and in the core's words, that the rules may have changed and where to check.
  for (const [locale, words] of [
    ['en-US', [/Rules as of 2026-12-07/, /dated 2027-07-07, more than six months after/, /may have changed/, /EUR-Lex/]],
    ['zh-CN', [/规则截至 2026-12-07/, /本次评估日期是 2027-07-07/, /可能已经改变/, /EUR-Lex/]],
  ]) {
    it(`says the rules may have changed when the assessment is seven months after them (${locale})`, async (t) => {
      const { page, errors } = await openPage(t, app.browser, app.server.url, {
        locale, time: new Date('2027-07-07T09:00:00Z'),
      });
      await ready(page);
      await completeWalk(page, fixture('west-steel-eu.json'));
      await page.waitForSelector('.obligations .obligation-group', { state: 'attached' });
      // The section is folded to a line on the report, and the line says it: a reader who never
      // opens the section still sees the warning.
      const line = await page.textContent('details.fold:has(.obligations) > summary .fold-line');
      assert.match(line, words[2], 'the folded line says the rules may have changed');
      assert.match(line, /2026-12-07/);
      // Open it, as the owner would.
      await page.click('details.fold:has(.obligations) > summary');
      await page.waitForSelector('.obligations .rules-may-have-changed');
      const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), ANSWERS_KEY));
      assert.equal(saved.date, '2027-07-07', 'the assessment is dated by the clock');
      const asOf = await page.textContent('.obligations .rules-as-of');
      assert.match(asOf, words[0]);
      const warning = page.locator('.obligations .rules-may-have-changed');
      assert.equal(await warning.getAttribute('role'), 'note');
      const text = await warning.textContent();
      for (const w of words.slice(1)) assert.match(text, w);
      await assertNoViolations(page, 'the markets and goods with the currency warning');
      assert.deepEqual(errors, []);
    });
  }

  it('lists a rule whose trigger is unknown as "may apply", with the question to answer, and keeps the catalogue offline', async (t) => {
    const { context, page, errors } = await openPage(t, app.browser, app.server.url, { locale: 'en-US' });
    await ready(page);
    const answers = fixture('west-steel-eu.json');
    delete answers['P.cbam_tonnage'];
    await completeWalk(page, answers);
    await page.waitForSelector('.obligations .obligation-group.may-apply', { state: 'attached' });
    const cbam = page.locator('.obligation-group.may-apply li[data-obligation="eu_cbam"]');
    assert.match(await cbam.locator('.needed').textContent(), /To know, answer: .*tonnes/i);
    const saved = await page.evaluate((key) => localStorage.getItem(key), ANSWERS_KEY);
    assert.deepEqual(await shownGroups(page), expectedGroups(saved));

    // Offline once the worker keeps the build: the report still has its markets and goods.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    await page.waitForSelector(REPORT);
    await page.waitForSelector('.obligations .obligation-group.may-apply li[data-obligation="eu_cbam"]', { state: 'attached' });
    assert.equal(await page.$('.obligations.no-print'), null);
    assert.deepEqual(errors, []);
  });

  it('finds goods in the long list by a word or an HS code', async (t) => {
    const { page, errors } = await openPage(t, app.browser, app.server.url, { locale: 'en-US' });
    await ready(page);
    await page.click('button.primary');
    // The goods are asked on the profile's markets screen.
    await showQuestion(page, 'P.goods');
    const goods = page.locator('#q-P\\.goods');
    const visible = () => goods.locator('label.option:visible input').evaluateAll((inputs) => inputs.map((i) => i.value));
    const all = (await visible()).length;
    assert.ok(all >= 12, `${all} goods`);
    await goods.locator('input[type=search]').fill('730590');
    assert.deepEqual(await visible(), ['steel_articles'], 'a welded tube (7305 90) is in headings 7301–7311');
    await goods.locator('input[type=search]').fill('bolts');
    assert.deepEqual(await visible(), ['steel_articles']);
    await goods.locator('input[type=search]').fill('0901');
    const coffee = await visible();
    assert.equal(coffee.length, 1, coffee.join(' '));
    await page.check(`input[name="P.goods"][value="${coffee[0]}"]`);
    // A chosen option stays in view whatever the filter says.
    await goods.locator('input[type=search]').fill('zzz');
    assert.deepEqual(await visible(), [coffee[0]]);
    await goods.locator('input[type=search]').fill('');
    assert.equal((await visible()).length, all);
    await assertNoViolations(page, 'the goods list with its filter');
    assert.deepEqual(errors, []);
  });
  it('takes HS codes typed under the goods list: a bad one is refused with its reason, a good one brings in its rules', async (t) => {
    const { page, errors, requests } = await openPage(t, app.browser, app.server.url, { locale: 'en-US' });
    await ready(page);
    await page.click('button.primary');
    await answerShown(page, { 'P.offer': 'goods' });
    await showQuestion(page, 'P.markets');
    await answerShown(page, { 'P.markets': ['eu'] });
    await showQuestion(page, 'P.goods');
    const field = page.getByLabel('Goods not in the list: their HS code');
    const error = page.locator('.hs-codes .error');
    // Refused, with what to change, tied to the field.
    await field.fill('73a8');
    await field.press('Enter');
    assert.match(await error.textContent(), /"73a8" is not an HS code: "a" is not a digit/);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    const described = (await field.getAttribute('aria-describedby')).split(' ');
    assert.ok(described.includes(await error.getAttribute('id')), described.join(' '));
    await field.fill('731');
    await page.click('.hs-codes button:has-text("Add code")');
    assert.match(await error.textContent(), /3 digit/);
    await assertNoViolations(page, 'the goods list with a refused HS code');
    // Taken as a person types it; the field is emptied and the message goes.
    await field.fill('7318.15');
    await field.press('Enter');
    assert.equal(await error.textContent(), '');
    assert.equal(await field.inputValue(), '');
    assert.equal(await field.getAttribute('aria-invalid'), null);
    const chips = page.locator('.hs-codes .codes li');
    assert.deepEqual(await chips.locator('.code').allTextContents(), ['HS 731815']);
    // Removable by keyboard, by its name.
    await field.fill('9403');
    await field.press('Enter');
    await page.getByRole('button', { name: 'Remove HS 9403' }).focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await chips.locator('.code').allTextContents(), ['HS 731815']);
    await assertNoViolations(page, 'the goods list with a typed HS code');

    // On to the review (nothing else answered), which names the code, then the report.
    do await pressNext(page); while (!(await page.$('section.review')));
    assert.match(await page.textContent('.review .codes-given'), /HS codes you gave: HS 731815/);
    await page.click('.walk-nav button.primary');
    await page.waitForSelector(REPORT);
    await page.waitForSelector('.obligations .obligation-group', { state: 'attached' });
    const saved = await page.evaluate((key) => localStorage.getItem(key), ANSWERS_KEY);
    assert.deepEqual(JSON.parse(saved).answers['P.goods'], { codes: ['731815'] });
    const expected = expectedGroups(saved);
    assert.deepEqual(await shownGroups(page), expected);
    assert.ok(Object.values(expected).flat().includes('eu_cbam'), JSON.stringify(expected));
    const cbam = page.locator('.obligations li[data-obligation="eu_cbam"]');
    // The goods are named once, for the market: not under each entry.
    const market = page.locator('.obligations .market', { has: page.locator('li[data-obligation="eu_cbam"]') });
    assert.match(await market.locator('.goods').textContent(), /HS 731815/);
    assert.doesNotMatch(await cbam.textContent(), /HS 731815/);
    assert.match(await page.textContent('.report .firm'), /HS 731815/);
    await assertNoViolations(page, 'the report with a typed HS code');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  });

  it('asks the tonnage for steel screws given only by their HS code, and its answer decides CBAM', async (t) => {
    const { page, errors, requests } = await openPage(t, app.browser, app.server.url, { locale: 'en-US' });
    await ready(page);
    await page.click('button.primary');
    await answerShown(page, { 'P.offer': 'goods' });
    await showQuestion(page, 'P.markets');
    await answerShown(page, { 'P.markets': ['eu'], 'P.eu_individuals': 'no' });
    await showQuestion(page, 'P.goods');
    const tonnage = page.locator('#q-P\\.cbam_tonnage');
    const operator = page.locator('#q-P\\.eudr_operator');
    const field = page.getByLabel('Goods not in the list: their HS code');
    // Coffee typed: EUDR goods, not CBAM goods, so the tonnage is not asked.
    await field.fill('0901');
    await field.press('Enter');
    await operator.waitFor();
    assert.equal(await tonnage.count(), 0);
    // Steel screws typed: the tonnage is asked; the coffee removed, only the screws remain.
    await field.fill('7318.15');
    await field.press('Enter');
    await tonnage.waitFor();
    await page.getByRole('button', { name: 'Remove HS 0901' }).click();
    await operator.waitFor({ state: 'detached' });
    assert.equal(await tonnage.count(), 1);
    assert.match(await tonnage.locator('legend').textContent(), /more than 50 tonnes/);
    await assertNoViolations(page, 'the tonnage question brought up by a typed HS code');
    await answerShown(page, { 'P.cbam_tonnage': 'all_under50' });

    do await pressNext(page); while (!(await page.$('section.review')));
    await pressNext(page);
    await reportShown(page);
    await page.waitForSelector('.obligations .obligation-group', { state: 'attached' });
    const saved = await page.evaluate((key) => localStorage.getItem(key), ANSWERS_KEY);
    const answers = JSON.parse(saved).answers;
    assert.deepEqual(answers['P.goods'], { codes: ['731815'] });
    assert.equal(answers['P.cbam_tonnage'], 'all_under50');
    const expected = expectedGroups(saved);
    assert.deepEqual(await shownGroups(page), expected);
    // At or below 50 t: the de minimis, in force; CBAM's duty is not listed.
    assert.ok(expected['in-force'].includes('eu_cbam_de_minimis'), JSON.stringify(expected));
    assert.ok(!Object.values(expected).flat().includes('eu_cbam'), JSON.stringify(expected));
    const deMinimis = page.locator('.obligation-group.in-force li[data-obligation="eu_cbam_de_minimis"]');
    assert.match(await deMinimis.textContent(), /under 50 tonnes/);
    assert.match(await page.locator('.obligations .market', { has: deMinimis }).locator('.goods').textContent(), /HS 731815/);
    assert.equal(await page.locator('.obligations li[data-obligation="eu_cbam"]').count(), 0);
    await assertNoViolations(page, 'the report with CBAM\'s de minimis for a typed HS code');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  });
});
