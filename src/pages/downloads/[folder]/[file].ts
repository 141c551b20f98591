/**
 * Every source table as CSV (UTF-8, formula-safe), its Excel edition (the same with a BOM) and
 * JSON, and the datapackage.json, in `latest/` from the current data and in each release's folder
 * from its snapshot.
 */
import { dataPackage } from '../../../lib/publish/datapackage.ts';
import { downloadTables } from '../../../lib/publish/downloads.ts';
import { downloadFolders } from '../../../lib/release/folders.ts';
import { tableFile, tableText } from '../../../lib/publish/table-files.ts';
import { loadSiteData } from '../../../lib/site-data.ts';

const formats = ['csv', 'excel-csv', 'json'] as const;

export function getStaticPaths() {
  return downloadFolders(loadSiteData()).flatMap(({ folder, dataDir }) => [
    ...downloadTables(loadSiteData(dataDir))
      .filter((t) => t.kind === 'source')
      .flatMap((t) => formats.map((format) => ({ params: { folder, file: tableFile(t, format) }, props: { dataDir, name: t.name, format } }))),
    { params: { folder, file: 'datapackage.json' }, props: { dataDir } },
  ]);
}

export function GET({ props }: { props: { dataDir: string; name?: string; format?: (typeof formats)[number] } }) {
  const site = loadSiteData(props.dataDir);
  if (!props.name || !props.format) return new Response(JSON.stringify(dataPackage(site), null, 2));
  const table = downloadTables(site).find((t) => t.kind === 'source' && t.name === props.name)!;
  return new Response(tableText(table, props.format));
}
