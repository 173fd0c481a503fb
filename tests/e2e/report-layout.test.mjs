// The report as a short action document: its first screen gives the verdict and the
// first action, on a 360 px phone as on a desktop, in both languages; the rest is folded to a line
// each, so that the textile OEM's report is at most eight phone screens before anything is opened;
// the comparison says what changed in one sentence and never breaks a number or a word across
// lines, from 320 to 1440 px; every fixture prints complete (every fold open) on four A4 pages or
// fewer in both languages, with no screen-only link on paper; axe finds nothing, folded or open.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { appUnderTest, assertNoViolations, launchFor, openPage, serve } from './support.mjs';
import { assess, importToReport, layOutWhole, ready, REPORT } from './walk.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = `${ROOT}tests/fixtures/`;
const LOCALES = ['zh-CN', 'en-US'];
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1440, height: 900 };
const MAX_SCREENS = 8;
const MAX_PAGES = 4;

/** Every answers file among the fixtures (the others are questionnaires). */
const ANSWER_FIXTURES = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.json'))
  .filter((name) => JSON.parse(readFileSync(FIXTURES + name, 'utf8')).format?.startsWith('exporter-assessment/answers'));


/** Opens every fold of the report, as a person pressing each summary would. */
async function openFolds(page) {
  for (const summary of await page.$$('details.fold:not([open]) > summary')) await summary.click();
}

describe('the report: verdict first, the rest folded', () => {
  const app = appUnderTest();
  const open = async (t, options) => {
    const opened = await openPage(t, app.browser, app.server.url, options);
    await ready(opened.page);
    return opened;
  };

  for (const locale of LOCALES) {
    for (const viewport of [PHONE, DESKTOP]) {
      it(`shows the score, the stage in words, any critical gap and the first action on the first screen (${locale}, ${viewport.width}×${viewport.height})`, async (t) => {
        // The GBA brand has a critical gap; the textile OEM has none.
        for (const name of ['gba-electronics-brand.json', 'textile-central-oem.json']) {
          const core = JSON.parse(assess(['score', 'questionnaire/digital-trade.json', `tests/fixtures/${name}`, '--json']));
          const { page, errors } = await open(t, { locale, viewport });
          await importToReport(page, name);
          await page.waitForSelector('.first-action');
          const seen = await page.evaluate(() => {
            const box = (selector) => {
              const el = document.querySelector(selector);
              if (!el) return null;
              const r = el.getBoundingClientRect();
              return { top: r.top + scrollY, bottom: r.bottom + scrollY, text: el.textContent.trim() };
            };
            return {
              score: box('.verdict .overall .value'),
              stage: box('.verdict .stage .value'),
              meaning: box('.verdict .meaning'),
              gaps: box('.verdict-gaps'),
              action: box('.first-action'),
              facts: [...document.querySelectorAll('.first-action dt')].map((dt) => dt.textContent.trim()),
              gapItems: document.querySelectorAll('.verdict-gaps li').length,
            };
          });
          for (const part of ['score', 'stage', 'meaning', 'action']) {
            assert.ok(seen[part], `${name}: the ${part} is shown`);
            assert.ok(seen[part].bottom <= viewport.height, `${name}: the ${part} ends at ${seen[part].bottom} px`);
          }
          assert.equal(seen.score.text, core.overall.toFixed(1));
          // The stage in words: its name and what it means.
          assert.ok(seen.meaning.text.length > 10, seen.meaning.text);
          if (core.critical_gaps.length > 0) {
            assert.ok(seen.gaps, `${name}: the critical gaps are on the first screen`);
            assert.ok(seen.gaps.bottom <= viewport.height, `${name}: the gaps end at ${seen.gaps.bottom} px`);
            assert.equal(seen.gapItems, core.critical_gaps.length);
          } else {
            assert.equal(seen.gaps, null, `${name}: no gap is shown where there is none`);
          }
          // What, who, what it takes, and why it comes first.
          const facts = locale === 'en-US' ? ['Who', 'Effort and cost', 'Why first'] : ['由谁做', '工作量和费用', '为什么先做'];
          assert.deepEqual(seen.facts, facts, name);
          // The profile is one folded line at the end, after everything the owner acts on.
          const order = await page.evaluate(() => {
            const all = [...document.querySelectorAll('article.report *')];
            const at = (s) => all.indexOf(document.querySelector(s));
            return { firm: at('.fold-firm'), items: at('.fold-items'), open: document.querySelector('.fold-firm').open };
          });
          assert.ok(order.firm > order.items, 'the firm comes after the answers');
          assert.equal(order.open, false, 'the firm is folded');
          assert.deepEqual(errors, []);
        }
      });
    }

    it(`keeps the textile OEM's report to ${MAX_SCREENS} phone screens with its parts folded, and axe-clean folded and open (${locale})`, async (t) => {
      const { page } = await open(t, { locale, viewport: PHONE });
      await importToReport(page, 'textile-central-oem.json');
      await page.waitForSelector('.fold-obligations');
      await layOutWhole(page);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const screens = height / PHONE.height;
      console.log(`# textile OEM's report, ${locale}, 360×740: ${screens.toFixed(1)} screens folded`);
      assert.ok(screens <= MAX_SCREENS, `${screens.toFixed(1)} screens`);
      // Folded: the plan beyond the first steps, the dimensions, the data-export path, the
      // markets' rules, the answers and the firm, each to a line that says what it holds.
      const folds = await page.$$eval('details.fold', (all) =>
        all.map((d) => ({ name: d.className, open: d.open, line: d.querySelector('.fold-line')?.textContent.trim() ?? '' })));
      assert.deepEqual(
        folds.map((f) => f.name.match(/fold-(\w+)/)[1]),
        ['plan', 'dimensions', 'export', 'obligations', 'items', 'firm'],
      );
      for (const f of folds) {
        assert.equal(f.open, false, f.name);
        assert.notEqual(f.line, '', `${f.name} says what it holds`);
      }
      // Open: the first steps.
      assert.ok(await page.$('.first-steps'), 'the first steps are open');
      await assertNoViolations(page, `report folded ${locale}`);

      // A summary opens in place with the keyboard.
      await page.focus('.fold-export > summary');
      await page.keyboard.press('Enter');
      assert.equal(await page.$eval('.fold-export', (d) => d.open), true, 'Enter opens a fold');
      assert.ok(await page.isVisible('.fold-export .outcome'));
      await openFolds(page);
      assert.equal(await page.$('details.fold:not([open])'), null);
      await assertNoViolations(page, `report unfolded ${locale}`);
    });
  }

  it('says the change in one sentence and splits no number or word across lines, 320 to 1440 px', async (t) => {
    // The earlier assessment: the GBA brand with its data-export gap; now the procedure is done.
    const dir = mkdtempSync(path.join(tmpdir(), 'compare-'));
    const earlier = JSON.parse(readFileSync(`${FIXTURES}gba-electronics-brand.json`, 'utf8'));
    const later = structuredClone(earlier);
    later.answers.R2 = 'done';
    writeFileSync(path.join(dir, 'earlier.json'), JSON.stringify(earlier));
    writeFileSync(path.join(dir, 'later.json'), JSON.stringify(later));
    const c = JSON.parse(assess(['compare', 'questionnaire/digital-trade.json', path.join(dir, 'earlier.json'), path.join(dir, 'later.json'), '--json']));
    assert.equal(c.gaps_closed.length, 1, 'the case closes a gap');
    const change = c.overall.change > 0 ? `+${c.overall.change.toFixed(1)}` : c.overall.change.toFixed(1);
    const stages = JSON.parse(readFileSync(`${ROOT}questionnaire/digital-trade.json`, 'utf8')).stages;
    const stage = (lang) => stages.find((s) => s.id === c.stage.after).label[lang];
    const moved = {
      'en-US': { up: 'up to ', same: 'still ', down: 'down to ' }[c.stage.trend] + stage('en'),
      'zh-CN': { up: '升至', same: '仍为', down: '降至' }[c.stage.trend] + stage('zh-CN'),
    };
    const escape = (s) => s.replace(/[+.]/g, (x) => `\\${x}`);

    for (const locale of LOCALES) {
      const { page, errors } = await open(t, { locale, viewport: PHONE });
      await page.click('button.primary');
      await page.click('.steps li:last-child button');
      await page.setInputFiles('.answers-file input[type=file]', path.join(dir, 'later.json'));
      await page.waitForSelector('.notice.good');
      await page.click('.walk-nav button.primary');
      await page.waitForSelector(REPORT);
      await page.setInputFiles('.earlier input[type=file]', path.join(dir, 'earlier.json'));
      await page.waitForSelector('.fold-comparison');

      // One sentence on the first screen, and as the folded comparison's line.
      const expected = locale === 'en-US'
        ? new RegExp(`^${escape(change)} points, ${moved[locale]}, 1 critical gap closed$`)
        : new RegExp(`^${escape(change)} 分，${moved[locale]}，关闭 1 个关键缺口$`);
      const sentence = await page.textContent('.verdict .change-line');
      assert.match(sentence.trim(), expected);
      assert.equal((await page.textContent('.fold-comparison .fold-line')).trim(), sentence.trim());
      const line = await page.$eval('.verdict .change-line', (p) => p.getBoundingClientRect().bottom);
      assert.ok(line <= PHONE.height, `the sentence ends at ${line} px`);

      await page.click('.fold-comparison > summary');
      for (const width of [320, 360, 768, 1024, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        const split = await page.evaluate(() => {
          const lines = (node, start, end) => {
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, end);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            return tops.size;
          };
          const broken = [];
          // Every number (with its sign, decimals and a date's hyphens) and every Latin word, in
          // the table, the lists and the sentence. A compound may break at its hyphen
          // ("data-|export"), as print does.
          for (const root of document.querySelectorAll('.comparison, .verdict .change-line, .fold-comparison > summary')) {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const m of node.data.matchAll(/[+\-−]?\d[\d.,:%]*(?:-\d[\d.,:%]*)*|[A-Za-z][A-Za-z'’]*/g)) {
                if (lines(node, m.index, m.index + m[0].length) > 1) broken.push(m[0]);
              }
            }
          }
          // Each cell of figures or stages, the columns' names and each clause of the sentence
          // on one line.
          for (const el of document.querySelectorAll('.compare-table .num, .compare-table thead th, .change-line .nowrap, .fold-comparison .nowrap')) {
            const range = document.createRange();
            range.selectNodeContents(el.matches('thead th') ? el.firstChild : el);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) broken.push(el.textContent.trim());
          }
          const table = document.querySelector('.compare-table').getBoundingClientRect();
          return { broken, overflow: table.right > document.documentElement.clientWidth + 0.5 };
        });
        assert.deepEqual(split.broken, [], `${locale} at ${width}px`);
        assert.equal(split.overflow, false, `${locale} at ${width}px: the table fits`);
      }
      await assertNoViolations(page, `comparison ${locale}`);
      assert.deepEqual(errors, []);
    }
  });

  for (const locale of LOCALES) {
    it(`prints every fixture complete on ${MAX_PAGES} A4 pages or fewer, no screen-only link on paper (${locale})`, async (t) => {
      const titles = locale === 'en-US'
        ? [/Your first steps|Nothing/, /Your data-export path/, /Your answers/, /The firm/]
        : [/您的第一步|暂无/, /数据出境路径/, /您的回答/, /企业概况/];
      const screenOnly = locale === 'en-US' ? /See each answer and its level/ : /查看每题的回答和等级/;
      for (const name of ANSWER_FIXTURES) {
        const { page } = await open(t, { locale });
        await importToReport(page, name);
        // The markets' rules come from the report's worker: printed once they are there.
        await page.waitForSelector('.fold-obligations, .obligations');
        await page.emulateMedia({ media: 'print' });
        const dir = mkdtempSync(path.join(tmpdir(), 'print-'));
        const pdf = path.join(dir, 'report.pdf');
        await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
        const count = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
        const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
        const pages = text.split('\f').slice(0, -1);
        console.log(`# ${name} printed (${locale}): ${count} pages`);
        assert.equal(pages.length, count);
        assert.ok(count <= MAX_PAGES, `${name}: ${count} pages`);
        // Complete: every fold printed open, under its own heading.
        for (const title of titles) assert.match(text, title, `${name}: ${title} printed`);
        assert.doesNotMatch(text, screenOnly, `${name}: a link that only works on screen is printed`);
        // The last page holds more than the code and the disclaimer: the firm at least.
        assert.match(pages.at(-1), titles.at(-1), `${name}: the last page`);
        pages.forEach((p, i) => assert.match(p, /digital-trade \d+\.\d+\.\d+ · \d{4}-\d{2}-\d{2}/, `${name}: page ${i + 1}'s footer`));
      }
    });
  }

  it('hands the result off as the device allows: a link shared or copied on a phone, and the code too on a desktop', async (t) => {
    // The app at a public address (a phone can open it), which this machine serves: the browser
    // resolves the name to it and treats it as secure, as it would an https site.
    const server = await serve();
    t.after(() => server.close());
    const origin = `http://assess.example:${new URL(server.url).port}`;
    const browser = await launchFor(t, [
      `--host-resolver-rules=MAP assess.example 127.0.0.1`,
      `--unsafely-treat-insecure-origin-as-secure=${origin}`,
    ]);
    for (const locale of LOCALES) {
      const words = locale === 'en-US'
        ? { copy: 'Copy the link', copied: 'Link copied.', share: 'Share the link' }
        : { copy: '复制链接', copied: '链接已复制。', share: '分享链接' };
      // A phone without Web Share: the link is copied, and no code is shown to scan with itself.
      const { page, context } = await openPage(t, browser, `${origin}/`, { locale, viewport: PHONE });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      await ready(page);
      await page.evaluate(() => delete Navigator.prototype.share);
      await importToReport(page, 'textile-central-oem.json');
      await page.waitForSelector('svg.qr', { state: 'attached' });
      assert.equal((await page.textContent('.send-link')).trim(), words.copy);
      assert.equal(await page.isVisible('svg.qr'), false, 'no code to scan on the phone that shows it');
      await page.click('.send-link');
      await page.waitForSelector(`.handoff .sent:has-text("${words.copied}")`);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(copied, new RegExp(`^${origin}/#\\d+$`));
      assert.equal(copied, (await page.textContent('.handoff-link')).trim());
      await assertNoViolations(page, `hand-off on a phone ${locale}`);

      // Printed, the code is on paper, and the last page holds more than it and the disclaimer.
      await page.emulateMedia({ media: 'print' });
      const dir = mkdtempSync(path.join(tmpdir(), 'print-'));
      const pdf = path.join(dir, 'report.pdf');
      await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
      const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
      assert.ok(pages.length <= MAX_PAGES, `${pages.length} pages with the code`);
      assert.match(pages.at(-1), locale === 'en-US' ? /The firm/ : /企业概况/, 'the last page');
      assert.equal(await page.$eval('.handoff', (s) => getComputedStyle(s).display !== 'none'), true);
      assert.doesNotMatch(pages.join(''), new RegExp(words.copy), 'the button is not printed');

      // A phone with Web Share: the system's share sheet gets the link.
      const { page: sharing } = await openPage(t, browser, `${origin}/`, { locale, viewport: PHONE });
      await ready(sharing);
      await sharing.evaluate(() => {
        window.shared = [];
        navigator.share = (data) => {
          window.shared.push(data.url);
          return Promise.resolve();
        };
      });
      await importToReport(sharing, 'textile-central-oem.json');
      await sharing.waitForSelector('svg.qr', { state: 'attached' });
      assert.equal((await sharing.textContent('.send-link')).trim(), words.share);
      await sharing.click('.send-link');
      await sharing.waitForFunction(() => window.shared.length === 1);
      assert.equal(await sharing.evaluate(() => window.shared[0]), (await sharing.textContent('.handoff-link')).trim());

      // A desktop: both the link to send and the code to scan with a phone.
      const { page: desktop } = await openPage(t, browser, `${origin}/`, { locale, viewport: DESKTOP });
      await ready(desktop);
      await importToReport(desktop, 'textile-central-oem.json');
      await desktop.waitForSelector('svg.qr');
      assert.ok(await desktop.isVisible('svg.qr'), 'the code on a desktop');
      assert.ok(await desktop.isVisible('.send-link'), 'and the link');
    }
  });
});
