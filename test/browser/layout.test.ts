/**
 * What a reader sees inside the pages, on every page family in every language (the sample of
 * ./page-sample.ts: each template at the extremes of its data, the longest names and the largest
 * tables) at a phone width (360 px) and a desktop width (1280 px): no short table cell (a name, a number) wrapping onto several
 * lines, no chart text outside its chart, truncated or on top of another label, no chart text
 * under 11 CSS px on the phone, no sideways scrolling of the page; and on A4 paper a ward profile
 * and the budget on at most two sheets and a comparison page on at most three, no table of up to
 * twelve rows split across two sheets, each sheet naming the page's
 * address, the data release and the print date (read back with PDF.js). Each page is visited once per
 * width and measured in one call; the paper copy is printed during the desktop visit.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { printToPdf, sheetTexts } from '../../scripts/lib/print.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { siteLanguages } from '../../src/lib/i18n/languages.ts';
import { samplePages } from './page-sample.ts';

interface Findings {
  wrappedCells: string[];
  textOutside: string[];
  smallText: string[];
  truncated: string[];
  overlapping: string[];
  overflow: number;
  chartWidths: number[];
  referenceCrossings: string[];
  referencesChecked: number;
}

const site = inject('siteDir');
const probe = readFileSync(new URL('./layout-probe.js', import.meta.url), 'utf8');
// Moved pages send the browser on at once (meta refresh); their targets are measured instead.
const sample = samplePages(site);
const paths = sample.paths;
// Every configured edition's pages, under its path prefix (none for the default language).
const edition = `(?:/(?:${siteLanguages().filter((l) => l.path).map((l) => l.path).join('|')}))?`;
// An edition with ふりがな prints a ward profile on one more sheet: its readings and its shorter,
// one-idea sentences make the same content about a third of a sheet longer.
const rubyPrefixes = siteLanguages().filter((l) => l.ruby && l.path).map((l) => `/${l.path}/`);
const extra = (path: string) => (rubyPrefixes.some((p) => path.startsWith(p)) ? 1 : 0);
/** Sheets allowed on A4, by kind of page: the budget and two wards side by side go to a committee on two in every edition. */
const sheetLimit = (path: string) =>
  new RegExp(`^${edition}/wards/\\d+/$`).test(path) ? 2 + extra(path) : new RegExp(`^${edition}/compare/[^/]+/[^/]+/$`).test(path) ? 3 : new RegExp(`^${edition}/(budget|wards/\\d+/vs/\\d+)/$`).test(path) ? 2 : null;
/** A table of up to this many rows is read whole: it must not split across sheets (src/styles/site.css). */
const wholeTableRows = 12;
const minChartFontPx = 11;
/** A chart on a desktop uses its column: at 1280 px it is drawn at least this wide. */
const minDesktopChartPx = 600;

let server: StaticServer;
let browser: Browser;
const measured = new Map<string, Findings>();
const sheets = new Map<string, number>();
/** Sheets whose margin lacks the page's address, the data release or a print date. */
const unmarked: string[] = [];
/** Printed tables of up to wholeTableRows rows, and those whose first and last rows fall on different sheets. */
const wholeTables: string[] = [];
const splitTables: string[] = [];
/** Tables whose first or last row is not told apart on paper (its text occurs twice, or is too short). */
const unreadTables: string[] = [];
/** Comparison pages as printed: whether the page has a map, how many drawings of it print, their height and shapes. */
const printedMaps = new Map<string, { hasMap: boolean; shown: number; height: number; areas: number }>();

async function visitAll(width: number, print: boolean) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const queue = [...paths];
  // Two pages at a time: the machine has two cores.
  const worker = async () => {
    const page = await context.newPage();
    for (let path = queue.shift(); path; path = queue.shift()) {
      await page.goto(server.url + path);
      await page.evaluate(() => document.fonts.ready);
      measured.set(`${width} ${path}`, (await page.evaluate(`(${probe})(${minChartFontPx})`)) as Findings);
      const limit = sheetLimit(path);
      if (print && limit !== null) {
        // The printed tables' first and last rows, each as its text (a row prints in the order of its
        // cells) and as its figures alone (numeric cells: the readings of an edition with ふりがな
        // print on lines of their own, between the words), without the readings.
        await page.emulateMedia({ media: 'print' });
        // A comparison page's map on paper: how many drawings of it print, and how tall (CSS px).
        if (new RegExp(`^${edition}/compare/[^/]+/[^/]+/$`).test(path)) {
          printedMaps.set(path, await page.evaluate(() => {
            const shown = [...document.querySelectorAll('figure#map svg')].filter((s) => s.getClientRects().length > 0);
            return { hasMap: document.querySelector('figure#map') !== null, shown: shown.length, height: shown[0]?.getBoundingClientRect().height ?? 0, areas: shown[0]?.querySelectorAll('a path').length ?? 0 };
          }));
        }
        await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
        const tables = await page.evaluate((most) => {
          const text = (cells: Element[]) =>
            cells
              .map((c) => {
                const copy = c.cloneNode(true) as Element;
                for (const r of copy.querySelectorAll('rt, rp')) r.remove();
                return copy.textContent ?? '';
              })
              .join('')
              .replace(/\s+/g, '');
          const keys = (tr: Element) => [text([...tr.querySelectorAll('th, td')]), text([...tr.querySelectorAll('td.num')])];
          return [...document.querySelectorAll('main table')]
            .filter((t) => t.getClientRects().length > 0)
            .map((t) => ({ caption: (t.querySelector('caption')?.textContent ?? '').trim().slice(0, 30), rows: [...t.querySelectorAll('tbody tr')].map(keys) }))
            .filter((t) => t.rows.length > 1 && t.rows.length <= most);
        }, wholeTableRows);
        const printed = await printToPdf(page);
        sheets.set(path, printed.sheets);
        const flat = (await sheetTexts(printed.bytes)).map((text) => text.replace(/\s+/g, ''));
        // The sheet a row prints on: found by the first of its keys that occurs once in the whole copy.
        const sheetOf = (keys: string[]) => {
          for (const key of keys.filter((k) => k.length >= 4)) {
            const hits = flat.map((text) => text.split(key).length - 1);
            if (hits.reduce((a, b) => a + b, 0) === 1) return hits.findIndex((n) => n === 1);
          }
          return null;
        };
        for (const table of tables) {
          const first = sheetOf(table.rows[0]!);
          const last = sheetOf(table.rows.at(-1)!);
          if (first === null || last === null) {
            unreadTables.push(`${path} "${table.caption}"`);
            continue;
          }
          wholeTables.push(`${path} "${table.caption}"`);
          if (first !== last) splitTables.push(`${path} "${table.caption}": first row on sheet ${first + 1}, last on ${last + 1}`);
        }
        const release = await page.evaluate(() => document.body.dataset.release ?? '');
        (await sheetTexts(printed.bytes)).forEach((text, i) => {
          const flat = text.replace(/\s+/g, '');
          if (!release || !flat.includes(`${server.url}${path}`.replace(/\s+/g, '')) || !flat.includes(release) || !/(印刷\d{4}年\d{1,2}月\d{1,2}日|Printed\d{1,2}[A-Z][a-z]{2}\d{4})/.test(flat)) unmarked.push(`${path} sheet ${i + 1}`);
        });
      }
    }
    await page.close();
  };
  await Promise.all([worker(), worker()]);
  await context.close();
}

beforeAll(async () => {
  server = await serveStatic(site);
  browser = await launchBrowser();
  await visitAll(360, false);
  await visitAll(1280, true);
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const all = (key: 'wrappedCells' | 'textOutside' | 'smallText' | 'truncated' | 'overlapping' | 'referenceCrossings', width?: number) =>
  [...measured].filter(([k]) => width === undefined || k.startsWith(`${width} `)).flatMap(([k, f]) => f[key].map((m) => `${k}: ${m}`));

describe(`layout of ${paths.length} of ${sample.total} pages, every family in every language, at 360 px and 1280 px`, () => {
  it('measured every sampled page at both widths, every family among them', () => {
    expect(measured.size).toBe(paths.length * 2);
    expect(new Set(paths.map((p) => sample.familyOf.get(p))).size).toBe(sample.families.size);
  });

  it('has no table cell whose short text wraps onto several lines', () => {
    expect(all('wrappedCells')).toEqual([]);
  });

  it('has no chart text outside its chart', () => {
    expect(all('textOutside')).toEqual([]);
  });

  it('has no truncated chart label and no two chart labels on top of each other', () => {
    expect(all('truncated')).toEqual([]);
    expect(all('overlapping')).toEqual([]);
  });

  it(`has no chart text under ${minChartFontPx} CSS px on a 360 px phone`, () => {
    expect(all('smallText', 360)).toEqual([]);
  });

  it(`draws every chart at least ${minDesktopChartPx} px wide at 1280 px`, () => {
    const desktop = [...measured].filter(([k]) => k.startsWith('1280 '));
    const widths = desktop.flatMap(([k, f]) => f.chartWidths.map((w) => ({ k, w })));
    // Every family with a chart has one in the sample: dozens of charts, not a handful.
    expect(widths.length).toBeGreaterThan(50);
    expect(widths.filter(({ w }) => w < minDesktopChartPx).map(({ k, w }) => `${k}: ${w}px`)).toEqual([]);
  });

  it('never lets a reference line or its label run through a printed value', () => {
    const checked = [...measured].reduce((n, [, f]) => n + f.referencesChecked, 0);
    // Every ranked chart (comparison, area and hub pages, both widths) has a reference.
    expect(checked).toBeGreaterThan(50);
    expect(all('referenceCrossings')).toEqual([]);
  });

  it('never scrolls the page sideways', () => {
    expect([...measured].filter(([, f]) => f.overflow > 0).map(([k, f]) => `${k}: ${f.overflow}px`)).toEqual([]);
  });
});

describe('on A4 paper', () => {
  it('prints a ward profile, two wards side by side and the budget on at most 2 sheets and a comparison page on at most 3', () => {
    const printed = [...sheets].map(([path, n]) => ({ path, n, limit: sheetLimit(path)! }));
    // Every sampled profile and comparison page, so every family of them in every language.
    expect(printed.map((p) => p.path).sort()).toEqual(paths.filter((p) => sheetLimit(p) !== null));
    const printedFamilies = new Set(printed.map((p) => sample.familyOf.get(p.path)));
    const printable = [...sample.families.keys()].filter((f) => /^\S+ (wards\/:[a-z_]+|wards\/:ward\/vs\/:ward|compare\/[^/]+\/:metric)$/.test(f));
    expect(printable.length).toBeGreaterThanOrEqual(4 * siteLanguages().length);
    for (const f of printable) expect(printedFamilies.has(f), f).toBe(true);
    expect(printed.filter((p) => p.limit === 2).length).toBeGreaterThanOrEqual(4);
    expect(printed.filter((p) => p.limit === 3).length).toBeGreaterThanOrEqual(4);
    // The budget page in every edition: a family of one page, sampled whole.
    expect(printed.filter((p) => p.path.endsWith('/budget/')).length).toBe(siteLanguages().length);
    // Two wards side by side, in every edition.
    expect(new Set(printed.filter((p) => /\/vs\/\d+\/$/.test(p.path)).map((p) => sample.familyOf.get(p.path))).size).toBe(siteLanguages().length);
    console.log(`A4 sheets: ${printed.map((p) => `${p.path} ${p.n}`).join(', ')}`);
    expect(printed.filter((p) => p.n > p.limit).map((p) => `${p.path}: ${p.n} sheets (at most ${p.limit})`)).toEqual([]);
  });

  it('prints a comparison page with its map, once, at least 80 mm tall, every area drawn', () => {
    const withMap = [...printedMaps].filter(([, m]) => m.hasMap);
    // Every sampled comparison family has a map (a boundary or tile map) in every edition.
    expect(withMap.length).toBeGreaterThanOrEqual(2 * siteLanguages().length);
    // 80 mm at 96 CSS px per inch.
    const minHeight = (80 / 25.4) * 96;
    const wrong = withMap.filter(([, m]) => m.shown !== 1 || m.height < minHeight || m.areas < 2).map(([path, m]) => `${path}: ${m.shown} drawings, ${Math.round(m.height)} px, ${m.areas} areas`);
    expect(wrong).toEqual([]);
  });

  it(`never splits a table of up to ${wholeTableRows} rows across sheets`, () => {
    console.log(`tables kept whole on paper: ${wholeTables.length}; split: ${splitTables.join(', ') || 'none'}; rows not told apart: ${unreadTables.join(', ')}`);
    expect(splitTables).toEqual([]);
    // The budget's history and changes (its funding prints as its chart) in every edition without
    // ふりがな; with them, a row whose figures carry readings (見込み) prints them between its
    // cells and may not be told apart.
    const plain = siteLanguages().filter((l) => !l.ruby).map((l) => (l.path ? `/${l.path}/budget/` : '/budget/'));
    for (const budget of plain) expect(wholeTables.filter((t) => t.startsWith(`${budget} `)), budget).toHaveLength(2);
    // Most tables are read: a row is found by a text that occurs once in the printed copy, and a
    // hub's counts beside their own chart (or a row with readings) may occur twice.
    expect(wholeTables.length).toBeGreaterThan(unreadTables.length);
  });

  it('names on every sheet the page address, the data release and the print date', () => {
    expect(sheets.size).toBeGreaterThan(0);
    expect(unmarked).toEqual([]);
  });
});
