/**
 * Metric values checked against arithmetic done by hand from the printed figures, plus the
 * properties every comparison must have, plus a metric added by declaration alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMetricSpecs, type MetricSpec } from '../../../src/lib/schema/metric-spec.ts';
import { deriveWardMetrics, type WardMetricValue } from '../../../src/lib/derive/ward-metrics.ts';
import { withCountVariants } from '../../../src/lib/derive/metric-families.ts';
import { runGate } from '../../../src/lib/pipeline.ts';
import type { Table } from '../../../src/lib/validate/validate-table.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const { tables } = runGate(frozenData);
const specs = parseMetricSpecs(JSON.parse(readFileSync(join(frozenData, 'metrics.json'), 'utf8')));
const { wards, cities } = deriveWardMetrics(tables, specs);
const ward = (metric: string, area: string) => wards.find((w) => w.metric_id === metric && w.area_code === area)!;
const city = (metric: string) => cities.find((c) => c.metric_id === metric && c.city_code === '14100')!;

describe('values computed by hand', () => {
  it('home-care support clinics per 10,000 population', () => {
    const m = 'support_clinics_per_10k_population';
    expect(ward(m, '14101').value).toBeCloseTo((21 / 282084) * 10000, 10); // 鶴見区 0.7445
    expect(ward(m, '14101').value).toBeCloseTo(0.7445, 4);
    expect(ward(m, '14103').value).toBeCloseTo(1.2281, 4); // 西区 12 / 97,711
    expect(ward(m, '14118').value).toBeCloseTo(1.7556, 4); // 都筑区 37 / 210,751
    expect(ward(m, '14111').value).toBeCloseTo(0.4614, 4); // 港南区 10 / 216,715
    expect(ward(m, '14117').value).toBeCloseTo(1.1979, 4); // 青葉区 37 / 308,880
    // City: 346 clinics / 3,711,450 people (the 18 wards summed by hand) × 10,000 = 0.9323.
    expect(city(m).numerator).toBe(346);
    expect(city(m).denominator).toBe(3711450);
    expect(city(m).value).toBeCloseTo(0.9323, 4);
    expect(ward(m, '14118').rank).toBe(1);
    expect(ward(m, '14104').rank).toBe(2); // 中区 22 / 147,600 = 1.4905
    expect(ward(m, '14111').rank).toBe(18);
    expect(ward(m, '14101').ratio_to_city).toBeCloseTo(0.7445 / 0.9323, 3);
  });
  it('share aged 75+', () => {
    expect(ward('aged_75_share', '14112').value).toBeCloseTo(13.4966, 4); // 旭区 33,459 / 247,907 = 0.135 − 8.4 / 247,907
    expect(ward('aged_75_share', '14105').value).toBeCloseTo(11.8778, 4); // 南区 23,086 / 194,363
    expect(city('aged_75_share').value).toBeCloseTo((392013 / 3711450) * 100, 8); // 10.562
  });
  it('share of clinics that are home-care support clinics', () => {
    expect(ward('support_clinic_share', '14117').value).toBeCloseTo(12.892, 3); // 青葉区 37 / 287
    expect(city('support_clinic_share').value).toBeCloseTo(11.642, 3); // 346 / 2,972
  });
  it('hub new clients per month and per 10,000 aged 75+ a year', () => {
    expect(ward('hub_new_clients_per_month', '14102').value).toBe(9.75); // 神奈川区 39 / 4
    expect(ward('hub_new_clients_per_month', '14106').value).toBeCloseTo(20.667, 3); // 保土ケ谷区 62 / 3
    expect(city('hub_new_clients_per_month').value).toBeCloseTo(12.882, 3); // 1,533 / 119, printed 12.9
    // 鶴見区: 252 / 9 × 12 = 336 a year; / 24,460 × 10,000 = 137.37.
    expect(ward('hub_new_clients_per_10k_aged_75', '14101').value).toBeCloseTo(137.367, 3);
    // 泉区 and 戸塚区 had no hub in operation: no value and no rank; 16 wards are ranked.
    expect(ward('hub_new_clients_per_month', '14116').value).toBeNull();
    expect(ward('hub_new_clients_per_month', '14116').rank).toBeNull();
    expect(ward('hub_new_clients_per_month', '14101').rank_of).toBe(16);
  });
  it('support actions per client', () => {
    expect(ward('hub_support_actions_per_client', '14103').value).toBeCloseTo(554 / 179, 10); // 西区 3.095
    expect(city('hub_support_actions_per_client').value).toBeCloseTo(5105 / 1713, 10); // 2.980
  });
});

describe('vintages and small numbers', () => {
  it('marks clinics in October 2015 over population in January 2015', () => {
    const v = ward('support_clinics_per_10k_population', '14101');
    expect([v.numerator_vintage, v.denominator_vintage, v.vintages_differ]).toEqual(['2015-10-31', '2015-01-01', true]);
    const same = ward('aged_75_share', '14101');
    expect([same.numerator_vintage, same.denominator_vintage, same.vintages_differ]).toEqual(['2015-01-01', '2015-01-01', false]);
    const period = ward('hub_new_clients_per_month', '14101');
    expect(period.numerator_vintage).toBe('2015-04-01/2015-12-31');
  });
  it('marks rates built on fewer than 5 as unstable', () => {
    expect(ward('support_hospitals_per_10k_population', '14103').unstable).toBe(true); // 西区: 0 hospitals
    expect(ward('support_hospitals_per_10k_population', '14110').unstable).toBe(false); // 戸塚区: 5
    expect(ward('support_clinics_per_10k_population', '14115').unstable).toBe(false); // 栄区: 8
  });
});

describe('the date a group is compared at', () => {
  it('is the latest that at least half of its areas have: one ward reporting a later date alone changes nothing', () => {
    const spec = specs.find((s) => s.id === 'support_clinics_per_10k_population')!;
    const t = new Map(tables);
    const facilities = tables.get('home_care_facilities')!;
    t.set('home_care_facilities', withRows(facilities, [...facilities.rows, { area_code: '14101', as_of: '2016-10-31', support_clinics: 30, support_hospitals: 1, visiting_nurse_stations: 16, source_document: 'x' }]));
    const r = deriveWardMetrics(t, [spec]);
    const city = r.cities.find((c) => c.city_code === '14100')!;
    expect(city.numerator_vintage).toBe('2015-10-31');
    expect(city.numerator).toBe(346);
    const tsurumi = r.wards.find((w) => w.area_code === '14101')!;
    expect([tsurumi.numerator_vintage, tsurumi.off_vintage, tsurumi.rank_of]).toEqual(['2015-10-31', false, 18]);
    // 1 of 18 wards is not half: no trend is drawn from the 2016 date.
    expect(r.series.filter((w) => w.city_code === '14100')).toEqual([]);
  });
  it('puts a ward without that date outside the ranking and the sums, with its own latest value', () => {
    const spec = specs.find((s) => s.id === 'support_clinics_per_10k_population')!;
    const t = new Map(tables);
    const facilities = tables.get('home_care_facilities')!;
    // Ten wards report 2016 (more than half); 鶴見区 (14101) does not.
    const later = facilities.rows.filter((r) => /^1410[2-9]|^1411[01]/.test(String(r.area_code)) && r.as_of === '2015-10-31').map((r) => ({ ...r, as_of: '2016-10-31' }));
    expect(later).toHaveLength(10);
    t.set('home_care_facilities', withRows(facilities, [...facilities.rows, ...later]));
    const r = deriveWardMetrics(t, [spec]);
    const tsurumi = r.wards.find((w) => w.area_code === '14101')!;
    expect([tsurumi.numerator_vintage, tsurumi.off_vintage, tsurumi.rank]).toEqual(['2015-10-31', true, null]);
    expect(r.cities.find((c) => c.city_code === '14100')!.wards).toBe(10);
  });
});

describe('incomplete wholes: a city summed from its wards', () => {
  // A 2016 population for 17 wards: 都筑区 (14118) is missing from it.
  const population = tables.get('population')!;
  const later = population.rows.filter((r) => r.area_code !== '14118').map((r) => ({ ...r, as_of: '2016-01-01' }));
  const t = new Map(tables);
  t.set('population', withRows(population, [...population.rows, ...later]));
  const spec = specs.find((s) => s.id === 'aged_75_share')!;
  const r = deriveWardMetrics(t, [spec]);

  it('gives the city no figure of its own for a vintage a ward is missing from, so it is compared by its last whole one', () => {
    expect(later).toHaveLength(17);
    const yokohama = r.municipal.find((m) => m.area_code === '14100')!;
    // 392,013 aged 75+ of 3,711,450 people: the 18 wards of January 2015, summed by hand.
    expect([yokohama.numerator_vintage, yokohama.numerator, yokohama.denominator]).toEqual(['2015-01-01', 392013, 3711450]);
    expect(r.municipalTotals.find((m) => m.city_code === 'municipalities')!.numerator_vintage).toBe('2015-01-01');
  });
  it("publishes no ward-group value at that vintage: 17 wards' sum is not the city's", () => {
    const whole = r.cities.find((c) => c.city_code === '14100')!;
    expect([whole.numerator_vintage, whole.value, whole.mean, whole.numerator, whole.denominator, whole.wards, whole.members]).toEqual(['2016-01-01', null, null, null, null, 17, 18]);
    const tsuzuki = r.wards.find((w) => w.area_code === '14118')!;
    expect([tsuzuki.numerator_vintage, tsuzuki.off_vintage, tsuzuki.city_value, tsuzuki.ratio_to_city]).toEqual(['2015-01-01', true, null, null]);
    // The other wards are still ranked among themselves at 2016.
    expect(r.wards.find((w) => w.area_code === '14101')!.rank_of).toBe(17);
    // The trend keeps the whole 2015 value and has none at 2016.
    const trend = r.seriesTotals.filter((c) => c.city_code === '14100').map((c) => [c.numerator_vintage, c.value === null ? null : Number(c.value.toFixed(4))]);
    expect(trend).toEqual([['2015-01-01', Number(((392013 / 3711450) * 100).toFixed(4))], ['2016-01-01', null]]);
  });
  it('still sums the wards whose own row says they have no figure (a hub not open yet), and says how many it covers', () => {
    // 戸塚区 and 泉区 had no hub in April–December 2015: 1,533 new clients over 119 hub-months, the printed total.
    const whole = city('hub_new_clients_per_month');
    expect([whole.value, whole.wards, whole.members]).toEqual([1533 / 119, 16, 18]);
  });
});

describe('properties of every ward metric', () => {
  const byMetric = Map.groupBy(wards, (w: WardMetricValue) => w.metric_id);
  // The 13 metrics the first publication declares (metrics.json), each over Yokohama's 18 wards.
  it('has a value for each of the 18 wards', () => {
    expect(specs).toHaveLength(13);
    for (const spec of specs) expect(byMetric.get(spec.id), spec.id).toHaveLength(18);
    expect(wards.filter((w) => w.area_code.startsWith('141'))).toHaveLength(13 * 18);
  });
  it('city value = Σ numerator / Σ denominator over the wards with a value', () => {
    let checked = 0;
    for (const spec of specs) {
      checked++;
      const rows = byMetric.get(spec.id)!.filter((w) => w.value !== null);
      const num = rows.reduce((a, w) => a + w.numerator!, 0);
      const den = rows.reduce((a, w) => a + w.denominator!, 0);
      expect(city(spec.id).value, spec.id).toBeCloseTo((num / den) * spec.scale, 9);
    }
    expect(checked).toBe(13);
  });
  // Ranks follow the values as displayed (rounded to the declared digits): an area's rank is one
  // more than the number of ranked areas showing a strictly greater value, so equal displays tie.
  const shown = (spec: MetricSpec, v: number) => Number(v.toFixed(spec.digits));
  it('ranks count the ranked areas showing a greater value; equal displayed values share a rank', () => {
    let ranks = 0;
    for (const spec of specs) {
      const ranked = byMetric.get(spec.id)!.filter((w) => w.rank !== null);
      for (const w of ranked) {
        const greater = ranked.filter((o) => shown(spec, o.value!) > shown(spec, w.value!)).length;
        expect(w.rank, `${spec.id} ${w.area_code}`).toBe(greater + 1);
        expect(w.rank_of, spec.id).toBe(ranked.length);
        ranks++;
      }
    }
    // Most of the 13 × 18 ward values are ranked; rates on fewer than 5 are not.
    expect(ranks).toBeGreaterThan(13 * 18 * 0.6);
    expect(ranks).toBeLessThan(13 * 18);
  });
  it('leaves unstable rates and areas without a value out of the ranking and the quintiles', () => {
    let left = 0;
    for (const spec of specs)
      for (const w of byMetric.get(spec.id)!)
        if (w.value === null || w.unstable) {
          expect([w.rank, w.quintile], `${spec.id} ${w.area_code}`).toEqual([null, null]);
          left++;
        }
    expect(left).toBeGreaterThan(0);
    // 西区 has no support hospital, a count below 5: shown, but not ranked.
    expect(ward('support_hospitals_per_10k_population', '14103').value).toBe(0);
    expect(ward('support_hospitals_per_10k_population', '14103').rank).toBeNull();
  });
  it('quintiles follow the ranks: tied areas share one, and distinct values split into groups differing by at most one', () => {
    let balanced = 0;
    for (const spec of specs) {
      const ranked = byMetric.get(spec.id)!.filter((w) => w.rank !== null);
      for (const a of ranked) for (const b of ranked) if (a.rank === b.rank) expect(a.quintile, spec.id).toBe(b.quintile);
      if (new Set(ranked.map((w) => shown(spec, w.value!))).size === ranked.length && ranked.length >= 5) {
        const sizes = [1, 2, 3, 4, 5].map((q) => ranked.filter((w) => w.quintile === q).length);
        expect(Math.max(...sizes) - Math.min(...sizes), spec.id).toBeLessThanOrEqual(1);
        balanced++;
      }
    }
    // The balance is checked on the metrics without ties, at least one of them.
    expect(balanced).toBeGreaterThan(0);
  });
});

describe('an area with no other to compare at its date', () => {
  // The municipalities of the frozen data: 横浜市 (14100, its wards' sums, 2015-10-31) and
  // 横須賀市 (14201, its own row of 2018-03-01). Each reports one date; the group is compared at
  // the later one, which 横須賀市 alone has.
  const r = deriveWardMetrics(tables, withCountVariants(specs, tables));
  const of = (metric: string, area: string) => r.municipal.find((w) => w.metric_id === metric && w.area_code === area)!;
  const total = (metric: string) => r.municipalTotals.find((c) => c.metric_id === metric)!;

  it('gets no rank, quintile or ratio: "1/1" and "1.00" compare it with itself', () => {
    const yokosuka = of('support_clinics_count', '14201');
    expect([yokosuka.value, yokosuka.off_vintage, yokosuka.numerator_vintage]).toEqual([43, false, '2018-03-01']);
    expect(total('support_clinics_count').wards).toBe(1);
    expect([yokosuka.rank, yokosuka.rank_of, yokosuka.quintile, yokosuka.ratio_to_city]).toEqual([null, 0, null, null]);
    // 横浜市's 346 of 2015 is shown, marked, outside the ranking and without a ratio.
    const yokohama = of('support_clinics_count', '14100');
    expect([yokohama.value, yokohama.off_vintage, yokohama.rank, yokohama.quintile, yokohama.ratio_to_city]).toEqual([346, true, null, null, null]);
  });

  it('in a city, a rate that only one ward has on a count large enough is not ranked either', () => {
    // Support hospitals: 戸塚区 has 5 (274,408 people), every other ward fewer than 5 (unstable).
    const m = 'support_hospitals_per_10k_population';
    const ranked = wards.filter((w) => w.metric_id === m && w.rank !== null);
    expect(ranked).toEqual([]);
    expect(ward(m, '14110').unstable).toBe(false);
    expect([ward(m, '14110').rank, ward(m, '14110').rank_of, ward(m, '14110').quintile]).toEqual([null, 0, null]);
    // Its ratio to the city still holds: 18 wards are summed, 29 / 3,711,450 × 10,000 = 0.0781.
    expect(ward(m, '14110').ratio_to_city).toBeCloseTo(((5 / 274408) * 10000) / ((29 / 3711450) * 10000), 6);
  });
});

describe('properties on random data', () => {
  it('city = Σ/Σ, ranks permute, quintiles balance, for any ward counts', () => {
    const spec = specs.find((s) => s.id === 'support_clinics_per_10k_population')!;
    fc.assert(
      fc.property(
        fc.array(fc.record({ clinics: fc.integer({ min: 0, max: 500 }), population: fc.integer({ min: 1, max: 1_000_000 }) }), { minLength: 5, maxLength: 18 }),
        (values) => {
          const t = new Map(tables);
          const codes = values.map((_, i) => String(14101 + i));
          t.set('home_care_facilities', withRows(tables.get('home_care_facilities')!, codes.map((c, i) => ({ area_code: c, as_of: '2015-10-31', support_clinics: values[i]!.clinics, support_hospitals: 0, visiting_nurse_stations: 0, source_document: 'x' }))));
          t.set('population', withRows(tables.get('population')!, codes.map((c, i) => ({ area_code: c, as_of: '2015-01-01', population: values[i]!.population, aged_75_plus: 1, aged_75_plus_share_printed_pct: 0 }))));
          const r = deriveWardMetrics(t, [spec]);
          const sumC = values.reduce((a, v) => a + v.clinics, 0);
          const sumP = values.reduce((a, v) => a + v.population, 0);
          expect(r.cities[0]!.value).toBeCloseTo((sumC / sumP) * 10000, 9);
          // Rates on fewer than 5 clinics are not ranked; every other ward is, from 1.
          // Wards of the city without a row are listed without a value.
          const listed = r.wards.filter((w) => codes.includes(w.area_code));
          expect(r.wards.filter((w) => !codes.includes(w.area_code)).every((w) => w.value === null)).toBe(true);
          // One stable ward alone has nothing to be ranked against.
          const stable = listed.filter((w) => values[codes.indexOf(w.area_code)]!.clinics >= 5);
          const rankable = stable.length >= 2 ? stable : [];
          expect(listed.filter((w) => w.rank !== null).map((w) => w.area_code).sort()).toEqual(rankable.map((w) => w.area_code).sort());
          const ranks = rankable.map((w) => w.rank!).sort((a, b) => a - b);
          if (ranks.length) expect(ranks[0]).toBe(1);
          expect(ranks.every((x) => x >= 1 && x <= rankable.length)).toBe(true);
          const sizes = [1, 2, 3, 4, 5].map((q) => r.wards.filter((w) => w.quintile === q).length);
          expect(sizes.reduce((a, b) => a + b, 0)).toBe(rankable.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a metric added by one declaration', () => {
  it('appears with values, ranks, the city value and vintages, with no other change', () => {
    const added: MetricSpec = parseMetricSpecs([
      {
        id: 'nurse_stations_per_support_clinic',
        group: 'resources',
        label: { ja: '在宅療養支援診療所1か所あたりの訪問看護ステーション', en: 'Visiting-nurse stations per support clinic' },
        definition: { ja: '訪問看護ステーション数を在宅療養支援診療所数で割った値。', en: 'Stations divided by support clinics.' },
        numerator: { table: 'home_care_facilities', column: 'visiting_nurse_stations', label: { ja: '訪問看護ステーション', en: 'stations' } },
        denominator: { table: 'home_care_facilities', column: 'support_clinics', label: { ja: '在宅療養支援診療所', en: 'support clinics' } },
        scale: 1,
        unit: { ja: 'か所/か所', en: 'per clinic' },
        higherMeans: { ja: '看護の担い手が相対的に多い', en: 'relatively more nursing' },
      },
    ])[0]!;
    const r = deriveWardMetrics(tables, [...specs, added]);
    const rows = r.wards.filter((w) => w.metric_id === added.id);
    expect(rows).toHaveLength(18);
    expect(rows.find((w) => w.area_code === '14103')!.value).toBeCloseTo(7 / 12, 10); // 西区: 7 stations, 12 clinics
    expect(r.cities.find((c) => c.metric_id === added.id)!.value).toBeCloseTo(260 / 346, 10);
    expect(rows.every((w) => (w.unstable || w.rank !== null) && w.numerator_vintage === '2015-10-31' && w.denominator_vintage === '2015-10-31')).toBe(true);
  });
  it('is rejected, with its place named, when it refers to a column that does not exist', () => {
    const bad = { ...specs[0]!, id: 'broken', numerator: { ...specs[0]!.numerator, column: 'no_such_column' } };
    expect(() => deriveWardMetrics(tables, [bad])).toThrow('metric operand: no column "no_such_column" in home_care_facilities');
  });
});

function withRows(table: Table, rows: Table['rows']): Table {
  return { ...table, rows, lines: rows.map((_, i) => i + 2) };
}
