/**
 * The site is Japanese first, with the same pages in English under /en/. Every page file is a
 * `[...lang]` route rendered twice; text sits in the page as `{ ja, en }` pairs so that both
 * languages are written side by side.
 */
export type Lang = 'ja' | 'en';
export interface Text {
  ja: string;
  en: string;
}

/** The two static paths of a `[...lang]` route: `/…` for Japanese and `/en/…` for English. */
export function langPaths() {
  return [
    { params: { lang: undefined }, props: { lang: 'ja' as Lang } },
    { params: { lang: 'en' }, props: { lang: 'en' as Lang } },
  ];
}

/** Where the site is mounted (`/` locally, `/<repo>/` on a project's GitHub Pages). */
const base = ((import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** A path inside the site for a language: `href('en', 'budget/')` → `/en/budget/`. */
export function href(lang: Lang, path = ''): string {
  const clean = path.replace(/^\//, '');
  return lang === 'ja' ? `${base}${clean}` : `${base}en/${clean}`;
}

/** A file of the site that is the same in both languages (downloads): `asset('downloads/…')`. */
export const asset = (path: string) => `${base}${path.replace(/^\//, '')}`;

/** The same page in both languages, for the language switch and hreflang links. */
export function langVersions(path: string): Record<Lang, string> {
  const inside = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
  const bare = inside.replace(/^en(\/|$)/, '');
  return { ja: `${base}${bare}`, en: `${base}en/${bare}` };
}

/** The same page in the other language. */
export function otherLang(lang: Lang, path: string): { lang: Lang; href: string } {
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  return { lang: other, href: langVersions(path)[other] };
}

export const pick = (lang: Lang, text: Text) => text[lang];
