/**
 * The labels an edition writes itself. A language whose catalogue declares `ownLabels: true`
 * (やさしい日本語) shows its own words for what comes from data wherever a declaration gives them,
 * and its fallback's words otherwise. A maintainer who adds a metric, a table or a row without
 * them is told where, as a warning: the page still works, in the fallback's words.
 *
 * Checked, before the labels are filled from the fallback chain: every label of metrics.json, the
 * title of every table (each once some of them carry the language), and every row of a text column
 * the schema declares in the language (`name_ja_hira` beside `name_ja`) whose default-language
 * cell is written and its own is empty.
 */
import type { Problem } from '../problems.ts';
import { columnOf, labelsIn } from '../i18n/labels.ts';
import type { Language } from '../i18n/languages.ts';
import { messages } from './messages.ts';
import { pointerOf, type JsonPath } from './validate-declaration.ts';
import type { Table } from './validate-table.ts';

type At = (path: JsonPath) => { line: number; column: number };

/** The languages of a site that write their own labels (never the default, which every label has). */
export const ownLabelLanguages = (languages: readonly Language[]) => languages.slice(1).filter((l) => l.catalogue.meta.ownLabels === true);

/** A declaration file's parsed value and the place of each of its values. */
export interface Declared {
  file: string;
  value: unknown;
  at: At;
}

/**
 * Labels of declarations (metrics.json: all; the schemas: their titles, with `only`) without the
 * language, once the declarations carry it somewhere: a site that has not begun its own words
 * for them (a folder of another city, an older release) reads them in the fallback, untold.
 */
export function declarationLabelProblems(declared: readonly Declared[], languages: readonly Language[], only?: JsonPath): Problem[] {
  const fallbackOf = (l: Language) => l.chain[1] ?? languages[0]!.code;
  const found = declared.flatMap((d) =>
    labelsIn(d.value)
      .filter(({ path }) => !only || (path.length === only.length && path.every((p, i) => p === only[i])))
      .map((label) => ({ ...label, d })),
  );
  return ownLabelLanguages(languages)
    .filter((l) => found.some(({ labels }) => labels[l.code] !== undefined))
    .flatMap((l) =>
      found
        .filter(({ labels }) => labels[l.code] === undefined)
        .map(({ path, d }) => ({
          file: d.file, ...d.at(path), severity: 'warning' as const, code: 'label-edition-missing',
          ...messages['label-edition-missing']({ pointer: pointerOf(path), lang: l.code, name: l.name, fallback: fallbackOf(l) }),
        })),
    );
}

/** Rows whose text column in the language is empty where the default language's is written. */
export function columnLabelProblems(table: Table, languages: readonly Language[]): Problem[] {
  const defaultCode = languages[0]!.code;
  const problems: Problem[] = [];
  for (const l of ownLabelLanguages(languages)) {
    const suffix = columnOf('', l.code);
    for (const field of table.schema.fields) {
      if (!field.name.endsWith(suffix) || field.name.length === suffix.length) continue;
      const base = field.name.slice(0, -suffix.length);
      const fallback = columnOf(base, defaultCode);
      const column = table.header.indexOf(field.name);
      if (column < 0 || !table.schema.fields.some((f) => f.name === fallback)) continue;
      table.rows.forEach((row, i) => {
        const filled = (name: string) => { const v = row[name]; return v !== null && v !== undefined && v !== ''; };
        if (filled(fallback) && !filled(field.name))
          problems.push({ file: table.file, line: table.lines[i]!, column: column + 1, severity: 'warning', code: 'column-edition-missing', ...messages['column-edition-missing']({ column: field.name, lang: l.code, name: l.name, fallback }) });
      });
    }
  }
  return problems;
}
