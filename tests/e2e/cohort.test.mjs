// The cohort page for association staff. 200 generated answers files, one broken file and
// one of another questionnaire are picked on the page (its own page and worker, under the build's
// Content-Security-Policy); every figure it shows must equal `assess cohort` on the same files (the
// figure, its n, and where the core withholds it, why), the two bad files are listed by name with
// the reason and the others counted, the CSV export is `assess cohort --csv` byte for byte, axe finds
// nothing in either language, and, once visited, the page counts offline.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { assertNoViolations, DIST, launch, openPage, serve } from './support.mjs';
import { assess as assessCli, completeWalk, fixture, ready } from './walk.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const Q = 'questionnaire/digital-trade.json';

const assess = (args) => assessCli(args, { stdio: ['ignore', 'pipe', 'ignore'] });

/** RFC 4180 rows (quoted cells with doubled quotes), as `to_csv` writes them. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  return rows;
}

/** What the page shows: each figure's row as the CSV's (grouping, group, figure, subject, key, value, n). */
async function shownRows(page) {
  return page.$$eval('#figures tr[data-row]', (rows) => rows.map((tr) => [
    ...JSON.parse(tr.dataset.row),
    tr.querySelector('td.value span').textContent.replace(/%$/, ''),
    tr.querySelector('td.n').textContent,
  ]));
}

async function pick(page, files) {
  await page.setInputFiles('#files', files);
  await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
}

describe('the cohort page', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cohort-page-'));
  assessCli(['generate', 'questionnaire/digital-trade.json', '--count', '200', '--seed', '18', '--out', dir]);
  const generated = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
  assert.equal(generated.length, 200);
  const broken = path.join(dir, 'broken.json');
  writeFileSync(broken, '{"format": "exporter-assessment/answers@1", "questionnaire": ');
  const foreign = path.join(dir, 'foreign.json');
  writeFileSync(foreign, JSON.stringify({
    format: 'exporter-assessment/answers@1',
    questionnaire: { id: 'another-survey', version: '2.0.0' },
    answers: {},
  }));
  const files = [...generated.slice(0, 100), broken, ...generated.slice(100), foreign];

  const expected = JSON.parse(assess(['cohort', Q, ...files, '--json']));
  const expectedCsv = assess(['cohort', Q, ...files, '--csv']);

  // axe is injected as an inline script, which the build's policy rightly refuses: the figures
  // and axe on a plain server, the page under its policy (and offline) on the other.
  let server;
  let strict;
  let browser;
  before(async () => {
    const policy = readFileSync(path.join(DIST, 'csp.txt'), 'utf8').trim();
    server = await serve(DIST);
    strict = await serve(DIST, { headers: { 'Content-Security-Policy': policy } });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await strict?.close();
  });

  it('shows the figures of assess cohort, lists the bad files, exports the same CSV', async (t) => {
    const { page, requests, errors } = await openPage(t, browser, `${server.url}cohort.html?lang=en`, { locale: 'en' });
    await assertNoViolations(page, 'cohort page before any file (en)');
    await pick(page, files);

    assert.equal(expected.counted, 200);
    assert.equal(await page.textContent('#status'), 'Done: 200 results counted, 2 files not counted.');
    const { version } = JSON.parse(readFileSync(path.join(ROOT, Q), 'utf8'));
    assert.ok((await page.textContent('#summary')).includes(`“digital-trade” version ${version}, 200 results`));

    // The files not counted: by name, with the page's words and the core's reason.
    const listed = await page.$$eval('#refused li', (items) => items.map((li) => li.textContent));
    assert.deepEqual(
      listed.map((t) => t.split(':')[0]),
      expected.refused.map((r) => path.basename(r.name)),
    );
    assert.deepEqual(listed.map((t) => t.split(':')[0]), ['broken.json', 'foreign.json']);
    assert.match(listed[0], /not a result/);
    assert.match(listed[1], /another questionnaire or version/);
    for (const [i, r] of expected.refused.entries()) assert.ok(listed[i].includes(r.reason), listed[i]);

    // Every figure shown, with its n, equals the command line's; nothing more, nothing less.
    const shown = await shownRows(page);
    const [header, ...rows] = parseCsv(expectedCsv);
    assert.deepEqual(header, ['grouping', 'group', 'figure', 'subject', 'key', 'value', 'n']);
    assert.deepEqual(shown, rows);
    // The same figures as the JSON: the whole set's members and quartiles, and each group's count
    // (or why it is hidden).
    const row = (...key) => shown.find((r) => r.slice(0, 5).join('|') === key.join('|'));
    assert.equal(row('all', '(all)', 'members', '', '')[5], String(expected.all.members.shown));
    const quartiles = expected.all.figures.shown.overall.quartiles.shown;
    for (const q of ['p25', 'median', 'p75']) {
      assert.equal(Number(row('all', '(all)', 'score_quartile', 'overall', q)[5]), quartiles[q]);
    }
    for (const t of expected.groupings) {
      for (const g of t.groups) {
        const key = g.key === 'not_given' ? '(not given)' : g.key.code;
        const members = row(t.grouping, key, 'members', '', '')[5];
        if (g.members.shown !== undefined) assert.equal(members, String(g.members.shown));
        else assert.equal(members, `withheld (fewer than ${g.members.hidden.withheld} or would reveal such a group)`);
      }
    }
    // Some group is withheld in this set, so the rule shows on the page, in the same words for all.
    assert.ok(shown.some((r) => r[5] === 'withheld (fewer than 5 or would reveal such a group)'), 'a small group is withheld');
    assert.ok(!shown.some((r) => r[5] === 'fewer than 5'), 'never which withheld group is the small one');

    // The CSV export is assess cohort --csv.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    assert.equal(download.suggestedFilename(), 'cohort-figures.csv');
    assert.equal(readFileSync(await download.path(), 'utf8'), expectedCsv);

    await assertNoViolations(page, 'cohort page with figures (en)');
    await page.click('button[data-lang="zh-CN"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.textContent('#figures h3'), '全体会员');
    assert.match(await page.textContent('#status'), /完成：计入 200 份结果，2 个文件未计入。/);
    assert.deepEqual(await shownRows(page).then((r) => r.map((x) => x.slice(0, 5))), rows.map((x) => x.slice(0, 5)));
    // Why a file was refused, in Chinese: the page's words for the kind and the core's message.
    const listedZh = await page.$$eval('#refused li', (items) => items.map((li) => li.textContent));
    assert.match(listedZh[0], /^broken\.json: 不是结果文件这既不是结果记录，也不是回答文件：第 1 行第 \d+ 列处不是有效的 JSON/);
    assert.ok(listedZh[1].startsWith(`foreign.json: 属于其他问卷或版本这些回答属于问卷“another-survey” 2.0.0 版，而不是问卷“digital-trade” ${version} 版`), listedZh[1]);
    for (const text of listedZh) assert.doesNotMatch(text.split(': ').slice(1).join(': '), /[A-Za-z]{4,}(?<!another|survey|digital|trade|JSON)\b/, text);
    await assertNoViolations(page, 'cohort page with figures (zh-CN)');

    assert.deepEqual(requests, [], 'no request leaves the origin');
    assert.deepEqual(errors, []);
  });

  it('counts a result saved in the app as the answers it was made from, on the page and in assess cohort', async (t) => {
    // A member answers in the app and saves the result, with and without the answers.
    const member = 'west-steel-eu.json';
    const app = await openPage(t, browser, `${server.url}?lang=en`, { locale: 'en' });
    await ready(app.page);
    await completeWalk(app.page, fixture(member));
    assert.match(await app.page.textContent('.save-result'), /never your name or any text of your own/);
    const save = async () => {
      const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.click('.save-result button')]);
      assert.match(download.suggestedFilename(), /^assessment-result-\d{4}-\d{2}-\d{2}\.json$/);
      return readFileSync(await download.path(), 'utf8');
    };
    const bare = JSON.parse(await save());
    assert.equal(bare.format, 'exporter-assessment/result@1');
    assert.equal(bare.answers, undefined, 'no answers unless the member ticks it');
    await app.page.check('.save-result input[type=checkbox]');
    const text = await save();
    const saved = JSON.parse(text);
    assert.equal(saved.answers.format, 'exporter-assessment/answers@1');
    assert.deepEqual({ ...saved, answers: undefined }, { ...bare, answers: undefined });
    assert.deepEqual(app.errors, []);
    await app.context.close();

    const out = mkdtempSync(path.join(tmpdir(), 'saved-result-'));
    const savedFile = path.join(out, 'member-result.json');
    writeFileSync(savedFile, text);
    const bareFile = path.join(out, 'member-result-bare.json');
    writeFileSync(bareFile, JSON.stringify(bare));
    const others = generated.slice(0, 40);
    // assess cohort counts the saved result (with its answers re-scored, or without) exactly as
    // the answers file it was made from.
    const fromAnswers = assess(['cohort', Q, ...others, path.join(ROOT, 'tests/fixtures', member), '--csv']);
    for (const file of [savedFile, bareFile]) {
      assert.equal(assess(['cohort', Q, ...others, file, '--csv']), fromAnswers, file);
      const json = JSON.parse(assess(['cohort', Q, ...others, file, '--json']));
      assert.deepEqual([json.counted, json.refused], [41, []]);
    }
    // Dropped on the cohort page with the others: counted, and the page's figures are the same.
    const { page, errors } = await openPage(t, browser, `${server.url}cohort.html?lang=en`, { locale: 'en' });
    await pick(page, [...others, savedFile]);
    assert.equal(await page.textContent('#status'), 'Done: 41 results counted, 0 files not counted.');
    const [, ...rows] = parseCsv(fromAnswers);
    assert.deepEqual(await shownRows(page), rows);
    assert.deepEqual(errors, []);
  });

  it('counts with an association’s config picked on the page as assess cohort --config, and refuses one with problems', async (t) => {
    // An association that changes weights only: its members answer every section, as generated.
    const config = path.join(dir, 'association-config.json');
    writeFileSync(config, JSON.stringify({
      name: 'Example Exporters’ Association',
      origin: 'https://www.association.example',
      weights: { dimensions: { institutions: 3 }, items: { R2: 2.5, T1: 0.5 } },
    }));
    const bad = path.join(dir, 'bad-config.json');
    writeFileSync(bad, JSON.stringify({ origin: 'nowhere', weights: { items: { T9: 2 } } }));
    const some = generated.slice(0, 40);
    const customisedCsv = assess(['cohort', Q, ...some, '--config', config, '--csv']);
    const shippedCsv = assess(['cohort', Q, ...some, '--csv']);
    assert.notEqual(customisedCsv, shippedCsv, 'the association’s weights give other figures');

    const { page, errors } = await openPage(t, browser, `${server.url}cohort.html?lang=en`, { locale: 'en' });
    await page.setInputFiles('#config', config);
    await page.waitForFunction(() => document.getElementById('config-status').textContent !== '');
    assert.equal(
      await page.textContent('#config-status'),
      'Using the association’s config association-config.json: weights dimension institutions 3, item R2 2.5, item T1 0.5.',
    );
    await assertNoViolations(page, 'cohort page with a config picked (en)');
    await pick(page, some);
    assert.deepEqual(await shownRows(page), parseCsv(customisedCsv).slice(1));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    assert.equal(readFileSync(await download.path(), 'utf8'), customisedCsv);

    // A config with problems: the core's problems listed, and no figure until it is fixed or removed.
    await page.setInputFiles('#config', bad);
    await page.waitForSelector('#config-problems:not([hidden])');
    assert.match(await page.textContent('#config-status'), /bad-config\.json has 2 problems and cannot be used/);
    const problems = await page.$$eval('#config-problems li', (items) => items.map((li) => li.textContent));
    assert.equal(problems.length, 2);
    assert.ok(problems.some((p) => p.includes('weights.items.T9')), problems.join('\n'));
    assert.equal(await page.isHidden('#results'), true, 'no figures under a config with problems');
    await assertNoViolations(page, 'cohort page with a config refused (en)');
    await page.click('button[data-lang="zh-CN"]');
    assert.match(await page.textContent('#config-status'), /^协会配置 bad-config\.json 有 2 处问题，无法使用/);
    // Each problem in Chinese too, in the core's words (the app's setup screen uses the same).
    const zhProblems = await page.$$eval('#config-problems li', (items) => items.map((li) => li.textContent));
    assert.equal(zhProblems.length, 2);
    assert.ok(zhProblems.some((p) => p.startsWith('配置，字段 weights.items.T9：')), zhProblems.join('\n'));
    assert.ok(zhProblems.every((p) => /\p{Script=Han}/u.test(p)), zhProblems.join('\n'));
    assert.equal(await page.textContent('label[for="config"]'), '协会配置（可选）');
    await assertNoViolations(page, 'cohort page with a config refused (zh-CN)');
    await page.click('button[data-lang="en"]');

    // Removed: the same files are counted again, as shipped.
    await page.click('#config-remove');
    await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
    assert.equal(await page.textContent('#config-status'), '');
    assert.deepEqual(await shownRows(page), parseCsv(shippedCsv).slice(1));
    assert.deepEqual(errors, []);
  });

  it('lists a config’s many problems cut short, and refuses one over its limit with the limit', async (t) => {
    const many = path.join(dir, 'many-problems.json');
    const items = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`X${i}`, 2]));
    writeFileSync(many, JSON.stringify({ origin: 'https://www.association.example', weights: { items } }));
    const huge = path.join(dir, 'huge-config.json');
    writeFileSync(huge, JSON.stringify({ origin: 'https://www.association.example', pad: 'x'.repeat(70 * 1024) }));
    const { page, errors } = await openPage(t, browser, `${server.url}cohort.html?lang=en`, { locale: 'en' });
    await page.setInputFiles('#config', many);
    await page.waitForSelector('#config-problems:not([hidden])');
    assert.match(await page.textContent('#config-status'), /many-problems\.json has 30 problems and cannot be used/);
    const listed = await page.$$eval('#config-problems li', (items) => items.map((li) => li.textContent));
    assert.equal(listed.length, 21, listed.join('\n'));
    assert.equal(listed.at(-1), '… and 10 more');
    await page.click('button[data-lang="zh-CN"]');
    assert.equal(await page.$eval('#config-problems li:last-child', (li) => li.textContent), '……另有 10 处');
    await page.click('button[data-lang="en"]');

    await page.setInputFiles('#config', huge);
    await page.waitForFunction(() => /huge-config\.json/.test(document.getElementById('config-status').textContent));
    assert.equal(
      await page.textContent('#config-status'),
      'The association’s config huge-config.json is over 64 KB, the most this tool reads of an association’s config: is it the right file? Choose another, or remove it.',
    );
    assert.equal(await page.isHidden('#config-problems'), true);
    assert.deepEqual(errors, []);
  });

  it('remembers the language chosen, and says so when the browser cannot keep it', async (t) => {
    const { context, page, errors } = await openPage(t, browser, `${server.url}cohort.html`, { locale: 'en' });
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the browser’s language first');
    await page.click('button[data-lang="zh-CN"]');
    assert.equal(await page.evaluate(() => localStorage.getItem('exporter-assessment/lang')), 'zh-CN');
    assert.equal(await page.isHidden('#lang-note'), true);
    await page.reload();
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN', 'the language chosen, over the browser’s');
    assert.equal(await page.textContent('h1'), '会员汇总');
    // A link that names the language wins over the choice kept.
    await page.goto(`${server.url}cohort.html?lang=en`);
    assert.equal(await page.textContent('h1'), 'Members’ figures');
    assert.deepEqual(errors, []);
    await context.close();

    // Storage blocked (reading and writing throw) or full (writing throws): the page starts in the
    // browser's language, switches all the same, and says the choice will not be kept.
    for (const [label, script] of [
      ['blocked', () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } })],
      ['full', () => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; }],
    ]) {
      const visit = await openPage(t, browser, 'about:blank', { locale: 'en' });
      await visit.context.addInitScript(script);
      await visit.page.goto(`${server.url}cohort.html`);
      assert.equal(await visit.page.getAttribute('html', 'lang'), 'en', label);
      await visit.page.click('button[data-lang="zh-CN"]');
      assert.equal(await visit.page.getAttribute('html', 'lang'), 'zh-CN', label);
      assert.equal(await visit.page.isVisible('#lang-note'), true, label);
      assert.match(await visit.page.textContent('#lang-note'), /不允许本页记住所选语言/);
      await assertNoViolations(visit.page, `cohort page, language not kept (${label})`);
      await visit.page.click('button[data-lang="en"]');
      assert.match(await visit.page.textContent('#lang-note'), /does not let the page remember/);
      assert.deepEqual(visit.errors, [], label);
      await visit.context.close();
    }
  });

  it('says that figures of a set smaller than the last one counted reveal the difference', async (t) => {
    const { page, errors } = await openPage(t, browser, `${server.url}cohort.html?lang=en`, { locale: 'en' });
    await pick(page, generated.slice(0, 30));
    assert.equal(await page.isHidden('#smaller-set'), true, 'nothing to compare the first set with');
    // The same set less one member: the two sets' figures differ by that member's.
    await page.setInputFiles('#files', generated.slice(0, 29));
    await page.waitForSelector('#smaller-set:not([hidden])', { timeout: 60_000 });
    assert.match(await page.textContent('#smaller-set'), /^Fewer results than the set counted before on this page \(29 against 30\)\. .*by difference.*publish the figures of one complete set only\.$/);
    await assertNoViolations(page, 'cohort page, a smaller set (en)');
    await page.click('button[data-lang="zh-CN"]');
    assert.match(await page.textContent('#smaller-set'), /^本次计入的结果少于本页上一次统计的（29 份，上次 30 份）/);
    await page.click('button[data-lang="en"]');
    // A larger set next: nothing to say.
    await page.setInputFiles('#files', generated.slice(0, 40));
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Done: 40'), null, { timeout: 60_000 });
    assert.equal(await page.isHidden('#smaller-set'), true);
    assert.deepEqual(errors, []);
  });

  /** Picks `files` and waits until the count is done; the time it took, in ms. */
  async function timedPick(page, files) {
    await page.evaluate(() => { document.getElementById('status').textContent = ''; });
    const started = Date.now();
    await page.setInputFiles('#files', files);
    await page.waitForFunction(() => /^Done: /.test(document.getElementById('status').textContent), null, { timeout: 120_000 });
    return Date.now() - started;
  }

  const refusedOnPage = (page) => page.$$eval('#refused li', (items) => items.map((li) => [
    li.querySelector('.file').textContent, li.querySelector('.reason').textContent,
  ]));

  it('reads a JSON Lines file line by line as assess cohort --jsonl does, whatever its bytes', async (t) => {
    // Lines cut anywhere by the stream's chunks: multi-byte characters, CRLF, blank lines, a line
    // not UTF-8, a line over the limit, a broken line and a last line without its newline.
    const one = (file) => JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
    const parts = generated.slice(0, 60).map((f) => Buffer.from(`${one(f)}\n`));
    parts.splice(10, 0, Buffer.from('\r\n   \n'));
    parts.splice(20, 0, Buffer.concat([Buffer.from('{"format": "exporter-assessment/answers@1", "x": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]));
    parts.splice(30, 0, Buffer.from(`{"pad": "${'出'.repeat(400_000)}"}\n`));
    parts.splice(40, 0, Buffer.from('{"format": "exporter-assessment/answers@1", "questionnaire": \n'));
    parts.splice(50, 0, Buffer.from(`{"note": "${'é'.repeat(300_000)}"}\r\n`));
    parts.push(Buffer.from(one(generated[60])));
    const file = path.join(dir, 'members.jsonl');
    writeFileSync(file, Buffer.concat(parts));
    const cli = JSON.parse(assess(['cohort', Q, '--jsonl', file, '--json']));
    const cliCsv = assess(['cohort', Q, '--jsonl', file, '--csv']);
    assert.equal(cli.counted, 61);

    const { page, errors } = await openPage(t, browser, `${server.url}cohort.html?lang=en`, { locale: 'en' });
    await timedPick(page, [file]);
    assert.equal(await page.textContent('#status'), `Done: 61 results counted, ${cli.refused.length} files not counted.`);
    const refused = await refusedOnPage(page);
    assert.deepEqual(refused.map(([name]) => name), cli.refused.map((r) => path.basename(r.name)));
    assert.deepEqual(refused.map(([, reason]) => reason), cli.refused.map((r) => r.reason));
    assert.ok(refused.some(([, reason]) => /over 1024 KB/.test(reason)), refused.join('\n'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    assert.equal(readFileSync(await download.path(), 'utf8'), cliCsv);
    assert.deepEqual(errors, []);
  });

  it('lists the first 100 of 5 000 bad lines and says how many more, as assess cohort does', async (t) => {
    const good = JSON.stringify(JSON.parse(readFileSync(generated[0], 'utf8')));
    const lines = Array.from({ length: 5000 }, (_, i) => `{"line": ${i + 1}}`);
    const file = path.join(dir, 'many-bad.jsonl');
    writeFileSync(file, `${[...lines, good, good].join('\n')}\n`);
    const cli = JSON.parse(assess(['cohort', Q, '--jsonl', file, '--json']));
    assert.deepEqual([cli.counted, cli.refused.length, cli.refused_total], [2, 100, 5000]);

    const { page, errors } = await openPage(t, browser, `${server.url}cohort.html?lang=en`, { locale: 'en' });
    await timedPick(page, [file]);
    assert.equal(await page.textContent('#status'), 'Done: 2 results counted, 5000 files not counted.');
    const refused = await refusedOnPage(page);
    assert.equal(refused.length, 100);
    assert.deepEqual(refused.map(([name]) => name), Array.from({ length: 100 }, (_, i) => `many-bad.jsonl:${i + 1}`));
    assert.deepEqual(refused.map(([name]) => name), cli.refused.map((r) => path.basename(r.name)));
    assert.deepEqual(refused.map(([, reason]) => reason), cli.refused.map((r) => r.reason));
    assert.equal(await page.textContent('#refused-more'), '… and 4900 more');
    assert.equal(await page.isVisible('#refused-more'), true);
    await assertNoViolations(page, 'cohort page, 5 000 files not counted (en)');
    await page.click('button[data-lang="zh-CN"]');
    assert.equal(await page.textContent('#status'), '完成：计入 2 份结果，5000 个文件未计入。');
    assert.equal(await page.$$eval('#refused li', (items) => items.length), 100);
    assert.equal(await page.textContent('#refused-more'), '……另有 4900 个未列出');
    await page.click('button[data-lang="en"]');

    // A set with every refused file listed says nothing more.
    await timedPick(page, [generated[0], path.join(dir, 'broken.json')]);
    assert.equal(await page.textContent('#status'), 'Done: 1 result counted, 1 file not counted.');
    assert.equal(await page.isHidden('#refused-more'), true);
    rmSync(file);
    assert.deepEqual(errors, []);
  });

  it('refuses a JSON Lines line over the limit by name at once, whatever its key order, with memory bounded', async (t) => {
    const answers = (keys) => `{"format": "exporter-assessment/answers@1", "questionnaire": {"id": "digital-trade", "version": "0"}, "answers": {${keys.map((i) => `"Q${String(i).padStart(7, '0')}":"a"`).join(',')}}}`;
    const keys = Array.from({ length: 1_000_000 }, (_, i) => i);
    const last = JSON.stringify(JSON.parse(readFileSync(generated[0], 'utf8')));
    const ascending = path.join(dir, 'ascending.jsonl');
    const descending = path.join(dir, 'descending.jsonl');
    writeFileSync(ascending, `${answers(keys)}\n${last}\n`);
    writeFileSync(descending, `${answers(keys.toReversed())}\n${last}\n`);
    const mb = Math.round(readFileSync(descending).length / 2 ** 20);

    const { context, page, errors } = await openPage(t, browser, `${server.url}cohort.html?lang=en`, { locale: 'en' });
    await timedPick(page, generated.slice(0, 1)); // the worker started, so that the times below are the files'
    const times = {};
    for (const [label, file] of [['ascending', ascending], ['descending', descending], ['ascending again', ascending]]) {
      times[label] = await timedPick(page, [file]);
      assert.equal(await page.textContent('#status'), 'Done: 1 result counted, 1 file not counted.', label);
      const [[name, reason]] = await refusedOnPage(page);
      assert.equal(name, `${path.basename(file)}:1`);
      assert.equal(reason, 'this file is over 1024 KB; a result is a few KB: is it a result?');
    }
    const up = Math.min(times.ascending, times['ascending again']);
    console.log(`a line of 1 000 000 answers (${mb} MB): refused in ${times.descending} ms descending, ${up} ms ascending`);
    assert.ok(times.descending < 1_500 && up < 1_500, JSON.stringify(times));
    assert.ok(times.descending < 3 * up + 300, JSON.stringify(times));

    // A file far larger than any batch (about 200 MB of long lines, each read and refused): the
    // page's heap, strings and array buffers, stays bounded while it is read, rather than holding
    // the file.
    const big = path.join(dir, 'big.jsonl');
    const line = `{"format": "not-a-result", "pad": "${'x'.repeat(500 * 1024)}"}\n`;
    writeFileSync(big, line.repeat(400));
    const bigMb = Math.round(readFileSync(big).length / 2 ** 20);
    const cdp = await context.newCDPSession(page);
    // What the page holds: its heap after a collection (garbage is no part of it), strings and
    // array buffers (whose memory is outside the heap) alike.
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      return usage.usedSize + (usage.backingStorageSize ?? 0);
    };
    const before = await heap();
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await heap());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const took = await timedPick(page, [big]);
    sampling = false;
    await sampler;
    assert.equal(await page.textContent('#status'), 'Done: 0 results counted, 400 files not counted.');
    // Not left behind in the temporary folder: about 220 MB a run.
    for (const file of [big, ascending, descending]) rmSync(file);
    const grew = Math.round((peak - before) / 2 ** 20);
    console.log(`a JSON Lines file of ${bigMb} MB: read in ${took} ms, the page's heap grew ${grew} MB at most`);
    assert.ok(grew < 64, `the page's heap grew ${grew} MB reading a ${bigMb} MB file`);
    assert.deepEqual(errors, []);
  });

  it('counts under the build Content-Security-Policy, and offline once visited', async (t) => {
    const { context, page, errors } = await openPage(t, browser, `${strict.url}cohort.html?lang=en`, { locale: 'en' });
    await pick(page, generated.slice(0, 30));
    assert.equal(await page.textContent('#status'), 'Done: 30 results counted, 0 files not counted.');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    // The worker's files are precached with the rest of the build.
    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await pick(page, generated.slice(0, 12));
    assert.equal(await page.textContent('#status'), 'Done: 12 results counted, 0 files not counted.');
    assert.deepEqual(errors, []);
  });
});
