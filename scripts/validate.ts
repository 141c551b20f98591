/**
 * `npm run validate [-- DIR] [--strict] [--json] [--github]`: checks a data directory with the
 * same gate the build runs. Prints one line per problem and a summary; exits 1 when there is an
 * error (with --strict, also when there is a warning). --github prints the step summary (Markdown)
 * on stdout and one annotation per problem on stderr, both escaped for the workflow runner.
 */
import { enableCompileCache } from 'node:module';
import { dirname, join, resolve } from 'node:path';

// The compiled code is kept on disk for the next run, as the build does (scripts/build.ts): a sixth
// of a validation's time. Only modules loaded after this use it, so the project's are imported here.
enableCompileCache();
const { countErrors, formatProblem, sortProblems, totalsLine } = await import('../src/lib/problems.ts');
const { annotation, stepSummary } = await import('../src/lib/validate/github-output.ts');
const { runGate } = await import('../src/lib/pipeline.ts');

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const json = args.includes('--json');
const github = args.includes('--github');
const dir = args.find((a) => !a.startsWith('--')) ?? process.env.DATA_DIR ?? 'data';
// The release snapshots the build would publish with this folder: RELEASES_DIR, as for the build, else releases/ beside it.
const releasesDir = process.env.RELEASES_DIR ?? join(dirname(resolve(dir)), 'releases');

try {
  const result = runGate(dir, process.cwd(), { requireSiteConfig: true, releasesDir });
  const problems = sortProblems(result.problems).map((p) => (strict && p.severity === 'warning' ? { ...p, severity: 'error' as const } : p));
  const errors = countErrors(problems);
  const warnings = problems.length - errors;
  const rows = [...result.rowCounts.values()].reduce((a, b) => a + b, 0);
  const totals = totalsLine(dir, result.rowCounts, problems);

  if (json) {
    console.log(JSON.stringify({ dir, tables: result.rowCounts.size, rows, errors, warnings, problems }, null, 2));
  } else if (github) {
    process.stdout.write(stepSummary(problems, errors, totals));
    for (const p of problems) process.stderr.write(annotation(p) + '\n');
  } else {
    for (const p of problems) console.log(formatProblem(p));
    console.log(totals);
  }
  process.exitCode = errors > 0 ? 1 : 0;
} catch (err) {
  // The gate turns every data problem into a message; reaching here is a bug, reported in one line.
  console.error(`検査を完了できませんでした（内部エラー） / validation could not finish (internal error): ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
}
