/**
 * The glossary (用語集): plain explanations of the terms the site uses. It is site text, not
 * statistics, so it lives in its own folder, `data/glossary/`, as a CSV with its schema checked
 * by the same validator as every table (`npm run validate -- data/glossary`), but outside the
 * tables that releases snapshot and the downloads publish.
 */
import { join } from 'node:path';
import { formatProblem, sortProblems } from './problems.ts';
import { subfolderKind } from './load/read-data-file.ts';
import { validateDataDir } from './validate/validate-dataset.ts';
import type { Lang } from './i18n.ts';
import { columnOf, localColumn } from './i18n/labels.ts';
import { languageOf, siteLanguages } from './i18n/languages.ts';

export interface GlossaryTerm {
  /** Anchor on the glossary page: `glossary/#<id>`. */
  id: string;
  ja: { term: string; reading: string; definition: string };
  en: { term: string; definition: string };
  /** The row as written, for the columns of other languages (`term_<lang>`, `definition_<lang>`). */
  row?: Readonly<Record<string, unknown>>;
}

/**
 * A term in a language: its own columns where the glossary has them, else along the language's
 * fallback chain. The reading is the one written for the term's own language (an English term has none).
 */
export function termIn(term: GlossaryTerm, lang: Lang): { term: string; reading: string; definition: string } {
  const chain = languageOf(lang).chain;
  const row = rowOf(term);
  const from = chain.find((code) => String(row[columnOf('term', code)] ?? '') !== '') ?? chain[0]!;
  return { term: localColumn(row, 'term', chain), reading: String(row[columnOf('reading', from)] ?? ''), definition: localColumn(row, 'definition', chain) };
}

/** The term in the first other language of the site that writes it differently, to show beside it. */
export function otherTerm(term: GlossaryTerm, lang: Lang): { term: string; htmlLang: string } | null {
  const own = termIn(term, lang).term;
  for (const other of siteLanguages()) {
    const text = termIn(term, other.code).term;
    if (other.code !== lang && text && text !== own) return { term: text, htmlLang: other.htmlLang };
  }
  return null;
}

const rowOf = (term: GlossaryTerm): Readonly<Record<string, unknown>> =>
  term.row ?? { term_ja: term.ja.term, reading_ja: term.ja.reading, definition_ja: term.ja.definition, term_en: term.en.term, definition_en: term.en.definition };

const loaded = new Map<string, GlossaryTerm[]>();

/**
 * The terms in display order, from `<dataDir>/glossary/`. A data folder without one has no
 * glossary (the page says so); a glossary with an error stops the build with its place.
 */
export function loadGlossary(dataDir: string): GlossaryTerm[] {
  const cached = loaded.get(dataDir);
  if (cached) return cached;
  const dir = join(dataDir, 'glossary');
  let terms: GlossaryTerm[] = [];
  // Only a folder of the data folder itself (validate refuses a link or a file of that name).
  if (subfolderKind(dataDir, 'glossary') === 'folder') {
    const { tables, problems } = validateDataDir(dir, process.cwd(), { site: false });
    const errors = sortProblems(problems).filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new Error(errors.map(formatProblem).join('\n'));
    terms = [...(tables.get('glossary')?.rows ?? [])]
      .sort((a, b) => Number(a.order) - Number(b.order))
      .map((r) => ({
        id: String(r.term_id),
        ja: { term: String(r.term_ja), reading: r.reading_ja == null ? '' : String(r.reading_ja), definition: String(r.definition_ja) },
        en: { term: String(r.term_en), definition: String(r.definition_en) },
        row: r,
      }));
  }
  loaded.set(dataDir, terms);
  return terms;
}
