/**
 * Sources named once: the data page lists each document of data/sources.csv once, with its date
 * to the precision it is known, and every table names each of its documents once, linked to that
 * entry; a chart's source line never names a document twice.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { parsePage } from '../html.ts';

const site = inject('siteDir');
const documents = Papa.parse<Record<string, string>>(readFileSync('data/sources.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const jaDate = (iso: string, precision: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return precision === 'day' ? `${y}年${m}月${d}日` : precision === 'month' ? `${y}年${m}月` : `${y}年`;
};

describe.each([['ja'], ['en']])('the data page (%s)', (lang) => {
  const page = parsePage(readFileSync(join(site, ...(lang === 'en' ? ['en'] : []), 'data', 'index.html'), 'utf8'));

  it('lists every source document once, with its publisher, title and date', () => {
    const items = [...page.querySelectorAll('#sources ~ ul.sources > li')];
    expect(items.map((li) => li.id)).toEqual(documents.map((d) => `doc-${d.document_id}`));
    for (const [i, d] of documents.entries()) {
      const text = items[i]!.textContent!;
      if (lang === 'ja') {
        expect(text).toContain(`${d.publisher_ja}「${d.title_ja}」`);
        expect(text).toContain(jaDate(d.published!, d.published_precision!));
      } else {
        expect(text).toContain(d.title_en);
        expect(text).toContain(d.published!.slice(0, 4));
      }
      // Documents whose date is known only to the year say it was inferred.
      expect(/（推定）|\(inferred\)/.test(text)).toBe(d.published_precision !== 'day');
    }
  });

  it('names each document once per table, linked to its entry', () => {
    let tables = 0;
    for (const card of page.querySelectorAll('section.table-card')) {
      const items = [...card.querySelectorAll('dd ul li')];
      if (items.length) tables++;
      // Each entry is one document, linked to its entry in the list of documents.
      const links = items.map((li) => li.querySelectorAll('a[href^="#doc-"]'));
      for (const [i, l] of links.entries()) expect(l.length, `${card.getAttribute('aria-labelledby')}: ${items[i]!.textContent}`).toBe(1);
      const hrefs = links.map((l) => l[0]?.getAttribute('href'));
      expect(new Set(hrefs).size, card.getAttribute('aria-labelledby')!).toBe(hrefs.length);
      for (const h of hrefs) expect(page.getElementById(h!.slice(1)), h!).not.toBeNull();
    }
    expect(tables).toBeGreaterThan(10);
  });
});

describe('chart source lines', () => {
  it('name each document at most once', () => {
    const pages = (readdirSync(site, { recursive: true }) as string[]).filter((f) => f === 'index.html' || (f.endsWith(`${sep}index.html`) && !f.startsWith(`en${sep}`)));
    let lines = 0;
    for (const f of pages) {
      for (const p of parsePage(readFileSync(join(site, f), 'utf8')).querySelectorAll('figure p.chart-meta')) {
        const text = p.textContent!;
        if (!text.startsWith('出典：')) continue;
        lines++;
        for (const d of documents) expect(text.split(`「${d.title_ja}」`).length - 1, `${f}: ${text}`).toBeLessThanOrEqual(1);
      }
    }
    expect(lines).toBeGreaterThan(50);
  });
});
