/**
 * The maps from real boundaries, read from the built site as a reader meets them: on every ward
 * comparison page and every ward page, a map whose every ward is a link to that ward's page,
 * filled in the quintile the comparison table gives it, the page's own ward outlined, with the
 * boundaries' credit under it and the chart's SVG file beside the page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { colors, quintileFill } from '../../src/charts/palette.ts';

const site = inject('siteDir');
const doc = (path: string) => parseHTML(readFileSync(join(site, path, 'index.html'), 'utf8')).document;

// The wards of data/areas.csv by name, read from the data rather than written out again.
const areaRows = readFileSync('data/areas.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const wards = areaRows.filter((r) => r[2] === 'ward');
const city = wards[0]![3]!;
const codeByName = new Map(wards.map((r) => [r[4]!, r[0]!]));
const credit = '国土数値情報（行政区域データ）（国土交通省）を加工して作成';

/** Each ward's quintile as the comparison list, the table the page's ranking chart points to, gives it. */
function tableQuintiles(page: Document): Map<string, string> {
  const table = page.getElementById('ranking-table')!.closest('table')!;
  const head = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
  const column = head.indexOf('五分位（1が最も多い）');
  expect(column).toBeGreaterThan(0);
  const out = new Map<string, string>();
  for (const tr of table.querySelectorAll('tbody tr')) {
    const cells = [...tr.children].map((c) => c.textContent!.trim());
    const code = codeByName.get(cells[0]!.replace(/\s*[※*].*$/, ''));
    if (code) out.set(code, cells[column]!);
  }
  return out;
}

/** The map's links (wide drawing) as code → fill, and how many shapes are outlined as the page's own. */
function mapLinks(page: Document): { fills: Map<string, string>; outlined: number } {
  const svg = page.querySelector('#map svg.chart-wide')!;
  expect(svg, 'a map drawn from boundaries').not.toBeNull();
  const fills = new Map<string, string>();
  for (const a of svg.querySelectorAll('a')) {
    const code = /\/wards\/(\d{5})\/$/.exec(a.getAttribute('href') ?? '')?.[1];
    expect(code, a.getAttribute('href') ?? '').toBeDefined();
    fills.set(code!, a.querySelector('path')!.getAttribute('fill')!);
  }
  const outlined = [...svg.querySelectorAll('g')].filter((g) => g.getAttribute('stroke') === colors.highlight).flatMap((g) => [...g.querySelectorAll('path')]).length;
  return { fills, outlined };
}

const fillOf = (quintile: string) => (quintile === '—' ? null : quintileFill[Number(quintile) - 1]);

describe('maps from real boundaries', () => {
  it(`has the ${wards.length} wards of ${city} to draw`, () => {
    expect(wards).toHaveLength(18);
    expect(new Set(wards.map((r) => r[3]))).toEqual(new Set([city]));
  });

  it('draws every ward comparison page with a map of 18 linked wards, each in its table quintile', () => {
    const metrics = readdirSync(join(site, 'compare', city), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(site, 'compare', city, d.name, 'index.html'))).map((d) => d.name);
    expect(metrics.length).toBeGreaterThan(10);
    let pages = 0;
    for (const metric of metrics) {
      const page = doc(`compare/${city}/${metric}`);
      const quintiles = tableQuintiles(page);
      const { fills, outlined } = mapLinks(page);
      expect([...fills.keys()].sort(), metric).toEqual([...codeByName.values()].sort());
      let checked = 0;
      for (const [code, fill] of fills) {
        const expected = fillOf(quintiles.get(code) ?? '—');
        if (expected) expect(fill, `${metric} ${code}`).toBe(expected);
        checked++;
      }
      expect(checked).toBe(18);
      expect(outlined).toBe(0);
      expect(page.querySelector('#map')!.textContent).toContain(credit);
      expect(existsSync(join(site, 'compare', city, metric, 'charts', 'map.svg'))).toBe(true);
      // The tile map is for data without boundaries.
      expect(page.querySelectorAll('svg.chart').length).toBe(page.querySelectorAll('figure svg.chart').length);
      pages++;
    }
    expect(pages).toBe(metrics.length);
  });

  it('draws every ward page with its city map, the ward outlined and every ward a link in its quintile', () => {
    let pages = 0;
    for (const [name, code] of codeByName) {
      const page = doc(`wards/${code}`);
      const { fills, outlined } = mapLinks(page);
      expect(fills.size, name).toBe(18);
      expect(outlined, name).toBe(1);
      // The quintiles of the map's own table, which lists every ward.
      const rows = [...page.querySelectorAll('#map details tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
      expect(rows).toHaveLength(18);
      let checked = 0;
      for (const row of rows) {
        const expected = fillOf(row[3]!);
        const ward = codeByName.get(row[0]!.replace(/\s*[※*].*$/, ''))!;
        if (expected) expect(fills.get(ward), `${name}: ${row[0]}`).toBe(expected);
        checked++;
      }
      expect(checked).toBe(18);
      expect(page.querySelector('#map')!.textContent).toContain(credit);
      pages++;
    }
    expect(pages).toBe(18);
  });

  it('links the wards to the English pages on the English map', () => {
    const { fills } = mapLinks(doc(`en/compare/${city}/support_clinics_per_10k_population`));
    expect(fills.size).toBe(18);
    const hrefs = [...doc(`en/compare/${city}/support_clinics_per_10k_population`).querySelectorAll('#map svg.chart-wide a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toHaveLength(18);
    for (const href of hrefs) expect(href).toMatch(/^\/en\/wards\/\d{5}\/$/);
  });
});
