/**
 * Citing a figure: every chart on every page has a readable anchor, its data table one derived
 * from it, and a citation naming the release, the page's anchor, the exact data files of that
 * release and the licence site.json configures; the copy button is hidden until a script can use the clipboard.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parsePage, textWithoutRuby } from '../html.ts';

const site = inject('siteDir');
const release = readFileSync('data/releases.csv', 'utf8').trim().split('\n').at(-1)!.split(',')[0]!;
// The licence data/site.json configures, named by its identifier and address.
const licence = JSON.parse(readFileSync('data/site.json', 'utf8')).licence.data as { id: string; url: string };
const pages = (readdirSync(site, { recursive: true }) as string[]).filter((f) => f === 'index.html' || f.endsWith(`${sep}index.html`));
const docOf = (f: string) => parsePage(readFileSync(join(site, f), 'utf8'));

describe('chart citations', () => {
  it('every chart has a readable anchor, a table anchor derived from it and a full citation', () => {
    let charts = 0;
    const failures: string[] = [];
    for (const f of pages) {
      const doc = docOf(f);
      const english = f.startsWith(`en${sep}`);
      for (const figure of doc.querySelectorAll('figure.chart-figure')) {
        charts++;
        const id = figure.id;
        const where = `${f}#${id}`;
        if (!/^[a-z][a-z0-9-]*[a-z0-9]$/.test(id)) failures.push(`${where}: anchor is not a readable name`);
        // Its table in its disclosure, anchored after it, or a link to the page's table holding its figures.
        const table = figure.querySelector('table caption');
        const ref = figure.querySelector('.chart-table-ref a')?.getAttribute('href');
        if (table ? table.id !== `${id}-table` : !ref || !doc.getElementById(ref.slice(1))?.closest('table')) failures.push(`${where}: table anchor ${table?.id ?? ref}`);
        const cite = figure.querySelector('.cite-text')?.textContent ?? '';
        const expected = [
          english ? `release ${release} (` : `版 ${release}（`,
          `/${f.split(sep).slice(0, -1).join('/')}${f === 'index.html' ? '' : '/'}#${id}`.replace(/^\/\//, '/'),
          licence.id,
          licence.url,
          // The heading as written: ふりがな (an edition's <rt>, <rp>) are not part of the title.
          textWithoutRuby(figure.querySelector('h2, h3')!),
          // The exact files of the release the page links.
          ...[...figure.querySelectorAll('a[download][href*="/downloads/"]')].map((a) => `/downloads/v${release}/${a.getAttribute('href')!.split(`/downloads/v${release}/`)[1]}`),
        ];
        for (const part of expected) if (!cite.includes(part)) failures.push(`${where}: citation lacks ${part}`);
        const button = figure.querySelector('button[data-copy]');
        if (!button || !button.hasAttribute('hidden') || button.getAttribute('data-copy') !== `${id}-cite`) failures.push(`${where}: copy button`);
      }
    }
    expect(failures).toEqual([]);
    expect(charts).toBeGreaterThan(50);
  });

  it('tables outside charts are anchored by their caption words, not a hash', () => {
    const doc = docOf(join('en', 'quality', 'index.html'));
    const ids = [...doc.querySelectorAll('table caption')].map((c) => [c.id, c.textContent!.toLowerCase().split(/\W+/)[0]!] as const);
    expect(ids.length).toBeGreaterThan(2);
    for (const [id, word] of ids) expect(id).toMatch(new RegExp(`^tbl-${word}(-|$)`));
  });
});
