/**
 * The hubs of each city that has them: when each opened, clients per month of operation in the
 * latest period, who consulted and about what, and the meetings and trainings held.
 */
import { categoryBars } from '../../charts/category-bars.ts';
import { rankedBars } from '../../charts/ranked-bars.ts';
import { renderChart } from '../../charts/render.ts';
import { select } from '../dataset.ts';
import { formatNumber, formatPeriod } from '../format.ts';
import type { Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { areaName, groupInfo, metricView, shortName } from './groups.ts';
import { formatValue } from './metric-text.ts';
import { attendanceText, countText, openedText } from './record-text.ts';
import { sourceText } from './sources.ts';

/** The metric the hubs' per-month chart shows, when the metrics declare it. */
const PER_MONTH = 'hub_new_clients_per_month';

export function hubCities(site: SiteData): string[] {
  const parents = new Set(select(site.tables, 'hubs').map((r) => select(site.tables, 'areas', { area_code: String(r.row.area_code) })[0]?.row.parent_code).filter(Boolean).map(String));
  return [...parents].sort();
}

export function hubsSection(site: SiteData, city: string, lang: Lang) {
  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  const info = groupInfo(site, city, lang);
  const cityName = areaName(site.tables, city, lang);
  const name = (code: unknown) => areaName(site.tables, String(code), lang);
  const members = new Set(info.members);
  const hubs = select(site.tables, 'hubs').map((r) => r.row).filter((h) => members.has(String(h.area_code))).sort((a, b) => String(a.opened_on).localeCompare(String(b.opened_on)));
  const opened = hubs.filter((h) => h.opened_on);
  const first = opened[0];
  const last = opened.at(-1);
  const lead = first && last
    ? t(`${cityName}の在宅医療連携拠点は各区の医師会などに置かれ、相談に応じ、医療と介護の関係者をつないでいます。最初の拠点は${openedText(first, 'ja')}に${name(first.area_code)}で開設され、${openedText(last, 'ja')}までに${info.members.length}区のうち${opened.length}区で開設されました。`,
        `${cityName}'s home-care coordination hubs sit at the ward medical associations and similar bodies, advising and connecting the medical and care sides. The first opened in ${name(first.area_code)} on ${openedText(first, 'en')}; by ${openedText(last, 'en')}, ${opened.length} of the ${info.members.length} wards had one.`)
    : '';

  // The latest period of the wards' throughput.
  const periods = select(site.tables, 'hub_throughput').map((r) => r.row).filter((r) => members.has(String(r.area_code)));
  const latestEnd = periods.map((r) => String(r.period_end)).sort().at(-1);
  const inPeriod = periods.filter((r) => String(r.period_end) === latestEnd);
  const periodStart = inPeriod.map((r) => String(r.period_start)).sort()[0];
  const periodText = latestEnd && periodStart ? formatPeriod(periodStart, latestEnd, lang) : '';
  const total = select(site.tables, 'hub_throughput', { area_code: city }).map((r) => r.row).find((r) => String(r.period_end) === latestEnd && String(r.period_start) === periodStart);
  const n = (v: unknown) => countText(v, lang);

  const perMonth = metricView(site, PER_MONTH, lang, city);
  let chart = null;
  if (perMonth && perMonth.total.value !== null) {
    const top = perMonth.areas.filter((w) => w.rank === 1);
    const title = t(
      `稼働1か月あたりの新規相談者は${top.map((w) => w.name).join('・')}が最も多く${formatValue(top[0]?.value ?? null, perMonth.spec, lang)}（${info.wholeName}${formatValue(perMonth.total.value, perMonth.spec, lang)}）`,
      `New clients per month of operation: most in ${top.map((w) => w.name).join(', ')} (${formatValue(top[0]?.value ?? null, perMonth.spec, lang)}; ${info.wholeName} ${formatValue(perMonth.total.value, perMonth.spec, lang)})`,
    );
    const svg = renderChart(
      rankedBars(perMonth.areas.map((w) => ({ label: shortName(w.name), value: w.value })), { reference: { value: perMonth.total.value, label: `${info.wholeName} ${formatNumber(perMonth.total.value, 1, lang)}` }, format: (v) => formatNumber(v, 1, lang), noData: t('稼働なし', 'not open') }),
      { label: title },
    );
    const idle = perMonth.areas.filter((w) => w.value === null).map((w) => w.name);
    chart = {
      title, svg,
      note: t(`稼働月数が区によって違うため、1か月あたりで比べています。${idle.length ? `${idle.join('と')}は期間中に拠点が稼働していませんでした。` : ''}`, `Hubs opened at different times, so wards are compared per month of operation.${idle.length ? ` ${idle.join(' and ')} had no hub in operation in the period.` : ''}`),
      source: sourceText(site.tables, ['hub_throughput'], lang, latestEnd ? [latestEnd] : undefined),
    };
  }
  const throughputTable = {
    caption: t(`区別の相談・支援実績（${periodText}）`, `Hub results by ward, ${periodText}`),
    head: [t('区', 'Ward'), t('稼働月数', 'Months'), t('新規相談者', 'New clients'), t('うち1か月あたり（資料）', 'Per month (printed)'), t('継続相談者', 'Continuing'), t('支援・対応回数', 'Support actions'), t('うち1か月あたり（資料）', 'Per month (printed)')],
    rows: [...inPeriod.filter((r) => String(r.period_start) === periodStart).sort((a, b) => String(a.area_code).localeCompare(String(b.area_code))), ...(total ? [total] : [])].map((r) => [r === total ? info.wholeName : name(r.area_code), n(r.months_active), n(r.new_clients), n(r.new_clients_per_month_printed), n(r.continuing_clients), n(r.support_actions), n(r.support_actions_per_month_printed)]),
    numeric: [false, true, true, true, true, true, true],
  };

  const breakdowns = (['consultation_sources', 'support_contents'] as const).flatMap((breakdown) => {
    const rows = site.derived.categoryShares.filter((s) => s.breakdown === breakdown && s.area_code === city).sort((a, b) => b.count - a.count);
    const top = rows[0];
    if (!top) return [];
    const [ja, en, unitJa, unitEn] = breakdown === 'consultation_sources' ? ['相談してきた人', 'Who consulted the hubs', '人', 'people'] : ['支援・対応の内容', 'What the support was about', '件', 'cases'];
    const title = t(`${ja}：最も多いのは「${top.label_ja}」で${formatNumber(top.share_pct, 0)}%`, `${en}: most often ${top.label_en} (${formatNumber(top.share_pct, 0, 'en')}%)`);
    const svg = renderChart(categoryBars(rows.map((r) => ({ label: lang === 'ja' ? r.label_ja : r.label_en, value: r.count })), (v) => (lang === 'ja' ? `${formatNumber(v, 0, lang)}（${formatNumber((v / top.total) * 100, 0, lang)}%）` : `${formatNumber(v, 0, lang)} (${formatNumber((v / top.total) * 100, 0, lang)}%)`), { marginLeft: lang === 'ja' ? 120 : 200, width: 520 }), { label: title });
    const note = breakdown === 'consultation_sources'
      ? t(`新規と継続の相談者${formatNumber(top.total)}人の内訳（${info.wholeName}）。`, `${formatNumber(top.total, 0, 'en')} new and continuing clients (${info.wholeName}).`)
      : t(`1回の支援が複数の内容にあたることがあるため（重複あり）、合計${formatNumber(top.total)}件は支援・対応回数を上回ります。割合は内容の合計に対するものです。`, `One support action can cover several topics (multiple answers), so the ${formatNumber(top.total, 0, 'en')} total exceeds the number of actions; shares are of all topics.`);
    return [{
      id: breakdown, title, svg, note, unit: t(unitJa, unitEn), source: sourceText(site.tables, [breakdown], lang),
      table: { caption: title, head: [breakdown === 'consultation_sources' ? t('相談元', 'Source') : t('内容', 'Topic'), t('人数・件数', 'Count'), t('割合（%）', 'Share (%)')], rows: rows.map((r) => [lang === 'ja' ? r.label_ja : r.label_en, formatNumber(r.count, 0, lang), formatNumber(r.share_pct, 1, lang)]), numeric: [false, true, true] },
    }];
  });

  const events = select(site.tables, 'events', { area_code: city }).map((r) => r.row).sort((a, b) => String(a.period_start).localeCompare(String(b.period_start)));
  return {
    city, cityName, lead, periodText, chart, throughputTable, breakdowns,
    hubs: { caption: t('区別の拠点の開設日と場所（開設順）', 'Hub opening date and place by ward (in order of opening)'), head: [t('区', 'Ward'), t('開設', 'Opened'), t('場所', 'Place')], rows: hubs.map((h) => [name(h.area_code), openedText(h, lang), h.location_ja ? String(h.location_ja) : t('資料に記載なし', 'not given')]), numeric: [false, false, false] },
    hubsSource: sourceText(site.tables, ['hubs'], lang),
    events: events.length ? {
      caption: t(`${cityName}の拠点などが開いた会議・研修と参加者数`, `Meetings and trainings held by the hubs and ${cityName}, with attendance`),
      head: [t('期間', 'Period'), t('名称', 'Name'), t('回数', 'Sessions'), t('参加者数', 'Attendance')],
      rows: events.map((e) => [formatPeriod(String(e.period_start), String(e.period_end), lang), lang === 'ja' ? String(e.name_ja) : String(e.name_en), n(e.sessions), attendanceText(e, lang)]),
      numeric: [false, false, true, true],
      source: sourceText(site.tables, ['events'], lang),
    } : null,
  };
}
