/**
 * The data-quality page's view model: subjects written out per language, the figures each rule
 * checked per release (today's rules on each release's data), "nothing to check" where a rule found
 * none, and the printed figures not compared with why. Read from the frozen 1.0.0 data, from it with
 * a 2016 vintage added (vintage-2016.ts), and from it with a rule that matches nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qualityPage, subjectText, vintageText } from '../../../src/lib/present/quality-page.ts';
import { loadSiteData } from '../../../src/lib/site-data.ts';
import { runGate } from '../../../src/lib/pipeline.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';
import { writeVintage2016 } from '../quality/vintage-2016.ts';

const snapshots = resolve('releases');
const work = mkdtempSync(join(tmpdir(), 'quality-page-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the page of the 1.0.0 data', () => {
  const site = loadSiteData(frozenData);
  const ja = qualityPage(site, 'ja', snapshots);
  const en = qualityPage(site, 'en', snapshots);
  it('counts the figures compared and lists the disagreements with their subjects written out', () => {
    expect(ja.summary).toBe('照合 152件、不一致 6件');
    expect(ja.disagreements.map((r) => r[0])).toEqual([
      '横浜市の訪問看護ステーション（人口10万人あたり、2015年10月31日）',
      '南区の75歳以上の割合（2015年1月1日）',
      '横浜市の相談元「家族・本人」の割合（2015年4月1日～2015年12月31日）',
      '横浜市の支援・対応内容「その他」の割合（2015年4月1日～2015年12月31日）',
      '横浜市の緊急一時入院の協定を締結した病院数（84病院/134病院中）（2017年1月1日）',
      '「協力できる」の割合の分母（回答者数）',
    ]);
    expect(en.disagreements[1]!.slice(0, 3)).toEqual(['Share aged 75+, Minami Ward, 1 Jan 2015', '8.2', '11.878']);
  });
  it('says per release how many figures each rule checked', () => {
    expect(ja.byRelease.head).toEqual(['検査', '規則', '版1.0.0（2026年11月23日）']);
    expect(ja.byRelease.rows).toHaveLength(36);
    expect(ja.byRelease.rows[0]).toEqual(['在宅医療関連施設の全市合計', '規則1（合計）：document_figures.value ← home_care_facilities.support_clinics', '1']);
    expect(ja.byRelease.rows[6]).toEqual(['各区の75歳以上人口の割合', '規則1（割合・率）：population.aged_75_plus_share_printed_pct ← population.aged_75_plus、population.population', '18']);
    expect(ja.byRelease.rows.reduce((a, r) => a + Number(r[2]), 0)).toBe(152);
  });
  it('lists, per check, the printed figures it could not compare and why', () => {
    const budget = ja.checks.find((c) => c.id === 'budget-totals')!;
    expect(budget.summary).toBe('事業別予算の合計と財源の合計（8/8 一致）');
    expect(budget.skipped).toHaveLength(6);
    expect(budget.skipped[0]).toEqual(['規則3（合計）：budget_history.total_thousand_yen ← budget_lines.budget_thousand_yen', 'data/budget_history.csv 2行 total_thousand_yen', '計算に使う行がありません']);
    expect(en.checks.find((c) => c.id === 'budget-totals')!.summary).toBe('Budget line and funding totals (8 of 8 agree)');
    expect(ja.checks.map((c) => c.skipped.length)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 0, 1]);
  });
});

describe('a check of more figures than a table can show', () => {
  // The 1.0.0 report with the findings of the share-aged-75+ check ten times over: 180 figures, 10
  // of them disagreeing (as a national data folder has tens of thousands).
  const site = loadSiteData(frozenData);
  const check = site.quality.checks.find((c) => c.id === 'aged-75-share')!;
  const findings = Array.from({ length: 10 }, () => check.findings).flat();
  const many = { ...site, quality: { ...site.quality, checks: site.quality.checks.map((c) => (c === check ? { ...c, findings } : c)) } };
  const page = (lang: 'ja' | 'en') => qualityPage(many, lang, snapshots).checks.find((c) => c.id === 'aged-75-share')!;
  it('lists every disagreement and the first 100 that agree, in order, and says how many agree in all', () => {
    const ja = page('ja');
    expect(findings.filter((f) => !f.agrees)).toHaveLength(10);
    expect(ja.rows.filter((r) => r[3] === '不一致')).toHaveLength(10);
    expect(ja.rows.filter((r) => r[3] === '一致')).toHaveLength(100);
    // The first 100 agreeing figures with the disagreements among them, as the rules made them.
    const lastListed = findings.filter((f) => f.agrees)[99]!;
    const upTo = findings.indexOf(lastListed, 90);
    const expected = findings.filter((f, i) => !f.agrees || i <= upTo);
    expect(ja.rows.map((r) => r[0])).toEqual(expected.map((f) => subjectText(site, f, 'ja')));
    expect(ja.more).toBe('一致した170件のうち、100件を載せています。すべては次のファイルにあります：');
    expect(page('en').more).toBe('100 of the 170 figures that agree are listed here; all of them are in');
    expect(ja.summary).toBe('各区の75歳以上人口の割合（170/180 一致）');
  });
  it('lists every figure of a check of 100 or fewer', () => {
    const ja = qualityPage(site, 'ja', snapshots);
    expect(ja.checks.map((c) => c.rows.length)).toEqual(site.quality.checks.map((c) => c.findings.length));
    expect(ja.checks.filter((c) => c.more !== null)).toEqual([]);
  });
});

describe('the page with a 2016 vintage added', () => {
  const dir = join(work, 'v2016');
  writeVintage2016(dir);
  const site = loadSiteData(dir);
  const ja = qualityPage(site, 'ja', snapshots);
  it('counts each rule on release 1.0.0 and on the unreleased data beside it', () => {
    expect(ja.byRelease.head).toEqual(['検査', '規則', '版1.0.0（2026年11月23日）', '未公開の変更を含む現在のデータ']);
    const counts = ja.byRelease.rows.map((r) => r.slice(2));
    expect(counts.slice(0, 7)).toEqual([['1', '2'], ['1', '2'], ['1', '2'], ['1', '2'], ['1', '2'], ['1', '2'], ['18', '36']]);
    // The per-ward figures of the text were printed for 2015 only.
    expect(counts.slice(13, 15)).toEqual([['1', '1'], ['1', '1']]);
  });
  it('shows the printed total made wrong among the disagreements', () => {
    expect(ja.summary).toBe('照合 236件、不一致 7件');
    expect(ja.disagreements.find((r) => r[0] === '横浜市の訪問看護ステーション（2016年10月31日）')!.slice(1, 3)).toEqual(['261', '260']);
  });
});

describe('a rule that matches nothing', () => {
  const dir = join(work, 'idle');
  writeVintage2016(dir);
  const file = join(dir, 'consistency.json');
  const rules = JSON.parse(readFileSync(file, 'utf8')) as { rules: { printed: { where?: object } }[] }[];
  rules[0]!.rules[0]!.printed.where = { figure_id: 'no-such-figure' };
  writeFileSync(file, JSON.stringify(rules, null, 2));
  it('says so on the page, in every release, and in npm run validate', () => {
    const ja = qualityPage(loadSiteData(dir), 'ja', snapshots);
    expect(ja.byRelease.rows[0]!.slice(2)).toEqual(['検査の対象がありません', '検査の対象がありません']);
    expect(qualityPage(loadSiteData(dir), 'en', snapshots).byRelease.rows[0]!.slice(2)).toEqual(['nothing to check', 'nothing to check']);
    const warnings = runGate(dir).problems.filter((p) => p.code === 'rule-idle');
    expect(warnings.map((p) => [p.file.endsWith('consistency.json'), p.line, p.severity])).toEqual([[true, 9, 'warning']]); // the rule's opening brace: [ {id, title (3 lines)}, rules: [ {
  });
});

describe('vintages as the page writes them', () => {
  it('writes a date, a fiscal year (given as one, or a period from April to March) and a period', () => {
    const spans = [
      { start: '2015-10-31', end: '2015-10-31' },
      { start: '2021-04-01', end: '2022-03-31', fiscalYear: 2021 },
      { start: '2014-04-01', end: '2015-03-31' },
      { start: '2015-04-01', end: '2015-12-31' },
    ];
    expect(spans.map((s) => vintageText(s, 'ja'))).toEqual(['2015年10月31日', '令和3年度（FY2021）', '平成26年度（FY2014）', '2015年4月1日～2015年12月31日']);
    expect(spans.map((s) => vintageText(s, 'en'))).toEqual(['31 Oct 2015', 'FY2021', 'FY2014', '1 Apr 2015 – 31 Dec 2015']);
  });
});
