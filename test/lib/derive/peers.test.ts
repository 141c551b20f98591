/**
 * Peer groups worked out by hand on a made-up country of seven municipalities: population bands
 * under 50,000 / 50,000–100,000 / 100,000 and more, and thirds by share aged 75+.
 */
import { describe, expect, it } from 'vitest';
import { derivePeerGroups } from '../../../src/lib/derive/peers.ts';
import { runGate } from '../../../src/lib/pipeline.ts';
import type { Table } from '../../../src/lib/validate/validate-table.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const { tables } = runGate(frozenData);
const withRows = (table: Table, rows: Table['rows']): Table => ({ ...table, rows, lines: rows.map((_, i) => i + 2) });
const area = (code: string, kind: string, parent = '') => ({ area_code: code, kind, parent_code: parent || null, name_ja: code, name_en: code });
const pop = (code: string, population: number, aged: number) => ({ area_code: code, as_of: '2024-01-01', population, aged_75_plus: aged, aged_75_plus_share_printed_pct: null });

const t = new Map(tables);
t.set('areas', withRows(tables.get('areas')!, [
  area('90201', 'city'), area('90202', 'city'), area('90203', 'city'), area('90204', 'city'), area('90205', 'city'),
  area('90100', 'designated_city'), area('90101', 'ward', '90100'), area('90102', 'ward', '90100'),
  area('90130', 'designated_city'), area('90131', 'ward', '90130'), area('90132', 'ward', '90130'),
]));
t.set('population', withRows(tables.get('population')!, [
  pop('90201', 40_000, 4_000), // 10 %
  pop('90202', 45_000, 5_400), // 12 %
  pop('90203', 60_000, 12_000), // 20 %
  pop('90204', 70_000, 15_400), // 22 %
  pop('90205', 80_000, 24_000), // 30 %
  pop('90101', 300_000, 45_000), pop('90102', 300_000, 45_000), // 600,000, 15 %
  pop('90131', 400_000, 124_000), pop('90132', 400_000, 124_000), // 800,000, 31 %
]));
const municipalities = ['90100', '90130', '90201', '90202', '90203', '90204', '90205'];
const groups = derivePeerGroups(t, municipalities, [50_000, 100_000]);
const members = (code: string, kind: string) => groups.get(code)!.filter((g) => g.kind === kind).map((g) => g.members);

describe('peer groups', () => {
  it('put the designated cities together', () => {
    expect(members('90100', 'designated')).toEqual([['90100', '90130']]);
    expect(members('90201', 'designated')).toEqual([]);
  });
  it('group similar municipalities by population band and third by share aged 75+, a city by its wards’ sum', () => {
    // Shares in order: 10, 12, 15 (90100), 20, 22, 30, 31 (90130); thirds cut at the 3rd and 5th: 15 % and 22 %.
    expect(members('90201', 'similar')).toEqual([['90201', '90202']]); // under 50,000, below 15 %
    expect(members('90204', 'similar')).toEqual([['90204', '90205']]); // 50,000–100,000, 22 % and more
    expect(members('90203', 'similar')).toEqual([]); // 50,000–100,000 and 20 %: alone
    expect(members('90100', 'similar')).toEqual([]); // 100,000 and more, 15 %; 90130 is in the top third
    expect(groups.get('90204')!.find((g) => g.kind === 'similar')!.band).toEqual({ min: 50_000, max: 100_000, third: 3 });
  });
});
