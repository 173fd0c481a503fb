// The release build's own transformations (scripts/post-build.mjs) change bytes, never meaning:
// the stylesheet inlined in index.html, minified, is read by the browser as styles/main.css is.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { DIST, launch } from './support.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * What the browser reads of `css` (parsed in `page`): for each selector, within its @media or
 * other conditions, every declaration as longhands, later rules over earlier ones. A minifier may
 * merge adjacent rules, shorten numbers and colours and write shorthands, which mean the same. A
 * custom property keeps its value as written, so its number and colour forms are made the short
 * ones on both sides (`0.5rem` and `.5rem`, `#ffffff` and `#fff` are the same value).
 */
const meaning = (page, css) => page.evaluate((css) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const custom = (value) => value.trim().replace(/\s+/g, ' ').toLowerCase()
    .replace(/(^|[^\w.])0\.(\d)/g, '$1.$2').replace(/#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3\b/g, '#$1$2$3');
  const read = {};
  const walk = (list, within) => {
    for (const rule of list) {
      const head = rule.selectorText ?? rule.keyText ?? rule.conditionText ?? rule.cssText.split('{')[0].trim();
      if (!rule.style) {
        walk(rule.cssRules ?? [], `${within}${head} | `);
        continue;
      }
      for (const selector of rule.selectorText ? head.split(/\s*,\s*/) : [head]) {
        read[within + selector] ??= {};
        for (const name of rule.style) {
          const value = rule.style.getPropertyValue(name);
          read[within + selector][name] = `${name.startsWith('--') ? custom(value) : value}${rule.style.getPropertyPriority(name) ? ' !important' : ''}`;
        }
      }
    }
  };
  walk(sheet.cssRules, '');
  return read;
}, css);

describe('release build', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  it('inlines a stylesheet that the browser reads as styles/main.css', async () => {
    const source = readFileSync(path.join(ROOT, 'styles/main.css'), 'utf8');
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const inlined = html.match(/<style\b[^>]*>([\s\S]*?)<\/style>/)?.[1];
    assert.ok(inlined, 'index.html has an inline stylesheet');
    assert.ok(inlined.length < source.length * 0.8, `${inlined.length} B of ${source.length}: comments left in`);
    assert.doesNotMatch(inlined, /\/\*/);

    const page = await browser.newPage();
    const [expected, built] = [await meaning(page, source), await meaning(page, inlined)];
    assert.ok(Object.keys(expected).length > 100, `${Object.keys(expected).length} selectors read from styles/main.css`);
    assert.deepEqual(built, expected);
    await page.close();
  });

  it('minifies cohort.css into a stylesheet that the browser reads as assets/cohort.css', async () => {
    const source = readFileSync(path.join(ROOT, 'assets/cohort.css'), 'utf8');
    const built = readFileSync(path.join(DIST, 'cohort.css'), 'utf8');
    assert.ok(built.length < source.length * 0.8, `${built.length} B of ${source.length}: not minified`);
    const page = await browser.newPage();
    assert.deepEqual(await meaning(page, built), await meaning(page, source));
    await page.close();
  });

  it('writes one main landmark into index.html (the other language\'s first screen has its main hidden)', () => {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const mains = html.match(/<main\b[^>]*>/g) ?? [];
    assert.equal(mains.filter((tag) => !/\shidden\b/.test(tag)).length, 1, mains.join(' '));
  });
});
