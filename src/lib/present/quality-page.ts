/**
 * The data-quality page: the printed figures the declared rules recomputed, every disagreement first
 * and, per check, up to a hundred that agree (data-quality.json has them all);
 * per release, how many figures each rule checked (a rule that checked none says so); and, per
 * check, what each rule compared and what it could not. The rules are the data folder's
 * (consistency.json); each release's count applies them to that release's snapshot, so a
 * maintainer sees that a new vintage was checked.
 */
import type { Finding } from '../quality/finding.ts';
import type { RuleResult, SkipReason } from '../quality/evaluate-rule.ts';
import type { Span } from '../quality/related-rows.ts';
import { runChecks, type CheckResult, type QualityReport } from '../quality/run-checks.ts';
import { decimalsOf } from '../quality/finding.ts';
import { formatDate, formatFiscalYear, formatNumber, formatPeriod } from '../format.ts';
import { pick, type Lang } from '../i18n.ts';
import { translator } from '../i18n/translate.ts';
import { loadSiteData, type SiteData } from '../site-data.ts';
import { releasesOf, unreleasedChanges } from '../release/folders.ts';
import { hasSnapshot, releasesDir, snapshotDataDir } from '../release/snapshots.ts';
import { areaName } from './groups.ts';
import { memo } from './views.ts';

export interface QualityPage {
  /** "152 figures compared, 6 disagree". */
  summary: string;
  /** Said instead of everything else where the data declares no rule. */
  noRules: string | null;
  disagreements: string[][];
  /** Rules × releases: the figures each rule checked in each release's data. */
  byRelease: { head: string[]; rows: string[][] };
  checks: {
    id: string;
    title: string;
    /** Its title and how many of its figures agree: "Budget changes (15 of 15 agree)". */
    summary: string;
    /** Every figure that disagrees, and the first {@link AGREEING_LISTED} that agree, in the rules' order. */
    rows: string[][];
    /** Said under the table when it leaves out figures that agree: how many it lists of how many (all are in data-quality.json). */
    more: string | null;
    /** Printed figures a rule selected but could not recompute, with why. */
    skipped: string[][];
  }[];
}

/**
 * The agreeing figures a check's table lists: a national data folder has checks of tens of thousands of
 * figures, a table no one reads on a phone or prints. The disagreements are always all listed.
 */
const AGREEING_LISTED = 100;

/** A check's findings as its table lists them: every disagreement, the first agreeing ones. */
function listed(findings: readonly Finding[]): Finding[] {
  let agreeing = 0;
  return findings.filter((f) => !f.agrees || agreeing++ < AGREEING_LISTED);
}

export function qualityPage(site: SiteData, lang: Lang, snapshots = releasesDir()): QualityPage {
  const t = translator(lang);
  const { quality } = site;
  const printed = (f: Finding) => formatNumber(f.printed, decimalsOf(f.printed), lang);
  // A recomputed figure is shown with two more digits than printed, to show how far off it is.
  const recomputed = (f: Finding) => (Number.isInteger(f.recomputed) ? formatNumber(f.recomputed, 0, lang) : formatNumber(f.recomputed, decimalsOf(f.printed) + 2, lang));
  const place = (at: { table: string; line: number; column: string }) => `data/${at.table}.csv ${t('qualityPage.line', { line: at.line })} ${at.column}`;
  const releases = releaseReports(site, snapshots);
  return {
    summary: t('qualityPage.figuresComparedDisagree', { compared: formatNumber(quality.compared, 0, lang), length: formatNumber(quality.disagreements.length, 0, lang) }),
    noRules: quality.checks.length === 0 ? t('qualityPage.noRules') : null,
    disagreements: quality.disagreements.map((f) => [subjectText(site, f, lang), printed(f), recomputed(f), f.formula, f.printedAt.map(place).join(', '), f.explanation ? pick(lang, f.explanation) : t('common.unknown')]),
    byRelease: {
      head: [t('qualityPage.check'), t('qualityPage.rule'), ...releases.map((r) => r.label(lang))],
      rows: quality.checks.flatMap((c, i) =>
        c.rules.map((rule, j) => [
          pick(lang, c.title),
          ruleText(rule, j, lang),
          ...releases.map((r) => {
            const n = r.report.checks[i]?.rules[j]?.findings.length ?? 0;
            return n === 0 ? t('qualityPage.nothingToCheck') : formatNumber(n, 0, lang);
          }),
        ]),
      ),
    },
    checks: quality.checks.map((c) => {
      const agreeing = c.findings.filter((f) => f.agrees).length;
      return {
        id: c.id,
        title: pick(lang, c.title),
        summary: t('qualityPage.checkSummary', { title: pick(lang, c.title), agree: t('qualityPage.agree', { value: agreeing, length: c.findings.length }) }),
        rows: listed(c.findings).map((f) => [subjectText(site, f, lang), printed(f), recomputed(f), f.agrees ? t('qualityPage.agrees') : t('qualityPage.differs')]),
        more: agreeing > AGREEING_LISTED ? t('qualityPage.moreAgreeingInJson', { shown: formatNumber(AGREEING_LISTED, 0, lang), length: formatNumber(agreeing, 0, lang) }) : null,
        skipped: c.rules.flatMap((rule, j) => rule.skipped.map((s) => [ruleText(rule, j, lang), place(s.at), skipText(s.reason, lang)])),
      };
    }),
  };
}

/** What is compared, in a language: the rule's subject with the area's name and the vintage written in it. */
export function subjectText(site: SiteData, f: Finding, lang: Lang): string {
  return pick(lang, f.subject).replace(/\{(area|vintage)\}/g, (_, name: string) =>
    name === 'area' ? (f.area === null ? '' : areaName(site.tables, f.area, lang)) : f.vintage ? vintageText(f.vintage, lang) : '',
  );
}

/** A vintage as pages write it: a date, a fiscal year (a period from April to March is one), or a period. */
export function vintageText(span: Span, lang: Lang): string {
  const fy = span.fiscalYear ?? fiscalYearOf(span);
  if (fy !== null) return formatFiscalYear(fy, lang);
  return span.start === span.end ? formatDate(span.start, lang) : formatPeriod(span.start, span.end, lang);
}
const fiscalYearOf = (s: Span) => {
  const y = Number(s.start.slice(0, 4));
  return s.start.slice(4) === '-04-01' && s.end === `${y + 1}-03-31` ? y : null;
};

/** A rule as the page names it: its number, kind, the printed column it checks and what it recomputes it from. */
function ruleText(rule: RuleResult, index: number, lang: Lang): string {
  const t = translator(lang);
  return t('qualityPage.ruleDescription', { number: index + 1, kind: t(`qualityPage.kind.${rule.kind}`), printed: rule.printed, from: rule.from.join(t('list.comma')) });
}

const skipKeys: Record<SkipReason, string> = { 'no-rows': 'noRows', 'no-vintage': 'noVintage', blank: 'blank', zero: 'zero', several: 'several' };
const skipText = (reason: SkipReason, lang: Lang) => translator(lang)(`qualityPage.skip.${skipKeys[reason]}`);

/** Each release's report under today's rules, oldest first, and the current data where it has unreleased changes: once per build, for every language. */
function releaseReports(site: SiteData, snapshots: string): { label: (lang: Lang) => string; report: QualityReport }[] {
  return memo(site, `quality-by-release|${snapshots}`, () => reportsByRelease(site, snapshots));
}

function reportsByRelease(site: SiteData, snapshots: string): { label: (lang: Lang) => string; report: QualityReport }[] {
  const out: { label: (lang: Lang) => string; report: QualityReport }[] = [];
  const versionLabel = (version: string, on: string) => (lang: Lang) => translator(lang)('qualityPage.release', { version, date: on ? formatDate(on, lang) : '' });
  const releases = releasesOf(site);
  releases.forEach((r, i) => {
    if (hasSnapshot(snapshots, r.version)) {
      const snapshot = loadSiteData(snapshotDataDir(snapshots, r.version));
      out.push({ label: versionLabel(r.version, r.releasedOn), report: runChecks(snapshot.tables, site.consistency) });
    } else if (i === releases.length - 1) out.push({ label: versionLabel(r.version, r.releasedOn), report: site.quality });
  });
  if (out.length === 0 || unreleasedChanges(site, snapshots)) out.push({ label: (lang) => translator(lang)('qualityPage.unreleased'), report: site.quality });
  return out;
}

/** A check as data-quality.json publishes it: each finding once, its `rule` naming the rule that made it. */
export interface QualityJsonCheck {
  id: string;
  title: CheckResult['title'];
  rules: (Omit<RuleResult, 'findings'> & { compared: number })[];
  findings: Finding[];
}

/** The report as data-quality.json publishes it: each finding's subject written out in every language of the site. */
export function qualityJson(site: SiteData, languages: readonly Lang[]): { compared: number; disagreements: Finding[]; checks: QualityJsonCheck[] } {
  const written = new Map<Finding, Finding>();
  const write = (f: Finding) => {
    let w = written.get(f);
    if (!w) written.set(f, (w = { ...f, subject: Object.fromEntries(languages.map((l) => [l, subjectText(site, f, l)])) }));
    return w;
  };
  const { quality } = site;
  return {
    compared: quality.compared,
    disagreements: quality.disagreements.map(write),
    checks: quality.checks.map((c) => ({
      id: c.id,
      title: c.title,
      rules: c.rules.map(({ findings, ...rule }) => ({ ...rule, compared: findings.length })),
      findings: c.findings.map(write),
    })),
  };
}
