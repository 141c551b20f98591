/**
 * The built site, read as files: every page the issue lists exists in both languages, every ward
 * page carries every metric with its rank and the city value, and nothing is left unrendered.
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { parseMetricSpecs } from '../../src/lib/schema/metric-spec.ts';

const site = inject('siteDir');
const page = (path: string) => parseHTML(readFileSync(join(site, path, 'index.html'), 'utf8')).document;
const specs = parseMetricSpecs(JSON.parse(readFileSync('data/metrics.json', 'utf8')));
const wards = readFileSync('data/areas.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).filter((c) => c[3] === '14100').map((c) => ({ code: c[0]!, ja: c[4]!, en: c[6]! }));

describe('pages in both languages', () => {
  const pages = ['', 'compare/', 'compare/14100/', 'compare/municipalities/', 'wards/', 'hubs/', 'budget/', 'programmes/', 'yokosuka/', 'data/', 'releases/', 'methodology/', 'quality/', 'wards/14100/', 'wards/14201/'];
  for (const p of pages)
    it(`/${p} and /en/${p}`, () => {
      const ja = page(p);
      const en = page(`en/${p}`);
      expect(ja.documentElement.getAttribute('lang')).toBe('ja');
      expect(en.documentElement.getAttribute('lang')).toBe('en');
      expect(ja.querySelectorAll('h1')).toHaveLength(1);
      expect(en.querySelectorAll('h1')).toHaveLength(1);
    });
  it('the update history lists every release with its stable downloads', () => {
    const versions = readFileSync('data/releases.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
    const doc = page('releases');
    for (const v of versions) {
      expect(doc.querySelector(`h2#v${v.replace(/\./g, '-')}`), v).not.toBeNull();
      expect(doc.querySelector(`a[href="/downloads/v${v}/datapackage.json"]`), v).not.toBeNull();
    }
  });
  it('a comparison page per metric and per family count, for the wards and for the municipalities, in both languages', () => {
    for (const group of ['14100', 'municipalities'])
      for (const s of specs) {
        expect(existsSync(join(site, 'compare', group, s.id, 'index.html')), s.id).toBe(true);
        expect(existsSync(join(site, 'en', 'compare', group, s.id, 'index.html')), s.id).toBe(true);
      }
    for (const family of new Set(specs.map((s) => s.family).filter(Boolean))) expect(existsSync(join(site, 'compare', '14100', `${family}_count`, 'index.html'))).toBe(true);
  });
  it('moved addresses lead to their new pages', () => {
    const refresh = (p: string) => page(p).querySelector('meta[http-equiv="refresh"]')?.getAttribute('content');
    expect(refresh('compare/support_clinics_per_10k_population')).toBe('0; url=/compare/14100/support_clinics_per_10k_population/');
    expect(refresh('en/compare/aged_75_share')).toBe('0; url=/en/compare/14100/aged_75_share/');
    expect(refresh('yokosuka')).toBe('0; url=/wards/14201/');
    expect(refresh('en/yokosuka')).toBe('0; url=/en/wards/14201/');
  });
  it('a side-by-side page for every pair of wards, linked from each ward page', () => {
    expect(wards).toHaveLength(18);
    const pairs = readdirSync(join(site, 'wards'), { recursive: true, encoding: 'utf8' }).filter((f) => /\/vs\/\d{5}\/index\.html$/.test(f));
    expect(pairs).toHaveLength((18 * 17) / 2);
    const links = [...page('wards/14103').querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links.filter((h) => h?.includes('/vs/'))).toHaveLength(17);
  });
});

describe('every ward page', () => {
  for (const lang of ['ja', 'en'] as const)
    it(`has every metric with rank and city value (${lang})`, () => {
      for (const ward of wards) {
        const doc = page(`${lang === 'en' ? 'en/' : ''}wards/${ward.code}`);
        expect(doc.querySelector('h1')!.textContent, ward.code).toContain(lang === 'ja' ? ward.ja : ward.en);
        const rows = [...doc.querySelectorAll('#metrics ~ * tbody tr, section[aria-labelledby="metrics"] tbody tr')];
        for (const spec of specs) {
          const row = rows.find((r) => r.querySelector('th')?.textContent === spec.label[lang]);
          expect(row, `${ward.code} ${spec.id}`).toBeDefined();
          const cells = [...row!.querySelectorAll('td')].map((c) => c.textContent!.trim());
          // value, city value, rank n/m, ratio, as of
          expect(cells[1], `${ward.code} ${spec.id} city`).not.toBe('');
          expect(cells[2], `${ward.code} ${spec.id} rank`).toMatch(/^(\d+\/\d+|—|順位なし（数が少ない）|not ranked \*)$/);
        }
      }
    });
  it('opens with a plain-language summary generated from the numbers', () => {
    const summary = [...page('wards/14101').querySelectorAll('section[aria-labelledby="summary"] li')].map((li) => li.textContent);
    // 21 / 282,084 × 10,000 = 0.74; the city 346 / 3,711,450 × 10,000 = 0.93; clinics of October
    // over population of January, which the sentence says.
    expect(summary).toContain('在宅療養支援診療所（人口1万人あたり）は0.74か所で、横浜市全体の0.93か所を下回ります（分子と分母は時点の異なる数値です）。');
    // 訪問看護ステーション per 10,000 aged 75+: 16 / 24,460 × 10,000 = 6.54 against 260 / 392,013 × 10,000 = 6.63,
    // within 5 %: about the same, not "below".
    expect(summary).toContain('訪問看護ステーション（75歳以上人口1万人あたり）は6.54か所で、横浜市全体の6.63か所とほぼ同じです（分子と分母は時点の異なる数値です）。');
  });
  it('shows the hub and the hospitals of its admission agreements', () => {
    const doc = page('wards/14103');
    expect(doc.querySelector('section[aria-labelledby="hub"]')!.textContent).toContain('2013年11月1日');
    expect(doc.querySelector('section[aria-labelledby="hospitals"]')!.textContent).toContain('けいゆう');
  });
});

describe('a figure its source printed otherwise', () => {
  it('is marked where it is used, with both figures and a link to its check on the quality page', () => {
    // 南区 (14105): 23,086 / 194,363 = 11.9 % from the counts; the report prints 8.2 %.
    const ward = page('wards/14105');
    const row = [...ward.querySelectorAll('section[aria-labelledby="metrics"] tbody tr')].find((r) => r.querySelector('th')!.textContent === '75歳以上人口の割合')!;
    expect(row.querySelectorAll('td')[0]!.textContent).toBe('11.9% ‡');
    const note = [...ward.querySelectorAll('section[aria-labelledby="metrics"] p.caveat')].find((p) => p.textContent!.includes('‡'))!;
    expect(note.textContent).toContain('南区の75歳以上人口の割合は、資料では8.2%と印字されていますが、データから計算すると11.9%です');
    expect(note.querySelector('a')!.getAttribute('href')).toBe('/quality/#check-aged-75-share');
    expect(page('quality').querySelector('details#check-aged-75-share')).not.toBeNull();
    expect([...ward.querySelectorAll('section[aria-labelledby="summary"] li')].map((li) => li.textContent)).toContain('75歳以上人口の割合は11.9%で、横浜市全体の10.6%を上回ります（‡資料には8.2%と印字されています）。');
    const compare = page('compare/14100/aged_75_share');
    const cells = [...compare.querySelectorAll('tbody tr')].filter((r) => r.querySelector('th')!.textContent === '南区').map((r) => r.querySelector('td')!.textContent);
    // 南区's row in the comparison list, the one table of the page (the chart and the map point to it).
    expect(cells).toHaveLength(1);
    expect(cells.every((c) => c!.endsWith('‡'))).toBe(true);
    // Only 南区's share disagrees: 鶴見区 has no mark.
    expect(page('wards/14101').body.textContent).not.toContain('‡');
  });
});

describe('glossary terms', () => {
  it('are linked where they first appear, once per page', () => {
    const lead = page('compare/14100/support_clinics_per_10k_population').querySelector('p.lead')!;
    expect(lead.querySelector('a.term')!.getAttribute('href')).toBe('/glossary/#home_care_support_clinic');
    expect(lead.querySelector('a.term')!.textContent).toBe('在宅療養支援診療所');
    for (const path of ['', 'en', 'wards/14101', 'methodology', 'hubs']) {
      const hrefs = [...page(path).querySelectorAll('a.term')].map((a) => a.getAttribute('href'));
      expect(hrefs.length, path).toBeGreaterThan(0);
      expect(new Set(hrefs).size, path).toBe(hrefs.length);
    }
  });
});

describe('sharing', () => {
  it('every page offers LINE, X and mail links with its own address, and nothing loaded from those sites', () => {
    const doc = page('wards/14101');
    const links = [...doc.querySelectorAll('p.share a')].map((a) => a.getAttribute('href')!);
    expect(links).toHaveLength(3);
    expect(links[0]).toMatch(/^https:\/\/social-plugins\.line\.me\/lineit\/share\?url=https?%3A%2F%2F[^&]+%2Fwards%2F14101%2F$/);
    expect(links[1]).toMatch(/^https:\/\/x\.com\/intent\/post\?url=.+%2Fwards%2F14101%2F&text=/);
    expect(links[2]).toMatch(/^mailto:\?subject=.+&body=.+%2Fwards%2F14101%2F$/);
    expect(doc.querySelectorAll('script[src^="http"], iframe, img[src^="http"]')).toHaveLength(0);
  });
});

describe('charts', () => {
  it('are inline SVG images with a text alternative and a data table', () => {
    const doc = page('compare/14100/support_clinics_per_10k_population');
    const svg = doc.querySelector('figure svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toContain('都筑区');
    // The chart's figures are the page's list, which its disclosure links to; a ward's headline
    // chart carries its table in its own.
    const ref = doc.querySelector('figure#ranking details a.chart-table-ref, figure#ranking details .chart-table-ref a')!;
    expect(ref.getAttribute('href')).toBe('#ranking-table');
    expect(doc.getElementById('ranking-table')!.closest('table')!.querySelectorAll('tbody tr').length).toBe(19);
    expect(page('wards/14101').querySelector('figure details table')).not.toBeNull();
    expect(doc.querySelector('figure')!.textContent).toContain('出典');
    // No inner element keeps an aria-label that assistive technology would trip over.
    expect(svg.querySelectorAll('[aria-label]')).toHaveLength(0);
  });
});
