/**
 * The sections of the site: their paths and names, and whether a section appears — listed in the
 * site configuration's navigation and, for the optional ones, fed by rows in the data.
 */
import type { SectionId } from '../config/site-config.ts';
import type { Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';

const sections: Record<SectionId, { path: string; ja: string; en: string; needs?: string }> = {
  overview: { path: '', ja: '概要', en: 'Overview' },
  compare: { path: 'compare/', ja: '比較', en: 'Compare' },
  areas: { path: 'wards/', ja: '地域ごと', en: 'Areas' },
  hubs: { path: 'hubs/', ja: '拠点の活動', en: 'Hub activity', needs: 'hubs' },
  budget: { path: 'budget/', ja: '予算', en: 'Budget', needs: 'budget_lines' },
  programmes: { path: 'programmes/', ja: '事業', en: 'Programmes', needs: 'programmes' },
  data: { path: 'data/', ja: 'データ', en: 'Data' },
  releases: { path: 'releases/', ja: '更新履歴', en: 'Updates' },
  methodology: { path: 'methodology/', ja: '計算方法', en: 'Methodology' },
  glossary: { path: 'glossary/', ja: '用語集', en: 'Glossary' },
  quality: { path: 'quality/', ja: 'データ品質', en: 'Data quality' },
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
  return site.config.nav.filter((id) => hasSection(site, id)).map((id) => ({ id, path: sections[id].path, label: sections[id][lang] }));
}

export const sectionPath = (id: SectionId) => sections[id].path;
