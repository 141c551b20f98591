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

/** A path inside the site for a language: `href('en', 'budget/')` → `/en/budget/`. */
export function href(lang: Lang, path = ''): string {
  const clean = path.replace(/^\//, '');
  return lang === 'ja' ? `/${clean}` : `/en/${clean}`;
}

/** The same page in the other language. */
export function otherLang(lang: Lang, path: string): { lang: Lang; href: string } {
  const bare = path.replace(/^\/en(\/|$)/, '/');
  return lang === 'ja' ? { lang: 'en', href: `/en${bare}` } : { lang: 'ja', href: bare };
}

export const pick = (lang: Lang, text: Text) => text[lang];
