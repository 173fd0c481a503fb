// On a kiosk that is a small Debian box with Debian's Chromium, the app's
// Chinese text must be drawn with a real CJK font, not as boxes. Chromium reports which platform
// font drew each text node (CDP `CSS.getPlatformFontsForNode`); every Chinese character of the
// kiosk's start screen must have been drawn by a font that fontconfig lists for Chinese
// (`fc-list :lang=zh`). On a machine without one, Chromium falls back to a Latin font and draws
// boxes: this test then fails and says what to install (docs/kiosk.md, scripts/setup).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { appUnderTest, DIST, openPage } from './support.mjs';
import { ready } from './walk.mjs';

/** The font families fontconfig has for Chinese, as Chromium names them. */
function chineseFamilies() {
  let out = '';
  try {
    out = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  } catch {
    // No fontconfig: no family at all, and the assertion below says what to do.
  }
  return new Set(
    out
      .split('\n')
      .flatMap((line) => line.split(','))
      .map((family) => family.trim())
      .filter(Boolean),
  );
}

const HAN = /\p{Script=Han}/gu;

/** The build with a kiosk config in Chinese beside it, as docs/kiosk.md sets a kiosk up. */
function kioskBuild() {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-fonts-'));
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(path.join(dir, 'kiosk.json'), JSON.stringify({ language: 'zh-CN' }));
  return dir;
}

describe('Chinese text on a kiosk', () => {
  const app = appUnderTest(kioskBuild());

  it('is drawn with a CJK font installed on the machine, never a fallback that shows boxes', async (t) => {
    const families = chineseFamilies();
    assert.ok(
      families.size > 0,
      'no font for Chinese is installed (fc-list :lang=zh is empty): install fonts-noto-cjk (scripts/setup does; see docs/kiosk.md)',
    );
    const { context, page, errors } = await openPage(t, app.browser, `${app.server.url}?kiosk`, {
      locale: 'zh-CN',
    });
    await ready(page);
    await page.waitForSelector('section.start h1');
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    // The heading, the start button and the first paragraph: the words a visitor reads first.
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: 'section.start h1, section.start p, section.start button',
    });
    let han = 0;
    for (const nodeId of nodeIds) {
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      // Glyphs of this node's own text nodes; Latin and digits may come from a Latin font.
      const text = await page.evaluate(
        (html) => {
          const el = document.createElement('div');
          el.innerHTML = html;
          const node = el.firstElementChild;
          return [...node.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data).join('');
        },
        outerHTML,
      );
      const chinese = (text.match(HAN) ?? []).length;
      if (chinese === 0) continue;
      han += chinese;
      const cjkGlyphs = fonts
        .filter((f) => families.has(f.familyName))
        .reduce((sum, f) => sum + f.glyphCount, 0);
      assert.ok(
        cjkGlyphs >= chinese,
        `"${text.trim().slice(0, 40)}": ${chinese} Chinese characters, but the fonts used were ` +
          `${JSON.stringify(fonts)}, and only these are fonts for Chinese: ${[...families].slice(0, 6).join(', ')}…`,
      );
    }
    assert.ok(han >= 10, `the start screen showed only ${han} Chinese characters: is it in Chinese?`);
    assert.deepEqual(errors, []);
  });
});
