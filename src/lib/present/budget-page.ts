/**
 * The programme's budget: the latest year by line with the change from the year before, its
 * funding, the whole history (budget, settlement and projections, each marked as what it is),
 * settlement against budget, and yen per resident. Each part says so when its rows are missing.
 */
import { categoryBars } from '../../charts/category-bars.ts';
import { budgetTimeline, type BudgetYear } from '../../charts/budget-timeline.ts';
import { renderChart } from '../../charts/render.ts';
import { select } from '../dataset.ts';
import { formatFiscalYear, formatNumber } from '../format.ts';
import type { Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { areaName } from './groups.ts';
import { sourceText } from './sources.ts';
import { vintageText } from './views.ts';

export function budgetPage(site: SiteData, lang: Lang) {
  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  const cityName = site.config.budgetArea ? areaName(site.tables, site.config.budgetArea, lang) : '';
  const yen = (thousand: number) => (lang === 'ja' ? `${formatNumber(thousand)}千円` : `¥${formatNumber(thousand, 0, 'en')}k`);
  const signed = (thousand: number) => (thousand > 0 ? '+' : thousand < 0 ? '−' : '±') + yen(Math.abs(thousand));
  const fy = (y: number) => formatFiscalYear(y, lang);
  const fyShort = (y: number) => (lang === 'ja' ? fy(y).replace(/（.*/, '') : fy(y));

  const changes = site.derived.budgetChanges;
  const total = changes.find((c) => c.line_id === 'total') ?? null;
  const lines = changes.filter((c) => c.line_id !== 'total');
  let change = null;
  if (total && lines.length > 0) {
    const biggestCut = [...lines].sort((a, b) => a.change_thousand_yen - b.change_thousand_yen)[0]!;
    const name = (c: (typeof lines)[number]) => (lang === 'ja' ? c.name_ja : c.name_en);
    const pct = total.change_pct === null ? '' : formatNumber(Math.abs(total.change_pct), 1, lang);
    const title = t(
      `${fy(total.to_fiscal_year)}の予算は${yen(total.to_thousand_yen)}で、前年度から${yen(Math.abs(total.change_thousand_yen))}${pct ? `（${pct}%）` : ''}${total.change_thousand_yen < 0 ? '減' : '増'}。最も減ったのは「${biggestCut.name_ja}」`,
      `The ${fy(total.to_fiscal_year)} budget is ${yen(total.to_thousand_yen)}, ${pct ? `${pct}% ` : ''}${total.change_thousand_yen < 0 ? 'less' : 'more'} than the year before; the largest cut is ${biggestCut.name_en}`,
    );
    // Bars carry the printed line number and the whole name; the table repeats both.
    const lineNo = new Map(select(site.tables, 'budget_lines', { fiscal_year: total.to_fiscal_year }).map((r) => [String(r.row.line_id), String(r.row.line_no_printed ?? '')]));
    const reasons = new Map(select(site.tables, 'budget_lines', { fiscal_year: total.to_fiscal_year }).map((r) => [String(r.row.line_id), String((lang === 'ja' ? r.row.change_reason_ja : r.row.change_reason_en) ?? '')]));
    const svg = renderChart(categoryBars(lines.map((c) => ({ label: `${lineNo.get(c.line_id) ?? ''} ${name(c)}`.trim(), value: c.change_thousand_yen })), (v) => signed(v), { marginLeft: lang === 'ja' ? 170 : 210, width: 540 }), { label: title });
    change = {
      title, svg, source: sourceText(site.tables, ['budget_lines'], lang),
      table: {
        caption: t(`事業別の予算（${fy(total.from_fiscal_year)}と${fy(total.to_fiscal_year)}）`, `Budget by line, ${fy(total.from_fiscal_year)} and ${fy(total.to_fiscal_year)}`),
        head: [t('事業', 'Line'), fy(total.from_fiscal_year), fy(total.to_fiscal_year), t('増減', 'Change'), t('増減率', 'Change (%)'), t('説明', 'Reason')],
        rows: changes.map((c) => [`${c.line_id === 'total' ? '' : `${lineNo.get(c.line_id) ?? ''} `}${name(c)}`, yen(c.from_thousand_yen), yen(c.to_thousand_yen), signed(c.change_thousand_yen), c.change_pct === null ? '—' : `${formatNumber(c.change_pct, 1, lang)}%`, reasons.get(c.line_id) ?? '']),
        numeric: [false, true, true, true, true, false],
      },
    };
  }

  let funding = null;
  if (total) {
    const rows = select(site.tables, 'budget_funding', { fiscal_year: total.to_fiscal_year }).map((r) => r.row).filter((r) => r.funding_source !== 'total' && Number(r.amount_thousand_yen) > 0);
    if (rows.length > 0) {
      const share = (r: (typeof rows)[number]) => (Number(r.amount_thousand_yen) / total.to_thousand_yen) * 100;
      const largest = [...rows].sort((a, b) => Number(b.amount_thousand_yen) - Number(a.amount_thousand_yen))[0]!;
      const label = (r: (typeof rows)[number]) => String(lang === 'ja' ? r.label_ja : r.label_en);
      const title = t(`${fy(total.to_fiscal_year)}の財源で最も大きいのは${label(largest)}の${formatNumber(share(largest), 1)}%`, `Funding in ${fy(total.to_fiscal_year)}: the largest share is ${label(largest)}, ${formatNumber(share(largest), 1, 'en')}%`);
      funding = {
        title,
        svg: renderChart(categoryBars(rows.map((r) => ({ label: label(r), value: Number(r.amount_thousand_yen) })), (v) => yen(v), { marginLeft: lang === 'ja' ? 100 : 170 }), { label: title }),
        source: sourceText(site.tables, ['budget_funding'], lang),
        table: { caption: title, head: [t('財源', 'Source'), t('金額', 'Amount'), t('割合', 'Share')], rows: rows.map((r) => [label(r), yen(Number(r.amount_thousand_yen)), `${formatNumber(share(r), 1, lang)}%`]), numeric: [false, true, true] },
      };
    }
  }

  // The whole history, each amount marked as a budget, a settlement or a projection.
  const history = select(site.tables, 'budget_history').map((r) => r.row).sort((a, b) => Number(a.fiscal_year) - Number(b.fiscal_year));
  let timeline = null;
  if (history.length > 0) {
    const years = [...new Set(history.map((r) => Number(r.fiscal_year)))];
    const settle = site.derived.settlementRates;
    const first = years[0]!;
    const last = years.at(-1)!;
    const projected = history.filter((r) => r.kind === 'projection').map((r) => Number(r.fiscal_year));
    const title = t(
      `${fyShort(first)}〜${fyShort(last)}の予算と決算${settle.length ? `：決算は予算の${formatNumber(Math.min(...settle.map((s) => s.settlement_pct)), 1)}〜${formatNumber(Math.max(...settle.map((s) => s.settlement_pct)), 1)}%` : ''}`,
      `Budget and settlement, ${fyShort(first)}–${fyShort(last)}${settle.length ? `: settlement was ${formatNumber(Math.min(...settle.map((s) => s.settlement_pct)), 1, 'en')}–${formatNumber(Math.max(...settle.map((s) => s.settlement_pct)), 1, 'en')}% of budget` : ''}`,
    );
    // Years as digits under the bars (the unit line says they are fiscal years), so seven fit a phone.
    const yearLabel = (y: number) => String(y);
    const svg = renderChart(
      budgetTimeline(history.map((r) => ({ label: yearLabel(Number(r.fiscal_year)), kind: r.kind as BudgetYear['kind'], value: Number(r.total_thousand_yen) })), (v) => formatNumber(v / 1000, 0, lang)),
      { label: title },
    );
    const rate = new Map(settle.map((s) => [s.fiscal_year, s.settlement_pct]));
    const perCapita = new Map(site.derived.budgetPerCapita.map((p) => [p.fiscal_year, p]));
    const amount = (y: number, kind: string) => history.find((r) => Number(r.fiscal_year) === y && r.kind === kind);
    timeline = {
      title, svg, source: sourceText(site.tables, ['budget_history'], lang),
      note: t('年度ごとに、濃い棒は予算、内側の薄い棒は決算（実際に使った額）、点線の枠は見込みです。数字は予算・見込みの額（百万円）です。', 'By fiscal year: dark bars, budget; the lighter bar inside, settlement (what was spent); dashed outline, projection. Figures are budgets and projections in million yen.') +
        (projected.length ? t(`${projected.map(fyShort).join('・')}は、資料が示した見込みの額で、確定した予算ではありません。`, ` ${projected.map(fyShort).join(', ')}: projections printed in the document, not adopted budgets.`) : ''),
      table: {
        caption: t('年度別の予算・決算・見込み', 'Budget, settlement and projections by fiscal year'),
        head: [t('年度', 'Fiscal year'), t('予算', 'Budget'), t('決算', 'Settlement'), t('決算/予算', 'Settlement / budget'), t('市民1人あたりの予算', 'Budget per resident')],
        rows: years.map((y) => {
          const b = amount(y, 'budget') ?? amount(y, 'projection');
          const s = amount(y, 'settlement');
          const p = perCapita.get(y);
          return [
            fy(y),
            b ? `${yen(Number(b.total_thousand_yen))}${b.kind === 'projection' ? t('（見込み）', ' (projected)') : ''}` : '—',
            s ? yen(Number(s.total_thousand_yen)) : '—',
            rate.has(y) ? `${formatNumber(rate.get(y)!, 1, lang)}%` : '—',
            p ? t(`${formatNumber(p.yen_per_resident, 0)}円`, `¥${formatNumber(p.yen_per_resident, 0, 'en')}`) : '—',
          ];
        }),
        numeric: [false, true, true, true, true],
      },
    };
  }

  const perCapita = site.derived.budgetPerCapita;
  const gap = perCapita.find((p) => p.vintages_differ);
  return {
    cityName,
    lead: t(`${cityName}の在宅医療連携推進事業（介護保険事業費会計）の予算です。金額は千円単位です。`, `Budget of the home-care coordination programme of ${cityName} (care-insurance account), in thousand yen.`),
    failMessage: change || timeline ? null : t('予算のデータがまだありません。', 'There are no budget figures yet.'),
    change,
    funding,
    timeline,
    perCapita: perCapita.map((p) => `${fy(p.fiscal_year)}${t('：', ': ')}${t(`市民1人あたり${formatNumber(p.yen_per_resident, 0)}円、75歳以上1人あたり${formatNumber(p.yen_per_resident_aged_75, 0)}円`, `¥${formatNumber(p.yen_per_resident, 0, 'en')} per resident, ¥${formatNumber(p.yen_per_resident_aged_75, 0, 'en')} per resident aged 75+`)}`),
    perCapitaCaveat: gap ? t(`人口は${vintageText(gap.population_as_of, 'ja')}時点の${cityName}の区の合計です。予算の年度とは時点が異なるため、目安としてご覧ください。`, `Population is the total of ${cityName}'s wards as of ${vintageText(gap.population_as_of, 'en')}, years before most budgets; read these as rough figures.`) : '',
    fundingNote: t('介護保険の地域支援事業として、国・県・市と65歳以上の方の保険料で負担しています。', 'As a community support programme of the care insurance, it is paid for by the national government, the prefecture, the city and the premiums of people aged 65+.'),
  };
}
