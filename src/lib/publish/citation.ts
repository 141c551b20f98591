/**
 * "Cite this": one line naming a figure well enough to find it again at the release it was
 * read from — site and publisher, the figure's title, the release and its date (or that the
 * data is not yet released), the page's permanent anchor, the exact files of that release, and
 * the licence.
 */
import { formatDate } from '../format.ts';
import type { Lang } from '../i18n.ts';
import type { SiteInfo } from './site-info.ts';

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
  if (lang === 'ja') {
    const version = release.released
      ? `版 ${release.version}（${date}公開）`
      : `未リリースのデータ（最後の版は ${release.version}、${date}公開）`;
    const publisher = info.title.ja.startsWith(info.publisher.ja) ? '' : `${info.publisher.ja}、`;
    return `${publisher}${info.title.ja}「${title}」${version}、${pageUrl}。データ：${dataUrls.join(' ')}。ライセンス：CC BY 4.0`;
  }
  const version = release.released
    ? `release ${release.version} (${date})`
    : `data not yet released (last release ${release.version}, ${date})`;
  const publisher = info.title.en.startsWith(info.publisher.en) ? '' : `${info.publisher.en}. `;
  return `${publisher}${info.title.en}: “${title}”, ${version}, ${pageUrl}. Data: ${dataUrls.join(' ')}. Licence: CC BY 4.0`;
}
