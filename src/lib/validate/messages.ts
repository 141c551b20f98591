/**
 * Every message a maintainer can see, in one place: Japanese first, English beside it. Codes
 * follow Frictionless Data's error types where one exists, so tools that know those can map them.
 */
type Msg = { ja: string; en: string };
const q = (s: unknown) => `「${String(s)}」`;
const e = (s: unknown) => `"${String(s)}"`;

export const messages = {
  'encoding-error': (a: { byte: number }) => ({
    ja: `文字コードを読み取れません（${a.byte}バイト目）。UTF-8 か Shift_JIS で保存してください`,
    en: `cannot decode the file (byte ${a.byte}); save it as UTF-8 or Shift_JIS`,
  }),
  'empty-file': (_: Record<string, never>) => ({ ja: 'ファイルが空です', en: 'the file is empty' }),
  'no-rows': (_: Record<string, never>) => ({ ja: 'データ行がありません', en: 'the file has a header but no data rows' }),
  'csv-parse-error': (a: { message: string }) => ({
    ja: `CSVとして読み取れません（引用符の閉じ忘れなど）: ${a.message}`,
    en: `cannot parse the CSV (an unclosed quote?): ${a.message}`,
  }),
  'blank-header': (_: Record<string, never>) => ({ ja: '列名が空です', en: 'a header cell is blank' }),
  'duplicate-header': (a: { name: string; first: number }) => ({
    ja: `列名${q(a.name)}が重複しています（${a.first}列目と同じ）`,
    en: `duplicate header ${e(a.name)} (same as column ${a.first})`,
  }),
  'missing-header': (a: { name: string }) => ({
    ja: `必要な列${q(a.name)}がありません`,
    en: `missing column ${e(a.name)}`,
  }),
  'extra-header': (a: { name: string }) => ({
    ja: `スキーマにない列${q(a.name)}があります`,
    en: `unexpected column ${e(a.name)} not in the schema`,
  }),
  'missing-cell': (a: { expected: number; found: number }) => ({
    ja: `セルが足りません（${a.expected}列のはずが${a.found}列）`,
    en: `missing cells (expected ${a.expected}, found ${a.found})`,
  }),
  'extra-cell': (a: { expected: number; found: number }) => ({
    ja: `セルが多すぎます（${a.expected}列のはずが${a.found}列）`,
    en: `extra cells (expected ${a.expected}, found ${a.found})`,
  }),
  'type-error': (a: { value: string; field: string; type: string }) => ({
    ja: `${q(a.field)}の値${q(a.value)}は${typeJa[a.type] ?? a.type}ではありません`,
    en: `${e(a.value)} in ${e(a.field)} is not ${typeEn[a.type] ?? a.type}`,
  }),
  'required-error': (a: { field: string }) => ({
    ja: `${q(a.field)}は必須です（空欄にできません）`,
    en: `${e(a.field)} is required and cannot be blank`,
  }),
  'minimum-error': (a: { field: string; value: string; limit: string }) => ({
    ja: `${q(a.field)}の値${q(a.value)}が下限${a.limit}を下回っています`,
    en: `${e(a.value)} in ${e(a.field)} is below the minimum ${a.limit}`,
  }),
  'maximum-error': (a: { field: string; value: string; limit: string }) => ({
    ja: `${q(a.field)}の値${q(a.value)}が上限${a.limit}を超えています`,
    en: `${e(a.value)} in ${e(a.field)} is above the maximum ${a.limit}`,
  }),
  'pattern-error': (a: { field: string; value: string; pattern: string }) => ({
    ja: `${q(a.field)}の値${q(a.value)}が決められた形式（${a.pattern}）に合いません`,
    en: `${e(a.value)} in ${e(a.field)} does not match the pattern ${a.pattern}`,
  }),
  'enum-error': (a: { field: string; value: string; allowed: string }) => ({
    ja: `${q(a.field)}の値${q(a.value)}は使えません（使える値: ${a.allowed}）`,
    en: `${e(a.value)} in ${e(a.field)} is not one of: ${a.allowed}`,
  }),
  'unique-error': (a: { field: string; value: string; first: number }) => ({
    ja: `${q(a.field)}の値${q(a.value)}が${a.first}行目と重複しています`,
    en: `${e(a.value)} in ${e(a.field)} repeats line ${a.first}`,
  }),
  'primary-key-error': (a: { key: string; first: number }) => ({
    ja: `キー（${a.key}）が${a.first}行目と重複しています（同じ地域・同じ時点の行が2つあります）`,
    en: `duplicate key (${a.key}), same as line ${a.first}`,
  }),
  'foreign-key-error': (a: { field: string; value: string; table: string }) => ({
    ja: `${q(a.field)}の値${q(a.value)}が${a.table}に見つかりません`,
    en: `${e(a.value)} in ${e(a.field)} is not in ${a.table}`,
  }),
  'total-mismatch': (a: { field: string; total: string; sum: string; group: string }) => ({
    ja: `合計行の${q(a.field)}（${a.total}）が内訳の合計（${a.sum}）と一致しません${a.group}`,
    en: `total row ${e(a.field)} (${a.total}) differs from the sum of its parts (${a.sum})${a.group}`,
  }),
  'schema-missing': (_: Record<string, never>) => ({
    ja: 'このCSVにはスキーマファイル（.schema.json）がありません',
    en: 'this CSV has no schema file (.schema.json)',
  }),
  'csv-missing': (_: Record<string, never>) => ({
    ja: 'このスキーマに対応するCSVファイルがありません',
    en: 'this schema has no CSV file',
  }),
  'schema-error': (a: { detail: string }) => ({
    ja: `スキーマファイルに誤りがあります: ${a.detail}`,
    en: `the schema file is invalid: ${a.detail}`,
  }),
  'schema-name-mismatch': (a: { name: string; file: string }) => ({
    ja: `スキーマの name ${q(a.name)} がファイル名 ${q(a.file)} と一致しません`,
    en: `schema name ${e(a.name)} does not match the file name ${e(a.file)}`,
  }),
  'unknown-resource': (a: { table: string }) => ({
    ja: `参照先の表${q(a.table)}がありません`,
    en: `the referenced table ${e(a.table)} does not exist`,
  }),
  // Warnings: accepted and normalised.
  'bom': (_: Record<string, never>) => ({ ja: 'BOM付きUTF-8です（そのまま読み込みました）', en: 'UTF-8 with a byte-order mark (accepted)' }),
  'shift-jis': (_: Record<string, never>) => ({
    ja: 'Shift_JIS（CP932）として読み込みました。UTF-8での保存をおすすめします',
    en: 'decoded as Shift_JIS (CP932); UTF-8 is preferred',
  }),
  'crlf': (_: Record<string, never>) => ({ ja: '改行コードCRLFを読み込みました', en: 'CRLF line ends (accepted)' }),
  'blank-row': (_: Record<string, never>) => ({ ja: '空の行を読み飛ばしました', en: 'blank row skipped' }),
  'normalized': (a: { what: string; whatEn: string; value: string; to: string; count: number }) => ({
    ja: `${a.what}を変換しました: ${q(a.value)} → ${q(a.to)}${a.count > 1 ? `（このファイルで計${a.count}か所、最初の箇所）` : ''}`,
    en: `${a.whatEn}: ${e(a.value)} read as ${e(a.to)}${a.count > 1 ? ` (${a.count} cells in this file; first shown)` : ''}`,
  }),
} satisfies Record<string, (a: never) => Msg>;

export type MessageCode = keyof typeof messages;

const typeJa: Record<string, string> = {
  integer: '整数',
  number: '数値',
  date: '日付（YYYY-MM-DD）',
  boolean: '真偽値（true/false）',
  string: '文字列',
};
const typeEn: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  date: 'a date (YYYY-MM-DD)',
  boolean: 'a boolean (true/false)',
  string: 'a string',
};
