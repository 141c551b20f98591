/**
 * The relations a schema declares between values, each rule on a small literal table: the exact
 * place and message of what cannot be true (an error) or is only unusual (a warning).
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { parseTableSchema, type TableSchema } from '../../../src/lib/schema/table-schema.ts';
import { checkRelations, type RelationContext } from '../../../src/lib/validate/validate-relations.ts';
import { validateTable, type Table } from '../../../src/lib/validate/validate-table.ts';

const title = { ja: 'テスト', en: 'test' };
function table(name: string, csv: string, fields: [string, string][], relations: unknown[] = [], primaryKey = [fields[0]![0]]): Table {
  const parsed = parseTableSchema({ name, title, description: title, primaryKey, fields: fields.map(([n, type]) => ({ name: n, type, title })), relations });
  if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
  const r = validateTable(`data/${name}.csv`, new TextEncoder().encode(csv), parsed.schema);
  if (!r.table) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.table;
}
const today: RelationContext = { releasedOn: { date: '2026-12-07', ja: '今日（2026-12-07）', en: 'today (2026-12-07)' } };
const lines = (tables: Table[], context = today) => checkRelations(new Map(tables.map((t) => [t.name, t])), context).map(formatProblem);

const populationFields: [string, string][] = [['area_code', 'string'], ['as_of', 'date'], ['population', 'integer'], ['aged_75_plus', 'integer']];
const populationCsv = 'area_code,as_of,population,aged_75_plus\n14101,2015-01-01,282084,24460\n14102,2015-01-01,1,23086\n14103,2015-01-01,30000,23000\n';

describe('atMost: a part never exceeds its whole', () => {
  it('in the same row: the part is refused at its cell', () => {
    const t = table('population', populationCsv, populationFields, [{ rule: 'atMost', field: 'aged_75_plus', limit: 'population' }], ['area_code', 'as_of']);
    expect(lines([t])).toEqual([
      'data/population.csv:3:4: error: 「aged_75_plus」（23086）が「population」（1）を超えています（スキーマの決まり: aged_75_plus ≤ population） / "aged_75_plus" (23086) is greater than "population" (1); the schema declares aged_75_plus ≤ population',
    ]);
  });
  it('in another table, matched on the declared columns; rows without a match are not compared', () => {
    const population = table('population', populationCsv, populationFields, [], ['area_code', 'as_of']);
    const care = table('care', 'area_code,as_of,certified\n14101,2015-01-01,10474\n14102,2015-01-01,9185\n14102,2016-01-01,9999999\n', [['area_code', 'string'], ['as_of', 'date'], ['certified', 'integer']], [
      { rule: 'atMost', field: 'certified', limit: { table: 'population', field: 'population', on: ['area_code', 'as_of'] } },
    ], ['area_code', 'as_of']);
    expect(lines([population, care])).toEqual([
      'data/care.csv:3:3: error: 「certified」（9185）がpopulation.csv 3行目の「population」（1）を超えています（スキーマの決まり: certified ≤ population.population） / "certified" (9185) is greater than "population" of population.csv line 3 (1); the schema declares certified ≤ population.population',
    ]);
  });
  it('between dates: a period that ends before it starts', () => {
    const t = table('periods', 'id,period_start,period_end\na,2015-04-01,2015-12-31\nb,2015-12-31,2015-04-01\n', [['id', 'string'], ['period_start', 'date'], ['period_end', 'date']], [{ rule: 'atMost', field: 'period_start', limit: 'period_end' }]);
    expect(lines([t])).toEqual([
      'data/periods.csv:3:2: error: 「period_start」（2015-12-31）が「period_end」（2015-04-01）より後です（スキーマの決まり: period_start ≤ period_end） / "period_start" (2015-12-31) is after "period_end" (2015-04-01); the schema declares period_start ≤ period_end',
    ]);
  });
});

describe('share: a part unusually large or small beside its whole', () => {
  it('is a warning where the schema says so', () => {
    const t = table('population', populationCsv, populationFields, [{ rule: 'share', part: 'aged_75_plus', whole: 'population', minimumPct: 2, maximumPct: 50, severity: 'warning' }], ['area_code', 'as_of']);
    // 24460 / 282084 = 8.7 % passes; 23086 / 1 and 23000 / 30000 = 76.7 % do not.
    expect(lines([t])).toEqual([
      'data/population.csv:3:4: warning: 「aged_75_plus」が「population」の2308600%です。想定の範囲（2%～50%）の外です。値を確かめてください / "aged_75_plus" is 2308600% of "population", outside the expected range (2–50%); check the figures',
      'data/population.csv:4:4: warning: 「aged_75_plus」が「population」の76.7%です。想定の範囲（2%～50%）の外です。値を確かめてください / "aged_75_plus" is 76.7% of "population", outside the expected range (2–50%); check the figures',
    ]);
  });
});

describe('notAfterRelease: no figure describes a day after its publication', () => {
  const fields: [string, string][] = [['area_code', 'string'], ['as_of', 'date']];
  it('today, for data not released yet', () => {
    const t = table('facilities', 'area_code,as_of\n14101,2015-10-31\n14102,2099-01-01\n14103,2026-12-07\n', fields, [{ rule: 'notAfterRelease', fields: ['as_of'] }]);
    expect(lines([t])).toEqual([
      'data/facilities.csv:3:2: error: 「as_of」の日付「2099-01-01」は今日（2026-12-07）より後です。これから先の時点の数値はまだありません / "as_of" is 2099-01-01, after today (2026-12-07): no figure can describe a later date yet',
    ]);
  });
  it("a release's own date, for its snapshot", () => {
    const t = table('facilities', 'area_code,as_of\n14101,2026-11-24\n', fields, [{ rule: 'notAfterRelease', fields: ['as_of'] }]);
    const release: RelationContext = { releasedOn: { date: '2026-11-23', ja: '版 1.0.0 の公開日（2026-11-23）', en: 'the release date of 1.0.0 (2026-11-23)' } };
    expect(lines([t], release)).toEqual([
      'data/facilities.csv:2:2: error: 「as_of」の日付「2026-11-24」は版 1.0.0 の公開日（2026-11-23）より後です。これから先の時点の数値はまだありません / "as_of" is 2026-11-24, after the release date of 1.0.0 (2026-11-23): no figure can describe a later date yet',
    ]);
  });
});

describe('hierarchy: parent codes form a tree', () => {
  const fields: [string, string][] = [['area_code', 'string'], ['parent_code', 'string']];
  const rule = [{ rule: 'hierarchy', field: 'area_code', parent: 'parent_code', levels: 2 }];
  it('a cycle of two, reported once, on the first of its rows', () => {
    const t = table('areas', 'area_code,parent_code\n14100,14101\n14101,14100\n14102,14100\n14201,\n', fields, rule);
    expect(lines([t])).toEqual([
      'data/areas.csv:2:2: error: 「parent_code」をたどると元に戻ります（14100 → 14101 → 14100）。親子関係が循環しています / following "parent_code" leads back where it started (14100 → 14101 → 14100): the hierarchy has a cycle',
    ]);
  });
  it('an area that is its own parent', () => {
    const t = table('areas', 'area_code,parent_code\n14201,14201\n', fields, rule);
    expect(lines([t])).toEqual([
      'data/areas.csv:2:2: error: 「parent_code」をたどると元に戻ります（14201 → 14201）。親子関係が循環しています / following "parent_code" leads back where it started (14201 → 14201): the hierarchy has a cycle',
    ]);
  });
  it('a ward of a ward: deeper than the declared levels', () => {
    const t = table('areas', 'area_code,parent_code\n14100,\n14101,14100\n14199,14101\n', fields, rule);
    expect(lines([t])).toEqual([
      'data/areas.csv:4:2: error: 「parent_code」の親子関係が2段より深くなっています（14199 → 14101 → 14100） / the hierarchy of "parent_code" is deeper than 2 levels (14199 → 14101 → 14100)',
    ]);
  });
});

describe('ascending: a later version is never dated before an earlier one', () => {
  it('orders versions by their numbers (1.10.0 after 1.9.0)', () => {
    const t = table('releases', 'version,released_on\n1.0.0,2026-11-23\n1.1.0,2026-06-01\n1.10.0,2027-01-01\n1.9.0,2026-12-01\n', [['version', 'string'], ['released_on', 'date']], [{ rule: 'ascending', by: 'version', field: 'released_on' }]);
    expect(lines([t])).toEqual([
      'data/releases.csv:3:2: error: 「version」が「1.1.0」の行の「released_on」（2026-06-01）が、それより前の「1.0.0」（2行目）の「2026-11-23」より前です / "released_on" of version 1.1.0 (2026-06-01) is before that of the earlier 1.0.0 (2026-11-23, line 2)',
    ]);
  });
});

describe('the declaration itself', () => {
  const parse = (relations: unknown[]) => {
    const r = parseTableSchema({ name: 't', title, description: title, primaryKey: ['a'], fields: [{ name: 'a', type: 'string', title }, { name: 'n', type: 'integer', title }, { name: 'd', type: 'date', title }], relations });
    return 'errors' in r ? r.errors : [];
  };
  it('names only columns of its table, and compares only what can be compared', () => {
    expect(parse([{ rule: 'atMost', field: 'n', limit: 'm' }])).toEqual(['relations.0.limit: unknown field "m"']);
    expect(parse([{ rule: 'atMost', field: 'n', limit: 'd' }])).toEqual(['relations.0.limit: "n" (integer) and "d" (date) cannot be compared: both must be numbers or both dates']);
    expect(parse([{ rule: 'notAfterRelease', fields: ['d', 'n'] }])).toEqual(['relations.0.fields.1: "n" is not a date column']);
    expect(parse([{ rule: 'atMost', field: 'n', limit: 'n', severity: 'fatal' }])).toHaveLength(1);
  });
});
