/**
 * The spreadsheet edition's workbooks and each download folder's archive, written by `npm run
 * build` on a worker thread while Astro renders the pages on the main one: compressing thousands
 * of sheets is CPU work that needs none of the pages, and the build machine has a second core.
 * The files are the ones the `downloads/[folder]/spreadsheet/` and `downloads/[archive]` routes
 * would write, at the same paths.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { DownloadTable } from '../src/lib/publish/downloads.ts';

// A thread compiles its modules for itself: with the build's compile cache (scripts/build.ts) it
// reads them from disk instead. Only modules loaded after this use it.
enableCompileCache();
const { downloadTables } = await import('../src/lib/publish/downloads.ts');
const { archivePath, releaseArchive } = await import('../src/lib/publish/release-archive.ts');
const { downloadFolders } = await import('../src/lib/release/folders.ts');
const { siteTableWorkbook } = await import('../src/lib/publish/spreadsheet.ts');
const { tableFile } = await import('../src/lib/publish/table-files.ts');
const { loadSiteData } = await import('../src/lib/site-data.ts');
const { inBuild, noEffects } = await import('../src/lib/build-context.ts');
const { guardDownloadsInput } = await import('../src/lib/publish/downloads-input.ts');

/**
 * Writes every folder's workbooks under `outDir` (as `downloads/<folder>/spreadsheet/…`), then the
 * folder's archive with those very workbooks (`downloads/<folder>.zip`); returns the count of files.
 */
export async function writeWorkbooks(outDir: string): Promise<number> {
  let count = 0;
  for (const { folder, dataDir } of downloadFolders(loadSiteData())) {
    const site = loadSiteData(dataDir);
    const written = new Map<DownloadTable, Uint8Array>();
    for (const table of downloadTables(site)) {
      const path = join(outDir, 'downloads', folder, tableFile(table, 'xlsx'));
      mkdirSync(dirname(path), { recursive: true });
      const bytes = await siteTableWorkbook(site, table);
      written.set(table, bytes);
      writeFileSync(path, bytes);
      count++;
    }
    writeFileSync(join(outDir, archivePath(folder)), await releaseArchive(site, folder, async (table) => written.get(table)!));
    count++;
  }
  return count;
}

if (parentPort && workerData?.outDir) {
  // The build's folders and gate result: the data is not validated a second time.
  const { gate } = workerData.context;
  const context = { ...workerData.context, gate: { ...gate, result: guardDownloadsInput(gate.result) }, effects: noEffects, workbooksAside: true };
  try {
    parentPort.postMessage({ ok: true, count: await inBuild(context, () => writeWorkbooks(workerData.outDir)) });
  } catch (err) {
    parentPort.postMessage({ ok: false, message: err instanceof Error ? err.message.split('\n')[0] : String(err) });
  }
}
