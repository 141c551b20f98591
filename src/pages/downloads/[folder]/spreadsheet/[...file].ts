/**
 * The spreadsheet edition: every source and derived table as an .xlsx workbook, in every download
 * folder. `npm run build` writes these files itself, on a second thread while the pages render
 * (scripts/write-workbooks.ts), and says so in WORKBOOKS_BY_BUILD; this route serves them to
 * `npm run dev` and to a plain `astro build`.
 */
import { downloadFolders, downloadTables } from '../../../../lib/publish/downloads.ts';
import { siteTableWorkbook } from '../../../../lib/publish/spreadsheet.ts';
import { tableFile } from '../../../../lib/publish/table-files.ts';
import { loadSiteData } from '../../../../lib/site-data.ts';

export function getStaticPaths() {
  if (process.env.WORKBOOKS_BY_BUILD === '1') return [];
  return downloadFolders(loadSiteData()).flatMap(({ folder, dataDir }) =>
    downloadTables(loadSiteData(dataDir)).map((t) => ({ params: { folder, file: tableFile(t, 'xlsx').replace(/^spreadsheet\//, '') }, props: { dataDir, name: t.name, kind: t.kind } })),
  );
}

export async function GET({ props }: { props: { dataDir: string; name: string; kind: string } }) {
  const site = loadSiteData(props.dataDir);
  const table = downloadTables(site).find((t) => t.name === props.name && t.kind === props.kind)!;
  return new Response((await siteTableWorkbook(site, table)) as BodyInit);
}
