/**
 * Runs the consistency rules a data folder declares (consistency.json) and gathers the findings
 * into the data-quality report: per check, the findings of all its rules and, per rule, what it
 * compared and what it could not.
 */
import type { Tables } from '../dataset.ts';
import type { Labels } from '../i18n/labels.ts';
import type { ConsistencySpec } from '../schema/consistency-spec.ts';
import { evaluateRule, type RuleResult } from './evaluate-rule.ts';
import type { Finding } from './finding.ts';

export interface CheckResult {
  id: string;
  title: Labels;
  /** The findings of all its rules, in the order of the rules. */
  findings: Finding[];
  rules: RuleResult[];
}

export interface QualityReport {
  checks: CheckResult[];
  compared: number;
  disagreements: Finding[];
}

export function runChecks(tables: Tables, spec: ConsistencySpec = []): QualityReport {
  const checks = spec.map((check): CheckResult => {
    const rules = check.rules.map((rule, i) => evaluateRule(tables, check.id, i, rule));
    return { id: check.id, title: check.title, findings: rules.flatMap((r) => r.findings), rules };
  });
  const all = checks.flatMap((c) => c.findings);
  return { checks, compared: all.length, disagreements: all.filter((f) => !f.agrees) };
}

/** The rules that checked no figure, by their place in the declaration ([check, 'rules', rule]). */
export function idleRules(report: QualityReport): [number, 'rules', number][] {
  return report.checks.flatMap((c, i) => c.rules.flatMap((r, j): [number, 'rules', number][] => (r.findings.length === 0 ? [[i, 'rules', j]] : [])));
}
