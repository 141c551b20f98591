/**
 * Labels per language in declarations (table schemas, metrics.json, site.json): `{ "ja": …,
 * "en": …, "ja-Hira": … }` with any language code, of which only the site's default language is
 * required. Once the configured languages are known, `fillLabels` gives every label each language,
 * from the first of the language's fallback chain that the label has, so pages read
 * `label[lang]` and never decide a fallback themselves.
 */
import { z } from 'zod';
import { languageCode } from '../config/languages.ts';

export type Labels = Record<string, string>;

// Labels parsed by the schemas, found again by `labelsIn` to check and fill them after parsing.
const parsed = new WeakSet<object>();

export const labelSchema = z
  .record(languageCode, z.string().min(1))
  .refine((o) => Object.keys(o).length > 0, 'a label in at least the default language')
  .transform((o): Labels => {
    parsed.add(o);
    return o;
  });

export type JsonPath = (string | number)[];

/** Every label inside a parsed declaration, with its JSON path. */
export function labelsIn(value: unknown, path: JsonPath = []): { path: JsonPath; labels: Labels }[] {
  if (!value || typeof value !== 'object') return [];
  if (parsed.has(value)) return [{ path, labels: value as Labels }];
  if (Array.isArray(value)) return value.flatMap((v, i) => labelsIn(v, [...path, i]));
  return Object.entries(value).flatMap(([k, v]) => labelsIn(v, [...path, k]));
}

/** Gives a label every language of `chains` (code → fallback chain) that it lacks; returns it. */
export function fillLabel(labels: Labels, chains: ReadonlyMap<string, readonly string[]>): Labels {
  for (const [code, chain] of chains) {
    if (labels[code] !== undefined) continue;
    const from = chain.find((c) => labels[c] !== undefined);
    if (from) labels[code] = labels[from]!;
  }
  return labels;
}

/** Fills every label of a parsed declaration; returns the paths of labels without the default language. */
export function fillLabels(value: unknown, chains: ReadonlyMap<string, readonly string[]>, defaultCode: string): JsonPath[] {
  const missing: JsonPath[] = [];
  for (const { path, labels } of labelsIn(value)) {
    if (labels[defaultCode] === undefined) missing.push(path);
    fillLabel(labels, chains);
  }
  return missing;
}

/**
 * The column of a name or text in one language, by one rule: `<field>_<code>` with the code in
 * lower case and `-` as `_` (name_ja, name_en, definition_ja_hira). A row without it gives the
 * first language of the chain that it has.
 */
export function localColumn(row: object, field: string, chain: readonly string[]): string {
  for (const code of chain) {
    const v = (row as Record<string, unknown>)[columnOf(field, code)];
    if (v !== null && v !== undefined && v !== '') return String(v);
  }
  return '';
}

export const columnOf = (field: string, code: string) => `${field}_${code.toLowerCase().replace(/-/g, '_')}`;

/**
 * The Japanese and English of a label, for what is published in both at once (downloads,
 * datapackage.json, the release diff): a label without English gives its Japanese, and the other
 * way round.
 */
export function bilingual(labels: Readonly<Labels>): { ja: string; en: string } {
  const first = Object.values(labels)[0] ?? '';
  return { ja: labels.ja ?? labels.en ?? first, en: labels.en ?? labels.ja ?? first };
}
