/**
 * `npm run build`: run the gate on DATA_DIR (default data/), refuse on any error, build the site
 * into a staging folder, and publish it into OUT_DIR (default dist/) with one atomic step.
 *
 * OUT_DIR is a symbolic link to a complete site folder kept beside it, in `.<name>.sites/`.
 * Publishing moves the new site into that folder, then renames a new link over OUT_DIR: rename(2)
 * replaces a link in one step, so at every instant OUT_DIR is the old site or the new one, never
 * missing or half-written. Afterwards, and at the start of every build (after a killed one),
 * every site folder, staging folder and link that OUT_DIR no longer points to is removed. Each
 * release's downloads are built from its snapshot under RELEASES_DIR (default: releases/ beside the
 * data folder), which the gate checks too.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildContext } from '../src/lib/build-context.ts';
import type { SiteAddress } from '../src/lib/config/site-address.ts';

// Node keeps the code it compiles (Astro, Vite, Plot, the pages, the project's TypeScript: a
// fifth of a build's main thread) on disk for the next build, in the system's temporary folder
// unless NODE_COMPILE_CACHE names another, and checks each entry against its source. Only modules
// loaded after this use it: the project's own are imported here, not above.
enableCompileCache();
const { useFontInProcess } = await import('../src/lib/publish/font.ts');
const { countErrors, formatProblem, sortProblems } = await import('../src/lib/problems.ts');
const { runGate } = await import('../src/lib/pipeline.ts');
const { inBuild } = await import('../src/lib/build-context.ts');
const { fileEffects } = await import('../src/lib/publish/build-effects.ts');
const { noAddressRefusal, noAddressWarning, siteAddress } = await import('../src/lib/config/site-address.ts');
const { siteConfigSchema } = await import('../src/lib/config/site-config.ts');
const { validateDeclaration } = await import('../src/lib/validate/validate-declaration.ts');
const { downloadsInput } = await import('../src/lib/publish/downloads-input.ts');

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, 'data'));
const outDir = resolve(process.env.OUT_DIR ?? join(root, 'dist'));
// A data folder's release snapshots sit beside it (releases/ beside data/, as npm run release writes
// them), never another folder's: a second city built from its own folder publishes its own releases.
const releasesDir = resolve(process.env.RELEASES_DIR ?? join(dirname(dataDir), 'releases'));
const sitesDir = join(dirname(outDir), `.${basename(outDir)}.sites`);
const stagingRoot = join(root, '.build-staging');
// Astro resolves packages from its outDir while prerendering, so the staging folder must be inside the project.
const staging = join(stagingRoot, `dist-${process.pid}`);
// A release build is one that will be published: it refuses to write local addresses into it.
const releaseBuild = process.argv.slice(2).includes('--release');
const siteId = `${new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15)}-${process.pid}`;

/** Bilingual words for the file-system failures a maintainer can act on. */
const fsReasons: Record<string, { ja: string; en: string }> = {
  ENOSPC: { ja: 'ディスクの空き容量がありません', en: 'no space left on the disk' },
  // Node's recursive copy reports a full tmpfs as EIO rather than ENOSPC.
  EIO: { ja: '読み書きに失敗しました（ディスクの容量不足か故障）', en: 'input/output error (a full or failing disk)' },
  EDQUOT: { ja: 'ディスクの使用量の上限を超えました', en: 'disk quota exceeded' },
  EROFS: { ja: '出力先が読み取り専用です', en: 'the output location is read-only' },
  EBUSY: { ja: '出力先が使用中です（開いているプログラムを閉じてください）', en: 'the output location is busy (close programs using it)' },
  EACCES: { ja: '出力先に書き込む権限がありません', en: 'no permission to write to the output location' },
  EPERM: { ja: '出力先に書き込む権限がありません', en: 'no permission to write to the output location' },
};

/** Ends the build with a one-line bilingual message, no stack trace; OUT_DIR is as it was. */
function fail(what: { ja: string; en: string }, err?: unknown): never {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason = code ? fsReasons[code] : undefined;
  const ja = reason ? `${what.ja}（${reason.ja}）` : what.ja;
  const en = reason ? `${what.en} (${reason.en}, ${code})` : err instanceof Error ? `${what.en}: ${err.message.split('\n')[0]}` : what.en;
  console.error(`error: ${ja} / ${en}`);
  console.error(`${outDir} は変更していません / ${outDir} is unchanged.`);
  process.exit(1);
}

/** For the kill test: stop at a named moment and wait to be killed. */
function hold(moment: string) {
  if (process.env.BUILD_HOLD_AT !== moment) return;
  console.log(`hold: ${moment}`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600_000);
}

/** Runs scripts/write-workbooks.ts on a worker thread, writing into `dir` from the build's data. */
function writeWorkbooksAside(dir: string, context: Pick<BuildContext, 'dataDir' | 'releasesDir' | 'base' | 'gate'>): Promise<number> {
  return new Promise((done, failed) => {
    // It holds the data and one workbook at a time. Its heap limit also sets how far V8 lets the
    // heap grow between two full collections: under 2 GB, by at most 1.4 to 2 times what survived
    // (at 512 MB, 26 full collections while writing data/'s workbooks, each marked on the threads
    // the pages' main thread needs); from 2 GB, by up to 4 times (6 collections, about a second
    // less of the second core). A national build bounds every heap's growth anyway (gate(), above).
    const worker = new Worker(new URL('./write-workbooks.ts', import.meta.url), { workerData: { outDir: dir, context }, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
    worker.once('message', (m: { ok: boolean; count?: number; message?: string }) => (m.ok ? done(m.count!) : failed(new Error(`spreadsheet edition: ${m.message}`))));
    worker.once('error', failed);
    worker.once('exit', (code) => failed(new Error(`spreadsheet edition: the worker stopped (${code})`)));
  });
}

/** Moves every file under `from` to the same place under `to` (both on one file system). */
function moveInto(from: string, to: string) {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    mkdirSync(dirname(target), { recursive: true });
    renameSync(source, target);
  }
}

/** A pid whose process no longer runs (or is this build itself, once its own leftovers are done). */
const stale = (pid: number) => pid === process.pid || !alive(pid);
const alive = (pid: number) => {
  if (!Number.isInteger(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The site folder OUT_DIR points to, if OUT_DIR is one of our links. */
function currentSite(): string | null {
  try {
    return lstatSync(outDir).isSymbolicLink() ? resolve(dirname(outDir), readlinkSync(outDir)) : null;
  } catch {
    return null;
  }
}

/** Removes what a killed or failed build left: staging folders of dead builds, links, old sites. */
function cleanLeftovers() {
  const pidOf = (name: string) => Number(/-(\d+)(?:\.partial)?$/.exec(name)?.[1] ?? NaN);
  for (const name of existsSync(stagingRoot) ? readdirSync(stagingRoot) : [])
    if (stale(pidOf(name))) rmSync(join(stagingRoot, name), { recursive: true, force: true });
  const current = currentSite();
  for (const name of existsSync(sitesDir) ? readdirSync(sitesDir) : []) {
    const path = join(sitesDir, name);
    if (path !== current && stale(pidOf(name))) rmSync(path, { recursive: true, force: true });
  }
  // Links being prepared and the two-rename folders of earlier versions of this script.
  const prefix = `${basename(outDir)}.`;
  for (const name of existsSync(dirname(outDir)) ? readdirSync(dirname(outDir)) : [])
    if (/^(link|incoming|previous)-\d+$/.test(name.slice(prefix.length)) && name.startsWith(prefix) && stale(pidOf(name)))
      rmSync(join(dirname(outDir), name), { recursive: true, force: true });
}

// 1. The gate: nothing is built from data it refuses. It runs while Vite bundles the pages, when
// this thread mostly waits for the bundler's own threads (about half a second of a city's build),
// and before any page renders: the pages read its result. Only the site's address is read first,
// from site.json as the gate reads it, because the bundler needs it; a site.json the gate would
// refuse is refused before anything starts.
function gate() {
  let result: ReturnType<typeof runGate>;
  try {
    result = runGate(dataDir, process.cwd(), { requireSiteConfig: true, releasesDir });
  } catch (err) {
    fail({ ja: 'データを検査できませんでした（内部エラー）', en: 'the data could not be checked (internal error)' }, err);
  }
  for (const p of sortProblems(result.problems)) console.error(formatProblem(p));
  const errors = countErrors(result.problems);
  if (errors > 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`ビルドを中止しました: データにエラーが${errors}件あります。${outDir} は変更していません。`);
    console.error(`Build refused: ${errors} data errors. ${outDir} is unchanged.`);
    process.exit(1);
  }
  // V8 lets its heap grow to up to four times what survived the last full collection before it
  // collects again, and keeps the pages it grew into until the process ends. A national data folder
  // keeps about 600 MB alive while the pages render: its heap grew to 1.6 GB and the build past 2 GB
  // of memory. Growing by half at most keeps it near 1.8 GB, but costs a city's build, whose heap
  // stays small, about two seconds of extra collections: the growth is bounded only when the data
  // itself fills the heap (after the gate, 240 MB of it for 1,900 areas, 50 MB for data/). The flag is
  // read whenever V8 sets its next limit, so setting it now takes effect (bench/README.md).
  if (getHeapStatistics().used_heap_size > 128 * 2 ** 20) setFlagsFromString('--heap-growing-percent=50');
  return result;
}

let result: ReturnType<typeof runGate> | undefined;

/**
 * Loads the modules the pages render with (their view models and charts, and with them Plot, the
 * DOM it draws into and sharp) while this thread waits for the bundler, instead of when the first
 * pages render: the pages import them from where they are (astro.config.ts), so they find them loaded.
 */
function preloadPageModules() {
  const folders = ['src/lib/present', 'src/charts'].map((d) => join(root, d));
  for (const folder of folders)
    for (const name of readdirSync(folder))
      if (name.endsWith('.ts')) import(pathToFileURL(join(folder, name)).href).catch(() => {});
}

// The public address every absolute link is written against (site-address.ts).
const siteJson = validateDeclaration(dataDir, 'site.json', siteConfigSchema);
if (!siteJson.value || countErrors(siteJson.problems) > 0) gate();
let address: SiteAddress;
try {
  address = siteAddress(siteJson.value?.url, { SITE_URL: process.env.SITE_URL, BASE_PATH: process.env.BASE_PATH });
} catch (err) {
  console.error(`error: ${(err as Error).message}`);
  console.error(`${outDir} は変更していません / ${outDir} is unchanged.`);
  process.exit(1);
}
if (!address.site) {
  if (releaseBuild) {
    console.error(noAddressRefusal);
    console.error(`${outDir} は変更していません / ${outDir} is unchanged.`);
    process.exit(1);
  }
  console.error(noAddressWarning);
}

process.env.ASTRO_TELEMETRY_DISABLED = '1';
try {
  cleanLeftovers();
} catch (err) {
  fail({ ja: '前回のビルドの残りを削除できません', en: 'cannot remove what an earlier build left' }, err);
}
// The preview cards' text is drawn by native code that reads the process's environment once: it
// is set here, before any page.
try {
  useFontInProcess();
} catch (err) {
  console.error((err as Error).message);
  console.error(`${outDir} は変更していません / ${outDir} is unchanged.`);
  process.exit(1);
}

// 2. Build into staging.
// The spreadsheet edition is written on a second thread meanwhile (scripts/write-workbooks.ts),
// into its own folder, and moved into the site once both are done.
const workbooksDir = join(stagingRoot, `workbooks-${process.pid}`);
// What the pages are given (src/lib/build-context.ts): the folders, the gate's result, and the one
// writer every file beside Astro's pages goes through.
const context: BuildContext = {
  dataDir,
  releasesDir,
  base: address.base,
  // Set by the gate, once Vite has started (below).
  gate: undefined,
  effects: fileEffects(staging),
  workbooksAside: true,
};
// An edition with ふりがな needs the analyser's dictionary (about half a second of this thread):
// loaded now, its files are read and unpacked while Vite bundles the pages and this thread waits.
const { siteLanguages } = await import('../src/lib/i18n/languages.ts');
if (siteLanguages(dataDir).some((l) => l.ruby)) {
  const { loadTokenizer } = await import('../src/lib/i18n/furigana.ts');
  // A failure is the pages' to report, where they need the analyser.
  loadTokenizer().catch(() => {});
}
try {
  // The spreadsheet thread starts once Vite has bundled the pages: bundling uses both cores, and
  // rendering the pages one. Vite runs a plugin's `buildApp` hook of order "post" after the bundles
  // and before Astro's own (which renders the pages); the start after the build covers a Vite that
  // ran none.
  let workbooks: Promise<number> | null = null;
  const startWorkbooks = () => {
    if (workbooks) return workbooks;
    // The thread gets what the download files read of the gate's result, not the pages' share.
    workbooks = writeWorkbooksAside(workbooksDir, { dataDir, releasesDir, base: address.base, gate: { dataDir, result: downloadsInput(result!) } });
    // A failed workbook is reported when the pages are done, not as an unhandled rejection.
    workbooks.catch(() => {});
    return workbooks;
  };
  const afterBundling = { name: 'workbooks-after-bundling', buildApp: { order: 'post' as const, handler: () => void startWorkbooks() } };
  const { build } = await import('astro');
  const building = inBuild(context, () => build({ root, outDir: staging, logLevel: 'warn', site: address.site, base: address.base, vite: { plugins: [afterBundling] } }));
  // Vite has started bundling (build() returns at its first wait): the gate runs now, and ends
  // before any page renders, since it holds this thread until it does.
  result = gate();
  context.gate = { dataDir, result };
  // In the build's context, like the pages: a module that reads it as it loads reads this build's.
  inBuild(context, preloadPageModules);
  await building;
  // The files still in flight when the last page was done.
  await context.effects.drain();
  await startWorkbooks();
  moveInto(workbooksDir, staging);
} catch (err) {
  rmSync(staging, { recursive: true, force: true });
  rmSync(workbooksDir, { recursive: true, force: true });
  fail({ ja: 'ビルドに失敗しました', en: 'the build failed' }, err);
}
rmSync(workbooksDir, { recursive: true, force: true });
hold('built');

// 3. Publish: the new site goes beside OUT_DIR (a rename when on the same file system, else a
// copy to a .partial folder renamed when complete), then one rename replaces the link.
const site = join(sitesDir, siteId);
try {
  mkdirSync(sitesDir, { recursive: true });
  try {
    renameSync(staging, site);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    const partial = `${site}.partial`;
    try {
      cpSync(staging, partial, { recursive: true });
      hold('copied');
      renameSync(partial, site);
    } finally {
      rmSync(partial, { recursive: true, force: true });
      rmSync(staging, { recursive: true, force: true });
    }
  }
} catch (err) {
  rmSync(staging, { recursive: true, force: true });
  rmSync(site, { recursive: true, force: true });
  fail({ ja: '新しいサイトを出力先に置けません', en: 'cannot place the new site beside the output folder' }, err);
}
hold('placed');

const link = `${outDir}.link-${process.pid}`;
try {
  rmSync(link, { force: true });
  symlinkSync(join(basename(sitesDir), siteId), link, 'dir');
  const before = lstatSync(outDir, { throwIfNoEntry: false });
  if (before && !before.isSymbolicLink()) {
    // A plain folder from before OUT_DIR was a link: kept as an old site, then replaced. This
    // one-time change is the only moment OUT_DIR is briefly absent.
    renameSync(outDir, join(sitesDir, `folder-${process.pid}`));
  }
  renameSync(link, outDir);
} catch (err) {
  rmSync(link, { force: true });
  rmSync(site, { recursive: true, force: true });
  fail({ ja: '出力先を新しいサイトに切り替えられません', en: 'cannot switch the output folder to the new site' }, err);
}
hold('switched');

// 4. The previous sites are no longer reachable from OUT_DIR.
try {
  cleanLeftovers();
} catch {
  // The new site is published; what is left is removed at the start of the next build.
}
console.log(`${outDir} を更新しました / built ${outDir}`);
