/**
 * The sections of the site: their paths and names, and whether a section appears — listed in the
 * site configuration's navigation and, for the optional ones, fed by rows in the data.
 */
import type { SectionId } from '../config/site-config.ts';
import type { Lang } from '../i18n.ts';
import { translate } from '../i18n/translate.ts';
import type { SiteData } from '../site-data.ts';

// Each section's name is `nav.<id>` in the catalogues.
const sections: Record<SectionId, { path: string; needs?: string }> = {
  overview: { path: '' },
  compare: { path: 'compare/' },
  areas: { path: 'wards/' },
  hubs: { path: 'hubs/', needs: 'hubs' },
  budget: { path: 'budget/', needs: 'budget_lines' },
  programmes: { path: 'programmes/', needs: 'programmes' },
  data: { path: 'data/' },
  releases: { path: 'releases/' },
  methodology: { path: 'methodology/' },
  glossary: { path: 'glossary/' },
  quality: { path: 'quality/' },
};

/** Is the section built? Listed in the navigation, and an optional one only when its table has rows. */
export function hasSection(site: SiteData, id: SectionId): boolean {
  if (!site.config.nav.includes(id)) return id === 'overview';
  const needs = sections[id].needs;
  if (id === 'budget' && !site.config.budgetArea) return false;
  return !needs || (site.tables.get(needs)?.rows.length ?? 0) > 0;
}

/** The navigation as the configuration orders it, without the sections that have nothing to show. */
export function navItems(site: SiteData, lang: Lang) {
  return site.config.nav.filter((id) => hasSection(site, id)).map((id) => ({ id, path: sections[id].path, label: translate(lang, `nav.${id}`) }));
}

export const sectionPath = (id: SectionId) => sections[id].path;
