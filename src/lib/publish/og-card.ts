/**
 * The preview image a shared page shows in LINE, X or a chat app (Open Graph / Twitter card):
 * a 1200×630 card with the site's name, what the page is about, for an area its headline figure
 * with the unit and its standing in its group, and the publisher.
 * - Every area page has a card of its own, with its own figure: a ward's link posted in a chat
 *   shows that ward, not its city — except that where the site covers more municipalities than
 *   OWN_CARD_LIMIT (a national site), the municipalities without wards share one card: thousands
 *   of cards at about 17 ms of CPU each would outlast the pages. Cities with wards and their wards
 *   keep their own cards at any size.
 * - A pair page shares the card of its areas' city; a metric's comparison pages share the
 *   metric's card; every other page shares the site's card.
 * One card per family and language; this module only writes the SVG, card-raster.ts draws it.
 */
import { textWidth, wrapText } from '../../charts/text-width.ts';
import { pick, type Lang } from '../i18n.ts';
import { translator } from '../i18n/translate.ts';
import { areaInfo, areaMetrics, groupInfo, groupOfArea } from '../present/groups.ts';
import { formatValue, unitShort } from '../present/metric-text.ts';
import { vintageText } from '../present/views.ts';
import type { SiteData } from '../site-data.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface Card {
  /** The image's path inside the site: `og/<lang>-<family>.png` (`og/en-area-14101.png`). */
  file: string;
  /** What the image shows, as its alternative text. */
  alt: string;
  lines: { small: string; title: string; subtitle?: string; figure?: { value: string; unit: string }; footer: string };
}

/** The family a page belongs to, from its path inside the site (`wards/14101/`, `compare/g/m/`, without the language prefix). */
export function cardFamily(site: SiteData, path: string): { kind: 'site' } | { kind: 'area'; code: string } | { kind: 'municipalities' } | { kind: 'metric'; id: string } {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'wards' && parts[1]) {
    const area = areaInfo(site.tables, parts[1]);
    if (area) {
      const city = area.parent ?? area.code;
      const hasWards = site.derived.cityMetrics.some((c) => c.city_code === city);
      if (!hasWards && municipalities(site) > OWN_CARD_LIMIT) return { kind: 'municipalities' };
      // An area's own page has its own card; a pair page (wards/a/vs/b/) its city's.
      return { kind: 'area', code: parts.length === 2 ? area.code : city };
    }
  }
  if (parts[0] === 'compare' && parts.length >= 2) {
    const id = parts.at(-1)!;
    if (site.derived.specs.some((s) => s.id === id)) return { kind: 'metric', id };
  }
  return { kind: 'site' };
}

/** Up to this many municipalities each has a card of its own: a prefecture's worth (Hokkaido, the largest, has 179). */
export const OWN_CARD_LIMIT = 200;

/** How many municipalities (areas without a parent) the site covers. */
function municipalities(site: SiteData): number {
  let n = counted.get(site);
  if (n === undefined) counted.set(site, (n = site.tables.get('areas')!.rows.filter((r) => !r.parent_code).length));
  return n;
}
const counted = new WeakMap<SiteData, number>();

/** The card of a page's family, built once per family and language. */
export function cardFor(site: SiteData, lang: Lang, path: string): Card {
  const family = cardFamily(site, path);
  const key = `${lang}-${family.kind === 'area' ? `area-${family.code}` : family.kind === 'metric' ? `metric-${family.id}` : family.kind}`;
  let byKey = cache.get(site);
  if (!byKey) cache.set(site, (byKey = new Map()));
  let card = byKey.get(key);
  if (!card) byKey.set(key, (card = buildCard(site, lang, family, `og/${key}.png`)));
  return card;
}
const cache = new WeakMap<SiteData, Map<string, Card>>();

function buildCard(site: SiteData, lang: Lang, family: ReturnType<typeof cardFamily>, file: string): Card {
  // Card text not yet in the catalogues: a language without its own falls back along its chain (やさしい日本語 → 日本語).
  const t = (ja: string, en: string) => pick(lang, { ja, en });
  const siteTitle = pick(lang, site.config.title);
  const footer = pick(lang, site.config.publisher.name);
  if (family.kind === 'metric') {
    const spec = site.derived.specs.find((s) => s.id === family.id)!;
    const subtitle = t('地域ごとの比較', 'Compared area by area');
    return { file, alt: t(`${siteTitle}：${pick(lang, spec.label)}（${subtitle}）`, `${siteTitle}: ${pick(lang, spec.label)} (${subtitle})`), lines: { small: siteTitle, title: pick(lang, spec.label), subtitle, footer } };
  }
  if (family.kind === 'area') {
    const tr = translator(lang);
    const area = areaInfo(site.tables, family.code);
    const name = area?.name[lang] ?? family.code;
    const parentName = area?.parent ? areaInfo(site.tables, area.parent)?.name[lang] : undefined;
    const title = parentName ? `${name}${tr('area.parentInBrackets', { parentName })}` : name;
    // A city with wards: its value summed from its wards, as its page leads with; else the area's own.
    const spec = site.derived.specs.find((s) => s.id === site.config.headlineMetric);
    const summed = site.derived.cityMetrics.filter((c) => c.city_code === family.code && c.metric_id === spec?.id && c.value !== null).at(-1);
    const own = areaMetrics(site, family.code).filter((m) => m.value.value !== null);
    const mine = own.find((m) => m.spec.id === spec?.id) ?? own.find((m) => m.spec.denominator) ?? own[0];
    const headline = spec && summed
      ? { spec, value: summed.value!, vintage: summed.numerator_vintage, rank: null }
      : mine ? { spec: mine.spec, value: mine.value.value!, vintage: mine.value.numerator_vintage, rank: mine.value } : null;
    if (!headline) return { file, alt: t(`${siteTitle}：${title}`, `${siteTitle}: ${title}`), lines: { small: siteTitle, title, footer } };
    const when = vintageText(headline.vintage ?? null, lang);
    // A date is a point in time; a period or fiscal year reads as itself.
    const point = headline.vintage && !headline.vintage.includes('/') && !headline.vintage.startsWith('FY');
    // The area's standing in its group, as its page's headline chart states it, where it is ranked among others.
    const rank = headline.rank;
    const standing = rank && rank.rank !== null && rank.rank_of > 1
      ? tr('area.rankAmong', { rankOf: rank.rank_of, counter: groupInfo(site, groupOfArea(site.tables, family.code), lang).memberNoun.counter, rank: rank.rank })
      : '';
    const dated = when ? (point ? t(`${when}時点`, `as of ${when}`) : when) : '';
    const second = [dated, standing].filter(Boolean).join(t('・', ', '));
    const subtitle = `${pick(lang, headline.spec.label)}${second ? `\n${second}` : ''}`;
    // The figure with its unit in every language: a counter (0.74か所), else the metric's unit in words (0.74 clinics per 10,000 population).
    const unit = unitShort(headline.spec, lang) || pick(lang, headline.spec.unit);
    const figure = { value: formatValue(headline.value, headline.spec, lang, false), unit };
    const said = unitShort(headline.spec, lang) ? formatValue(headline.value, headline.spec, lang) : `${figure.value} ${unit}`;
    return { file, alt: t(`${siteTitle}：${title}、${subtitle.replace('\n', '、')} ${said}`, `${siteTitle}: ${title}, ${subtitle.replace('\n', ', ')}: ${said}`), lines: { small: siteTitle, title, subtitle, figure, footer } };
  }
  if (family.kind === 'municipalities') {
    const title = t(`${municipalities(site).toLocaleString('ja')}市町村`, `${municipalities(site).toLocaleString('en')} municipalities`);
    const subtitle = t('市町村ごとの数値と比較', 'Figures and comparisons, municipality by municipality');
    return { file, alt: t(`${siteTitle}：${title}、${subtitle}`, `${siteTitle}: ${title}, ${subtitle}`), lines: { small: siteTitle, title, subtitle, footer } };
  }
  return { file, alt: siteTitle, lines: { small: footer, title: siteTitle, subtitle: pick(lang, site.config.description), footer: '' } };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** At most `max` lines of `text` wrapped to `width` px, the last one cut with an ellipsis when more would follow. */
function clampLines(text: string, size: number, width: number, max: number): string[] {
  const lines = wrapText(text, size, width);
  if (lines.length <= max) return lines;
  let last = lines[max - 1]!;
  while (last.length > 1 && textWidth(`${last}…`, size) > width) last = last.slice(0, -1);
  return [...lines.slice(0, max - 1), `${last}…`];
}

/** The card as SVG, its text set in `fontFamily` (the CJK font the rasteriser was given). */
export function cardSvg(card: Card, fontFamily: string): string {
  const left = 64;
  const width = CARD_WIDTH - 2 * left;
  const { small, title, subtitle, figure, footer } = card.lines;
  const parts: string[] = [];
  const text = (y: number, size: number, s: string, extra = '') => parts.push(`<text x="${left}" y="${y}" font-size="${size}"${extra}>${xml(s)}</text>`);
  text(100, 34, small, ' fill="#333"');
  let y = 120;
  const titleSize = figure ? 64 : 72;
  for (const line of clampLines(title, titleSize, width, 2)) text((y += titleSize * 1.25), titleSize, line, ' font-weight="bold"');
  if (subtitle) {
    y += 12;
    // Each paragraph (a metric's name, its date) starts on a line of its own.
    const lines = subtitle.split('\n').flatMap((p) => clampLines(p, 36, width, 2));
    for (const line of lines.slice(0, figure ? 2 : 3)) text((y += 36 * 1.4), 36, line, ' fill="#333"');
  }
  if (figure) {
    // The figure sits above the footer whatever the lines above took; a unit too long to follow it
    // on its line (a unit in words) goes under it.
    const base = Math.max(y + 130, 500);
    const beside = textWidth(figure.value, 112, true) + 12 + textWidth(figure.unit, 48) <= width;
    if (beside) parts.push(`<text x="${left}" y="${base}" font-size="112" font-weight="bold" fill="#0017c1">${xml(figure.value)}<tspan font-size="48" dx="12">${xml(figure.unit)}</tspan></text>`);
    else {
      parts.push(`<text x="${left}" y="${base - 40}" font-size="112" font-weight="bold" fill="#0017c1">${xml(figure.value)}</text>`);
      text(base + 14, 36, clampLines(figure.unit, 36, width, 1)[0]!, ' font-weight="bold" fill="#0017c1"');
    }
  }
  if (footer) text(590, 30, footer, ' fill="#555"');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${xml(fontFamily)}" fill="#1a1a1c">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#fff"/>`,
    `<rect width="${CARD_WIDTH}" height="16" fill="#0017c1"/>`,
    ...parts,
    '</svg>',
  ].join('');
}
