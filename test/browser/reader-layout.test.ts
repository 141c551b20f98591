/**
 * Pages built around what a reader comes to do, measured in the built site in every configured
 * language (the sampled pages of ./page-sample.ts):
 *
 * - on a 360 × 780 px phone the site header takes at most 120 px, and an area page shows its name,
 *   the link to where to turn and the top of its first chart (whose title states the headline
 *   figure and its standing) on the first screen; the top page shows where to find one's area on
 *   its first screen;
 * - on a phone the columns a table compares are on the screen without sideways scrolling: every
 *   row's name and every figure of the tables on area pages (each measure beside its group's
 *   value and its rank, survey counts), the pair page (both areas), the hub page (meetings and
 *   their counts) and the data-quality page;
 * - on A4 paper every chart spans at least 90 % of the text width.
 *
 * One browser, one page per width and two pages at a time (the machine has two cores).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { siteLanguages } from '../../src/lib/i18n/languages.ts';
import { samplePages } from './page-sample.ts';

const site = inject('siteDir');
const sample = samplePages(site);
const languages = siteLanguages().map((l) => l.code);
/** The sampled pages of one family (`wards/:ward`) in one language. */
const ofFamily = (lang: string, shape: RegExp) => sample.paths.filter((p) => {
  const family = sample.familyOf.get(p) ?? '';
  return family.startsWith(`${lang} `) && shape.test(family.slice(lang.length + 1));
});
const areaPages = (lang: string) => ofFamily(lang, /^wards\/:[a-z_]+$/);
const wardPages = (lang: string) => ofFamily(lang, /^wards\/:ward$/);
const pairPages = (lang: string) => ofFamily(lang, /^wards\/:ward\/vs\/:ward$/);
const hubPages = (lang: string) => ofFamily(lang, /^hubs$/);
const qualityPages = (lang: string) => ofFamily(lang, /^quality$/);
const comparePages = (lang: string) => ofFamily(lang, /^compare\/[^/]+\/:metric$/);
const homePages = (lang: string) => ofFamily(lang, /^\(home\)$/);

const phone = { width: 360, height: 780 };
const maxHeaderPx = 120;
// A4 less the stylesheet's 12 mm side margins (@page in src/styles/site.css): 186 mm at 96 px/in.
const a4TextPx = Math.floor((186 / 25.4) * 96);
const minPrintedShare = 0.9;

interface PhoneFindings {
  header: number;
  firstChartTop: number | null;
  h1Bottom: number | null;
  /** The area's headline figure in words, and whether a chart of its standing comes before it. */
  keyFigureBottom: number | null;
  headlineChart: boolean;
  /** The bottom of the link to where to turn (area pages), the top of "find your area" (the top page). */
  turnToBottom: number | null;
  finderTop: number | null;
  /** Tables measured, each with its caption, the cells it checked and the cells off the screen. */
  tables: { caption: string; cells: number; maxRight: number; outside: string[] }[];
}

let server: StaticServer;
let browser: Browser;
const onPhone = new Map<string, PhoneFindings>();
const printed = new Map<string, { text: number; charts: number[]; paperCharts: number }>();

/** Visits `paths` two at a time in one context, collecting `measure(page, path)`. */
async function visit(paths: string[], viewport: { width: number; height: number }, measure: (page: Page, path: string) => Promise<void>) {
  const context = await browser.newContext({ viewport });
  const queue = [...new Set(paths)];
  const worker = async () => {
    const page = await context.newPage();
    for (let path = queue.shift(); path; path = queue.shift()) {
      await page.goto(server.url + path);
      await page.evaluate(() => document.fonts.ready);
      await measure(page, path);
    }
    await page.close();
  };
  await Promise.all([worker(), worker()]);
  await context.close();
}

const tablePaths = (lang: string) => [...areaPages(lang), ...pairPages(lang), ...hubPages(lang), ...qualityPages(lang)];

beforeAll(async () => {
  server = await serveStatic(site);
  browser = await launchBrowser();
  await visit(languages.flatMap((l) => [...tablePaths(l), ...homePages(l)]), phone, async (page, path) => {
    onPhone.set(
      path,
      await page.evaluate(() => {
        const header = document.querySelector('header.site')?.getBoundingClientRect().height ?? Infinity;
        const chart = [...document.querySelectorAll('main svg.chart')].map((s) => s.getBoundingClientRect()).find((r) => r.width > 0);
        const h1 = document.querySelector('main h1')?.getBoundingClientRect();
        const keyFigure = document.querySelector('main p.key-figure');
        const turnTo = document.querySelector('main a[href="#where-to-turn"]')?.getBoundingClientRect();
        const finder = document.querySelector('main #find-area h2')?.getBoundingClientRect();
        // A reader opens a chart's data table: measure them open (the menu stays closed).
        for (const d of document.querySelectorAll('main details')) (d as HTMLDetailsElement).open = true;
        const tables = [...document.querySelectorAll('main table:not([data-sortable])')].map((table) => {
          const caption = (table.querySelector('caption')?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
          // Each row's name and every figure in it: what the table compares.
          const cells = [...table.querySelectorAll('tbody th[scope="row"], tbody td.num')].map((c) => ({ c, r: c.getBoundingClientRect() })).filter(({ r }) => r.width > 0);
          const outside = cells.filter(({ r }) => r.right > innerWidth + 0.5 || r.left < -0.5).map(({ c, r }) => `"${(c.textContent ?? '').trim().slice(0, 20)}" ${Math.round(r.left)}..${Math.round(r.right)}`);
          return { caption, cells: cells.length, maxRight: Math.round(Math.max(0, ...cells.map(({ r }) => r.right))), outside };
        });
        return {
          header,
          firstChartTop: chart ? chart.top + scrollY : null,
          h1Bottom: h1 ? h1.bottom + scrollY : null,
          keyFigureBottom: keyFigure ? keyFigure.getBoundingClientRect().bottom + scrollY : null,
          headlineChart: keyFigure ? (keyFigure.previousElementSibling?.matches('figure.chart-figure') ?? false) : true,
          turnToBottom: turnTo && turnTo.height > 0 ? turnTo.bottom + scrollY : null,
          finderTop: finder && finder.height > 0 ? finder.top + scrollY : null,
          tables,
        };
      }),
    );
  });
  await visit(languages.flatMap((l) => [...wardPages(l), ...comparePages(l), ...hubPages(l)]), { width: a4TextPx, height: 1100 }, async (page, path) => {
    await page.emulateMedia({ media: 'print' });
    // The page's own beforeprint handler opens disclosures, as a print dialog does.
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    printed.set(
      path,
      await page.evaluate(() => {
        const main = document.querySelector('main');
        const style = main ? getComputedStyle(main) : null;
        const text = main && style ? main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) : 0;
        // Charts meant for paper: all but the map, which prints on a comparison page sized by its
        // height beside its source (layout.test.ts checks it), and is left off an area's profile. A
        // comparison of fewer than two areas at one date has none (its list carries the figures).
        const charts = [...document.querySelectorAll('main svg.chart')].filter((s) => !s.closest('figure#map')).map((s) => s.getBoundingClientRect().width).filter((w) => w > 0);
        const paperCharts = document.querySelectorAll('main figure.chart-figure:not(#map)').length;
        return { text, charts, paperCharts };
      }),
    );
  });
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(languages)('for a reader of the %s edition', (lang) => {
  it(`has a site header of at most ${maxHeaderPx} px on a 360 px phone`, () => {
    const paths = tablePaths(lang);
    expect(paths.length).toBeGreaterThanOrEqual(6);
    const heights = paths.map((p) => ({ p, h: onPhone.get(p)?.header ?? Infinity }));
    console.log(`${lang} header px at 360: ${heights.map(({ p, h }) => `${p} ${Math.round(h)}`).join(', ')}`);
    expect(heights.filter(({ h }) => h > maxHeaderPx).map(({ p, h }) => `${p}: ${Math.round(h)}px`)).toEqual([]);
  });

  it(`shows an area's name and the top of its first chart on the first ${phone.height} px of a phone`, () => {
    const paths = areaPages(lang);
    // Wards, the city with wards and the municipality: each kind of area page.
    expect(paths.length).toBeGreaterThanOrEqual(3);
    expect(wardPages(lang).length).toBeGreaterThanOrEqual(2);
    const tops = paths.map((p) => ({ p, top: onPhone.get(p)?.firstChartTop ?? null, h1: onPhone.get(p)?.h1Bottom ?? null }));
    console.log(`${lang} first chart top at 360: ${tops.map(({ p, top }) => `${p} ${top === null ? '-' : Math.round(top)}`).join(', ')}`);
    // An area with no peer to compare with at its date has no chart of its standing: its figure,
    // in words saying why it is not compared, takes the chart's place on the first screen.
    const alone = paths.filter((p) => onPhone.get(p)?.headlineChart === false);
    const charted = tops.filter(({ p }) => !alone.includes(p));
    expect(charted.length).toBeGreaterThanOrEqual(2);
    expect(charted.filter(({ top, h1 }) => top === null || h1 === null || top > phone.height - 40 || h1 > phone.height).map(({ p, top, h1 }) => `${p}: name ends at ${h1}, chart starts at ${top}`)).toEqual([]);
    expect(alone.filter((p) => (onPhone.get(p)?.keyFigureBottom ?? Infinity) > phone.height).map((p) => `${p}: its figure ends at ${onPhone.get(p)?.keyFigureBottom}`)).toEqual([]);
  });

  it(`shows on the first ${phone.height} px of a phone the way to where to turn on an area page, and to one's area on the top page`, () => {
    const paths = areaPages(lang);
    expect(paths.length).toBeGreaterThanOrEqual(3);
    const turnTo = paths.map((p) => ({ p, bottom: onPhone.get(p)?.turnToBottom ?? null }));
    console.log(`${lang} where-to-turn link bottom at 360: ${turnTo.map(({ p, bottom }) => `${p} ${bottom === null ? '-' : Math.round(bottom)}`).join(', ')}`);
    expect(turnTo.filter(({ bottom }) => bottom === null || bottom > phone.height).map(({ p, bottom }) => `${p}: ${bottom}`)).toEqual([]);
    const homes = homePages(lang);
    expect(homes).toHaveLength(1);
    const finder = onPhone.get(homes[0]!)?.finderTop ?? null;
    console.log(`${lang} "find your area" heading top at 360: ${finder === null ? '-' : Math.round(finder)}`);
    expect(finder).not.toBeNull();
    expect(finder!).toBeLessThan(phone.height - 40);
  });

  it('keeps every row name and figure of a table on a 360 px screen, without sideways scrolling', () => {
    const paths = tablePaths(lang);
    const tables = paths.flatMap((p) => (onPhone.get(p)?.tables ?? []).map((t) => ({ p, ...t })));
    // Area tables, both areas of a pair, the hubs' and the surveys' counts, the quality checks.
    expect(pairPages(lang).length).toBeGreaterThanOrEqual(1);
    expect(hubPages(lang)).toHaveLength(1);
    expect(qualityPages(lang)).toHaveLength(1);
    expect(tables.length).toBeGreaterThan(30);
    for (const p of [...pairPages(lang), ...hubPages(lang), ...qualityPages(lang), ...wardPages(lang)]) expect(tables.filter((t) => t.p === p && t.cells > 0).length, p).toBeGreaterThan(0);
    console.log(`${lang} table right edges at 360: ${tables.filter((t) => t.maxRight > phone.width).map((t) => `${t.p} "${t.caption.slice(0, 16)}" ${t.maxRight}`).join(', ') || 'none past 360'}`);
    expect(tables.flatMap((t) => t.outside.map((o) => `${t.p} "${t.caption}": ${o}`))).toEqual([]);
  });

  it(`prints every chart across at least ${minPrintedShare * 100} % of an A4 sheet's text width`, () => {
    const paths = [...wardPages(lang), ...comparePages(lang), ...hubPages(lang)];
    expect(paths.length).toBeGreaterThanOrEqual(5);
    const charts = paths.flatMap((p) => (printed.get(p)?.charts ?? []).map((w) => ({ p, w, text: printed.get(p)!.text })));
    // Every page with a chart for paper prints at least one; most sampled pages have one.
    const withCharts = paths.filter((p) => (printed.get(p)?.paperCharts ?? 0) > 0);
    expect(withCharts.length).toBeGreaterThanOrEqual(5);
    for (const p of withCharts) expect(printed.get(p)!.charts.length, p).toBeGreaterThan(0);
    expect(charts.length).toBeGreaterThanOrEqual(withCharts.length);
    for (const p of paths) expect(printed.get(p)?.text ?? 0, p).toBeGreaterThan(a4TextPx * 0.95);
    console.log(`${lang} printed chart widths (text ${a4TextPx}px): ${[...new Set(charts.map((c) => Math.round(c.w)))].join(', ')}`);
    expect(charts.filter((c) => c.w < c.text * minPrintedShare).map((c) => `${c.p}: ${Math.round(c.w)} of ${Math.round(c.text)}px`)).toEqual([]);
  });
});
