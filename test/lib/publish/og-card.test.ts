/** Preview cards: an area page's own, the families other pages share, and a card's SVG stays well-formed with any text. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cardFamily, cardFor, cardSvg, OWN_CARD_LIMIT } from '../../../src/lib/publish/og-card.ts';
import { loadSiteData } from '../../../src/lib/site-data.ts';
import { generateDataDir } from '../../../bench/lib/synthetic-data.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const site = loadSiteData(frozenData);
const areas = site.tables.get('areas')!.rows;
const ward = areas.find((r) => r.parent_code)!;
const metric = site.derived.specs[0]!.id;

describe('preview cards', () => {
  it('gives each area page its own card; pairs share their city’s, a metric’s comparisons theirs, and the rest the site’s', () => {
    expect(cardFamily(site, `wards/${ward.area_code}/`)).toEqual({ kind: 'area', code: String(ward.area_code) });
    expect(cardFamily(site, `wards/${ward.parent_code}/`)).toEqual({ kind: 'area', code: String(ward.parent_code) });
    expect(cardFamily(site, `wards/${ward.area_code}/vs/${ward.parent_code}/`)).toEqual({ kind: 'area', code: String(ward.parent_code) });
    expect(cardFamily(site, `compare/${ward.parent_code}/${metric}/`)).toEqual({ kind: 'metric', id: metric });
    expect(cardFamily(site, `compare/municipalities/${metric}/`)).toEqual({ kind: 'metric', id: metric });
    for (const path of ['', 'budget/', 'compare/', `compare/${ward.parent_code}/`, 'wards/', 'wards/99999/']) expect(cardFamily(site, path), path).toEqual({ kind: 'site' });
  });

  it('makes one card per family and language', () => {
    expect(cardFor(site, 'ja', `wards/${ward.area_code}/`)).not.toBe(cardFor(site, 'ja', `wards/${ward.parent_code}/`));
    expect(cardFor(site, 'ja', `wards/${ward.area_code}/vs/99999/`)).toBe(cardFor(site, 'ja', `wards/${ward.parent_code}/`));
    expect(cardFor(site, 'en', `wards/${ward.area_code}/`).file).not.toBe(cardFor(site, 'ja', `wards/${ward.area_code}/`).file);
    expect(cardFor(site, 'ja', '').file).toBe('og/ja-site.png');
  });

  it('shows a ward its own headline figure and standing: Tsurumi, 0.74 clinics per 10,000 people, 12th of 18', () => {
    // The 2016 hub report: 21 support clinics, 282,084 people on 1 Jan 2015 → 0.744 per 10,000;
    // twelfth of Yokohama's 18 wards (the ranking the ward's comparison page prints).
    const tsurumi = cardFor(site, 'en', 'wards/14101/');
    expect(tsurumi.file).toBe('og/en-area-14101.png');
    expect(tsurumi.lines.title).toBe('Tsurumi Ward (Yokohama City)');
    // The unit in words beside the figure, as the Japanese card has its counter.
    expect(tsurumi.lines.figure).toEqual({ value: '0.74', unit: 'clinics per 10,000 population' });
    expect(tsurumi.alt).toContain('Tsurumi Ward');
    expect(tsurumi.alt).toMatch(/: 0\.74 clinics per 10,000 population$/);
    expect(tsurumi.alt).toContain('rank 12 of 18');
    const ja = cardFor(site, 'ja', 'wards/14101/');
    expect(ja.lines.figure).toEqual({ value: '0.74', unit: 'か所' });
    expect(ja.alt).toContain('18区中12位');
  });

  it('puts a unit too long to follow its figure on a line of its own', () => {
    const lines = { small: 's', title: 't', footer: 'f' };
    const short = cardSvg({ file: 'og/a.png', alt: '', lines: { ...lines, figure: { value: '0.74', unit: 'か所' } } }, 'Noto Sans CJK JP');
    expect(short).toMatch(/>0\.74<tspan font-size="48" dx="12">か所<\/tspan><\/text>/);
    const long = cardSvg({ file: 'og/b.png', alt: '', lines: { ...lines, figure: { value: '0.74', unit: 'clinics per 10,000 population aged 75 and over' } } }, 'Noto Sans CJK JP');
    expect(long).toMatch(/>0\.74<\/text>/);
    expect(long).toMatch(/font-size="36" font-weight="bold" fill="#0017c1">clinics per 10,000 population aged 75 and over<\/text>/);
  });

  it('writes well-formed SVG of 1200×630 whatever the text, cutting a long title to two lines', () => {
    const card = { file: 'og/x.png', alt: '', lines: { small: 'A & <B>', title: '長い題名'.repeat(40), subtitle: '"q"\n2015', figure: { value: '1,234', unit: '<人>' }, footer: 'P & Q' } };
    const svg = cardSvg(card, "Noto Sans CJK JP");
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/^<svg [^>]*width="1200" height="630"/);
    expect(svg.match(/font-weight="bold">/g)).toHaveLength(2);
    expect(svg).toContain('…</text>');
  });

  it('lets the municipalities of a national site share one card, while cities with wards and their wards keep theirs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cards-'));
    try {
      generateDataDir({ areas: OWN_CARD_LIMIT + 100, vintages: 1, outDir: dir, seed: 1 });
      const big = loadSiteData(dir);
      const rows = big.tables.get('areas')!.rows;
      const alone = rows.find((r) => !r.parent_code && !rows.some((w) => w.parent_code === r.area_code))!;
      const wardOf = rows.find((r) => r.parent_code)!;
      expect(cardFamily(big, `wards/${alone.area_code}/`)).toEqual({ kind: 'municipalities' });
      expect(cardFamily(big, `wards/${wardOf.area_code}/`)).toEqual({ kind: 'area', code: String(wardOf.area_code) });
      expect(cardFamily(big, `wards/${wardOf.parent_code}/`)).toEqual({ kind: 'area', code: String(wardOf.parent_code) });
      expect(cardFor(big, 'en', `wards/${alone.area_code}/`).alt).toMatch(/\d+ municipalities/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
