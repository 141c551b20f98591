/**
 * The ward-pair page's view model on the frozen 1.0.0 data. Expected figures are worked out by
 * hand from the data rows, the 18 wards of 横浜市 (14100) summed for the city:
 *
 * - 在宅療養支援診療所（人口1万人あたり）: home_care_facilities 2015-10-31 over population
 *   2015-01-01. 鶴見区 21 / 282,084 × 10,000 = 0.7445; 神奈川区 30 / 235,901 × 10,000 = 1.2717;
 *   the city 346 / 3,711,450 × 10,000 = 0.9323. Multiples: 0.7445 / 0.9323 = 0.80,
 *   1.2717 / 0.9323 = 1.36.
 * - 要介護認定者（75歳以上人口1万人あたり）: 10,474 / 24,460 × 10,000 = 4,282.1 and
 *   9,185 / 23,233 × 10,000 = 3,953.4 over 145,691 / 392,013 × 10,000 = 3,716.5: 1.15 and 1.06.
 * - 拠点の新規相談者数（稼働1か月あたり）, 2015-04-01 to 2015-12-31: 252 / 9 = 28.0 and
 *   39 / 4 = 9.75 over 1,533 / 119 = 12.88: 2.17 and 0.76. 瀬谷区 (14116) had no month in
 *   operation (months_active 0): no figure.
 *
 * Which ward is higher, measure by measure (both have all 13 rates): 鶴見区 on 要介護認定者 per
 * 10,000 aged 75+ (4,282.1 > 3,953.4) and on the hub's two client rates (28.0 > 9.75 a month;
 * 252 / 9 × 12 / 24,460 × 10,000 = 137.4 > 39 / 4 × 12 / 23,233 × 10,000 = 50.4 a year per
 * 10,000 aged 75+): 3. 神奈川区 on the other 10 (e.g. 0.7445 < 1.2717 above; support actions per
 * client 254 / 254 = 1.00 < 94 / 47 = 2.00).
 */
import { describe, expect, it } from 'vitest';
import { pairPage } from '../../../src/lib/present/pair-page.ts';
import { loadSiteData } from '../../../src/lib/site-data.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const site = loadSiteData(frozenData);

describe('the pair page of 鶴見区 and 神奈川区', () => {
  const page = pairPage(site, '14101', '14102', 'ja');
  const chart = page.chart!;
  const row = (label: string) => chart.table.rows.find((r) => r[0] === label);

  it('charts every rate of both wards as a multiple of the city, the same values the table shows', () => {
    expect(chart.table.head).toEqual(['指標', '鶴見区', '神奈川区']);
    expect(chart.table.rows).toHaveLength(13);
    expect(row('在宅療養支援診療所（人口1万人あたり）')).toEqual(['在宅療養支援診療所（人口1万人あたり）', '0.80', '1.36']);
    expect(row('要介護認定者（75歳以上人口1万人あたり）')).toEqual(['要介護認定者（75歳以上人口1万人あたり）', '1.15', '1.06']);
    expect(row('拠点の新規相談者数（稼働1か月あたり）')).toEqual(['拠点の新規相談者数（稼働1か月あたり）', '2.17', '0.76']);
    // The page's table prints the values the multiples are made of.
    const values = page.table.rows.find((r) => r[0] === '在宅療養支援診療所（人口1万人あたり）');
    expect(values?.slice(1)).toEqual(['0.74か所', '1.27か所', '0.93か所']);
  });

  it('states in its title which ward is higher on more measures', () => {
    expect(chart.title).toBe('神奈川区は、両区に数値のある13指標のうち10指標で鶴見区より高い値です');
    expect(chart.unit).toBe('倍（横浜市全体の値＝1）');
  });

  it('draws both wards, the reference line and every multiple', () => {
    expect(chart.svg).toContain('chart-reference');
    expect(chart.svg).toContain('横浜市全体＝1');
    for (const v of ['0.80', '1.36', '1.15', '1.06', '2.17', '0.76']) expect(chart.svg).toContain(`>${v}<`);
  });
});

describe('a ward without a figure', () => {
  it('shows no data, never zero, where 瀬谷区 had no hub in operation', () => {
    const page = pairPage(site, '14101', '14116', 'en');
    const chart = page.chart!;
    const hub = chart.table.rows.find((r) => r[0] === 'Hub new clients per month of operation');
    expect(hub).toEqual(['Hub new clients per month of operation', '2.17', 'no data']);
    expect(chart.svg).toContain('>no data<');
  });
});
