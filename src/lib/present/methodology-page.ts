/**
 * How every metric is computed, in words: the formula with the metric's own labels and proper
 * parentheses, the dates of numerator and denominator, and the rules every comparison follows.
 */
import type { MetricSpec } from '../derive/metric-spec.ts';
import { formatNumber } from '../format.ts';
import type { Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { groupInfo, groupsOf, metricView } from './groups.ts';
import { SAME_TOLERANCE } from './metric-text.ts';
import { vintageText } from './views.ts';
import { DEFAULT_POPULATION_BANDS } from '../derive/peers.ts';

/** （新規相談者数 ÷ 稼働月数 × 12）÷ 75歳以上人口 × 10,000 */
export function formulaText(spec: MetricSpec, lang: Lang, columnTitle: (table: string, column: string) => string): string {
  const operand = (o: MetricSpec['numerator']) => {
    const cols = (Array.isArray(o.column) ? o.column : [o.column]).map((c) => columnTitle(o.table, c));
    let text = cols.length > 1 ? `（${cols.join(' + ')}）` : cols[0]!;
    if (o.per) text = `（${text} ÷ ${columnTitle(o.table, o.per.column)} × ${formatNumber(o.per.times, 0, lang)}）`;
    return text;
  };
  const paren = (s: string) => (lang === 'ja' ? s : s.replace(/（/g, '(').replace(/）/g, ')'));
  if (!spec.denominator) return paren(operand(spec.numerator));
  const num = operand(spec.numerator);
  const den = operand(spec.denominator);
  const wrap = (s: string) => (s.startsWith('（') ? s : s.includes(' + ') ? `（${s}）` : s);
  return paren(`${wrap(num)} ÷ ${wrap(den)}${spec.scale !== 1 ? ` × ${formatNumber(spec.scale, 0, lang)}` : ''}`);
}

export function methodologyPage(site: SiteData, lang: Lang) {
  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  const columnTitle = (table: string, column: string) => site.tables.get(table)?.schema.fields.find((f) => f.name === column)?.title?.[lang] ?? column;
  const groups = groupsOf(site);
  const rules = [
    t('区は同じ市の区どうしで、市町村は市町村どうしで比べます。市の値は、区の値の平均ではなく、分子の合計を分母の合計で割って求めます（Σ分子 ÷ Σ分母）。', 'Wards are compared with the other wards of their own city, municipalities with the other municipalities. A whole’s value divides the sum of the numerators by the sum of the denominators (Σ numerator ÷ Σ denominator), never a mean of rates.'),
    t('「数」の表示では、市の行には合計を示し、比べる線は1区（1市町村）あたりの平均です。', 'On the count view, the whole’s row shows the total; the reference line is the mean per area.'),
    t('比べる時点は、その組で数値のある地域の半分以上がそろう、最も新しい分子の時点です。分母は、その時点かそれより前で最も新しい時点のものを使います（前にないときは、後で最も早い時点。同じ表の数値なら同じ行）。新しい時点の数値が加わっても、前の時点の値の計算は変わりません。', 'A group is compared at the latest numerator date that at least half of its areas with figures have; the denominator is the latest one on or before it (the earliest after it where there is none; the same row when both come from one table). A newer figure added later never changes how an earlier value was computed.'),
    t('推移は、分子の時点ごとに同じ決まりで計算します。増減率は、はじめの時点の値に対する変化の割合です。', 'Trends apply the same rules at each numerator date. The percentage change (増減率) is relative to the first value.'),
    t('その時点の数値がない地域は、それより前の数値を†印をつけて示し、順位と合計には含めません。', 'An area without a figure for that date shows its latest earlier one, marked †, outside the ranking and the totals.'),
    t('順位は、表示した桁で値の大きい順につけます。表示した値が同じ地域は同じ順位です。値のない地域には順位をつけません。', 'Ranks count from the highest value as displayed; areas showing the same value share a rank; areas without a value are not ranked.'),
    t('もとの数が指標ごとに定めた数（ふつうは5）未満の率は、わずかな増減で大きく変わるため＊印をつけ、順位と色分けからは外します。', 'A rate resting on a count below the metric’s threshold (usually 5) is marked * and left out of the ranking and the colours.'),
    t('五分位は、順位のついた地域を値の大きい順に5つの組にほぼ同じ数ずつ分けたものです（1が最も大きい組）。同じ順位の地域は同じ組です。', 'Quintiles split the ranked areas into five near-equal groups (1 = highest); areas sharing a rank share a group.'),
    t(`まとめの文では、値が全体の値の±${formatNumber(SAME_TOLERANCE * 100, 0)}%以内なら「ほぼ同じ」とします。分子と分母の時点が異なるときは、その旨を書き添えます。`, `Summaries call a value "about the same" as the whole when it is within ±${formatNumber(SAME_TOLERANCE * 100, 0, 'en')}% of it, and say so when numerator and denominator are from different dates.`),
  ];
  const bands = site.config.peers?.populationBands ?? DEFAULT_POPULATION_BANDS;
  const peers = [
    t('区は、同じ市のほかの区と比べます。市町村は、掲載しているすべての市町村のほか、次の組とも比べます。', 'A ward is compared with the other wards of its city. A municipality is compared with every municipality shown and also with these groups:'),
    t('政令指定都市は、ほかの政令指定都市と。', 'a designated city, with the other designated cities;'),
    t(`すべての市町村は「規模と高齢化が似た市町村」と。人口（区のある市は区の合計）を${bands.map((b) => `${formatNumber(b / 10_000, 0)}万人`).join('・')}で区切った同じ規模の組のうち、75歳以上の割合で市町村を3つに分けた同じ3分の1に入る市町村です。人口は各市町村の最新の時点のものです。`, `every municipality, with "similar municipalities": the same population band (bounds ${bands.map((b) => formatNumber(b, 0, 'en')).join(', ')}; a city with wards by their sum) and the same third of all municipalities by share aged 75+, each from its latest population.`),
    t('組の値は、組の市町村の分子の合計を分母の合計で割ったものです。順位は組のなかでの順位です。', 'A group’s value is the sum of its numerators over the sum of its denominators; ranks are within the group.'),
  ];
  const metrics = site.derived.specs.map((s) => {
    const wholes = groups.flatMap((g) => {
      const v = metricView(site, s.id, lang, g);
      if (!v || v.total.value === null) return [];
      const info = groupInfo(site, g, lang);
      return [{ name: info.wholeName, value: `${formatNumber(v.total.value, s.digits, lang)}${t(`（${v.total.wards}${info.memberNoun.counter}の合計から、${vintageText(v.total.numerator_vintage, lang)}）`, ` (from the sums over ${v.total.wards} ${info.memberNoun.counter}, ${vintageText(v.total.numerator_vintage, lang)})`)}` }];
    });
    return {
      id: s.id,
      label: s.label[lang],
      definition: s.definition[lang],
      formula: formulaText(s, lang, columnTitle),
      numerator: s.numerator.label[lang],
      denominator: s.denominator?.label[lang] ?? null,
      unit: s.unit[lang],
      wholes,
      firstGroup: groups[0] ?? null,
    };
  });
  return { rules, peers, metrics };
}
