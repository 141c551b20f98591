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

/**
 * One problem as `path:line:column: error|warning: 日本語 / English`, the form editors link.
 * Always one line: control, line-separator and bidirectional characters that came from the data
 * are shown as `\u{…}`, so cell text can neither start a new log line nor reorder the one shown.
 */
export function formatProblem(p: Problem): string {
  return visible(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.ja} / ${p.en}`);
}

/** Text with every invisible or line-breaking character written as `\u{hex}`. */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** Problems sorted by file, line, column, so output and tests are stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

export const countErrors = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error').length;

/** The closing line of `npm run validate` (and of the check page): what was read, and how many errors and warnings. */
export function totalsLine(dir: string, rowCounts: ReadonlyMap<string, number>, problems: readonly Problem[]): string {
  const rows = [...rowCounts.values()].reduce((a, b) => a + b, 0);
  const errors = countErrors(problems);
  const warnings = problems.length - errors;
  return `${dir}: ${rowCounts.size}表 ${rows}行を検査、エラー${errors}件・警告${warnings}件 / checked ${rowCounts.size} tables, ${rows} rows: ${errors} errors, ${warnings} warnings`;
}
