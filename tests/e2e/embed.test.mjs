// Embedding on an association's site: the example host page (examples/embed) and the app on two
// origins, plus a third origin that frames the association's setup. The frame fits its content,
// events arrive, the theme and a custom questionnaire apply, an invalid one lists its problems,
// and the result reaches the association only after the member presses share.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { associationSite, launch, openPage, serve } from './support.mjs';
import { answerShown, completeWalk, fixture, option, REPORT, SECTION } from './walk.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Everything the host page's window received from the frame. */
const received = (page) => page.evaluate(() => window.assessmentEvents ?? []);

/** Answers what the frame shows of `answers` in the current section, then presses Next. */
async function answerSection(frame, answers) {
  await answerShown(frame, answers);
  await frame.click('.walk-nav button.primary');
}

describe('embedding on an association site', () => {
  let app;
  let host;
  let browser;
  let site;
  before(async () => {
    app = await serve();
    site = associationSite(app.url);
    host = await serve(site.dir, { cors: true });
    site.config(host.origin);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await host?.close();
    await app?.close();
  });

  async function openHost(url = host.url, viewport = undefined) {
    const opened = await openPage(browser, url, { locale: 'en-US', ...(viewport && { viewport }) });
    const element = await opened.page.waitForSelector('#assessment iframe');
    const frame = await element.contentFrame();
    await frame.waitForSelector('html[data-ready="true"]');
    return { ...opened, element, frame };
  }

  it('fits the frame to its content, sends the walk’s events, and applies the theme', async () => {
    const { context, page, element, frame, errors } = await openHost();
    try {
      const height = async () => (await element.boundingBox()).height;
      const contentHeight = () => frame.evaluate(() => Math.ceil(document.getElementById('app').getBoundingClientRect().height));
      await page.waitForFunction(() => document.querySelector('#assessment iframe').style.height !== '40rem');
      const startHeight = await height();
      assert.ok(Math.abs(startHeight - (await contentHeight())) <= 1, 'the frame is as tall as the start screen');
      assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight > innerHeight), false, 'no scroll bar inside');

      // The association's theme, through the design system's custom properties.
      const brand = await frame.evaluate(() => getComputedStyle(document.querySelector('.masthead')).backgroundColor);
      assert.equal(brand, 'rgb(122, 31, 92)');
      assert.match(await frame.textContent('.masthead'), /Offered by: Example Exporters' Association/);

      await frame.click('button.primary');
      await frame.waitForSelector(SECTION);
      await page.waitForFunction((h) => document.querySelector('#assessment iframe').getBoundingClientRect().height > h + 200, startHeight);
      // The whole section's height reaches the host a message after its first frame's.
      const content = await contentHeight();
      await page.waitForFunction((c) => Math.abs(document.querySelector('#assessment iframe').getBoundingClientRect().height - c) <= 1, content, { timeout: 5000 })
        .catch(() => {});
      assert.ok(Math.abs((await height()) - content) <= 1, 'the frame follows the profile section');

      const answers = fixture('gba-electronics-brand.json');
      for (let section = 0; section < 4; section++) await answerSection(frame, answers);
      await frame.click('.walk-nav button.primary');
      await frame.waitForSelector(REPORT);
      const events = await received(page);
      assert.deepEqual(events.map((e) => e.type), [
        'started', 'section-completed', 'section-completed', 'section-completed', 'section-completed', 'finished',
      ]);
      assert.deepEqual(events.slice(1, 5).map((e) => e.section), ['profile', 'technology', 'industry', 'institutions']);
      assert.equal(events[5].complete, true);
      for (const event of events) assert.equal(event.overall, undefined, `${event.type} carries no score`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('brings the frame’s top into view on each new screen, and adds nothing to the host’s history', async () => {
    const { context, page, frame, errors } = await openHost(host.url, { width: 800, height: 600 });
    try {
      const frameTop = () => page.evaluate(() => document.querySelector('#assessment iframe').getBoundingClientRect().top);
      const entries = await page.evaluate(() => history.length);
      await frame.click('button.primary');
      await frame.waitForSelector(SECTION);
      // Next at the bottom of the long profile section: the host page is scrolled far down.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      assert.ok((await frameTop()) < -500, 'scrolled past the frame’s top');
      await frame.click('.walk-nav button.primary');
      await page.waitForFunction(() => {
        const top = document.querySelector('#assessment iframe').getBoundingClientRect().top;
        return top >= -1 && top < innerHeight;
      }, null, { timeout: 5000 });
      assert.equal(await page.evaluate(() => history.length), entries, 'no entry in the host’s history');

      // A message of the same shape from anywhere but the frame moves nothing.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const scrolled = await page.evaluate(() => scrollY);
      await page.evaluate(() => window.postMessage({ source: 'exporter-assessment', type: 'top' }, '*'));
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => scrollY), scrolled);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('sends the result only when the member presses share, with answers only if ticked', async () => {
    const { context, page, frame } = await openHost();
    try {
      await frame.click('button.primary');
      const answers = fixture('west-steel-eu.json');
      for (let section = 0; section < 4; section++) await answerSection(frame, answers);
      await frame.click('.walk-nav button.primary');
      await frame.waitForSelector('.share');
      await page.waitForTimeout(300);
      assert.equal((await received(page)).filter((e) => e.type === 'result').length, 0, 'nothing before the press');

      assert.match(await frame.textContent('.share button'), /Share with Example Exporters' Association/);
      await frame.check('.share input[type=checkbox]');
      await frame.click('.share button');
      await frame.waitForSelector('.share .shared');
      await page.waitForFunction(() => (window.assessmentEvents ?? []).some((e) => e.type === 'result'));
      const result = (await received(page)).find((e) => e.type === 'result');
      // The member's result record (docs/cohort.md) and nothing beside it.
      assert.deepEqual(Object.keys(result).sort(), ['record', 'source', 'type']);
      const { record } = result;
      assert.equal(record.format, 'exporter-assessment/result@1');
      assert.equal(record.questionnaire.id, 'digital-trade');
      assert.match(record.date, /^\d{4}-\d{2}-\d{2}$/);
      assert.deepEqual(record.profile, { region: 'west', sector: 'cbam_goods', size: answers['P.employees'] });
      assert.deepEqual(record.critical_gaps, ['R5']);
      assert.deepEqual(record.dimensions.map((d) => d.id), ['technology', 'industry', 'institutions']);
      assert.equal(record.top_recommendations.length, 3);
      // The answers document, as an answers file holds it, because the member ticked the box.
      assert.equal(record.answers.format, 'exporter-assessment/answers@1');
      // (Options of a multiple choice in the order ticked.)
      const sorted = (a) => Object.fromEntries(Object.entries(a).map(([q, o]) => [q, Array.isArray(o) ? [...o].sort() : o]));
      assert.deepEqual(sorted(record.answers.answers), sorted(answers));
      // The institutions weight of 1.5 from the config: (50 + 34.9 + 1.5 × 38.5) / 3.5.
      assert.equal(record.overall, 40.8);
      assert.equal(record.stage, 'level2');
      // It says the weights it was scored with, so that the cohort tools count it only with them.
      assert.deepEqual(record.customisation, { weights: { dimensions: { institutions: 1.5 } } });
      // The association counts it with its config (answers re-scored with its weights), and
      // `assess cohort` without the config refuses it, saying why.
      const file = path.join(site.dir, 'received-result.json');
      writeFileSync(file, JSON.stringify(record));
      const cohort = (...extra) => JSON.parse(execFileSync('cargo', ['run', '--quiet', '-p', 'assess', '--', 'cohort', 'questionnaire/digital-trade.json', file, '--json', ...extra], { cwd: ROOT, encoding: 'utf8' }));
      assert.equal(cohort('--config', path.join(site.dir, 'config.json')).counted, 1);
      const refused = cohort();
      assert.equal(refused.counted, 0);
      assert.match(refused.refused[0].reason, /made with other sections or weights \(weights dimension institutions 1\.5\): give the association's config/);
      for (const field of ['overall', 'critical_gaps', 'answers', 'name']) assert.equal(result[field], undefined, field);
    } finally {
      await context.close();
    }
  });

  it('posts nothing to a page on a third origin that frames the association’s setup', async () => {
    const third = await serve(site.dir, { cors: true });
    try {
      const { context, page, frame } = await openHost(third.url);
      try {
        await frame.click('button.primary');
        await frame.check(option('P.region', 'east'));
        await frame.click('.walk-nav button.primary');
        await page.waitForTimeout(500);
        assert.deepEqual(await received(page), []);
        assert.equal(await page.evaluate(() => document.querySelector('#assessment iframe').style.height), '40rem', 'not even the size');
        const answers = fixture('textile-central-oem.json');
        await frame.click('.steps li:first-child button');
        for (let section = 0; section < 4; section++) await answerSection(frame, answers);
        await frame.click('.walk-nav button.primary');
        await frame.waitForSelector(REPORT);
        assert.equal(await frame.$('.share'), null, 'no share button where the share could not arrive');
        assert.deepEqual(await received(page), []);
      } finally {
        await context.close();
      }
    } finally {
      await third.close();
    }
  });

  it('offers no share when the association’s embed address is opened on its own, not framed', async () => {
    const probe = await openHost();
    const src = await probe.element.getAttribute('src');
    await probe.context.close();
    const { context, page, errors } = await openPage(browser, new URL(src, host.url).href, { locale: 'en-US' });
    try {
      await page.waitForSelector('html[data-ready="true"]');
      assert.match(src, /[?&]embed\b/);
      await completeWalk(page, fixture('textile-central-oem.json'));
      assert.equal(await page.$('.share'), null, 'no share button: there is no page to share with');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('replaces the questionnaire with the association’s own, and lists the problems of an invalid one', async () => {
    // The config names the questionnaire (only a config file may) and keeps the theme and origin,
    // but drops the weights, which name dimensions of the shipped questionnaire.
    const config = JSON.parse(readFileSync(path.join(site.dir, 'config.json'), 'utf8'));
    delete config.weights;
    const page = (questionnaire) => {
      writeFileSync(path.join(site.dir, `config-${questionnaire}`), JSON.stringify({ ...config, questionnaire: `${host.url}${questionnaire}` }));
      const file = path.join(site.dir, `with-${questionnaire}.html`);
      writeFileSync(file, readFileSync(path.join(site.dir, 'index.html'), 'utf8')
        .replace('data-config="config.json"', `data-config="config-${questionnaire}"`));
      return `${host.url}${path.basename(file)}`;
    };
    const good = await openHost(page('association-questionnaire.json'));
    try {
      assert.equal(await good.frame.textContent('h1'), 'Association quick digital check');
      await good.frame.click('button.primary');
      await good.frame.check(option('P.members', 'yes'));
      await good.frame.click('.walk-nav button.primary');
      assert.equal(await good.frame.textContent('#screen-title'), 'Digital');
      assert.equal((await good.frame.$$('fieldset.question')).length, 2);
    } finally {
      await good.context.close();
    }
    const bad = await openHost(page('invalid-questionnaire.json'));
    try {
      const problems = await bad.frame.$$eval('.problems li', (items) => items.map((i) => i.textContent));
      assert.equal(problems.length, 3, problems.join('\n'));
      assert.match(problems[0], /item D1, field options\[2\]\.level: level 7 is outside 0–4/);
      assert.match(problems[1], /item D2, field text: missing the "en" text/);
      assert.match(problems[2], /item D2, field applies_when: refers to question "P\.size"/);
      await bad.page.waitForFunction(() => document.querySelector('#assessment iframe').style.height !== '40rem');
    } finally {
      await bad.context.close();
    }
    // A weight for a dimension the association's questionnaire does not ask is the config's
    // problem, named by field, in the page's language, with the file it is in.
    const questionnaire = 'association-questionnaire.json';
    writeFileSync(path.join(site.dir, 'config-weights.json'), JSON.stringify({
      ...config, questionnaire: `${host.url}${questionnaire}`, weights: { dimensions: { institutions: 1.5 } },
    }));
    writeFileSync(path.join(site.dir, 'with-weights.html'), readFileSync(path.join(site.dir, 'index.html'), 'utf8')
      .replace('data-config="config.json"', 'data-config="config-weights.json"')
      .replace('data-lang="en"', 'data-lang="zh-CN"'));
    const weights = await openHost(`${host.url}with-weights.html`);
    try {
      await weights.frame.waitForSelector('.problems li');
      const problems = await weights.frame.$$eval('.problems li', (items) => items.map((i) => i.textContent));
      assert.deepEqual(problems, ['配置，字段 weights.dimensions.institutions：“institutions”不在所问之列']);
      assert.match(await weights.frame.textContent('.sources'), /配置文件.*config-weights\.json/);
      assert.equal(await weights.frame.textContent('h1'), '本自评无法启动');
    } finally {
      await weights.context.close();
    }
  });
  it('shows the association’s own catalogue for its questionnaire, and lists the problems of a broken one with the report whole', async () => {
    const config = JSON.parse(readFileSync(path.join(site.dir, 'config.json'), 'utf8'));
    delete config.weights;
    // The association's questionnaire with a goods question (HS codes too) and a markets one.
    const t = (en, zh) => ({ 'zh-CN': zh, en });
    const questionnaire = JSON.parse(readFileSync(path.join(site.dir, 'association-questionnaire.json'), 'utf8'));
    questionnaire.profile.push(
      { id: 'P.goods', multiple: true, hs_codes: true, text: t('What do you export?', '出口什么？'),
        options: [{ id: 'fasteners', label: t('Screws and bolts (7318)', '螺钉螺栓（7318）') },
          { id: 'none', label: t('None of these', '以上都不是'), exclusive: true }] },
      { id: 'P.markets', multiple: true, text: t('Where do you sell?', '销往哪里？'),
        options: [{ id: 'eu', label: t('European Union', '欧盟') }, { id: 'home', label: t('Home', '国内') }] },
    );
    writeFileSync(path.join(site.dir, 'q-goods.json'), JSON.stringify(questionnaire));
    const entry = (id, trigger, from) => ({
      id, regime: t(`Rule ${id}`, `规则 ${id}`), title: t(`Title ${id}`, `标题 ${id}`), trigger,
      prepare: t(`Prepare ${id}`, `准备 ${id}`), ...(from && { from: { date: from, confidence: 'C' } }),
      basis: t('Art. 1', '第一条'), source: 'https://law.example/1', confidence: 'C', checked: '2026-11-20',
    });
    const catalogue = {
      format: 'exporter-assessment/obligations@1', version: '1.0.0', questionnaire: questionnaire.id,
      rules_as_of: '2026-11-20', languages: ['zh-CN', 'en'], title: t('Markets', '市场'), disclaimer: t('Guidance only', '仅供参考'),
      goods_question: 'P.goods', markets_question: 'P.markets',
      goods: [{ option: 'fasteners', codes: ['7318'] }, { option: 'none', codes: [] }],
      obligations: [entry('bolts_eu', { codes: ['7318'], markets: ['eu'] }), entry('any_eu_later', { markets: ['eu'] }, '2099-01-01'),
        entry('home_only', { markets: ['home'] })],
    };
    writeFileSync(path.join(site.dir, 'obligations-good.json'), JSON.stringify(catalogue));
    const broken = structuredClone(catalogue);
    broken.obligations[0].trigger.markets = ['mars'];
    delete broken.obligations[1].title.en;
    writeFileSync(path.join(site.dir, 'obligations-broken.json'), JSON.stringify(broken));
    const page = (name) => {
      writeFileSync(path.join(site.dir, `config-${name}`), JSON.stringify({
        ...config, questionnaire: `${host.url}q-goods.json`, obligations: `${host.url}${name}`,
      }));
      writeFileSync(path.join(site.dir, `with-${name}.html`), readFileSync(path.join(site.dir, 'index.html'), 'utf8')
        .replace('data-config="config.json"', `data-config="config-${name}"`));
      return `${host.url}with-${name}.html`;
    };
    async function walk(frame) {
      await frame.click('button.primary');
      await answerShown(frame, { 'P.members': 'yes', 'P.markets': ['eu'] });
      // The goods by a code typed, matched by prefix.
      const field = frame.locator('.hs-codes input');
      await field.fill('7318.15');
      await field.press('Enter');
      await frame.waitForSelector('.hs-codes .codes li');
      for (;;) {
        await frame.click('.walk-nav button.primary');
        await frame.waitForSelector('#screen-title');
        if (await frame.$('section.review')) break;
      }
      await frame.click('.walk-nav button.primary');
      await frame.waitForSelector(REPORT);
    }

    const good = await openHost(page('obligations-good.json'));
    try {
      await walk(good.frame);
      await good.frame.waitForSelector('.obligations .obligation-group');
      const shown = await good.frame.$$eval('.obligations li[data-obligation]', (items) => items.map((i) => [
        i.closest('.obligation-group').classList[1], i.dataset.obligation]));
      assert.deepEqual(shown, [['in-force', 'bolts_eu'], ['later', 'any_eu_later']]);
      // The market and the goods, named once for the market's entries.
      const market = good.frame.locator('.obligations .market', { has: good.frame.locator('li[data-obligation="bolts_eu"]') });
      assert.equal((await market.locator('h3').textContent()).trim(), 'European Union');
      assert.match(await market.locator('.goods').textContent(), /HS 731815/);
      assert.match(await good.frame.textContent('.obligations .disclaimer'), /Guidance only/);
      assert.deepEqual(good.errors, []);
    } finally {
      await good.context.close();
    }

    const bad = await openHost(page('obligations-broken.json'));
    try {
      await walk(bad.frame);
      await bad.frame.waitForSelector('.obligations .problems li');
      const problems = await bad.frame.$$eval('.obligations .problems li', (items) => items.map((i) => i.textContent));
      assert.equal(problems.length, 2, problems.join('\n'));
      assert.match(problems.join('\n'), /obligation bolts_eu, field trigger\.markets: refers to option "mars" of question "P\.markets"/);
      assert.match(problems.join('\n'), /obligation any_eu_later, field title: missing the "en" text/);
      // The rest of the report is there.
      assert.ok(await bad.frame.$('.score-card'));
      assert.equal(await bad.frame.$('.obligations .obligation-group'), null);
      assert.deepEqual(bad.errors, []);
    } finally {
      await bad.context.close();
    }

    // A catalogue of 100 000 entries (about 30 MB): refused by name with the limit, unparsed, and
    // the page's thread never held for seconds by it.
    const huge = structuredClone(catalogue);
    huge.obligations = Array.from({ length: 100_000 }, (_, i) => entry(`rule_${i}`, { markets: ['eu'] }));
    writeFileSync(path.join(site.dir, 'obligations-huge.json'), JSON.stringify(huge));
    const big = await openHost(page('obligations-huge.json'));
    try {
      await big.frame.evaluate(() => {
        window.longestTask = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.longestTask = Math.max(window.longestTask, e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await walk(big.frame);
      await big.frame.waitForSelector('.obligations .problems li', { timeout: 30_000 });
      const problems = await big.frame.$$eval('.obligations .problems li', (items) => items.map((i) => i.textContent));
      assert.match(problems.join('\n'), /over 2048 KB, the most this tool reads of an obligations catalogue/);
      assert.ok(await big.frame.$('.score-card'));
      const longest = await big.frame.evaluate(() => window.longestTask);
      console.log(`a catalogue of 100 000 entries: refused; longest task ${Math.round(longest)} ms`);
      assert.ok(longest < 2000, `the page's thread was held ${longest} ms`);
      assert.deepEqual(big.errors, []);
    } finally {
      await big.context.close();
    }
  });
});
