// An association's own questionnaire (tests/fixtures/association-questionnaire.json: one
// dimension, no cap, no critical rule, no benchmark), embedded on its site as docs/embedding.md
// says, walked to the report in each language. Every sentence and heading the app words about the
// questionnaire's structure must be true of this one: no "three dimensions", no cap, no
// bottleneck, no radar of one axis, no column for the paper's benchmarks; and axe finds nothing.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { assertNoViolations, launch, openPage, serve } from './support.mjs';
import { completeWalk, ready } from './walk.mjs';

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
    it(`words the start screen and the report true of it (${lang})`, async (t) => {
      const expect = EXPECT[lang];
      const page = path.join(dir, `page-${lang}.html`);
      writeFileSync(page, readFileSync(path.join(dir, 'index.html'), 'utf8')
        .replace('http://127.0.0.1:8080/', app.url)
        .replace('data-lang="en"', `data-lang="${lang}"`));
      const { page: hostPage, errors } = await openPage(t, browser, `${host.url}${path.basename(page)}`, { locale: lang });
      const frame = await (await hostPage.waitForSelector('#assessment iframe')).contentFrame();
      await ready(frame);
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
    });
  }
});

/**
 * An association's server whose config, questionnaire or catalogue is far over the app's limits
 * (256 MB, made as it is sent), with its `Content-Length` or without one (chunked, as a server that
 * compresses on the fly sends it); the small files beside them name those. `sent` counts the bytes
 * each request was sent before the app stopped reading.
 */
async function oversizedSite() {
  const SIZE = 256 << 20;
  const sent = {};
  const small = {};
  const server = createServer((req, res) => {
    const name = req.url.split('?')[0].slice(1);
    const headers = { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
    if (name in small) {
      res.writeHead(200, headers);
      res.end(small[name]);
      return;
    }
    if (!/^huge-(length|chunked)\.json$/.test(name)) {
      res.writeHead(404, headers);
      res.end();
      return;
    }
    res.writeHead(200, name.includes('length') ? { ...headers, 'Content-Length': SIZE } : headers);
    // A JSON text of SIZE bytes: `{"pad": "xxx…"}`, written as fast as the app reads it.
    const head = Buffer.from('{"pad": "');
    const piece = Buffer.alloc(64 * 1024, 'x');
    let written = 0;
    sent[name] = 0;
    let closed = false;
    res.on('close', () => { closed = true; });
    const pump = () => {
      while (!closed && written < SIZE) {
        const chunk = written === 0 ? head : written + piece.length + 2 >= SIZE ? Buffer.from('x'.repeat(SIZE - written - 2) + '"}') : piece;
        written += chunk.length;
        sent[name] = written;
        if (written >= SIZE) {
          res.end(chunk);
          return;
        }
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin, sent, size: SIZE, small,
    close: () => new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

describe('an association’s files over the app’s limits', () => {
  let app;
  let site;
  let browser;
  before(async () => {
    app = await serve();
    site = await oversizedSite();
    site.small['association-questionnaire.json'] = readFileSync(path.join(ROOT, 'tests/fixtures/association-questionnaire.json'));
    for (const how of ['length', 'chunked']) {
      site.small[`config-${how}.json`] = JSON.stringify({ origin: site.origin, questionnaire: `${site.origin}/huge-${how}.json` });
      site.small[`catalogue-${how}.json`] = JSON.stringify({
        origin: site.origin,
        questionnaire: `${site.origin}/association-questionnaire.json`,
        obligations: `${site.origin}/huge-${how}.json`,
      });
    }
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await app?.close();
  });

  const open = (t, config) => openPage(
    t,
    browser,
    `${app.url}?embed&config=${encodeURIComponent(`${site.origin}/${config}`)}&origin=${encodeURIComponent(site.origin)}`,
    { locale: 'en' },
  );

  /** What the server sent of the file, in MB: far less than the file when the app stopped early. */
  const sentMb = (how) => Math.round((site.sent[`huge-${how}.json`] / 2 ** 20) * 10) / 10;

  for (const how of ['length', 'chunked']) {
    it(`refuses a config and a questionnaire over their limits by name, never read whole (${how === 'length' ? 'with Content-Length' : 'chunked'})`, async (t) => {
      for (const [config, words] of [
        [`huge-${how}.json`, /^config: the file is over 64 KB, the most this tool reads of such a file: is it the right file\?$/],
        [`config-${how}.json`, /^questionnaire: the file is over 4096 KB, the most this tool reads of such a file: is it the right file\?$/],
      ]) {
        const { page } = await open(t, config);
        const started = Date.now();
        await page.waitForSelector('.setup-problems .problems li', { timeout: 30_000 });
        const took = Date.now() - started;
        const problems = await page.$$eval('.setup-problems .problems li', (items) => items.map((i) => i.textContent));
        assert.equal(problems.length, 1, problems.join('\n'));
        assert.match(problems[0], words);
        console.log(`${config}: refused in ${took} ms; the server sent ${sentMb(how)} of ${site.size >> 20} MB`);
        assert.ok(site.sent[`huge-${how}.json`] < site.size / 8, `${sentMb(how)} MB sent`);
      }
    });
  }

  it('refuses a catalogue over its limit by name in the report, never read whole (chunked, and with Content-Length)', async (t) => {
    for (const how of ['chunked', 'length']) {
      const { page } = await open(t, `catalogue-${how}.json`);
      await ready(page);
      await completeWalk(page, ANSWERS);
      await page.waitForSelector('.obligations .problems li', { timeout: 30_000 });
      const problems = await page.$$eval('.obligations .problems li', (items) => items.map((i) => i.textContent));
      assert.deepEqual(problems, ['obligations catalogue: the file is over 2048 KB, the most this tool reads of such a file: is it the right file?']);
      console.log(`catalogue (${how}): refused; the server sent ${sentMb(how)} of ${site.size >> 20} MB`);
      // The report's worker stops at 2 MB and cancels; its fetch passes through the service worker,
      // which passes on no more than 4 MB and one piece (the largest limit), then cancels the
      // download itself. What else left the server was in the sockets' buffers: 9 to 11 MB in all
      // (41 to 52 MB when the service worker waited for the page's cancel to reach it).
      assert.ok(site.sent[`huge-${how}.json`] < site.size / 8, `${sentMb(how)} MB sent`);
    }
  });
});
