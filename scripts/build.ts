/**
 * `npm run build`: validate DATA_DIR (default data/), refuse on any error, build the site into a
 * staging folder, and only then swap it into OUT_DIR (default dist/). A failed or interrupted
 * build leaves the previous OUT_DIR exactly as it was. Each release's downloads are built from its
 * snapshot under RELEASES_DIR (default releases/).
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'astro';
import { countErrors, formatProblem, sortProblems } from '../src/lib/problems.ts';
import { validateDataDir } from '../src/lib/validate/validate-dataset.ts';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, 'data'));
const outDir = resolve(process.env.OUT_DIR ?? join(root, 'dist'));
const releasesDir = resolve(process.env.RELEASES_DIR ?? join(root, 'releases'));

// 1. Validate: nothing is built from data with errors.
const result = validateDataDir(dataDir);
for (const p of sortProblems(result.problems)) console.error(formatProblem(p));
const errors = countErrors(result.problems);
if (errors > 0) {
  console.error(`ビルドを中止しました: データにエラーが${errors}件あります。${outDir} は変更していません。`);
  console.error(`Build refused: ${errors} data errors. ${outDir} is unchanged.`);
  process.exit(1);
}

process.env.ASTRO_TELEMETRY_DISABLED = '1';

// 2. Build into staging. Astro resolves packages from its outDir while prerendering, so the
// staging folder must be inside the project.
const staging = join(root, '.build-staging', `dist-${process.pid}`);
rmSync(staging, { recursive: true, force: true });
try {
  process.env.DATA_DIR = dataDir;
  process.env.RELEASES_DIR = releasesDir;
  process.env.ASTRO_OUT_DIR = staging;
  await build({ root, outDir: staging, logLevel: 'warn' });
} catch (err) {
  rmSync(staging, { recursive: true, force: true });
  console.error('ビルドに失敗しました。出力先は変更していません。 / Build failed; the output folder is unchanged.');
  throw err;
}

// 3. Swap: move the new site next to the target first (a rename is atomic only within one file
// system), then exchange the two folders.
mkdirSync(dirname(outDir), { recursive: true });
const incoming = `${outDir}.incoming-${process.pid}`;
const previous = `${outDir}.previous-${process.pid}`;
try {
  renameSync(staging, incoming);
} catch {
  cpSync(staging, incoming, { recursive: true });
  rmSync(staging, { recursive: true, force: true });
}
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(incoming, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`${outDir} を更新しました / built ${outDir}`);
