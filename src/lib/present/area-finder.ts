/**
 * Find my area, on the top page: every area page one tap away where the site has up to
 * MAX_LISTED areas — a map whose areas are links (where the data folder declares boundaries) and
 * a list grouped by city — and, on a larger site, a list of its cities (and of the municipalities
 * by their first letter) each leading to a list of its areas: two taps to any area.
 */
import { locatorMap, type LocatorArea } from '../../charts/locator-map.ts';
import { renderChart, type ChartSvg } from '../../charts/render.ts';
import { href, type Lang } from '../i18n.ts';
import { translator } from '../i18n/translate.ts';
import type { SiteData } from '../site-data.ts';
import { areaInfo, pagedAreas, shortName, type AreaInfo } from './groups.ts';
import { asWritten, type ChartText } from './furigana-site.ts';
import { memo } from './views.ts';
import { CONTACTS_TABLE } from './contacts.ts';
import { select } from '../dataset.ts';

/** Up to this many areas, the top page links each one; a larger site links lists of them. */
export const MAX_LISTED = 50;

export interface FinderLink {
  name: string;
  /** Path inside the site, without the language prefix. */
  path: string;
}

export interface FinderGroup {
  /** The city (its own page) or, for municipalities without wards, null. */
  city: FinderLink | null;
  /** Its areas, each a link to its page; empty on a large site, where `list` leads to them. */
  members: FinderLink[];
  /** On a large site, the list of the group's areas and how many it holds. */
  list: (FinderLink & { count: number }) | null;
}

export interface AreaFinder {
  groups: FinderGroup[];
  /** Every area a link, drawn from its boundaries; null without a boundary file or on a large site. */
  map: { svg: ChartSvg; label: string } | null;
  /** How many area pages the site has. */
  total: number;
  /** Whether the area pages say where to turn (the contacts table has rows). */
  contacts: boolean;
}

/** `chartText` writes the map's own labels in the edition's chart text (furigana-site.ts). */
export function areaFinder(site: SiteData, lang: Lang, chartText: ChartText = asWritten): AreaFinder {
  const t = translator(lang);
  const areas = pagedAreas(site).map((code) => areaInfo(site.tables, code)).filter((a): a is AreaInfo => a !== null);
  const link = (a: AreaInfo): FinderLink => ({ name: a.name[lang] ?? a.code, path: `wards/${a.code}/` });
  const wardsOf = new Map<string, AreaInfo[]>();
  for (const a of areas) if (a.parent) wardsOf.set(a.parent, [...(wardsOf.get(a.parent) ?? []), a]);
  const cities = areas.filter((a) => !a.parent && wardsOf.has(a.code));
  const alone = areas.filter((a) => !a.parent && !wardsOf.has(a.code));
  const small = areas.length <= MAX_LISTED;
  const groups: FinderGroup[] = cities.map((c) => ({
    city: link(c),
    members: small ? wardsOf.get(c.code)!.map(link) : [],
    // The areas page lists each city's wards under its own heading.
    list: small ? null : { name: c.name[lang] ?? c.code, path: `wards/#c-${c.code}`, count: wardsOf.get(c.code)!.length },
  }));
  if (alone.length > 0)
    groups.push({ city: null, members: small ? alone.map(link) : [], list: small ? null : { name: t('areasPage.municipalities'), path: 'wards/#municipalities', count: alone.length } });
  // The map draws the areas that tile the land: wards and municipalities, not a city over its wards.
  return { groups, map: small ? locator(site, areas.filter((a) => !wardsOf.has(a.code)), lang, chartText) : null, total: areas.length, contacts: select(site.tables, CONTACTS_TABLE).length > 0 };
}

function locator(site: SiteData, areas: readonly AreaInfo[], lang: Lang, chartText: ChartText): AreaFinder['map'] {
  const boundaries = site.boundaries;
  if (!boundaries) return null;
  const shapes = memo(site.derived, 'shapes', () => new Map(boundaries.shapes.map((s) => [s.code, s.geometry])));
  const drawn: LocatorArea[] = areas.flatMap((a) => {
    const geometry = shapes.get(a.code);
    const name = a.name[lang] ?? a.code;
    return geometry ? [{ code: a.code, geometry, name, label: chartText(shortName(name)), href: href(lang, `wards/${a.code}/`) }] : [];
  });
  if (drawn.length === 0) return null;
  const label = translator(lang)('finder.mapLabel');
  return { svg: renderChart(locatorMap(drawn), { label }), label };
}
