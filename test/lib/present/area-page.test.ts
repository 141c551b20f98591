/**
 * The area page's view model on the frozen 1.0.0 data: an area compared only where another area
 * has a figure of the same date, counts against their whole as a share, rates as a multiple, ranks
 * out of fewer areas explained, marks explained only where they are used, the date line covering
 * every section, and the events chart ranking one period only. Expected figures are worked out by
 * hand from the source documents.
 */
import { describe, expect, it } from 'vitest';
import { areaPage, chartedEvents } from '../../../src/lib/present/area-page.ts';
import { select } from '../../../src/lib/dataset.ts';
import { printedOnce } from '../../../src/lib/present/record-text.ts';
import { loadSiteData } from '../../../src/lib/site-data.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const site = loadSiteData(frozenData);
const rowOf = (page: ReturnType<typeof areaPage>, label: string) => page.table!.rows.find((r) => r[0] === label);

describe('an area with no other area to compare at its date (横須賀市)', () => {
  // 横須賀市 has one figure, 43 support clinics on 2018-03-01 (yokosuka-programme-fy2018); the
  // other municipality, 横浜市, has its wards' 346 of 2015-10-31: nothing shares its date.
  const page = areaPage(site, '14201', 'ja');

  it('states its own figure, without a comparison chart', () => {
    expect(page.chart).toBeNull();
    expect(page.keyFigure).toBe('横須賀市の在宅療養支援診療所の数は43か所です（2018年3月1日時点）。同じ時点で比べられるほかの地域がないため、比較と順位はありません。');
  });

  it('shows no whole made of another area, no rank of one and no ratio to itself', () => {
    const table = page.table!;
    // Its one figure, alone: the group's columns would hold only dashes, so they are left out.
    expect(table.head).toEqual(['指標', 'この地域', '時点']);
    expect(table.rows).toEqual([['在宅療養支援診療所の数', '43か所', '2018年3月1日']]);
    const cells = table.rows.flat();
    expect(cells).not.toContain('1/1');
    // 横浜市's figures (要介護認定者 393人 per 10,000, 3,716人 per 10,000 aged 75+) are nowhere.
    expect(cells.join(' ')).not.toMatch(/393|3,716|145,691|10\.6/);
    // The measures it has no figure for are named instead.
    expect(table.notes).toContain('横須賀市の数値がない指標：要介護認定者（人口1万人あたり）・要介護認定者（75歳以上人口1万人あたり）・75歳以上人口の割合・要介護認定者の数。');
  });

  it('explains no mark its table does not carry', () => {
    const notes = page.table!.notes.join(' ');
    expect(notes).not.toMatch(/[＊*†]印/);
  });

  it('dates the page from the first day of the 2012 surveys and events to 2018-03-01', () => {
    expect(page.age).toBe('このページの数値は2012年4月1日から2018年3月1日までの時点のものです。');
  });
});

describe('a ward (鶴見区) against its city', () => {
  const page = areaPage(site, '14101', 'ja');

  it('compares a count as its share of the city total and a rate as a multiple, saying which', () => {
    const head = page.table!.head;
    expect(head).toEqual(['指標', 'この地域', '横浜市全体', '順位', '全体と比べると', '時点']);
    // 21 of the city's 346 support clinics: 6.07 %.
    expect(rowOf(page, '在宅療養支援診療所の数')!.slice(1, 5)).toEqual(['21か所', '346か所', '6/18', '全体の6.1%']);
    // 21 / 282,084 × 10,000 = 0.7445 against 346 / 3,711,450 × 10,000 = 0.9323: 0.80 times.
    expect(rowOf(page, '在宅療養支援診療所（人口1万人あたり）')!.slice(1, 5)).toEqual(['0.74か所', '0.93か所', '12/18', '全体の0.80倍']);
    expect(page.table!.notes[0]).toBe('「全体と比べると」は、数（か所・人など）では横浜市全体の合計に占める割合、率（1万人あたり・割合など）では横浜市全体の値を1としたときの倍率です。');
  });

  it('says why some ranks count fewer wards than the city has', () => {
    // 泉区 and 戸塚区 had no hub in operation in Apr-Dec 2015: the hub measures rank 16 wards.
    expect(rowOf(page, '拠点の新規相談者数（稼働1か月あたり）')![3]).toBe('1/16');
    expect(page.table!.notes).toContain('拠点の新規相談者数（稼働1か月あたり）・拠点の新規相談者数（75歳以上人口1万人あたり、年換算）・相談者1人あたりの支援・対応回数の順位は16区中の順位です（2区は数値がありません）。');
    // Support hospitals: 17 of 18 wards have fewer than 5, and one ward alone is not ranked.
    expect(rowOf(page, '在宅療養支援病院（人口1万人あたり）')![3]).toBe('順位なし（数が少ない）');
    expect(page.table!.notes).toContain('在宅療養支援病院（人口1万人あたり）・在宅療養支援病院（75歳以上人口1万人あたり）は順位をつけていません（17区はもとの数が少なすぎます）。');
  });

  it('explains the marks its table carries', () => {
    expect(page.table!.rows.some((r) => r[1]!.endsWith(' *'))).toBe(true);
    expect(page.table!.notes).toContain('＊印は、もとの数が少なく値が不安定なため、順位をつけていない値です。');
    expect(page.table!.rows.some((r) => r.some((c) => c.includes('†')))).toBe(false);
    expect(page.table!.notes.join(' ')).not.toContain('†');
  });
});

describe("戸塚区's support hospitals", () => {
  it('are not ranked 1 of 1', () => {
    // 戸塚区 has 5 support hospitals, every other ward fewer than 5: there is no one to rank it against.
    const row = rowOf(areaPage(site, '14110', 'ja'), '在宅療養支援病院（人口1万人あたり）')!;
    expect(row[1]).toBe('0.18か所');
    expect(row[3]).toBe('—');
    expect(areaPage(site, '14110', 'ja').table!.rows.flat()).not.toContain('1/1');
  });
});

describe('the events chart of the city', () => {
  // The frozen data holds the city's events of Apr–Dec 2015 (yokohama-hub-report-2016), of FY2015
  // (yokohama-plan-fy2017, which includes those nine months) and one of FY2016.
  const events = select(site.tables, 'events', { area_code: '14100' }).map((r) => r.row);

  it('ranks the events of one period only', () => {
    const periods = new Set(events.map((e) => `${String(e.period_start)}/${String(e.period_end)}`));
    expect(periods).toEqual(new Set(['2015-04-01/2015-12-31', '2015-04-01/2016-03-31', '2016-04-01/2017-03-31']));
    const { chartPeriod, attended } = chartedEvents(printedOnce(events).events);
    // FY2015 has five events with an attendance figure (one printed twice), Apr–Dec 2015 five, FY2016 one.
    expect(chartPeriod).toBe('2015-04-01/2016-03-31');
    expect(attended.map((e) => Number(e.attendance))).toEqual([3700, 3637, 2284, 2138, 1961]);
    const page = areaPage(site, '14100', 'ja');
    expect(page.events!.vintages).toEqual(['2015-04-01/2016-03-31']);
    expect(page.events!.title).toBe('2015年4月～2016年3月に最も多くの人が参加したのは「多職種連携会議」の3,700人');
    // The table lists every event with its period: 12 rows in the data, 11 events.
    expect(events).toHaveLength(12);
    expect(page.events!.table.rows).toHaveLength(11);
  });

  it('shows the lectures the plan prints twice under two names as one event carrying both', () => {
    // yokohama-plan-fy2017 prints 市民啓発：29回 1,961人 and 講演会(H27：18区で29回 1,961名参加).
    const { events: once, alsoNamed } = printedOnce(events);
    expect(once).toHaveLength(11);
    expect([...alsoNamed].map(([e, others]) => [e.name_ja, ...others.map((o) => o.name_ja)])).toEqual([['市民啓発', '講演会']]);
    const page = areaPage(site, '14100', 'ja');
    const rows = page.events!.table.rows.filter((r) => r[3] === '1,961');
    expect(rows).toEqual([['2015年4月1日～2016年3月31日', '市民啓発／講演会', '29', '1,961']]);
    expect(page.events!.tableNote).toContain('「市民啓発」・「講演会」は、資料が同じ数値（29回、1,961人）を2か所に別の名前で載せているもので、同じ行事として1つにまとめています。');
  });

  it('keeps apart events that only share a period and a count of sessions', () => {
    const a = { area_code: '1', source_document: 'd', period_start: '2020-04-01', period_end: '2021-03-31', sessions: 1, attendance: 80, attendance_qualifier: null, name_ja: 'A' };
    // Another attendance, or none printed: two events.
    expect(printedOnce([a, { ...a, name_ja: 'B', attendance: 81 }]).events).toHaveLength(2);
    expect(printedOnce([{ ...a, attendance: null }, { ...a, name_ja: 'B', attendance: null }]).events).toHaveLength(2);
    // Another document printing the same figures: two events too.
    expect(printedOnce([a, { ...a, name_ja: 'B', source_document: 'e' }]).events).toHaveLength(2);
    expect(printedOnce([a, { ...a, name_ja: 'B' }]).events).toHaveLength(1);
  });
});
