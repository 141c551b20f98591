/**
 * The evaluator of declared consistency rules, on small tables written out here: each kind of
 * rule, each way of relating rows (wards, vintages, matching columns, dates inside a period), and
 * every reason a printed figure is not compared. Expected figures are worked out by hand in the
 * comments.
 */
import { describe, expect, it } from 'vitest';
import { consistencyRule, type ConsistencyRule } from '../../../src/lib/schema/consistency-spec.ts';
import { evaluateRule, monthsOpen, type RuleResult } from '../../../src/lib/quality/evaluate-rule.ts';
import { dayBefore, meets } from '../../../src/lib/quality/related-rows.ts';
import { areas, tablesOf } from './literal-tables.ts';

const rule = (spec: unknown): ConsistencyRule => consistencyRule.parse({ subject: { ja: '{area}の{figure_id}（{vintage}）', en: '{figure_id}, {area}, {vintage}' }, ...(spec as object) });
/** Findings as [line, printed, recomputed rounded to 4 places, agrees]. */
const found = (r: RuleResult) => r.findings.map((f) => [f.printedAt[0]!.line, f.printed, Math.round(f.recomputed * 1e4) / 1e4, f.agrees]);
const skipped = (r: RuleResult) => r.skipped.map((s) => [s.at.line, s.reason]);

const tables = tablesOf({
  areas,
  figures: {
    fields: { figure_id: 'string', area_code: 'string', source: 'string', period_start: 'date', period_end: 'date', value: 'number' },
    vintage: ['period_start', 'period_end'],
    csv: `
ko-clinics-2015,10000,report,2015-10-31,2015-10-31,7
ko-clinics-2016,10000,report,2016-10-31,2016-10-31,10
ko-clinics-2017,10000,report,2017-10-31,2017-10-31,12
otsu-clinics-2015,20000,report,2015-10-31,2015-10-31,2
ko-clinics-2018,10000,report,2018-10-31,,3
ko-rate-2016,10000,report,2016-10-31,2016-10-31,0.2
ko-fy2014-new,10000,report,2014-04-01,2015-03-31,1
ko-fy2015-new,10000,report,2015-04-01,2016-03-31,1
ko-fy2016-new,10000,report,2016-04-01,2017-03-31,1
ko-fy2016-cumulative,10000,report,2016-04-01,2017-03-31,2
ko-agreed,10000,plan,2017-01-01,2017-01-01,2`,
  },
  facilities: {
    fields: { area_code: 'string', as_of: 'date', clinics: 'integer' },
    vintage: ['as_of'],
    csv: `
10001,2015-10-31,3
10002,2015-10-31,4
10001,2016-10-31,5
10002,2016-10-31,4
20000,2015-10-31,2`,
  },
  population: {
    fields: { area_code: 'string', as_of: 'date', population: 'integer' },
    vintage: ['as_of'],
    csv: `
10001,2015-01-01,1000
10002,2015-01-01,1000
10001,2016-01-01,2000
10002,2016-01-01,2500
10001,2017-01-01,9000
10002,2017-01-01,9000`,
  },
  shares: {
    fields: { area_code: 'string', as_of: 'date', part: 'integer', whole: 'integer', share: 'number' },
    vintage: ['as_of'],
    csv: `
10001,2015-01-01,1,3,33.3
10002,2015-01-01,1,3,33
20000,2015-01-01,1,3,33.4
10000,2015-01-01,1,0,5
10000,2016-01-01,1,2,`,
  },
  budget: {
    fields: { fiscal_year: 'integer', line: 'string', amount: 'integer', change: 'integer' },
    vintage: ['fiscal_year'],
    csv: `
2020,a,100,
2020,b,50,
2021,a,120,20
2021,b,40,-5
2021,c,7,7
2022,a,130,10
2024,a,150,20`,
  },
  hubs: {
    fields: { area_code: 'string', as_of: 'date', opened_on: 'date', printed: 'string' },
    vintage: ['as_of'],
    csv: `
10001,2016-02-19,2015-01-05,1月5日（月）
10002,2016-02-19,,
10002,2021-01-01,2016-05-01,5月1日（土）
20000,2016-02-19,2016-05-01,28年5月`,
  },
  hospitals: {
    fields: { area_code: 'string', source: 'string', hospital_id: 'string', note: 'string' },
    csv: `
10001,plan,h1,
10001,plan,h2,
10002,plan,h1,
10002,plan,h3,甲市外の病院
10002,other,h4,`,
  },
  throughput: {
    fields: { area_code: 'string', period_start: 'date', period_end: 'date', months: 'integer' },
    vintage: ['period_start', 'period_end'],
    csv: `
10001,2015-04-01,2015-12-31,9
10002,2015-04-01,2015-12-31,1
10000,2015-04-01,2015-12-31,10`,
  },
  surveys: { fields: { survey_id: 'string', responses: 'integer' }, csv: 's1,10\ns2,6\ns4,3\ns4,4' },
  results: { fields: { survey_id: 'string', answer: 'string', base: 'integer' }, csv: 's1,a,10\ns2,b,5\ns3,c,4\ns4,d,3' },
});

describe('a printed total against the sum of its parts', () => {
  const result = evaluateRule(tables, 'totals', 0, rule({
    kind: 'sum',
    printed: { table: 'figures', column: 'value', where: { figure_id: { pattern: '.+-clinics-[0-9]{4}' } } },
    parts: { table: 'facilities', column: 'clinics', areas: 'wards', vintage: 'same' },
    explanations: [{ where: { figure_id: 'ko-clinics-2016' }, text: { ja: '理由', en: 'reason' } }],
  }));
  it('adds the wards of the figure’s area at the figure’s own date', () => {
    // 2015: 3 + 4 = 7 as printed; 2016: 5 + 4 = 9, printed 10.
    expect(found(result)).toEqual([[2, 7, 7, true], [3, 10, 9, false]]);
  });
  it('lists a figure with no parts at its date, and one whose period is blank, as not compared', () => {
    expect(skipped(result)).toEqual([[4, 'no-rows'], [6, 'no-vintage']]);
  });
  it('leaves out the figures of an area without wards', () => {
    expect(result.findings.concat().map((f) => f.area)).toEqual(['10000', '10000']);
    expect(result.skipped.some((s) => s.at.line === 5)).toBe(false);
  });
  it('keeps the area and vintage for the page and fills the row’s columns into the subject', () => {
    const [first] = result.findings;
    expect(first!.subject).toEqual({ ja: '{area}のko-clinics-2015（{vintage}）', en: 'ko-clinics-2015, {area}, {vintage}' });
    expect(first!.vintage).toEqual({ start: '2015-10-31', end: '2015-10-31' });
    expect(first!.printedAt).toEqual([{ table: 'figures', line: 2, column: 'value' }]);
  });
  it('attaches an explanation to the rows it names only', () => {
    expect(result.findings.map((f) => f.explanation?.en ?? null)).toEqual([null, 'reason']);
  });
});

describe('a printed rate against its recomputation', () => {
  it('divides by each ward’s newest population at or before the figure’s date', () => {
    const result = evaluateRule(tables, 'rates', 0, rule({
      kind: 'ratio',
      printed: { table: 'figures', column: 'value', where: { figure_id: 'ko-rate-2016' } },
      numerator: { table: 'facilities', column: 'clinics', areas: 'wards' },
      denominator: { table: 'population', column: 'population', areas: 'wards', vintage: 'latest' },
      scale: 100,
    }));
    // (5 + 4) / (2,000 + 2,500) × 100 = 0.2; January 2015 would give 0.45, January 2017 0.05.
    expect(found(result)).toEqual([[7, 0.2, 0.2, true]]);
  });
  it('compares a share of the same row to its printed precision', () => {
    const share = (digits?: number) => evaluateRule(tables, 'shares', 0, rule({
      kind: 'ratio', printed: { table: 'shares', column: 'share', ...(digits === undefined ? {} : { digits }) },
      numerator: { column: 'part' }, denominator: { column: 'whole' }, scale: 100,
    }));
    // 1 / 3 = 33.33 %: 33.3 agrees (±0.05), 33 agrees (±0.5), 33.4 does not; a whole of 0 is not divided by.
    expect(found(share())).toEqual([[2, 33.3, 33.3333, true], [3, 33, 33.3333, true], [4, 33.4, 33.3333, false]]);
    expect(skipped(share())).toEqual([[5, 'zero']]);
    // Printed to one decimal place (33.0 read as 33), 33 no longer agrees.
    expect(found(share(1)).map((f) => f[3])).toEqual([true, false, false]);
  });
});

describe('a printed change against this year minus the year before', () => {
  const result = evaluateRule(tables, 'changes', 0, rule({
    kind: 'difference', subject: { ja: '{line}' },
    printed: { table: 'budget', column: 'change' },
    value: { column: 'amount' },
    minus: { table: 'budget', column: 'amount', vintage: 'previous', match: ['line'] },
  }));
  it('takes the same line of the fiscal year just before', () => {
    // a: 120 − 100 = 20; b: 40 − 50 = −10, printed −5; 2022 a: 130 − 120 = 10.
    expect(found(result)).toEqual([[4, 20, 20, true], [5, -5, -10, false], [7, 10, 10, true]]);
  });
  it('does not reach back past a missing year, nor guess a line that was not there', () => {
    // 2024's year before, 2023, has no rows (2022 is not taken instead); line c is new in 2021.
    expect(skipped(result)).toEqual([[6, 'no-rows'], [8, 'no-rows']]);
  });
});

describe('a printed count', () => {
  it('counts each ward’s newest row whose date falls in the period, or up to its end', () => {
    const during = evaluateRule(tables, 'openings', 0, rule({
      kind: 'count', printed: { table: 'figures', column: 'value', where: { figure_id: { pattern: 'ko-fy[0-9]+-new' } } },
      rows: { table: 'hubs', areas: 'wards', vintage: 'newest', during: 'opened_on' },
    }));
    // FY2014: 東区 (5 Jan 2015); FY2015: none (西区's newest row says May 2016); FY2016: 西区.
    expect(found(during)).toEqual([[8, 1, 1, true], [9, 1, 0, false], [10, 1, 1, true]]);
    const through = evaluateRule(tables, 'openings', 1, rule({
      kind: 'count', printed: { table: 'figures', column: 'value', where: { figure_id: 'ko-fy2016-cumulative' } },
      rows: { table: 'hubs', areas: 'wards', vintage: 'newest', through: 'opened_on' },
    }));
    expect(found(through)).toEqual([[11, 2, 2, true]]);
  });
  it('counts distinct values among the rows of the same source, leaving out those the where excludes', () => {
    const result = evaluateRule(tables, 'hospitals', 0, rule({
      kind: 'count', printed: { table: 'figures', column: 'value', where: { figure_id: 'ko-agreed' } },
      rows: { table: 'hospitals', areas: 'wards', vintage: 'all', match: ['source'], where: { note: { notContains: '甲市外' } }, distinct: 'hospital_id' },
    }));
    // h1 (listed by both wards), h2; h3 is outside the city, h4 from another source.
    expect(found(result)).toEqual([[12, 2, 2, true]]);
  });
});

describe('a printed figure repeated from another row', () => {
  const result = evaluateRule(tables, 'bases', 0, rule({
    kind: 'equals', subject: { ja: '{answer}' },
    printed: { table: 'results', column: 'base' },
    value: { table: 'surveys', column: 'responses', vintage: 'all', match: ['survey_id'] },
  }));
  it('compares with the one matching row', () => expect(found(result)).toEqual([[2, 10, 10, true], [3, 5, 6, false]]));
  it('does not compare with none or with two', () => expect(skipped(result)).toEqual([[4, 'no-rows'], [5, 'several']]));
});

describe('months in operation and printed weekdays', () => {
  const months = (unmatched: 'report' | 'skip') => evaluateRule(tables, 'months', 0, rule({
    kind: 'months', unmatched, printed: { table: 'throughput', column: 'months' },
    from: { table: 'hubs', column: 'opened_on', vintage: 'newest' },
  }));
  it('counts the calendar months from the opening inside the period', () => {
    // 東区 opened before April: April–December = 9; 西区 opened May 2016, after the period: 0, printed 1.
    expect(found(months('report'))).toEqual([[2, 9, 9, true], [3, 1, 0, false]]);
    expect(skipped(months('report'))).toEqual([[4, 'no-rows']]);
    expect(skipped(months('skip'))).toEqual([]);
  });
  it('reads the weekday printed after a date', () => {
    const result = evaluateRule(tables, 'weekdays', 0, rule({ kind: 'weekday', subject: { ja: '{area}' }, printed: { table: 'hubs', column: 'printed' }, date: { column: 'opened_on' } }));
    // 5 Jan 2015 was a Monday (1); 1 May 2016 a Sunday (0), printed 土 (6); 28年5月 prints no weekday.
    expect(found(result)).toEqual([[2, 1, 1, true], [4, 6, 0, false]]);
  });
  it('helpers: months open, the day before', () => {
    expect(monthsOpen('2015-09-01', '2015-04-01', '2015-12-31')).toBe(4);
    expect(monthsOpen('2015-11-16', '2015-04-01', '2015-12-31')).toBe(2);
    expect(monthsOpen('2013-11-01', '2015-04-01', '2015-12-31')).toBe(9);
    expect(monthsOpen('2016-01-29', '2015-04-01', '2015-12-31')).toBe(0);
    expect([dayBefore('2021-04-01'), dayBefore('2016-03-01'), dayBefore('2016-01-01')]).toEqual(['2021-03-31', '2016-02-29', '2015-12-31']);
  });
});

describe('conditions', () => {
  it('match values as written, blanks, lists, negations, bounds, text and patterns', () => {
    const cases: [Parameters<typeof meets>[0], Parameters<typeof meets>[1], boolean][] = [
      [2021, '2021', true], [2021, 2021, true], ['total', 'total', true], ['a', 'total', false],
      [null, null, true], ['', null, true], [0, null, false],
      ['a', ['a', 'b'], true], ['c', ['a', 'b'], false],
      ['total', { not: 'total' }, false], ['a', { not: 'total' }, true], [null, { not: null }, false], [5, { not: null }, true],
      [1, { above: 0 }, true], [0, { above: 0 }, false], [null, { above: 0 }, false],
      ['甲市外の病院', { contains: '市外' }, true], ['甲市外の病院', { notContains: '甲市外' }, false], [null, { notContains: 'x' }, true],
      ['ko-clinics-2015', { pattern: '.+-clinics-[0-9]{4}' }, true], ['ko-clinics-per-100k-2015', { pattern: '.+-clinics-[0-9]{4}' }, false],
    ];
    expect(cases.map(([v, c]) => meets(v, c))).toEqual(cases.map((c) => c[2]));
    expect(cases).toHaveLength(21);
  });
});
