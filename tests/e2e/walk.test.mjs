// A person's whole assessment in Chromium: two exporter profiles walked to the report (checked
// against the core's result), resume after a reload, a language switch mid-way, export and import,
// a broken import, a keyboard-only walk, accessibility of every screen in both languages, and the
// printed report.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { afterPaint, appUnderTest, assertNoViolations, openPage } from './support.mjs';
import { assertImportsRefused, completeWalk, coreReport, expectedFigures, fixture, option, ready, REPORT, reportFigures, SECTION, SHIPPED_VERSION, showQuestion } from './walk.mjs';

// A typical firm's report prints on four A4 pages or fewer in either language (the GBA
// brand's took ten in English and eight in Chinese when each section began a page; now four in
// both, as does the textile OEM's). "Your markets and goods" prints with it: for this
// firm (electronics to EU and US consumers: REACH, GPSR, US de minimis, EU parcels) it adds about
// 30 lines. Packed tighter (a first step and the data-export path may continue on the next page,
// each dimension's bar on one line, the benchmark column wide enough for one line), both reports
// are back to four pages (English with about five lines to spare, Chinese with a third of a page).
// The report leads with the verdict and prints every folded part open; report-layout.test.mjs prints
// every fixture.
const MAX_PAGES = 4;

describe('the assessment walk and the report', () => {
  const app = appUnderTest();
  const open = async (t, options) => {
    const opened = await openPage(t, app.browser, app.server.url, options);
    await ready(opened.page);
    return opened;
  };

  for (const [name, locale] of [
    ['gba-electronics-brand.json', 'en-US'],
    ['textile-central-oem.json', 'zh-CN'],
  ]) {
    it(`walks ${name} to a report that matches the core (${locale})`, async (t) => {
      const { page, requests, errors } = await open(t, { locale });
      const started = performance.now();
      await completeWalk(page, fixture(name));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`# full walk of ${name}: ${seconds} s`);
      assert.deepEqual(await reportFigures(page), expectedFigures(coreReport(name)));
      // At phone width the item table becomes cards, labelled with the language's own colon.
      await page.setViewportSize({ width: 360, height: 800 });
      const label = await page.evaluate(() =>
        getComputedStyle(document.querySelector('.items td[data-label]'), '::before').content);
      assert.ok(label.endsWith(locale === 'en-US' ? ': "' : '："'), `card label ${label}`);
      assert.deepEqual(requests, []);
      assert.deepEqual(errors, []);
    });
  }

  for (const locale of ['zh-CN', 'en-US']) {
    it(`asks the profile in short screens at 360×740, each counting only what it shows (${locale})`, async (t) => {
      const { page } = await open(t, { locale, viewport: { width: 360, height: 740 } });
      const answers = fixture('textile-central-oem.json');
      const count = async () => {
        const [, answered, total] = (await page.textContent('.counter label')).match(/(\d+)\D+(\d+)/);
        return { answered: Number(answered), total: Number(total), shown: (await page.$$('fieldset.question')).length };
      };
      const minutesLeft = async () => Number((await page.textContent('.counter .left')).match(/\d+/)?.[0] ?? 0);
      const screens = [];
      await page.click('button.primary');
      let minutes = Infinity;
      for (;;) {
        await page.waitForSelector(SECTION);
        const name = await page.evaluate(() => location.hash.slice(1));
        if (await page.$('fieldset.question[id="q-T1"]')) break;
        // The page, and its questions alone (what the screen asks, without the masthead, the
        // steps, the heading, Back and Next and the footer).
        const tall = () => page.evaluate(() => [
          document.documentElement.scrollHeight / innerHeight,
          document.querySelector('.questions').getBoundingClientRect().height / innerHeight,
        ].map((h) => Number(h.toFixed(2))));
        const heights = [await tall()];
        if (process.env.E2E_SCREENSHOTS) {
          await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}-${locale}.png`, fullPage: true });
        }
        // Each answer as a person gives it, top to bottom; the count after each.
        for (let again = true; again; ) {
          again = false;
          for (const fieldset of await page.$$('fieldset.question')) {
            const id = (await fieldset.getAttribute('id')).slice(2);
            const values = [answers[id] ?? []].flat();
            for (const [n, value] of values.entries()) {
              const input = await page.$(option(id, value));
              if (!input || (await input.isChecked())) continue;
              const before = await count();
              await input.check();
              await afterPaint(page);
              const after = await count();
              const step = `${name}, ${id}=${value}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`;
              assert.equal(after.total, after.shown, `the count is of the questions on the screen (${step})`);
              assert.equal(after.answered, before.answered + (n === 0 ? 1 : 0), step);
              const left = await minutesLeft();
              // An answer that brings in a follow-up on a later screen (a second market, say)
              // adds that question's time, rounded to the minute: never more than one.
              assert.ok(left <= minutes + 1, `the time left grows by a minute at most (${step}: ${minutes} → ${left})`);
              minutes = left;
              again = true;
            }
          }
        }
        heights.push(await tall());
        screens.push({ name, page: heights.map(([p]) => p), questions: heights.map(([, q]) => q) });
        await page.click('.walk-nav button.primary');
        await page.waitForFunction((was) => location.hash.slice(1) !== was, name);
      }
      console.log(`# profile screens at 360×740 (${locale}): ${JSON.stringify(screens)}`);
      // Before, one screen of 18 questions, 14.7 phone screens long. Now each screen's questions
      // fit in about two and a half phone screens: in Chinese at most 2.6 (the owner reading on
      // his phone; the goods list's 22 goods with palm oil and cattle: 2.51), in English, whose
      // labels run longer, at most 3.1 (the goods with their HS headings: 3.05).
      const most = locale === 'zh-CN' ? 2.6 : 3.1;
      assert.ok(screens.length >= 3 && screens.length <= 5, `${screens.length} screens`);
      for (const { name, questions } of screens) {
        for (const h of questions) assert.ok(h <= most, `${name}: its questions ${h} phone screens`);
      }
    });
  }

  it('resumes after a reload with every answer kept', async (t) => {
    const { page } = await open(t, { locale: 'en-US' });
    await page.click('button.primary');
    await page.check(option('P.region', 'west'));
    await showQuestion(page, 'P.markets');
    await page.check(option('P.markets', 'eu'));
    await page.check(option('P.markets', 'asean'));
    await page.reload();
    await ready(page);
    // A reload returns to the same screen (its address), with the answers.
    assert.ok(await page.isChecked(option('P.markets', 'asean')));
    // A visit without the screen's address is offered the answers on the start screen.
    await page.goto(app.server.url);
    await ready(page);
    // Two questions: the markets are one question with two answers.
    assert.match(await page.textContent('.resume'), /2 of \d+ answered/);
    await page.click('.resume button.primary');
    assert.ok(await page.isChecked(option('P.region', 'west')));
    await showQuestion(page, 'P.markets');
    assert.ok(await page.isChecked(option('P.markets', 'eu')));
    assert.ok(await page.isChecked(option('P.markets', 'asean')));
  });

  it('keeps every answer when the language is switched mid-way', async (t) => {
    const { page } = await open(t, { locale: 'zh-CN' });
    await page.click('button.primary');
    await page.check(option('P.sector', 'cbam_goods'));
    await showQuestion(page, 'P.markets');
    await page.check(option('P.markets', 'eu'));
    await showQuestion(page, 'T1');
    await page.check(option('T1', 'cloud'));
    await page.click('button[lang="en"]');
    await page.waitForSelector('html[lang="en"]');
    assert.equal(await page.textContent('#screen-title'), 'Technology: digital infrastructure');
    assert.ok(await page.isChecked(option('T1', 'cloud')));
    await page.click('.steps li:first-child button');
    assert.ok(await page.isChecked(option('P.sector', 'cbam_goods')));
    await showQuestion(page, 'P.markets');
    assert.ok(await page.isChecked(option('P.markets', 'eu')));
  });

  it('exports the answers and imports them into a fresh browser profile with the same report', async (t) => {
    const name = 'west-steel-eu.json';
    const first = await open(t, { locale: 'en-US' });
    let file;
    let figures;
    await completeWalk(first.page, fixture(name));
    figures = await reportFigures(first.page);
    const [download] = await Promise.all([
      first.page.waitForEvent('download'),
      first.page.click('.answers-file button'),
    ]);
    assert.match(download.suggestedFilename(), /^exporter-assessment-answers-\d{4}-\d{2}-\d{2}\.json$/);
    file = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-')), download.suggestedFilename());
    await download.saveAs(file);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).questionnaire.id, 'digital-trade');

    const second = await open(t, { locale: 'en-US' });
    await second.page.click('button.primary');
    await second.page.click('.steps li:last-child button');
    await second.page.setInputFiles('.answers-file input[type=file]', file);
    await second.page.waitForSelector('.notice.good');
    await second.page.click('.walk-nav button.primary');
    await second.page.waitForSelector(REPORT);
    assert.deepEqual(await reportFigures(second.page), figures);
  });

  it('refuses a broken or foreign answers file with a message and changes nothing', async (t) => {
    const { page } = await open(t, { locale: 'en-US' });
    await page.click('button.primary');
    await page.check(option('P.region', 'east'));
    await page.click('.steps li:last-child button');
    await assertImportsRefused(page, [
      ['broken.json', '{"format": "exporter-assessment/answers@1", "questionnaire": {', /not an answers file/],
      [
        'other.json',
        JSON.stringify({ format: 'exporter-assessment/answers@1', questionnaire: { id: 'other', version: '9' }, answers: {} }),
        /answers to “other 9”/,
      ],
    ]);
    await page.click('.steps li:first-child button');
    assert.ok(await page.isChecked(option('P.region', 'east')));
  });

  it('can be done with the keyboard alone', async (t) => {
    const { page } = await open(t, { locale: 'en-US' });
    // Tab to the start button, then answer every question with its first option by keyboard.
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.matches('button.primary'))); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    for (let presses = 0; presses < 2000; presses++) {
      if (await page.$('article.report')) break;
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el) return 'none';
        if (el.matches('input')) {
          const answered = document.querySelector(`input[name="${el.name}"]:checked`);
          return answered ? 'answered' : 'unanswered';
        }
        if (el.matches('.walk-nav button.primary')) return 'next';
        return 'other';
      });
      if (focused === 'unanswered') await page.keyboard.press('Space');
      if (focused === 'next') await page.keyboard.press('Enter');
    }
    await page.waitForSelector(REPORT);
    const figures = await reportFigures(page);
    assert.notEqual(figures.overall, '–');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'screen-title');
  });

  it('passes axe-core on the start, a question page, the review and the report, in both languages', async (t) => {
    for (const locale of ['zh-CN', 'en-US']) {
      const { page } = await open(t, { locale });
      await assertNoViolations(page, `start ${locale}`);
      await page.click('button.primary');
      await assertNoViolations(page, `profile's first screen ${locale}`);
      await showQuestion(page, 'P.data.sends_pi');
      await page.check(option('P.data.sends_pi', 'yes'));
      await page.click('.help summary');
      await assertNoViolations(page, `profile's data screen ${locale}`);
      await page.click('.walk-nav button.primary');
      await page.check(option('T1', 'cloud'));
      await assertNoViolations(page, `technology ${locale}`);
      await page.click('.steps li:last-child button');
      await assertNoViolations(page, `review ${locale}`);
      await page.click('.walk-nav button.primary');
      await page.waitForSelector(REPORT);
      await assertNoViolations(page, `partial report ${locale}`);
      const full = await open(t, { locale });
      await completeWalk(full.page, fixture('gba-electronics-brand.json'));
      await assertNoViolations(full.page, `report ${locale}`);
    }
  });

  for (const locale of ['en-US', 'zh-CN']) {
  it(`prints the report as at most ${MAX_PAGES} A4 pages with none empty, whom it describes at the end (${locale})`, async (t) => {
    const { page } = await open(t, { locale });
    await completeWalk(page, fixture('gba-electronics-brand.json'));
    // The markets-and-goods section comes from the report's worker (folded): printed once it is there.
    await page.waitForSelector('.obligations', { state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.masthead', '.actions', '.answers-file', '.steps'].every((s) =>
        [...document.querySelectorAll(s)].every((el) => el.getClientRects().length === 0),
      ),
    );
    assert.ok(hidden, 'buttons and navigation are hidden in print');
    const dir = mkdtempSync(path.join(tmpdir(), 'e2e-'));
    const pdf = path.join(dir, 'report.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    if (process.env.E2E_KEEP_PDF) writeFileSync(process.env.E2E_KEEP_PDF, readFileSync(pdf));
    const pages = text.split('\f').slice(0, -1);
    console.log(`# printed report (${locale}): ${pages.length} pages`);
    assert.ok(pages.length <= MAX_PAGES, `${pages.length} pages`);
    // Whom it describes, at the end (the verdict leads): the firm's sector, size and markets.
    const heading = locale === 'en-US' ? 'The firm' : '企业概况';
    const end = text.slice(text.lastIndexOf(heading));
    const firm = locale === 'en-US'
      ? [/Manufacturing: electronics/, /100–299/, /European Union/]
      : [/100–299 人/];
    assert.ok(text.includes(heading), 'the firm is printed');
    for (const fact of firm) assert.match(end, fact, 'the firm at the end');
    pages.forEach((p, i) => assert.ok(p.trim().length > 0, `page ${i + 1} is empty`));
    pages.forEach((p, i) => {
      assert.match(p, new RegExp(`digital-trade ${SHIPPED_VERSION.replaceAll('.', '\\.')} · \\d{4}-\\d{2}-\\d{2}`), `page ${i + 1} has the version and date`);
      assert.match(p, new RegExp(`\\b${i + 1}\\s*/\\s*${pages.length}\\b`), `page ${i + 1} is numbered`);
    });
  });
  }
});

