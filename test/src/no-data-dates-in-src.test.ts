/**
 * A generator fixes no date of its data in its code: every date and year the data folder holds in
 * its date columns and fiscal years (as-of dates, periods, fiscal years, opening and release
 * dates), written as a date, a year, a fiscal year (FY2021, fy2021) or a Japanese era year (平成27,
 * H27, 令和3, R3), is absent from src/ outside comments. A new vintage or a second city's years
 * change data/, never code. The Japanese era boundaries are the calendar's, not the data's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sourceCode, sourceFiles } from './code-lines.ts';

/** Dates and years of every table of data/ (and its glossary): its date columns and fiscal years. */
function dataDates(dir: string): { dates: Set<string>; years: Set<number> } {
  const dates = new Set<string>();
  const years = new Set<number>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.schema.json'))) {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { fields: { name: string; type: string }[] };
    const columns = schema.fields.filter((f) => f.type === 'date' || f.name === 'fiscal_year').map((f) => f.name);
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, file.replace(/\.schema\.json$/, '.csv')), 'utf8'), { header: true, skipEmptyLines: true }).data;
    for (const row of rows)
      for (const c of columns) {
        const v = row[c]?.trim();
        if (!v) continue;
        if (/^\d{4}-\d{2}-\d{2}$/.test(v)) dates.add(v);
        years.add(Number(v.slice(0, 4)));
      }
  }
  return { dates, years };
}

// The boundaries of the Japanese eras (明治 to 令和), which convert any date, not this data's.
const calendarFacts = ['1868-01-25', '1912-07-29', '1912-07-30', '1926-12-24', '1926-12-25', '1989-01-07', '1989-01-08', '2019-04-30', '2019-05-01'];

/** What a line of code says of the data's time: each data year found as a number, a fiscal year or an era year. */
function datesIn(line: string, years: ReadonlySet<number>): string[] {
  // Character escapes (\u2020) are code points, not years.
  const text = calendarFacts.reduce((t, fact) => t.split(fact).join(''), line).replace(/\\u\{?[0-9A-Fa-f]{4,6}\}?/g, '');
  const found: string[] = [];
  for (const y of years) {
    const forms = [`(?<![0-9])${y}(?![0-9])`];
    if (y >= 1989) forms.push(`平成${y - 1988}(?![0-9])`, `(?<![A-Za-z0-9])H${y - 1988}(?![0-9])`);
    if (y >= 2019) forms.push(`令和${y === 2019 ? '元' : y - 2018}(?![0-9])`, `(?<![A-Za-z0-9])R${y - 2018}(?![0-9])`);
    for (const form of forms) {
      const m = new RegExp(form).exec(text);
      if (m) found.push(m[0]);
    }
  }
  return found;
}

const { dates, years } = dataDates('data');

describe('src/', () => {
  it('writes no date, year or period of the data outside comments', () => {
    expect(dates.size).toBeGreaterThan(20);
    expect(years.size).toBeGreaterThan(8);
    expect(sourceFiles().length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const [at, line] of sourceCode()) for (const d of datesIn(line, years)) found.push(`${at}: ${d}`);
    expect(found).toEqual([]);
  });
});

describe('the search itself', () => {
  it('finds the data’s years in every form and leaves the calendar alone', () => {
    const y = new Set([2015, 2019, 2021]);
    const lines: [string, string[]][] = [
      ["const AS_OF = '2015-10-31';", ['2015']],
      ["[2020, 2021].flatMap((fy) => …)", ['2021']],
      ["figure(t, city, 'fy2015-hubs-new-wards')", ['2015']],
      ["subject: `FY2021 total`", ['2021']],
      ["'平成27年度'", ['平成27']],
      ["'H27'", ['H27']],
      ["'令和元年'", ['令和元']],
      ["'R3'", ['R3']],
      ["const reiwa: Era = { start: '2019-05-01' };", []],
      ["return `${fy}-04-01`;", []],
      ["Math.max(y, 1980) - 1980", []],
      ["const w = 20150;", []],
      ["/[\\u2012\\u2013\\u2014]/", []],
    ];
    expect(lines.map(([l]) => datesIn(l, y))).toEqual(lines.map(([, f]) => f));
    expect(lines).toHaveLength(13);
  });
  it('reads the dates of the data', () => {
    for (const d of ['2015-10-31', '2015-01-01', '2015-04-01', '2015-12-31']) expect(dates.has(d), d).toBe(true);
    for (const y of [2015, 2020, 2021]) expect(years.has(y), String(y)).toBe(true);
  });
});
