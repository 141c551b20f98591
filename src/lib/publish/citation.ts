/**
 * "Cite this": one line naming a figure well enough to find it again at the release it was
 * read from — site and publisher, the figure's title, the release and its date (or that the
 * data is not yet released), the page's permanent anchor, the exact files of that release, and
 * the licence.
 */
import { formatDate } from '../format.ts';
import type { Lang } from '../i18n.ts';
import type { SiteInfo } from './site-info.ts';
import { grammarOf } from '../i18n/grammar.ts';
import { bilingual } from '../i18n/labels.ts';

export interface CitationInput {
  lang: Lang;
  info: SiteInfo;
  title: string;
  release: { version: string; releasedOn: string; released: boolean };
  /** Absolute URL of the figure: the page with the figure's anchor. */
  pageUrl: string;
  /** Absolute URLs of the figure's data files in the linked folder. */
  dataUrls: string[];
}

export function citation({ lang, info, title, release, pageUrl, dataUrls }: CitationInput): string {
  const date = release.releasedOn ? formatDate(release.releasedOn, lang) : '';
  const title_ = bilingual(info.title), publisher_ = bilingual(info.publisher);
  if (grammarOf(lang) === 'ja') {
    const version = release.released
      ? `版 ${release.version}（${date}公開）`
      : `未リリースのデータ（最後の版は ${release.version}、${date}公開）`;
    const publisher = title_.ja.startsWith(publisher_.ja) ? '' : `${publisher_.ja}、`;
    return `${publisher}${title_.ja}「${title}」${version}、${pageUrl}。データ：${dataUrls.join(' ')}。ライセンス：CC BY 4.0`;
  }
  const version = release.released
    ? `release ${release.version} (${date})`
    : `data not yet released (last release ${release.version}, ${date})`;
  const publisher = title_.en.startsWith(publisher_.en) ? '' : `${publisher_.en}. `;
  return `${publisher}${title_.en}: “${title}”, ${version}, ${pageUrl}. Data: ${dataUrls.join(' ')}. Licence: CC BY 4.0`;
}
