// An association's own questionnaire (tests/fixtures/association-questionnaire.json: one
// dimension, no cap, no critical rule, no benchmark), embedded on its site as docs/embedding.md
// says, walked to the report in each language. Every sentence and heading the app words about the
// questionnaire's structure must be true of this one: no "three dimensions", no cap, no
// bottleneck, no radar of one axis, no column for the paper's benchmarks; and axe finds nothing.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { assertNoViolations, launch, openPage, serve } from './support.mjs';
import { completeWalk } from './walk.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const ANSWERS = { 'P.members': 'yes', D1: 'some', D2: 'none' };

/** What each language must say, and what would be untrue of a one-dimension, uncapped check. */
const EXPECT = {
  en: {
    duration: 'About 1 minute, 3 questions, and a few more to read your report',
    start: 'At the end you get your score on Digital and your stage, your data-export path, and an action plan ranked by priority.',
    headings: [
      'Your result', 'Your first steps', 'The dimension: Digital', 'Your data-export path',
      'Your answers', 'Take this result with you', 'The firm', 'Share your result with Example Exporters\' Association',
      'Next time', 'Your answers', 'Your result for your association',
    ],
    share: 'What is shared: your score, stage, data-export path and top recommendations, with your region, sector and size where the questionnaire asks them, and never your name or any text of your own. Nothing is sent to Example Exporters\' Association until you press the button below.',
    untrue: /three|\b3 dimensions|institutions|\bcap(ped)?\b|bottleneck|paper|critical/i,
  },
  'zh-CN': {
    duration: '约 1 分钟，共 3 题；阅读报告另需几分钟',
    start: '完成后您将得到：“数字化”得分和所处阶段、数据出境路径，以及按优先级排列的行动计划。',
    headings: [
      '评估结果', '您的第一步', '评估维度：数字化', '数据出境路径', '您的回答',
      '把结果带走', '企业概况', '与示例出口商协会分享结果', '下一次评估', '您的回答', '交给协会的结果',
    ],
    share: '分享的内容：您的得分、阶段、数据出境路径和首要建议，以及问卷所问的地区、行业和规模，不含您的名称或您写的任何文字。只有在您点击下方按钮后，才会发送给示例出口商协会。',
    untrue: /三个|制度|上限|短板|论文|关键/,
  },
};

describe('an association’s questionnaire of one dimension and no cap', () => {
  let app;
  let host;
  let browser;
  let dir;
  before(async () => {
    app = await serve();
    dir = mkdtempSync(path.join(tmpdir(), 'association-'));
    cpSync(path.join(ROOT, 'examples/embed'), dir, { recursive: true });
    cpSync(path.join(ROOT, 'tests/fixtures/association-questionnaire.json'), path.join(dir, 'association-questionnaire.json'));
    host = await serve(dir, { cors: true });
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    // The weights name dimensions of the shipped questionnaire, which this one does not have.
    delete config.weights;
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({
      ...config, origin: host.origin, questionnaire: `${host.url}association-questionnaire.json`,
    }));
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await host?.close();
    await app?.close();
  });

  for (const lang of ['zh-CN', 'en']) {
    it(`words the start screen and the report true of it (${lang})`, async () => {
      const expect = EXPECT[lang];
      const page = path.join(dir, `page-${lang}.html`);
      writeFileSync(page, readFileSync(path.join(dir, 'index.html'), 'utf8')
        .replace('http://127.0.0.1:8080/', app.url)
        .replace('data-lang="en"', `data-lang="${lang}"`));
      const { context, page: hostPage, errors } = await openPage(browser, `${host.url}${path.basename(page)}`, { locale: lang });
      try {
        const frame = await (await hostPage.waitForSelector('#assessment iframe')).contentFrame();
        await frame.waitForSelector('html[data-ready="true"]');
        assert.equal(await frame.getAttribute('html', 'lang'), lang);

        const start = await frame.$$eval('.start p', (ps) => ps.map((p) => p.textContent));
        assert.ok(start.includes(expect.start), `the start screen says what the report holds:\n${start.join('\n')}`);
        assert.equal(await frame.textContent('.start .facts li'), expect.duration);
        await assertNoViolations(frame, `start (${lang})`);

        await completeWalk(frame, ANSWERS);
        const headings = await frame.$$eval('article.report h2', (hs) => hs.map((h) => h.textContent.trim()));
        assert.deepEqual(headings, expect.headings);
        assert.equal(await frame.$('.critical'), null, 'no critical gaps: the questionnaire has no rule for one');
        assert.equal(await frame.$('svg.radar'), null, 'no radar for one axis');
        assert.equal(await frame.$('.bottleneck, .bars .note'), null, 'one dimension is no bottleneck');
        assert.equal(await frame.$('.cap'), null, 'no cap');
        assert.equal((await frame.$$('.items thead th')).length, 3, 'no column for benchmarks it has none of');
        assert.equal(await frame.textContent('.share > p'), expect.share);

        const text = await frame.textContent('article.report');
        const untrue = text.match(expect.untrue);
        assert.equal(untrue, null, `the report says “${untrue?.[0]}”, untrue of this questionnaire:\n${text}`);
        await assertNoViolations(frame, `report (${lang})`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
});
