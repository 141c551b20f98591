/**
 * One test per kind of bad input a maintainer can commit, each asserting the exact place and the
 * message, and one per kind of real-world file that must be accepted with a warning.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { parseTableSchema, type TableSchema } from '../../../src/lib/schema/table-schema.ts';
import { validateTable } from '../../../src/lib/validate/validate-table.ts';

const schema = (() => {
  const r = parseTableSchema({
    name: 'wards',
    title: { ja: '区', en: 'Wards' },
    description: { ja: 'テスト', en: 'test' },
    vintage: ['as_of'],
    primaryKey: ['area_code', 'as_of'],
    fields: [
      { name: 'area_code', type: 'string', title: { ja: 'コード', en: 'Code' }, constraints: { required: true, pattern: '[0-9]{5}' } },
      { name: 'as_of', type: 'date', title: { ja: '時点', en: 'As of' }, constraints: { required: true, minimum: '1989-01-08', maximum: '2100-12-31' } },
      { name: 'population', type: 'integer', title: { ja: '人口', en: 'Population' }, constraints: { minimum: 0 } },
      { name: 'share_pct', type: 'number', title: { ja: '割合', en: 'Share' }, constraints: { minimum: 0, maximum: 100 } },
      { name: 'kind', type: 'string', title: { ja: '種別', en: 'Kind' }, constraints: { enum: ['ward', 'city'] } },
    ],
    totals: [{ key: 'area_code', total: '14100', groupBy: ['as_of'], fields: ['population'] }],
  });
  if ('errors' in r) throw new Error(r.errors.join('\n'));
  return r.schema;
})();

const header = 'area_code,as_of,population,share_pct,kind\n';
const good = header + '14101,2015-01-01,100,8.7,ward\n14102,2015-01-01,200,9.8,ward\n';
const run = (text: string | Uint8Array, s: TableSchema = schema) =>
  validateTable('data/wards.csv', typeof text === 'string' ? new TextEncoder().encode(text) : text, s);
const lines = (text: string | Uint8Array) => run(text).problems.map(formatProblem);

describe('validateTable: a good file', () => {
  it('reads every row with typed values and no problem', () => {
    const r = run(good);
    expect(r.problems).toEqual([]);
    expect(r.table!.rows).toEqual([
      { area_code: '14101', as_of: '2015-01-01', population: 100, share_pct: 8.7, kind: 'ward' },
      { area_code: '14102', as_of: '2015-01-01', population: 200, share_pct: 9.8, kind: 'ward' },
    ]);
    expect(r.table!.lines).toEqual([2, 3]);
    expect(r.rowCount).toBe(2);
  });
});

describe('validateTable: errors, each with its place and message', () => {
  it('undecodable bytes', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(header + '14101,2015-01-01,'), 0xff, 0xfe, 0xff, 0x0a]);
    expect(lines(bytes)).toEqual([
      'data/wards.csv:2:3: error: 文字コードを読み取れません（60バイト目）。UTF-8 か Shift_JIS で保存してください / cannot decode the file (byte 60); save it as UTF-8 or Shift_JIS',
    ]);
  });
  it('an empty file', () => {
    expect(lines('')).toEqual(['data/wards.csv:1:1: error: ファイルが空です / the file is empty']);
  });
  it('a blank header cell', () => {
    expect(lines('area_code,as_of,population,share_pct,kind,\n14101,2015-01-01,1,1,ward,\n')).toEqual([
      'data/wards.csv:1:6: error: 列名が空です / a header cell is blank',
    ]);
  });
  it('a duplicate header', () => {
    expect(lines('area_code,as_of,population,share_pct,kind,population\n')).toEqual([
      'data/wards.csv:1:6: error: 列名「population」が重複しています（3列目と同じ） / duplicate header "population" (same as column 3)',
    ]);
  });
  it('a missing header', () => {
    expect(lines('area_code,as_of,population,share_pct\n14101,2015-01-01,1,1\n')).toEqual([
      'data/wards.csv:1:5: error: 必要な列「kind」がありません / missing column "kind"',
    ]);
  });
  it('an unexpected header', () => {
    expect(lines('area_code,as_of,population,share_pct,kind,note\n')).toEqual([
      'data/wards.csv:1:6: error: スキーマにない列「note」があります / unexpected column "note" not in the schema',
    ]);
  });
  it('missing cells in a row', () => {
    expect(lines(header + '14101,2015-01-01,100\n')).toEqual([
      'data/wards.csv:2:4: error: セルが足りません（5列のはずが3列） / missing cells (expected 5, found 3)',
    ]);
  });
  it('extra cells in a row', () => {
    expect(lines(header + '14101,2015-01-01,100,8.7,ward,x\n')).toEqual([
      'data/wards.csv:2:6: error: セルが多すぎます（5列のはずが6列） / extra cells (expected 5, found 6)',
    ]);
  });
  it('a value of the wrong type', () => {
    expect(lines(header + '14101,2015-01-01,10O,8.7,ward\n')).toEqual([
      'data/wards.csv:2:3: error: 「population」の値「10O」は整数ではありません / "10O" in "population" is not an integer',
    ]);
  });
  it('a date that does not exist', () => {
    expect(lines(header + '14101,2015-02-30,100,8.7,ward\n')).toEqual([
      'data/wards.csv:2:2: error: 「as_of」の値「2015-02-30」は日付（YYYY-MM-DD）ではありません / "2015-02-30" in "as_of" is not a date (YYYY-MM-DD)',
    ]);
  });
  it('a negative count', () => {
    expect(lines(header + '14101,2015-01-01,-5,8.7,ward\n')).toEqual([
      'data/wards.csv:2:3: error: 「population」の値「-5」が下限0を下回っています / "-5" in "population" is below the minimum 0',
    ]);
  });
  it('a share above 100', () => {
    expect(lines(header + '14101,2015-01-01,5,100.5,ward\n')).toEqual([
      'data/wards.csv:2:4: error: 「share_pct」の値「100.5」が上限100を超えています / "100.5" in "share_pct" is above the maximum 100',
    ]);
  });
  it('a date out of range', () => {
    expect(lines(header + '14101,1985-01-01,5,1,ward\n')).toEqual([
      'data/wards.csv:2:2: error: 「as_of」の値「1985-01-01」が下限1989-01-08を下回っています / "1985-01-01" in "as_of" is below the minimum 1989-01-08',
    ]);
  });
  it('a code not of the right form', () => {
    expect(lines(header + '1410,2015-01-01,5,1,ward\n')).toEqual([
      'data/wards.csv:2:1: error: 「area_code」の値「1410」が決められた形式（[0-9]{5}）に合いません / "1410" in "area_code" does not match the pattern [0-9]{5}',
    ]);
  });
  it('a value outside its list', () => {
    expect(lines(header + '14101,2015-01-01,5,1,town\n')).toEqual([
      'data/wards.csv:2:5: error: 「kind」の値「town」は使えません（使える値: ward, city） / "town" in "kind" is not one of: ward, city',
    ]);
  });
  it('a blank required value', () => {
    expect(lines(header + ',2015-01-01,5,1,ward\n')).toEqual([
      'data/wards.csv:2:1: error: 「area_code」は必須です（空欄にできません） / "area_code" is required and cannot be blank',
    ]);
  });
  it('the same ward twice for the same vintage', () => {
    expect(lines(good + '14101,2015-01-01,300,1,ward\n')).toEqual([
      'data/wards.csv:4:1: error: キー（14101 / 2015-01-01）が2行目と重複しています（同じ地域・同じ時点の行が2つあります） / duplicate key (14101 / 2015-01-01), same as line 2',
    ]);
  });
  it('a total row that disagrees with its parts', () => {
    expect(lines(good + '14100,2015-01-01,301,1,city\n')).toEqual([
      'data/wards.csv:4:3: error: 合計行の「population」（301）が内訳の合計（300）と一致しません (2015-01-01) / total row "population" (301) differs from the sum of its parts (300) (2015-01-01)',
    ]);
    expect(lines(good + '14100,2015-01-01,300,1,city\n')).toEqual([]);
  });
  it('an unclosed quote', () => {
    const problems = run(header + '14101,2015-01-01,100,"8.7,ward\n').problems;
    expect(problems.some((p) => p.code === 'csv-parse-error' && p.line === 2)).toBe(true);
  });
});

describe('validateTable: real Japanese files are accepted with warnings', () => {
  const warnings = (text: string | Uint8Array) => {
    const r = run(text);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    return { rows: r.table!.rows, lines: r.problems.map(formatProblem) };
  };
  it('a UTF-8 byte-order mark', () => {
    const r = warnings(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(good)]));
    expect(r.lines).toEqual(['data/wards.csv:1:1: warning: BOM付きUTF-8です（そのまま読み込みました） / UTF-8 with a byte-order mark (accepted)']);
    expect(r.rows).toHaveLength(2);
  });
  it('CRLF line ends', () => {
    const r = warnings(good.replace(/\n/g, '\r\n'));
    expect(r.lines).toEqual(['data/wards.csv:1:0: warning: 改行コードCRLFを読み込みました / CRLF line ends (accepted)']);
    expect(r.rows[1]!.kind).toBe('ward');
  });
  it('Shift_JIS from Excel, with Japanese text intact', () => {
    const s = parseTableSchema({ ...schemaJson(), fields: [...schemaJson().fields, { name: 'name_ja', type: 'string', title: { ja: '名称', en: 'Name' } }] });
    if ('errors' in s) throw new Error('bad test schema');
    const bytes = iconv.encode('area_code,as_of,population,share_pct,kind,name_ja\r\n14106,2015-01-01,204774,12.2,ward,保土ケ谷区\r\n', 'cp932');
    const r = run(new Uint8Array(bytes), s.schema);
    expect(r.problems.map((p) => p.code)).toEqual(['shift-jis', 'crlf']);
    expect(r.table!.rows[0]!.name_ja).toBe('保土ケ谷区');
  });
  it('full-width digits and signs', () => {
    const r = warnings(header + '１４１０１,２０１５-０１-０１,１００,８．７,ward\n');
    expect(r.rows[0]).toEqual({ area_code: '14101', as_of: '2015-01-01', population: 100, share_pct: 8.7, kind: 'ward' });
    expect(r.lines).toEqual([
      'data/wards.csv:2:1: warning: 全角の数字・記号を変換しました: 「１４１０１」 → 「14101」（このファイルで計4か所、最初の箇所） / full-width digits or signs: "１４１０１" read as "14101" (4 cells in this file; first shown)',
    ]);
  });
  it('thousands separators', () => {
    const r = warnings(header + '14101,2015-01-01,"1,533",8.7,ward\n');
    expect(r.rows[0]!.population).toBe(1533);
    expect(r.lines).toEqual(['data/wards.csv:2:3: warning: 桁区切りのカンマを変換しました: 「1,533」 → 「1533」 / thousands separators: "1,533" read as "1533"']);
  });
  it('missing-value marks where a value may be missing', () => {
    for (const mark of ['-', '－', '―', '…', '準備中']) {
      const r = warnings(header + `14101,2015-01-01,${mark},8.7,ward\n`);
      expect(r.rows[0]!.population).toBeNull();
      expect(r.lines[0]).toContain('warning: 欠測を表す記号（空欄として読みました）');
    }
  });
  it('but not where a value is required', () => {
    expect(lines(header + '－,2015-01-01,1,1,ward\n')).toEqual([
      'data/wards.csv:2:1: error: 「area_code」は必須です（空欄にできません） / "area_code" is required and cannot be blank',
    ]);
  });
  it('Japanese-era dates', () => {
    const r = warnings(header + '14101,平成27年1月1日,1,1,ward\n14102,H27.1.1,1,1,ward\n');
    expect(r.rows.map((x) => x.as_of)).toEqual(['2015-01-01', '2015-01-01']);
    expect(r.lines).toEqual(['data/wards.csv:2:2: warning: 和暦の日付を変換しました: 「平成27年1月1日」 → 「2015-01-01」（このファイルで計2か所、最初の箇所） / Japanese-era date: "平成27年1月1日" read as "2015-01-01" (2 cells in this file; first shown)']);
  });
  it('an era year and month, read as the first of the month', () => {
    const r = warnings(header + '14101,平成27年10月,1,1,ward\n');
    expect(r.rows[0]!.as_of).toBe('2015-10-01');
  });
  it('fiscal years in era notation', () => {
    const s = parseTableSchema({ ...schemaJson(), fields: [...schemaJson().fields, { name: 'fiscal_year', type: 'integer', title: { ja: '年度', en: 'FY' } }] });
    if ('errors' in s) throw new Error('bad test schema');
    const r = run('area_code,as_of,population,share_pct,kind,fiscal_year\n14101,2015-01-01,1,1,ward,令和3年度\n', s.schema);
    expect(r.table!.rows[0]!.fiscal_year).toBe(2021);
    expect(r.problems.map((p) => p.code)).toEqual(['normalized']);
  });
  it('△ as minus in budget figures', () => {
    const s = parseTableSchema({ ...schemaJson(), fields: [...schemaJson().fields, { name: 'change', type: 'integer', title: { ja: '増減', en: 'Change' } }] });
    if ('errors' in s) throw new Error('bad test schema');
    const r = run('area_code,as_of,population,share_pct,kind,change\n14101,2015-01-01,1,1,ward,"△ 15,368"\n', s.schema);
    expect(r.table!.rows[0]!.change).toBe(-15368);
  });
  it('columns in another order', () => {
    const r = warnings('kind,population,share_pct,as_of,area_code\nward,100,8.7,2015-01-01,14101\n');
    expect(r.rows[0]).toEqual({ area_code: '14101', as_of: '2015-01-01', population: 100, share_pct: 8.7, kind: 'ward' });
    expect(r.lines).toEqual([]);
  });
  it('a blank row, skipped with a warning', () => {
    const r = warnings(header + '14101,2015-01-01,100,8.7,ward\n,,,,\n14102,2015-01-01,200,9.8,ward\n');
    expect(r.rows).toHaveLength(2);
    expect(r.lines).toEqual(['data/wards.csv:3:0: warning: 空の行を読み飛ばしました / blank row skipped']);
  });
});

function schemaJson() {
  return {
    name: 'wards',
    title: { ja: '区', en: 'Wards' },
    description: { ja: 'テスト', en: 'test' },
    vintage: ['as_of'],
    primaryKey: ['area_code', 'as_of'],
    fields: schema.fields.map((f) => ({ ...f })) as object[],
  };
}

describe('validateTable: bounded on hostile files', () => {
  it('keeps the first 100 problems of a kind and counts the rest in one line', () => {
    const rows = Array.from({ length: 250 }, () => '14101,2015-01-01,1,1,ward\n').join('');
    const r = run(header + rows);
    const keys = r.problems.filter((p) => p.code === 'primary-key-error');
    expect(keys).toHaveLength(100);
    expect(keys[0]!.line).toBe(3);
    expect(r.problems.filter((p) => p.code === 'too-many').map(formatProblem)).toEqual([
      'data/wards.csv:3:1: error: 同じ種類の問題（primary-key-error）がこのファイルにほかに149件あります（省略しました） / 149 more problems of the same kind (primary-key-error) in this file, not shown',
    ]);
  });
  it('matches a backtracking pattern in linear time, refusing the cell', () => {
    const s = parseTableSchema({ ...schemaJson(), fields: schemaJson().fields.map((f) => ((f as { name: string }).name === 'kind' ? { name: 'kind', type: 'string', title: { ja: '種別', en: 'Kind' }, constraints: { pattern: '(\\S+)+' } } : f)) });
    if ('errors' in s) throw new Error(s.errors.join('\n'));
    // A backtracking engine takes minutes on this cell; the match is refused as soon as it is read.
    const r = run(header + `14101,2015-01-01,1,1,${'a'.repeat(40)} b\n`, s.schema);
    expect(r.problems.map((p) => p.code)).toEqual(['pattern-error']);
  });
  it('does not count a blank part in a declared total', () => {
    expect(lines(header + '14100,2015-01-01,200,,city\n14101,2015-01-01,,8.7,ward\n14102,2015-01-01,200,9.8,ward\n')).toEqual([]);
  });
});
