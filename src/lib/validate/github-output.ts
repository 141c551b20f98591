/**
 * Problems for GitHub Actions: workflow-command annotations on the offending line, and a
 * Markdown step summary. Cell text reaches both, so both are escaped the way the runner requires:
 * command data and properties percent-encoded (a newline cannot end the command and start a
 * forged one), and the summary's code fence longer than any run of backticks in the text.
 */
import { formatProblem, visible, type Problem } from '../problems.ts';

/** Escaping of a workflow command's message (after `::`). */
export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escaping of a workflow command's property value (file=…, title=…). */
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…::日本語 / English` for one problem. */
export function annotation(p: Problem): string {
  const place = [`file=${escapeProperty(p.file)}`];
  if (p.line > 0) place.push(`line=${p.line}`);
  if (p.column > 0) place.push(`col=${p.column}`);
  return `::${p.severity} ${place.join(',')}::${escapeData(visible(`${p.ja} / ${p.en}`))}`;
}

/** The step summary: a heading, the verdict, and every problem line in a code block. */
export function stepSummary(problems: readonly Problem[], errors: number, totals: string): string {
  const lines = [...problems.map(formatProblem), totals];
  const longestTicks = Math.max(0, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  const fence = '`'.repeat(Math.max(3, longestTicks + 1));
  return [
    '## データ検査 / Data validation',
    '',
    errors === 0 ? 'エラーはありません / no errors' : '**エラーがあります。公開しません / errors found: the site is not published**',
    '',
    fence + 'text',
    ...lines,
    fence,
    '',
  ].join('\n');
}
