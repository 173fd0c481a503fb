// Security, tried as an attacker would: text from a config, a questionnaire or an answers file is
// shown as text and runs nothing; the app works under the built policies (csp.txt on its own,
// csp-embed.txt in a frame) with no violation; a hostile site cannot frame it, borrow an
// association's config, smuggle CSS through a questionnaire, run script through the loader's
// data-src, or forge the app's messages from a sibling frame.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { DIST, launch, openPage, serve } from './support.mjs';
import { SHIPPED_VERSION, completeWalk, coreProblems, fixture, kindOf, option, ready } from './walk.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

/** Records CSP violations from the first script on, in every frame. */
const watchViolations = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
};

/**
 * Records every element the page ever makes of the payload (an `img` or `script` outside the
 * app's own loader), from the first script on: had one been made, even for a moment, its handler
 * could run, so none may ever exist; no need to wait for a handler that would never come.
 */
const watchPayload = () => {
  window.__made = [];
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        const made = node.nodeType === 1 ? [node, ...node.querySelectorAll('img, script')] : [];
        for (const element of made) {
          if (element.matches('img, script') && /__pwned/.test(element.outerHTML)) window.__made.push(element.outerHTML);
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
};

describe('security', () => {
  let app;
  let site;
  let hostile;
  let browser;
  let siteDir;
  let hostileDir;
  before(async () => {
    browser = await launch();
    siteDir = mkdtempSync(path.join(tmpdir(), 'site-'));
    hostileDir = mkdtempSync(path.join(tmpdir(), 'hostile-'));
    site = await serve(siteDir, { cors: true });
    hostile = await serve(hostileDir, { cors: true });
    // The two documented policies: the standalone one as built, the embedding one with this test's
    // association site written where the docs say.
    const standalone = readFileSync(path.join(DIST, 'csp.txt'), 'utf8').trim();
    const embedded = readFileSync(path.join(DIST, 'csp-embed.txt'), 'utf8').trim()
      .replaceAll('ASSOCIATION-ORIGINS', site.origin);
    app = await serve(DIST, {
      headers: (target) => ({
        'Content-Security-Policy': new URL(target, 'http://x').searchParams.get('embed') ? embedded : standalone,
      }),
    });
    // The association's own files: its config (naming its origin), its questionnaire, and the
    // example host page pointed at the app under test.
    cpSync(path.join(ROOT, 'examples/embed'), siteDir, { recursive: true });
    writeFileSync(path.join(siteDir, 'index.html'), readFileSync(path.join(siteDir, 'index.html'), 'utf8').replace('http://127.0.0.1:8080/', app.url));
    const config = JSON.parse(readFileSync(path.join(siteDir, 'config.json'), 'utf8'));
    writeFileSync(path.join(siteDir, 'config.json'), JSON.stringify({ ...config, origin: site.origin }));
    const { origin, ...withoutOrigin } = config;
    writeFileSync(path.join(siteDir, 'config-without-origin.json'), JSON.stringify(withoutOrigin));
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await site?.close();
    await hostile?.close();
  });

  /** A page of the hostile site with `body` as its body; its window records every message. */
  function hostilePage(name, body) {
    writeFileSync(path.join(hostileDir, name), `<!doctype html><html><head><title>x</title><link rel="icon" href="data:,"></head><body>
      <script>window.received = []; addEventListener('message', (e) => window.received.push(e.data));</script>
      ${body}</body></html>`);
    return `${hostile.url}${name}`;
  }

  /** The app's URL with `params` as its query. */
  function appWith(params) {
    const url = new URL(app.url);
    url.search = new URLSearchParams(params).toString();
    return url.href;
  }

  it('completes an assessment under the Content-Security-Policy with no violation', async (t) => {
    const { context, page, errors } = await openPage(t, browser, 'about:blank', { locale: 'en-US' });
    await context.addInitScript(watchViolations);
    await page.goto(app.url);
    await ready(page);
    await completeWalk(page, fixture('gba-electronics-brand.json'));
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ format: 'A4' });
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors.filter((e) => /Content Security Policy|Refused/.test(e)), []);
  });

  it('shows an association’s name and question texts as text, and runs nothing in them', async (t) => {
    const questionnaire = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/association-questionnaire.json'), 'utf8'));
    questionnaire.dimensions[0].items[0].text.en = `Orders ${PAYLOAD}`;
    questionnaire.title.en = `Check ${PAYLOAD}`;
    writeFileSync(path.join(siteDir, 'q.json'), JSON.stringify(questionnaire));
    writeFileSync(path.join(siteDir, 'config-payload.json'), JSON.stringify({
      name: `Assoc ${PAYLOAD}`, origin: site.origin, questionnaire: `${site.url}q.json`,
    }));
    const url = new URL(appWith({ embed: '1', lang: 'en', config: `${site.url}config-payload.json` }));
    const { context, page } = await openPage(t, browser, 'about:blank', { locale: 'en-US' });
    await context.addInitScript(watchViolations);
    await context.addInitScript(watchPayload);
    await page.goto(url.href);
    await ready(page);
    assert.equal(await page.textContent('h1'), `Check ${PAYLOAD}`);
    assert.match(await page.textContent('.offered-by'), /Assoc <img src=x onerror=/);
    await page.click('button.primary');
    await page.check(option('P.members', 'yes'));
    await page.click('.walk-nav button.primary');
    assert.match(await page.textContent('legend'), /Orders <img src=x/);
    assert.equal(await page.$('main img, main script'), null, 'no element made from the text');
    assert.deepEqual(await page.evaluate(() => window.__made), [], 'no element ever made from the text');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
  });

  it('shows an imported file’s contents as text and runs nothing in them', async (t) => {
    const { context, page } = await openPage(t, browser, 'about:blank', { locale: 'en-US' });
    await context.addInitScript(watchPayload);
    await page.goto(app.url);
    await ready(page);
    await page.click('button.primary');
    await page.click('.steps li:last-child button');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-')), 'evil.json');
    writeFileSync(file, JSON.stringify({
      format: 'exporter-assessment/answers@1',
      questionnaire: { id: 'digital-trade', version: SHIPPED_VERSION },
      answers: { [PAYLOAD]: 'x', 'P.region': PAYLOAD },
    }));
    await page.setInputFiles('.answers-file input[type=file]', file);
    const notice = await page.waitForSelector('.notice.bad');
    assert.match(await notice.textContent(), /question "<img src=x onerror=/);
    assert.equal(await notice.$('img, script'), null);
    assert.deepEqual(await page.evaluate(() => window.__made), [], 'no element ever made from the file');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });

  it('refuses a questionnaire whose version would smuggle CSS, and nothing leaves the page', async (t) => {
    // A newline in the version once ended the print footer's CSS string; what followed became
    // rules, and an image rule sent the report's figures to any host the policy allowed.
    const questionnaire = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/association-questionnaire.json'), 'utf8'));
    questionnaire.version = `2.1.0\n} } html { background-image: url(${site.url}leak?overall=1) } @page { @bottom-left { content: "x`;
    writeFileSync(path.join(siteDir, 'q-css.json'), JSON.stringify(questionnaire));
    writeFileSync(path.join(siteDir, 'config-css.json'), JSON.stringify({ origin: site.origin, questionnaire: `${site.url}q-css.json` }));
    const { page, requests } = await openPage(t, browser, appWith({ embed: '1', lang: 'en', config: `${site.url}config-css.json` }), { locale: 'en-US' });
    // Refused before anything is shown: no walk, so no report whose print footer could carry it.
    await page.waitForSelector('.problems li');
    assert.equal(await page.$('section.start'), null, 'the questionnaire is refused');
    const problems = coreProblems(['validate', path.join(siteDir, 'q-css.json')]);
    assert.deepEqual(problems.map(kindOf), ['questionnaire, version: bad_version']);
    assert.deepEqual(await page.$$eval('.problems li', (items) => items.map((i) => i.textContent)), problems.map((p) => p.message));
    // Laid out for print (as the page would print now), nothing leaves it.
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ format: 'A4' });
    assert.deepEqual([...requests, ...site.requested].filter((r) => r.includes('leak')), [], 'nothing requested by smuggled CSS');
  });

  it('cannot be framed on its own; embedded, only by the association', async (t) => {
    // Each frame counts its load: the browser's error page, where the policy refuses the frame.
    const page = hostilePage('frames.html', `
      <iframe id="standalone" src="${app.url}" onload="window.loaded = (window.loaded ?? 0) + 1"></iframe>
      <iframe id="embedded" src="${appWith({ embed: '1', config: `${site.url}config.json` })}" onload="window.loaded = (window.loaded ?? 0) + 1"></iframe>`);
    const { page: host, errors } = await openPage(t, browser, page);
    await host.waitForFunction(() => window.loaded === 2);
    const frames = host.frames().slice(1);
    assert.equal(frames.length, 2);
    for (const frame of frames) {
      // Refused, the frame holds the browser's error page, never the app's address.
      assert.ok(!frame.url().startsWith(app.url), `the app was framed by a hostile page: ${frame.url()}`);
      assert.equal(await frame.$('html[data-ready="true"]').catch(() => null), null);
    }
    assert.equal(errors.filter((e) => /frame-ancestors/.test(e)).length, 2, errors.join('\n'));
    assert.deepEqual(await host.evaluate(() => window.received), []);
    // The association's own page frames it, under the embedding policy.
    const own = await openPage(t, browser, site.url, { locale: 'en-US' });
    const frame = await (await own.page.waitForSelector('#assessment iframe')).contentFrame();
    await ready(frame);
  });

  it('a hostile page cannot borrow the association’s config under its own origin, name or questionnaire', async (t) => {
    // The config without its origin, as the core finds it; the page's own attributes (not a
    // file the CLI reads), named by their field.
    const [missing] = coreProblems(['validate', '--config', path.join(siteDir, 'config-without-origin.json')]);
    assert.equal(kindOf(missing), 'config, origin: missing');
    const cases = [
      [{ config: `${site.url}config-without-origin.json`, origin: hostile.origin }, (p) => p === missing.message],
      [{ config: `${site.url}config.json`, name: 'The Association' }, (p) => p.includes(' data-name')],
      [{ config: `${site.url}config.json`, questionnaire: `${hostile.url}q.json` }, (p) => p.includes(' data-questionnaire')],
    ];
    for (const [params, problem] of cases) {
      // Opened directly, as the hostile page would frame it with its own origin in the URL.
      const { context, page } = await openPage(t, browser, appWith({ embed: '1', origin: hostile.origin, ...params }), { locale: 'en-US' });
      await page.waitForSelector('.problems li, section.start');
      const problems = await page.$$eval('.problems li', (items) => items.map((i) => i.textContent));
      assert.ok(problems.some(problem), `${JSON.stringify(params)}: ${problems.join(' | ')}`);
      assert.equal(await page.$('.share, section.start'), null, 'no assessment under the association’s name');
      await context.close();
    }
  });

  it('the loader frames no javascript: data-src, and runs nothing in the host page', async (t) => {
    const url = hostilePage('data-src.html', `
      <div id="a" data-exporter-assessment data-src="javascript:parent.__pwned=1;//"></div>
      <div id="b" data-exporter-assessment data-src="http://user@127.0.0.1:1/"></div>
      <script src="${app.url}embed.js"></script>`);
    const { page, errors } = await openPage(t, browser, url, { locale: 'en-US' });
    // The loader has dealt with both: each says, in place of the frame, that it cannot be shown.
    await page.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id).textContent.trim() !== ''));
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.$('iframe'), null, 'no frame of an address the loader cannot vouch for');
    assert.match(await page.textContent('#a'), /cannot be shown here/);
    assert.match(await page.textContent('#b'), /cannot be shown here/);
    assert.ok(errors.some((e) => /data-src must be an https address/.test(e)), errors.join('\n'));
  });

  it('the host page takes no message from a hostile sibling frame', async (t) => {
    // The association's page, with an ad-like frame of another origin beside the assessment that
    // forges the app's messages to the page and to the app's frame.
    writeFileSync(path.join(hostileDir, 'sibling.html'), `<!doctype html><title>x</title><link rel="icon" href="data:,"><script>
      const forged = [{ source: 'exporter-assessment', type: 'result', overall: 99 },
        { source: 'exporter-assessment', type: 'resize', height: 5 }];
      setInterval(() => {
        for (const m of forged) parent.postMessage(m, '*');
        for (let i = 0; i < parent.frames.length; i++) parent.frames[i].postMessage({ type: 'SKIP_WAITING' }, '*');
      }, 50);
    </script>`);
    writeFileSync(path.join(siteDir, 'with-sibling.html'), readFileSync(path.join(siteDir, 'index.html'), 'utf8')
      .replace('<h2>', `<iframe title="ad" src="${hostile.url}sibling.html"></iframe><h2>`));
    const { context, page } = await openPage(t, browser, 'about:blank', { locale: 'en-US' });
    // The page counts the forged results it is sent, in a listener before the loader's: each
    // one counted has reached the loader too, once the next is counted.
    await context.addInitScript(() => {
      window.forged = 0;
      addEventListener('message', (e) => { if (e.data?.overall === 99) window.forged += 1; });
    });
    await page.goto(`${site.url}with-sibling.html`);
    const frame = await (await page.waitForSelector('#assessment iframe')).contentFrame();
    await ready(frame);
    await page.waitForFunction(() => window.forged >= 3);
    const events = await page.evaluate(() => window.assessmentEvents ?? []);
    assert.deepEqual(events.filter((e) => e.type === 'result'), [], 'no forged result reached the page');
    const height = await page.evaluate(() => document.querySelector('#assessment iframe').getBoundingClientRect().height);
    assert.ok(height > 100, `the forged size was taken: ${height}`);
    await frame.click('button.primary');
    assert.ok(await frame.$('fieldset.question'), 'the app runs on, ignoring the forged messages');
  });

  it('wraps very long words at phone width instead of clipping them', async (t) => {
    const word = `https://very.long.example/${'x'.repeat(240)}`;
    const questionnaire = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/association-questionnaire.json'), 'utf8'));
    questionnaire.title.en = `Check ${word}`;
    questionnaire.dimensions[0].items[0].text.en = `Orders ${word}`;
    writeFileSync(path.join(siteDir, 'q-long.json'), JSON.stringify(questionnaire));
    writeFileSync(path.join(siteDir, 'config-long.json'), JSON.stringify({
      name: `Assoc${'y'.repeat(100)}`, origin: site.origin, questionnaire: `${site.url}q-long.json`,
    }));
    const url = appWith({ embed: '1', lang: 'en', config: `${site.url}config-long.json` });
    const { page } = await openPage(t, browser, url, { locale: 'en-US', viewport: { width: 360, height: 740 } });
    await ready(page);
    // How far the text runs past the right edge (embedded, the page hides its overflow, so the
    // text itself is measured, not the scroll width).
    const overflow = () => page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('app'));
      return Math.max(0, Math.ceil(range.getBoundingClientRect().right - document.documentElement.clientWidth));
    });
    assert.equal(await overflow(), 0, 'the start screen is no wider than the phone');
    await page.click('button.primary');
    await page.check(option('P.members', 'yes'));
    await page.click('.walk-nav button.primary');
    assert.equal(await overflow(), 0, 'the question is no wider than the phone');
  });
});
