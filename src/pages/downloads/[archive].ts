/**
 * Each download folder as one zip archive (`downloads/v1.0.0.zip`). `npm run build` writes these
 * files itself, on the thread that writes the workbooks they hold (scripts/write-workbooks.ts);
 * this route serves them to `npm run dev` and to a plain `astro build`. The workbook writer
 * (exceljs, with jszip among its 158 modules) is loaded only here, so that the build's main thread,
 * which renders no archive, never loads it.
 */
import { releaseArchive } from '../../lib/publish/release-archive.ts';
import { downloadFolders } from '../../lib/release/folders.ts';
import { loadSiteData } from '../../lib/site-data.ts';
import { buildContext } from '../../lib/build-context.ts';

export function getStaticPaths() {
  if (buildContext().workbooksAside) return [];
  return downloadFolders(loadSiteData()).map(({ folder, dataDir }) => ({ params: { archive: `${folder}.zip` }, props: { folder, dataDir } }));
}

export async function GET({ props }: { props: { folder: string; dataDir: string } }) {
  const { siteTableWorkbook } = await import('../../lib/publish/spreadsheet.ts');
  const site = loadSiteData(props.dataDir);
  return new Response((await releaseArchive(site, props.folder, (table) => siteTableWorkbook(site, table))) as BodyInit);
}
