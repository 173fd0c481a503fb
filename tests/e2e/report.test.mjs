// The report a firm acts on: it leads with three to five first steps, each with who
// does it, what it takes and where to get help, then lists every other recommendation once by
// horizon; a partial report leads with what is missing and the way to finish, and never reads as
// a clean bill; scores are read against the ladder of stages; item cards carry no empty fields.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { appUnderTest, openPage } from './support.mjs';
import { completeWalk, coreReport, fixture, option, ready, REPORT, showQuestion } from './walk.mjs';

describe('the report a firm acts on', () => {
  const app = appUnderTest();
  const open = async (t, options) => {
    const opened = await openPage(t, app.browser, app.server.url, options);
    await ready(opened.page);
    return opened;
  };

  it('leads with first steps, then one plan by horizon that does not repeat them', async (t) => {
    const core = coreReport('gba-electronics-brand.json');
    const { page } = await open(t, { locale: 'en-US' });
    await completeWalk(page, fixture('gba-electronics-brand.json'));
    // The duties in force join the first steps when the report's worker answers, and the plan's
    // numbering goes on from them: read once it has (its section is there, folded).
    await page.waitForSelector('.obligations', { state: 'attached' });
    const report = await page.evaluate(() => {
      // Sections in the order of the page, folded ones included.
      const sections = [...document.querySelectorAll('article.report section')].map((s) => s.className);
      // The questionnaire's recommendations among the first steps (a duty in force has no who).
      const steps = [...document.querySelectorAll('.first-steps > ol > li:not(.duty)')].map((li) => ({
        text: li.querySelector('p').textContent.trim(),
        facts: [...li.querySelectorAll('.step-facts dt')].map((dt) => dt.textContent.trim()),
        filled: [...li.querySelectorAll('.step-facts dd')].every((dd) => dd.textContent.trim() !== ''),
      }));
      const horizons = [...document.querySelectorAll('.plan .horizon')].map((h) => ({
        title: h.querySelector('h3').textContent.trim(),
        start: Number(h.querySelector('ol').getAttribute('start')),
        items: [...h.querySelectorAll('li > p:first-child')].map((p) => p.textContent.trim()),
      }));
      const numbered = document.querySelectorAll('.first-steps > ol > li').length;
      return { sections, steps, horizons, numbered };
    });
    // After the summary and the critical gaps, before everything else.
    const at = (name) => report.sections.findIndex((c) => c.split(' ').includes(name));
    assert.ok(at('first-steps') > at('summary'), report.sections.join(' | '));
    assert.ok(at('first-steps') > at('critical'), report.sections.join(' | '));
    assert.ok(at('first-steps') < at('dimensions'), report.sections.join(' | '));
    assert.equal(at('plan'), at('first-steps') + 1, 'the plan follows the first steps');
    // Three to five steps, each saying who, what it takes and where to get help.
    assert.ok(report.numbered >= 3 && report.numbered <= 5, `${report.numbered} first steps`);
    for (const step of report.steps) {
      assert.deepEqual(step.facts, ['Who', 'Effort and cost', 'Help'], step.text);
      assert.ok(step.filled, step.text);
    }
    // Every recommendation once: the first steps and the plan together are the core's list.
    const planned = report.horizons.flatMap((h) => h.items);
    assert.equal(report.steps.length + planned.length, core.recommendations.length);
    for (const step of report.steps) assert.ok(!planned.includes(step.text), `repeated: ${step.text}`);
    // One numbering: the plan goes on from the last first step, horizon after horizon, in order.
    let next = report.numbered + 1;
    for (const h of report.horizons) {
      assert.equal(h.start, next, h.title);
      next += h.items.length;
    }
    const order = ['Now', 'This year', 'Later'];
    const seen = report.horizons.map((h) => order.findIndex((o) => h.title.startsWith(o)));
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b), 'horizons in order');
    assert.ok(seen.every((i) => i >= 0), report.horizons.map((h) => h.title).join(', '));
    // The old ranked list that the plan repeated is gone.
    assert.equal(await page.$('#recommendations-title'), null);

    // Numbers from 10 up keep their first digit, on a phone as on a desktop and on paper.
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      const room = await page.evaluate(() => {
        const ol = document.querySelector('.plan ol');
        const style = getComputedStyle(ol);
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        return { padding: parseFloat(style.paddingLeft), marker: ctx.measureText('10. ').width };
      });
      assert.ok(room.padding >= room.marker, `${width}px: ${JSON.stringify(room)}`);
    }
  });

  for (const locale of ['en-US', 'zh-CN']) {
    it(`a partial report leads with what is missing and says nothing of a clean bill (${locale})`, async (t) => {
      const { page } = await open(t, { locale });
      await page.click('button.primary');
      await showQuestion(page, 'P.data.sends_pi');
      await page.check(option('P.data.sends_pi', 'no'));
      await page.click('.walk-nav button.primary');
      await page.check(option('T1', 'cloud'));
      await page.click('.steps li:last-child button');
      await page.click('.walk-nav button.primary');
      await page.waitForSelector(REPORT);
      const report = await page.evaluate(() => ({
        first: document.querySelector('article.report > section')?.className,
        sections: [...document.querySelectorAll('.missing li')].map((li) => li.textContent.trim()),
        text: document.querySelector('article.report').innerText,
      }));
      const clean = locale === 'en-US'
        ? /meets its target|nothing to do|Nothing for this horizon|no recommendations\./i
        : /达到了目标等级|暂无建议。$|此阶段暂无/m;
      assert.doesNotMatch(report.text, clean);
      assert.match(report.first ?? '', /\bmissing\b/, 'the missing answers come first');
      // The profile, and each dimension, with questions still to answer.
      assert.ok(report.sections.length >= 3, report.sections.join(' | '));
      // The way to finish: the first section with missing answers, the profile here.
      await page.click('.missing button');
      await page.waitForSelector('fieldset.question');
      assert.ok(await page.$(`fieldset.question input[name="P.region"]`), 'back at the profile');
    });
  }

  it('reads a score against the ladder of stages, and its item cards have no empty fields', async (t) => {
    const core = coreReport('textile-central-oem.json');
    const { page } = await open(t, { locale: 'en-US', viewport: { width: 360, height: 800 } });
    await completeWalk(page, fixture('textile-central-oem.json'));
    const ladder = await page.evaluate(() => ({
      rungs: [...document.querySelectorAll('.ladder li')].map((li) => li.textContent.trim()),
      current: document.querySelector('.ladder li[aria-current]')?.textContent ?? '',
      next: document.querySelector('.ladder .next')?.textContent ?? '',
      how: document.querySelector('.ladder .how a')?.getAttribute('href'),
    }));
    assert.equal(ladder.rungs.length, 5, ladder.rungs.join(' | '));
    assert.match(ladder.rungs[0], /^Below Level 1/);
    assert.doesNotMatch(ladder.rungs.join(' '), /Not yet rated/);
    assert.match(ladder.current, /your firm/);
    assert.match(ladder.next, /^\d+\.\d points to Level \d\.$/);
    assert.equal(ladder.how, '#items-title');
    // Each card: no label without a value, and level 0 worded as what it is (the answers are
    // folded: opened first).
    await page.click('.fold-items > summary');
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll('.items td')]
        .filter((td) => td.getClientRects().length > 0)
        .map((td) => ({ label: td.dataset.label ?? '', text: td.textContent.trim() })),
    );
    assert.ok(cards.every((c) => c.text !== ''), 'an empty field is shown');
    const levels = cards.filter((c) => c.label === 'Level').map((c) => c.text);
    assert.ok(levels.length > 0);
    assert.ok(levels.every((l) => /^(Not started \(0 of 4\)|Level [1-4] of 4)$/.test(l)), levels.join(' | '));
    assert.ok(core.dimensions.length > 0);
  });
});
