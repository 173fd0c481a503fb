// Helpers that use the app as a person does: answer the questions shown on each section, move on,
// read the report. Shared by the end-to-end tests of the walk and the report.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The shipped questionnaire's version: what an answers document for the current version names. */
export const SHIPPED_VERSION = JSON.parse(readFileSync(`${ROOT}questionnaire/digital-trade.json`, 'utf8')).version;

/** The answers of a fixture in tests/fixtures/, as { questionId: optionId | optionId[] }. */
export function fixture(name) {
  return JSON.parse(readFileSync(`${ROOT}tests/fixtures/${name}`, 'utf8')).answers;
}

/**
 * Runs the `assess` CLI (the core) from the repository's root, as a user does, and returns what it
 * printed; `options` are `execFileSync`'s (say, `stdio` to drop its notes).
 */
export function assess(args, options = {}) {
  return execFileSync('cargo', ['run', '--quiet', '-p', 'assess', '--', ...args], { cwd: ROOT, encoding: 'utf8', ...options });
}

/** What the core (through the `assess` CLI) reports for a fixture: the figures the UI must show. */
export function coreReport(name) {
  return JSON.parse(assess(['score', 'questionnaire/digital-trade.json', `tests/fixtures/${name}`, '--json']));
}

/**
 * What the core (through `assess … --json`) finds wrong with a questionnaire, an association's
 * config or a catalogue, with its words in `lang`, as the app lists them: each problem's `place`,
 * `id`, `field`, `kind` and `message`. `args` are the CLI's, e.g. `['validate', FILE]`,
 * `['validate', '--config', CONFIG, QUESTIONNAIRE]`, `['obligations', 'validate', CATALOGUE, QUESTIONNAIRE]`.
 */
export function coreProblems(args, lang = 'en') {
  const run = spawnSync('cargo', ['run', '--quiet', '-p', 'assess', '--', ...args, '--json', '--lang', lang], { cwd: ROOT, encoding: 'utf8' });
  if (!run.stdout) throw new Error(`assess ${args.join(' ')}: ${run.stderr}`);
  return JSON.parse(run.stdout).problems;
}

/** A problem named by what it is, not by its words: `place id, field: kind`. */
export const kindOf = (p) => `${p.place}${p.id === undefined ? '' : ` ${p.id}`}, ${p.field}: ${p.kind}`;

/**
 * The report once whole: it paints its first screen, then adds the sections below a frame later,
 * marked `aria-busy` until then.
 */
export const REPORT = 'article.report:not([aria-busy])';

/**
 * A section of the walk once whole: its first frame builds its first six questions, the rest a
 * frame later, marked `aria-busy` until then.
 */
export const SECTION = 'section.section:not([aria-busy])';

/** The selector of one option's input. */
export function option(question, value) {
  return `input[name="${question}"][value="${value}"]`;
}

/** Waits for the app (in a page or a frame) to have started: the wasm has rendered. */
export async function ready(target, options = {}) {
  await target.waitForSelector('html[data-ready="true"]', options);
}

/**
 * Answers every question of `answers` that the current section shows (in a page or a frame), once
 * it is whole. A profile answer can reveal more questions, so it looks again until nothing new is
 * answered.
 */
export async function answerShown(target, answers) {
  await target.waitForSelector(SECTION);
  for (let changed = true; changed; ) {
    changed = false;
    for (const fieldset of await target.$$('fieldset.question')) {
      const question = (await fieldset.getAttribute('id')).slice(2);
      const answer = answers[question];
      if (answer === undefined) continue;
      for (const value of [answer].flat()) {
        const input = await target.$(option(question, value));
        if (input && !(await input.isChecked())) {
          await input.check();
          changed = true;
        }
      }
    }
  }
}

/**
 * Moves on through the walk (Next, as a person does) until the section shown asks `question`;
 * stays if it already does. The profile is asked in short screens (`profile_parts`).
 */
export async function showQuestion(target, question) {
  for (let moves = 0; moves < 12; moves++) {
    await target.waitForSelector(SECTION);
    if (await target.$(`fieldset[id="q-${question}"]`)) return;
    if (await target.$('section.review')) break;
    const was = await target.evaluate(() => location.hash);
    await target.click('.walk-nav button.primary');
    await target.waitForFunction((hash) => location.hash !== hash, was);
  }
  throw new Error(`no section of the walk shows ${question}`);
}

/**
 * From the start screen (or the first question, where a kiosk's attract screen has opened it),
 * answers every question of `answers` that the walk shows, section by section, clicking Next until
 * the review, then opens the report.
 */
export async function completeWalk(target, answers) {
  await target.waitForSelector('section.start, section.section');
  if (await target.$('section.start')) await target.click('button.primary');
  for (;;) {
    await target.waitForSelector(`${SECTION}, section.review`);
    if (await target.$('section.review')) break;
    await answerShown(target, answers);
    await pressNext(target);
  }
  await pressNext(target);
  await reportShown(target);
}

/**
 * Presses Next (or, on the review, "See the report") once the screen is whole and still, then
 * waits for the next screen. A section builds its lower part a frame after its first, and a host
 * page scrolls its frame's top into view, smoothly, on each new screen: a press while either moves
 * can land beside the button (in full runs, one in a few hundred was lost so).
 */
export async function pressNext(target) {
  await target.waitForSelector(`${SECTION}, section.review`);
  if (typeof target.parentFrame === 'function' && target.parentFrame()) {
    await (await target.frameElement()).evaluate((element) => new Promise((resolve) => {
      let top = element.getBoundingClientRect().top;
      const still = () => requestAnimationFrame(() => requestAnimationFrame(() => {
        const now = element.getBoundingClientRect().top;
        if (now === top) resolve();
        else {
          top = now;
          still();
        }
      }));
      still();
    }));
  }
  // The next screen has another title or another address (two sections may share a title).
  const was = await target.evaluate(() => [document.querySelector('#screen-title')?.textContent, location.hash]);
  await target.click('.walk-nav button.primary');
  await target.waitForFunction(([title, hash]) => document.querySelector('#screen-title')?.textContent !== title
    || location.hash !== hash, was);
}

/**
 * Waits for the report, built whole (`REPORT`). If it does not come, the error says what the page
 * shows instead: the screen's title, whether a report is there and still busy, and whether the
 * page is hidden (a hidden page paints no frame).
 */
export async function reportShown(target, { timeout = 30_000 } = {}) {
  try {
    await target.waitForSelector(REPORT, { timeout });
  } catch (error) {
    const shown = await target.evaluate(() => ({
      title: document.querySelector('#screen-title')?.textContent,
      report: document.querySelector('article.report')
        ? { busy: document.querySelector('article.report').getAttribute('aria-busy'), height: document.querySelector('article.report').getBoundingClientRect().height }
        : null,
      visibility: document.visibilityState,
      address: location.href,
    })).catch((e) => `(the page could not be read: ${e.message})`);
    error.message += `\nthe page shows instead: ${JSON.stringify(shown)}`;
    throw error;
  }
}

/**
 * From the start screen, opens the report of a fixture (tests/fixtures/NAME) as a person with an
 * answers file does: imports it, continues, and for answers not yet complete goes to the review
 * and on to the report.
 */
export async function importToReport(page, name) {
  await page.setInputFiles('.answers-file input[type=file]', `${ROOT}tests/fixtures/${name}`);
  await page.waitForSelector('.notice.good');
  await page.click('.notice.good button');
  await page.click('.resume button.primary');
  await page.waitForSelector('#screen-title');
  if (!(await page.$('article.report'))) {
    await page.click('.steps li:last-child button');
    await page.waitForSelector('section.review');
    await page.click('.walk-nav button.primary');
  }
  await reportShown(page);
}

/** Lays out every part of the page once (parts far from the screen are laid out only when near
 * it, `content-visibility: auto`), so that its height is the real one; back at the top. */
export async function layOutWhole(page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    window.scrollTo(0, 0);
  });
}

/**
 * Imports each of `cases` ([file name, content, expected message]) through the answers-file input
 * and checks that it is refused with that message and that nothing changed (the answered count),
 * dismissing each notice.
 */
export async function assertImportsRefused(page, cases) {
  const before = await page.textContent('.counter');
  const dir = mkdtempSync(path.join(tmpdir(), 'import-'));
  for (const [name, content, message] of cases) {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    await page.setInputFiles('.answers-file input[type=file]', file);
    const notice = await page.waitForSelector('.notice.bad[role=alert]');
    assert.match(await notice.textContent(), /not imported/, name);
    assert.match(await notice.textContent(), message, name);
    assert.equal(await page.textContent('.counter'), before, name);
    await page.click('.notice button');
  }
}

/** The figures the report shows. */
export async function reportFigures(page) {
  return page.evaluate(() => ({
    overall: document.querySelector('.overall .value')?.dataset.score,
    stage: document.querySelector('.stage .value')?.dataset.stage ?? null,
    bars: [...document.querySelectorAll('.bars .value')].map((t) => t.textContent.trim()),
    outcome: document.querySelector('.export-path .outcome')?.dataset.outcome ?? null,
    gaps: [...document.querySelectorAll('.critical li .mark')].map((m) => m.textContent.trim()),
    // The questionnaire's recommendations: not the duties in force among the first steps.
    recommendations: document.querySelectorAll('.recommendations ol > li:not(.duty)').length,
  }));
}

/** The same figures, from the core's JSON report. */
export function expectedFigures(core) {
  const fmt = (s) => (s === null ? '–' : s.toFixed(1));
  return {
    overall: fmt(core.overall),
    stage: core.stage,
    bars: core.dimensions.map((d) => fmt(d.score)),
    outcome: core.export_path.outcome ?? null,
    gaps: core.critical_gaps.map((g) => g.item),
    recommendations: core.recommendations.length,
  };
}

/** Panics the app on purpose (`crash_for_testing`) and waits for the crash screen. */
export async function crash(page) {
  await page.evaluate(() => {
    try {
      window.wasmBindings.crash_for_testing();
    } catch {
      // The panic ends in a trap, thrown here.
    }
  });
  await page.waitForSelector('html[data-crashed="true"] main.crashed');
}
