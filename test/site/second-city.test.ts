/**
 * The generator promise for a second city: a frozen fixture (test/fixtures/city-shiomi: a made-up
 * designated city with four wards and a municipality, its own name, publisher and credit, and a
 * subset of the metrics) builds from configuration and CSVs alone, and its pages speak of it only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const fixture = 'test/fixtures/city-shiomi';
const work = mkdtempSync(join(tmpdir(), 'second-city-'));
const out = join(work, 'site');

beforeAll(() => {
  const r = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, DATA_DIR: fixture, OUT_DIR: out, RELEASES_DIR: join(work, 'no-releases') }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const doc = (path: string) => parseHTML(readFileSync(join(out, path, 'index.html'), 'utf8')).document;
const text = (path: string) => doc(path).body.textContent ?? '';
const pages = () => readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));

describe('a second city, from configuration and CSVs alone', () => {
  it('carries its own title, publisher and credit on every page, and no other city', () => {
    for (const f of pages()) {
      const html = readFileSync(join(out, f), 'utf8');
      expect(html, f).not.toMatch(/横浜|横須賀|Yokohama|Yokosuka/);
      const en = f.startsWith('en/');
      expect(html, f).toContain(en ? 'Shiomi home-care data' : '潮見市 在宅医療のデータ');
      expect(html, f).toContain(en ? 'Shiomi City Health and Welfare Bureau' : '潮見市健康福祉局');
    }
  });
  it('shows only the sections its configuration lists and its data feeds', () => {
    const nav = [...doc('').querySelectorAll('nav.main a')].map((a) => a.textContent);
    expect(nav).toEqual(['概要', '比較', '地域ごと', 'データ', '更新履歴', '計算方法', 'データ品質']);
    expect(pages().some((f) => f.startsWith('hubs/') || f.startsWith('budget/') || f.startsWith('programmes/'))).toBe(false);
  });
  it('ranks each ward among the four wards of its city, against the city’s Σ/Σ', () => {
    // Clinics 12, 12, 3, 6 over populations 120,000, 90,000, 60,000, 30,000:
    // 浜北 1.00, 山手 1.33, 川辺 0.50 (3 clinics: a small count, not ranked), 岬 2.00; the city 33 / 300,000 × 10,000 = 1.10.
    const page = doc('wards/47102');
    expect(page.querySelector('figure h2')!.textContent).toBe('山手区の在宅療養支援診療所（人口1万人あたり）は1.33か所で、3区中2位');
    const bars = [...page.querySelectorAll('figure details tbody tr')].map((r) => r.querySelector('th')!.textContent);
    expect(bars).toEqual(['岬区', '山手区', '浜北区', '川辺区']);
    expect(page.querySelector('figure svg')!.getAttribute('aria-label')).toContain('潮見市全体 1.10');
    expect(text('wards/47103')).toContain('順位なし（数が少ない）');
  });
  it('draws a grid tile map for a city without authored tile positions', () => {
    const map = doc('compare/47100/support_clinics_per_10k_population').querySelectorAll('h2 ~ svg.chart');
    // Drawn for a desktop and for a phone: every ward on each.
    expect(map.length).toBe(2);
    for (const drawing of map) {
      const names = [...drawing.querySelectorAll('text')].map((t) => t.textContent);
      for (const ward of ['浜北', '山手', '川辺', '岬']) expect(names).toContain(ward);
    }
    // The fixture has no boundary file: no boundary map, on the comparison page or the ward's.
    expect(doc('compare/47100/support_clinics_per_10k_population').querySelector('#map')).toBeNull();
    expect(doc('wards/47102').querySelector('#map')).toBeNull();
  });
  it('gives the municipality an ordinary area page against the other municipalities', () => {
    const page = doc('wards/47201');
    expect(page.querySelector('h1')!.textContent).toBe('灯台市');
    expect(page.querySelector('figure svg')).not.toBeNull();
    // 灯台市 10 / 80,000 = 1.25; with 潮見市 by its wards' sum, the municipalities shown 43 / 380,000 = 1.13.
    expect(text('wards/47201')).toContain('在宅療養支援診療所（人口1万人あたり）は1.25か所で、掲載市町村全体の1.13か所を上回ります');
  });
});
