/**
 * Every source table as CSV (UTF-8, formula-safe) and JSON, and the datapackage.json, in
 * `latest/` from the current data and in each release's folder from its snapshot.
 */
import { dataPackage } from '../../../lib/publish/datapackage.ts';
import { downloadFolders, downloadTables } from '../../../lib/publish/downloads.ts';
import { tableCsv, tableFile, tableJson } from '../../../lib/publish/table-files.ts';
import { loadSiteData } from '../../../lib/site-data.ts';

export function getStaticPaths() {
  return downloadFolders(loadSiteData()).flatMap(({ folder, dataDir }) => {
    const files = [
      ...downloadTables(loadSiteData(dataDir))
        .filter((t) => t.kind === 'source')
        .flatMap((t) => [tableFile(t, 'csv'), tableFile(t, 'json')]),
      'datapackage.json',
    ];
    return files.map((file) => ({ params: { folder, file }, props: { dataDir } }));
  });
}

export function GET({ params, props }: { params: { file: string }; props: { dataDir: string } }) {
  const site = loadSiteData(props.dataDir);
  if (params.file === 'datapackage.json') return new Response(JSON.stringify(dataPackage(site), null, 2));
  const table = downloadTables(site).find((t) => t.kind === 'source' && (tableFile(t, 'csv') === params.file || tableFile(t, 'json') === params.file))!;
  return new Response(params.file.endsWith('.json') ? tableJson(table) : tableCsv(table));
}
