/**
 * Cells of the document tables in words, where several pages show the same kind of row: a hub's
 * opening date (some are known only to the month), an event's attendance (approximate or
 * cumulative counts keep their qualifier), and events a document prints twice, shown once.
 */
import { formatDate, formatNumber, formatYearMonth } from '../format.ts';
import type { Lang } from '../i18n.ts';
import type { Row } from '../validate/validate-table.ts';
import { translate } from '../i18n/translate.ts';

/** A whole number with separators, or a dash where the document printed none. */
export const countText = (v: unknown, lang: Lang) => (v === null || v === undefined ? '—' : formatNumber(Number(v), 0, lang));

/** 2015年1月5日, or 2016年5月 for an opening known only to the month; a dash if unknown. */
export function openedText(hub: Row, lang: Lang): string {
  if (!hub.opened_on) return '—';
  return hub.opened_on_precision === 'month' ? formatYearMonth(String(hub.opened_on), lang) : formatDate(String(hub.opened_on), lang);
}

/** 約500, 延べ544人 style attendance: the qualifier the document printed stays with the number. */
export function attendanceText(event: Row, lang: Lang): string {
  if (event.attendance === null || event.attendance === undefined) return '—';
  const approx = event.attendance_qualifier === 'approx' ? translate(lang, 'recordText.about') : '';
  const cumulative = event.attendance_qualifier === 'cumulative' ? translate(lang, 'recordText.total') : '';
  return `${approx}${countText(event.attendance, lang)}${cumulative}`;
}

/**
 * Events with their duplicates folded: rows of one area that a document prints twice under two
 * names (the same document, period, sessions and attendance) become the first row, carrying the
 * others' names. An attendance figure is required: two one-off events without one are not alike.
 */
export function printedOnce(rows: readonly Row[]): { events: Row[]; alsoNamed: Map<Row, Row[]> } {
  const alsoNamed = new Map<Row, Row[]>();
  const first = new Map<string, Row>();
  const events: Row[] = [];
  for (const e of rows) {
    const key = typeof e.attendance === 'number' ? [e.area_code, e.source_document, e.period_start, e.period_end, e.sessions, e.attendance, e.attendance_qualifier].map(String).join('|') : null;
    const seen = key ? first.get(key) : undefined;
    if (seen && seen.name_ja !== e.name_ja) {
      alsoNamed.set(seen, [...(alsoNamed.get(seen) ?? []), e]);
      continue;
    }
    if (key && !seen) first.set(key, e);
    events.push(e);
  }
  return { events, alsoNamed };
}
