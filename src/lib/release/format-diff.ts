/**
 * The diff as a maintainer reads it in a terminal or on a CI summary page: one summary line per
 * changed table (Japanese first, English beside it), then one line per row, then the rank moves.
 */
import type { Value } from '../validate/parse-cell.ts';
import type { DataDiff, MetricRankDiff, RankMove, RowDiff, TableDiff } from './diff-data.ts';

export interface DiffSides {
  /** How each side is named in the heading: `1.0.0 (0123abc)`, `作業ツリー / working tree`. */
  before: string;
  after: string;
}

/** The whole report as text, ending with a newline. */
export function formatDiffReport(data: DataDiff, ranks: readonly MetricRankDiff[], sides: DiffSides): string {
  const lines = [`データの差分 / Data diff: ${sides.before} → ${sides.after}`, ''];
  if (data.tables.length === 0) lines.push('データに変更はありません / no data changes');
  for (const t of data.tables) lines.push(...formatTable(t));
  lines.push('', '指標の順位 / Metric ranks');
  if (ranks.length === 0) lines.push('順位の変動はありません / no rank moved');
  for (const m of ranks) lines.push(...formatMetric(m));
  return lines.join('\n') + '\n';
}

function formatTable(t: TableDiff): string[] {
  const file = `${t.table}.csv`;
  if (t.status === 'added') return [`${file}: 表の追加（${t.rowsAfter}行） / table added (${rows(t.rowsAfter)})`];
  if (t.status === 'removed') return [`${file}: 表の削除（${t.rowsBefore}行） / table removed (${rows(t.rowsBefore)})`];
  const out = [
    `${file}: 追加${t.added.length}行・削除${t.removed.length}行・変更${t.changed.length}行 / ` +
      `${t.added.length} added, ${t.removed.length} removed, ${t.changed.length} changed`,
  ];
  if (t.columnsAdded.length) out.push(`  列の追加 / columns added: ${t.columnsAdded.join(', ')}`);
  if (t.columnsRemoved.length) out.push(`  列の削除 / columns removed: ${t.columnsRemoved.join(', ')}`);
  if (t.primaryKeyChanged)
    out.push(`  主キーの変更 / primary key changed: ${t.primaryKeyChanged.before.join(', ')} → ${t.primaryKeyChanged.after.join(', ')}`);
  if (!t.rowsMatched)
    out.push(`  行を対応づけられないため件数のみ（${t.rowsBefore}行 → ${t.rowsAfter}行） / rows cannot be matched: ${t.rowsBefore} → ${t.rowsAfter} rows`);
  for (const r of t.added) out.push(`  追加 ${rowLabel(r)}: ${rowValues(r)}`);
  for (const r of t.removed) out.push(`  削除 ${rowLabel(r)}: ${rowValues(r)}`);
  for (const r of t.changed) out.push(`  変更 ${rowLabel(r)}: ${r.changes.map((c) => `${c.column} ${show(c.before)} → ${show(c.after)}`).join(', ')}`);
  return out;
}

const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

/** `14103 西区 source_id=care_manager (2015-01-01)`: area, other key values, vintage. */
export function rowLabel(r: RowDiff): string {
  const parts: string[] = [];
  if (r.area) parts.push(r.area.nameJa ? `${r.area.code} ${r.area.nameJa}` : r.area.code);
  for (const [k, v] of Object.entries(r.rest)) parts.push(`${k}=${show(v)}`);
  if (r.vintage) parts.push(`(${r.vintage})`);
  return parts.join(' ');
}

// An added or removed row shows its other values, so the reader need not open the file.
function rowValues(r: RowDiff): string {
  const skip = new Set([...Object.keys(r.key), 'area_code']);
  const values = Object.entries(r.row ?? {}).filter(([k, v]) => !skip.has(k) && v !== null && v !== '');
  return values.length ? values.map(([k, v]) => `${k} ${show(v)}`).join(', ') : '（値なし / no values）';
}

const show = (v: Value): string => {
  if (v === null || v === '') return '（空欄 / empty）';
  const s = String(v).replace(/\s+/g, ' ');
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};

function formatMetric(m: MetricRankDiff): string[] {
  const head = `${m.metricId} ${m.label.ja} / ${m.label.en}`;
  const out: string[] = [];
  if (m.status === 'added') out.push(`${head}: 指標の追加 / metric added`);
  else if (m.status === 'removed') out.push(`${head}: 指標の削除 / metric removed`);
  else out.push(`${head}: 順位の変動${m.moves.length}区 / ${m.moves.length} ${m.moves.length === 1 ? 'ward' : 'wards'} moved`);
  if (m.definitionChanged) out.push('  定義（metrics.json）の変更 / definition changed in metrics.json');
  if (m.errorBefore) out.push(`  変更前は計算できません / not computable before: ${m.errorBefore}`);
  if (m.errorAfter) out.push(`  変更後は計算できません / not computable after: ${m.errorAfter}`);
  for (const move of m.moves) out.push(`  ${formatMove(move, m.digits)}`);
  return out;
}

function formatMove(m: RankMove, digits: number): string {
  const name = m.nameJa ? `${m.areaCode} ${m.nameJa}` : m.areaCode;
  const rankJa = (r: number | null) => (r === null ? '順位なし' : `${r}位`);
  const rankEn = (r: number | null) => (r === null ? 'unranked' : String(r));
  // Two more places than the site prints, so a move between equal-looking values is visible.
  const value = (v: number | null) => (v === null ? '値なし/no value' : v.toFixed(digits + 2));
  return (
    `${name}: ${rankJa(m.rankBefore)} → ${rankJa(m.rankAfter)}（${m.rankOfAfter || m.rankOfBefore}区中） / ` +
    `rank ${rankEn(m.rankBefore)} → ${rankEn(m.rankAfter)} of ${m.rankOfAfter || m.rankOfBefore} (${value(m.valueBefore)} → ${value(m.valueAfter)})`
  );
}
