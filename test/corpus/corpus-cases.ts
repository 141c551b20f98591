/**
 * The corpus: one mutation of data/ per case, with the exit code and the located messages
 * validate must print, written out by hand from the data (lines and columns counted in data/).
 * Cases that validate accepts are built too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

export interface Tools {
  dir: string;
  /** Replaces the first `from` in a file, failing the case if it is not there (no silent no-op). */
  edit(file: string, from: string | RegExp, to: string): void;
  write(file: string, content: string | Uint8Array): void;
  read(file: string): string;
  remove(file: string): void;
  link(file: string, target: string): void;
  mkfifo(file: string): void;
  mkdir(file: string): void;
  encode(text: string, encoding: string): Uint8Array;
}

export interface CorpusCase {
  kind: string;
  name: string;
  mutate(t: Tools): void;
  /** Instead of a mutated copy: a folder made from the work folder (a missing or empty one). */
  dataDir?: (work: string) => string;
  exit: 0 | 1;
  /** Text validate must print: the located bilingual line, or its distinctive parts. */
  expect: string[];
  /** More checks on validate's output. */
  also?: (output: string, dir: string) => void;
  /** Checks on the built site, for accepted cases. */
  built?: (outDir: string) => void;
}

const HUB_14103 = '14103,2015-04-01,2015-12-31,9,170,19,9,554,62';
const POP_14101 = '14101,2015-01-01,282084,24460,8.7';
const pop = (cells: string) => (t: Tools) => t.edit('population.csv', POP_14101, cells);
const hub = (cells: string) => (t: Tools) => t.edit('hub_throughput.csv', HUB_14103, cells);
const BOUNDARY_FILE = 'boundaries/n03-2021-site-areas.topojson';
// The release history as data/ holds it: cases that add a release follow its newest row, so that
// cutting a release of the project leaves their premise intact.
const releaseRows = readFileSync('data/releases.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const [lastVersion, lastDate, lastRevision] = releaseRows.at(-1)!;
const nextVersion = lastVersion!.replace(/^(\d+)\.(\d+)\.\d+$/, (_, major: string, minor: string) => `${major}.${Number(minor) + 1}.0`);
const page = (outDir: string, path: string) => readFileSync(join(outDir, path), 'utf8');

export const cases: CorpusCase[] = [
  // Cells a person would not read as the declared type.
  { kind: 'cell', name: 'a letter O in a count', mutate: hub('14103,2015-04-01,2015-12-31,9,17O,19,9,554,62'), exit: 1,
    expect: ['hub_throughput.csv:5:5: error: 「new_clients」の値「17O」は整数ではありません / "17O" in "new_clients" is not an integer'] },
  { kind: 'cell', name: 'a circled number in a count', mutate: pop('14101,2015-01-01,⑳,24460,8.7'), exit: 1,
    expect: ['population.csv:2:3: error: 「population」の値「⑳」に丸数字などの囲み文字があります', '/ "⑳" in "population" contains a circled or enclosed digit'] },
  { kind: 'cell', name: 'a parenthesised number in a share', mutate: pop('14101,2015-01-01,282084,24460,⑻'), exit: 1,
    expect: ['population.csv:2:5: error: 「aged_75_plus_share_printed_pct」の値「⑻」に丸数字などの囲み文字があります'] },
  { kind: 'cell', name: 'an era year in a count column', mutate: pop('14101,2015-01-01,H27,24460,8.7'), exit: 1,
    expect: ['population.csv:2:3: error: 「population」は年ではなく数の列です。値「H27」は和暦の年として読めますが、数としては読めません / "population" is a count, not a year: "H27" reads as an era year, not as a figure'] },
  { kind: 'cell', name: 'an integer beyond 2^53', mutate: pop('14101,2015-01-01,99999999999999999999,24460,8.7'), exit: 1,
    expect: ['population.csv:2:3: error: 「population」の値「99999999999999999999」は大きすぎて正確に扱えません（上限 9007199254740991） / "99999999999999999999" in "population" is too large to be held exactly (limit 9007199254740991)'] },
  // In a count no relation or metric divides (more people certified as needing care than live in a ward is refused now).
  { kind: 'cell', name: 'the largest exact integer is accepted in a count', mutate: (t) => t.edit('events.csv', 'case_conference,事例検討会議,Case conferences,各区在宅医療連携拠点,79,1929,', 'case_conference,事例検討会議,Case conferences,各区在宅医療連携拠点,79,9007199254740991,'), exit: 0, expect: [] },
  { kind: 'cell', name: 'Heisei 99, an era year that never was', mutate: pop('14101,平成99年1月1日,282084,24460,8.7'), exit: 1,
    expect: ['population.csv:2:2: error: 「as_of」の値「平成99年1月1日」はその元号の期間外です'] },
  { kind: 'cell', name: 'Reiwa 1 April 1, before the era began', mutate: (t) => t.edit('hubs.csv', '14101,2016-02-19,', '14101,令和元年4月1日,'), exit: 1,
    expect: ['hubs.csv:2:2: error: 「as_of」の値「令和元年4月1日」はその元号の期間外です（平成は1989-01-08～2019-04-30、令和は2019-05-01から） / "令和元年4月1日" in "as_of" is outside its era (Heisei ran 1989-01-08 to 2019-04-30, Reiwa began 2019-05-01)'] },
  { kind: 'cell', name: 'Heisei 31 May 1, after the era ended', mutate: (t) => t.edit('hubs.csv', '14101,2016-02-19,', '14101,H31.5.1,'), exit: 1,
    expect: ['hubs.csv:2:2: error: 「as_of」の値「H31.5.1」はその元号の期間外です'] },
  { kind: 'cell', name: 'Showa 64 January 8, the first day of Heisei', mutate: (t) => t.edit('hubs.csv', '14101,2016-02-19,', '14101,昭和64年1月8日,'), exit: 1,
    expect: ['hubs.csv:2:2: error: 「as_of」の値「昭和64年1月8日」はその元号の期間外です'] },
  { kind: 'cell', name: 'an era fiscal year past its era', mutate: (t) => t.edit('budget_lines.csv', /^2021,1,/m, '平成40年度,1,'), exit: 1,
    expect: ['budget_lines.csv:2:1: error: 「fiscal_year」の値「平成40年度」はその元号の期間外です'] },
  { kind: 'cell', name: 'a day that does not exist', mutate: pop('14101,2015-02-30,282084,24460,8.7'), exit: 1,
    expect: ['population.csv:2:2: error: 「as_of」の値「2015-02-30」は日付（YYYY-MM-DD）ではありません / "2015-02-30" in "as_of" is not a date (YYYY-MM-DD)'] },
  { kind: 'cell', name: 'a NUL byte in a text cell', mutate: (t) => t.edit('events.csv', 'Case conferences', 'Case\u0000conferences'), exit: 1,
    expect: ['events.csv:3:7: error: 「name_en」のセルに制御文字（U+0000）が含まれています。削除してください / the cell in "name_en" contains a control character (U+0000); remove it'] },
  { kind: 'cell', name: 'an escape sequence in a text cell', mutate: (t) => t.edit('events.csv', 'Case conferences', 'Case \u001b[31mconferences'), exit: 1,
    expect: ['events.csv:3:7: error: 「name_en」のセルに制御文字（U+001B）が含まれています'] },
  { kind: 'cell', name: 'a C1 control character in a text cell', mutate: (t) => t.edit('events.csv', 'Case conferences', 'Case\u0085conferences'), exit: 1,
    expect: ['events.csv:3:7: error: 「name_en」のセルに制御文字（U+0085）が含まれています'] },
  { kind: 'cell', name: 'a right-to-left override in a text cell', mutate: (t) => t.edit('events.csv', 'Case conferences', 'Case \u202Esecnerefnoc'), exit: 0,
    expect: ['events.csv:3:7: warning: 「name_en」のセルに見えない文字（U+202E、双方向制御またはゼロ幅文字）があります。意図したものか確認してください / the cell in "name_en" contains an invisible character (U+202E, a bidirectional control or zero-width character); check it is intended'] },
  { kind: 'cell', name: 'a zero-width space in a text cell', mutate: (t) => t.edit('events.csv', '事例検討会議', '事例\u200B検討会議'), exit: 0,
    expect: ['events.csv:3:6: warning: 「name_ja」のセルに見えない文字（U+200B、双方向制御またはゼロ幅文字）があります'] },
  { kind: 'cell', name: 'a cell over the length limit', mutate: (t) => t.edit('events.csv', 'Case conferences', 'x'.repeat(20_000)), exit: 1,
    expect: ['events.csv:3:7: error: 「name_en」のセルが長すぎます（20000文字、上限10000文字） / the cell in "name_en" is too long (20000 characters, limit 10000)'] },
  { kind: 'cell', name: 'a negative count', mutate: hub('14103,2015-04-01,2015-12-31,9,-170,19,9,554,62'), exit: 1,
    expect: ['hub_throughput.csv:5:5: error: 「new_clients」の値「-170」が下限0を下回っています / "-170" in "new_clients" is below the minimum 0'] },
  { kind: 'cell', name: 'a share above 100', mutate: pop('14101,2015-01-01,282084,24460,870'), exit: 1,
    expect: ['population.csv:2:5: error: 「aged_75_plus_share_printed_pct」の値「870」が上限100を超えています'] },
  { kind: 'cell', name: 'an area code off its pattern', mutate: pop('1410x,2015-01-01,282084,24460,8.7'), exit: 1,
    expect: ['population.csv:2:1: error: 「area_code」の値「1410x」が決められた形式（[0-9]{5}）に合いません / "1410x" in "area_code" does not match the pattern [0-9]{5}'] },
  { kind: 'cell', name: 'a value outside the enum', mutate: (t) => t.edit('hubs.csv', '14101,2016-02-19,2015-01-05,day,', '14101,2016-02-19,2015-01-05,week,'), exit: 1,
    expect: ['hubs.csv:2:4: error: 「opened_on_precision」の値「week」は使えません（使える値: day, month） / "week" in "opened_on_precision" is not one of: day, month'] },
  { kind: 'cell', name: 'a blank required cell', mutate: pop('14101,2015-01-01,,24460,8.7'), exit: 1,
    expect: ['population.csv:2:3: error: 「population」は必須です（空欄にできません） / "population" is required and cannot be blank'] },
  { kind: 'cell', name: 'a repeated key', mutate: pop('14102,2015-01-01,282084,24460,8.7'), exit: 1,
    expect: ['population.csv:3:1: error: キー（14102 / 2015-01-01）が2行目と重複しています'] },
  { kind: 'cell', name: 'an area that areas.csv does not have', mutate: (t) => t.edit('care_need_certified.csv', '14102,2015-01-01,9185', '14199,2015-01-01,9185'), exit: 1,
    expect: ['care_need_certified.csv:3:1: error: 「area_code」の値「14199」がareas.csvに見つかりません / "14199" in "area_code" is not in areas.csv'] },
  { kind: 'cell', name: 'a repeated unique code', mutate: (t) => t.edit('areas.csv', '14102,141020,', '14102,141011,'), exit: 1,
    expect: ['areas.csv:4:2: error: 「lg_code」の値「141011」が3行目と重複しています / "141011" in "lg_code" repeats line 3'] },
  { kind: 'cell', name: 'a printed total that differs from its parts', mutate: (t) => t.edit('hub_throughput.csv', '14100,2015-04-01,2015-12-31,119,1533,', '14100,2015-04-01,2015-12-31,119,1534,'), exit: 1,
    expect: ['hub_throughput.csv:2:5: error: 合計行の「new_clients」（1534）が内訳の合計（1533）と一致しません'] },

  // Missing values: accepted where the schema allows them, and shown as no data.
  // A count in a declared total: the blank part is not counted, so the printed total disagrees.
  { kind: 'missing', name: 'a blank count that a declared total includes', mutate: hub('14103,2015-04-01,2015-12-31,9,170,19,9,,62'), exit: 1,
    expect: ['hub_throughput.csv:2:8: error: 合計行の「support_actions」（5105）が内訳の合計（4551）と一致しません (2015-04-01 / 2015-12-31) / total row "support_actions" (5105) differs from the sum of its parts (4551) (2015-04-01 / 2015-12-31)'] },
  { kind: 'missing', name: 'the declared "-" in a count that a declared total includes', mutate: hub('14103,2015-04-01,2015-12-31,9,-,19,9,554,62'), exit: 1,
    expect: ['hub_throughput.csv:2:5: error: 合計行の「new_clients」（1533）が内訳の合計（1363）と一致しません'] },
  { kind: 'missing', name: 'the declared "-" in a printed per-month figure', mutate: hub('14103,2015-04-01,2015-12-31,9,170,-,9,554,62'), exit: 0, expect: [] },
  { kind: 'missing', name: 'the declared "-" in both printed per-month figures of a ward', mutate: hub('14103,2015-04-01,2015-12-31,9,170,-,9,554,-'), exit: 0, expect: [] },
  { kind: 'missing', name: 'blank counts of a ward and the total row together', mutate: (t) => {
      hub('14103,2015-04-01,2015-12-31,9,-,-,-,-,-')(t);
      t.edit('hub_throughput.csv', '14100,2015-04-01,2015-12-31,119,1533,13,180,5105,43', '14100,2015-04-01,2015-12-31,119,-,-,-,-,-');
    }, exit: 0, expect: [],
    built: (out) => expect(page(out, 'compare/14100/hub_new_clients_per_month/index.html')).toContain('データなし') },
  { kind: 'missing', name: 'the declared "-" on the city total row', mutate: (t) => t.edit('hub_throughput.csv', '14100,2015-04-01,2015-12-31,119,1533,13,180,5105,43', '14100,2015-04-01,2015-12-31,-,-,-,-,-,-'), exit: 0, expect: [] },
  { kind: 'missing', name: 'a missing-value mark in an optional share', mutate: pop('14101,2015-01-01,282084,24460,準備中'), exit: 0,
    expect: ['population.csv:2:5: warning: 欠測を表す記号（空欄として読みました）を変換しました: 「準備中」 → 「」'] },
  { kind: 'missing', name: 'a blank printed share', mutate: pop('14101,2015-01-01,282084,24460,'), exit: 0, expect: [] },
  { kind: 'missing', name: 'a blank attendance', mutate: (t) => t.edit('events.csv', 'case_conference,事例検討会議,Case conferences,各区在宅医療連携拠点,79,1929,', 'case_conference,事例検討会議,Case conferences,各区在宅医療連携拠点,79,,'), exit: 0, expect: [] },
  { kind: 'missing', name: 'a blank opening date', mutate: (t) => t.edit('hubs.csv', '14102,2016-02-19,2015-09-01,', '14102,2016-02-19,,'), exit: 0, expect: [] },
  { kind: 'missing', name: 'a blank facility count', mutate: (t) => t.edit('home_care_facilities.csv', '14101,2015-10-31,21,1,16,', '14101,2015-10-31,,1,16,'), exit: 0, expect: [] },

  // What Excel and people write, accepted with a warning.
  { kind: 'format', name: 'full-width digits', mutate: pop('14101,2015-01-01,２８２０８４,24460,8.7'), exit: 0,
    expect: ['population.csv:2:3: warning: 全角の数字・記号を変換しました: 「２８２０８４」 → 「282084」'] },
  { kind: 'format', name: 'thousands separators', mutate: pop('14101,2015-01-01,"282,084",24460,8.7'), exit: 0,
    expect: ['population.csv:2:3: warning: 桁区切りのカンマを変換しました: 「282,084」 → 「282084」'] },
  { kind: 'format', name: 'a byte-order mark', mutate: (t) => t.write('population.csv', '\uFEFF' + t.read('population.csv')), exit: 0,
    expect: ['population.csv:1:1: warning: BOM付きUTF-8です（そのまま読み込みました） / UTF-8 with a byte-order mark (accepted)'] },
  { kind: 'format', name: 'CRLF line ends', mutate: (t) => t.write('population.csv', t.read('population.csv').replace(/\n/g, '\r\n')), exit: 0,
    expect: ['population.csv:1:0: warning: 改行コードCRLFを読み込みました / CRLF line ends (accepted)'] },
  { kind: 'format', name: 'Shift_JIS from Excel', mutate: (t) => t.write('areas.csv', t.encode(t.read('areas.csv'), 'cp932')), exit: 0,
    expect: ['areas.csv:1:1: warning: Shift_JIS（CP932）として読み込みました。UTF-8での保存をおすすめします / decoded as Shift_JIS (CP932); UTF-8 is preferred'],
    built: (out) => expect(page(out, 'wards/index.html')).toContain('保土ケ谷区') },
  { kind: 'format', name: 'columns in another order', mutate: (t) => t.write('population.csv', t.read('population.csv').split('\n').map((l) => (l ? l.split(',').reverse().join(',') : l)).join('\n')), exit: 0, expect: [] },
  { kind: 'format', name: 'a blank row', mutate: (t) => t.edit('population.csv', POP_14101 + '\n', POP_14101 + '\n,,,,\n'), exit: 0,
    expect: ['population.csv:3:0: warning: 空の行を読み飛ばしました / blank row skipped'] },
  { kind: 'format', name: 'an era date for an opening', mutate: (t) => t.edit('hubs.csv', '14101,2016-02-19,2015-01-05,', '14101,2016-02-19,平成27年1月5日,'), exit: 0,
    expect: ['hubs.csv:2:3: warning: 和暦の日付を変換しました: 「平成27年1月5日」 → 「2015-01-05」'] },

  // CI output: cell text cannot forge a workflow command.
  { kind: 'ci', name: 'a workflow command after a line break in a refused cell', mutate: hub('14103,2015-04-01,2015-12-31,9,"170\n::error file=README.md,line=1::forged\n```",19,9,554,62'), exit: 1,
    expect: ['hub_throughput.csv:5:5: error: 「new_clients」の値「170\\u{a}::error file=README.md,line=1::forged\\u{a}```」は整数ではありません'] },
  { kind: 'ci', name: 'a workflow command in an accepted text cell', mutate: (t) => t.edit('events.csv', 'Case conferences', '"Case conferences\n::warning::forged"'), exit: 0, expect: [],
    also: (output) => expect(output.split('\n').filter((l) => l.startsWith('::'))).toEqual([]) },

  // The shape of a CSV file.
  { kind: 'csv', name: 'an unclosed quote', mutate: pop('14101,"2015-01-01,282084,24460,8.7'), exit: 1, expect: ['population.csv:2:', 'CSVとして読み取れません（引用符の閉じ忘れなど）'] },
  { kind: 'csv', name: 'an extra cell', mutate: pop(POP_14101 + ',1'), exit: 1, expect: ['population.csv:2:6: error: セルが多すぎます（5列のはずが6列） / extra cells (expected 5, found 6)'] },
  { kind: 'csv', name: 'a missing cell', mutate: pop('14101,2015-01-01,282084,24460'), exit: 1, expect: ['population.csv:2:5: error: セルが足りません（5列のはずが4列） / missing cells (expected 5, found 4)'] },
  { kind: 'csv', name: 'a repeated header', mutate: (t) => t.edit('population.csv', 'aged_75_plus_share_printed_pct', 'population'), exit: 1, expect: ['population.csv:1:5: error: 列名「population」が重複しています（3列目と同じ） / duplicate header "population" (same as column 3)'] },
  { kind: 'csv', name: 'a header the schema does not have', mutate: (t) => t.edit('population.csv', 'aged_75_plus_share_printed_pct', 'share'), exit: 1, expect: ['population.csv:1:5: error: スキーマにない列「share」があります / unexpected column "share" not in the schema'] },
  { kind: 'csv', name: 'an empty file', mutate: (t) => t.write('population.csv', ''), exit: 1, expect: ['population.csv:1:1: error: ファイルが空です / the file is empty'] },
  { kind: 'csv', name: 'a header and no rows', mutate: (t) => t.write('releases.csv', 'version,released_on,git_revision,note_ja,note_en\n'), exit: 1, expect: ['releases.csv:2:0: error: データ行がありません / the file has a header but no data rows'] },
  { kind: 'csv', name: 'bytes that are neither UTF-8 nor Shift_JIS', mutate: (t) => t.write('population.csv', new Uint8Array([...Buffer.from('area_code,as_of\n14101,'), 0xff, 0xfe, 0xfd, 0x0a])), exit: 1, expect: ['population.csv:2:2: error: 文字コードを読み取れません'] },
  // Excel's Shift_JIS file with one row pasted from a UTF-8 file: the pasted row is named, not the first Shift_JIS byte.
  { kind: 'csv', name: 'a Shift_JIS file with one row pasted in UTF-8', mutate: (t) => {
      const lines = t.read('hubs.csv').split('\n');
      t.write('hubs.csv', new Uint8Array(lines.flatMap((l, i) => [...(i === 4 ? Buffer.from(l) : t.encode(l, 'cp932')), ...(i < lines.length - 1 ? [0x0a] : [])])));
    }, exit: 1,
    expect: ['hubs.csv:5:0: error: 1つのファイルに文字コードが混在しています: 5行目から1行がUTF-8、2行目から17行がShift_JISです。', '/ mixed encodings in one file: 1 line(s) from line 5 are UTF-8, 17 from line 2 are Shift_JIS'] },
  // A line end lost in a transfer: one 120 MiB line is refused on its bytes, before it is split into cells.
  { kind: 'csv', name: 'one 120 MiB line without a line end', mutate: (t) => t.write('population.csv', Buffer.alloc(120 * 2 ** 20, '1,')), exit: 1,
    expect: ['population.csv:1:0: error: この行が長すぎます（125829120バイト、上限4194304バイト）。改行が失われたか、表ではないファイルです / this line is too long (125829120 bytes, limit 4194304): its line ends were lost, or the file is not a table'] },

  // Files and folders: only regular files inside the folder are read.
  { kind: 'file', name: 'a link to /dev/zero', mutate: (t) => t.link('population.csv', '/dev/zero'), exit: 1, expect: ['population.csv:1:0: error: データフォルダの外（/dev/zero）を指すシンボリックリンクは読みません / a symbolic link to /dev/zero, outside the data folder, is not read'] },
  { kind: 'file', name: 'a link to a file outside the folder', mutate: (t) => t.link('areas.csv', join(process.cwd(), 'data', 'areas.csv')), exit: 1, expect: ['areas.csv:1:0: error: データフォルダの外（', 'を指すシンボリックリンクは読みません'] },
  { kind: 'file', name: 'a link to a schema outside the folder', mutate: (t) => t.link('population.schema.json', join(process.cwd(), 'data', 'population.schema.json')), exit: 1, expect: ['population.schema.json:1:0: error: データフォルダの外（'] },
  { kind: 'file', name: 'a link to a file inside the folder', mutate: (t) => { t.write('care_need_certified.data', t.read('care_need_certified.csv')); t.link('care_need_certified.csv', 'care_need_certified.data'); }, exit: 0, expect: [] },
  { kind: 'file', name: 'a folder named like a CSV', mutate: (t) => t.mkdir('population.csv'), exit: 1, expect: ['population.csv:1:0: error: 通常のファイルではありません（フォルダ）。読みません / not a regular file (directory); not read'] },
  { kind: 'file', name: 'a named pipe as a CSV', mutate: (t) => t.mkfifo('areas.csv'), exit: 1, expect: ['areas.csv:1:0: error: 通常のファイルではありません（名前付きパイプ）。読みません / not a regular file (fifo); not read'] },
  { kind: 'file', name: 'a declaration over its size limit', mutate: (t) => t.write('population.schema.json', t.read('population.schema.json').replace('{', '{' + ' '.repeat(5 * 2 ** 20))), exit: 1,
    expect: ['population.schema.json:1:0: error: ファイルが大きすぎます（', '上限4194304バイト） / the file is too large ('] },
  // Names that differ only in case are one file on Windows and macOS: a checkout there keeps one of them.
  { kind: 'file', name: 'POPULATION.CSV beside population.csv', mutate: (t) => t.write('POPULATION.CSV', t.read('population.csv')), exit: 1,
    expect: ['POPULATION.CSV:1:0: error: 「POPULATION.CSV」と「population.csv」は名前の大文字・小文字だけが違います。Windows や macOS では同じファイルになり、どちらかが失われます。片方を削除するか名前を変えてください / "POPULATION.CSV" and "population.csv" differ only in case: on Windows and macOS they are one file, and one of them would be lost; remove or rename one'] },
  { kind: 'file', name: 'a table saved with an upper-case extension', mutate: (t) => { t.write('population.CSV', t.read('population.csv')); t.remove('population.csv'); }, exit: 1,
    expect: ['population.CSV:1:0: error: 拡張子「.CSV」が大文字のため、このファイルは読みません。小文字（.csv）に直してください / the extension ".CSV" is in upper case, so the file is not read; rename it to ".csv"'] },
  { kind: 'file', name: 'a CSV without a schema', mutate: (t) => t.write('extra.csv', 'a\n1\n'), exit: 1, expect: ['extra.csv:1:0: error: このCSVにはスキーマファイル（.schema.json）がありません / this CSV has no schema file (.schema.json)'] },
  { kind: 'file', name: 'a schema without a CSV', mutate: (t) => t.remove('care_need_certified.csv'), exit: 1, expect: ['care_need_certified.schema.json:1:0: error: このスキーマに対応するCSVファイルがありません / this schema has no CSV file'] },
  { kind: 'file', name: 'an optional table removed: its sections go, the site builds', mutate: (t) => { t.remove('events.csv'); t.remove('events.schema.json'); }, exit: 0, expect: [],
    built: (out) => {
      expect(page(out, 'wards/14201/index.html')).not.toContain('aria-labelledby="events"');
      expect(page(out, 'wards/14201/index.html')).toContain('aria-labelledby="surveys"');
    } },
  { kind: 'file', name: 'a table every site needs, removed', mutate: (t) => { t.remove('sources.csv'); t.remove('sources.schema.json'); }, exit: 1,
    expect: ['sources.csv:1:0: error: サイトに必要な表「sources」がありません（または有効な行がありません） / the table "sources", which the site needs, is missing or has no valid rows'] },
  { kind: 'file', name: 'a missing data folder', mutate: () => {}, dataDir: (work) => join(work, 'no-such-folder'), exit: 1, expect: ['no-such-folder:1:0: error: データフォルダがありません / the data folder does not exist'] },
  { kind: 'file', name: 'an empty data folder', mutate: () => {}, dataDir: (work) => emptyDir(work), exit: 1, expect: [':1:0: error: データフォルダにCSVとスキーマが1つもありません / the data folder has no CSV files or schemas'] },

  // Schemas: located by line, column and JSON pointer.
  { kind: 'schema', name: 'a trailing comma', mutate: (t) => t.edit('population.schema.json', '"name": "population",', '"name": "population",,'), exit: 1,
    expect: ['population.schema.json:2:24: error: JSONとして読み取れません（キー（"…"）が必要です） / invalid JSON (PropertyNameExpected)'] },
  { kind: 'schema', name: 'a duplicate key', mutate: (t) => t.edit('population.schema.json', '"name": "population",', '"name": "population",\n  "name": "population",'), exit: 1,
    expect: ['population.schema.json:3:3: error: / でキー「name」が重複しています（どちらが使われるか決まりません） / duplicate key "name" at / (which one counts is undefined)'] },
  { kind: 'schema', name: 'an unknown key in a field', mutate: (t) => t.edit('population.schema.json', '"type": "integer",', '"type": "integer",\n      "format": "big",'), exit: 1,
    expect: ['population.schema.json:67:7: error: /fields/2/format: 使えないキーです（format） / /fields/2/format: unknown key (format)'] },
  { kind: 'schema', name: 'an unknown type', mutate: (t) => t.edit('population.schema.json', '"type": "integer",', '"type": "float",'), exit: 1,
    expect: ['population.schema.json:66:7: error: /fields/2/type: 使える値は string, integer, number, date, boolean です / /fields/2/type: must be one of string, integer, number, date, boolean'] },
  { kind: 'schema', name: 'a pattern that does not compile', mutate: (t) => t.edit('population.schema.json', '"pattern": "[0-9]{5}"', '"pattern": "([0-9]{5}"'), exit: 1,
    expect: ['population.schema.json:48:9: error: /fields/0/constraints/pattern: pattern 「([0-9]{5}」 を正規表現として使えません', 'missing closing )'] },
  { kind: 'schema', name: 'a lookbehind pattern', mutate: (t) => t.edit('population.schema.json', '"pattern": "[0-9]{5}"', '"pattern": "(?<=1)[0-9]{4}"'), exit: 1,
    expect: ['population.schema.json:48:9: error: /fields/0/constraints/pattern: pattern 「(?<=1)[0-9]{4}」 を正規表現として使えません（先読み・後読み・後方参照は使えません）'] },
  { kind: 'schema', name: 'a backtracking pattern on a long cell', mutate: (t) => {
      const schema = JSON.parse(t.read('events.schema.json'));
      schema.fields.find((f: { name: string }) => f.name === 'name_en').constraints.pattern = '(\\S+)+';
      t.write('events.schema.json', JSON.stringify(schema, null, 2));
      t.edit('events.csv', 'Case conferences', 'Caseconferencesofthehubsinallwardsx !');
    }, exit: 1, expect: ['events.csv:3:7: error: 「name_en」の値「Caseconferencesofthehubsinallwardsx !」が決められた形式（(\\S+)+）に合いません'] },
  { kind: 'schema', name: 'a name that is not the file name', mutate: (t) => t.edit('population.schema.json', '"name": "population",', '"name": "populations",'), exit: 1,
    expect: ['population.schema.json:2:3: error: スキーマの name 「populations」 がファイル名 「population」 と一致しません'] },
  { kind: 'schema', name: 'a primary key naming no field', mutate: (t) => t.edit('population.schema.json', '"primaryKey": [\n    "area_code",', '"primaryKey": [\n    "ward_code",'), exit: 1,
    expect: ['population.schema.json:22:5: error: /primaryKey/0: 列「ward_code」はfieldsにありません / /primaryKey/0: unknown field "ward_code"'] },
  { kind: 'schema', name: 'a reference to a table that does not exist', mutate: (t) => t.edit('population.schema.json', '"resource": "areas"', '"resource": "regions"'), exit: 1,
    expect: ['population.schema.json:1:0: error: 参照先の表「regions」がありません / the referenced table "regions" does not exist'] },
  { kind: 'schema', name: 'a relation naming a column the table does not have', mutate: (t) => t.edit('population.schema.json', '"limit": "population"', '"limit": "populaton"'), exit: 1,
    expect: ['population.schema.json:117:7: error: /relations/0/limit: 列「populaton」はfieldsにありません / /relations/0/limit: unknown field "populaton"'] },
  { kind: 'schema', name: 'a relation naming a table the folder does not have', mutate: (t) => t.edit('care_need_certified.schema.json', '"table": "population"', '"table": "populations"'), exit: 1,
    expect: ['care_need_certified.schema.json:86:9: error: /relations/0/limit/table: 表「populations」がありません / /relations/0/limit/table: there is no table "populations"'] },
  { kind: 'schema', name: 'a title without English', mutate: (t) => t.edit('population.schema.json', /"en": "[^"]*"\n  \},\n  "description"/, '"en": ""\n  },\n  "description"'), exit: 1,
    expect: ['population.schema.json:5:5: error: /title/en: 空にできません / /title/en: cannot be empty'] },
  { kind: 'schema', name: 'a schema that is a list', mutate: (t) => t.write('population.schema.json', '[]\n'), exit: 1,
    expect: ['population.schema.json:1:1: error: /: オブジェクト（{…}）でなければなりません / /: must be an object'] },

  // metrics.json against the tables.
  { kind: 'metrics', name: 'no metrics.json', mutate: (t) => t.remove('metrics.json'), exit: 1, expect: ['metrics.json:1:0: error: ファイルがありません / the file does not exist'] },
  { kind: 'metrics', name: 'metrics.json that is not JSON', mutate: (t) => t.edit('metrics.json', '"group": "resources",', '"group": "resources"'), exit: 1,
    expect: ['metrics.json:5:5: error: JSONとして読み取れません（カンマ（,）が必要です） / invalid JSON (CommaExpected)'] },
  { kind: 'metrics', name: 'a misspelt table', mutate: (t) => t.edit('metrics.json', '"table": "home_care_facilities"', '"table": "home_care"'), exit: 1,
    expect: ['metrics.json:19:7: error: /0/numerator/table: 表「home_care」がありません / /0/numerator/table: there is no table "home_care"'] },
  { kind: 'metrics', name: 'a misspelt column', mutate: (t) => t.edit('metrics.json', '"column": "support_clinics"', '"column": "support_clinic"'), exit: 1,
    expect: ['metrics.json:20:7: error: /0/numerator/column: 表「home_care_facilities」に列「support_clinic」がありません / /0/numerator/column: table "home_care_facilities" has no column "support_clinic"'] },
  { kind: 'metrics', name: 'a column that is not a number', mutate: (t) => t.edit('metrics.json', '"column": "population"', '"column": "as_of"'), exit: 1,
    expect: ['metrics.json:28:7: error: /0/denominator/column: populationの列「as_of」は数値ではありません（日付（YYYY-MM-DD）） / /0/denominator/column: column "as_of" of population is not numeric (date)'] },
  { kind: 'metrics', name: 'a duplicate id', mutate: (t) => t.edit('metrics.json', '"id": "support_clinics_per_10k_aged_75"', '"id": "support_clinics_per_10k_population"'), exit: 1,
    expect: ['metrics.json:46:5: error: /1/id: IDが /0/id と重複しています / /1/id: duplicate id, same as /0/id'] },
  { kind: 'metrics', name: 'scale 0', mutate: (t) => t.edit('metrics.json', '"scale": 10000,', '"scale": 0,'), exit: 1,
    expect: ['metrics.json:34:5: error: /0/scale: 0より大きくなければなりません / /0/scale: must be greater than 0'] },
  { kind: 'metrics', name: 'a metric scale of 1e308', mutate: (t) => t.edit('metrics.json', '"scale": 10000,', '"scale": 1e308,'), exit: 1,
    expect: ['metrics.json:34:5: error: /0/scale: 1000000以下でなければなりません / /0/scale: must be at most 1000000'] },
  // compare/municipalities/ is the page of the municipalities' comparison, and compare/<metric>/ leads to a metric's: one would hide the other.
  { kind: 'metrics', name: "a metric id equal to a comparison group's name", mutate: (t) => t.edit('metrics.json', '"id": "support_clinic_share"', '"id": "municipalities"'), exit: 1,
    expect: ['metrics.json:385:5: error: /9/id: 指標ID「municipalities」は比較グループの名前と同じです（compare/municipalities/ のページが重なります）。別のIDにしてください / /9/id: the metric id "municipalities" is the name of a comparison group (its page compare/municipalities/ would be hidden); choose another id'] },
  { kind: 'metrics', name: "a metric id equal to a family's count", mutate: (t) => t.edit('metrics.json', '"id": "hub_support_actions_per_client"', '"id": "support_clinics_count"'), exit: 1,
    expect: ['metrics.json:503:5: error: /12/id: 指標ID「support_clinics_count」は系列「support_clinics」の件数の指標として自動で作られるIDと同じです。別のIDにしてください / /12/id: the metric id "support_clinics_count" is the id made for the count of the family "support_clinics"; choose another id'] },
  { kind: 'metrics', name: 'an unknown group', mutate: (t) => t.edit('metrics.json', '"group": "resources",', '"group": "money",'), exit: 1,
    expect: ['metrics.json:4:5: error: /0/group: 使える値は population, resources, hubs です / /0/group: must be one of population, resources, hubs'] },
  // No support clinic counted anywhere (a population of 0 beside its aged 75+ would be refused as impossible first).
  { kind: 'metrics', name: 'a metric no ward can compute', mutate: (t) => t.write('home_care_facilities.csv', t.read('home_care_facilities.csv').replace(/^(\d{5},[^,]+),\d*,/gm, '$1,,')), exit: 1,
    expect: ['metrics.json:3:5: error: 指標「support_clinics_per_10k_population」はどの区でも計算できません（分子・分母がないか分母が0です） / metric "support_clinics_per_10k_population" cannot be computed for any ward (numerator or denominator missing, or the denominator is 0)'] },
  { kind: 'metrics', name: 'metrics.json as a link outside the folder', mutate: (t) => t.link('metrics.json', join(process.cwd(), 'data', 'metrics.json')), exit: 1, expect: ['metrics.json:1:0: error: データフォルダの外（'] },
  { kind: 'metrics', name: 'a new metric over existing columns', mutate: (t) => {
      const metrics = JSON.parse(t.read('metrics.json'));
      const { family: _family, variant: _variant, ...first } = metrics[0];
      metrics.push({ ...first, id: 'support_hospitals_and_clinics_per_10k', numerator: { ...first.numerator, column: ['support_clinics', 'support_hospitals'] } });
      t.write('metrics.json', JSON.stringify(metrics, null, 2));
    }, exit: 0, expect: [],
    built: (out) => expect(existsSync(join(out, 'compare', '14100', 'support_hospitals_and_clinics_per_10k', 'index.html'))).toBe(true) },

  // Values checked for sense, as the schemas declare (field constraints and table relations):
  // errors where the values cannot all be true, warnings where they are only unusual.
  { kind: 'sense', name: 'a vintage of 2099', mutate: pop('14101,2099-01-01,282084,24460,8.7'), exit: 1,
    expect: ['population.csv:2:2: error: 「as_of」の日付「2099-01-01」は今日（', 'より後です。これから先の時点の数値はまだありません / "as_of" is 2099-01-01, after today ('] },
  { kind: 'sense', name: "a date before the table's declared start", mutate: pop('14101,1988-12-31,282084,24460,8.7'), exit: 1,
    expect: ['population.csv:2:2: error: 「as_of」の値「1988-12-31」が下限1989-01-08を下回っています / "1988-12-31" in "as_of" is below the minimum 1989-01-08'] },
  { kind: 'sense', name: 'aged 75+ larger than the population', mutate: pop('14101,2015-01-01,24460,282084,8.7'), exit: 1,
    expect: [
      'population.csv:2:4: error: 「aged_75_plus」（282084）が「population」（24460）を超えています（スキーマの決まり: aged_75_plus ≤ population） / "aged_75_plus" (282084) is greater than "population" (24460); the schema declares aged_75_plus ≤ population',
      'population.csv:2:4: warning: 「aged_75_plus」が「population」の1153.2%です。想定の範囲（2%～50%）の外です。値を確かめてください',
    ] },
  { kind: 'sense', name: 'a population of 1 beside 23,086 aged 75+', mutate: (t) => t.edit('population.csv', '14105,2015-01-01,194363,', '14105,2015-01-01,1,'), exit: 1,
    expect: [
      'population.csv:6:4: error: 「aged_75_plus」（23086）が「population」（1）を超えています',
      // Its other table too: more people certified as needing care than live in the ward.
      'care_need_certified.csv:6:3: error: 「care_need_certified」（9964）がpopulation.csv 6行目の「population」（1）を超えています（スキーマの決まり: care_need_certified ≤ population.population） / "care_need_certified" (9964) is greater than "population" of population.csv line 6 (1); the schema declares care_need_certified ≤ population.population',
    ] },
  { kind: 'sense', name: 'an unusual share aged 75+ is a warning', mutate: pop('14101,2015-01-01,30000,24460,81.5'), exit: 0,
    expect: ['population.csv:2:4: warning: 「aged_75_plus」が「population」の81.5%です。想定の範囲（2%～50%）の外です。値を確かめてください / "aged_75_plus" is 81.5% of "population", outside the expected range (2–50%); check the figures'] },
  { kind: 'sense', name: 'parent codes in a cycle', mutate: (t) => t.edit('areas.csv', '14100,141003,designated_city,,', '14100,141003,designated_city,14101,'), exit: 1,
    expect: ['areas.csv:2:4: error: 「parent_code」をたどると元に戻ります（14100 → 14101 → 14100）。親子関係が循環しています / following "parent_code" leads back where it started (14100 → 14101 → 14100): the hierarchy has a cycle'] },
  { kind: 'sense', name: 'a release dated before the one it follows', mutate: (t) => t.write('releases.csv', t.read('releases.csv') + `${nextVersion},2026-06-01,,次の版。,Next release.\n`), exit: 1,
    expect: [`releases.csv:${releaseRows.length + 2}:2: error: 「version」が「${nextVersion}」の行の「released_on」（2026-06-01）が、それより前の「${lastVersion}」（${releaseRows.length + 1}行目）の「${lastDate}」より前です / "released_on" of version ${nextVersion} (2026-06-01) is before that of the earlier ${lastVersion} (${lastDate}, line ${releaseRows.length + 1})`] },

  // Incomplete wholes: 都筑区 (14118) missing from a 2016 vintage of 17 wards. The sum of 17 wards
  // (3,711,450 − 210,751 = 3,500,699 people) is not Yokohama's: the ward comparison shows no city
  // value at 2016, and Yokohama is compared among municipalities by its last whole figure (2015).
  // Built, because what matters is what the pages publish.
  { kind: 'wholes', name: 'a ward missing from a later vintage', mutate: (t) => {
      const later = t.read('population.csv').split('\n').filter((l) => /^141(0[1-9]|1[0-7]),2015-01-01,/.test(l)).map((l) => l.replace(',2015-01-01,', ',2016-01-01,'));
      expect(later).toHaveLength(17);
      t.write('population.csv', t.read('population.csv') + later.join('\n') + '\n');
    }, exit: 0, expect: [],
    built: (out) => {
      const wards = page(out, 'compare/14100/aged_75_share/index.html');
      expect(wards).toContain('横浜市全体 データなし');
      const towns = page(out, 'compare/municipalities/aged_75_share/index.html');
      // Yokohama's row of the list of municipalities carries its last whole population.
      const yokohamaRow = /<tr><th scope="row"[^>]*>横浜市<\/th>.*?<\/tr>/s.exec(towns)?.[0] ?? '';
      expect(yokohamaRow).toContain('>3,711,450<');
      expect(towns).not.toContain('3,500,699');
      expect(page(out, 'wards/14100/index.html')).not.toContain('3,500,699');
    } },

  // The boundary file of the maps (boundaries.json and the TopoJSON it names), located like a table.
  { kind: 'boundaries', name: 'a boundary file missing an area', mutate: (t) => t.edit(BOUNDARY_FILE, /^\{"type":"Polygon","properties":\{[^\n]*"N03_007":"14105"\}[^\n]*\n/m, ''), exit: 1,
    expect: [`${BOUNDARY_FILE}:3:60: error: 地域「14105 南区」（areas.csv 7行目）の区域が境界ファイルにありません / the boundary file has no shape for area "14105 南区" (areas.csv line 7)`] },
  { kind: 'boundaries', name: 'a truncated boundary file', mutate: (t) => t.edit(BOUNDARY_FILE, /\n\]\}\n$/, '\n'), exit: 1,
    expect: [`${BOUNDARY_FILE}:105:1: error: JSONとして読み取れません（閉じ括弧 ] が必要です） / invalid JSON (CloseBracketExpected)`] },
  { kind: 'boundaries', name: 'a shape drawn with an arc the file does not have', mutate: (t) => t.edit(BOUNDARY_FILE, '"arcs":[[-12,15,16,17,18]]', '"arcs":[[-12,15,16,17,980]]'), exit: 1,
    expect: [`${BOUNDARY_FILE}:6:115: error: 区域が存在しない弧980番を参照しています（弧は80本） / the shape refers to arc 980, but the file has 80 arcs`] },
  { kind: 'boundaries', name: 'a boundary shape with an unknown code', mutate: (t) => t.edit(BOUNDARY_FILE, '"N03_007":"14201"', '"N03_007":"14202"'), exit: 1,
    expect: [
      `${BOUNDARY_FILE}:22:102: error: 区域の「N03_007」の値「14202」は areas.csv にない地域です。サイトの地域だけに絞ってください（npm run boundaries） / "14202" in "N03_007" is not an area of areas.csv; reduce the file to the site's areas (npm run boundaries)`,
      `${BOUNDARY_FILE}:3:60: error: 地域「14201 横須賀市」（areas.csv 21行目）の区域が境界ファイルにありません / the boundary file has no shape for area "14201 横須賀市" (areas.csv line 21)`,
    ] },
  { kind: 'boundaries', name: 'a 6-digit code with a wrong check digit', mutate: (t) => t.edit(BOUNDARY_FILE, '"N03_007":"14103"', '"N03_007":"141030"'), exit: 1,
    expect: [
      `${BOUNDARY_FILE}:6:96: error: 区域の「N03_007」の値「141030」は地方公共団体コード（5桁、または検査数字つきの6桁）ではありません / "141030" in "N03_007" is not a local-government code (5 digits, or 6 with the check digit)`,
      `${BOUNDARY_FILE}:3:60: error: 地域「14103 西区」（areas.csv 5行目）の区域が境界ファイルにありません / the boundary file has no shape for area "14103 西区" (areas.csv line 5)`,
    ] },
  { kind: 'boundaries', name: 'boundaries.json naming a file that is not there', mutate: (t) => t.remove(BOUNDARY_FILE), exit: 1,
    expect: [`${BOUNDARY_FILE}:1:0: error: ファイルがありません / the file does not exist`] },
  { kind: 'boundaries', name: 'boundary codes with their check digit, built as maps', mutate: (t) => {
      t.edit(BOUNDARY_FILE, '"N03_007":"14103"', '"N03_007":"141038"');
      t.edit(BOUNDARY_FILE, '"N03_007":"14201"', '"N03_007":"142018"');
    }, exit: 0, expect: [],
    built: (out) => {
      // The shapes read by their 6-digit codes are drawn, as links, inside the map's figure.
      expect(page(out, 'wards/14103/index.html')).toMatch(/<figure[^>]*id="map"[\s\S]*?<a [^>]*href="\/wards\/14103\/"/);
      expect(page(out, 'compare/municipalities/support_clinics_per_10k_population/index.html')).toMatch(/<figure[^>]*id="map"[\s\S]*?<a [^>]*href="\/wards\/14201\/"/);
    } },

  // Release snapshots (releases/<version>/ beside the data folder) go through the gate too: the
  // build publishes each release's downloads from its snapshot and reads its changes.json.
  { kind: 'releases', name: 'a hand-edited bad cell in a release snapshot', mutate: () => {}, exit: 1,
    dataDir: (work) => withReleases(work, 'snapshot-bad-cell', (at) => edit(at('releases/1.0.0/data/population.csv'), '14103,2015-01-01,97711,', '14103,2015-01-01,977l1,')),
    expect: ['releases/1.0.0/data/population.csv:4:3: error: 「population」の値「977l1」は整数ではありません / "977l1" in "population" is not an integer'] },
  { kind: 'releases', name: 'a truncated changes.json', mutate: () => {}, exit: 1,
    dataDir: (work) => withReleases(work, 'snapshot-truncated-changes', (at) => edit(at('releases/1.0.0/changes.json'), /"table": "events"[\s\S]*$/, '')),
    expect: ['releases/1.0.0/changes.json:38:7: error: JSONとして読み取れません（'] },
  { kind: 'releases', name: 'a changes.json of another version', mutate: () => {}, exit: 1,
    dataDir: (work) => withReleases(work, 'snapshot-other-version', (at) => edit(at('releases/1.0.0/changes.json'), '"version": "1.0.0"', '"version": "1.0.1"')),
    expect: ['releases/1.0.0/changes.json:2:3: error: /version: この変更の記録は版「1.0.1」のものです。フォルダの版「1.0.0」と一致しません / /version: this change report is of release "1.0.1", not of its folder\'s release "1.0.0"'] },
  { kind: 'releases', name: 'a release snapshot that is a link to a folder elsewhere', mutate: () => {}, exit: 1,
    dataDir: (work) => withReleases(work, 'snapshot-link', (at) => {
      rmSync(at('releases/1.0.0'), { recursive: true });
      symlinkSync(join(process.cwd(), 'releases', '1.0.0'), at('releases/1.0.0'));
    }),
    expect: ['releases/1.0.0:1:0: error: 「1.0.0」はシンボリックリンクです。データフォルダの外のものが公開されないよう、フォルダそのものを置いてください'] },
  // Notepad's byte-order mark on a schema: validate accepts it, and so do diff and release.
  { kind: 'releases', name: 'a schema with a byte-order mark, through diff and release', mutate: (t) => t.write('releases.schema.json', '\uFEFF' + t.read('releases.schema.json')), exit: 0, expect: [],
    also: (_output, dir) => {
      const repo = gitRepoOf(dir);
      const diff = spawnSync(process.execPath, [join(process.cwd(), 'scripts/diff.ts'), 'HEAD'], { cwd: repo, encoding: 'utf8' });
      expect(diff.stderr).not.toMatch(/^\s+at /m);
      expect(diff.stdout).toContain('データに変更はありません / no data changes');
      expect(diff.status).toBe(0);
      // Without a base, diff reads the release history first: the newest release's commit is not in
      // this one-commit repository (or, before any release recorded one, there is none to read).
      const base = spawnSync(process.execPath, [join(process.cwd(), 'scripts/diff.ts')], { cwd: repo, encoding: 'utf8' });
      expect(base.stderr).not.toMatch(/^\s+at /m);
      expect(base.stderr).toContain(lastRevision ? `差分を作れません: 最新の版 ${lastVersion} のコミット ${lastRevision} がこのリポジトリにありません` : '差分を作れません: data/releases.csv にコミットが記録された版がないため');
      expect(base.status).toBe(2);
      const release = spawnSync(process.execPath, [join(process.cwd(), 'scripts/release.ts'), nextVersion, '--note-ja', '次の版', '--note-en', 'Next', '--date', lastDate!], { cwd: repo, encoding: 'utf8' });
      expect(release.stderr).not.toMatch(/^\s+at /m);
      expect(release.stdout).toContain(`版 ${nextVersion} を data/releases.csv に追加しました（${lastDate}`);
      expect(release.status).toBe(0);
      rmSync(dirname(repo), { recursive: true, force: true });
    } },

  // The site configuration goes through the same gate.
  { kind: 'site', name: 'no site.json', mutate: (t) => t.remove('site.json'), exit: 1,
    expect: ['site.json:1:0: error: サイトの設定ファイル site.json がありません（タイトル・発行者・対象の地域などを書きます。docs/site-configuration.md を参照） / the site configuration site.json is missing (title, publisher, areas and more; see docs/site-configuration.md)'] },
  { kind: 'site', name: 'a misspelt headline metric', mutate: (t) => t.edit('site.json', '"headlineMetric": "support_clinics_per_10k_population"', '"headlineMetric": "support_clinic_per_10k_population"'), exit: 1,
    expect: ['site.json:24:3: error: /headlineMetric の指標「support_clinic_per_10k_population」がmetrics.jsonにありません / /headlineMetric: the metric "support_clinic_per_10k_population" is not in metrics.json'] },
  { kind: 'site', name: 'an area the data does not have', mutate: (t) => t.edit('site.json', '"areas": ["14100", "14201"]', '"areas": ["14100", "14202"]'), exit: 1,
    expect: ['site.json:21:22: error: /areas/1 の地域コード「14202」がareas.csvにありません / /areas/1: the area code "14202" is not in areas.csv'] },
  { kind: 'site', name: 'a section name that does not exist', mutate: (t) => t.edit('site.json', '"overview", "compare"', '"overview", "comparisons"'), exit: 1,
    expect: ['site.json:22:', '/nav/1'] },
  { kind: 'site', name: 'another publisher and credit, built from configuration alone', mutate: (t) => {
      t.edit('site.json', '"ja": "在宅医療・介護連携の統計 編集チーム"', '"ja": "試験市 健康福祉局"');
      t.edit('site.json', '"nav": ["overview", "compare", "areas", "hubs", "budget", "programmes",', '"nav": ["overview", "compare", "areas",');
    }, exit: 0, expect: [],
    built: (out) => {
      expect(page(out, 'index.html')).toContain('試験市 健康福祉局');
      expect(existsSync(join(out, 'hubs', 'index.html'))).toBe(false);
      expect(page(out, 'index.html')).not.toContain('href="/budget/"');
    } },

  // Every other file the build reads goes through the same reader: the site configuration, the
  // site's own catalogues (data/locales/) and the glossary folder.
  // Notepad's byte-order mark on site.json and on a catalogue of the data folder: one build for both.
  { kind: 'every file', name: 'site.json and a catalogue saved with a byte-order mark keep every edition', mutate: (t) => {
      t.write('site.json', '\uFEFF' + t.read('site.json'));
      t.mkdir('locales');
      t.write('locales/en.json', '\uFEFF' + readFileSync(join(process.cwd(), 'locales', 'en.json'), 'utf8'));
    }, exit: 0, expect: [],
    built: (out) => {
      expect(existsSync(join(out, 'yasashii', 'index.html'))).toBe(true);
      expect(existsSync(join(out, 'yasashii', 'wards', '14101', 'index.html'))).toBe(true);
      expect(page(out, 'en/index.html')).toContain('Home-care statistics');
    } },
  { kind: 'every file', name: 'a named pipe as a catalogue', mutate: (t) => { t.mkdir('locales'); t.mkfifo('locales/en.json'); }, exit: 1,
    expect: ['locales/en.json:1:0: error: 通常のファイルではありません（名前付きパイプ）。読みません / not a regular file (fifo); not read'] },
  { kind: 'every file', name: 'a catalogue linked to /dev/zero', mutate: (t) => { t.mkdir('locales'); t.link('locales/en.json', '/dev/zero'); }, exit: 1,
    expect: ['locales/en.json:1:0: error: データフォルダの外（/dev/zero）を指すシンボリックリンクは読みません / a symbolic link to /dev/zero, outside the data folder, is not read'] },
  { kind: 'every file', name: 'a catalogue linked to /etc/passwd', mutate: (t) => { t.mkdir('locales'); t.link('locales/en.json', '/etc/passwd'); }, exit: 1,
    expect: ['locales/en.json:1:0: error: データフォルダの外（/etc/passwd）を指すシンボリックリンクは読みません'],
    also: (output) => expect(output).not.toMatch(/root:/) },
  { kind: 'every file', name: 'a truncated catalogue', mutate: (t) => { t.mkdir('locales'); t.write('locales/en.json', '{\n  "$language": { "name": "English" },\n  "nav.home": "Home"\n'); }, exit: 1,
    expect: ['locales/en.json:4:1: error: JSONとして読み取れません（閉じ括弧 } が必要です） / invalid JSON (CloseBraceExpected)'] },
  { kind: 'every file', name: 'a catalogue falling back to a path outside the folder', mutate: (t) => { t.mkdir('locales'); t.write('locales/en.json', '{\n  "$language": { "name": "English", "fallback": "../../package" }\n}\n'); }, exit: 1,
    expect: ['locales/en.json:2:37: error: 代わりの言語「../../package」は言語コードではありません（site.json の言語: ja, en, ja-Hira） / the fallback "../../package" is not a language code (site.json lists ja, en, ja-Hira)'] },
  { kind: 'every file', name: 'a catalogue falling back to a language the site does not have', mutate: (t) => { t.mkdir('locales'); t.write('locales/en.json', '{\n  "$language": { "name": "English", "fallback": "de" }\n}\n'); }, exit: 1,
    expect: ['locales/en.json:2:37: error: 代わりの言語「de」はサイトの言語ではありません（site.json の言語: ja, en, ja-Hira） / the fallback "de" is not one of the site\'s languages (site.json lists ja, en, ja-Hira)'] },
  { kind: 'every file', name: 'the glossary folder as a link to a folder outside', mutate: (t) => { t.remove('glossary'); t.link('glossary', join(process.cwd(), 'data', 'glossary')); }, exit: 1,
    expect: ['glossary:1:0: error: 「glossary」はシンボリックリンクです。データフォルダの外のものが公開されないよう、フォルダそのものを置いてください / "glossary" is a symbolic link; put the folder itself here, so that nothing outside the data folder is published'] },
  { kind: 'every file', name: 'a file named glossary where the folder was', mutate: (t) => { t.remove('glossary'); t.write('glossary', 'term,definition\n'); }, exit: 1,
    expect: ['glossary:1:0: error: 「glossary」はフォルダではありません。glossary/ フォルダを置くか、このファイルを削除してください / "glossary" is not a folder; make it a glossary/ folder or remove the file'] },

  // Configuration values: addresses that run or embed, languages and redirects that would
  // overwrite or shadow pages.
  { kind: 'site values', name: 'a javascript: address for the publisher', mutate: (t) => t.edit('site.json', '"publisher": {', '"publisher": { "url": "javascript:alert(1)",'), exit: 1,
    expect: ['site.json:8:', '/publisher/url: 書き方が決められた形式に合いません（an absolute http:// or https:// address）'] },
  { kind: 'site values', name: 'a data: address for the licence', mutate: (t) => t.edit('site.json', '"url": "https://creativecommons.org/licenses/by/4.0/"', '"url": "data:text/html,<b>x</b>"'), exit: 1,
    expect: ['site.json:36:', '/licence/data/url: 書き方が決められた形式に合いません'] },
  { kind: 'site values', name: 'a language on the path of a section', mutate: (t) => t.edit('site.json', '{ "code": "ja-Hira", "path": "yasashii" }', '{ "code": "ja-Hira", "path": "wards" }'), exit: 1,
    expect: ['site.json:20:', '/languages/2: パス「wards」はサイトの項目の名前です。この言語には別のパスを付けてください / /languages/2: the path "wards" is a section of the site; give the language another one'] },
  { kind: 'site values', name: 'two languages on one path', mutate: (t) => t.edit('site.json', '{ "code": "ja-Hira", "path": "yasashii" }', '{ "code": "ja-Hira", "path": "en" }'), exit: 1,
    expect: ['site.json:20:', '/languages/2: パス「en」は2番目の言語がすでに使っています / /languages/2: the path "en" is already the path of language 2'] },
  { kind: 'site values', name: 'a redirect to another host', mutate: (t) => t.edit('site.json', '"to": "wards/14201/"', '"to": "//elsewhere.example/"'), exit: 1,
    expect: ['site.json:39:', '/redirects/0/to: サイトの中のパスを、先頭の / や二重の / なしで書いてください（ほかのサイトには転送できません）'] },
  { kind: 'site values', name: 'a redirect from a page that exists', mutate: (t) => t.edit('site.json', '"from": "yokosuka/"', '"from": "wards/"'), exit: 1,
    expect: ['site.json:39:', '/redirects/0/from: 「wards/」はサイトにあるページか項目です。転送できるのは、もう無いアドレスだけです'] },
];

/** A working copy as a repository has it, data/ and releases/ side by side, changed by `change`; returns its data folder. */
function withReleases(work: string, name: string, change: (at: (path: string) => string) => void): string {
  const project = join(work, 'projects', name);
  rmSync(project, { recursive: true, force: true });
  for (const folder of ['data', 'releases']) cpSync(join(process.cwd(), folder), join(project, folder), { recursive: true });
  change((path) => join(project, path));
  return join(project, 'data');
}

/** Replaces the first `from` in a file, failing if it is not there. */
function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!(typeof from === 'string' ? text.includes(from) : from.test(text))) throw new Error(`${file}: ${String(from)} not found`);
  writeFileSync(file, text.replace(from, to));
}

/** A git repository holding a copy of `dataDir` as data/ and the project's releases/, committed; returns its root. */
function gitRepoOf(dataDir: string): string {
  const repo = join(mkdtempSync(join(tmpdir(), 'corpus-repo-')), 'repo');
  cpSync(dataDir, join(repo, 'data'), { recursive: true });
  cpSync(join(process.cwd(), 'releases'), join(repo, 'releases'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=corpus', '-c', 'user.email=corpus@example.org', '-C', repo, ...args], { stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'data');
  return repo;
}

function emptyDir(work: string): string {
  const dir = join(work, 'empty-folder');
  mkdirSync(dir, { recursive: true });
  return dir;
}
