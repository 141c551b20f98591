/**
 * A generator names no city in its code: every city and municipality of data/areas.csv — its
 * code, its Japanese name and its English name — is absent from src/ outside comments, so a
 * second city changes configuration and CSVs, never code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

const areas = Papa.parse<Record<string, string>>(readFileSync('data/areas.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const words = areas
  .filter((a) => a.kind !== 'ward')
  .flatMap((a) => [a.area_code!, a.name_ja!, a.name_ja!.replace(/市$/, ''), a.name_en!.replace(/ City$/, '')]);

/** Source lines without comments: whole-line // and block comments, and JSDoc lines. */
function codeLines(text: string): [number, string][] {
  const out: [number, string][] = [];
  let inBlock = false;
  text.split('\n').forEach((line, i) => {
    const t = line.trim();
    if (inBlock) {
      if (t.includes('*/')) inBlock = false;
      return;
    }
    if (t.startsWith('/*') || t.startsWith('<!--')) {
      inBlock = !t.includes('*/') && !t.includes('-->');
      return;
    }
    if (t.startsWith('//') || t.startsWith('*')) return;
    out.push([i + 1, line.replace(/\s\/\/ .*$/, '')]);
  });
  return out;
}

describe('src/', () => {
  it('names no city or municipality of the data outside comments', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|astro|css|js|mjs)$/.test(f));
    expect(files.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const f of files)
      for (const [n, line] of codeLines(readFileSync(join('src', f), 'utf8')))
        for (const w of words) if (line.includes(w)) found.push(`src/${f}:${n}: ${w}`);
    expect(found).toEqual([]);
  });
});
