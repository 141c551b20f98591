/**
 * How every metric is computed, in words: the formula with the metric's own labels and proper
 * parentheses, the dates of numerator and denominator, and the rules every comparison follows.
 */
import type { MetricSpec } from '../schema/metric-spec.ts';
import { brackets, formatNumber, roundPeople } from '../format.ts';
import { pick, type Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { groupInfo, groupsOf, metricView } from './groups.ts';
import { SAME_TOLERANCE } from './metric-text.ts';
import { vintageText } from './views.ts';
import { DEFAULT_POPULATION_BANDS } from '../derive/peers.ts';
import { translator } from '../i18n/translate.ts';

/** （新規相談者数 ÷ 稼働月数 × 12）÷ 75歳以上人口 × 10,000 */
export function formulaText(spec: MetricSpec, lang: Lang, columnTitle: (table: string, column: string) => string): string {
  const operand = (o: MetricSpec['numerator']) => {
    const cols = (Array.isArray(o.column) ? o.column : [o.column]).map((c) => columnTitle(o.table, c));
    let text = cols.length > 1 ? `（${cols.join(' + ')}）` : cols[0]!;
    if (o.per) text = `（${text} ÷ ${columnTitle(o.table, o.per.column)} × ${formatNumber(o.per.times, 0, lang)}）`;
    return text;
  };
  const paren = (s: string) => brackets(s, lang);
  if (!spec.denominator) return paren(operand(spec.numerator));
  const num = operand(spec.numerator);
  const den = operand(spec.denominator);
  const wrap = (s: string) => (s.startsWith('（') ? s : s.includes(' + ') ? `（${s}）` : s);
  return paren(`${wrap(num)} ÷ ${wrap(den)}${spec.scale !== 1 ? ` × ${formatNumber(spec.scale, 0, lang)}` : ''}`);
}

export function methodologyPage(site: SiteData, lang: Lang) {
  const t = translator(lang);
  const columnTitle = (table: string, column: string) => site.tables.get(table)?.schema.fields.find((f) => f.name === column)?.title?.[lang] ?? column;
  const groups = groupsOf(site);
  const rules = [
    t('methodology.wardsAreComparedOther'),
    t('methodology.countViewWholesRow'),
    t('methodology.groupComparedLatestNumerator'),
    t('methodology.trendsApplySameRules'),
    t('methodology.areaWithoutFigureThat'),
    t('methodology.ranksCountHighestValue'),
    t('methodology.comparedOnlyAtOneDate'),
    t('methodology.rateRestingCountBelow'),
    t('methodology.quintilesSplitRankedAreas'),
    t('methodology.summariesCallValueAbout', { formatNumber: formatNumber(SAME_TOLERANCE * 100, 0, lang) }),
  ];
  const bands = site.config.peers?.populationBands ?? DEFAULT_POPULATION_BANDS;
  const peers = [
    t('methodology.wardComparedOtherWards'),
    t('methodology.designatedCityOtherDesignated'),
    t('methodology.everyMunicipalitySimilarMunicipalities', { bands: bands.map((b) => roundPeople(lang, b)).join(t('list.short')) }),
    t('methodology.groupsValueSumNumerators'),
  ];
  const metrics = site.derived.specs.map((s) => {
    const wholes = groups.flatMap((g) => {
      const v = metricView(site, s.id, lang, g);
      if (!v || v.total.value === null) return [];
      const info = groupInfo(site, g, lang);
      return [{ name: info.wholeName, value: `${formatNumber(v.total.value, s.digits, lang)}${t('methodology.sumsOver', { wards: v.total.wards, counter: info.memberNoun.counter, numeratorVintage: vintageText(v.total.numerator_vintage, lang) })}` }];
    });
    return {
      id: s.id,
      label: pick(lang, s.label),
      definition: pick(lang, s.definition),
      formula: formulaText(s, lang, columnTitle),
      numerator: pick(lang, s.numerator.label),
      denominator: s.denominator?.label[lang] ?? null,
      unit: pick(lang, s.unit),
      wholes,
      firstGroup: groups[0] ?? null,
    };
  });
  return { rules, peers, metrics };
}
