/**
 * What a download, a feed or a citation says about who publishes the data and under which
 * licence: read from the site configuration (data/site.json), in one place.
 */
import type { Text } from '../i18n.ts';
import { bilingual } from '../i18n/labels.ts';
import type { SiteData } from '../site-data.ts';

export interface SiteInfo {
  title: Text;
  publisher: Text;
  /** `title` is the licence's English name, as Data Packages and feeds give it; `name` its name in every language. */
  license: { id: string; title: string; name: Text; url: string };
}

/** The site's title, publisher and data licence. */
export function siteInfo(site: SiteData): SiteInfo {
  const { title, publisher, licence } = site.config;
  return {
    title,
    publisher: publisher.name,
    license: { id: licence.data.id, title: bilingual(licence.data.name).en, name: licence.data.name, url: licence.data.url },
  };
}
