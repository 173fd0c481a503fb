// The release build's own transformations (scripts/post-build.mjs) change bytes, never meaning:
// the stylesheet inlined in index.html, without its comments and spare white space, is read by
// the browser as styles/main.css is.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { DIST, launch } from './support.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

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
    // Every rule as the browser serialises it. A custom property keeps its value's white space
    // as written, so runs of it are made one space on both sides before comparing.
    const rules = (css) => page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return [...sheet.cssRules].map((rule) => rule.cssText.replace(/\s*,\s*/g, ',').replace(/\s+/g, ' '));
    }, css);
    const [expected, built] = [await rules(source), await rules(inlined)];
    assert.ok(expected.length > 100, `${expected.length} rules read from styles/main.css`);
    assert.deepEqual(built, expected);
    await page.close();
  });
});
