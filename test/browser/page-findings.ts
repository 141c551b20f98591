/**
 * What a council member would catch reading a built page, as findings (empty when the page is
 * right), for the static checks that parse every page once (static-checks.test.ts):
 *
 * - a rank of one (「1/1」, 「1区中1位」, "rank 1 of 1"): a rank needs another area;
 * - a group's "whole" shown beside an area where the data sums fewer than two areas into it
 *   (the whole is then the area's own figure, or another area's: 横浜市's 393人 on 横須賀市's page);
 * - a chart ranking figures of overlapping periods (FY2015 beside Apr-Dec 2015), read from the
 *   vintages each ranking chart declares on its figure;
 * - a footnote mark explained where no table cell or chart label carries it, or carried where no
 *   note explains it;
 * - the same table twice on a page (every row's figures in a second table);
 * - more than one compact block under a chart: one source line and one disclosure.
 */
import type { SiteData } from '../../src/lib/site-data.ts';
import { pick, type Lang } from '../../src/lib/i18n.ts';
import { groupInfo, groupOfArea } from '../../src/lib/present/groups.ts';
import type { HTMLElement } from '../html.ts';

/** A whole, a rank or a ratio needs two areas with a figure of one date: stated here, not read from the code under test. */
const MIN_COMPARED = 2;

/** A parsed page (../html.ts). */
type Doc = HTMLElement;

/** 「1/1」 in a cell, or a rank of one in words, in any language. */
const RANK_OF_ONE = /(^|\s)1\/1(\s|$)|(^|[^\d])1[^\d\s]{0,4}中1位|\brank 1 of 1\b/;

export function rankOfOne(document: Doc): string[] {
  const main = document.querySelector('main');
  if (!main) return [];
  const out: string[] = [];
  for (const el of main.querySelectorAll('td, th, h1, h2, h3, p, li, figcaption'))
    if ([...el.children].every((c) => !['P', 'TABLE', 'UL'].includes(c.tagName)) && RANK_OF_ONE.test((el.textContent ?? '').trim())) out.push(`"${(el.textContent ?? '').trim().slice(0, 60)}"`);
  return out;
}

/** Intervals of vintage keys (`2015-10-31`, `2015-04-01/2016-03-31`, `FY2021`): [start, end]. */
function interval(key: string): [string, string] {
  if (/^FY\d{4}$/.test(key)) {
    const y = Number(key.slice(2));
    return [`${y}-04-01`, `${y + 1}-03-31`];
  }
  const [a, b] = key.split('/') as [string, string | undefined];
  return [a, b ?? a];
}

/** Charts that rank figures of two different periods that overlap. */
export function overlappingPeriods(document: Doc): { charts: number; findings: string[] } {
  const findings: string[] = [];
  const figures = [...document.querySelectorAll('figure[data-vintages]')];
  for (const figure of figures) {
    const keys = [...new Set((figure.getAttribute('data-vintages') ?? '').split(/\s+/).filter(Boolean))];
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++) {
        const [a1, a2] = interval(keys[i]!);
        const [b1, b2] = interval(keys[j]!);
        if (a1 <= b2 && b1 <= a2) findings.push(`#${figure.id}: ${keys[i]} overlaps ${keys[j]}`);
      }
  }
  return { charts: figures.length, findings };
}

/** The footnote marks of the site's tables and charts: ＊ small count, † another date, ‡ printed otherwise. */
const MARKS = [
  { mark: '*', used: /(^|\s)[*＊](\s|$)/, explained: /[*＊]/ },
  { mark: '†', used: /†/, explained: /†/ },
  { mark: '‡', used: /‡/, explained: /‡/ },
] as const;

/**
 * Marks carried by a table cell or chart label but explained in no note of the page, and marks a
 * note explains that nothing on the page carries.
 */
export function unexplainedMarks(document: Doc): { used: string[]; findings: string[] } {
  const main = document.querySelector('main');
  if (!main) return { used: [], findings: [] };
  const carriers = [...main.querySelectorAll('td, th, svg text, svg tspan')].map((e) => e.textContent ?? '');
  const notes = [...main.querySelectorAll('.note, .caveat, .chart-meta, p.key-figure')].filter((e) => !e.closest('pre, code')).map((e) => e.textContent ?? '');
  const used: string[] = [];
  const findings: string[] = [];
  for (const { mark, used: isUsed, explained } of MARKS) {
    const carried = carriers.some((c) => isUsed.test(c));
    const told = notes.some((n) => explained.test(n));
    if (carried) used.push(mark);
    if (carried && !told) findings.push(`${mark} used, never explained`);
    if (told && !carried) findings.push(`${mark} explained, never used`);
  }
  return { used, findings };
}

/** Each table's figures, as `row name|cell` strings. */
function cellsOf(table: HTMLElement): Set<string> {
  const out = new Set<string>();
  for (const tr of table.querySelectorAll('tbody tr')) {
    const name = (tr.querySelector('th')?.textContent ?? '').trim();
    for (const td of tr.querySelectorAll('td')) {
      const text = (td.textContent ?? '').trim();
      if (text && text !== '—') out.add(`${name}|${text}`);
    }
  }
  return out;
}

/** Tables whose every figure (row name and cell) another table of the page already shows. */
export function repeatedTables(document: Doc): { tables: number; findings: string[] } {
  const tables = [...document.querySelectorAll('main table')].map((t) => ({ caption: (t.querySelector('caption')?.textContent ?? '').trim().slice(0, 40), cells: cellsOf(t) })).filter((t) => t.cells.size > 0);
  const findings: string[] = [];
  tables.forEach((a, i) =>
    tables.forEach((b, j) => {
      if (i === j || a.cells.size > b.cells.size || (a.cells.size === b.cells.size && i > j)) return;
      if ([...a.cells].every((c) => b.cells.has(c))) findings.push(`"${a.caption}" repeats "${b.caption}"`);
    }),
  );
  return { tables: tables.length, findings };
}

/** Charts with more under them than one source line and one disclosure. */
export function chartBlocks(document: Doc): { charts: number; findings: string[] } {
  const figures = [...document.querySelectorAll('figure.chart-figure')];
  const findings: string[] = [];
  for (const figure of figures) {
    const children = [...figure.children];
    const lastSvg = children.map((c) => c.tagName.toLowerCase()).lastIndexOf('svg');
    const under = children.slice(lastSvg + 1);
    const kinds = under.map((c) => (c.tagName === 'DETAILS' ? 'details' : c.tagName === 'P' ? 'p' : c.tagName.toLowerCase()));
    if (lastSvg < 0 || kinds.length > 2 || kinds.filter((k) => k === 'details').length !== 1 || kinds.filter((k) => k === 'p').length > 1 || kinds.some((k) => k !== 'p' && k !== 'details'))
      findings.push(`#${figure.id}: under the chart ${kinds.join(', ') || 'nothing'}`);
  }
  return { charts: figures.length, findings };
}

/**
 * Cells of an area's measures table and a comparison page's whole row that show the group's value
 * where the data sums fewer than two areas into it. `path` is the page's address without its
 * language prefix (`wards/14201/`, `compare/municipalities/support_clinics_count/`).
 */
export function wholeFromOneArea(document: Doc, path: string, site: SiteData, lang: Lang): { rows: number; findings: string[] } {
  const findings: string[] = [];
  let rows = 0;
  const totalOf = (group: string, metric: string) =>
    [...site.derived.cityMetrics, ...site.derived.municipalTotals].find((c) => c.city_code === group && c.metric_id === metric) ?? null;
  const area = /^wards\/(\d+)\/$/.exec(path)?.[1];
  if (area) {
    const table = document.querySelector('section[aria-labelledby="metrics"] table');
    if (!table) return { rows, findings };
    const head = [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').trim());
    const group = groupOfArea(site.tables, area);
    // The whole's column is headed by its name (横浜市全体, All municipalities shown).
    const wholeAt = head.indexOf(groupInfo(site, group, lang).wholeName);
    for (const tr of table.querySelectorAll('tbody tr')) {
      const label = (tr.querySelector('th')?.textContent ?? '').trim();
      const spec = site.derived.specs.find((s) => pick(lang, s.label) === label);
      if (!spec) continue;
      rows++;
      const total = totalOf(group, spec.id);
      const whole = wholeAt < 0 ? '—' : (tr.children[wholeAt]?.textContent ?? '').trim();
      if (whole !== '—' && (!total || total.wards < MIN_COMPARED)) findings.push(`${label}: whole ${whole} sums ${total?.wards ?? 0} area(s)`);
    }
  }
  const compare = /^compare\/([^/]+)\/([^/]+)\/$/.exec(path);
  if (compare) {
    const [, group, metric] = compare as unknown as [string, string, string];
    const total = totalOf(group, metric);
    const table = document.querySelector('main table[data-sortable]') ?? document.querySelector('main table');
    const last = table ? [...table.querySelectorAll('tbody tr')].map((tr) => (tr.querySelector('td')?.textContent ?? '').trim()) : [];
    rows += last.length;
    // The whole's row has no rank: its rank cell is empty. A group summing one area has no such row.
    const wholeRows = table ? [...table.querySelectorAll('tbody tr')].filter((tr) => (tr.children[2]?.textContent ?? '').trim() === '') : [];
    if (total && total.wards < MIN_COMPARED && wholeRows.length > 0) findings.push(`whole row over ${total.wards} area(s)`);
  }
  return { rows, findings };
}
