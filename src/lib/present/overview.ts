/**
 * The home page: the key figures the site configuration declares, each with its date and a link
 * to the page that explains it, and a plain statement of how old the figures are.
 */
import { select } from '../dataset.ts';
import type { KeyFigure } from '../config/site-config.ts';
import { formatFiscalYear, formatNumber, formatPeriod } from '../format.ts';
import { pick, type Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { areaName, groupOfArea, metricView } from './groups.ts';
import { formatValue } from './metric-text.ts';
import { hasSection } from './sections.ts';
import { ageText, vintageText } from './views.ts';
import { translator } from '../i18n/translate.ts';
import { plural } from '../i18n/grammar.ts';

export interface Card {
  label: string;
  value: string;
  sub: string;
  when: string;
  /** The page that explains the figure, where the site has it. */
  path: string | null;
  /** The date the figure describes, for the statement of age. */
  end: string;
}

export function overview(site: SiteData, lang: Lang) {
  const cards = site.config.keyFigures.flatMap((k) => {
    const card = keyFigure(site, k, lang);
    return card ? [card] : [];
  });
  const ends = cards.map((c) => c.end).sort();
  const t = translator(lang);
  const age = ageText(ends, lang, t('overview.keyFiguresDescribe'));
  const areas = (site.config.areas ?? []).map((code) => areaName(site.tables, code, lang));
  return { cards, age, areas, intro: pick(lang, site.config.intro) };
}

function keyFigure(site: SiteData, k: KeyFigure, lang: Lang): Card | null {
  const t = translator(lang);
  if (k.kind === 'metric') {
    const group = select(site.tables, 'areas', { parent_code: k.area }).length > 0 ? k.area : groupOfArea(site.tables, k.area);
    const view = metricView(site, k.metric, lang, group);
    if (!view || view.total.value === null) return null;
    const { spec, total } = view;
    if (total.numerator === null) return null;
    const table = site.tables.get(spec.numerator.table);
    const column = Array.isArray(spec.numerator.column) ? spec.numerator.column[0] : spec.numerator.column;
    const unit = table?.schema.fields.find((f) => f.name === column)?.unit?.[lang] ?? '';
    // The count with its unit in every language: 346か所, 346 facilities.
    const count = unit ? t('overview.countWithUnit', { count: formatNumber(total.numerator, 0, lang), unit }) : formatNumber(total.numerator, 0, lang);
    const end = total.numerator_vintage!.split('/').at(-1)!;
    return {
      label: pick(lang, spec.numerator.label),
      value: count,
      sub: t('overview.rateLine', { labelLabel: pick(lang, spec.label), value: formatValue(total.value, spec, lang) }),
      when: t('overview.asOf', { numeratorVintage: vintageText(total.numerator_vintage, lang) }),
      path: `compare/${group}/${spec.id}/`,
      end,
    };
  }
  if (k.kind === 'hubs') {
    const wards = new Set(select(site.tables, 'areas', { parent_code: k.area }).map((r) => String(r.row.area_code)));
    const open = select(site.tables, 'hubs').map((r) => r.row).filter((r) => wards.has(String(r.area_code)) && r.opened_on);
    if (open.length === 0) return null;
    const last = open.map((r) => String(r.opened_on)).sort().at(-1)!;
    return {
      label: t('overview.homeCareCoordinationHubs'),
      value: t('overview.countWithUnit', { count: formatNumber(open.length, 0, lang), unit: plural(lang, open.length, t('overview.hubUnitOne'), t('overview.hubUnit')) }),
      sub: t('overview.oneEachWards', { size: wards.size, length: open.length }),
      when: t('overview.allOpen', { last: vintageText(last, lang) }),
      path: hasSection(site, 'hubs') ? 'hubs/' : `wards/${k.area}/`,
      end: last,
    };
  }
  if (k.kind === 'hub_clients') {
    const rows = select(site.tables, 'hub_throughput', { area_code: k.area }).map((r) => r.row).filter((r) => typeof r.new_clients === 'number');
    // The latest period; of two ending together, the shorter one as printed in the report.
    const row = rows.sort((a, b) => String(b.period_end).localeCompare(String(a.period_end)) || String(b.period_start).localeCompare(String(a.period_start)))[0];
    if (!row) return null;
    return {
      label: t('overview.newClientsHubs'),
      value: t('overview.countWithUnit', { count: formatNumber(Number(row.new_clients), 0, lang), unit: t('overview.peopleUnit') }),
      sub: typeof row.support_actions === 'number' ? t('overview.supportActions', { supportActions: formatNumber(row.support_actions, 0, lang) }) : '',
      when: formatPeriod(String(row.period_start), String(row.period_end), lang),
      path: hasSection(site, 'hubs') ? 'hubs/' : `wards/${k.area}/`,
      end: String(row.period_end),
    };
  }
  const total = select(site.tables, 'budget_lines', { line_id: 'total' }).map((r) => r.row).sort((a, b) => Number(b.fiscal_year) - Number(a.fiscal_year))[0];
  if (!total || !site.config.budgetArea) return null;
  const fy = Number(total.fiscal_year);
  return {
    label: t('overview.programmeBudget'),
    value: t('overview.thousand', { thousand: formatNumber(Number(total.budget_thousand_yen), 0, lang) }),
    sub: areaName(site.tables, site.config.budgetArea, lang),
    when: formatFiscalYear(fy, lang),
    path: hasSection(site, 'budget') ? 'budget/' : null,
    end: `${fy}-04-01`,
  };
}
