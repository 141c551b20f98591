/**
 * The comparison index of one group: every metric listed by theme with the group's value, and the
 * need-against-supply scatter the site configuration names (when both metrics have values).
 */
import { renderChart } from '../../charts/render.ts';
import { scatter } from '../../charts/scatter.ts';
import { formatNumber } from '../format.ts';
import type { Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { groupInfo, groupsOf, metricView, shortName } from './groups.ts';
import { formatValue } from './metric-text.ts';
import { sourceText } from './sources.ts';
import { vintageDates } from './views.ts';

const themes = [
  ['population', '人口と介護', 'Population and care needs'],
  ['resources', '在宅医療の担い手', 'Home-care providers'],
  ['hubs', '在宅医療連携拠点の実績', 'Hub results'],
] as const;

export function compareIndex(site: SiteData, group: string, lang: Lang) {
  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  const info = groupInfo(site, group, lang);
  // A family is listed once, by its first declared rate; its page offers the other variants.
  const listed = site.derived.specs.filter((s, i, all) => !s.id.endsWith('_count') && (!s.family || all.findIndex((o) => o.family === s.family) === i));
  const sections = themes
    .map(([theme, ja, en]) => ({
      id: theme,
      heading: t(ja, en),
      metrics: listed
        .filter((s) => s.group === theme)
        .flatMap((s) => {
          const v = metricView(site, s.id, lang, group);
          if (!v || v.areas.every((a) => a.value === null)) return [];
          return [{ id: s.id, label: s.family ? s.numerator.label[lang] : s.label[lang], whole: `${info.wholeName} ${formatValue(v.total.value, s, lang)}` }];
        }),
    }))
    .filter((s) => s.metrics.length > 0);
  return { info, sections, scatter: scatterOf(site, group, lang), others: groupsOf(site).filter((g) => g !== group).map((g) => ({ code: g, name: groupInfo(site, g, lang).wholeName })) };
}

function scatterOf(site: SiteData, group: string, lang: Lang) {
  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
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
    ? t(`${need.spec.label.ja}が高く、${supply.spec.label.ja}が低い${info.memberNoun.counter}：${corner.join('、')}`, `Higher ${need.spec.label.en}, lower ${supply.spec.label.en}: ${corner.join(', ')}`)
    : t(`${need.spec.label.ja}と${supply.spec.label.ja}`, `${need.spec.label.en} against ${supply.spec.label.en}`);
  const svg = renderChart(
    scatter(points, { xLabel: need.spec.label[lang], yLabel: supply.spec.unit[lang], reference: { x: need.total.value, y: supply.total.value } }),
    { label: title },
  );
  return {
    title,
    svg,
    tables: [...new Set([need.spec.numerator.table, supply.spec.numerator.table, ...(supply.spec.denominator ? [supply.spec.denominator.table] : [])])],
    source: sourceText(site.tables, [need.spec.numerator.table, supply.spec.numerator.table], lang, vintageDates(supply.total)),
    note: t(`点線は${info.wholeName}の値です。右下ほど、${need.spec.label.ja}が高く${supply.spec.label.ja}が低い${info.memberNoun.counter}です。`, `Dotted lines are the values of ${info.wholeName}; lower right means higher ${need.spec.label.en} and lower ${supply.spec.label.en}.`),
    table: {
      caption: t(`${need.spec.label.ja}と${supply.spec.label.ja}（${info.memberNoun.counter}別）`, `${need.spec.label.en} and ${supply.spec.label.en} by ${info.memberNoun.one}`),
      head: [info.wards ? t('区', 'Ward') : t('市町村', 'Municipality'), need.spec.label[lang], supply.spec.label[lang]],
      rows: points.map((p) => [p.name, formatNumber(p.x, need.spec.digits, lang), formatNumber(p.y, supply.spec.digits, lang)]),
      numeric: [false, true, true],
    },
  };
}
