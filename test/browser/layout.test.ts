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
 *
 * In an edition with readings (ふりがな), at both widths: no word split from itself across two lines,
 * no table more than 10 % wider than the same table of the default edition (whose page is visited
 * too where the sample lacks it), and no button, link or summary whose accessible name (Chromium's
 * accessibility tree) spells out a reading.
 */
import { readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';
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
const rubyPaths = paths.filter((p) => rubyPrefixes.some((prefix) => p.startsWith(prefix)));
const ordinaryOf = (p: string) => '/' + p.slice(rubyPrefixes.find((prefix) => p.startsWith(prefix))!.length);
/** Pages of the default edition that the sample lacks, visited for their tables' widths alone. */
const counterparts = [...new Set(rubyPaths.map(ordinaryOf))].filter((p) => !paths.includes(p));
const maxRubyTableRatio = 1.1;
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
/** Tables printed under their chart's heading, and those whose heading is left on an earlier sheet. */
const headedTables: string[] = [];
const orphanedHeadings: string[] = [];
/** Comparison pages as printed: whether the page has a map, how many drawings of it print, their height and shapes. */
const printedMaps = new Map<string, { hasMap: boolean; shown: number; height: number; areas: number }>();
/** Tables of the pages with readings and of their default-edition pages: caption and width in px, by `<width> <path>`. */
const tableWidths = new Map<string, { caption: string; width: number }[]>();
/** Words (a ruby's base) drawn on two lines, and how many words were measured. */
const splitWords: string[] = [];
let wordsMeasured = 0;
/** Names of buttons, links and summaries that spell out a reading, and how many words with readings controls hold. */
const spokenReadings: string[] = [];
let controlsWithRuby = 0;

/** The widths of the tables in a page's content (its disclosures are open: the probe opened them). */
const measureTables = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('main table')].map((t) => ({ caption: (t.querySelector('caption')?.textContent ?? '').trim().slice(0, 30), width: Math.round(t.getBoundingClientRect().width) })));

/** Readings on a page of an edition with ruby: words split across lines; at 1280 px, controls' names. */
async function measureReadings(page: Page, cdp: CDPSession, width: number, path: string) {
  const words = await page.evaluate(() => {
    const split: string[] = [];
    let seen = 0;
    for (const r of document.querySelectorAll('main ruby, footer ruby')) {
      const texts = [...r.childNodes].filter((n) => n.nodeType === 3);
      const boxes = texts.flatMap((n) => {
        const range = document.createRange();
        range.selectNodeContents(n);
        return [...range.getClientRects()].filter((b) => b.width > 0);
      });
      if (boxes.length === 0) continue;
      seen++;
      if (new Set(boxes.map((b) => Math.round(b.top))).size > 1) split.push(texts.map((n) => n.textContent).join(''));
    }
    return { split, seen };
  });
  wordsMeasured += words.seen;
  splitWords.push(...words.split.map((w) => `${width} ${path}: ${w}`));
  if (width !== 1280) return;
  // Every word with its reading on the page, as a name would spell it out (医療いりょう, 医療（いりょう）),
  // and how many words with readings the page's controls hold.
  const { pairs, inControls } = await page.evaluate(() => {
    const out = new Set<string>();
    for (const r of document.querySelectorAll('ruby')) {
      const base = [...r.childNodes].filter((n) => n.nodeType === 3 || !['RT', 'RP'].includes((n as Element).tagName)).map((n) => n.textContent).join('');
      const reading = r.querySelector('rt')?.textContent ?? '';
      if (base && reading) out.add(`${base}\u0000${reading}`);
    }
    return { pairs: [...out], inControls: document.querySelectorAll('button ruby, a ruby, summary ruby').length };
  });
  controlsWithRuby += inControls;
  const spelled = pairs.flatMap((p) => {
    const [base, reading] = p.split('\u0000') as [string, string];
    return [`${base}${reading}`, `${base}（${reading}）`, `${base}(${reading})`];
  });
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[] };
  for (const n of nodes) {
    if (n.ignored || !['button', 'link', 'DisclosureTriangle'].includes(n.role?.value ?? '')) continue;
    const name = (n.name?.value ?? '').replace(/\s+/g, '');
    const hit = spelled.find((w) => name.includes(w));
    if (hit) spokenReadings.push(`${path}: ${n.role!.value} “${name.slice(0, 60)}” spells out ${hit}`);
  }
}

async function visitAll(width: number, print: boolean) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const queue = [...paths, ...counterparts];
  // Two pages at a time: the machine has two cores.
  const worker = async () => {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    for (let path = queue.shift(); path; path = queue.shift()) {
      await page.goto(server.url + path);
      await page.evaluate(() => document.fonts.ready);
      if (counterparts.includes(path)) {
        // Opened as the probe opens them, so both editions' tables are measured alike.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        tableWidths.set(`${width} ${path}`, await measureTables(page));
        continue;
      }
      measured.set(`${width} ${path}`, (await page.evaluate(`(${probe})(${minChartFontPx})`)) as Findings);
      const ruby = rubyPaths.includes(path);
      if (ruby || rubyPaths.some((p) => ordinaryOf(p) === path)) tableWidths.set(`${width} ${path}`, await measureTables(page));
      if (ruby) await measureReadings(page, cdp, width, path);
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
            .map((t) => {
              // The chart heading a table prints under (a chart printed as its table alone).
              const heading = t.closest('figure.chart-figure')?.querySelector('figcaption :is(h2, h3)');
              return { caption: (t.querySelector('caption')?.textContent ?? '').trim().slice(0, 30), rows: [...t.querySelectorAll('tbody tr')].map(keys), heading: heading && heading.getClientRects().length > 0 ? text([heading]) : null };
            })
            .filter((t) => t.rows.length > 1 && t.rows.length <= most);
        }, wholeTableRows);
        const printed = await printToPdf(page);
        sheets.set(path, printed.sheets);
        // The font draws ・ and ～ with the glyphs of ‧ and 〜, which is how the PDF's text reads them back.
        const glyphs = (text: string) => text.replace(/‧/g, '・').replace(/〜/g, '～');
        const flat = (await sheetTexts(printed.bytes)).map((text) => glyphs(text.replace(/\s+/g, '')));
        // The sheet a row prints on: found by the first of its keys that occurs once in the whole copy.
        const sheetOf = (keys: string[]) => {
          for (const key of keys.map(glyphs).filter((k) => k.length >= 4)) {
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
          const headingSheet = table.heading ? sheetOf([table.heading]) : null;
          if (headingSheet !== null) {
            headedTables.push(`${path} "${table.caption}"`);
            if (headingSheet !== first) orphanedHeadings.push(`${path} "${table.heading!.slice(0, 30)}" on sheet ${headingSheet + 1}, its table from sheet ${first + 1}`);
          }
        }
        const { release, printedAs } = await page.evaluate(() => ({ release: document.body.dataset.release ?? '', printedAs: document.body.dataset.printPrinted ?? '' }));
        // The print date in the edition's own words around it (印刷 {date}, 印刷した 日 {date}, Printed {date}).
        const [before = '', after = ''] = printedAs.replace(/\s+/g, '').split('{date}').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        const printDate = new RegExp(`${before}(\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{1,2}[A-Z][a-z]{2}\\d{4})${after}`);
        (await sheetTexts(printed.bytes)).forEach((text, i) => {
          const flat = text.replace(/\s+/g, '');
          if (!release || !printedAs.includes('{date}') || !before || !flat.includes(`${server.url}${path}`.replace(/\s+/g, '')) || !flat.includes(release) || !printDate.test(flat)) unmarked.push(`${path} sheet ${i + 1}`);
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
    expect(tableWidths.size).toBe((rubyPaths.length + new Set(rubyPaths.map(ordinaryOf)).size) * 2);
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

describe(`readings (ふりがな) on ${rubyPaths.length} pages, at 360 px and 1280 px`, () => {
  it('never breaks a word with its reading across two lines', () => {
    // Tens of thousands of words drawn (every sampled page of the edition, both widths).
    expect(rubyPaths.length).toBeGreaterThan(50);
    expect(wordsMeasured).toBeGreaterThan(10_000);
    console.log(`words with readings measured: ${wordsMeasured}; split across lines: ${splitWords.length}`);
    expect(splitWords.slice(0, 20)).toEqual([]);
  });

  it('never gives a button, link or summary an accessible name that spells out a reading', () => {
    // Controls do carry readings (sort buttons, links to areas and terms): the check sees them.
    expect(controlsWithRuby).toBeGreaterThan(100);
    console.log(`words with readings in controls: ${controlsWithRuby}; names spelling one out: ${spokenReadings.length}`);
    expect(spokenReadings.slice(0, 20)).toEqual([]);
  });

  it(`never makes a table more than ${Math.round((maxRubyTableRatio - 1) * 100)} % wider than the same table of the default edition`, () => {
    const wider: string[] = [];
    let compared = 0;
    let widest = { ratio: 0, at: '' };
    for (const width of [360, 1280]) {
      for (const p of rubyPaths) {
        const own = tableWidths.get(`${width} ${p}`)!;
        const ordinary = tableWidths.get(`${width} ${ordinaryOf(p)}`)!;
        // The same template: the same tables in the same order.
        expect(own.length, `${width} ${p}`).toBe(ordinary.length);
        own.forEach((t, i) => {
          const ratio = t.width / ordinary[i]!.width;
          compared++;
          if (ratio > widest.ratio) widest = { ratio, at: `${width} ${p} “${t.caption}” ${t.width} px vs ${ordinary[i]!.width} px` };
          if (ratio > maxRubyTableRatio) wider.push(`${width} ${p} “${t.caption}”: ${t.width} px, the default edition's ${ordinary[i]!.width} px`);
        });
      }
    }
    console.log(`tables compared: ${compared}; widest ratio ${widest.ratio.toFixed(2)} (${widest.at})`);
    expect(compared).toBeGreaterThan(100);
    expect(wider).toEqual([]);
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

  it('prints a chart\'s heading on the sheet where its table starts', () => {
    console.log(`tables under their chart's heading on paper: ${headedTables.length}; heading left behind: ${orphanedHeadings.join(', ') || 'none'}`);
    // The budget's changes in every edition at least (a chart printed as its table).
    expect(headedTables.length).toBeGreaterThanOrEqual(siteLanguages().length);
    expect(orphanedHeadings).toEqual([]);
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
