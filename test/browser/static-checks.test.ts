/**
 * Checks on every built page that need no browser: headings in order, landmarks and skip link,
 * no broken internal link or anchor, no reference to another host, a Content-Security-Policy,
 * the page-weight budgets (sizes are deterministic, so they are asserted; times are not), and
 * what a council member reads in the figures (./page-findings.ts): no rank of one, no whole of
 * one area, no chart ranking overlapping periods, footnote marks explained where used and only
 * there, each table once, one compact block under each chart.
 * Each page is parsed once, for all of these checks together. Valid HTML (html-validate) is
 * checked on every page family in every language (./page-sample.ts); the Nu HTML Checker
 * (nu-html-checker.test.ts) validates every page.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { siteLanguages } from '../../src/lib/i18n/languages.ts';
import { samplePages } from './page-sample.ts';
import { parsePage } from '../html.ts';
import { chartBlocks, overlappingPeriods, rankOfOne, repeatedTables, unexplainedMarks, wholeFromOneArea } from './page-findings.ts';
import { loadSiteData } from '../../src/lib/site-data.ts';
import type { Lang } from '../../src/lib/i18n.ts';

const site = inject('siteDir');
const pages = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
const read = (f: string) => readFileSync(join(site, f), 'utf8');
const urlOf = (f: string) => '/' + f.replace(/index\.html$/, '');
const fileOf = (url: string) => (url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1));

interface Scan {
  pages: number;
  structure: string[];
  links: string[];
  linkCount: number;
  csp: string[];
  weight: string[];
  largest: { file: string; bytes: number };
  charts: string[];
  chartCount: number;
  /** What ./page-findings.ts found, and how much each looked at. */
  rankOfOne: string[];
  wholes: string[];
  wholeRows: number;
  overlaps: string[];
  /** Ranking charts that declare the periods they rank, and the ones that should and do not. */
  rankingCharts: number;
  undeclared: string[];
  marks: string[];
  marksUsed: number;
  repeated: string[];
  tablesCompared: number;
  blocks: string[];
  chartFigures: number;
}

// The site under test is built from data/ (test/global-setup.ts).
const siteData = loadSiteData('data');
const languages = siteLanguages();
/** A page file's language and its address without the language's path (`wards/14101/`). */
function pageLanguage(f: string): { lang: Lang; path: string } {
  const prefixed = languages.find((l) => l.path && f.startsWith(`${l.path}/`));
  const lang = (prefixed ?? languages.find((l) => !l.path)!).code as Lang;
  return { lang, path: (prefixed ? f.slice(prefixed.path.length + 1) : f).replace(/index\.html$/, '') };
}

/** Every page parsed once; what each check found, by check. */
let scanned: Scan | undefined;
function scan(): Scan {
  if (scanned) return scanned;
  const s: Scan = { pages: 0, structure: [], links: [], linkCount: 0, csp: [], weight: [], largest: { file: '', bytes: 0 }, charts: [], chartCount: 0, rankOfOne: [], wholes: [], wholeRows: 0, overlaps: [], rankingCharts: 0, undeclared: [], marks: [], marksUsed: 0, repeated: [], tablesCompared: 0, blocks: [], chartFigures: 0 };
  const ids = new Map<string, Set<string>>();
  const anchors: { from: string; ref: string; file: string; hash: string }[] = [];
  for (const f of pages) {
    s.pages++;
    const html = read(f);
    const document = parsePage(html);
    ids.set(f, new Set([...document.querySelectorAll('[id]')].map((e) => e.id)));

    // lang, one h1, headings in order, landmarks and a skip link.
    const lang = document.querySelector('html')?.getAttribute('lang');
    if (lang !== (f.startsWith('en/') ? 'en' : f.startsWith('yasashii/') ? 'ja-Hira' : 'ja')) s.structure.push(`${f}: lang=${lang}`);
    const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1]));
    if (headings.filter((h) => h === 1).length !== 1 || headings[0] !== 1) s.structure.push(`${f}: h1 count or position`);
    headings.forEach((h, i) => i > 0 && h > headings[i - 1]! + 1 && s.structure.push(`${f}: h${headings[i - 1]} → h${h}`));
    for (const sel of ['header', 'nav', 'main#main', 'footer']) if (!document.querySelector(sel)) s.structure.push(`${f}: no ${sel}`);
    const skip = document.querySelector('body > a.skip');
    if (skip?.getAttribute('href') !== '#main') s.structure.push(`${f}: skip link`);

    // Links and references.
    // Language alternates are absolute by rule (they name the published URL) and are never fetched.
    const alternates = [...document.querySelectorAll('link[rel="alternate"]')].map((l) => new URL(l.getAttribute('href')!).pathname);
    // A not-found page (noindex) is served at any address and has no alternates of its own.
    const indexed = !document.querySelector('meta[name="robots"][content~="noindex"]');
    if (indexed && !alternates.includes(urlOf(f))) s.links.push(`${f}: no hreflang link to itself`);
    // A moved page's canonical link is absolute by rule, like the alternates.
    for (const el of document.querySelectorAll('[href]:not(link[rel="alternate"]):not(link[rel="canonical"]),[src]')) {
      const ref = el.getAttribute('href') ?? el.getAttribute('src')!;
      // A link a reader follows to another site (the licence, a publisher's page) is never fetched
      // by the page; anything the page would load from another host is refused.
      if (el.tagName === 'A' && /^https:\/\//.test(ref)) continue;
      if (/^(https?:)?\/\//.test(ref)) {
        s.links.push(`${f}: external reference ${ref}`);
        continue;
      }
      if (/^(mailto|tel):/.test(ref)) continue;
      s.linkCount++;
      const [path, hash] = ref.split('#') as [string, string | undefined];
      const base = path === '' ? urlOf(f) : path.startsWith('/') ? path : new URL(path, 'http://x' + urlOf(f)).pathname;
      const file = fileOf(base);
      if (!existsSync(join(site, file))) s.links.push(`${f}: broken link ${ref}`);
      else if (hash && file.endsWith('.html')) anchors.push({ from: f, ref, file, hash });
    }

    // The Content-Security-Policy, and nothing inline it would have to allow.
    const csp = document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    if (!/default-src 'self'/.test(csp)) s.csp.push(`${f}: no default-src 'self'`);
    if (scriptSrc.includes('unsafe-inline')) s.csp.push(`${f}: unsafe-inline scripts`);
    if (!scriptSrc.split(/\s+/).every((x) => x === "'self'" || /^'sha(256|384|512)-/.test(x))) s.csp.push(`${f}: script-src ${scriptSrc}`);
    if (document.querySelectorAll('[style]').length !== 0) s.csp.push(`${f}: style attributes`);
    if (document.querySelectorAll('[onclick],[onload],[onerror]').length !== 0) s.csp.push(`${f}: event handler attributes`);

    // Page weight, gzip.
    const external = [...document.querySelectorAll('link[rel="stylesheet"][href],script[src]')].map((e) => readFileSync(join(site, (e.getAttribute('href') ?? e.getAttribute('src'))!.slice(1))));
    const inlineJs = [...document.querySelectorAll('script:not([src])')].map((x) => x.textContent ?? '').join('');
    const externalJs = [...document.querySelectorAll('script[src]')].map((x) => readFileSync(join(site, x.getAttribute('src')!.slice(1)), 'utf8')).join('');
    const total = gzipSync(html).length + external.reduce((a, b) => a + gzipSync(b).length, 0);
    const js = gzipSync(inlineJs + externalJs).length;
    // The check page runs the gate's validators (zod, RE2, papaparse) in a maintainer's browser: a
    // tool with a budget of its own, and the one page that loads a script file. Readers' pages keep theirs.
    const tool = /(^|\/)check\/index\.html$/.test(f);
    const [totalLimit, jsLimit] = tool ? [128 * 1024, 112 * 1024] : [100 * 1024, 20 * 1024];
    if (total > totalLimit) s.weight.push(`${f}: ${total} bytes in all`);
    if (js > jsLimit) s.weight.push(`${f}: ${js} bytes of script`);
    if (!tool && document.querySelector('script[src]')) s.weight.push(`${f}: loads a script file`);
    if (total > s.largest.bytes) s.largest = { file: f, bytes: total };

    // Every chart with a fixed size.
    for (const svg of document.querySelectorAll('svg.chart')) {
      s.chartCount++;
      if (!/^0 0 \d+ \d+$/.test(svg.getAttribute('viewBox') ?? '')) s.charts.push(`${f}: viewBox ${svg.getAttribute('viewBox')}`);
      if (!/^\d+$/.test(svg.getAttribute('width') ?? '')) s.charts.push(`${f}: width ${svg.getAttribute('width')}`);
      if (!/^\d+$/.test(svg.getAttribute('height') ?? '')) s.charts.push(`${f}: height ${svg.getAttribute('height')}`);
    }

    // The figures as a council member reads them.
    const { lang: pageLang, path } = pageLanguage(f);
    s.rankOfOne.push(...rankOfOne(document).map((x) => `${f}: ${x}`));
    const wholes = wholeFromOneArea(document, path, siteData, pageLang);
    s.wholeRows += wholes.rows;
    s.wholes.push(...wholes.findings.map((x) => `${f}: ${x}`));
    const overlaps = overlappingPeriods(document);
    s.rankingCharts += overlaps.charts;
    s.overlaps.push(...overlaps.findings.map((x) => `${f}: ${x}`));
    // The charts that rank: a comparison's bars, an area's headline chart, an area's events.
    const ranking = [...document.querySelectorAll('figure#ranking, figure#events-chart')];
    if (/^wards\/\d+\/$/.test(path)) ranking.push(...[...document.querySelectorAll('main > figure.chart-figure')].slice(0, 1).filter((fig) => fig.id !== 'map'));
    for (const fig of ranking) if (!fig.hasAttribute('data-vintages')) s.undeclared.push(`${f}#${fig.id}`);
    const marks = unexplainedMarks(document);
    s.marksUsed += marks.used.length;
    s.marks.push(...marks.findings.map((x) => `${f}: ${x}`));
    if (/^(compare\/[^/]+\/[^/]+|wards\/\d+)\/$/.test(path)) {
      const repeated = repeatedTables(document);
      s.tablesCompared += repeated.tables;
      s.repeated.push(...repeated.findings.map((x) => `${f}: ${x}`));
    }
    const blocks = chartBlocks(document);
    s.chartFigures += blocks.charts;
    s.blocks.push(...blocks.findings.map((x) => `${f}: ${x}`));
  }
  // Anchors, once every page's ids are known.
  for (const a of anchors) if (!ids.get(a.file)?.has(a.hash)) s.links.push(`${a.from}: missing anchor ${a.ref}`);
  scanned = s;
  return s;
}

describe(`all ${pages.length} pages`, () => {
  it('there are pages in every configured language', () => {
    expect(pages.length).toBeGreaterThan(300);
    // 404.html is one page in every language, served for any missing address.
    const localized = pages.filter((p) => p !== '404.html');
    expect(pages).toContain('404.html');
    const prefixes = siteLanguages().filter((l) => l.path).map((l) => `${l.path}/`);
    expect(prefixes.length).toBeGreaterThan(0);
    const root = localized.filter((p) => !prefixes.some((prefix) => p.startsWith(prefix)));
    for (const prefix of prefixes) expect(localized.filter((p) => p.startsWith(prefix)).length, prefix).toBe(root.length);
  });

  it('are valid HTML (html-validate, recommended rules), every page family in every language', async () => {
    const sample = samplePages(site);
    // The sample is of pages a reader sees; moved pages' stubs are all validated besides.
    const stubs = pages.filter((f) => read(f).includes('http-equiv="refresh"'));
    const files = [...sample.paths.map(fileOf), ...stubs];
    expect(new Set(sample.paths.map((p) => sample.familyOf.get(p))).size).toBe(sample.families.size);
    expect(stubs.length).toBeGreaterThan(0);
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const failures: string[] = [];
    let validated = 0;
    for (const f of files) {
      const report = await validator.validateString(read(f), f);
      validated++;
      for (const r of report.results) for (const m of r.messages) failures.push(`${f}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(validated).toBe(sample.paths.length + stubs.length);
    expect(failures).toEqual([]);
  });

  it('have lang, one h1, headings in order, landmarks and a skip link', () => {
    const s = scan();
    expect(s.pages).toBe(pages.length);
    expect(s.structure).toEqual([]);
  });

  it('have no broken internal link or anchor, and reference no other host', () => {
    const s = scan();
    expect(s.linkCount).toBeGreaterThan(pages.length * 10);
    expect(s.links).toEqual([]);
  });

  it('carry a Content-Security-Policy that allows no inline script but its own hashes', () => {
    const s = scan();
    expect(s.pages).toBe(pages.length);
    expect(s.csp).toEqual([]);
  });

  it('stay within the page-weight budgets (HTML+CSS+JS ≤ 100 KB, JS ≤ 20 KB, gzip; the check page 128 and 112 KB), only the check page loading a script file', () => {
    const s = scan();
    expect(s.pages).toBe(pages.length);
    console.log(`largest page: ${s.largest.file}, ${s.largest.bytes} bytes gzip`);
    expect(s.weight).toEqual([]);
  });

  it('give every chart a fixed size, so drawing it shifts no layout', () => {
    const s = scan();
    expect(s.chartCount).toBeGreaterThan(pages.length / 2);
    expect(s.charts).toEqual([]);
  });

  it('show no rank of one, and no whole made of fewer than two areas beside an area', () => {
    const s = scan();
    // Every area's measures and every comparison list: hundreds of rows in every language.
    expect(s.wholeRows).toBeGreaterThan(pages.length);
    expect(s.rankOfOne).toEqual([]);
    expect(s.wholes).toEqual([]);
  });

  it('never rank figures of overlapping periods in one chart', () => {
    const s = scan();
    expect(s.undeclared).toEqual([]);
    // Each comparison's bars, each area's headline and each events chart, in every language.
    expect(s.rankingCharts).toBeGreaterThan(90);
    expect(s.overlaps).toEqual([]);
  });

  it('explain every footnote mark they carry, and no mark they do not', () => {
    const s = scan();
    // ＊ on small counts, † on another date, ‡ on a figure printed otherwise: used on many pages.
    expect(s.marksUsed).toBeGreaterThan(50);
    expect(s.marks).toEqual([]);
  });

  it('show each table once on a comparison page and an area page', () => {
    const s = scan();
    // The comparison pages' lists and the area pages' measures, charts' tables and sections.
    expect(s.tablesCompared).toBeGreaterThan(200);
    expect(s.repeated).toEqual([]);
  });

  it('give each chart one compact block under it: a source line and one disclosure', () => {
    const s = scan();
    expect(s.chartFigures).toBeGreaterThan(200);
    expect(s.blocks).toEqual([]);
  });
});
