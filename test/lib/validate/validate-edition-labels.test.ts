/**
 * The labels an edition writes itself (`ownLabels: true`, やさしい日本語): a metric label, a table
 * title or a row's text without them is a warning at its place, in Japanese and English; a language
 * that does not declare it (English here) is never asked for them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeLanguages } from '../../../src/lib/config/languages.ts';
import { buildLanguages } from '../../../src/lib/i18n/languages.ts';
import { formatProblem } from '../../../src/lib/problems.ts';
import { metricSpec } from '../../../src/lib/schema/metric-spec.ts';
import { columnLabelProblems, declarationLabelProblems } from '../../../src/lib/validate/validate-edition-labels.ts';
import type { Table } from '../../../src/lib/validate/validate-table.ts';

// A data folder without catalogues of its own: the project's (ja-Hira declares ownLabels).
const dir = mkdtempSync(join(tmpdir(), 'edition-labels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const languages = buildLanguages(normalizeLanguages(['ja', 'en', { code: 'ja-Hira', path: 'yasashii' }]), dir);
const at = (path: (string | number)[]) => ({ line: path.length, column: String(path.at(-1)).length });

describe('declarationLabelProblems', () => {
  it('warns of each label without the edition’s words, at its place', () => {
    const both = { ja: '人口', en: 'population', 'ja-Hira': 'じんこう' };
    const spec = metricSpec.parse({
      id: 'm', group: 'resources', label: both, definition: { ja: '人口で割った値', en: 'divided by the population' }, unit: both, higherMeans: both,
      numerator: { table: 't', column: 'n', label: { ja: '診療所' } },
    });
    expect(declarationLabelProblems([{ file: 'metrics.json', value: [spec], at }], languages).map(formatProblem)).toEqual([
      // /0/definition: path of 2 → line 2; "definition" has 10 letters → column 10.
      'metrics.json:2:10: warning: /0/definition にやさしい にほんご（ja-Hira）の表示名がありません。やさしい にほんごのページには「ja」の表示名が出ます / /0/definition: no label in やさしい にほんご ("ja-Hira"); its pages show the "ja" label instead',
      'metrics.json:3:5: warning: /0/numerator/label にやさしい にほんご（ja-Hira）の表示名がありません。やさしい にほんごのページには「ja」の表示名が出ます / /0/numerator/label: no label in やさしい にほんご ("ja-Hira"); its pages show the "ja" label instead',
    ]);
  });
  const bare = (more: object = {}) => metricSpec.parse({ id: 'm', group: 'hubs', label: { ja: 'a' }, definition: { ja: 'b' }, unit: { ja: 'c' }, higherMeans: { ja: 'd' }, numerator: { table: 't', column: 'n', label: { ja: 'e' } }, ...more });
  it('looks only at the path asked for (the schemas’ titles), across the files given', () => {
    const withIt = bare({ label: { ja: 'a', 'ja-Hira': 'あ' } });
    const found = declarationLabelProblems([{ file: 'a.schema.json', value: withIt, at }, { file: 'b.schema.json', value: bare(), at }], languages, ['label']);
    expect(found.map((p) => [p.file, p.line, p.column, p.severity])).toEqual([['b.schema.json', 1, 5, 'warning']]);
  });
  it('asks nothing of declarations that carry the edition nowhere (another city’s folder, an older release)', () => {
    expect(declarationLabelProblems([{ file: 'metrics.json', value: [bare(), bare()], at }], languages)).toEqual([]);
  });
});

describe('columnLabelProblems', () => {
  const table = (rows: Record<string, string | null>[]): Table => ({
    name: 'programmes', file: 'data/programmes.csv',
    schema: { fields: [{ name: 'id' }, { name: 'name_ja' }, { name: 'name_en' }, { name: 'name_ja_hira' }] } as unknown as Table['schema'],
    header: ['id', 'name_ja', 'name_en', 'name_ja_hira'], rows, lines: rows.map((_, i) => i + 2),
  });
  it('warns of a row whose own cell is empty where the Japanese one is written, at its line and column', () => {
    const rows = [
      { id: 'a', name_ja: '在宅医療連携拠点事業', name_en: 'Hubs', name_ja_hira: '拠点の 仕事' },
      { id: 'b', name_ja: '人材育成研修', name_en: null, name_ja_hira: null },
      { id: 'c', name_ja: null, name_en: 'Nothing in Japanese', name_ja_hira: null },
    ];
    expect(columnLabelProblems(table(rows), languages).map(formatProblem)).toEqual([
      'data/programmes.csv:3:4: warning: 列「name_ja_hira」が空です。やさしい にほんご（ja-Hira）のページには列「name_ja」の文が出ます / the column "name_ja_hira" is empty; the pages in やさしい にほんご ("ja-Hira") show the column "name_ja" instead',
    ]);
  });
  it('asks nothing of a table that declares no column in the edition', () => {
    const t = table([{ id: 'b', name_ja: '人材育成研修', name_en: null, name_ja_hira: null }]);
    t.schema.fields.pop();
    expect(columnLabelProblems(t, languages)).toEqual([]);
  });
});
