/**
 * The comparison index of one group: every metric listed by theme with the group's value, and the
 * need-against-supply scatter the site configuration names (when both metrics have values).
 */
import { renderChart } from '../../charts/render.ts';
import { scatter } from '../../charts/scatter.ts';
import { formatNumber } from '../format.ts';
import { pick, type Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { groupInfo, groupsOf, metricView, shortName } from './groups.ts';
import { asWritten, type ChartText } from './furigana-site.ts';
import { formatValue } from './metric-text.ts';
import { sourceText } from './sources.ts';
import { vintageDates } from './views.ts';
import { translator } from '../i18n/translate.ts';

/** The themes metrics are grouped by, in order; their headings are `compareIndex.theme.<id>` in the catalogues. */
const themes = ['population', 'resources', 'hubs'] as const;

/** `chart` writes the charts' own labels in the edition's chart text (furigana-site.ts). */
export function compareIndex(site: SiteData, group: string, lang: Lang, chart: ChartText = asWritten) {
  const t = translator(lang);
  const info = groupInfo(site, group, lang);
  // A family is listed once, by its first declared rate; its page offers the other variants.
  const listed = site.derived.specs.filter((s, i, all) => !s.id.endsWith('_count') && (!s.family || all.findIndex((o) => o.family === s.family) === i));
  const sections = themes
    .map((theme) => ({
      id: theme,
      heading: t(`compareIndex.theme.${theme}`),
      metrics: listed
        .filter((s) => s.group === theme)
        .flatMap((s) => {
          const v = metricView(site, s.id, lang, group);
          if (!v || v.areas.every((a) => a.value === null)) return [];
          return [{ id: s.id, label: s.family ? pick(lang, s.numerator.label) : pick(lang, s.label), whole: `${info.wholeName} ${formatValue(v.total.value, s, lang)}` }];
        }),
    }))
    .filter((s) => s.metrics.length > 0);
  return { info, sections, scatter: scatterOf(site, group, lang, chart), others: groupsOf(site).filter((g) => g !== group).map((g) => ({ code: g, name: groupInfo(site, g, lang).wholeName })) };
}

function scatterOf(site: SiteData, group: string, lang: Lang, chart: ChartText) {
  const t = translator(lang);
  const pair = site.config.scatter;
  if (!pair) return null;
  const need = metricView(site, pair.x, lang, group);
  const supply = metricView(site, pair.y, lang, group);
  if (!need || !supply || need.total.value === null || supply.total.value === null) return null;
  const ys = new Map(supply.areas.filter((a) => a.rank !== null || a.unstable).map((a) => [a.area_code, a.value]));
  const points = need.areas.flatMap((a) => {
    const y = ys.get(a.area_code);
    return a.value !== null && !a.off_vintage && y != null ? [{ name: shortName(a.name), x: a.value, y }] : [];
  });
  if (points.length < 3) return null;
  const info = groupInfo(site, group, lang);
  const corner = points.filter((p) => p.x > need.total.value! && p.y < supply.total.value!).map((p) => p.name);
  const title = corner.length
    ? t('compareIndex.higherLower', { needLabel: pick(lang, need.spec.label), supplyLabel: pick(lang, supply.spec.label), counter: info.memberNoun.counter, names: corner.join(t('list.comma')) })
    : t('compareIndex.scatterTitle', { needLabel: pick(lang, need.spec.label), supplyLabel: pick(lang, supply.spec.label) });
  const svg = renderChart(
    scatter(points.map((p) => ({ ...p, name: chart(p.name) })), { xLabel: chart(pick(lang, need.spec.label)), yLabel: chart(pick(lang, supply.spec.unit)), reference: { x: need.total.value, y: supply.total.value } }),
    { label: title },
  );
  return {
    title,
    svg,
    tables: [...new Set([need.spec.numerator.table, supply.spec.numerator.table, ...(supply.spec.denominator ? [supply.spec.denominator.table] : [])])],
    source: sourceText(site.tables, [need.spec.numerator.table, supply.spec.numerator.table], lang, vintageDates(supply.total)),
    note: t('compareIndex.dottedLinesAreValues', { wholeName: info.wholeName, needLabel: pick(lang, need.spec.label), supplyLabel: pick(lang, supply.spec.label), counter: info.memberNoun.counter }),
    table: {
      caption: t('compareIndex.scatterCaption', { needLabel: pick(lang, need.spec.label), supplyLabel: pick(lang, supply.spec.label), by: t('compare.byMember', { counter: info.memberNoun.counter, one: info.memberNoun.one }) }),
      head: [info.wards ? t('common.ward') : t('common.municipality'), pick(lang, need.spec.label), pick(lang, supply.spec.label)],
      rows: points.map((p) => [p.name, formatNumber(p.x, need.spec.digits, lang), formatNumber(p.y, supply.spec.digits, lang)]),
      numeric: [false, true, true],
    },
  };
}
