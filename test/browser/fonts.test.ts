/**
 * The browser the checks and screenshots use draws pages in the font npm installs, Noto Sans JP,
 * and in nothing else, even with every font of this machine hidden: headings, body text, bold
 * text, table figures and chart labels on screen, and the printed sheets, whose text reads back.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { printToPdf, sheetTexts } from '../../scripts/lib/print.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { FONT_FAMILY } from '../../src/lib/publish/font.ts';

const site = inject('siteDir');
const area = readdirSync(join(site, 'wards')).find((d) => /^\d+$/.test(d))!;
const hidden = mkdtempSync(join(tmpdir(), 'no-fonts-'));
const saved = { FONTCONFIG_FILE: process.env.FONTCONFIG_FILE, FONTCONFIG_PATH: process.env.FONTCONFIG_PATH };

let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // The browser starts from this process's environment: with it pointing at no font at all, only
  // the font the launcher hands over can draw anything.
  writeFileSync(join(hidden, 'fonts.conf'), '<fontconfig></fontconfig>');
  process.env.FONTCONFIG_FILE = join(hidden, 'fonts.conf');
  process.env.FONTCONFIG_PATH = hidden;
  server = await serveStatic(site);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 360, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const [key, value] of Object.entries(saved)) if (value === undefined) delete process.env[key];
  else process.env[key] = value;
  rmSync(hidden, { recursive: true, force: true });
});

/** The fonts Chromium drew the text of the first shown element matching `selector` that holds text itself. */
async function fontsOf(selector: string): Promise<string[]> {
  // Chromium reports the fonts of an element's own text nodes, not its descendants'.
  const found = await page.evaluate((selector) => {
    const holder = [...document.querySelectorAll(selector)].find((e) => e.checkVisibility() && e.getClientRects().length > 0 && [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()));
    holder?.setAttribute('data-font-probe', '');
    return Boolean(holder);
  }, selector);
  expect(found, selector).toBe(true);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-font-probe]' });
  expect(nodeId, selector).toBeGreaterThan(0);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  await page.evaluate(() => document.querySelector('[data-font-probe]')!.removeAttribute('data-font-probe'));
  return fonts.filter((f) => f.glyphCount > 0).map((f) => f.familyName);
}

describe('the browser’s font', () => {
  it(`draws an area page (wards/${area}/) in ${FONT_FAMILY} alone`, async () => {
    await page.goto(`${server.url}/wards/${area}/`);
    await page.evaluate(() => document.fonts.ready);
    const drawn = new Map<string, string[]>();
    for (const selector of ['h1', 'main p', 'main th', 'main td', 'main svg text']) drawn.set(selector, await fontsOf(selector));
    for (const [selector, fonts] of drawn) expect(fonts, selector).toEqual([FONT_FAMILY]);
  });

  it(`names ${FONT_FAMILY} first in the page’s font stack`, async () => {
    const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(family.split(',')[0]!.trim().replace(/["']/g, '')).toBe(FONT_FAMILY);
  });

  it(`prints in ${FONT_FAMILY}, and each sheet's Japanese text reads back`, async () => {
    const heading = (await page.locator('h1').innerText()).trim();
    const { bytes, sheets } = await printToPdf(page);
    // Chromium embeds a subset of each font it drew with, named "ABCDEF+<PostScript name>".
    const embedded = new Set([...bytes.toString('latin1').matchAll(/\/BaseFont\s*\/[A-Z]{6}\+([^\s/<>\[\]()]+)/g)].map((m) => m[1]));
    expect([...embedded].sort()).toEqual(['NotoSansJP-Bold', 'NotoSansJP-Regular']);
    const texts = await sheetTexts(bytes);
    expect(texts).toHaveLength(sheets);
    expect(texts[0]!.replace(/\s+/g, '')).toContain(heading.replace(/\s+/g, ''));
    for (const [i, text] of texts.entries()) expect(text, `sheet ${i + 1}`).toMatch(/印刷\s*\d{4}年\d{1,2}月\d{1,2}日/);
  });
});
