/**
 * Saving a chart in a real browser: the SVG button saves the chart's own SVG, a standalone file
 * with its title and source; the PNG button saves a PNG at twice the chart's size. Without
 * JavaScript the buttons are not shown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const site = inject('siteDir');
const path = '/compare/14100/support_clinics_per_10k_population/';
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveStatic(site);
  browser = await launchBrowser();
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  await page.goto(server.url + path);
  // The buttons sit in the chart's citation block.
  await page.click('#ranking details.cite > summary');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function download(kind: 'svg' | 'png') {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`#ranking button[data-save="${kind}"]`)]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('saving a chart', () => {
  it('is offered only with JavaScript', async () => {
    const html = parseHTML(readFileSync(join(site, path, 'index.html'), 'utf8')).document;
    expect(html.querySelector('#ranking .chart-save')!.hasAttribute('hidden')).toBe(true);
    expect(await page.locator('#ranking .chart-save').isVisible()).toBe(true);
  });

  it('as SVG: the chart itself, standalone, with its title and source', async () => {
    const { name, bytes } = await download('svg');
    expect(name).toBe('compare-14100-support_clinics_per_10k_population-ranking.svg');
    const text = bytes.toString('utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    const title = await page.locator('#ranking-title').textContent();
    expect(text).toContain(`<title>${title}</title>`);
    expect(text).toMatch(/<desc>出典：[^<]+<\/desc>/);
    // The same marks as the chart on the page (its first drawing, the desktop's: the phone's is the same chart narrower).
    const onPage = await page.locator('#ranking svg').first().locator('rect').count();
    expect(onPage).toBeGreaterThan(10);
    expect(text.match(/<rect/g)!.length).toBe(onPage);
  });

  it('as PNG: an image twice the size of the chart', async () => {
    const { name, bytes } = await download('png');
    expect(name).toBe('compare-14100-support_clinics_per_10k_population-ranking.png');
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const viewBox = (await page.locator('#ranking svg').first().getAttribute('viewBox'))!.split(' ').map(Number);
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect(bytes.readUInt32BE(16)).toBe(viewBox[2]! * 2);
    expect(bytes.readUInt32BE(20)).toBe(viewBox[3]! * 2);
    // A chart drawn, not an empty canvas: a blank white PNG of this size compresses to a few kilobytes.
    expect(bytes.length).toBeGreaterThan(20_000);
  });
});
