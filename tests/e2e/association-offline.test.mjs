// Offline after the first visit, the catalogue is there, for an association that ships
// its own obligations catalogue (and, in a second case, its own questionnaire). A member's first
// visit to the association's page is online; then the network goes entirely (the browser offline,
// and the app's and the association's servers gone), the frame is reloaded, and the report's "Your
// markets and goods" still shows the association's own entries — not the shipped catalogue's, not
// an error — in both languages, with axe finding nothing. A kiosk that frames the app with the
// association's config (the snippet's `data-src` naming the app with `?kiosk`, docs/kiosk.md)
// loads once online, then serves two visitors offline: each report has the association's
// catalogue, and nothing of the first visitor is left for the second.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { assertNoViolations, associationSite, DIST, launch, openPage, serve } from './support.mjs';
import { answerShown, completeWalk, fixture, ready, REPORT, SECTION } from './walk.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The goods options of the shipped questionnaire, as its shipped catalogue maps them to HS codes. */
const SHIPPED_GOODS = JSON.parse(readFileSync(path.join(ROOT, 'questionnaire/obligations.json'), 'utf8')).goods;

const t = (en, zh) => ({ 'zh-CN': zh, en });
const t_ = t;

/** A catalogue entry with every field the format asks; `from`: its start, confirmed. */
const entry = (id, trigger, from) => ({
  id, regime: t(`Association rule ${id}`, `协会规则 ${id}`), title: t(`Title ${id}`, `标题 ${id}`), trigger,
  prepare: t(`Prepare ${id}`, `准备 ${id}`), ...(from && { from: { date: from, confidence: 'C' } }),
  basis: t('Art. 1', '第一条'), source: 'https://law.example/1', confidence: 'C', checked: '2026-11-20',
});

/**
 * The association's catalogue for the questionnaire `id`, whose goods options are `goods` (what
 * each stands for; every option of the goods question, as the format asks); its first entry is
 * on goods under `codes`.
 */
const catalogue = (id, goods, codes) => ({
  format: 'exporter-assessment/obligations@1', version: '1.0.0', questionnaire: id,
  rules_as_of: '2026-11-20', languages: ['zh-CN', 'en'],
  title: t('Our members’ markets', '会员的市场'), disclaimer: t('Guidance from the association', '协会提供的指引'),
  goods_question: 'P.goods', markets_question: 'P.markets',
  goods,
  obligations: [entry('assoc_goods_eu', { codes, markets: ['eu'] }), entry('assoc_eu_later', { markets: ['eu'] }, '2099-01-01'),
    entry('assoc_us_only', { markets: ['us'] })],
});

/** What the association's catalogue puts on the report of a firm selling its goods to the EU. */
const EXPECTED = [['in-force', 'assoc_goods_eu'], ['later', 'assoc_eu_later']];

/** The association's own questionnaire (tests/fixtures) with a goods and a markets question. */
function questionnaireWithGoods(dir) {
  const q = JSON.parse(readFileSync(path.join(dir, 'association-questionnaire.json'), 'utf8'));
  q.profile.push(
    { id: 'P.goods', multiple: true, hs_codes: true, text: t('What do you export?', '出口什么？'),
      options: [{ id: 'fasteners', label: t('Screws and bolts (7318)', '螺钉螺栓（7318）') },
        { id: 'none', label: t('None of these', '以上都不是'), exclusive: true }] },
    { id: 'P.markets', multiple: true, text: t('Where do you sell?', '销往哪里？'),
      options: [{ id: 'eu', label: t('European Union', '欧盟') }, { id: 'us', label: t('United States', '美国') }] },
  );
  return q;
}

/** The association's entries the report shows, by timeline group, in order. */
const shown = (frame) => frame.$$eval('.obligations li[data-obligation]', (items) => items.map((i) => [
  i.closest('.obligation-group').classList[1], i.dataset.obligation]));

/**
 * Waits until the service worker controls the frame (its first install claims it) and keeps a copy
 * of each of `urls` for offline use: the end of a first visit.
 */
async function kept(frame, urls) {
  await frame.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await frame.waitForFunction(async (urls) => {
    const found = await Promise.all(urls.map((url) => caches.match(url)));
    return found.every((response) => response !== undefined);
  }, urls, { timeout: 10_000 });
}

const EMPTY = { local: {}, session: {}, databases: [] };

/**
 * The page's errors but those of requests that failed because the network is gone (the browser's
 * own). The kiosk's look for a new build between visitors fails offline too, and the app handles
 * that refusal: it must not show here as an uncaught "Failed to update a ServiceWorker".
 */
const offlineErrors = (errors) => errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to fetch/.test(e));

/** Everything the frame's origin holds in the storages a browser keeps between visits. */
const stored = (frame) => frame.evaluate(async () => {
  const all = (s) => Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)]));
  return { local: all(localStorage), session: all(sessionStorage), databases: (await indexedDB.databases()).map((d) => d.name) };
});

describe('an association’s own catalogue, offline after the first visit', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  /**
   * The app (`build`) and the association's site, each on a server of its own for one test (so
   * each test's app is a fresh origin, with no service worker yet). `files(dir, url)` writes the
   * association's files into its site and returns the config's fields that name them; `snippet(html,
   * appUrl)` changes the host page. `read`: the association's files, by URL.
   */
  async function association(files, snippet = (html) => html, build = DIST) {
    const app = await serve(build);
    const site = associationSite(app.url);
    const host = await serve(site.dir, { cors: true });
    const config = JSON.parse(readFileSync(path.join(site.dir, 'config.json'), 'utf8'));
    const fields = files(site.dir, host.url);
    const read = [`${host.url}config.json`, fields.questionnaire, fields.obligations].filter(Boolean);
    // The example's weights name a dimension of the shipped questionnaire only.
    if (fields.questionnaire) delete config.weights;
    writeFileSync(path.join(site.dir, 'config.json'), JSON.stringify({ ...config, ...fields, origin: host.origin }));
    const page = path.join(site.dir, 'index.html');
    writeFileSync(page, snippet(readFileSync(page, 'utf8'), app.url));
    return {
      app, host, read,
      /** The network goes: the browser is offline, and neither server answers any more. */
      async cut(context) {
        await context.setOffline(true);
        await host.close();
        await app.close();
      },
      async close() {
        await host.close();
        await app.close();
      },
    };
  }

  async function openHost(t, url, time) {
    const opened = await openPage(t, browser, url, { locale: 'en-US', time });
    const element = await opened.page.waitForSelector('#assessment iframe');
    const frame = await element.contentFrame();
    await ready(frame);
    return { ...opened, frame };
  }

  /** Reloads the frame alone (the association's page cannot be had offline; the app can). */
  async function reloadFrame(frame) {
    // (A `goto` to the frame's address would only move to its fragment, the screen's name.)
    await frame.evaluate(() => {
      window.beforeReload = true;
      setTimeout(() => location.reload());
    });
    await frame.waitForFunction(() => !window.beforeReload && document.documentElement.dataset.ready === 'true');
  }

  /** The report's section in both languages: the association's entries, no problem, axe clean. */
  async function assertSection(frame, label) {
    await frame.waitForSelector('.obligations li[data-obligation]', { state: 'attached' });
    assert.deepEqual(await shown(frame), EXPECTED, label);
    assert.equal(await frame.$('.obligations .problems'), null, label);
    assert.match(await frame.textContent('.obligations .disclaimer'), /Guidance from the association/, label);
    assert.match(await frame.textContent('.obligations li[data-obligation="assoc_goods_eu"]'), /Title assoc_goods_eu/, label);
    await assertNoViolations(frame, `${label}: the report`);
    // The switch of language works offline: the questionnaire is had whole, the section follows.
    await frame.click('button[lang="zh-CN"]');
    await frame.waitForSelector('html[lang="zh-CN"]');
    await frame.waitForFunction(() => /标题 assoc_goods_eu/.test(document.querySelector('.obligations li[data-obligation="assoc_goods_eu"]')?.textContent));
    await frame.waitForSelector(REPORT);
    assert.deepEqual(await shown(frame), EXPECTED, `${label} (zh-CN)`);
    assert.match(await frame.textContent('.obligations .disclaimer'), /协会提供的指引/);
    await assertNoViolations(frame, `${label}: the report in Chinese`);
    await frame.click('button[lang="en"]');
    await frame.waitForSelector('html[lang="en"]');
  }

  const cases = [
    {
      name: 'the shipped questionnaire with the association’s catalogue',
      files: (dir, url) => {
        writeFileSync(path.join(dir, 'our-obligations.json'), JSON.stringify(catalogue('digital-trade', SHIPPED_GOODS, ['72'])));
        return { obligations: `${url}our-obligations.json` };
      },
      walk: (frame) => completeWalk(frame, fixture('west-steel-eu.json')),
    },
    {
      name: 'the association’s own questionnaire and catalogue',
      files: (dir, url) => {
        writeFileSync(path.join(dir, 'our-questionnaire.json'), JSON.stringify(questionnaireWithGoods(dir)));
        writeFileSync(path.join(dir, 'our-obligations.json'), JSON.stringify(catalogue('association-quick-check', [{ option: 'fasteners', codes: ['7318'] }, { option: 'none', codes: [] }], ['7318'])));
        return { questionnaire: `${url}our-questionnaire.json`, obligations: `${url}our-obligations.json` };
      },
      walk: (frame) => completeWalk(frame, { 'P.members': 'yes', 'P.goods': ['fasteners'], 'P.markets': ['eu'] }),
    },
  ];

  for (const { name, files, walk } of cases) {
    it(`keeps ${name} for the report offline after the first visit`, async (t) => {
      const site = await association(files);
      t.after(() => site.close().catch(() => {}));
      const { context, frame, errors } = await openHost(t, site.host.url);
      // The first visit, online: the member walks to the report.
      await walk(frame);
      await assertSection(frame, 'online');
      await kept(frame, site.read);

      // The network goes; the frame is reloaded: the report comes back (the answers were kept),
      // with the association's section.
      await site.cut(context);
      await reloadFrame(frame);
      if (!(await frame.$(REPORT))) await walk(frame);
      await frame.waitForSelector(REPORT);
      await assertSection(frame, 'offline, reloaded');

      assert.deepEqual(offlineErrors(errors), []);
    });
  }

  it('lets a kiosk that frames the app with the association’s config serve visitors offline, each with the catalogue and nothing of the one before', async (t) => {
    // The kiosk's own settings beside the app (docs/kiosk.md): an attract screen between visitors.
    const build = mkdtempSync(path.join(tmpdir(), 'kiosk-build-'));
    cpSync(DIST, build, { recursive: true });
    writeFileSync(path.join(build, 'kiosk.json'), JSON.stringify({ attract: true, idle_seconds: 600 }));
    const site = await association((dir, url) => {
      writeFileSync(path.join(dir, 'our-obligations.json'), JSON.stringify(catalogue('digital-trade', SHIPPED_GOODS, ['72'])));
      return { obligations: `${url}our-obligations.json` };
    // The snippet names the app with `?kiosk` (`data-src`, which keeps its query).
    }, (html, app) => html.replace('data-config="config.json"', `data-src="${app}?kiosk" data-config="config.json"`), build);
    t.after(() => site.close().catch(() => {}));
    const { context, frame, errors } = await openHost(t, site.host.url);
    const query = new URL(frame.url()).searchParams;
    assert.ok(query.has('kiosk') && query.has('embed') && query.has('config'), frame.url());
    await frame.waitForSelector('section.attract');
    assert.match(await frame.textContent('.masthead'), /Offered by: Example Exporters' Association/);
    // Loaded once online, with nobody having reached a report yet; then the network goes.
    await kept(frame, [...site.read, `${site.app.url}kiosk.json`]);
    await site.cut(context);

    // Visitor A: steel to the EU.
    await frame.click('section.attract button');
    await completeWalk(frame, fixture('west-steel-eu.json'));
    await frame.waitForSelector('.obligations li[data-obligation]', { state: 'attached' });
    assert.deepEqual(await shown(frame), EXPECTED);
    await assertNoViolations(frame, 'the kiosk’s report offline');
    assert.deepEqual(await stored(frame), EMPTY);
    // Finishing asks once before it clears.
    await frame.click('button.finish');
    await frame.click('.finish-yes');

    // Visitor B: a clean start (one tap opens the first question), and the same steel sold to
    // the US only.
    await frame.waitForSelector('section.attract');
    await frame.click('section.attract button');
    await frame.waitForSelector(SECTION);
    assert.equal(await frame.$('input:checked'), null, 'nothing of visitor A');
    const b = { ...fixture('west-steel-eu.json'), 'P.markets': ['us'] };
    await answerShown(frame, b);
    await completeWalk(frame, b);
    await frame.waitForSelector('.obligations li[data-obligation]', { state: 'attached' });
    assert.deepEqual(await shown(frame), [['in-force', 'assoc_us_only']]);
    assert.doesNotMatch(await frame.textContent('.obligations'), /European Union/);
    assert.deepEqual(await stored(frame), EMPTY);

    // The frame starts afresh offline (as after a crash, which reloads it): the kiosk's settings,
    // the association's config and its catalogue are all still there.
    await reloadFrame(frame);
    await frame.waitForSelector('section.attract');
    assert.match(await frame.textContent('.masthead'), /Offered by: Example Exporters' Association/);
    await frame.click('section.attract button');
    await completeWalk(frame, fixture('west-steel-eu.json'));
    await frame.waitForSelector('.obligations li[data-obligation]', { state: 'attached' });
    assert.deepEqual(await shown(frame), EXPECTED);
    assert.deepEqual(await stored(frame), EMPTY);
    assert.deepEqual(offlineErrors(errors), []);
  });
  // A kiosk's own clock dates its reports: seven months after the association's catalogue's
  // "rules as of" (2026-11-20), its report says the rules may have changed and where to check, in
  // the association's own words (`where_to_check`), on the folded section's line too.
  it('tells a kiosk’s visitor, seven months after the association’s catalogue, that its rules may have changed', async (t) => {
    const build = mkdtempSync(path.join(tmpdir(), 'kiosk-build-'));
    cpSync(DIST, build, { recursive: true });
    writeFileSync(path.join(build, 'kiosk.json'), JSON.stringify({ attract: false, idle_seconds: 600 }));
    const site = await association((dir, url) => {
      const own = catalogue('digital-trade', SHIPPED_GOODS, ['72']);
      own.where_to_check = t_('ask the association’s trade desk', '请咨询协会的贸易服务台');
      writeFileSync(path.join(dir, 'our-obligations.json'), JSON.stringify(own));
      return { obligations: `${url}our-obligations.json` };
    }, (html, app) => html.replace('data-config="config.json"', `data-src="${app}?kiosk" data-config="config.json"`), build);
    t.after(() => site.close().catch(() => {}));
    const { frame, errors } = await openHost(t, site.host.url, new Date('2027-06-21T09:00:00Z'));
    await completeWalk(frame, fixture('west-steel-eu.json'));
    await frame.waitForSelector('.obligations li[data-obligation]', { state: 'attached' });
    assert.deepEqual(await shown(frame), EXPECTED);
    const line = await frame.textContent('details.fold:has(.obligations) > summary .fold-line');
    assert.match(line, /may have changed since they were checked on 2026-11-20/);
    assert.match(await frame.textContent('.obligations .rules-as-of'), /Rules as of 2026-11-20/);
    const warning = await frame.textContent('.obligations .rules-may-have-changed');
    assert.match(warning, /dated 2027-06-21, more than six months after/);
    assert.match(warning, /ask the association’s trade desk/);
    await assertNoViolations(frame, 'the kiosk’s report with the association’s currency warning');
    assert.deepEqual(await stored(frame), EMPTY);
    assert.deepEqual(errors, []);
  });
});
