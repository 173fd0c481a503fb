// The walk as a person moves through it: the browser's Back and Forward and a reload
// keep the screen; start over can be undone; "continue" goes where the person stopped and counts
// only what applies; the start screen imports a file; a language switch keeps the place and focus.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { afterPaint, appUnderTest, assertNoViolations, openPage } from './support.mjs';
import { answerShown, completeWalk, fixture, option, pressNext, ready, REPORT, SECTION, showQuestion } from './walk.mjs';

const title = (page) => page.textContent('#screen-title');
const hash = (page) => page.evaluate(() => location.hash);

describe('the walk in the browser: history, undo, resume, language', () => {
  const app = appUnderTest();
  const open = async (t, suffix = '', options = { locale: 'en-US' }) => {
    const opened = await openPage(t, app.browser, `${app.server.url}${suffix}`, options);
    await ready(opened.page);
    return opened;
  };

  it('gives each screen an address: Back, Forward and a reload move through the walk', async (t) => {
    const { page, errors } = await open(t, '?lang=en');
    const entries = await page.evaluate(() => history.length);
    await page.click('button.primary');
    await page.waitForFunction(() => location.hash === '#company');
    await page.check(option('P.region', 'west'));
    await page.click('.walk-nav button.primary');
    await page.waitForFunction(() => location.hash === '#size');
    assert.equal(await page.evaluate(() => location.search), '?lang=en', 'the query string is kept');
    assert.equal(await page.evaluate(() => history.length), entries + 2, 'one entry per screen');

    await page.goBack();
    await page.waitForFunction(() => location.hash === '#company');
    assert.equal(await title(page), 'Your firm: what it does and where');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'screen-title');
    await page.goForward();
    await page.waitForFunction(() => location.hash === '#size');
    assert.match(await title(page), /^Size/);

    // A reload returns to the same screen, with the answers.
    await page.reload();
    await ready(page);
    assert.match(await title(page), /^Size/);
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#company');
    assert.ok(await page.isChecked(option('P.region', 'west')));
    // Back from the first section is the start screen, without a fragment.
    await page.goBack();
    await page.waitForSelector('section.start');
    assert.equal(await hash(page), '');
    assert.equal(await page.evaluate(() => location.search), '?lang=en');
    assert.deepEqual(errors, []);
  });

  it('makes the app’s own Back the browser’s: no entry added, Forward still leads on', async (t) => {
    const { page, errors } = await open(t, '?lang=en');
    await page.click('button.primary');
    await page.waitForFunction(() => location.hash === '#company');
    await page.click('.walk-nav button.primary');
    await page.waitForFunction(() => location.hash === '#size');
    await page.click('.walk-nav button.primary');
    await page.waitForFunction(() => location.hash === '#markets');
    const entries = await page.evaluate(() => history.length);
    await page.click('.walk-nav button:not(.primary)');
    await page.waitForFunction(() => location.hash === '#size');
    assert.equal(await page.evaluate(() => history.length), entries, 'Back added no entry');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'screen-title');
    // The browser's Back goes on from there, and Forward returns: no bouncing between two.
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#company');
    await page.goForward();
    await page.waitForFunction(() => location.hash === '#size');
    await page.goForward();
    await page.waitForFunction(() => location.hash === '#markets');
    // Where history holds no entry before (a reload on a later screen, reached by a step),
    // Back replaces this one: still none added.
    await page.click('.steps li:nth-child(7) button');
    await page.waitForFunction(() => location.hash === '#industry');
    await page.reload();
    await ready(page);
    const more = await page.evaluate(() => history.length);
    await page.click('.walk-nav button:not(.primary)');
    await page.waitForFunction(() => location.hash === '#technology');
    assert.equal(await page.evaluate(() => history.length), more);
    assert.deepEqual(errors, []);
  });

  it('falls back to the start for an address it cannot show', async (t) => {
    for (const fragment of ['#report', '#review', '#marketing', '#%3Cscript%3E', '#Report', `#${'a'.repeat(100)}`]) {
      const { page, errors } = await open(t, fragment);
      await page.waitForSelector('section.start');
      assert.equal(await hash(page), '', `${fragment}: the address is corrected`);
      assert.deepEqual(errors, []);
    }
  });

  it('undoes a start over from the report, and storage keeps the answers again', async (t) => {
    const { page } = await open(t);
    await page.click('button.primary');
    await page.check(option('P.region', 'west'));
    await showQuestion(page, 'P.markets');
    await page.check(option('P.markets', 'eu'));
    await page.click('.steps li:last-child button');
    await page.click('.walk-nav button.primary');
    await page.waitForSelector(REPORT);
    await page.click('article.report .actions button:has-text("Start over")');
    await page.waitForSelector('section.start');
    assert.match(await page.textContent('.notice'), /Your answers were cleared/);
    await assertNoViolations(page, 'the undo notice');
    const stored = () => page.evaluate(() => Object.values(localStorage).filter((v) => v.includes('"answers"')).join(''));
    assert.doesNotMatch(await stored(), /west/, 'the start over reached storage');
    await page.click('.notice button:has-text("Undo")');
    await page.waitForSelector(REPORT);
    assert.equal(await page.$('.notice'), null);
    assert.match(await stored(), /west/, 'the undo reached storage');
    await page.reload();
    await ready(page);
    // The report needs answers: without them the address would fall back to the start.
    await page.waitForSelector(REPORT);
    assert.equal(await hash(page), '#report');
  });

  it('undoes "start over" on the offer to resume, until the next change', async (t) => {
    const { page } = await open(t);
    await page.click('button.primary');
    await page.check(option('P.region', 'west'));
    await page.goto(app.server.url);
    await ready(page);
    await page.click('.resume button:not(.primary)');
    await page.waitForSelector('.notice');
    await page.click('.notice button:has-text("Undo")');
    await page.waitForFunction(() => location.hash === '#company');
    assert.ok(await page.isChecked(option('P.region', 'west')));
    // Cleared again, then a new answer: the undo is gone, the new answer kept.
    await page.goto(app.server.url);
    await ready(page);
    await page.click('.resume button:not(.primary)');
    await page.waitForSelector('.notice');
    await page.check(option('P.region', 'east'));
    assert.equal(await page.$('.notice'), null);
  });

  it('counts only what applies, and continues where the person stopped', async (t) => {
    const answers = fixture('textile-central-oem.json');
    const { page } = await open(t);
    await completeWalk(page, answers);
    await page.goto(app.server.url);
    await ready(page);
    const offer = await page.textContent('.resume');
    const [, answered, total] = offer.match(/(\d+) of (\d+) answered/);
    assert.equal(answered, total, offer);
    assert.match(offer, /every question that applies is answered/);
    await page.click('.resume button.primary');
    await page.waitForSelector(REPORT);
    assert.equal(await hash(page), '#report');
    const partial = await open(t);
    await partial.page.click('button.primary');
    // The profile's screens answered, nothing else.
    do {
      await answerShown(partial.page, answers);
      await pressNext(partial.page);
    } while ((await hash(partial.page)) !== '#technology');
    await partial.page.goto(app.server.url);
    await ready(partial.page);
    await partial.page.click('.resume button.primary');
    await partial.page.waitForFunction(() => location.hash === '#technology');
    assert.match(await title(partial.page), /^Technology/);
  });

  it('imports an answers file on the start screen', async (t) => {
    const file = fileURLToPath(new URL('../fixtures/west-steel-eu.json', import.meta.url));
    const { page } = await open(t);
    await page.setInputFiles('section.start .answers-file input[type=file]', file);
    await page.waitForSelector('.notice.good');
    await assertNoViolations(page, 'start after import');
    assert.match(await page.textContent('.resume'), /(\d+) of \1 answered/);
  });

  it('keeps the place and the focus when the language is switched', async (t) => {
    const { page } = await open(t, '', { locale: 'en-US', viewport: { width: 360, height: 740 } });
    await page.click('button.primary');
    await page.click('.steps li:last-child button');
    // A review link to a question far down its section focuses it.
    await page.click('section.review .groups li:last-child li:last-child button');
    await page.waitForFunction(() => document.activeElement?.matches('input'));
    const name = await page.evaluate(() => document.activeElement.name);
    const before = await page.evaluate(() => scrollY);
    assert.ok(before > 0);
    // Pressed where it is (the switch is in the masthead; a keyboard user tabs to it).
    await page.evaluate(() => document.querySelector('button[lang="zh-CN"]').click());
    await page.waitForSelector('html[lang="zh-CN"]');
    // The switch mends the place after the new words are painted (`paint::after_paint`).
    await afterPaint(page);
    assert.equal(await page.evaluate(() => document.activeElement?.name), name, 'the focus stays');
    const after = await page.evaluate(() => scrollY);
    assert.ok(after > 0, `the place is kept (${before} → ${after})`);
    const inView = await page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    assert.ok(inView, 'the focused answer is still on the screen');
  });

  it('keeps the answer at the top of the screen where it was when the language is switched', async (t) => {
    for (const [locale, other] of [['en-US', 'zh-CN'], ['zh-CN', 'en']]) {
      const { page } = await open(t, '', { locale, viewport: { width: 360, height: 740 } });
      await page.click('button.primary');
      await page.waitForSelector(SECTION);
      // Scrolled down the section: the third question (of four) at the top of the screen, under
      // the bar, far enough from the foot that the page, shorter in Chinese, can stay there.
      // The place is the first answer option on the screen.
      const place = () => page.evaluate(() => {
        const input = [...document.querySelectorAll('label.option input')].find((i) => i.getBoundingClientRect().bottom > 0);
        return { option: `${input.name}=${input.value}`, top: Math.round(input.getBoundingClientRect().top), scrolled: scrollY };
      });
      await page.evaluate(() => {
        const q = document.querySelectorAll('fieldset.question')[2];
        scrollTo(0, scrollY + q.getBoundingClientRect().top + 100);
      });
      const before = await place();
      assert.ok(before.scrolled > 300, `scrolled (${before.scrolled})`);
      // Pressed where it is (the switch is in the masthead; a keyboard user tabs to it).
      await page.evaluate((tag) => document.querySelector(`button[lang="${tag}"]`).click(), other);
      await page.waitForSelector(`html[lang="${other}"]`);
      await afterPaint(page);
      // The same answer is where it was, though the texts above it changed length.
      const top = await page.evaluate(([name, value]) =>
        Math.round(document.querySelector(`input[name="${name}"][value="${value}"]`).getBoundingClientRect().top),
      before.option.split('='));
      assert.ok(Math.abs(top - before.top) <= 2, `${before.option} where it was (${before.top} → ${top}, ${locale} → ${other})`);
    }
  });

  it('shows Start over’s Undo where the person is, on a phone', async (t) => {
    const { page } = await open(t, '', { locale: 'en-US', viewport: { width: 360, height: 740 } });
    await completeWalk(page, fixture('textile-central-oem.json'));
    const button = await page.$('article.report .actions button:has-text("Start over")');
    await button.scrollIntoViewIfNeeded();
    assert.ok((await page.evaluate(() => scrollY)) > 2000, 'at the foot of the report');
    await button.click();
    await page.waitForSelector('section.start');
    const undo = await page.waitForSelector('.notice button:has-text("Undo")');
    const box = await undo.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 740, `the Undo is on the screen (at ${Math.round(box.y)} px)`);
  });

  it('keeps the steps bar off most of the screen at 400 % zoom, and sticky on a phone', async (t) => {
    // 400 % of a 1280 × 720 screen: 320 × 180 CSS pixels.
    for (const [viewport, most, sticky] of [[{ width: 320, height: 180 }, 0.15, false], [{ width: 360, height: 740 }, 0.2, true]]) {
      const { page } = await open(t, '', { locale: 'zh-CN', viewport });
      await page.click('button.primary');
      await page.waitForSelector(SECTION);
      await page.evaluate(() => document.querySelectorAll('fieldset.question')[2].scrollIntoView());
      const covered = await page.evaluate(() => {
        const r = document.querySelector('.steps').getBoundingClientRect();
        return Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)) / innerHeight;
      });
      console.log(`# steps bar at ${viewport.width}×${viewport.height}: ${(covered * 100).toFixed(0)} % of the screen`);
      assert.ok(covered <= most, `${(covered * 100).toFixed(0)} % covered`);
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.steps')).position), sticky ? 'sticky' : 'static');
      // Every step still fits on its row: nothing runs off the side.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
    }
  });
});
