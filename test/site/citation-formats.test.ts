/**
 * A citation for a reference manager as well as for a reader: every chart's cite block and every
 * release on the update history give the citation as text, as BibTeX and as CSL-JSON, each naming
 * the licence data/site.json configures.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parsePage } from '../html.ts';

const site = inject('siteDir');
const config = JSON.parse(readFileSync('data/site.json', 'utf8'));
const licenceUrl: string = config.licence.data.url;
const releases = readFileSync('data/releases.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',', 2) as [string, string]);
const pages = (readdirSync(site, { recursive: true }) as string[]).filter((f) => f === 'index.html' || f.endsWith(`${sep}index.html`));
const docOf = (f: string) => parsePage(readFileSync(join(site, f), 'utf8'));

/** A structural check of one BibTeX entry: `@type{key,`, `field = {value},` lines with balanced braces, `}`. */
function bibtexProblems(text: string): string[] {
  const problems: string[] = [];
  const lines = text.trim().split('\n');
  const head = /^@(misc|dataset)\{([A-Za-z0-9_:.-]+),$/.exec(lines[0] ?? '');
  if (!head) problems.push(`head: ${lines[0]}`);
  if (lines.at(-1) !== '}') problems.push(`end: ${lines.at(-1)}`);
  const fields = new Map<string, string>();
  for (const line of lines.slice(1, -1)) {
    const m = /^ {2}([a-z]+) = \{(.*)\},?$/.exec(line);
    if (!m) {
      problems.push(`line: ${line}`);
      continue;
    }
    let depth = 0;
    for (const [i, c] of [...m[2]!].entries()) {
      if (c === '{' && m[2]![i - 1] !== '\\') depth++;
      if (c === '}' && m[2]![i - 1] !== '\\') depth--;
      if (depth < 0) break;
    }
    if (depth !== 0) problems.push(`braces: ${line}`);
    if (fields.has(m[1]!)) problems.push(`repeated field ${m[1]}`);
    fields.set(m[1]!, m[2]!);
  }
  for (const f of ['title', 'author', 'publisher', 'year', 'version', 'url', 'note']) if (!fields.has(f)) problems.push(`no ${f}`);
  if (!/^\d{4}$/.test(fields.get('year') ?? '')) problems.push(`year ${fields.get('year')}`);
  if (!(fields.get('note') ?? '').includes(licenceUrl)) problems.push('note lacks the licence');
  return problems;
}

/** What a CSL-JSON item of a dataset must carry here. */
function cslProblems(text: string, version: string): string[] {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (err) {
    return [`not JSON: ${(err as Error).message}`];
  }
  if (!Array.isArray(items) || items.length !== 1) return ['not an array of one item'];
  const item = items[0] as Record<string, unknown>;
  const problems: string[] = [];
  if (item.type !== 'dataset') problems.push(`type ${String(item.type)}`);
  for (const f of ['id', 'title', 'publisher', 'URL', 'version']) if (typeof item[f] !== 'string' || !(item[f] as string).length) problems.push(`no ${f}`);
  if (item.version !== version) problems.push(`version ${String(item.version)}`);
  const author = item.author as { literal?: string }[] | undefined;
  if (!Array.isArray(author) || !author[0]?.literal) problems.push('no author');
  const issued = (item.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  if (!issued || issued.length !== 3 || issued.some((n) => !Number.isInteger(n))) problems.push('no issued date');
  if (item.license !== licenceUrl) problems.push(`license ${String(item.license)}`);
  return problems;
}

describe('the structural BibTeX check', () => {
  it('finds a missing brace, a missing field and a missing licence', () => {
    const good = `@misc{a-1,\n  title = {T {X}},\n  author = {{P}},\n  publisher = {{P}},\n  year = {2026},\n  version = {1.0.0},\n  url = {https://e.org/},\n  note = {Licence: ${licenceUrl}}\n}`;
    expect(bibtexProblems(good)).toEqual([]);
    expect(bibtexProblems(good.replace('T {X}', 'T {X')).some((p) => p.startsWith('braces: '))).toBe(true);
    expect(bibtexProblems(good.replace(/ {2}year = \{2026\},\n/, ''))).toEqual(['no year', 'year undefined']);
    expect(bibtexProblems(good.replace(licenceUrl, 'https://example.org/'))).toEqual(['note lacks the licence']);
  });
});

describe('citations in three forms', () => {
  it('every chart’s cite block gives text, BibTeX and CSL-JSON, each with the configured licence', () => {
    const release = releases.at(-1)![0];
    let charts = 0;
    const failures: string[] = [];
    for (const f of pages) {
      for (const figure of docOf(f).querySelectorAll('figure.chart-figure')) {
        charts++;
        const where = `${f}#${figure.id}`;
        const block = figure.querySelector('details.cite');
        const text = block?.querySelector('.cite-text')?.textContent ?? '';
        const bibtex = block?.querySelector('pre.cite-bibtex')?.textContent ?? '';
        const csl = block?.querySelector('pre.cite-csl')?.textContent ?? '';
        if (!text.includes(licenceUrl)) failures.push(`${where}: text lacks the licence`);
        for (const p of bibtexProblems(bibtex)) failures.push(`${where}: BibTeX ${p}`);
        for (const p of cslProblems(csl, release)) failures.push(`${where}: CSL-JSON ${p}`);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(charts).toBeGreaterThan(50);
  });

  it.each([['releases/index.html'], ['en/releases/index.html'], ['yasashii/releases/index.html']])('each release on %s gives text, BibTeX and CSL-JSON', (file) => {
    const page = docOf(file);
    expect(releases.length).toBeGreaterThan(0);
    for (const [version, date] of releases) {
      const section = page.querySelector(`section[aria-labelledby="v${version.replace(/\./g, '-')}"]`)!;
      const block = section.querySelector('details.cite')!;
      expect(block, version).not.toBeNull();
      expect(block.querySelector('.cite-text')!.textContent, version).toContain(licenceUrl);
      expect(block.querySelector('.cite-text')!.textContent, version).toContain(`/downloads/v${version}/`);
      expect(bibtexProblems(block.querySelector('pre.cite-bibtex')!.textContent!), version).toEqual([]);
      expect(block.querySelector('pre.cite-bibtex')!.textContent, version).toContain(`year = {${date.slice(0, 4)}}`);
      expect(cslProblems(block.querySelector('pre.cite-csl')!.textContent!, version), version).toEqual([]);
    }
  });
});
