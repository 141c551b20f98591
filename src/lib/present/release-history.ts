/**
 * The update-history page's view model: every release, newest first, with its note, its download
 * folder and its change report (from the snapshot's changes.json) as rows for data tables, in
 * one language.
 */
import { formatDate, formatNumber } from '../format.ts';
import { local, pick, type Lang } from '../i18n.ts';
import { downloadFolders, releasesOf } from '../release/folders.ts';
import type { MetricRankDiff, RowDiff } from '../release/diff-data.ts';
import { readReleaseChanges, releasesDir } from '../release/snapshots.ts';
import type { SiteData } from '../site-data.ts';
import type { Value } from '../validate/parse-cell.ts';
import { areaName } from './groups.ts';
import { vintageText } from './views.ts';
import { translator } from '../i18n/translate.ts';

export interface ReleaseEntry {
  version: string;
  /** `v1-1-0`: the section's id. */
  id: string;
  date: string;
  /** YYYY-MM-DD. */
  releasedOn: string;
  note: string;
  /** `v1.1.0`, or null when the build publishes no folder for this release. */
  folder: string | null;
  changes:
    | { kind: 'none' }
    | { kind: 'first'; tables: string[][] }
    | {
        kind: 'diff';
        previous: string;
        /** Table, added, removed, changed, what else changed. */
        tables: string[][];
        /** Table, area, vintage, column, before, after. */
        cells: string[][];
        /** Table, added or removed, area, vintage, values. */
        rows: string[][];
        /** Metric, area, rank before → after, value before → after. */
        ranks: string[][];
        /** Metrics added, removed or redefined, as sentences. */
        metricNotes: string[];
      };
}

/** Every release of the site's data, newest first, read with the snapshots under `snapshots`. */
export function releaseHistory(site: SiteData, lang: Lang, snapshots = releasesDir()): ReleaseEntry[] {
  const t = translator(lang);
  const published = new Set(downloadFolders(site, snapshots).map((f) => f.folder));
  const tableTitle = (name: string) => {
    const title = site.tables.get(name)?.schema.title[lang];
    return title ? t('releaseHistory.tableWithName', { title, name }) : name;
  };
  const columnTitle = (table: string, column: string) => site.tables.get(table)?.schema.fields.find((f) => f.name === column)?.title[lang] ?? column;
  const show = (v: Value | undefined) => (v === null || v === undefined || v === '' ? t('releaseHistory.empty') : String(v));
  const areaLabel = (code: string, nameJa: string | null) => {
    // An area gone from today's areas.csv keeps the name it had in the release.
    const known = areaName(site.tables, code, lang);
    const name = known !== code ? known : (nameJa ?? code);
    return name === code ? code : t('releaseHistory.nameWithCode', { name, code });
  };
  const where = (r: RowDiff) => {
    const parts = Object.entries(r.rest).map(([k, v]) => `${k}=${show(v)}`);
    if (r.area) parts.unshift(areaLabel(r.area.code, r.area.nameJa));
    return parts.join(' ') || '—';
  };
  const values = (table: string, r: RowDiff) => {
    const skip = new Set([...Object.keys(r.key), 'area_code']);
    const cells = Object.entries(r.row ?? {}).filter(([k, v]) => !skip.has(k) && v !== null && v !== '');
    return cells.map(([k, v]) => `${columnTitle(table, k)} ${show(v)}`).join(t('list.semicolon')) || '—';
  };
  const rank = (r: number | null) => (r === null ? t('releaseHistory.unranked') : t('releaseHistory.rank', { rank: r }));
  const value = (m: MetricRankDiff, v: number | null) => (v === null ? t('releaseHistory.noValue') : formatNumber(v, m.digits, lang));

  return releasesOf(site)
    .reverse()
    .map((r): ReleaseEntry => {
      const folder = `v${r.version}`;
      const base = {
        version: r.version,
        id: folder.replace(/\./g, '-'),
        date: formatDate(r.releasedOn, lang),
        releasedOn: r.releasedOn,
        note: local(lang, r.row ?? { note_ja: r.noteJa, note_en: r.noteEn }, 'note'),
        folder: published.has(folder) ? folder : null,
      };
      const changes = readReleaseChanges(snapshots, r.version);
      if (!changes) return { ...base, changes: { kind: 'none' } };
      if (changes.previous === null)
        return { ...base, changes: { kind: 'first', tables: changes.tables.map((x) => [tableTitle(x.table), formatNumber(x.rows, 0, lang)]) } };

      const tables = changes.data.tables.map((d) => {
        const notes: string[] = [];
        if (d.status === 'added') notes.push(t('releaseHistory.tableAddedRows', { rowsAfter: d.rowsAfter }));
        if (d.status === 'removed') notes.push(t('releaseHistory.tableRemovedRows', { rowsBefore: d.rowsBefore }));
        if (d.columnsAdded.length) notes.push(t('releaseHistory.columnsAdded', { join: d.columnsAdded.join(', ') }));
        if (d.columnsRemoved.length) notes.push(t('releaseHistory.columnsRemoved', { join: d.columnsRemoved.join(', ') }));
        if (d.primaryKeyChanged) notes.push(t('releaseHistory.primaryKeyChanged'));
        if (d.status === 'changed' && !d.rowsMatched) notes.push(t('releaseHistory.rows', { rowsBefore: d.rowsBefore, rowsAfter: d.rowsAfter }));
        return [tableTitle(d.table), String(d.added.length), String(d.removed.length), String(d.changed.length), notes.join(t('list.semicolon')) || '—'];
      });
      const cells = changes.data.tables.flatMap((d) =>
        d.changed.flatMap((r) =>
          r.changes.map((c) => [tableTitle(d.table), where(r), vintageText(r.vintage, lang) || '—', columnTitle(d.table, c.column), show(c.before), show(c.after)]),
        ),
      );
      const rows = changes.data.tables.flatMap((d) => [
        ...d.added.map((r) => [tableTitle(d.table), t('releaseHistory.added'), where(r), vintageText(r.vintage, lang) || '—', values(d.table, r)]),
        ...d.removed.map((r) => [tableTitle(d.table), t('releaseHistory.removed'), where(r), vintageText(r.vintage, lang) || '—', values(d.table, r)]),
      ]);
      const ranks = changes.ranks.flatMap((m) =>
        m.moves.map((mv) => [
          pick(lang, m.label),
          areaLabel(mv.areaCode, mv.nameJa),
          t('releaseHistory.rankMove', { rankBefore: rank(mv.rankBefore), rankAfter: rank(mv.rankAfter), value: mv.rankOfAfter || mv.rankOfBefore }),
          `${value(m, mv.valueBefore)} → ${value(m, mv.valueAfter)}`,
        ]),
      );
      const metricNotes = changes.ranks.flatMap((m) => [
        ...(m.status === 'added' ? [t('releaseHistory.metricAdded', { mLabel: pick(lang, m.label) })] : []),
        ...(m.status === 'removed' ? [t('releaseHistory.metricRemoved', { mLabel: pick(lang, m.label) })] : []),
        ...(m.definitionChanged ? [t('releaseHistory.definitionChanged', { mLabel: pick(lang, m.label) })] : []),
      ]);
      return { ...base, changes: { kind: 'diff', previous: changes.previous, tables, cells, rows, ranks, metricNotes } };
    });
}
