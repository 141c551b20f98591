/**
 * Every source table as CSV (UTF-8 with BOM, formula-safe) and JSON, and the datapackage.json, in
 * `latest/` from the current data and in each release's folder from its snapshot.
 */
import { dataPackage } from '../../../lib/publish/datapackage.ts';
import { toSafeCsv } from '../../../lib/publish/csv-safe.ts';
import { downloadFolders, downloadTables } from '../../../lib/publish/downloads.ts';
import { loadSiteData } from '../../../lib/site-data.ts';

export function getStaticPaths() {
  return downloadFolders(loadSiteData()).flatMap(({ folder, dataDir }) => {
    const files = [
      ...downloadTables(loadSiteData(dataDir))
        .filter((t) => t.kind === 'source')
        .flatMap((t) => [`${t.name}.csv`, `${t.name}.json`]),
      'datapackage.json',
    ];
    return files.map((file) => ({ params: { folder, file }, props: { dataDir } }));
  });
}

export function GET({ params, props }: { params: { file: string }; props: { dataDir: string } }) {
  const site = loadSiteData(props.dataDir);
  if (params.file === 'datapackage.json') return new Response(JSON.stringify(dataPackage(site), null, 2));
  const [name, ext] = params.file.split('.') as [string, string];
  const table = downloadTables(site).find((t) => t.name === name)!;
  const columns = table.fields.map((f) => f.name);
  if (ext === 'json') return new Response(JSON.stringify({ name, title: table.title, rows: table.rows }, null, 1));
  return new Response(toSafeCsv(columns, table.rows));
}
