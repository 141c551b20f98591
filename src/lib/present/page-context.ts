/**
 * What every page starts from: its language, a `t(ja, en)` picker for inline text, the site data
 * and its configuration, and the download folder that charts link to.
 */
import type { Lang } from '../i18n.ts';
import { stableFolder } from '../release/folders.ts';
import { loadSiteData } from '../site-data.ts';
import { loadGlossary } from '../glossary.ts';
import { glossaryLinker } from './glossary-links.ts';
import { hasSection } from './sections.ts';
import { translator } from '../i18n/translate.ts';

export function pageContext(lang: Lang) {
  const site = loadSiteData();
  return {
    site,
    config: site.config,
    t: translator(lang),
    /** The release's stable download folder (`v1.0.0`). */
    folder: stableFolder(site),
    /** Links glossary terms where they first appear on this page (nothing where the site has no glossary). */
    terms: glossaryLinker(hasSection(site, 'glossary') ? loadGlossary(site.dataDir) : [], lang),
  };
}
