/**
 * The spreadsheet edition: every source and derived table as an .xlsx workbook, in every download
 * folder. `npm run build` writes these files itself, on a second thread while the pages render
 * (scripts/write-workbooks.ts), and says so in its context (lib/build-context.ts); this route serves them to
 * `npm run dev` and to a plain `astro build`. The workbook writer (exceljs) is loaded only here, so
 * that the build's main thread, which writes no workbook, never loads it.
 */
import { downloadTables } from '../../../../lib/publish/downloads.ts';
import { downloadFolders } from '../../../../lib/release/folders.ts';
import { tableFile } from '../../../../lib/publish/table-files.ts';
import { loadSiteData } from '../../../../lib/site-data.ts';
import { buildContext } from '../../../../lib/build-context.ts';

export function getStaticPaths() {
  if (buildContext().workbooksAside) return [];
  return downloadFolders(loadSiteData()).flatMap(({ folder, dataDir }) =>
    downloadTables(loadSiteData(dataDir)).map((t) => ({ params: { folder, file: tableFile(t, 'xlsx').replace(/^spreadsheet\//, '') }, props: { dataDir, name: t.name, kind: t.kind } })),
  );
}

export async function GET({ props }: { props: { dataDir: string; name: string; kind: string } }) {
  const { siteTableWorkbook } = await import('../../../../lib/publish/spreadsheet.ts');
  const site = loadSiteData(props.dataDir);
  const table = downloadTables(site).find((t) => t.name === props.name && t.kind === props.kind)!;
  return new Response((await siteTableWorkbook(site, table)) as BodyInit);
}
