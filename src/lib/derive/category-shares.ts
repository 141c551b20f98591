/**
 * Shares of the categories of a breakdown (who consulted, what the support was about): each
 * count over the sum of the parts. Support contents allow several answers per action, so their
 * shares are of all answers, not of actions, and are marked as such.
 */
import * as aq from 'arquero';
import { select, type Tables } from '../dataset.ts';
import { vintageOf } from './vintage.ts';

const { op } = aq;

export interface CategoryShare {
  breakdown: string;
  area_code: string;
  vintage: string;
  category_id: string;
  label_ja: string;
  label_en: string;
  count: number;
  total: number;
  share_pct: number;
  multiple_answers: boolean;
}

/** The breakdown tables, with the column holding each category's id and count. */
export const breakdowns = [
  { table: 'consultation_sources', id: 'source_id', count: 'clients', multipleAnswers: false },
  { table: 'support_contents', id: 'content_id', count: 'cases', multipleAnswers: true },
] as const;

export function deriveCategoryShares(tables: Tables): CategoryShare[] {
  return breakdowns.flatMap((b) => {
    const table = tables.get(b.table);
    if (!table) return [];
    const rows = select(tables, b.table)
      .filter((r) => r.row[b.id] !== 'total')
      .map((r) => ({
        area_code: String(r.row.area_code),
        vintage: vintageOf(table.schema, r.row)!.key,
        category_id: String(r.row[b.id]),
        label_ja: String(r.row.label_ja),
        label_en: String(r.row.label_en),
        count: r.row[b.count] as number,
      }));
    if (rows.length === 0) return [];
    return aq
      .from(rows)
      .groupby('area_code', 'vintage')
      .derive({ total: op.sum('count') })
      .derive({ share_pct: (d: { count: number; total: number }) => (d.count / d.total) * 100 })
      .ungroup()
      .objects()
      .map((r) => ({ breakdown: b.table, ...(r as Omit<CategoryShare, 'breakdown' | 'multiple_answers'>), multiple_answers: b.multipleAnswers }));
  });
}
