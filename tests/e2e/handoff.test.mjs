// A kiosk visitor takes the result home by QR code, and a firm's follow-up assessment
// shows its progress. The QR code drawn on the kiosk's report is read back (jsQR) to the link it
// shows; the "phone" is a fresh browser context opening that link, whose report must equal the
// kiosk's; a broken link and one for another questionnaire are refused with nothing changed. The
// follow-up's comparison must equal `assess compare --json` on the same two answers documents.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import jsQR from 'jsqr';
import { PNG } from 'pngjs';

import { appUnderTest, assertNoViolations, DIST, openPage } from './support.mjs';
import { assess, completeWalk, fixture, option, pressNext, ready, REPORT, reportFigures, reportShown, SECTION } from './walk.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const Q = 'questionnaire/digital-trade.json';
/** The public address a kiosk's config gives its codes (a kiosk runs on this machine). */
const PUBLIC = 'https://assess.example/app/';
const ANSWERS_KEY = 'exporter-assessment/answers/digital-trade';


function buildWithKioskConfig(config) {
  const dir = mkdtempSync(path.join(tmpdir(), 'handoff-'));
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(path.join(dir, 'kiosk.json'), JSON.stringify(config));
  return dir;
}

async function stored(page) {
  return page.evaluate(async () => {
    const all = (s) => Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)]));
    return { local: all(localStorage), session: all(sessionStorage), databases: (await indexedDB.databases()).map((d) => d.name) };
  });
}

/** The text the QR code on the page holds, read from its pixels as a phone's camera would. */
async function scan(page) {
  const png = PNG.sync.read(await page.locator('svg.qr').screenshot());
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(read, 'the QR code reads');
  return { text: read.data, version: read.version };
}

/** Opens `url` in a page with a real load (a fragment change alone would not reload). */
async function load(page, url) {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load' });
  await ready(page);
}

describe('hand-off by QR code', () => {
  const app = appUnderTest(buildWithKioskConfig({ handoff_url: PUBLIC, attract: false, language: 'en' }));

  it('takes a kiosk visitor’s result to a phone, and refuses broken and foreign links', async (t) => {
    const kiosk = await openPage(t, app.browser, `${app.server.url}?kiosk`, { locale: 'en-US' });
    await ready(kiosk.page);
    await completeWalk(kiosk.page, fixture('west-steel-eu.json'));
    // On a kiosk the code is on the report's first screen, beside the score.
    await kiosk.page.waitForSelector('svg.qr');
    const bottom = await kiosk.page.$eval('svg.qr', (svg) => svg.getBoundingClientRect().bottom + scrollY);
    assert.ok(bottom <= kiosk.page.viewportSize().height, `the code ends at ${bottom} px`);
    assert.ok(await kiosk.page.$('.verdict svg.qr'), 'in the verdict');
    // A kiosk offers no link to copy or share: its clipboard would hand it to the next visitor.
    assert.equal(await kiosk.page.$('.send-link'), null);
    const link = await kiosk.page.textContent('.handoff-link');
    assert.match(link, /^https:\/\/assess\.example\/app\/#\d+$/);
    const { text, version } = await scan(kiosk.page);
    assert.equal(text, link, 'the code holds the link shown');
    assert.ok(version <= 10, `QR version ${version}`);
    const figures = await reportFigures(kiosk.page);
    await assertNoViolations(kiosk.page, 'kiosk report with its code');
    assert.deepEqual(await stored(kiosk.page), { local: {}, session: {}, databases: [] }, 'the kiosk kept nothing');
    await kiosk.page.click('button.finish');
    await kiosk.page.click('.finish-yes');
    await kiosk.page.waitForSelector('section.start');
    assert.deepEqual(await stored(kiosk.page), { local: {}, session: {}, databases: [] });
    assert.deepEqual(kiosk.errors, []);
    assert.deepEqual(kiosk.requests, []);

    // The phone: a fresh context opening the link (at this test's server, as the public address).
    const code = link.split('#')[1];
    const phone = await openPage(t, app.browser, `${app.server.url}#${code}`, {
      locale: 'en-US',
      viewport: { width: 390, height: 844 },
    });
    const { page } = phone;
    await ready(page);
    const offer = await page.waitForSelector('.handoff-offer');
    assert.match(await offer.textContent(), /Open the answers from \d{4}-\d{2}-\d{2}\?/);
    // The code left the address bar, its history entry replaced.
    assert.equal(await page.evaluate(() => location.hash), '');
    assert.equal(page.url(), app.server.url);
    assert.equal((await stored(page)).local[ANSWERS_KEY], undefined, 'nothing opened yet');
    await assertNoViolations(page, 'the offer of a link’s answers');
    await page.click('.handoff-offer button.primary');
    await page.waitForSelector(REPORT);
    assert.deepEqual(await reportFigures(page), figures, 'the phone shows the kiosk’s figures');
    const saved = (await stored(page)).local[ANSWERS_KEY];
    assert.ok(saved, 'opened answers are kept on the phone');

    // A link cut short: refused, and the answers on the phone stay as they were.
    await load(page, `${app.server.url}#${code.slice(0, -4)}`);
    let notice = await page.waitForSelector('.notice.bad[role=alert]');
    assert.match(await notice.textContent(), /could not be opened/);
    assert.match(await notice.textContent(), /incomplete or was changed/);
    assert.equal(await page.$('.handoff-offer'), null);
    assert.equal((await stored(page)).local[ANSWERS_KEY], saved);
    assert.equal(await page.evaluate(() => location.hash), '');

    // A fragment of 100 000 digits: far too long for a code, and said so.
    await load(page, `${app.server.url}#${'7'.repeat(100_000)}`);
    notice = await page.waitForSelector('.notice.bad[role=alert]');
    assert.match(await notice.textContent(), /could not be opened/);
    assert.equal((await stored(page)).local[ANSWERS_KEY], saved);
    assert.equal(await page.evaluate(() => location.hash), '');

    // A link for another questionnaire: refused naming both, nothing changed.
    const dir = mkdtempSync(path.join(tmpdir(), 'foreign-'));
    const other = JSON.parse(readFileSync(path.join(ROOT, Q), 'utf8'));
    other.id = 'other-trade';
    const answers = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/west-steel-eu.json'), 'utf8'));
    answers.questionnaire.id = 'other-trade';
    writeFileSync(path.join(dir, 'q.json'), JSON.stringify(other));
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(answers));
    const foreign = assess(['link', path.join(dir, 'q.json'), path.join(dir, 'a.json'), PUBLIC]).trim();
    await load(page, `${app.server.url}#${foreign.split('#')[1]}`);
    notice = await page.waitForSelector('.notice.bad[role=alert]');
    assert.match(await notice.textContent(), /“other-trade \d+\.\d+\.\d+”; this tool asks “digital-trade/);
    assert.equal((await stored(page)).local[ANSWERS_KEY], saved);
    await assertNoViolations(page, 'a refused link');
    assert.deepEqual(phone.errors, []);
    assert.deepEqual(phone.requests, []);
  });
});

describe('a follow-up assessment', () => {
  const app = appUnderTest();

  it('starts from the earlier answers and compares as `assess compare` does', async (t) => {
    const { page, errors, requests } = await openPage(t, app.browser, app.server.url, { locale: 'en-US' });
    await ready(page);
    await completeWalk(page, fixture('textile-central-oem.json'));
    // Served from this machine, with no public address configured: no code, and why.
    assert.equal(await page.$('svg.qr'), null);
    assert.match(await page.textContent('.handoff-none'), /an address that a phone cannot open/);
    await page.click('.earlier button:has-text("Start a follow-up assessment")');
    await page.waitForSelector('.follow-up');
    const sections = await page.$$eval('.steps .to-check', (marks) => marks.length);
    assert.equal(sections, 8, 'every section to check: the profile’s five screens and three dimensions');
    await assertNoViolations(page, 'a follow-up section');

    // Three answers change: T1 and R1 up, I1 down; every section is confirmed with Next.
    const changes = { T1: 'cloud', I1: 'none', R1: 'graded' };
    for (;;) {
      await page.waitForSelector(`${SECTION}, section.review`);
      if (await page.$('section.review')) break;
      for (const [question, value] of Object.entries(changes)) {
        const input = await page.$(option(question, value));
        if (input) await input.check();
      }
      await pressNext(page);
    }
    assert.equal(await page.$('.steps .to-check'), null, 'every section confirmed');
    await pressNext(page);
    await reportShown(page);
    // The comparison is folded to its one sentence: opened, as a person would.
    await page.click('.fold-comparison > summary');
    await page.waitForSelector('.comparison');
    await assertNoViolations(page, 'the report with its comparison');

    // The two answers documents, as this device keeps them.
    const local = (await stored(page)).local;
    const earlierKeys = Object.keys(local).filter((k) => k.startsWith('exporter-assessment/earlier/digital-trade/'));
    assert.equal(earlierKeys.length, 1);
    const dir = mkdtempSync(path.join(tmpdir(), 'follow-up-'));
    writeFileSync(path.join(dir, 'earlier.json'), local[earlierKeys[0]]);
    writeFileSync(path.join(dir, 'later.json'), local[ANSWERS_KEY]);
    assert.match(JSON.parse(local[earlierKeys[0]]).date, /^\d{4}-\d{2}-\d{2}$/, 'the earlier one is dated');
    const c = JSON.parse(assess(['compare', Q, path.join(dir, 'earlier.json'), path.join(dir, 'later.json'), '--json']));

    const fmt = (s) => (s === null ? '–' : s.toFixed(1));
    const signed = (s) => (s === null ? '–' : s > 0 ? `+${s.toFixed(1)}` : s.toFixed(1));
    const shown = await page.evaluate(() => {
      const row = (key) => {
        const tr = document.querySelector(`.compare-table tr[data-row="${key}"]`);
        return [tr.children[1].dataset.then, tr.children[2].dataset.now, tr.children[3]?.dataset.change];
      };
      const items = (cls) => [...document.querySelectorAll(`.compare-list.${cls} li`)].map((li) => li.dataset.item);
      return {
        overall: row('overall'),
        dimensions: ['technology', 'industry', 'institutions'].map(row),
        stage: row('stage').slice(0, 2),
        improved: items('improved'),
        fellBack: items('fell-back'),
        gapsClosed: items('gaps-closed'),
        gapsNew: items('gaps-new'),
        done: items('done'),
        dashed: document.querySelector('.radar .shape.earlier') !== null,
        legend: document.querySelector('.radar .legend')?.textContent ?? '',
      };
    });
    const score = (s) => [fmt(s.before), fmt(s.after), signed(s.change)];
    assert.deepEqual(shown.overall, score(c.overall));
    assert.deepEqual(shown.dimensions, c.dimensions.map((d) => score(d.score)));
    assert.deepEqual(shown.stage, [c.stage.before, c.stage.after]);
    assert.deepEqual(shown.improved, c.improved.map((i) => i.item));
    assert.deepEqual(shown.fellBack, c.fell_back.map((i) => i.item));
    assert.deepEqual(shown.gapsClosed, c.gaps_closed.map((g) => g.item));
    assert.deepEqual(shown.gapsNew, c.gaps_new.map((g) => g.item));
    assert.deepEqual(shown.done, c.done.map((r) => r.item));
    // The hand-checked part: the three changes, each where it belongs.
    assert.deepEqual([...c.improved.map((i) => i.item)].sort(), ['R1', 'T1']);
    assert.deepEqual(c.fell_back.map((i) => i.item), ['I1']);
    assert.ok(shown.dashed, 'the earlier shape is dashed');
    assert.match(shown.legend, /Then: dashed line \(\d{4}-\d{2}-\d{2}\)/);

    // Printed with the report.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.$eval('.comparison', (s) => getComputedStyle(s).display !== 'none'), true);
    await page.emulateMedia({ media: 'screen' });

    // The earlier assessment stays on the device: after a reload it can be compared again.
    await page.reload();
    await ready(page);
    await page.waitForSelector(REPORT);
    assert.equal(await page.$('.comparison'), null);
    await page.click('.earlier-list button:has-text("Compare")');
    await page.waitForSelector('.comparison', { state: 'attached' });
    assert.deepEqual(
      await page.$eval('.compare-table tr[data-row="overall"]', (tr) => tr.children[3].dataset.change),
      signed(c.overall.change),
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  });
});
