/**
 * The test of the generator following its data: a 2016 vintage of population, facilities
 * and hub throughput, added by rows only, is checked by the rules already declared. The quality
 * report the gate computes (and the page shows) has the one printed total made wrong among its
 * disagreements and compares every other new figure. Figures worked out by hand in vintage-2016.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate, type GateResult } from '../../../src/lib/pipeline.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';
import { writeVintage2016 } from './vintage-2016.ts';

const work = mkdtempSync(join(tmpdir(), 'vintage-2016-'));
let gate: GateResult;
beforeAll(() => {
  writeVintage2016(join(work, 'data'));
  gate = runGate(join(work, 'data'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The findings about the rows added: below the last line each table had in 1.0.0. */
const of2016 = () => {
  const before = runGate(frozenData).tables;
  const lastLine = (table: string) => before.get(table)!.lines.at(-1)!;
  return gate.quality!.checks.flatMap((c) => c.findings).filter((f) => f.printedAt.every((p) => p.line > lastLine(p.table)));
};

describe('a 2016 vintage added by rows only', () => {
  it('passes the gate', () => {
    expect(gate.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
  it('reports the printed total made wrong, and only it, beside the 1.0.0 disagreements', () => {
    const report = gate.quality!;
    expect(report.disagreements).toHaveLength(7);
    const wrong = report.disagreements.filter((f) => of2016().includes(f));
    expect(wrong.map((f) => [f.checkId, f.area, f.printed, f.recomputed, f.printedAt[0]!.table])).toEqual([['facility-city-totals', '14100', 261, 260, 'document_figures']]);
  });
  it('compares every other new figure', () => {
    // 3 city totals, 3 rates, 18 shares aged 75+, 4 throughput totals, 19 × 2 per-month figures and
    // 18 months in operation: 84 more than the 152 of 1.0.0.
    const byCheck = new Map<string, number>();
    for (const f of of2016()) byCheck.set(f.checkId, (byCheck.get(f.checkId) ?? 0) + 1);
    expect(Object.fromEntries(byCheck)).toEqual({
      'facility-city-totals': 3, 'facility-city-rates': 3, 'aged-75-share': 18, 'hub-throughput-totals': 4, 'hub-per-month': 38, 'hub-months-active': 18,
    });
    expect(gate.quality!.compared).toBe(152 + 84);
  });
  it('recomputes the new rates over the 2016 population', () => {
    const rates = of2016().filter((f) => f.checkId === 'facility-city-rates');
    // 350, 29 and 260 per 3,712,366 people × 100,000.
    expect(rates.map((f) => Math.round(f.recomputed * 1000) / 1000)).toEqual([9.428, 0.781, 7.004]);
    expect(rates.every((f) => f.agrees)).toBe(true);
  });
});
