/**
 * The languages of the site come from its configuration (`languages` in site.json): the first at
 * the root, every other one under its own path. Every page file is a `[...lang]` route rendered
 * once per language; its text comes from the language's catalogue (`locales/<code>.json`, see
 * src/lib/i18n/), and labels in declarations carry one entry per language.
 */
import { siteLanguages, languageOf, type Language } from './i18n/languages.ts';
import type { Labels } from './i18n/labels.ts';
import { localColumn } from './i18n/labels.ts';
import { buildContext } from './build-context.ts';

/** A configured language code (`ja`, `en`, `ja-Hira`). */
export type Lang = string;
/** A label in every configured language (declarations are filled along the fallback chains once they are read). */
export type Text = Labels;

/** The static paths of a `[...lang]` route: one per configured language, the default at the root. */
export function langPaths() {
  return siteLanguages().map((l) => ({ params: { lang: l.path || undefined }, props: { lang: l.code as Lang } }));
}

/**
 * The static paths of a `[...lang]` route with more parameters: every item in every language, an
 * item's languages one after another. Pages in each language share what does not depend on it
 * (a trend chart is drawn once per build and kept for a short while), so they are rendered together.
 */
export function langPathsOf<P extends Record<string, string>>(items: readonly P[]) {
  const languages = langPaths();
  return items.flatMap((item) => languages.map((l) => ({ params: { ...l.params, ...item }, props: { ...l.props, ...item } })));
}

/**
 * Where the site is mounted (`/` locally, `/<repo>/` on a project's GitHub Pages): the build's
 * (build-context.ts), else what Vite tells the dev server's pages, else the root.
 */
const viteBase = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL;
const base = () => (buildContext().base ?? viteBase ?? '/').replace(/\/?$/, '/');

const prefix = (lang: Lang) => {
  const path = languageOf(lang).path;
  return path ? `${path}/` : '';
};

/** A path inside the site for a language: `href('en', 'budget/')` → `/en/budget/`. */
export function href(lang: Lang, path = ''): string {
  return `${base()}${prefix(lang)}${path.replace(/^\//, '')}`;
}

/** A file of the site that is the same in every language (downloads): `asset('downloads/…')`. */
export const asset = (path: string) => `${base()}${path.replace(/^\//, '')}`;

/**
 * A path of the site split into its language and the page inside it: `/en/wards/` → en and
 * `wards/`. `mount` is where the site is served from; a path in no language's folder is in the
 * first language.
 */
export function splitLanguagePath<L extends { path: string }>(path: string, languages: readonly L[], mount = base()): { language: L; inside: string } {
  const inSite = path.startsWith(mount) ? path.slice(mount.length) : path.replace(/^\//, '');
  const own = languages.find((l) => l.path && (inSite === l.path || inSite.startsWith(`${l.path}/`)));
  return { language: own ?? languages[0]!, inside: own ? inSite.slice(own.path.length).replace(/^\//, '') : inSite };
}

/** The same page in every language, for the language switch and hreflang links. */
export function langVersions(path: string): Record<Lang, string> {
  const languages = siteLanguages();
  const bare = splitLanguagePath(path, languages).inside;
  return Object.fromEntries(languages.map((l) => [l.code, `${base()}${l.path ? `${l.path}/` : ''}${bare}`]));
}

/** The same page in each other language, with what the switch shows. */
export function otherLangs(lang: Lang, path: string): { lang: Lang; htmlLang: string; name: string; href: string }[] {
  const versions = langVersions(path);
  return siteLanguages()
    .filter((l) => l.code !== lang)
    .map((l) => ({ lang: l.code, htmlLang: l.htmlLang, name: l.name, href: versions[l.code]! }));
}

/** The language a path of the site is in (its path prefix, else the default language). */
export function languageOfPath(path: string): Language {
  return splitLanguagePath(path, siteLanguages()).language;
}

/** The `lang` attribute of a language's pages (やさしい日本語 is `ja-Hira`, its code). */
export const htmlLang = (lang: Lang) => languageOf(lang).htmlLang;

/**
 * The language whose words a label shows in a language: its own, or the first language of its
 * chain it was filled from (labels are filled along the chain when read, so a label written as
 * its fallback's reads as the fallback's). Text that falls back says so in its `lang`.
 */
export function shownLanguage(lang: Lang, text: Readonly<Record<string, string>>): Language {
  const own = text[lang];
  const from = languageOf(lang).chain.slice(1).find((code) => text[code] !== undefined && text[code] === own);
  return languageOf(from ?? lang);
}

/** A label in a language, along its fallback chain where the label lacks it. */
export function pick(lang: Lang, text: Readonly<Record<string, string>>): string {
  // Every chain starts with its own language, and most labels have it: no lookup of the chain.
  const own = text[lang];
  if (own !== undefined) return own;
  for (const code of languageOf(lang).chain) {
    const v = text[code];
    if (v !== undefined) return v;
  }
  return Object.values(text)[0] ?? '';
}

/** A name or text column of a row in a language (`name_ja`, `name_en`, `definition_ja_hira`), along the chain. */
export const local = (lang: Lang, row: object, field: string) => localColumn(row, field, languageOf(lang).chain);
