/** Where a table's figures come from, in words, for the line under every chart and table. */
import { select, type Tables } from '../dataset.ts';
import { formatDate } from '../format.ts';
import { local, type Lang } from '../i18n.ts';
import { translate } from '../i18n/translate.ts';

/**
 * The sources of the given tables; with `asOf`, only the sources describing those dates (a table
 * may hold figures from several documents and dates).
 */
export function sourceText(tables: Tables, tableNames: readonly string[], lang: Lang, asOf?: readonly string[]): string {
  const docs = new Map(select(tables, 'sources').map((r) => [String(r.row.document_id), r.row]));
  // One entry per document, with every date of it the figures use: a document read for two
  // tables or two dates is still one source.
  const dates = new Map<string, Set<string>>();
  for (const name of new Set(tableNames)) {
    const schema = tables.get(name)?.schema;
    for (const s of schema?.sources ?? []) {
      if (!docs.has(s.document)) continue;
      if (asOf && s.asOf && !asOf.includes(s.asOf)) continue;
      const set = dates.get(s.document) ?? new Set<string>();
      if (s.asOf) set.add(s.asOf);
      dates.set(s.document, set);
    }
  }
  return [...dates]
    .map(([id, days]) => {
      const doc = docs.get(id)!;
      const title = translate(lang, 'common.documentTitle', { publisherJa: local(lang, doc, 'publisher'), titleJa: local(lang, doc, 'title') });
      const sorted = [...days].sort();
      if (!sorted.length) return title;
      return translate(lang, 'sources.asOf', { title, dates: sorted.map((d) => formatDate(d, lang)).join(translate(lang, 'list.dates')) });
    })
    .join(translate(lang, 'list.semicolon'));
}
