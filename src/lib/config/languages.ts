/**
 * The `languages` field of the site configuration: each language by its code (`"en"`), or with
 * the path it is served under (`{ "code": "ja-Hira", "path": "yasashii" }`). The first language is
 * the default, at the site's root; the others are at `/<path>/` (their code unless given).
 */
import { z } from 'zod';

/** A BCP 47 tag as catalogues and labels use it: `ja`, `en`, `ja-Hira`. */
export const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language code such as "ja", "en" or "ja-Hira"');
const languagePath = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case path segment such as "en" or "yasashii"');

export const languageEntrySchema = z.union([languageCode, z.object({ code: languageCode, path: languagePath.optional() }).strict()]);

export const languagesSchema = z
  .array(languageEntrySchema)
  .min(1)
  .default(['ja', 'en'])
  .refine((list) => new Set(list.map(codeOf)).size === list.length, 'each language once');

export interface LanguageEntry {
  code: string;
  /** The path segment of its pages: empty for the default language. */
  path: string;
}

const codeOf = (e: z.infer<typeof languageEntrySchema>) => (typeof e === 'string' ? e : e.code);

/** The languages in order, each with its path; throws on a malformed list (validation reports it with its place). */
export function normalizeLanguages(json: unknown): LanguageEntry[] {
  const list = languagesSchema.parse(json);
  return list.map((e, i) => ({ code: codeOf(e), path: i === 0 ? '' : typeof e === 'string' ? e.toLowerCase() : (e.path ?? e.code.toLowerCase()) }));
}
