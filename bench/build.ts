/**
 * `npm run bench [-- --sizes 100,500,1900] [--vintages 10] [--skip-real] [--seed S] [--out FILE]
 * [--repeat R] [--warmup W] [--timeout SECONDS] [--keep] [--check]`: builds the real data and synthetic countries of each
 * size (bench/lib/synthetic-data.ts), each as `DATA_DIR=… OUT_DIR=… node scripts/build.ts` in a
 * child process, and reports per size the build's wall seconds, pages (.html files), pages per
 * second, peak memory, output size and largest page, with the issue's goals: 1,900 areas × 10
 * vintages in at most 60 s and 2 GB, and seconds per page at the largest size at most 1.2 times
 * that at 100 areas. The figures go to a table and to a JSON file (default bench/out/build.json).
 *
 * Each size is built R times (default 1), each build paired with one of its bare site (the bare one
 * first in every other pair after the first), and the median times reported, with the highest
 * peak; the site-over-bare ratio is the median of the R pairs' ratios;
 * W unmeasured builds of data/ come first (default 1), so that the first measured build does not
 * also pay for cold file caches.
 */
import { cpus, totalmem } from 'node:os';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { bareSite, type BareSite } from './lib/bare-build.ts';
import { measureBuild, type BuildMeasurement } from './lib/measure-build.ts';
import { siteStats } from './lib/site-stats.ts';
import { DEFAULT_SEED, generateDataDir } from './lib/synthetic-data.ts';

const GOALS = { areas: 1900, vintages: 10, seconds: 60, peakBytes: 2 * 1024 ** 3, linearity: 1.2 };

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,500,1900' },
    vintages: { type: 'string', default: '10' },
    'skip-real': { type: 'boolean', default: false },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    out: { type: 'string', default: 'bench/out/build.json' },
    timeout: { type: 'string', default: '900' },
    repeat: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    /** Skip the bare Astro build of the same pages and charts that each size is compared with. */
    'no-bare': { type: 'boolean', default: false },
    /** Also build the largest size with trends turned off in its site configuration, to see what trends cost. */
    'without-trends': { type: 'boolean', default: false },
  },
});
const root = resolve(import.meta.dirname, '..');
const sizes = values.sizes.split(',').filter(Boolean).map(Number);
const vintages = Number(values.vintages);
const repeat = Number(values.repeat);
const warmup = Number(values.warmup);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || [vintages, repeat].some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(warmup) || warmup < 0) {
  console.error('--sizes takes whole numbers of areas (100,500,1900); --vintages and --repeat whole numbers from 1; --warmup from 0');
  process.exit(2);
}
// Inside the project, next to the build's staging folder, so that the build's final swap is a
// rename and not a copy across file systems.
const work = join(root, 'bench', 'out', 'work');
mkdirSync(work, { recursive: true });

interface Run {
  label: string;
  areas: number;
  vintages: number | null;
  data_rows: number;
  generate_seconds: number | null;
  ok: boolean;
  exit_code: number | null;
  timed_out: boolean;
  build_seconds: number;
  /** Every measured build's seconds, when built more than once. */
  build_seconds_all: number[];
  /** CPU seconds (user + system) of the median build, when GNU time measured them. */
  cpu_seconds: number | null;
  pages: number | null;
  pages_per_second: number | null;
  seconds_per_page: number | null;
  peak_rss_bytes: number | null;
  peak_rss_method: string | null;
  node_peak_rss_bytes: number | null;
  dist_bytes: number | null;
  dist_files: number | null;
  chart_pages: number | null;
  area_pages: number | null;
  area_pages_with_chart: number | null;
  largest_page_bytes: number | null;
  largest_page: string | null;
  /** Charts (SVGs of class "chart") in the site's pages. */
  charts: number | null;
  /** The bare Astro build of the same pages and charts (bench/bare/), and the seconds per chart of each. */
  bare_seconds: number | null;
  /** Each bare build's seconds, the i-th built right after the site's i-th build. */
  bare_seconds_all: number[];
  bare_cpu_seconds: number | null;
  bare_peak_rss_bytes: number | null;
  ms_per_chart: number | null;
  bare_ms_per_chart: number | null;
  /** Site over bare: the median over the pairs of builds made side by side (goal ≤ 1.5 for data/, 1.3 nationally). */
  chart_ratio: number | null;
  error: string | null;
}

/**
 * Removes a built site: OUT_DIR is a link to a folder in `.<name>.sites/` beside it, which removing
 * the link alone leaves behind (and the next build would then spend its own time removing it).
 */
const removeSite = (outDir: string) => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(join(dirname(outDir), `.${basename(outDir)}.sites`), { recursive: true, force: true });
};

/**
 * Every site built so far, removed together once a size is done. A build never follows the removal
 * of another: on a file system without a journal (this project's 2-core machines), ext4 skips each
 * inode freed in the last minutes when it allocates one, scanning past all of them for every file
 * and folder it creates, and a site's 5,000 files and folders removed right before a build cost that
 * build 2–3.5 s of the second core (bench/README.md).
 */
const built: string[] = [];
const removeBuilt = () => {
  for (const outDir of built.splice(0)) removeSite(outDir);
};

for (let i = 0; i < warmup; i++) {
  const outDir = join(work, `site-warmup-${i}`);
  process.stdout.write('warm-up build of data/ … ');
  const m = await measureBuild({ root, dataDir: join(root, 'data'), outDir, timeoutSeconds: Number(values.timeout) });
  console.log(m.ok ? `${m.seconds.toFixed(1)} s (not counted)` : 'failed (not counted)');
  built.push(outDir);
}

const cases: { label: string; areas: number | null; trends: boolean }[] = [
  ...(values['skip-real'] ? [] : [{ label: 'real', areas: null, trends: true }]),
  ...sizes.map((n) => ({ label: String(n), areas: n, trends: true })),
  ...(values['without-trends'] ? [{ label: `${Math.max(...sizes)} no trends`, areas: Math.max(...sizes), trends: false }] : []),
];
const runs: Run[] = [];

for (const c of cases) {
  let dataDir = join(root, 'data');
  let areas = readFileSync(join(dataDir, 'areas.csv'), 'utf8').trim().split('\n').length - 1;
  let dataRows = 0;
  let generateSeconds: number | null = null;
  if (c.areas !== null) {
    dataDir = join(work, `data-${c.areas}x${vintages}${c.trends ? '' : '-no-trends'}`);
    const t0 = performance.now();
    const summary = generateDataDir({ areas: c.areas, vintages, outDir: dataDir, seed: Number(values.seed) });
    generateSeconds = (performance.now() - t0) / 1000;
    if (!c.trends) {
      const config = JSON.parse(readFileSync(join(dataDir, 'site.json'), 'utf8'));
      writeFileSync(join(dataDir, 'site.json'), JSON.stringify({ ...config, trends: false }, null, 2));
    }
    areas = summary.areas;
    dataRows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  }
  const siteDir = (i: number) => join(work, `site-${c.label.replace(/ /g, '-')}-${i}`);
  let outDir = siteDir(0);
  process.stdout.write(`building ${c.label === 'real' ? 'data/' : `${c.areas} areas × ${vintages} vintages${c.trends ? '' : ', trends off'}`} … `);
  // Each build of the site is paired with a build of its bare site: the machine's speed drifts over
  // minutes (a bare build of data/ took 7.8 s one hour and 10.4 s the next), and a pair built side
  // by side shares the drift. The ratio reported is the median of the pairs' ratios.
  const measured: BuildMeasurement[] = [];
  const bareRuns: BuildMeasurement[] = [];
  let bareOf: BareSite | null = null;
  try {
    const buildSite = async () => {
      outDir = siteDir(measured.length);
      removeSite(outDir);
      built.push(outDir);
      const one = await measureBuild({ root, dataDir, outDir, timeoutSeconds: Number(values.timeout) });
      measured.push(one);
      return one.ok;
    };
    const buildBare = async () => {
      const b = await bareOf!.build();
      bareRuns.push(b);
      return b.ok;
    };
    for (let i = 0; i < repeat; i++) {
      // The bare site is made from the site's first build; from the second pair on, every other
      // pair builds the bare site first, so that neither build always runs right after the other,
      // while the other's output is still being written to disk or its files fill the page cache.
      if (values['no-bare']) {
        if (!(await buildSite())) break;
        continue;
      }
      const bareFirst = bareOf !== null && i % 2 === 1;
      if (bareFirst) {
        if (!(await buildBare()) || !(await buildSite())) break;
      } else {
        if (!(await buildSite())) break;
        bareOf ??= bareSite(root, outDir, Number(values.timeout));
        if (!(await buildBare())) break;
      }
    }
  } finally {
    bareOf?.dispose();
  }
  const m = measured.at(-1)!;
  // Each build's own seconds, before the last one's are replaced by the median below.
  const siteSeconds = measured.map((x) => x.seconds);
  /** The middle one of `xs` by `key` (the lower of the two middle ones for an even count). */
  const middle = <T,>(xs: T[], key: (x: T) => number) => [...xs].sort((a, b) => key(a) - key(b))[Math.floor((xs.length - 1) / 2)]!;
  const median = middle(measured, (x) => x.seconds);
  const cpuSeconds = median.cpuSeconds;
  if (m.ok) m.seconds = median.seconds;
  m.peakBytes = Math.max(...measured.map((x) => x.peakBytes ?? 0)) || null;
  m.nodePeakBytes = Math.max(...measured.map((x) => x.nodePeakBytes ?? 0)) || null;
  const site = m.ok ? siteStats(outDir) : null;
  const bareMedian = bareRuns.length > 0 ? middle(bareRuns, (b) => b.seconds) : null;
  const bareOk =
    m.ok && bareOf && bareOf.charts > 0 && bareMedian && bareRuns.every((b) => b.ok)
      ? {
          charts: bareOf.charts,
          seconds: bareMedian.seconds,
          cpuSeconds: bareMedian.cpuSeconds,
          peakBytes: Math.max(...bareRuns.map((b) => b.peakBytes ?? 0)) || null,
          pairRatio: middle(bareRuns.map((b, i) => siteSeconds[i]! / b.seconds), (r) => r),
        }
      : null;
  const run: Run = {
    label: c.label,
    areas,
    vintages: c.areas === null ? null : vintages,
    data_rows: dataRows,
    generate_seconds: generateSeconds,
    ok: m.ok,
    exit_code: m.exitCode,
    timed_out: m.timedOut,
    build_seconds: m.seconds,
    build_seconds_all: siteSeconds,
    cpu_seconds: cpuSeconds,
    pages: site?.pages ?? null,
    pages_per_second: site ? site.pages / m.seconds : null,
    seconds_per_page: site?.pages ? m.seconds / site.pages : null,
    peak_rss_bytes: m.peakBytes,
    peak_rss_method: m.peakMethod,
    node_peak_rss_bytes: m.nodePeakBytes,
    dist_bytes: site?.bytes ?? null,
    dist_files: site?.files ?? null,
    chart_pages: site?.chartPages ?? null,
    area_pages: site?.areaPages ?? null,
    area_pages_with_chart: site?.areaPagesWithChart ?? null,
    largest_page_bytes: site?.largestPage?.bytes ?? null,
    largest_page: site?.largestPage?.path ?? null,
    charts: bareOf?.charts ?? null,
    bare_seconds: bareOk?.seconds ?? null,
    bare_seconds_all: bareRuns.map((b) => b.seconds),
    bare_cpu_seconds: bareOk?.cpuSeconds ?? null,
    bare_peak_rss_bytes: bareOk?.peakBytes ?? null,
    ms_per_chart: bareOk ? (m.seconds * 1000) / bareOk.charts : null,
    bare_ms_per_chart: bareOk ? (bareOk.seconds * 1000) / bareOk.charts : null,
    chart_ratio: bareOk?.pairRatio ?? null,
    error: m.ok ? null : m.timedOut ? `timed out after ${values.timeout} s` : m.stderrTail.trim().split('\n').slice(-5).join('\n'),
  };
  runs.push(run);
  console.log(m.ok ? `${m.seconds.toFixed(1)} s${repeat > 1 ? ' (median)' : ''}, ${run.pages} pages${run.bare_seconds !== null ? `; bare Astro build of the same pages and ${run.charts} charts ${run.bare_seconds.toFixed(1)} s` : ''}` : `FAILED (${run.error})`);
  if (!values.keep) {
    removeBuilt();
    if (c.areas !== null) rmSync(dataDir, { recursive: true, force: true });
  }
}

// Linearity: seconds per page at the largest synthetic size over that at 100 areas (or the
// smallest size run).
const synthetic = runs.filter((r) => r.vintages !== null && r.ok && r.seconds_per_page !== null);
const base = synthetic.find((r) => r.areas === 100) ?? [...synthetic].sort((a, b) => a.areas - b.areas)[0];
const largest = [...synthetic].sort((a, b) => b.areas - a.areas)[0];
const ratio = base && largest && largest !== base ? largest.seconds_per_page! / base.seconds_per_page! : null;
const target = runs.find((r) => r.areas === GOALS.areas && r.vintages === GOALS.vintages);
const goal = (measured: boolean, met: boolean) => (measured ? (met ? 'met' : 'NOT met') : 'not measured');
const goals = {
  seconds: { goal: GOALS.seconds, measured: target?.ok ? target.build_seconds : null, status: goal(Boolean(target), Boolean(target?.ok && target.build_seconds <= GOALS.seconds)) },
  peak_rss_bytes: { goal: GOALS.peakBytes, measured: target?.peak_rss_bytes ?? null, status: goal(Boolean(target?.peak_rss_bytes), (target?.peak_rss_bytes ?? Infinity) <= GOALS.peakBytes) },
  real_over_bare: (() => {
    const real = runs.find((r) => r.label === 'real');
    return { goal: 1.5, measured: real?.chart_ratio ?? null, status: goal(real?.chart_ratio != null, (real?.chart_ratio ?? Infinity) <= 1.5) };
  })(),
  national_over_bare: { goal: 1.3, measured: target?.chart_ratio ?? null, status: goal(target?.chart_ratio != null, (target?.chart_ratio ?? Infinity) <= 1.3) },
  linearity: {
    goal: GOALS.linearity,
    measured: ratio,
    base: base?.label ?? null,
    largest: largest?.label ?? null,
    // The goal is about 1,900 areas against 100; a smaller range is reported but not judged.
    status: goal(ratio !== null && base?.areas === 100 && largest?.areas === GOALS.areas, ratio !== null && ratio <= GOALS.linearity),
  },
};

const fmt = (v: number | null, digits = 0) => (v === null ? '—' : v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const header = ['size', 'areas', 'vintages', 'rows', 'build s', 'cpu s', 'pages', 'pages/s', 'chart pages', 'area pages with chart', 'peak MiB', 'dist bytes', 'largest page bytes', 'charts', 'ms/chart', 'bare s', 'bare ms/chart', 'bare peak MiB', 'site/bare'];
const table = runs.map((r) => [
  r.label, fmt(r.areas), r.vintages === null ? '—' : String(r.vintages), r.vintages === null ? '—' : fmt(r.data_rows),
  r.ok ? fmt(r.build_seconds, 1) : r.timed_out ? 'timeout' : 'failed', fmt(r.cpu_seconds, 1), fmt(r.pages), fmt(r.pages_per_second, 1), fmt(r.chart_pages), r.area_pages === null ? '—' : `${fmt(r.area_pages_with_chart)} / ${fmt(r.area_pages)}`,
  fmt(r.peak_rss_bytes === null ? null : r.peak_rss_bytes / 2 ** 20), fmt(r.dist_bytes), fmt(r.largest_page_bytes),
  fmt(r.charts), fmt(r.ms_per_chart, 2), fmt(r.bare_seconds, 1), fmt(r.bare_ms_per_chart, 2), fmt(r.bare_peak_rss_bytes === null ? null : r.bare_peak_rss_bytes / 2 ** 20), fmt(r.chart_ratio, 2),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log();
console.log(line(header));
for (const row of table) console.log(line(row));
console.log();
console.log(
  ratio === null
    ? `seconds per page against size: not measured (needs two synthetic sizes that build)`
    : `seconds per page, ${largest!.label} areas over ${base!.label} areas: ${ratio.toFixed(2)} (goal ≤ ${GOALS.linearity} for ${GOALS.areas} over 100: ${goals.linearity.status})`,
);
console.log(`${GOALS.areas} areas × ${GOALS.vintages} vintages in ≤ ${GOALS.seconds} s: ${goals.seconds.status}${target?.ok ? ` (${target.build_seconds.toFixed(1)} s)` : ''}`);
// The site's build against the bare one: within 1.5 times for data/, 1.3 times for the national size.
for (const r of runs) {
  if (r.chart_ratio === null) continue;
  const limit = r.label === 'real' ? 1.5 : r === target ? 1.3 : null;
  console.log(`${r.label === 'real' ? 'data/' : `${r.label} areas`} against a bare Astro build of the same pages and charts: ${r.chart_ratio.toFixed(2)} × (${r.build_seconds.toFixed(1)} s against ${r.bare_seconds!.toFixed(1)} s${r.bare_seconds_all.length > 1 ? `; the median of ${r.bare_seconds_all.length} pairs built side by side` : ''})${limit === null ? '' : `; goal ≤ ${limit}: ${r.chart_ratio <= limit ? 'met' : 'NOT met'}`}`);
  // The spread, for reading the median: on a shared 2-core machine a busy moment slows the build
  // that needs more of the second core (the site's, with its spreadsheet thread and preview cards)
  // more than the other, so the pairs spread upwards from what a quiet machine gives (the fastest
  // build of each).
  const pairs = r.bare_seconds_all.map((bare, i) => r.build_seconds_all[i]! / bare);
  if (pairs.length > 1)
    console.log(`  each pair: ${pairs.map((x) => x.toFixed(2)).join(', ')}; fastest against fastest: ${(Math.min(...r.build_seconds_all) / Math.min(...r.bare_seconds_all)).toFixed(2)} × (${Math.min(...r.build_seconds_all).toFixed(1)} s against ${Math.min(...r.bare_seconds_all).toFixed(1)} s); CPU seconds of the median builds: ${r.cpu_seconds?.toFixed(1)} against ${r.bare_cpu_seconds?.toFixed(1)}`);
}
console.log(`peak memory ≤ 2 GB: ${goals.peak_rss_bytes.status}${target?.peak_rss_bytes ? ` (${fmt(target.peak_rss_bytes / 2 ** 20)} MiB)` : ''}`);
if (runs.some((r) => r.peak_rss_method === 'resource-usage')) console.log('(peak memory from the build process itself: /usr/bin/time is not installed)');

const report = {
  generated_at: new Date().toISOString(),
  machine: { node: process.version, platform: process.platform, arch: process.arch, cpus: cpus().length, cpu_model: cpus()[0]?.model ?? null, memory_bytes: totalmem() },
  options: { sizes, vintages, skip_real: values['skip-real'], seed: Number(values.seed), repeat, warmup, timeout_seconds: Number(values.timeout) },
  runs,
  goals,
};
const outFile = resolve(root, values.out);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(report, null, 2) + '\n');
console.log(`figures written to ${outFile}`);

const failed = runs.some((r) => !r.ok);
const missed = values.check && Object.values(goals).some((g) => g.status === 'NOT met');
process.exitCode = failed || missed ? 1 : 0;
