/**
 * The city as a parameter, at national shape: the project's synthetic country (300 areas, 3
 * vintages) is built, and for every ward of every city the page compares it only with the wards of
 * its own city, ranks it "of N" with N that city's ranked wards, and draws the city's Σ/Σ —
 * recomputed here from the generated CSVs, not read from the code. No page of another city
 * mentions the real cities, and every area page has a chart.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'country-'));
const data = join(work, 'data');
const out = join(work, 'site');
const csv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(data, `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;

beforeAll(() => {
  const gen = spawnSync(process.execPath, ['bench/generate-data.ts', '--areas', '300', '--vintages', '3', '--out', data], { encoding: 'utf8' });
  expect(gen.status, gen.stderr).toBe(0);
  const r = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, DATA_DIR: data, OUT_DIR: out }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const doc = (path: string) => parseHTML(readFileSync(join(out, path, 'index.html'), 'utf8')).document;
const real = (code: string) => code.startsWith('141') || code === '14201';

describe('every ward of every city in a synthetic country', () => {
  const areas = () => csv('areas');
  it('is charted, ranked and referenced within its own city only', () => {
    const wards = areas().filter((a) => a.kind === 'ward');
    const cities = new Set(wards.map((w) => w.parent_code!));
    expect(cities.size).toBeGreaterThan(2);
    // The headline metric, support clinics per 10,000 people, recomputed from the CSVs: the city's
    // latest facilities date and the population date nearest to it.
    const facilities = csv('home_care_facilities');
    const population = csv('population');
    let checked = 0;
    for (const city of cities) {
      const members = wards.filter((w) => w.parent_code === city);
      const names = new Set(members.map((w) => w.name_ja!));
      const own = facilities.filter((f) => members.some((m) => m.area_code === f.area_code));
      const date = own.map((f) => f.as_of!).sort().at(-1)!;
      const atDate = own.filter((f) => f.as_of === date);
      const popDates = [...new Set(population.filter((p) => members.some((m) => m.area_code === p.area_code)).map((p) => p.as_of!))];
      const popDate = popDates.sort((a, b) => Math.abs(Date.parse(a) - Date.parse(date)) - Math.abs(Date.parse(b) - Date.parse(date)) || a.localeCompare(b))[0]!;
      let clinics = 0, people = 0, stable = 0;
      for (const f of atDate) {
        const p = population.find((x) => x.area_code === f.area_code && x.as_of === popDate);
        if (!p || f.support_clinics === '') continue;
        clinics += Number(f.support_clinics);
        people += Number(p.population);
        if (Number(f.support_clinics) >= 5) stable++;
      }
      const cityValue = ((clinics / people) * 10000).toFixed(2);
      const cityName = areas().find((a) => a.area_code === city)!.name_ja!;
      for (const ward of members) {
        const page = doc(`wards/${ward.area_code}`);
        const figure = page.querySelector('figure#support-clinics-per-10k-population')!;
        expect(figure, ward.area_code).not.toBeNull();
        const rows = [...figure.querySelectorAll('details tbody tr th')].map((th) => th.textContent!);
        expect(rows.length, ward.area_code).toBe(members.length);
        for (const r of rows) expect(names.has(r), `${ward.area_code}: ${r} is not a ward of ${cityName}`).toBe(true);
        const title = figure.querySelector('h2')!.textContent!;
        const rank = /(\d+)区中(\d+)位$/.exec(title);
        if (rank) expect(Number(rank[1]), `${ward.area_code} ${title}`).toBe(stable);
        else expect(title, ward.area_code).toContain('順位なし');
        expect(figure.querySelector('svg')!.getAttribute('aria-label'), ward.area_code).toContain(`${cityName}全体 ${cityValue}`);
        checked++;
      }
    }
    expect(checked).toBe(wards.length);
  });
  // A municipality's page compares it with every municipality, the real cities among them, so the
  // check covers the pages of the other cities' wards: their area, pair and comparison pages.
  it('draws each city’s wards as a tile map: the country has no boundary file', () => {
    const cities = [...new Set(areas().filter((a) => a.kind === 'ward').map((a) => a.parent_code!))];
    expect(cities.length).toBeGreaterThan(1);
    let seen = 0;
    for (const city of cities) {
      const page = doc(`compare/${city}/support_clinics_per_10k_population`);
      expect(page.querySelector('#map'), city).toBeNull();
      expect(page.querySelectorAll('h2 ~ svg.chart').length, city).toBeGreaterThan(0);
      seen++;
    }
    expect(seen).toBe(cities.length);
  });
  it('mentions no real city on the pages of another city’s wards', () => {
    const others = areas().filter((a) => a.kind === 'ward' && !real(a.area_code!)).map((a) => a.area_code!);
    for (const f of readdirSync(join(out, 'wards'), { recursive: true, encoding: 'utf8' }))
      if (/^\d{5}\/vs\/\d{5}\/index\.html$/.test(f) && !real(f.slice(0, 5))) others.push(f.slice(0, -'/index.html'.length).replace('/vs/', '/vs/'));
    const paths = others.flatMap((code) => [`wards/${code}`, `en/wards/${code}`]).filter((p) => existsSync(join(out, p, 'index.html')));
    expect(paths.some((p) => p.includes('/vs/'))).toBe(true);
    const groups = readdirSync(join(out, 'compare'), { withFileTypes: true }).filter((d) => d.isDirectory() && /^\d{5}$/.test(d.name) && !real(d.name)).map((d) => d.name);
    // Each metric's comparison of the group (charts/ holds the group page's chart files).
    for (const g of groups) for (const f of readdirSync(join(out, 'compare', g))) if (f !== 'index.html' && f !== 'charts') paths.push(`compare/${g}/${f}`);
    expect(paths.length).toBeGreaterThan(others.length);
    for (const p of paths) expect(readFileSync(join(out, p, 'index.html'), 'utf8'), p).not.toMatch(/横浜|横須賀|Yokohama|Yokosuka/);
  });
  it('draws every ward over the 3 vintages: its value at each, recomputed from the CSVs, and every ward’s change on its comparison page', () => {
    const wards = areas().filter((a) => a.kind === 'ward');
    const facilities = csv('home_care_facilities');
    const population = csv('population');
    for (const city of new Set(wards.map((w) => w.parent_code!))) {
      const members = wards.filter((w) => w.parent_code === city);
      const ward = members[0]!;
      const rows = [...doc(`wards/${ward.area_code}`).querySelectorAll('section[aria-labelledby="trends"] figure details tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
      const own = facilities.filter((f) => f.area_code === ward.area_code).sort((a, b) => a.as_of!.localeCompare(b.as_of!));
      expect(rows.length, ward.area_code).toBe(own.length);
      expect(own.length).toBe(3);
      own.forEach((f, i) => {
        // The population of the latest date on or before the clinics' date.
        const p = population.filter((x) => x.area_code === ward.area_code && x.as_of! <= f.as_of!).sort((a, b) => b.as_of!.localeCompare(a.as_of!))[0]!;
        expect(rows[i]![1], `${ward.area_code} ${f.as_of}`).toBe(`${((Number(f.support_clinics) / Number(p.population)) * 10000).toFixed(2)}か所`);
      });
      const change = [...doc(`compare/${city}/support_clinics_per_10k_population`).querySelectorAll('section[aria-labelledby="trend"] figure details tbody tr th')].map((th) => th.textContent);
      expect(change.sort(), city).toEqual(members.map((m) => m.name_ja!).sort());
    }
  });
  it('shows a municipality the ranks around it, in its chart and its table alike, and links the whole list', () => {
    // 300 areas: the municipalities are one group of far more than a chart can show.
    const municipalities = areas().filter((a) => !a.parent_code);
    expect(municipalities.length).toBeGreaterThan(100);
    // A city with wards leads with its wards instead.
    const parents = new Set(areas().map((a) => a.parent_code).filter(Boolean));
    const whole = doc('compare/municipalities/support_clinics_per_10k_population');
    const listed = new Set([...whole.getElementById('ranking-table')!.closest('table')!.querySelectorAll('tbody tr th')].map((th) => th.textContent!.trim().replace(/[＊*†]$/, '')));
    expect(municipalities.filter((m) => !listed.has(m.name_ja!)).map((m) => m.name_ja)).toEqual([]);
    let checked = 0;
    for (const m of municipalities.filter((a) => !parents.has(a.area_code)).slice(0, 40)) {
      const figure = doc(`wards/${m.area_code}`).querySelector('figure#support-clinics-per-10k-population');
      if (!figure) continue;
      const rows = [...figure.querySelectorAll('details tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
      // The 15 ranks around it (7 either side), and itself where it has no rank: the chart's bars.
      expect(rows.length, m.area_code).toBeGreaterThan(1);
      expect(rows.length, m.area_code).toBeLessThanOrEqual(16);
      expect(rows.some((r) => r[0]!.startsWith(m.name_ja!)), m.area_code).toBe(true);
      const ranks = rows.map((r) => /^(\d+)\//.exec(r[2]!)?.[1]).filter((r) => r !== undefined).map(Number);
      expect(ranks.length, m.area_code).toBeGreaterThan(1);
      // Neighbouring ranks in order (ties share a rank, and the next skips as many).
      ranks.forEach((r, i) => {
        if (i === 0) return;
        expect(r, m.area_code).toBeGreaterThanOrEqual(ranks[i - 1]!);
        expect(r, m.area_code).toBeLessThanOrEqual(ranks[0]! + i);
      });
      const link = [...figure.querySelectorAll('details a')].find((a) => a.getAttribute('href')!.endsWith('compare/municipalities/support_clinics_per_10k_population/'));
      expect(link, m.area_code).toBeDefined();
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });
  it('places every municipality among its peers, naming the group', () => {
    const municipalities = areas().filter((a) => !a.parent_code);
    let withPeers = 0;
    for (const m of municipalities) {
      const section = doc(`wards/${m.area_code}`).querySelector('section[aria-labelledby="peers"]');
      if (!section) continue;
      withPeers++;
      const peerRows = section.querySelectorAll('tbody tr');
      expect(peerRows.length, m.area_code).toBeGreaterThan(0);
      for (const tr of peerRows) {
        const cells = [...tr.children].map((c) => c.textContent!.trim());
        expect(cells[0], m.area_code).toMatch(/^(規模と高齢化が似た市町村（.+）|ほかの政令指定都市)$/);
        expect(cells[3], m.area_code).toMatch(/^(\d+中\d+位|順位なし（数が少ない）)$/);
      }
    }
    // Five population bands by three thirds: nearly every municipality has company.
    expect(withPeers / municipalities.length).toBeGreaterThan(0.9);
    const designated = municipalities.filter((m) => m.kind === 'designated_city');
    expect(designated.length).toBeGreaterThan(1);
    for (const d of designated) expect(doc(`wards/${d.area_code}`).querySelector('section[aria-labelledby="peers"]')!.textContent, d.area_code).toContain('ほかの政令指定都市');
  });
  it('reaches every area page from the top page within two links, through a list per city', () => {
    const linksOf = (path: string) =>
      [...doc(path).querySelectorAll('main a[href]')].map((a) => new URL(a.getAttribute('href')!, 'http://x/').pathname).filter((h) => !h.startsWith('/downloads/'));
    const pageOf = (href: string) => href.replace(/^\//, '').replace(/\/$/, '');
    for (const lang of ['', 'en/']) {
      const first = new Set(linksOf(lang));
      const second = new Set([...first].flatMap((h) => (existsSync(join(out, pageOf(h), 'index.html')) ? linksOf(pageOf(h)) : [])));
      const areaPages = areas().map((a) => `/${lang}wards/${a.area_code}/`);
      expect(areaPages.length).toBeGreaterThan(50);
      expect(areaPages.filter((p) => !first.has(p) && !second.has(p)), lang).toEqual([]);
      // Not every one on the top page: a list per city with wards, and one of the municipalities.
      const cities = new Set(areas().filter((a) => a.parent_code).map((a) => a.parent_code!));
      expect(areaPages.filter((p) => first.has(p)).length, lang).toBeLessThan(areaPages.length / 2);
      const hrefs = [...doc(lang).querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')!);
      expect([...cities].filter((city) => !hrefs.some((h) => h.endsWith(`/wards/#c-${city}`))), lang).toEqual([]);
    }
  });
  it('gives every area a page with at least one chart', () => {
    let pages = 0;
    for (const a of areas()) {
      for (const lang of ['', 'en/']) {
        const page = doc(`${lang}wards/${a.area_code}`);
        expect(page.querySelectorAll('figure svg.chart').length, `${lang}${a.area_code}`).toBeGreaterThan(0);
        pages++;
      }
    }
    expect(pages).toBe(2 * areas().length);
    expect(areas().length).toBeGreaterThan(10);
  });
});

describe('the data-quality report of a national data folder', () => {
  // The share aged 75+ printed on each population row, recomputed from the same row: one figure per row.
  const printedShares = () => csv('population').filter((p) => p.aged_75_plus_share_printed_pct !== '');
  it('publishes every compared figure once, one per line of data-quality.json', () => {
    const text = readFileSync(join(out, 'data-quality.json'), 'utf8');
    const report = JSON.parse(text) as { compared: number; disagreements: unknown[]; checks: { id: string; rules: { compared: number }[]; findings: { agrees: boolean }[] }[] };
    const shares = report.checks.find((c) => c.id === 'aged-75-share')!;
    expect(printedShares().length).toBeGreaterThan(500);
    expect(shares.findings).toHaveLength(printedShares().length);
    expect(report.checks.reduce((n, c) => n + c.findings.length, 0)).toBe(report.compared);
    for (const c of report.checks) expect(c.rules.reduce((n, r) => n + r.compared, 0), c.id).toBe(c.findings.length);
    // Each finding and disagreement on a line of its own, and nowhere else.
    const findingLines = text.split('\n').filter((l) => l.includes('"checkId":'));
    expect(findingLines).toHaveLength(report.compared + report.disagreements.length);
    for (const line of findingLines) expect(() => JSON.parse(line.trim().replace(/,$/, ''))).not.toThrow();
  });
  it('lists on the quality page every disagreement of a check and the first 100 figures that agree, and says where the rest are', () => {
    const check = doc('quality').querySelector('details#check-aged-75-share')!;
    const results = [...check.querySelector('table')!.querySelectorAll('tbody tr')].map((tr) => tr.lastElementChild!.textContent!.trim());
    const report = JSON.parse(readFileSync(join(out, 'data-quality.json'), 'utf8')) as { checks: { id: string; findings: { agrees: boolean }[] }[] };
    const findings = report.checks.find((c) => c.id === 'aged-75-share')!.findings;
    const agreeing = findings.filter((f) => f.agrees).length;
    expect(agreeing).toBeGreaterThan(100);
    expect(results.filter((r) => r === '一致')).toHaveLength(100);
    expect(results.filter((r) => r === '不一致')).toHaveLength(findings.length - agreeing);
    const note = check.querySelector('p.note')!;
    expect(note.textContent).toContain(`一致した${agreeing.toLocaleString('ja-JP')}件のうち、100件を載せています。`);
    expect(note.querySelector('a')!.getAttribute('href')).toBe('/data-quality.json');
  });
});
