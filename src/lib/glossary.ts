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
import { grammarOf } from './i18n/grammar.ts';
import { localColumn } from './i18n/labels.ts';
import { languageOf } from './i18n/languages.ts';

export interface GlossaryTerm {
  /** Anchor on the glossary page: `glossary/#<id>`. */
  id: string;
  ja: { term: string; reading: string; definition: string };
  en: { term: string; definition: string };
  /** The row as written, for the columns of other languages (`term_<lang>`, `definition_<lang>`). */
  row?: Readonly<Record<string, unknown>>;
}

/** A term in a language: its own columns where the glossary has them, else along the language's fallback chain. */
export function termIn(term: GlossaryTerm, lang: Lang): { term: string; reading: string; definition: string } {
  const chain = languageOf(lang).chain;
  if (term.row) return { term: localColumn(term.row, 'term', chain), reading: localColumn(term.row, 'reading', chain), definition: localColumn(term.row, 'definition', chain) };
  return grammarOf(lang) === 'ja' ? term.ja : { ...term.en, reading: '' };
}

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
