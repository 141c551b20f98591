/**
 * A problem found in the data: where it is (file, line, column, all 1-based; 0 when the problem
 * is about the whole file or line) and what it is, in Japanese first and English second.
 * Problems stay values until the command-line edge prints them.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  code: string;
  ja: string;
  en: string;
}

/** One problem as `path:line:column: error|warning: 日本語 / English`, the form editors link. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.ja} / ${p.en}`;
}

/** Problems sorted by file, line, column, so output and tests are stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

export const countErrors = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error').length;
