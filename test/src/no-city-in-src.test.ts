/**
 * A generator names no city in its code: every city and municipality of data/areas.csv — its
 * code, its Japanese name and its English name — is absent from src/ outside comments, so a
 * second city changes configuration and CSVs, never code.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sourceCode, sourceFiles } from './code-lines.ts';

const areas = Papa.parse<Record<string, string>>(readFileSync('data/areas.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const words = areas
  .filter((a) => a.kind !== 'ward')
  .flatMap((a) => [a.area_code!, a.name_ja!, a.name_ja!.replace(/市$/, ''), a.name_en!.replace(/ City$/, '')]);

describe('src/', () => {
  it('names no city or municipality of the data outside comments', () => {
    expect(sourceFiles().length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const [at, line] of sourceCode()) for (const w of words) if (line.includes(w)) found.push(`${at}: ${w}`);
    expect(found).toEqual([]);
  });
});
