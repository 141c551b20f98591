/**
 * What a download, a feed or a citation says about who publishes the data and under which
 * licence. One function, so that it can read the site configuration once there is one; until
 * then the title names the cities of the data's own areas table, and the publisher is the site.
 */
import { select } from '../dataset.ts';
import type { Text } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';

export interface SiteInfo {
  title: Text;
  publisher: Text;
  license: { id: string; title: string; url: string };
}

const subject: Text = { ja: '在宅医療・介護連携の統計', en: 'Home-care statistics' };

/** The site's title, publisher and data licence. */
export function siteInfo(site: SiteData): SiteInfo {
  // The cities are the areas without a parent (wards name their city as parent).
  const cities = select(site.tables, 'areas')
    .map((r) => r.row)
    .filter((a) => a.parent_code === null || a.parent_code === '');
  const names = (key: 'name_ja' | 'name_en', sep: string) => cities.map((c) => String(c[key])).join(sep);
  const title: Text = cities.length
    ? { ja: `${subject.ja}（${names('name_ja', '・')}）`, en: `${subject.en} (${names('name_en', ', ')})` }
    : subject;
  return {
    title,
    publisher: subject,
    license: { id: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International', url: 'https://creativecommons.org/licenses/by/4.0/' },
  };
}
