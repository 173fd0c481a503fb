// The report's first steps in the owner's language, and the obligations by market: no text a
// person reads in a first step holds a question code (T3, R2, P.goods) or a reference to the
// paper's sections (§3.1) — they are folded into each step's "Sources" —, each first step says why
// it comes first, the textile OEM's first step comes from its weakest dimension (the one the
// verdict names) and the next is the duty in force for its EU goods (REACH), a seller of
// consumer goods to the EU finds the duty in force (an EU responsible person) among its first steps
// once the obligations are known, and the obligations name the market and the goods once for the
// market's entries.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { appUnderTest, assertNoViolations, openPage } from './support.mjs';
import { answerShown, fixture, pressNext, ready, reportShown, SECTION } from './walk.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const QUESTIONNAIRE = JSON.parse(readFileSync(`${ROOT}questionnaire/digital-trade.json`, 'utf8'));
/** Every question id of the questionnaire: profile questions and items. */
const IDS = [
  ...QUESTIONNAIRE.profile.map((q) => q.id),
  ...QUESTIONNAIRE.dimensions.flatMap((d) => d.items.map((i) => i.id)),
];

/**
 * The text nodes a person reads in the first steps: everything but the folded sources (read only
 * on a tap, and there on purpose).
 */
async function firstStepTexts(page) {
  return page.evaluate(() => {
    const section = document.querySelector('.first-steps');
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('details.sources')) continue;
      if (node.textContent.trim()) texts.push(node.textContent.trim());
    }
    return texts;
  });
}

/** What in `text` is a code or a section reference. */
function codesIn(text) {
  const found = [];
  if (text.includes('§')) found.push('§');
  for (const word of text.split(/[^A-Za-z0-9._]+/)) {
    const w = word.replace(/\.+$/, '');
    if (/^[TRIP]\d+$/.test(w) || IDS.includes(w)) found.push(w);
  }
  return found;
}

/** Walks to the report with `answers`, typing `codes` into the goods' HS code field. */
async function walkTo(page, answers, codes = []) {
  await page.click('button.primary');
  for (;;) {
    await page.waitForSelector(`${SECTION}, section.review`);
    if (await page.$('section.review')) break;
    await answerShown(page, answers);
    for (const code of codes) {
      const field = page.locator('.hs-codes input');
      if ((await field.count()) === 0) break;
      await field.fill(code);
      await field.press('Enter');
    }
    if (await page.$('.hs-codes .codes li')) codes = [];
    await pressNext(page);
  }
  await pressNext(page);
  await reportShown(page);
}

describe('first steps in the owner’s language', () => {
  const app = appUnderTest();

  for (const [locale, weakest, inForce] of [['zh-CN', /产业/, /已经生效/], ['en-US', /Industry/, /in force/]]) {
    it(`the textile OEM's first steps: no code or §, each with why, its weakest area then the duty in force (${locale})`, async (t) => {
      const { page, errors } = await openPage(t, app.browser, app.server.url, {
        locale, viewport: { width: 360, height: 740 },
      });
      await ready(page);
      await walkTo(page, fixture('textile-central-oem.json'));
      await page.waitForSelector('.obligations', { state: 'attached' });
      const texts = await firstStepTexts(page);
      assert.ok(texts.length > 10, texts.join(' | '));
      const codes = texts.flatMap(codesIn);
      assert.deepEqual(codes, [], texts.join(' | '));
      const whys = await page.$$eval('.first-steps > ol > li .why-first', (ps) => ps.map((p) => p.textContent));
      const steps = await page.$$eval('.first-steps > ol > li', (lis) => lis.length);
      assert.equal(whys.length, steps);
      assert.match(whys[0], weakest);
      assert.match(whys[1], inForce);
      // The sources are kept, one tap away.
      const sources = page.locator('.first-steps > ol > li').first().locator('details.sources');
      await sources.locator('summary').click();
      assert.match(await sources.textContent(), /I\d+.*§3\.2/);
      await assertNoViolations(page, 'the first steps with a source open');
      assert.deepEqual(errors, []);
    });
  }

  it('a seller of speakers to EU consumers: the duty in force among its first steps; obligations by market, the goods named once', async (t) => {
    const { page, errors } = await openPage(t, app.browser, app.server.url, { locale: 'en-US' });
    await ready(page);
    const answers = { ...fixture('gba-electronics-brand.json') };
    delete answers['P.goods'];
    await walkTo(page, answers, ['851822']);
    const duty = await page.waitForSelector('.first-steps > ol > li.duty[data-duty="eu_gpsr"]');
    assert.match(await duty.textContent(), /responsible economic operator/);
    assert.match(await duty.textContent(), /already in force in your market: European Union/);
    assert.deepEqual((await firstStepTexts(page)).flatMap(codesIn), []);
    // Each market once, with its goods once; no entry repeats them.
    const markets = await page.$$eval('.obligations .market', (sections) => sections.map((m) => ({
      name: m.querySelector('h3').textContent.trim(),
      goods: m.querySelector('.goods')?.textContent ?? '',
      entries: [...m.querySelectorAll('li[data-obligation]')].map((li) => li.textContent),
    })));
    const names = markets.map((m) => m.name);
    assert.deepEqual(names, [...new Set(names)], names.join(' | '));
    const eu = markets.find((m) => m.name === 'European Union');
    assert.ok(eu && eu.entries.length >= 3, JSON.stringify(markets));
    assert.match(eu.goods, /^For your goods: HS 851822$/);
    for (const entry of eu.entries) assert.doesNotMatch(entry, /851822/, entry);
    // What follows "To check:" is a thing to check, labelled as such.
    const checks = await page.$$eval('.obligations .check-with', (ps) => ps.map((p) => p.textContent));
    assert.ok(checks.length > 0 && checks.every((c) => c.startsWith('To check: ')), checks.join(' | '));
    await assertNoViolations(page, 'the report with a duty among the first steps');
    assert.deepEqual(errors, []);
  });
});
