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
  'mixed-encoding': (a: { line: number; lines: number; encoding: string; otherLine: number; otherLines: number; otherEncoding: string }) => ({
    ja: `1つのファイルに文字コードが混在しています: ${a.line}行目から${a.lines}行が${a.encoding}、${a.otherLine}行目から${a.otherLines}行が${a.otherEncoding}です。ほかのファイルから貼り付けた行かもしれません。ファイル全体を1つの文字コード（UTF-8がおすすめ）で保存し直してください`,
    en: `mixed encodings in one file: ${a.lines} line(s) from line ${a.line} are ${a.encoding}, ${a.otherLines} from line ${a.otherLine} are ${a.otherEncoding} (rows pasted from another file?); save the whole file in one encoding, preferably UTF-8`,
  }),
  'line-too-long': (a: { bytes: number; limit: number }) => ({
    ja: `この行が長すぎます（${a.bytes}バイト、上限${a.limit}バイト）。改行が失われたか、表ではないファイルです`,
    en: `this line is too long (${a.bytes} bytes, limit ${a.limit}): its line ends were lost, or the file is not a table`,
  }),
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
  'cell-too-long': (a: { field: string; length: number; limit: number }) => ({
    ja: `${q(a.field)}のセルが長すぎます（${a.length}文字、上限${a.limit}文字）`,
    en: `the cell in ${e(a.field)} is too long (${a.length} characters, limit ${a.limit})`,
  }),
  'control-char': (a: { field: string; char: string }) => ({
    ja: `${q(a.field)}のセルに制御文字（${a.char}）が含まれています。削除してください`,
    en: `the cell in ${e(a.field)} contains a control character (${a.char}); remove it`,
  }),
  'circled-digit': (a: { field: string; value: string }) => ({
    ja: `${q(a.field)}の値${q(a.value)}に丸数字などの囲み文字があります。数値は普通の数字で書いてください`,
    en: `${e(a.value)} in ${e(a.field)} contains a circled or enclosed digit; write the figure in plain digits`,
  }),
  'unsafe-integer': (a: { field: string; value: string }) => ({
    ja: `${q(a.field)}の値${q(a.value)}は大きすぎて正確に扱えません（上限 ${Number.MAX_SAFE_INTEGER}）`,
    en: `${e(a.value)} in ${e(a.field)} is too large to be held exactly (limit ${Number.MAX_SAFE_INTEGER})`,
  }),
  'era-year-in-count': (a: { field: string; value: string }) => ({
    ja: `${q(a.field)}は年ではなく数の列です。値${q(a.value)}は和暦の年として読めますが、数としては読めません`,
    en: `${e(a.field)} is a count, not a year: ${e(a.value)} reads as an era year, not as a figure`,
  }),
  'era-out-of-range': (a: { field: string; value: string }) => ({
    ja: `${q(a.field)}の値${q(a.value)}はその元号の期間外です（平成は1989-01-08～2019-04-30、令和は2019-05-01から）`,
    en: `${e(a.value)} in ${e(a.field)} is outside its era (Heisei ran 1989-01-08 to 2019-04-30, Reiwa began 2019-05-01)`,
  }),
  'pattern-invalid': (a: { pattern: string; reason: string }) => ({
    ja: `pattern ${q(a.pattern)} を正規表現として使えません（先読み・後読み・後方参照は使えません）: ${a.reason}`,
    en: `the pattern ${e(a.pattern)} cannot be used (no lookaround or backreferences): ${a.reason}`,
  }),
  'too-many': (a: { count: number; code: string }) => ({
    ja: `同じ種類の問題（${a.code}）がこのファイルにほかに${a.count}件あります（省略しました）`,
    en: `${a.count} more problems of the same kind (${a.code}) in this file, not shown`,
  }),
  'file-missing': (_: Record<string, never>) => ({ ja: 'ファイルがありません', en: 'the file does not exist' }),
  'file-outside': (a: { target: string }) => ({
    ja: `データフォルダの外（${a.target}）を指すシンボリックリンクは読みません`,
    en: `a symbolic link to ${a.target}, outside the data folder, is not read`,
  }),
  'file-not-regular': (a: { kind: string }) => ({
    ja: `通常のファイルではありません（${kindJa[a.kind] ?? a.kind}）。読みません`,
    en: `not a regular file (${a.kind}); not read`,
  }),
  'file-too-large': (a: { size: number; limit: number }) => ({
    ja: `ファイルが大きすぎます（${a.size}バイト、上限${a.limit}バイト）`,
    en: `the file is too large (${a.size} bytes, limit ${a.limit})`,
  }),
  'file-unreadable': (a: { code: string }) => ({
    ja: `ファイルを読めません（${a.code}）`,
    en: `cannot read the file (${a.code})`,
  }),
  'name-case-clash': (a: { name: string; other: string }) => ({
    ja: `${q(a.name)}と${q(a.other)}は名前の大文字・小文字だけが違います。Windows や macOS では同じファイルになり、どちらかが失われます。片方を削除するか名前を変えてください`,
    en: `${e(a.name)} and ${e(a.other)} differ only in case: on Windows and macOS they are one file, and one of them would be lost; remove or rename one`,
  }),
  'extension-case': (a: { extension: string }) => ({
    ja: `拡張子${q(a.extension)}が大文字のため、このファイルは読みません。小文字（${a.extension.toLowerCase()}）に直してください`,
    en: `the extension ${e(a.extension)} is in upper case, so the file is not read; rename it to ${e(a.extension.toLowerCase())}`,
  }),
  'dir-missing': (_: Record<string, never>) => ({
    ja: 'データフォルダがありません',
    en: 'the data folder does not exist',
  }),
  'dir-not-folder': (_: Record<string, never>) => ({
    ja: 'データフォルダではなくファイルが指定されました',
    en: 'this is a file, not a data folder',
  }),
  'dir-empty': (_: Record<string, never>) => ({
    ja: 'データフォルダにCSVとスキーマが1つもありません',
    en: 'the data folder has no CSV files or schemas',
  }),
  'table-required': (a: { table: string }) => ({
    ja: `サイトに必要な表${q(a.table)}がありません（または有効な行がありません）`,
    en: `the table ${e(a.table)}, which the site needs, is missing or has no valid rows`,
  }),
  'site-config-missing': (_: Record<string, never>) => ({
    ja: 'サイトの設定ファイル site.json がありません（タイトル・発行者・対象の地域などを書きます。docs/site-configuration.md を参照）',
    en: 'the site configuration site.json is missing (title, publisher, areas and more; see docs/site-configuration.md)',
  }),
  'site-config-unknown': (a: { pointer: string; what: 'metric' | 'area'; value: string }) => ({
    ja: `${a.pointer} の${a.what === 'metric' ? '指標' : '地域コード'}${q(a.value)}が${a.what === 'metric' ? 'metrics.json' : 'areas.csv'}にありません`,
    en: `${a.pointer}: the ${a.what === 'metric' ? 'metric' : 'area code'} ${e(a.value)} is not in ${a.what === 'metric' ? 'metrics.json' : 'areas.csv'}`,
  }),
  'json-syntax': (a: { detail: string }) => ({
    ja: `JSONとして読み取れません（${jsonErrorJa[a.detail] ?? a.detail}）`,
    en: `invalid JSON (${a.detail})`,
  }),
  'json-encoding': (_: Record<string, never>) => ({
    ja: 'UTF-8として読み取れません。UTF-8で保存してください',
    en: 'not valid UTF-8; save the file as UTF-8',
  }),
  'json-duplicate-key': (a: { key: string; pointer: string }) => ({
    ja: `${a.pointer} でキー${q(a.key)}が重複しています（どちらが使われるか決まりません）`,
    en: `duplicate key ${e(a.key)} at ${a.pointer} (which one counts is undefined)`,
  }),
  'declaration-error': (a: { pointer: string; ja: string; en: string }) => ({
    ja: `${a.pointer}: ${a.ja}`,
    en: `${a.pointer}: ${a.en}`,
  }),
  'metric-duplicate-id': (a: { id: string; first: string }) => ({
    ja: `指標ID${q(a.id)}が重複しています（${a.first}と同じ）`,
    en: `duplicate metric id ${e(a.id)} (same as ${a.first})`,
  }),
  'metric-unknown-table': (a: { pointer: string; table: string }) => ({
    ja: `${a.pointer}: 表${q(a.table)}がありません`,
    en: `${a.pointer}: there is no table ${e(a.table)}`,
  }),
  'metric-unknown-column': (a: { pointer: string; table: string; column: string }) => ({
    ja: `${a.pointer}: 表${q(a.table)}に列${q(a.column)}がありません`,
    en: `${a.pointer}: table ${e(a.table)} has no column ${e(a.column)}`,
  }),
  'metric-not-numeric': (a: { pointer: string; table: string; column: string; type: string }) => ({
    ja: `${a.pointer}: ${a.table}の列${q(a.column)}は数値ではありません（${typeJa[a.type] ?? a.type}）`,
    en: `${a.pointer}: column ${e(a.column)} of ${a.table} is not numeric (${a.type})`,
  }),
  'metric-id-reserved': (a: { pointer: string; id: string; family?: string }) => ({
    ja: a.family === undefined
      ? `${a.pointer}: 指標ID${q(a.id)}は比較グループの名前と同じです（compare/${a.id}/ のページが重なります）。別のIDにしてください`
      : `${a.pointer}: 指標ID${q(a.id)}は系列${q(a.family)}の件数の指標として自動で作られるIDと同じです。別のIDにしてください`,
    en: a.family === undefined
      ? `${a.pointer}: the metric id ${e(a.id)} is the name of a comparison group (its page compare/${a.id}/ would be hidden); choose another id`
      : `${a.pointer}: the metric id ${e(a.id)} is the id made for the count of the family ${e(a.family)}; choose another id`,
  }),
  'metric-value-unrepresentable': (a: { id: string; area: string; value: string; digits: number }) => ({
    ja: `指標${q(a.id)}の${a.area}の値（${a.value}）は、小数${a.digits}桁まで正確に表せる大きさを超えています。scale と分母を確かめてください`,
    en: `metric ${e(a.id)} has a value for ${a.area} (${a.value}) too large to be shown exactly to ${a.digits} decimal places; check its scale and denominator`,
  }),
  'metric-no-value': (a: { id: string }) => ({
    ja: `指標${q(a.id)}はどの区でも計算できません（分子・分母がないか分母が0です）`,
    en: `metric ${e(a.id)} cannot be computed for any ward (numerator or denominator missing, or the denominator is 0)`,
  }),
  // The consistency rules (data/consistency.json) against the tables they read.
  'rule-unknown-table': (a: { pointer: string; table: string }) => ({
    ja: `${a.pointer}: 表${q(a.table)}がありません`,
    en: `${a.pointer}: there is no table ${e(a.table)}`,
  }),
  'rule-unknown-column': (a: { pointer: string; table: string; column: string }) => ({
    ja: `${a.pointer}: 表${q(a.table)}に列${q(a.column)}がありません`,
    en: `${a.pointer}: table ${e(a.table)} has no column ${e(a.column)}`,
  }),
  'rule-column-type': (a: { pointer: string; table: string; column: string; type: string; expected: 'number' | 'date' | 'string' }) => ({
    ja: `${a.pointer}: ${a.table}の列${q(a.column)}は${typeJa[a.expected]}ではありません（${typeJa[a.type] ?? a.type}）`,
    en: `${a.pointer}: column ${e(a.column)} of ${a.table} is not ${typeEn[a.expected]} (${a.type})`,
  }),
  'rule-needs-vintage': (a: { pointer: string; table: string }) => ({
    ja: `${a.pointer}: 表${q(a.table)}のスキーマに時点の列（vintage）がないため、時点で行を対応づけられません。"vintage": "all" にするか、スキーマに vintage を書いてください`,
    en: `${a.pointer}: table ${e(a.table)} declares no vintage columns, so rows cannot be related by vintage; write "vintage": "all" or declare the schema's vintage`,
  }),
  'rule-needs-area': (a: { pointer: string; table: string }) => ({
    ja: `${a.pointer}: 表${q(a.table)}に area_code 列がないため、地域で行を対応づけられません。"areas": "all" にしてください`,
    en: `${a.pointer}: table ${e(a.table)} has no area_code column, so rows cannot be related by area; write "areas": "all"`,
  }),
  'rule-idle': (a: { check: string; rule: number }) => ({
    ja: `検査${q(a.check)}の規則${a.rule}は検査の対象がありません（当てはまる印字値がないか、比べる行がありません）。データ品質のページにもそう表示されます`,
    en: `rule ${a.rule} of check ${e(a.check)} has nothing to check (no printed figure matches it, or none has rows to compare with); the data-quality page says so too`,
  }),
  'derive-error': (a: { step: string; detail: string }) => ({
    ja: `${a.step}を計算できません: ${a.detail}`,
    en: `cannot compute ${a.step}: ${a.detail}`,
  }),
  // Relations a schema declares between values (src/lib/schema/relations.ts).
  'relation-at-most': (a: { field: string; value: string; limit: string; dates: boolean; limitName: string; where: { file: string; line: number; field: string } | null }) => {
    const limitJa = a.where ? `${a.where.file} ${a.where.line}行目の${q(a.where.field)}` : q(a.limitName);
    const limitEn = a.where ? `${e(a.where.field)} of ${a.where.file} line ${a.where.line}` : e(a.limitName);
    return {
      ja: `${q(a.field)}（${a.value}）が${limitJa}（${a.limit}）${a.dates ? 'より後です' : 'を超えています'}（スキーマの決まり: ${a.field} ≤ ${a.limitName}）`,
      en: `${e(a.field)} (${a.value}) is ${a.dates ? 'after' : 'greater than'} ${limitEn} (${a.limit}); the schema declares ${a.field} ≤ ${a.limitName}`,
    };
  },
  'relation-share': (a: { part: string; whole: string; pct: number; minimum?: number; maximum?: number }) => ({
    ja: `${q(a.part)}が${q(a.whole)}の${a.pct}%です。想定の範囲（${a.minimum !== undefined && a.maximum !== undefined ? `${a.minimum}%～${a.maximum}%` : a.minimum !== undefined ? `${a.minimum}%以上` : `${a.maximum}%以下`}）の外です。値を確かめてください`,
    en: `${e(a.part)} is ${a.pct}% of ${e(a.whole)}, outside the expected range (${a.minimum !== undefined && a.maximum !== undefined ? `${a.minimum}–${a.maximum}%` : a.minimum !== undefined ? `at least ${a.minimum}%` : `at most ${a.maximum}%`}); check the figures`,
  }),
  'relation-after-release': (a: { field: string; value: string; reference: { ja: string; en: string } }) => ({
    ja: `${q(a.field)}の日付${q(a.value)}は${a.reference.ja}より後です。これから先の時点の数値はまだありません`,
    en: `${e(a.field)} is ${a.value}, after ${a.reference.en}: no figure can describe a later date yet`,
  }),
  'relation-cycle': (a: { parent: string; chain: string }) => ({
    ja: `${q(a.parent)}をたどると元に戻ります（${a.chain}）。親子関係が循環しています`,
    en: `following ${e(a.parent)} leads back where it started (${a.chain}): the hierarchy has a cycle`,
  }),
  'relation-depth': (a: { parent: string; chain: string; levels: number }) => ({
    ja: `${q(a.parent)}の親子関係が${a.levels}段より深くなっています（${a.chain}）`,
    en: `the hierarchy of ${e(a.parent)} is deeper than ${a.levels} levels (${a.chain})`,
  }),
  'relation-order': (a: { by: string; field: string; byValue: string; value: string; earlierBy: string; earlier: string; earlierLine: number }) => ({
    ja: `${q(a.by)}が${q(a.byValue)}の行の${q(a.field)}（${a.value}）が、それより前の${q(a.earlierBy)}（${a.earlierLine}行目）の${q(a.earlier)}より前です`,
    en: `${e(a.field)} of ${a.by} ${a.byValue} (${a.value}) is before that of the earlier ${a.earlierBy} (${a.earlier}, line ${a.earlierLine})`,
  }),
  'relation-unknown': (a: { pointer: string; table: string; column?: string }) => ({
    ja: a.column ? `${a.pointer}: 表${q(a.table)}に列${q(a.column)}がありません` : `${a.pointer}: 表${q(a.table)}がありません`,
    en: a.column ? `${a.pointer}: table ${e(a.table)} has no column ${e(a.column)}` : `${a.pointer}: there is no table ${e(a.table)}`,
  }),
  // The boundary file of the maps (data/boundaries.json and the TopoJSON it names).
  'boundary-object-missing': (a: { object: string; found: string }) => ({
    ja: `境界ファイルにオブジェクト${q(a.object)}がありません（あるのは ${a.found}）。boundaries.json の object を確かめてください`,
    en: `the boundary file has no object ${e(a.object)} (it has ${a.found}); check "object" in boundaries.json`,
  }),
  'boundary-code-invalid': (a: { property: string; value: string }) => ({
    ja: `区域の${q(a.property)}の値${q(a.value)}は地方公共団体コード（5桁、または検査数字つきの6桁）ではありません`,
    en: `${e(a.value)} in ${e(a.property)} is not a local-government code (5 digits, or 6 with the check digit)`,
  }),
  'boundary-code-unknown': (a: { property: string; value: string }) => ({
    ja: `区域の${q(a.property)}の値${q(a.value)}は areas.csv にない地域です。サイトの地域だけに絞ってください（npm run boundaries）`,
    en: `${e(a.value)} in ${e(a.property)} is not an area of areas.csv; reduce the file to the site's areas (npm run boundaries)`,
  }),
  'boundary-code-duplicate': (a: { value: string; first: number }) => ({
    ja: `地域${q(a.value)}の区域が重複しています（${a.first}行目と同じ）`,
    en: `a second shape for area ${e(a.value)} (the first is on line ${a.first})`,
  }),
  'boundary-arc-missing': (a: { index: number; count: number }) => ({
    ja: `区域が存在しない弧${a.index}番を参照しています（弧は${a.count}本）`,
    en: `the shape refers to arc ${a.index}, but the file has ${a.count} arcs`,
  }),
  'boundary-area-missing': (a: { code: string; name: string; line: number }) => ({
    ja: `地域${q(`${a.code} ${a.name}`)}（areas.csv ${a.line}行目）の区域が境界ファイルにありません`,
    en: `the boundary file has no shape for area ${e(`${a.code} ${a.name}`)} (areas.csv line ${a.line})`,
  }),
  // Warnings: accepted and normalised.
  'invisible-char': (a: { field: string; char: string }) => ({
    ja: `${q(a.field)}のセルに見えない文字（${a.char}、双方向制御またはゼロ幅文字）があります。意図したものか確認してください`,
    en: `the cell in ${e(a.field)} contains an invisible character (${a.char}, a bidirectional control or zero-width character); check it is intended`,
  }),
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
  'label-default-missing': (a: { pointer: string; lang: string }) => ({
    ja: `${a.pointer} の表示名に、サイトの最初の言語${q(a.lang)}がありません（ほかの言語はこれを代わりに使います）`,
    en: `${a.pointer}: the label has no entry in ${e(a.lang)}, the site's first language (the others fall back to it)`,
  }),
  'label-edition-missing': (a: { pointer: string; lang: string; name: string; fallback: string }) => ({
    ja: `${a.pointer} に${a.name}（${a.lang}）の表示名がありません。${a.name}のページには${q(a.fallback)}の表示名が出ます`,
    en: `${a.pointer}: no label in ${a.name} (${e(a.lang)}); its pages show the ${e(a.fallback)} label instead`,
  }),
  'column-edition-missing': (a: { column: string; lang: string; name: string; fallback: string }) => ({
    ja: `列${q(a.column)}が空です。${a.name}（${a.lang}）のページには列${q(a.fallback)}の文が出ます`,
    en: `the column ${e(a.column)} is empty; the pages in ${a.name} (${e(a.lang)}) show the column ${e(a.fallback)} instead`,
  }),
  'language-unknown': (a: { lang: string; file: string }) => ({
    ja: `言語${q(a.lang)}の文言ファイル ${a.file} がありません。ページの文言はすべて代わりの言語で表示されます`,
    en: `no catalogue ${a.file} for the language ${e(a.lang)}; its pages show every text in its fallback language`,
  }),
  'catalogue-key-missing': (a: { key: string; fallback: string }) => ({
    ja: `文言${q(a.key)}がありません（${a.fallback}の文言で表示されます）`,
    en: `the key ${e(a.key)} is missing (shown in ${a.fallback})`,
  }),
  'catalogue-key-unknown': (a: { key: string; reference: string }) => ({
    ja: `文言${q(a.key)}は${a.reference}にないため、使われません`,
    en: `the key ${e(a.key)} is not in ${a.reference}, so it is never used`,
  }),
  'catalogue-placeholder-unknown': (a: { key: string; name: string }) => ({
    ja: `文言${q(a.key)}の{${a.name}}は、元の文言にない差し込み項目です`,
    en: `the message ${e(a.key)} uses {${a.name}}, which its original message does not have`,
  }),
  'catalogue-fallback-unknown': (a: { fallback: string; languages: string; valid: boolean }) => ({
    ja: `代わりの言語${q(a.fallback)}は${a.valid ? 'サイトの言語' : '言語コード'}ではありません（site.json の言語: ${a.languages}）`,
    en: `the fallback ${e(a.fallback)} is not ${a.valid ? 'one of the site\'s languages' : 'a language code'} (site.json lists ${a.languages})`,
  }),
  'subfolder-not-folder': (a: { name: string; kind: 'link' | 'not-a-folder' }) => ({
    ja: a.kind === 'link'
      ? `${q(a.name)}はシンボリックリンクです。データフォルダの外のものが公開されないよう、フォルダそのものを置いてください`
      : `${q(a.name)}はフォルダではありません。${a.name}/ フォルダを置くか、このファイルを削除してください`,
    en: a.kind === 'link'
      ? `${e(a.name)} is a symbolic link; put the folder itself here, so that nothing outside the data folder is published`
      : `${e(a.name)} is not a folder; make it a ${a.name}/ folder or remove the file`,
  }),
  'catalogue-invalid': (a: { detail: string }) => ({
    ja: `文言ファイルを読み取れません（${a.detail}）`,
    en: `cannot read the catalogue (${a.detail})`,
  }),
} satisfies Record<string, (a: never) => Msg>;

export type MessageCode = keyof typeof messages;

const kindJa: Record<string, string> = {
  directory: 'フォルダ',
  fifo: '名前付きパイプ',
  device: 'デバイス',
  socket: 'ソケット',
};
// jsonc-parser's error names, as a maintainer would describe the slip.
const jsonErrorJa: Record<string, string> = {
  InvalidSymbol: '使えない記号があります',
  InvalidNumberFormat: '数値の書き方が正しくありません',
  PropertyNameExpected: 'キー（"…"）が必要です',
  ValueExpected: '値が必要です',
  ColonExpected: 'コロン（:）が必要です',
  CommaExpected: 'カンマ（,）が必要です',
  CloseBraceExpected: '閉じ括弧 } が必要です',
  CloseBracketExpected: '閉じ括弧 ] が必要です',
  EndOfFileExpected: 'ファイルの終わりのあとに余分な文字があります',
  InvalidCommentToken: 'コメントは使えません',
  UnexpectedEndOfComment: 'コメントが閉じていません',
  UnexpectedEndOfString: '文字列が閉じていません',
  UnexpectedEndOfNumber: '数値が途中で終わっています',
  InvalidUnicode: 'Unicodeエスケープが正しくありません',
  InvalidEscapeCharacter: 'エスケープ文字が正しくありません',
  InvalidCharacter: '文字列に使えない文字があります',
};
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
