/**
 * The source documents, each named once: publisher, title and the document's own date (to the
 * precision it is known: an undated document carries the year its text points to), and the
 * tables transcribed from it. A table lists each of its documents once too, with the sections
 * read and the dates its figures describe — the date of the figures, not of the document.
 */
import { select, type Tables } from '../dataset.ts';
import { formatDate, formatYear, formatYearMonth } from '../format.ts';
import { local, type Lang } from '../i18n.ts';
import { translate } from '../i18n/translate.ts';

export interface SourceDocument {
  id: string;
  /** The anchor of its entry on the data page. */
  anchor: string;
  /** 横浜市医療局「…」 / Yokohama City, Medical Bureau, “…” */
  name: string;
  /** The document's date as precisely as it is known, and whether that date was inferred from its text. */
  date: string;
  inferred: boolean;
  /** Tables with figures from this document, by name. */
  tables: string[];
}

export const documentAnchor = (id: string) => `doc-${id}`;

export function documentName(row: Record<string, unknown>, lang: Lang): string {
  return translate(lang, 'sources.documentName', { publisher: local(lang, row, 'publisher'), title: local(lang, row, 'title') });
}

/** The documents a table's figures come from: declared by its schema, or named on its rows. */
function documentsOf(tables: Tables, name: string): string[] {
  const table = tables.get(name)!;
  const declared = table.schema.sources.map((s) => s.document);
  const perRow = table.schema.fields.some((f) => f.name === 'source_document') ? table.rows.map((r) => String(r.source_document)) : [];
  return [...new Set([...declared, ...perRow])];
}

export function sourceDocuments(tables: Tables, lang: Lang): SourceDocument[] {
  const names = [...tables.keys()].sort();
  return select(tables, 'sources').map(({ row }) => {
    const id = String(row.document_id);
    const published = String(row.published);
    const precision = String(row.published_precision);
    const date = precision === 'day' ? formatDate(published, lang) : precision === 'month' ? formatYearMonth(published, lang) : formatYear(published, lang);
    return { id, anchor: documentAnchor(id), name: documentName(row, lang), date, inferred: precision !== 'day', tables: names.filter((n) => documentsOf(tables, n).includes(id)) };
  });
}

export interface TableSource {
  document: string;
  name: string;
  /** The sections read, in the order the schema gives them; empty for documents named on rows. */
  sections: string[];
  /** The dates the figures describe, formatted, in order. */
  asOf: string[];
  perRow: boolean;
}

/** One entry per document a table draws on, its sections and dates merged. */
export function tableSources(tables: Tables, name: string, lang: Lang): TableSource[] {
  const table = tables.get(name)!;
  const docs = new Map(select(tables, 'sources').map((r) => [String(r.row.document_id), r.row]));
  const out = new Map<string, TableSource & { days: Set<string> }>();
  const entry = (id: string, perRow: boolean) => {
    let e = out.get(id);
    const doc = docs.get(id);
    if (!e) out.set(id, (e = { document: id, name: doc ? documentName(doc, lang) : id, sections: [], asOf: [], perRow, days: new Set() }));
    return e;
  };
  for (const s of table.schema.sources) {
    const e = entry(s.document, false);
    if (s.section && !e.sections.includes(s.section)) e.sections.push(s.section);
    if (s.asOf) e.days.add(s.asOf);
  }
  for (const id of documentsOf(tables, name)) if (!out.has(id)) entry(id, true);
  return [...out.values()].map(({ days, ...e }) => ({ ...e, asOf: [...days].sort().map((d) => formatDate(d, lang)) }));
}
