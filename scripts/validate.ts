/**
 * `npm run validate [-- DIR] [--strict] [--json]`: checks a data directory against its schemas.
 * Prints one line per problem and a summary; exits 1 when there is an error (with --strict, also
 * when there is a warning).
 */
import { countErrors, formatProblem, sortProblems } from '../src/lib/problems.ts';
import { validateDataDir } from '../src/lib/validate/validate-dataset.ts';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const json = args.includes('--json');
const dir = args.find((a) => !a.startsWith('--')) ?? process.env.DATA_DIR ?? 'data';

const result = validateDataDir(dir);
const problems = sortProblems(result.problems).map((p) => (strict && p.severity === 'warning' ? { ...p, severity: 'error' as const } : p));
const errors = countErrors(problems);
const warnings = problems.length - errors;
const rows = [...result.rowCounts.values()].reduce((a, b) => a + b, 0);

if (json) {
  console.log(JSON.stringify({ dir, tables: result.rowCounts.size, rows, errors, warnings, problems }, null, 2));
} else {
  for (const p of problems) console.log(formatProblem(p));
  console.log(
    `${dir}: ${result.rowCounts.size}表 ${rows}行を検査、エラー${errors}件・警告${warnings}件 / ` +
      `checked ${result.rowCounts.size} tables, ${rows} rows: ${errors} errors, ${warnings} warnings`,
  );
}
process.exitCode = errors > 0 ? 1 : 0;
