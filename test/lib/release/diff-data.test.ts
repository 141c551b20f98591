/**
 * The data diff on two copies of data/ with known edits: one row changed in each of two tables,
 * one added, one removed, a table added, columns added and removed, and the rank moves that
 * follow from the changed clinics, worked out by hand.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMetricSpecs } from '../../../src/lib/schema/metric-spec.ts';
import { formatProblem } from '../../../src/lib/problems.ts';
import { diffRanks, diffTables } from '../../../src/lib/release/diff-data.ts';
import { formatDiffReport } from '../../../src/lib/release/format-diff.ts';
import { runGate } from '../../../src/lib/pipeline.ts';

const work = mkdtempSync(join(tmpdir(), 'diff-data-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const copyOfData = (name: string) => {
  const dir = join(work, name);
  cpSync('data', dir, { recursive: true });
  return dir;
};
const edit = (dir: string, file: string, change: (text: string) => string) => {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `${file}: the edit must change something`).not.toBe(before);
  writeFileSync(path, after);
};
const load = (dir: string) => {
  // Tables only: a data folder without a table the site needs is still a valid side of a diff.
  const result = runGate(dir, dir, { site: false });
  expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  return result.tables;
};

// The metric is declared here rather than read from data/metrics.json, so the expected ranks
// depend only on the two CSV files edited below.
const [clinicsPer10k] = parseMetricSpecs([
  {
    id: 'support_clinics_per_10k_population',
    group: 'resources',
    label: { ja: '在宅療養支援診療所（人口1万人あたり）', en: 'home-care support clinics per 10,000 population' },
    definition: { ja: '在宅療養支援診療所の数を人口で割り、1万をかけた値。', en: 'Clinics divided by the population, times 10,000.' },
    numerator: { table: 'home_care_facilities', column: 'support_clinics', label: { ja: '在宅療養支援診療所', en: 'home-care support clinics' } },
    denominator: { table: 'population', column: 'population', label: { ja: '人口', en: 'population' } },
    scale: 10000,
    unit: { ja: 'か所/人口1万人', en: 'clinics per 10,000 population' },
    digits: 2,
    higherMeans: { ja: '在宅医療の担い手が多い', en: 'more home-care providers' },
  },
]);

const beforeDir = copyOfData('before');
const afterDir = copyOfData('after');
// Changed: 西区's population (line 4) and its home-care support clinics (line 4).
edit(afterDir, 'population.csv', (t) => t.replace('14103,2015-01-01,97711,9234,9.5', '14103,2015-01-01,97800,9234,9.5'));
edit(afterDir, 'home_care_facilities.csv', (t) => t.replace('14103,2015-10-31,12,0,7,', '14103,2015-10-31,15,0,7,'));
// Added: an older population vintage for 西区, appended as line 20. Being further from the
// clinics' date (2015-10-31) than 2015-01-01, it does not become the metric's denominator.
edit(afterDir, 'population.csv', (t) => t + '14103,2014-01-01,97000,9000,9.3\n');
// Removed: 都筑区's hub, the last line (19) of hubs.csv.
edit(afterDir, 'hubs.csv', (t) => t.split('\n').filter((l) => !l.startsWith('14118,')).join('\n'));
// A table added.
writeFileSync(join(afterDir, 'ward_notes.csv'), 'area_code,as_of,note_ja\n14103,2016-04-01,試験用の注記\n14118,2016-04-01,\n');
writeFileSync(
  join(afterDir, 'ward_notes.schema.json'),
  JSON.stringify({
    name: 'ward_notes',
    title: { ja: '区の注記', en: 'Ward notes' },
    description: { ja: '差分の試験用の表', en: 'A table for the diff test' },
    vintage: ['as_of'],
    primaryKey: ['area_code', 'as_of'],
    foreignKeys: [{ fields: ['area_code'], reference: { resource: 'areas', fields: ['area_code'] } }],
    fields: [
      { name: 'area_code', type: 'string', title: { ja: '地域コード', en: 'Area code' }, constraints: { required: true } },
      { name: 'as_of', type: 'date', title: { ja: '時点', en: 'As of' }, constraints: { required: true } },
      { name: 'note_ja', type: 'string', title: { ja: '注記', en: 'Note' } },
    ],
  }),
);

const before = load(beforeDir);
const after = load(afterDir);

describe('diffTables', () => {
  const diff = diffTables(before, after);

  it('finds every edit and nothing else, keyed by primary key, named by area and vintage', () => {
    expect(diff).toEqual({
      tablesAdded: ['ward_notes'],
      tablesRemoved: [],
      tables: [
        {
          table: 'home_care_facilities', status: 'changed', rowsBefore: 19, rowsAfter: 19,
          columnsAdded: [], columnsRemoved: [], primaryKeyChanged: null, rowsMatched: true,
          added: [],
          removed: [],
          changed: [
            {
              key: { area_code: '14103', as_of: '2015-10-31' }, area: { code: '14103', nameJa: '西区' }, vintage: '2015-10-31', rest: {},
              lineBefore: 4, lineAfter: 4, changes: [{ column: 'support_clinics', before: 12, after: 15 }],
            },
          ],
        },
        {
          table: 'hubs', status: 'changed', rowsBefore: 18, rowsAfter: 17,
          columnsAdded: [], columnsRemoved: [], primaryKeyChanged: null, rowsMatched: true,
          added: [],
          removed: [
            {
              key: { area_code: '14118' }, area: { code: '14118', nameJa: '都筑区' }, vintage: '2016-02-19', rest: {},
              lineBefore: 19, row: before.get('hubs')!.rows.find((r) => r.area_code === '14118'), changes: [],
            },
          ],
          changed: [],
        },
        {
          table: 'population', status: 'changed', rowsBefore: 18, rowsAfter: 19,
          columnsAdded: [], columnsRemoved: [], primaryKeyChanged: null, rowsMatched: true,
          added: [
            {
              key: { area_code: '14103', as_of: '2014-01-01' }, area: { code: '14103', nameJa: '西区' }, vintage: '2014-01-01', rest: {},
              lineAfter: 20,
              row: { area_code: '14103', as_of: '2014-01-01', population: 97000, aged_75_plus: 9000, aged_75_plus_share_printed_pct: 9.3 },
              changes: [],
            },
          ],
          removed: [],
          changed: [
            {
              key: { area_code: '14103', as_of: '2015-01-01' }, area: { code: '14103', nameJa: '西区' }, vintage: '2015-01-01', rest: {},
              lineBefore: 4, lineAfter: 4, changes: [{ column: 'population', before: 97711, after: 97800 }],
            },
          ],
        },
        {
          table: 'ward_notes', status: 'added', rowsBefore: 0, rowsAfter: 2,
          columnsAdded: [], columnsRemoved: [], primaryKeyChanged: null, rowsMatched: false, added: [], removed: [], changed: [],
        },
      ],
    });
  });

  it('sees no difference between identical data', () => {
    expect(diffTables(before, load(copyOfData('same')))).toEqual({ tablesAdded: [], tablesRemoved: [], tables: [] });
  });

  it('reports a removed table, and columns added and removed without calling rows changed', () => {
    const dir = copyOfData('columns');
    rmSync(join(dir, 'events.csv'));
    rmSync(join(dir, 'events.schema.json'));
    // population gains `households` and loses the printed share.
    edit(dir, 'population.csv', (t) =>
      t.split('\n').map((line, i) => (line === '' ? line : [...line.split(',').slice(0, 4), i === 0 ? 'households' : ''].join(','))).join('\n'),
    );
    edit(dir, 'population.schema.json', (t) => {
      const schema = JSON.parse(t);
      schema.fields = schema.fields.filter((f: { name: string }) => f.name !== 'aged_75_plus_share_printed_pct');
      schema.fields.push({ name: 'households', type: 'integer', title: { ja: '世帯数', en: 'Households' } });
      return JSON.stringify(schema);
    });
    const diff = diffTables(before, load(dir));
    expect(diff.tablesRemoved).toEqual(['events']);
    expect(diff.tables.map((t) => [t.table, t.status, t.columnsAdded, t.columnsRemoved, t.changed.length])).toEqual([
      ['events', 'removed', [], [], 0],
      ['population', 'changed', ['households'], ['aged_75_plus_share_printed_pct'], 0],
    ]);
  });

  it('names rows of tables without an area by their other key values', () => {
    const dir = copyOfData('budget');
    edit(dir, 'budget_lines.csv', (t) => t.replace(',Home-care coordination council,576,', ',Home-care coordination council meetings,576,'));
    const report = formatDiffReport(diffTables(before, load(dir)), [], { before: 'a', after: 'b' });
    expect(report).toContain(
      'budget_lines.csv: 追加0行・削除0行・変更1行 / 0 added, 0 removed, 1 changed\n' +
        '  変更 line_id=2 (FY2021): name_en Home-care coordination council → Home-care coordination council meetings\n',
    );
  });
});

describe('diffRanks', () => {
  it('moves 西区 from 4th to 2nd when its clinics go from 12 to 15', () => {
    // Before, per 10,000 population: 都筑区 37/210,751 = 1.7556 (1st), 中区 22/147,600 = 1.4905
    // (2nd), 神奈川区 30/235,901 = 1.2717 (3rd), 西区 12/97,711 = 1.2281 (4th), 青葉区 1.1979 (5th).
    // After: 西区 15/97,800 = 1.5337, between 都筑区 and 中区, so 西区 4 → 2, 中区 2 → 3,
    // 神奈川区 3 → 4; every other ward keeps its rank.
    expect(diffRanks(before, after, [clinicsPer10k!])).toEqual([
      {
        metricId: 'support_clinics_per_10k_population', label: clinicsPer10k!.label, digits: 2, status: 'changed', definitionChanged: false,
        errorBefore: null, errorAfter: null,
        moves: [
          { cityCode: '14100', areaCode: '14102', nameJa: '神奈川区', rankBefore: 3, rankAfter: 4, rankOfBefore: 18, rankOfAfter: 18, valueBefore: (30 / 235901) * 10000, valueAfter: (30 / 235901) * 10000 },
          { cityCode: '14100', areaCode: '14103', nameJa: '西区', rankBefore: 4, rankAfter: 2, rankOfBefore: 18, rankOfAfter: 18, valueBefore: (12 / 97711) * 10000, valueAfter: (15 / 97800) * 10000 },
          { cityCode: '14100', areaCode: '14104', nameJa: '中区', rankBefore: 2, rankAfter: 3, rankOfBefore: 18, rankOfAfter: 18, valueBefore: (22 / 147600) * 10000, valueAfter: (22 / 147600) * 10000 },
        ],
      },
    ]);
  });

  it('says nothing about a metric whose ranks did not move', () => {
    expect(diffRanks(before, before, [clinicsPer10k!])).toEqual([]);
  });

  it('reports a metric added, removed or redefined, and one that can no longer be computed', () => {
    const redefined = { ...clinicsPer10k!, scale: 100000 };
    const noTable = { ...clinicsPer10k!, id: 'gone', numerator: { ...clinicsPer10k!.numerator, table: 'no_such_table' } };
    const result = diffRanks(before, after, { before: [clinicsPer10k!, noTable], after: [redefined, noTable] });
    expect(result.map((m) => [m.metricId, m.status, m.definitionChanged, m.moves.length, m.errorAfter])).toEqual([
      ['support_clinics_per_10k_population', 'changed', true, 3, null],
    ]);
    const added = diffRanks(before, after, { before: [], after: [noTable] });
    expect(added.map((m) => [m.metricId, m.status, m.moves.length, m.errorAfter])).toEqual([['gone', 'added', 0, 'metric operand: no table "no_such_table"']]);
    expect(diffRanks(before, after, { before: [clinicsPer10k!], after: [] }).map((m) => m.status)).toEqual(['removed']);
  });
});

describe('formatDiffReport', () => {
  it('prints one summary line per table, Japanese first, then each row and each rank move', () => {
    const report = formatDiffReport(diffTables(before, after), diffRanks(before, after, [clinicsPer10k!]), { before: '1.0.0 (0123abc)', after: '作業ツリー / working tree' });
    expect(report).toBe(
      [
        'データの差分 / Data diff: 1.0.0 (0123abc) → 作業ツリー / working tree',
        '',
        'home_care_facilities.csv: 追加0行・削除0行・変更1行 / 0 added, 0 removed, 1 changed',
        '  変更 14103 西区 (2015-10-31): support_clinics 12 → 15',
        'hubs.csv: 追加0行・削除1行・変更0行 / 0 added, 1 removed, 0 changed',
        '  削除 14118 都筑区 (2016-02-19): as_of 2016-02-19, opened_on 2015-01-28, opened_on_precision day, location_ja 横浜市都筑区医師会館内, source_document yokohama-hub-report-2016, note Date cell merged with 中区 (1月28日)., location_ja_hira 横浜市 都筑区医師会館の 中',
        'population.csv: 追加1行・削除0行・変更1行 / 1 added, 0 removed, 1 changed',
        '  追加 14103 西区 (2014-01-01): population 97000, aged_75_plus 9000, aged_75_plus_share_printed_pct 9.3',
        '  変更 14103 西区 (2015-01-01): population 97711 → 97800',
        'ward_notes.csv: 表の追加（2行） / table added (2 rows)',
        '',
        '指標の順位 / Metric ranks',
        'support_clinics_per_10k_population 在宅療養支援診療所（人口1万人あたり） / home-care support clinics per 10,000 population: 順位の変動3区 / 3 wards moved',
        '  14102 神奈川区: 3位 → 4位（18区中） / rank 3 → 4 of 18 (1.2717 → 1.2717)',
        '  14103 西区: 4位 → 2位（18区中） / rank 4 → 2 of 18 (1.2281 → 1.5337)',
        '  14104 中区: 2位 → 3位（18区中） / rank 2 → 3 of 18 (1.4905 → 1.4905)',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', () => {
    expect(formatDiffReport(diffTables(before, before), [], { before: 'a', after: 'b' })).toBe(
      'データの差分 / Data diff: a → b\n\nデータに変更はありません / no data changes\n\n指標の順位 / Metric ranks\n順位の変動はありません / no rank moved\n',
    );
  });
});
