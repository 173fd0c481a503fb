// The walk as a person moves through it (issue 15): the browser's Back and Forward and a reload
// keep the screen; start over can be undone; "continue" goes where the person stopped and counts
// only what applies; the start screen imports a file; a language switch keeps the place and focus.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { appUnderTest, assertNoViolations, openPage } from './support.mjs';
import { answerShown, completeWalk, fixture, option, ready, REPORT } from './walk.mjs';

const title = (page) => page.textContent('#screen-title');
const hash = (page) => page.evaluate(() => location.hash);

describe('the walk in the browser: history, undo, resume, language', () => {
  const app = appUnderTest();
  const open = async (suffix = '', options = { locale: 'en-US' }) => {
    const opened = await openPage(app.browser, `${app.server.url}${suffix}`, options);
    await ready(opened.page);
    return opened;
  };

  it('gives each screen an address: Back, Forward and a reload move through the walk', async () => {
    const { context, page, errors } = await open('?lang=en');
    try {
      const entries = await page.evaluate(() => history.length);
      await page.click('button.primary');
      await page.waitForFunction(() => location.hash === '#profile');
      await page.check(option('P.region', 'west'));
      await page.click('.walk-nav button.primary');
      await page.waitForFunction(() => location.hash === '#technology');
      assert.equal(await page.evaluate(() => location.search), '?lang=en', 'the query string is kept');
      assert.equal(await page.evaluate(() => history.length), entries + 2, 'one entry per screen');

      await page.goBack();
      await page.waitForFunction(() => location.hash === '#profile');
      assert.equal(await title(page), 'About your firm');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'screen-title');
      await page.goForward();
      await page.waitForFunction(() => location.hash === '#technology');
      assert.match(await title(page), /^Technology/);

      // A reload returns to the same screen, with the answers.
      await page.reload();
      await ready(page);
      assert.match(await title(page), /^Technology/);
      await page.goBack();
      await page.waitForFunction(() => location.hash === '#profile');
      assert.ok(await page.isChecked(option('P.region', 'west')));
      // Back from the first section is the start screen, without a fragment.
      await page.goBack();
      await page.waitForSelector('section.start');
      assert.equal(await hash(page), '');
      assert.equal(await page.evaluate(() => location.search), '?lang=en');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('falls back to the start for an address it cannot show', async () => {
    for (const fragment of ['#report', '#review', '#marketing', '#%3Cscript%3E', '#Report', `#${'a'.repeat(100)}`]) {
      const { context, page, errors } = await open(fragment);
      try {
        await page.waitForSelector('section.start');
        assert.equal(await hash(page), '', `${fragment}: the address is corrected`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
  });

  it('undoes a start over from the report, and storage keeps the answers again', async () => {
    const { context, page } = await open();
    try {
      await page.click('button.primary');
      await page.check(option('P.region', 'west'));
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
    } finally {
      await context.close();
    }
  });

  it('undoes "start over" on the offer to resume, until the next change', async () => {
    const { context, page } = await open();
    try {
      await page.click('button.primary');
      await page.check(option('P.region', 'west'));
      await page.goto(app.server.url);
      await ready(page);
      await page.click('.resume button:not(.primary)');
      await page.waitForSelector('.notice');
      await page.click('.notice button:has-text("Undo")');
      await page.waitForFunction(() => location.hash === '#profile');
      assert.ok(await page.isChecked(option('P.region', 'west')));
      // Cleared again, then a new answer: the undo is gone, the new answer kept.
      await page.goto(app.server.url);
      await ready(page);
      await page.click('.resume button:not(.primary)');
      await page.waitForSelector('.notice');
      await page.check(option('P.region', 'east'));
      assert.equal(await page.$('.notice'), null);
    } finally {
      await context.close();
    }
  });

  it('counts only what applies, and continues where the person stopped', async () => {
    const answers = fixture('textile-central-oem.json');
    const { context, page } = await open();
    try {
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
    } finally {
      await context.close();
    }
    const partial = await open();
    try {
      await partial.page.click('button.primary');
      await answerShown(partial.page, answers);
      await partial.page.click('.walk-nav button.primary');
      await partial.page.waitForFunction(() => location.hash === '#technology');
      await partial.page.goto(app.server.url);
      await ready(partial.page);
      await partial.page.click('.resume button.primary');
      await partial.page.waitForFunction(() => location.hash === '#technology');
      assert.match(await title(partial.page), /^Technology/);
    } finally {
      await partial.context.close();
    }
  });

  it('imports an answers file on the start screen', async () => {
    const file = fileURLToPath(new URL('../fixtures/west-steel-eu.json', import.meta.url));
    const { context, page } = await open();
    try {
      await page.setInputFiles('section.start .answers-file input[type=file]', file);
      await page.waitForSelector('.notice.good');
      await assertNoViolations(page, 'start after import');
      assert.match(await page.textContent('.resume'), /(\d+) of \1 answered/);
    } finally {
      await context.close();
    }
  });

  it('keeps the place and the focus when the language is switched', async () => {
    const { context, page } = await open('', { locale: 'en-US', viewport: { width: 360, height: 740 } });
    try {
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
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => document.activeElement?.name), name, 'the focus stays');
      const after = await page.evaluate(() => scrollY);
      assert.ok(after > 0, `the place is kept (${before} → ${after})`);
      const inView = await page.evaluate(() => {
        const r = document.activeElement.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      });
      assert.ok(inView, 'the focused answer is still on the screen');
    } finally {
      await context.close();
    }
  });
});
