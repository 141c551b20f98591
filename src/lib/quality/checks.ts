/**
 * Every consistency check, declared in one place. Each recomputes figures that the documents print
 * (totals, shares, rates, per-month figures, budget changes) from other rows of data/ and returns
 * one finding per printed figure. The data-quality report and the tests are built from this list.
 *
 * No city is named here: a check runs for every city of areas.csv that has the rows it needs, and
 * a city's names come from areas.csv. A figure that is blank or declared missing is not compared
 * (there is nothing to compare), and a row a check needs but does not find yields no finding, so a
 * check never stops the build on data the gate passed.
 */
import { select, wardsOf, type RowRef, type Tables } from '../dataset.ts';
import type { Value } from '../validate/parse-cell.ts';
import { compare, type Finding } from './finding.ts';

type Text = { ja: string; en: string };

export interface Check {
  id: string | ((tables: Tables) => string);
  title: Text | ((tables: Tables) => Text);
  run(tables: Tables): Finding[];
}

/** A numeric cell, or null when blank, declared missing or not a number. */
const val = (ref: RowRef | null, column: string): number | null => {
  const v = ref?.row[column];
  return typeof v === 'number' ? v : null;
};
/** Σ of a column, or null if any row lacks the figure: a partial sum would report a false disagreement. */
const sum = (refs: RowRef[], column: string): number | null => {
  let total = 0;
  for (const r of refs) {
    const v = val(r, column);
    if (v === null) return null;
    total += v;
  }
  return total;
};
/** The one row matching, or null when there is none or more than one. */
const one = (tables: Tables, table: string, where: Record<string, Value>): RowRef | null => {
  const found = select(tables, table, where);
  return found.length === 1 ? found[0]! : null;
};
/** A finding, or none when either side of the comparison is not a figure. */
const compareIf = (
  base: Omit<Parameters<typeof compare>[0], 'printed' | 'recomputed'> & { printed: number | null; recomputed: number | null },
): Finding[] => {
  const { printed, recomputed } = base;
  if (printed === null || recomputed === null || !Number.isFinite(printed) || !Number.isFinite(recomputed)) return [];
  return [compare({ ...base, printed, recomputed })];
};

/** Codes of the areas that have wards (a designated city and its wards), in code order. */
const citiesWithWards = (tables: Tables): string[] =>
  [...new Set(select(tables, 'areas').map((r) => r.row.parent_code).filter((c): c is string => typeof c === 'string' && c !== ''))].sort();
const area = (tables: Tables, code: unknown) => one(tables, 'areas', { area_code: String(code) });
const label = (tables: Tables, code: unknown) => String(area(tables, code)?.row.name_ja ?? code);
const labelEn = (tables: Tables, code: unknown) => String(area(tables, code)?.row.name_en ?? code);
/** A city's English name without "City", as document-figure ids begin (`<city>-support-clinics-…`). */
const slugOf = (tables: Tables, code: string) =>
  labelEn(tables, code).replace(/\s+City$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
const shortEn = (tables: Tables, code: string) => labelEn(tables, code).replace(/\s+City$/i, '');
/** A figure a document prints about a city: `<city>-<name>` in document_figures. */
const figure = (tables: Tables, city: string, name: string) => one(tables, 'document_figures', { figure_id: `${slugOf(tables, city)}-${name}` });
const wardRows = (tables: Tables, city: string, table: string, where: Record<string, string | number> = {}) => {
  const wards = new Set(wardsOf(tables, city));
  return select(tables, table, where).filter((r) => wards.has(String(r.row.area_code)));
};
/** Areas that have survey rows: the cities whose clinic surveys are transcribed. */
const surveyAreas = (tables: Tables) => [...new Set(select(tables, 'surveys').map((r) => String(r.row.area_code)))].sort();

const FACILITIES_AS_OF = '2015-10-31';
const POPULATION_AS_OF = '2015-01-01';
const HUB_PERIOD = { period_start: '2015-04-01', period_end: '2015-12-31' };

const facilityTotals: [string, string, string, string][] = [
  ['support_clinics', 'support-clinics', '在宅療養支援診療所', 'home-care support clinics'],
  ['support_hospitals', 'support-hospitals', '在宅療養支援病院', 'home-care support hospitals'],
  ['visiting_nurse_stations', 'nurse-stations', '訪問看護ステーション', 'visiting-nurse stations'],
];

export const checks: Check[] = [
  {
    id: 'facility-city-totals',
    title: { ja: '在宅医療関連施設の全市合計', en: 'City totals of home-care facilities' },
    run: (t) =>
      citiesWithWards(t).flatMap((city) =>
        facilityTotals.flatMap(([column, id, ja, en]) => {
          const parts = wardRows(t, city, 'home_care_facilities', { as_of: FACILITIES_AS_OF });
          const printed = figure(t, city, `${id}-2015-10`);
          if (!printed) return [];
          return compareIf({
            checkId: 'facility-city-totals',
            subject: { ja: `${ja}（全市、2015年10月末）`, en: `${en} (city, end of October 2015)` },
            printed: val(printed, 'value'),
            at: printed, column: 'value', rounded: false,
            recomputed: sum(parts, column),
            formula: `Σ home_care_facilities.${column} over ${parts.length} wards`,
          });
        }),
      ),
  },
  {
    id: 'facility-city-rates',
    title: { ja: '在宅医療関連施設の人口10万人あたりの数', en: 'Home-care facilities per 100,000 population' },
    run: (t) =>
      citiesWithWards(t).flatMap((city) =>
        facilityTotals.flatMap(([column, id, ja, en]) => {
          const facilities = sum(wardRows(t, city, 'home_care_facilities', { as_of: FACILITIES_AS_OF }), column);
          const population = sum(wardRows(t, city, 'population', { as_of: POPULATION_AS_OF }), 'population');
          const printed = figure(t, city, `${id}-per-100k-2015-10`);
          if (!printed || facilities === null || !population) return [];
          return compareIf({
            checkId: 'facility-city-rates',
            subject: { ja: `${ja}（人口10万人あたり）`, en: `${en} per 100,000 population` },
            printed: val(printed, 'value'),
            at: printed, column: 'value', rounded: true,
            recomputed: (facilities / population) * 100_000,
            formula: `${facilities} / Σ population (${population}, January 2015) × 100,000`,
            explanation: {
              ja: '資料は分母の人口を示していません。2015年1月の18区の人口では一致しない値があり、原因は資料からはわかりません。',
              en: 'The document does not say which population it divides by; with the 18 wards\' January 2015 population some rates do not match, and the cause cannot be told from the document.',
            },
          });
        }),
      ),
  },
  {
    id: 'aged-75-share',
    title: { ja: '各区の75歳以上人口の割合', en: 'Share aged 75+ by ward' },
    run: (t) =>
      citiesWithWards(t).flatMap((city) =>
        wardRows(t, city, 'population').flatMap((r) => {
          const [aged, population] = [val(r, 'aged_75_plus'), val(r, 'population')];
          if (aged === null || !population) return [];
          return compareIf({
            checkId: 'aged-75-share',
            subject: { ja: `${label(t, r.row.area_code)}の75歳以上の割合`, en: `Share aged 75+, ${labelEn(t, r.row.area_code)}` },
            printed: val(r, 'aged_75_plus_share_printed_pct'),
            at: r, column: 'aged_75_plus_share_printed_pct', rounded: true,
            recomputed: (aged / population) * 100,
            formula: `${aged} / ${population} × 100`,
            explanation: {
              ja: '同じ行の人口と75歳以上人口から計算した割合と一致しません。どちらの数値が誤っているかは資料からはわかりません。',
              en: 'The printed share does not follow from the population and the population aged 75+ printed on the same row; which figure is wrong cannot be told from the document.',
            },
          });
        }),
      ),
  },
  {
    id: 'hub-throughput-totals',
    title: { ja: '拠点の相談・支援実績の全市合計', en: 'City totals of hub throughput' },
    run: (t) =>
      citiesWithWards(t).flatMap((city) => {
        const total = one(t, 'hub_throughput', { area_code: city, ...HUB_PERIOD });
        if (!total) return [];
        const parts = wardRows(t, city, 'hub_throughput', HUB_PERIOD).filter((r) => r.row.months_active !== 0);
        const columns: [string, string, string][] = [
          ['months_active', '稼働月数', 'months in operation'],
          ['new_clients', '新規相談者数', 'new clients'],
          ['continuing_clients', '継続相談者数', 'continuing clients'],
          ['support_actions', '支援・対応回数', 'support actions'],
        ];
        return columns.flatMap(([column, ja, en]) =>
          compareIf({
            checkId: 'hub-throughput-totals',
            subject: { ja: `${ja}（全市、2015年4～12月）`, en: `${en} (city, April–December 2015)` },
            printed: val(total, column),
            at: total, column, rounded: false,
            recomputed: sum(parts, column),
            formula: `Σ hub_throughput.${column} over ${parts.length} wards with a hub in operation`,
          }),
        );
      }),
  },
  {
    id: 'hub-per-month',
    title: { ja: '拠点の1か月あたりの新規相談者数と支援・対応回数', en: 'Hub new clients and support actions per month' },
    run: (t) => {
      const rows = select(t, 'hub_throughput', HUB_PERIOD).filter((r) => typeof r.row.months_active === 'number' && r.row.months_active > 0);
      return rows.flatMap((r) =>
        (
          [
            ['new_clients', '新規相談者数', 'new clients'],
            ['support_actions', '支援・対応回数', 'support actions'],
          ] as const
        ).flatMap(([column, ja, en]) => {
          const [count, months] = [val(r, column), val(r, 'months_active')];
          if (count === null || !months) return [];
          return compareIf({
            checkId: 'hub-per-month',
            subject: { ja: `${label(t, r.row.area_code)}の${ja}（1か月あたり）`, en: `${en} per month, ${labelEn(t, r.row.area_code)}` },
            printed: val(r, `${column}_per_month_printed`),
            at: r, column: `${column}_per_month_printed`, rounded: true,
            recomputed: count / months,
            formula: `${count} / ${months} months`,
          });
        }),
      );
    },
  },
  {
    id: 'hub-per-month-per-ward',
    title: { ja: '1か月・1区あたりの実績（本文の数値）', en: 'Per month and ward (figures in the text)' },
    run: (t) =>
      citiesWithWards(t).flatMap((city) => {
        const total = one(t, 'hub_throughput', { area_code: city, ...HUB_PERIOD });
        const months = val(total, 'months_active');
        if (!total || !months) return [];
        return (
          [
            ['new_clients', 'hub-new-clients-per-month-ward-2015', '新規相談者数', 'new clients'],
            ['support_actions', 'hub-support-actions-per-month-ward-2015', '支援・対応回数', 'support actions'],
          ] as const
        ).flatMap(([column, id, ja, en]) => {
          const printed = figure(t, city, id);
          const count = val(total, column);
          if (!printed || count === null) return [];
          return compareIf({
            checkId: 'hub-per-month-per-ward',
            subject: { ja: `${ja}（1か月・1区あたり）`, en: `${en} per month per ward` },
            printed: val(printed, 'value'),
            at: printed, column: 'value', rounded: true,
            recomputed: count / months,
            formula: `${count} / ${months} ward-months`,
          });
        });
      }),
  },
  {
    id: 'hub-months-active',
    title: { ja: '開設日から求めた稼働月数', en: 'Months in operation from the opening dates' },
    run: (t) =>
      citiesWithWards(t).flatMap((city) =>
        wardRows(t, city, 'hub_throughput', HUB_PERIOD).flatMap((r) => {
          const hub = one(t, 'hubs', { area_code: String(r.row.area_code) });
          if (typeof hub?.row.opened_on !== 'string') return [];
          const months = monthsOpen(hub.row.opened_on, HUB_PERIOD.period_start, HUB_PERIOD.period_end);
          return compareIf({
            checkId: 'hub-months-active',
            subject: { ja: `${label(t, r.row.area_code)}の稼働月数`, en: `Months in operation, ${labelEn(t, r.row.area_code)}` },
            printed: val(r, 'months_active'),
            at: r, column: 'months_active', rounded: false,
            recomputed: months,
            formula: `calendar months from ${hub.row.opened_on} (month of opening counted) within April–December 2015`,
          });
        }),
      ),
  },
  {
    id: 'hub-opening-weekdays',
    title: { ja: '開設日の曜日', en: 'Weekdays printed with the opening dates' },
    run: (t) =>
      select(t, 'hubs')
        .filter((r) => /（[月火水木金土日]）$/.test(String(r.row.opened_on_printed ?? '')) && typeof r.row.opened_on === 'string')
        .flatMap((r) => {
          const printed = '日月火水木金土'.indexOf(String(r.row.opened_on_printed).slice(-2, -1));
          return compareIf({
            checkId: 'hub-opening-weekdays',
            subject: { ja: `${label(t, r.row.area_code)}の開設日の曜日（0=日曜）`, en: `Weekday of the opening date, ${labelEn(t, r.row.area_code)} (0 = Sunday)` },
            printed,
            at: r, column: 'opened_on_printed', rounded: false,
            recomputed: new Date(`${String(r.row.opened_on)}T00:00:00Z`).getUTCDay(),
            formula: `weekday of ${String(r.row.opened_on)}`,
          });
        }),
  },
  {
    id: 'consultation-sources-total',
    title: { ja: '相談者の内訳の合計', en: 'Total of who consulted' },
    run: (t) =>
      citiesWithWards(t).flatMap((city) => {
        const total = one(t, 'hub_throughput', { area_code: city, ...HUB_PERIOD });
        const parts = select(t, 'consultation_sources', { area_code: city, ...HUB_PERIOD });
        const [fresh, continuing] = [val(total, 'new_clients'), val(total, 'continuing_clients')];
        if (!total || parts.length === 0 || fresh === null || continuing === null) return [];
        return compareIf({
          checkId: 'consultation-sources-total',
          subject: { ja: '相談者の内訳の合計 ＝ 新規＋継続相談者数', en: 'Who consulted, total = new + continuing clients' },
          printed: fresh + continuing,
          at: total, column: 'new_clients + continuing_clients', rounded: false,
          recomputed: sum(parts, 'clients'),
          formula: `Σ consultation_sources.clients over ${parts.length} sources`,
        });
      }),
  },
  {
    id: 'category-shares',
    title: { ja: '内訳の割合（円グラフの印字値）', en: 'Shares printed on the pie charts' },
    run: (t) =>
      (
        [
          ['consultation_sources', 'clients', 'source_id'],
          ['support_contents', 'cases', 'content_id'],
        ] as const
      ).flatMap(([table, column, id]) => {
        const parts = select(t, table, HUB_PERIOD).filter((r) => r.row[id] !== 'total');
        const whole = sum(parts, column);
        if (!whole) return [];
        return parts.flatMap((r) => {
          const count = val(r, column);
          if (count === null) return [];
          return compareIf({
            checkId: 'category-shares',
            subject: { ja: `${String(r.row.label_ja)}の割合（${table === 'support_contents' ? '支援・対応内容' : '相談元'}）`, en: `Share of ${String(r.row.label_en)} (${table})` },
            printed: val(r, 'share_printed_pct'),
            at: r, column: 'share_printed_pct', rounded: true,
            recomputed: (count / whole) * 100,
            formula: `${count} / ${whole} × 100`,
            explanation: {
              ja: '印字された割合の合計はちょうど100%です。合計を100%にそろえるために丸めを調整したと考えられます。',
              en: 'The printed shares add up to exactly 100%; they were probably adjusted to make the total 100%.',
            },
          });
        });
      }),
  },
  {
    id: 'budget-totals',
    title: { ja: '事業別予算の合計と財源の合計', en: 'Budget line and funding totals' },
    run: (t) =>
      [2020, 2021].flatMap((fy) => {
        const total = one(t, 'budget_lines', { fiscal_year: fy, line_id: 'total' });
        const lines = select(t, 'budget_lines', { fiscal_year: fy }).filter((r) => r.row.line_id !== 'total');
        const fundTotal = one(t, 'budget_funding', { fiscal_year: fy, funding_source: 'total' });
        const funds = select(t, 'budget_funding', { fiscal_year: fy }).filter((r) => r.row.funding_source !== 'total');
        const history = one(t, 'budget_history', { fiscal_year: fy, kind: 'budget' });
        const general = funds.filter((r) => r.row.funding_source === 'general_fund' || r.row.funding_source === 'city_bond');
        return [
          ...(total ? compareIf({
            checkId: 'budget-totals', subject: { ja: `${fy}年度 事業別予算の合計`, en: `FY${fy} budget lines, total` },
            printed: val(total, 'budget_thousand_yen'), at: total, column: 'budget_thousand_yen', rounded: false,
            recomputed: sum(lines, 'budget_thousand_yen'), formula: `Σ budget_lines over ${lines.length} lines`,
          }) : []),
          ...(fundTotal ? compareIf({
            checkId: 'budget-totals', subject: { ja: `${fy}年度 財源の合計`, en: `FY${fy} funding sources, total` },
            printed: val(fundTotal, 'amount_thousand_yen'), at: fundTotal, column: 'amount_thousand_yen', rounded: false,
            recomputed: sum(funds, 'amount_thousand_yen'), formula: `Σ budget_funding over ${funds.length} sources`,
          }) : []),
          ...(history ? compareIf({
            checkId: 'budget-totals', subject: { ja: `${fy}年度 様式①の総額と事業別予算の合計`, en: `FY${fy} total on form ① against the budget lines` },
            printed: val(history, 'total_thousand_yen'), at: history, column: 'total_thousand_yen', rounded: false,
            recomputed: sum(lines, 'budget_thousand_yen'), formula: `Σ budget_lines FY${fy}`,
          }) : []),
          ...(history ? compareIf({
            checkId: 'budget-totals', subject: { ja: `${fy}年度 一財＋市債と財源内訳`, en: `FY${fy} general funds and bonds against the funding table` },
            printed: val(history, 'general_fund_and_bond_thousand_yen'), at: history, column: 'general_fund_and_bond_thousand_yen', rounded: false,
            recomputed: sum(general, 'amount_thousand_yen'), formula: 'general_fund + city_bond in budget_funding',
          }) : []),
        ];
      }),
  },
  {
    id: 'budget-changes',
    title: { ja: '予算の前年度からの増減（差引）', en: 'Budget changes from the previous year' },
    run: (t) => [
      ...select(t, 'budget_lines', { fiscal_year: 2021 }).flatMap((r) => {
        const [now, before] = [val(r, 'budget_thousand_yen'), val(one(t, 'budget_lines', { fiscal_year: 2020, line_id: String(r.row.line_id) }), 'budget_thousand_yen')];
        if (now === null || before === null) return [];
        return compareIf({
          checkId: 'budget-changes', subject: { ja: `${String(r.row.name_ja)}の増減`, en: `Change, ${String(r.row.name_en)}` },
          printed: val(r, 'change_printed_thousand_yen'), at: r, column: 'change_printed_thousand_yen', rounded: false,
          recomputed: now - before,
          formula: `${now} − ${before}`,
        });
      }),
      ...select(t, 'budget_funding', { fiscal_year: 2021 }).flatMap((r) => {
        const [now, before] = [val(r, 'amount_thousand_yen'), val(one(t, 'budget_funding', { fiscal_year: 2020, funding_source: String(r.row.funding_source) }), 'amount_thousand_yen')];
        if (now === null || before === null) return [];
        return compareIf({
          checkId: 'budget-changes', subject: { ja: `財源「${String(r.row.label_ja)}」の増減`, en: `Change, funding: ${String(r.row.label_en)}` },
          printed: val(r, 'change_printed_thousand_yen'), at: r, column: 'change_printed_thousand_yen', rounded: false,
          recomputed: now - before,
          formula: `${now} − ${before}`,
        });
      }),
    ],
  },
  {
    id: 'funding-statutory-split',
    title: { ja: '財源の負担割合（国38.5%・県19.25%・保険料23%・市19.25%）', en: 'Statutory funding split (national 38.5%, prefecture 19.25%, premiums 23%, city 19.25%)' },
    run: (t) =>
      [2020, 2021].flatMap((fy) => {
        const total = val(one(t, 'budget_funding', { fiscal_year: fy, funding_source: 'total' }), 'amount_thousand_yen');
        if (total === null) return [];
        return (
          [
            ['national', 0.385],
            ['prefecture', 0.1925],
            ['care_insurance_premium', 0.23],
          ] as const
        ).flatMap(([source, share]) => {
          const r = one(t, 'budget_funding', { fiscal_year: fy, funding_source: source });
          if (!r) return [];
          return compareIf({
            checkId: 'funding-statutory-split',
            subject: { ja: `${fy}年度 ${String(r.row.label_ja)}の額と負担割合`, en: `FY${fy} ${String(r.row.label_en)} against its statutory share` },
            // Amounts are whole thousand yen, so the printed amount may differ from the exact share by 1.
            printed: val(r, 'amount_thousand_yen'), at: r, column: 'amount_thousand_yen', rounded: true,
            recomputed: total * share, formula: `${total} × ${share}`,
          });
        });
      }),
  },
  {
    id: 'hospital-counts',
    title: { ja: '病院の総数と緊急一時入院の協力病院数', en: 'Hospitals in the city and hospitals in the admission agreements' },
    run: (t) =>
      citiesWithWards(t).flatMap((city) => {
        const total = figure(t, city, 'fy2017-hospitals-total');
        // The plan's 134 counts hospitals as of the July 2015 table it was drawn from.
        const hospitals = wardRows(t, city, 'medical_institutions', { as_of: '2015-07-01' });
        const agreed = figure(t, city, 'fy2017-agreed-hospitals');
        // Hospitals the plan lists by ward (the plan is the figure's own source); a note marks the
        // ones outside the city (藤沢・大和) as 「<city>外」.
        const outside = `${label(t, city)}外`;
        const listed = agreed
          ? select(t, 'emergency_hospitals', { source_document: agreed.row.source_document ?? null }).filter((r) => !String(r.row.hospital_note_ja ?? '').includes(outside))
          : [];
        const distinct = new Set(listed.map((r) => String(r.row.hospital_id)));
        return [
          ...(total ? compareIf({
            checkId: 'hospital-counts',
            subject: { ja: '「84病院/134病院中」の134（市内の病院総数）', en: "The 134 in '84 of 134 hospitals' (all hospitals in the city)" },
            printed: val(total, 'value'), at: total, column: 'value', rounded: false,
            recomputed: sum(hospitals, 'hospitals'),
            formula: `Σ medical_institutions.hospitals over ${hospitals.length} wards (1 July 2015)`,
          }) : []),
          ...(agreed ? compareIf({
            checkId: 'hospital-counts',
            subject: { ja: '「84病院/134病院中」の84（協定を結んだ病院）', en: "The 84 in '84 of 134 hospitals' (hospitals in agreements)" },
            printed: val(agreed, 'value'), at: agreed, column: 'value', rounded: false,
            recomputed: distinct.size,
            formula: `distinct hospital_id among ${listed.length} ward-role rows of emergency_hospitals (${String(agreed.row.source_document)}, inside the city)`,
            explanation: {
              ja: '鶴見区の一覧は「等」で終わり、すべては印字されていません。また1か所は有床診療所で、略称から病院を特定できないものもあります。',
              en: "Tsurumi's list ends in 等 (etc.), so not every hospital is printed; one entry is a clinic with beds, and some short names cannot be identified.",
            },
          }) : []),
        ];
      }),
  },
  {
    id: 'hub-openings-by-year',
    title: { ja: '年度ごとの拠点の新規開設数', en: 'Hubs opened per fiscal year' },
    run: (t) =>
      citiesWithWards(t).flatMap((city) =>
        [2014, 2015, 2016].flatMap((fy) => {
          const opened = select(t, 'hubs').map((r) => r.row.opened_on).filter((d): d is string => typeof d === 'string');
          const inYear = opened.filter((d) => d >= `${fy}-04-01` && d <= `${fy + 1}-03-31`).length;
          const upTo = opened.filter((d) => d <= `${fy + 1}-03-31`).length;
          const newWards = figure(t, city, `fy${fy}-hubs-new-wards`);
          const cumulative = figure(t, city, `fy${fy}-hubs-cumulative`);
          return [
            ...(newWards ? compareIf({
              checkId: 'hub-openings-by-year', subject: { ja: `${fy}年度に開設した拠点の数`, en: `Hubs opened in FY${fy}` },
              printed: val(newWards, 'value'), at: newWards, column: 'value', rounded: false,
              recomputed: inYear, formula: `hubs.opened_on within FY${fy}`,
            }) : []),
            ...(cumulative ? compareIf({
              checkId: 'hub-openings-by-year', subject: { ja: `${fy}年度末までの拠点の累計`, en: `Hubs open by the end of FY${fy}` },
              printed: val(cumulative, 'value'), at: cumulative, column: 'value', rounded: false,
              recomputed: upTo, formula: `hubs.opened_on up to ${fy + 1}-03-31`,
            }) : []),
          ];
        }),
      ),
  },
  {
    // Named after the areas whose surveys are transcribed, as areas.csv names them.
    id: (t) => `${surveyAreas(t).map((c) => slugOf(t, c)).join('-') || 'clinic'}-surveys`,
    title: (t) => ({
      ja: `${surveyAreas(t).map((c) => label(t, c)).join('・')}の診療所アンケートの回答率と割合`,
      en: `${surveyAreas(t).map((c) => shortEn(t, c)).join(', ')} clinic surveys: response rates and shares`,
    }),
    run: (t) => {
      const checkId = `${surveyAreas(t).map((c) => slugOf(t, c)).join('-') || 'clinic'}-surveys`;
      return [
        ...select(t, 'surveys').flatMap((r) => {
          const [responses, population] = [val(r, 'responses'), val(r, 'population')];
          if (responses === null || !population) return [];
          return compareIf({
            checkId, subject: { ja: `${String(r.row.title_ja)}の回答率`, en: `Response rate, ${String(r.row.title_en)}` },
            printed: val(r, 'response_rate_printed_pct'), at: r, column: 'response_rate_printed_pct', rounded: true,
            recomputed: (responses / population) * 100,
            formula: `${responses} / ${population} × 100`,
          });
        }),
        ...select(t, 'survey_results')
          .filter((r) => typeof r.row.count === 'number' && typeof r.row.share_printed_pct === 'number' && typeof r.row.base === 'number' && r.row.base > 0)
          .flatMap((r) => {
            const survey = one(t, 'surveys', { survey_id: String(r.row.survey_id) });
            const [count, base] = [val(r, 'count')!, val(r, 'base')!];
            return [
              ...compareIf({
                checkId, subject: { ja: `「${String(r.row.answer_ja)}」の割合`, en: `Share answering '${String(r.row.answer_en)}'` },
                printed: val(r, 'share_printed_pct'), at: r, column: 'share_printed_pct', rounded: true,
                recomputed: (count / base) * 100,
                formula: `${count} / ${base} × 100`,
              }),
              ...(survey ? compareIf({
                checkId, subject: { ja: `「${String(r.row.answer_ja)}」の割合の分母（回答者数）`, en: `Base of the share answering '${String(r.row.answer_en)}' (respondents)` },
                printed: base, at: r, column: 'base', rounded: false,
                recomputed: val(survey, 'responses'),
                formula: `surveys.responses of ${String(r.row.survey_id)}`,
                explanation: {
                  ja: '本文は副主治医の設問の回答者を158名としていますが、この設問があるアンケート2の回答は169件です（158件はアンケート1の回答数）。',
                  en: 'The text gives 158 respondents for the deputy-physician question, but that question is in survey 2, which had 169 responses (158 is survey 1\'s count).',
                },
              }) : []),
            ];
          }),
      ];
    },
  },
];

/** Calendar months from the month of `opened` to the end of the period, counted inside the period. */
export function monthsOpen(opened: string, periodStart: string, periodEnd: string): number {
  const month = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  const first = Math.max(month(opened), month(periodStart));
  return Math.max(0, month(periodEnd) - first + 1);
}
