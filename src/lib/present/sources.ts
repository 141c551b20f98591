/** Where a table's figures come from, in words, for the line under every chart and table. */
import { select, type Tables } from '../dataset.ts';
import { formatDate } from '../format.ts';
import type { Lang } from '../i18n.ts';

/**
 * The sources of the given tables; with `asOf`, only the sources describing those dates (a table
 * may hold figures from several documents and dates).
 */
export function sourceText(tables: Tables, tableNames: readonly string[], lang: Lang, asOf?: readonly string[]): string {
  const docs = new Map(select(tables, 'sources').map((r) => [String(r.row.document_id), r.row]));
  const parts: string[] = [];
  for (const name of new Set(tableNames)) {
    const schema = tables.get(name)?.schema;
    for (const s of schema?.sources ?? []) {
      const doc = docs.get(s.document);
      if (!doc) continue;
      if (asOf && s.asOf && !asOf.includes(s.asOf)) continue;
      const title = lang === 'ja' ? `${String(doc.publisher_ja)}「${String(doc.title_ja)}」` : `${String(doc.publisher_en)}, “${String(doc.title_en)}”`;
      const when = s.asOf ? (lang === 'ja' ? `（${formatDate(s.asOf)}時点）` : ` (as of ${formatDate(s.asOf, 'en')})`) : '';
      const text = `${title}${when}`;
      if (!parts.includes(text)) parts.push(text);
    }
  }
  return parts.join(lang === 'ja' ? '、' : '; ');
}
