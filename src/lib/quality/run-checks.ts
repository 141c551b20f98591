/** Runs every declared check and gathers the findings into the data-quality report. */
import type { Tables } from '../dataset.ts';
import { checks, type Check } from './checks.ts';
import type { Finding } from './finding.ts';

export interface QualityReport {
  checks: { id: string; title: { ja: string; en: string }; findings: Finding[] }[];
  compared: number;
  disagreements: Finding[];
}

export function runChecks(tables: Tables, list: readonly Check[] = checks): QualityReport {
  const results = list.map((check) => ({
    id: typeof check.id === 'function' ? check.id(tables) : check.id,
    title: typeof check.title === 'function' ? check.title(tables) : check.title,
    findings: check.run(tables),
  }));
  const all = results.flatMap((r) => r.findings);
  return { checks: results, compared: all.length, disagreements: all.filter((f) => !f.agrees) };
}
