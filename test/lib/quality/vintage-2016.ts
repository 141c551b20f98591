/**
 * A copy of the frozen 1.0.0 data folder with a 2016 vintage added by rows only (no schema, rule or
 * code change): population on 1 January 2016, home-care facilities on 31 October 2016 with the
 * city's printed totals and rates, and hub throughput for April–December 2016. One printed total
 * is made wrong: the city's visiting-nurse stations, printed 261 where the wards add up to 260.
 * These 2016 figures are test fixtures, not published data.
 *
 * Every ward as in 2015, except 鶴見区 (14101): 283,000 people of whom 24,460 aged 75+ (8.643 %,
 * printed 8.6), and 25 clinics; 南区's share is printed as its counts give it (11.9). The wards'
 * sums: clinics 346 − 21 + 25 = 350, hospitals 29, nurse stations 260; population
 * 3,711,450 − 282,084 + 283,000 = 3,712,366. Hubs: 10 new clients, 1 continuing, 30 actions in
 * every ward, open the 9 months April–December, except 14110's, opened 1 May 2016: 8.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { frozenData } from '../../fixtures/frozen-data.ts';

const wards = Array.from({ length: 18 }, (_, i) => String(14101 + i));

/** Writes the folder to `dir`; returns how many rows each table gained. */
export function writeVintage2016(dir: string): Record<string, number> {
  cpSync(frozenData, dir, { recursive: true });
  const append = (table: string, rows: string[]) => {
    const file = join(dir, `${table}.csv`);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, (text.endsWith('\n') ? text : `${text}\n`) + rows.map((r) => `${r}\n`).join(''));
    return rows.length;
  };
  const rowsOf = (table: string, first: string, second: string) =>
    readFileSync(join(frozenData, `${table}.csv`), 'utf8').split('\n').filter((l) => l.startsWith(first) && l.split(',')[1] === second);

  const population = rowsOf('population', '141', '2015-01-01').map((l) => {
    const [code, , people, aged, share] = l.split(',');
    if (code === '14101') return `${code},2016-01-01,283000,${aged},8.6`;
    if (code === '14105') return `${code},2016-01-01,${people},${aged},11.9`;
    return `${code},2016-01-01,${people},${aged},${share}`;
  });
  const facilities = rowsOf('home_care_facilities', '141', '2015-10-31').map((l) => {
    const cells = l.split(',');
    cells[1] = '2016-10-31';
    if (cells[0] === '14101') cells[2] = '25';
    return cells.join(',');
  });
  const figure = (id: string, value: number, unit: [string, string], label: [string, string]) =>
    `yokohama-${id}-2016-10,,14100,2016-10-31,2016-10-31,${value},${unit[0]},${unit[1]},${label[0]},${label[1]},actual,yokohama-hub-report-2016,test fixture,`;
  const count: [string, string] = ['か所', 'facilities'];
  const rate: [string, string] = ['か所/10万人', 'per 100000 population'];
  const figures = [
    figure('support-clinics', 350, count, ['在宅療養支援診療所（全市）', 'Home-care support clinics (city)']),
    figure('support-hospitals', 29, count, ['在宅療養支援病院（全市）', 'Home-care support hospitals (city)']),
    figure('nurse-stations', 261, count, ['訪問看護ステーション（全市）', 'Visiting-nurse stations (city)']), // made wrong: 260
    // 350 / 3,712,366 × 100,000 = 9.428; 29 → 0.781; 260 → 7.004.
    figure('support-clinics-per-100k', 9.4, rate, ['在宅療養支援診療所（人口10万人あたり）', 'Home-care support clinics per 100000 population']),
    figure('support-hospitals-per-100k', 0.8, rate, ['在宅療養支援病院（人口10万人あたり）', 'Home-care support hospitals per 100000 population']),
    figure('nurse-stations-per-100k', 7, rate, ['訪問看護ステーション（人口10万人あたり）', 'Visiting-nurse stations per 100000 population']),
  ];
  // 10 / 9 = 1.1 → 1 and 30 / 9 = 3.3 → 3; 14110: 10 / 8 = 1.25 → 1, 30 / 8 = 3.75 → 4.
  // The city: 17 × 9 + 8 = 161 months, 180 new, 18 continuing, 540 actions; 1.1 → 1, 3.4 → 3.
  const hub = wards.map((code) => (code === '14110' ? `${code},2016-04-01,2016-12-31,8,10,1,1,30,4` : `${code},2016-04-01,2016-12-31,9,10,1,1,30,3`));
  const added = {
    population: append('population', population),
    home_care_facilities: append('home_care_facilities', facilities),
    document_figures: append('document_figures', figures),
    hub_throughput: append('hub_throughput', ['14100,2016-04-01,2016-12-31,161,180,1,18,540,3', ...hub]),
  };
  expect(added).toEqual({ population: 18, home_care_facilities: 18, document_figures: 6, hub_throughput: 19 });
  return added;
}
