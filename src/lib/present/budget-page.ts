/**
 * The programme's budget, for a committee: the whole history first (budget, settlement and
 * projections, each marked as what it is, every year named in its era and western year), then
 * the latest year by line with the change from the year before, its funding, and yen per
 * resident (estimates marked wherever they appear). One unit, thousand yen, throughout. Each
 * part says so when its rows are missing.
 */
import { categoryBars } from '../../charts/category-bars.ts';
import { budgetTimeline, type BudgetYear } from '../../charts/budget-timeline.ts';
import { renderChart } from '../../charts/render.ts';
import { select } from '../dataset.ts';
import { formatFiscalYear, formatFiscalYearRow, formatFiscalYearShort, formatNumber } from '../format.ts';
import { local, type Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { areaName } from './groups.ts';
import { asWritten, type ChartText } from './furigana-site.ts';
import { sourceText } from './sources.ts';
import { vintageText } from './views.ts';
import { translator, translate } from '../i18n/translate.ts';

/** `chart` writes the charts' own labels in the edition's chart text (furigana-site.ts). */
export function budgetPage(site: SiteData, lang: Lang, chart: ChartText = asWritten) {
  const t = translator(lang);
  const cityName = site.config.budgetArea ? areaName(site.tables, site.config.budgetArea, lang) : '';
  const yen = (thousand: number) => translate(lang, 'budget.k', { thousand: formatNumber(thousand, 0, lang) });
  const signed = (thousand: number) => (thousand > 0 ? '+' : thousand < 0 ? '−' : '±') + yen(Math.abs(thousand));
  const fy = (y: number) => formatFiscalYear(y, lang);
  const fyShort = (y: number) => formatFiscalYearShort(y, lang);
  // A chart row's year: western and era together (2017（平成29）), or FY2017 where the era is not used.
  const rowYear = (y: number) => formatFiscalYearRow(y, lang);

  const changes = site.derived.budgetChanges;
  const total = changes.find((c) => c.line_id === 'total') ?? null;
  const lines = changes.filter((c) => c.line_id !== 'total');
  let change = null;
  if (total && lines.length > 0) {
    const biggestCut = [...lines].sort((a, b) => a.change_thousand_yen - b.change_thousand_yen)[0]!;
    // A line's name in the language from the budget sheet's own row (its edition columns), as the derived change keeps Japanese and English only.
    const sheetRows = new Map(select(site.tables, 'budget_lines', { fiscal_year: total.to_fiscal_year }).map((r) => [String(r.row.line_id), r.row]));
    const name = (c: (typeof lines)[number]) => local(lang, sheetRows.get(c.line_id) ?? c, 'name');
    const pct = total.change_pct === null ? '' : formatNumber(Math.abs(total.change_pct), 1, lang);
    const title = t('budget.budgetThanYearBefore', { toFiscalYear: fy(total.to_fiscal_year), toThousandYen: yen(total.to_thousand_yen), yen: yen(Math.abs(total.change_thousand_yen)), pct: pct ? t('budget.changePct', { pct }) : '', direction: t(total.change_thousand_yen < 0 ? 'budget.less' : 'budget.more'), name: name(biggestCut) });
    // Bars carry the printed line number and the whole name; the table repeats both.
    const lineNo = new Map(select(site.tables, 'budget_lines', { fiscal_year: total.to_fiscal_year }).map((r) => [String(r.row.line_id), String(r.row.line_no_printed ?? '')]));
    const reasons = new Map(select(site.tables, 'budget_lines', { fiscal_year: total.to_fiscal_year }).map((r) => [String(r.row.line_id), local(lang, r.row, 'change_reason')]));
    const svg = renderChart(categoryBars(lines.map((c) => ({ label: chart(`${lineNo.get(c.line_id) ?? ''} ${name(c)}`.trim()), value: c.change_thousand_yen })), (v) => signed(v)), { label: title });
    change = {
      title, svg, source: sourceText(site.tables, ['budget_lines'], lang),
      table: {
        caption: t('budget.budgetLine', { fromFiscalYear: fy(total.from_fiscal_year), toFiscalYear: fy(total.to_fiscal_year) }),
        head: [t('budget.line'), fy(total.from_fiscal_year), fy(total.to_fiscal_year), t('budget.change'), t('budget.change2'), t('budget.reason')],
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
      const label = (r: (typeof rows)[number]) => local(lang, r, 'label');
      const title = t('budget.fundingLargestShare', { toFiscalYear: fy(total.to_fiscal_year), largest: label(largest), formatNumber: formatNumber(share(largest), 1, lang) });
      funding = {
        title,
        svg: renderChart(categoryBars(rows.map((r) => ({ label: chart(label(r)), value: Number(r.amount_thousand_yen) })), (v) => yen(v)), { label: title }),
        source: sourceText(site.tables, ['budget_funding'], lang),
        table: { caption: title, head: [t('budget.source'), t('budget.amount'), t('budget.share')], rows: rows.map((r) => [label(r), yen(Number(r.amount_thousand_yen)), `${formatNumber(share(r), 1, lang)}%`]), numeric: [false, true, true] },
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
    // The title names the years as the documents do and as the rows do: era and western year.
    const title = t('budget.budgetSettlement', { first: fy(first), last: fy(last), settlement: settle.length ? t('budget.settlementRange', { min: formatNumber(Math.min(...settle.map((s) => s.settlement_pct)), 1, lang), max: formatNumber(Math.max(...settle.map((s) => s.settlement_pct)), 1, lang) }) : '' });
    const svg = renderChart(
      budgetTimeline(
        history.map((r) => ({ label: chart(rowYear(Number(r.fiscal_year))), kind: r.kind as BudgetYear['kind'], value: Number(r.total_thousand_yen) })),
        (v) => formatNumber(v, 0, lang),
        { budget: chart(t('common.budget')), settlement: chart(t('budget.settlement')), noSettlement: chart(t('budget.noSettlement')), projection: chart(t('budget.projected')) },
      ),
      { label: title },
    );
    const rate = new Map(settle.map((s) => [s.fiscal_year, s.settlement_pct]));
    const perCapita = new Map(site.derived.budgetPerCapita.map((p) => [p.fiscal_year, p]));
    const amount = (y: number, kind: string) => history.find((r) => Number(r.fiscal_year) === y && r.kind === kind);
    timeline = {
      title, svg, source: sourceText(site.tables, ['budget_history'], lang),
      note: t('budget.howToReadRows') +
        (projected.length ? t('budget.projectionsPrintedDocumentNot', { years: projected.map(fyShort).join(t('list.short')) }) : ''),
      table: {
        caption: t('budget.budgetSettlementProjectionsFiscal'),
        head: [t('budget.fiscalYear'), t('common.budget'), t('budget.settlement'), t('budget.settlementBudget'), t('common.budgetPerResident'), t('budget.perResidentAged75')],
        rows: years.map((y) => {
          const b = amount(y, 'budget') ?? amount(y, 'projection');
          const s = amount(y, 'settlement');
          const p = perCapita.get(y);
          return [
            fy(y),
            b ? `${yen(Number(b.total_thousand_yen))}${b.kind === 'projection' ? t('budget.projected') : ''}` : '—',
            s ? yen(Number(s.total_thousand_yen)) : '—',
            rate.has(y) ? `${formatNumber(rate.get(y)!, 1, lang)}%` : '—',
            p ? t('budget.yen', { yenPerResident: formatNumber(p.yen_per_resident, 0, lang) }) + (p.projected ? t('budget.projected') : '') : '—',
            p ? t('budget.yen', { yenPerResident: formatNumber(p.yen_per_resident_aged_75, 0, lang) }) + (p.projected ? t('budget.projected') : '') : '—',
          ];
        }),
        numeric: [false, true, true, true, true, true],
      },
    };
  }

  const perCapita = site.derived.budgetPerCapita;
  const gap = perCapita.find((p) => p.vintages_differ);
  return {
    cityName,
    lead: t('budget.budgetHomeCareCoordination', { cityName }),
    failMessage: change || timeline ? null : t('budget.thereAreNoBudget'),
    change,
    funding,
    timeline,
    // A year whose amount is a projection says so on its line too: its yen per resident is an estimate.
    perCapita: perCapita.map((p) => `${fy(p.fiscal_year)}${p.projected ? t('budget.projected') : ''}${t('common.colon')}${t('budget.perResidentPerResident', { yenPerResident: formatNumber(p.yen_per_resident, 0, lang), yenPerResidentAged75: formatNumber(p.yen_per_resident_aged_75, 0, lang) })}`),
    perCapitaCaveat: gap ? t('budget.populationTotalSWards', { populationAsOf: vintageText(gap.population_as_of, lang), cityName }) : '',
    fundingNote: t('budget.asCommunitySupportProgramme'),
  };
}
