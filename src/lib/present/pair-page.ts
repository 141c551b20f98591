/** Two wards of one city side by side: every measure for both and for the city. */
import { select } from '../dataset.ts';
import { pick, type Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { areaMetrics, areaName, groupInfo, groupOfArea } from './groups.ts';
import { formatValue } from './metric-text.ts';
import { openedText } from './record-text.ts';
import { translator } from '../i18n/translate.ts';

/** Every pair of wards within each city, once. */
export function wardPairs(site: SiteData): [string, string][] {
  return site.derived.cityMetrics
    .map((c) => c.city_code)
    .filter((c, i, all) => all.indexOf(c) === i)
    .flatMap((city) => {
      const wards = groupInfo(site, city, 'ja').members;
      return wards.flatMap((a, i) => wards.slice(i + 1).map((b) => [a, b] as [string, string]));
    });
}

export function pairPage(site: SiteData, a: string, b: string, lang: Lang) {
  const t = translator(lang);
  const info = groupInfo(site, groupOfArea(site.tables, a), lang);
  const nameA = areaName(site.tables, a, lang);
  const nameB = areaName(site.tables, b, lang);
  const mb = areaMetrics(site, b);
  const rows = areaMetrics(site, a).map(({ spec, value }) => [pick(lang, spec.label), formatValue(value.value, spec, lang), formatValue(mb.find((m) => m.spec.id === spec.id)?.value.value ?? null, spec, lang), formatValue(value.city_value, spec, lang)]);
  const hub = (code: string) => {
    const row = select(site.tables, 'hubs', { area_code: code })[0]?.row;
    return row ? openedText(row, lang) : '—';
  };
  if (select(site.tables, 'hubs', { area_code: a }).length + select(site.tables, 'hubs', { area_code: b }).length > 0) rows.push([t('pair.hubOpened'), hub(a), hub(b), '']);
  const title = t('pair.sideSide', { nameA, nameB });
  return { title, nameA, nameB, table: { caption: title, head: [t('common.measure'), nameA, nameB, info.wholeName], rows, numeric: [false, true, true, true] } };
}
