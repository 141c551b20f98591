/**
 * The synthetic data directory used to measure the build at national scale: it must be valid
 * data that the build accepts, of the size asked for, with the real rows and checks intact.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lgCode } from '../../bench/lib/lg-code.ts';
import { generateDataDir } from '../../bench/lib/synthetic-data.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import type { Finding } from '../../src/lib/quality/finding.ts';
import { runChecks } from '../../src/lib/quality/run-checks.ts';
import { runGate } from '../../src/lib/pipeline.ts';

const N = 200;
const V = 3;
const work = mkdtempSync(join(tmpdir(), 'synthetic-data-'));
const dir = join(work, 'a');
const summary = generateDataDir({ areas: N, vintages: V, outDir: dir });
const result = runGate(dir);
const rows = (table: string) => result.tables.get(table)?.rows ?? [];
afterAll(() => rmSync(work, { recursive: true, force: true }));

// JIS X 0402, written out again here rather than taken from the generator.
const checkDigit = (code: string) => {
  const r = [6, 5, 4, 3, 2].reduce((sum, w, i) => sum + w * Number(code[i]), 0) % 11;
  const check = 11 - r;
  return check === 10 ? 0 : check === 11 ? 1 : check;
};

describe('synthetic data directory', () => {
  it('validates with no errors', () => {
    expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(summary.areas).toBe(N);
  });

  it('has N areas with unique 5-digit codes, wards inside designated cities', () => {
    const areas = rows('areas');
    expect(areas.length).toBe(N);
    const codes = areas.map((a) => String(a.area_code));
    expect(new Set(codes).size).toBe(N);
    for (const c of codes) expect(c).toMatch(/^\d{5}$/);
    const kinds = new Map(areas.map((a) => [String(a.area_code), a.kind]));
    const wards = areas.filter((a) => a.kind === 'ward');
    expect(wards.length).toBeGreaterThan(18);
    for (const w of wards) expect(kinds.get(String(w.parent_code)), String(w.area_code)).toBe('designated_city');
  });

  it('gives every area population figures for V vintages', () => {
    const vintages = new Map<string, Set<string>>();
    for (const r of rows('population')) vintages.set(String(r.area_code), (vintages.get(String(r.area_code)) ?? new Set()).add(String(r.as_of)));
    for (const a of rows('areas')) expect(vintages.get(String(a.area_code))?.size, String(a.area_code)).toBe(V);
  });

  it('writes lg_code with the JIS X 0402 check digit', () => {
    const handChecked = { '14100': '141003', '14101': '141011', '14201': '142018', '13101': '131016' };
    for (const [code, lg] of Object.entries(handChecked)) {
      expect(code + checkDigit(code)).toBe(lg);
      expect(lgCode(code)).toBe(lg);
    }
    for (const a of rows('areas')) expect(a.lg_code).toBe(String(a.area_code) + checkDigit(String(a.area_code)));
  });

  it('keeps every row of data/ verbatim', () => {
    for (const file of readdirSync('data').filter((f) => f.endsWith('.csv'))) {
      const generated = new Set(readFileSync(join(dir, file), 'utf8').split('\n'));
      for (const line of readFileSync(join('data', file), 'utf8').split('\n').filter((l) => l !== '')) expect(generated.has(line), `${file}: ${line}`).toBe(true);
    }
  });

  it('adds no disagreement to the consistency checks', () => {
    const gate = runGate('data');
    const real = runChecks(gate.tables, gate.consistency);
    // A disagreement is known by its check, area, vintage and figures: the subject alone names no area.
    const key = (d: Finding) => JSON.stringify([d.checkId, d.subject.en, d.area, d.vintage, d.printed]);
    const known = new Set(real.disagreements.map(key));
    expect(known.size).toBe(6);
    const report = runChecks(result.tables, result.consistency);
    expect(report.compared).toBeGreaterThanOrEqual(real.compared);
    expect(report.disagreements.map(key).filter((s) => !known.has(s))).toEqual([]);
  });

  it('is the same for the same seed and differs for another', () => {
    const again = generateDataDir({ areas: N, vintages: V, outDir: join(work, 'b') });
    const other = generateDataDir({ areas: N, vintages: V, outDir: join(work, 'c'), seed: 7 });
    for (const t of Object.keys(summary.rows)) expect(readFileSync(join(work, 'b', `${t}.csv`), 'utf8'), t).toBe(readFileSync(join(dir, `${t}.csv`), 'utf8'));
    expect(readFileSync(join(work, 'c', 'population.csv'), 'utf8')).not.toBe(readFileSync(join(dir, 'population.csv'), 'utf8'));
    expect(again.rows).toEqual(summary.rows);
    expect(other.areas).toBe(N);
  });
});
