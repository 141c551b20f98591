/**
 * The built pages in a real browser (headless Chromium from npm), as a person meets them: zero
 * axe-core violations for the WCAG 2.x A and AA rules, no request to any host but the site's own,
 * no Content-Security-Policy violation, and keyboard use with a visible focus. The pages checked
 * are every page family in every language, at the extremes of its data (./page-sample.ts):
 * pages of one family share their template and differ only in figures and names.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { siteLanguages } from '../../src/lib/i18n/languages.ts';
import { samplePages } from './page-sample.ts';

const site = inject('siteDir');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// Pages that moved are stubs that send the browser on at once (meta refresh): the browser sees
// their targets; the static checks read the stubs themselves.
const sample = samplePages(site);
const paths = sample.paths;

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
const foreign: string[] = [];
const cspViolations: string[] = [];

beforeAll(async () => {
  server = await serveStatic(site);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  // Any request leaving the site is recorded and refused.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === server.url) return route.continue();
    foreign.push(route.request().url());
    return route.abort();
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(`${path}: ${m.text()}`);
  });
  await page.goto(server.url + path);
  return page;
}

describe(`axe-core on ${paths.length} of ${sample.total} pages, every family in every language`, () => {
  it('samples every page family in every language', () => {
    expect(sample.families.size).toBeGreaterThan(100);
    let families = 0;
    for (const [family, count] of sample.families) {
      const taken = paths.filter((p) => sample.familyOf.get(p) === family).length;
      // At least one page of every family, at most four, and the whole of a family of one or two.
      expect(taken, family).toBeGreaterThanOrEqual(Math.min(count, 2));
      expect(taken, family).toBeLessThanOrEqual(Math.min(count, 4));
      families++;
    }
    expect(families).toBe(sample.families.size);
    expect(new Set([...sample.families.keys()].map((f) => f.split(' ')[0])).size).toBe(siteLanguages().length);
    expect(paths.length).toBeLessThan(sample.total / 2);
  });

  it('finds no WCAG 2.2 A/AA violation, no foreign request and no CSP violation', async () => {
    const violations: string[] = [];
    let checked = 0;
    // Two pages at a time: the machine has two cores.
    const queue = [...paths];
    const worker = async () => {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
      });
      // Given through the debugging protocol, so the page's CSP does not block the checker; as a
      // script of every document the page opens, which the browser compiles once rather than
      // once per page (a third of axe's time when it was evaluated after each load).
      await page.addInitScript({ content: axeSource });
      for (let path = queue.shift(); path; path = queue.shift()) {
        await page.goto(server.url + path);
        const result = (await page.evaluate(() =>
          (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
            // Every violation with every node, as before; passes and incomplete results, which
            // nothing reads, are not given a selector for each of their nodes.
            resultTypes: ['violations'],
          }),
        )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
        checked++;
        for (const v of result.violations) violations.push(`${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      }
      await page.close();
    };
    await Promise.all([worker(), worker()]);
    console.log(`axe: ${paths.length} pages checked, ${violations.length} violations`);
    expect(checked).toBe(paths.length);
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
    expect(cspViolations).toEqual([]);
  }, 600_000);
});

describe('keyboard', () => {
  it('reaches the skip link first, with a visible focus, and it moves to the main content', async () => {
    const page = await open('/compare/14100/support_clinics_per_10k_population/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { cls: el.className, outline: style.outlineStyle, width: style.outlineWidth, left: el.getBoundingClientRect().left };
    });
    expect(focused.cls).toBe('skip');
    expect(focused.outline).not.toBe('none');
    expect(focused.left).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.close();
  });

  it('sorts the ward table with Enter on a header button, announcing the order', async () => {
    const page = await open('/compare/14100/support_clinics_per_10k_population/');
    const button = page.locator('table[data-sortable] thead th button').nth(0);
    await button.focus();
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    const th = page.locator('table[data-sortable] thead th').nth(0);
    expect(await th.getAttribute('aria-sort')).toBe('ascending');
    const first = await page.locator('table[data-sortable] tbody tr th').first().textContent();
    // Ascending by ward name in Japanese collation: 旭区 comes first.
    expect(first).toBe('旭区');
    await page.keyboard.press('Enter');
    expect(await th.getAttribute('aria-sort')).toBe('descending');
    await page.close();
  });

  it('opens a chart’s data table from the keyboard', async () => {
    const page = await open('/budget/');
    const summary = page.locator('figure details summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('figure details').first().getAttribute('open')).not.toBeNull();
    expect(await page.locator('figure details table').first().isVisible()).toBe(true);
    await page.close();
  });
});

describe('layout', () => {
  it('does not shift while charts load, and fits a 360 px phone without sideways scrolling', async () => {
    for (const path of ['/', '/compare/14100/support_clinics_per_10k_population/', '/wards/14101/', '/budget/', '/hubs/', '/en/wards/14201/']) {
      const page = await open(path);
      const { cls, overflow } = await page.evaluate(
        () =>
          new Promise<{ cls: number; overflow: number }>((resolve) => {
            let cls = 0;
            new PerformanceObserver((list) => {
              for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) cls += e.value;
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve({ cls, overflow: document.documentElement.scrollWidth - window.innerWidth }), 300);
          }),
      );
      expect(cls, path).toBe(0);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.close();
    }
  });
});
