/**
 * Links that share a page without any script from another site: LINE's and X's share pages and
 * mail, each opened by the reader's own click, with the page's address and title.
 */
import type { Lang } from '../i18n.ts';
import { translate } from '../i18n/translate.ts';

export function shareLinks(url: string, title: string, lang: Lang) {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  return [
    { label: 'LINE', href: `https://social-plugins.line.me/lineit/share?url=${u}` },
    { label: 'X', href: `https://x.com/intent/post?url=${u}&text=${text}` },
    { label:translate(lang, 'shareLinks.email'), href: `mailto:?subject=${text}&body=${u}` },
  ];
}
