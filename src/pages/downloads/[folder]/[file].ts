/** Every source table as CSV (UTF-8 with BOM, formula-safe) and JSON, and the datapackage.json. */
import { dataPackage } from '../../../lib/publish/datapackage.ts';
import { toSafeCsv } from '../../../lib/publish/csv-safe.ts';
import { downloadFolders, downloadTables } from '../../../lib/publish/downloads.ts';
import { loadSiteData } from '../../../lib/site-data.ts';

export function getStaticPaths() {
  const site = loadSiteData();
  const files = [
    ...downloadTables(site)
      .filter((t) => t.kind === 'source')
      .flatMap((t) => [`${t.name}.csv`, `${t.name}.json`]),
    'datapackage.json',
  ];
  return downloadFolders(site).flatMap((folder) => files.map((file) => ({ params: { folder, file } })));
}

export function GET({ params }: { params: { file: string } }) {
  const site = loadSiteData();
  if (params.file === 'datapackage.json') return new Response(JSON.stringify(dataPackage(site), null, 2));
  const [name, ext] = params.file.split('.') as [string, string];
  const table = downloadTables(site).find((t) => t.name === name)!;
  const columns = table.fields.map((f) => f.name);
  if (ext === 'json') return new Response(JSON.stringify({ name, title: table.title, rows: table.rows }, null, 1));
  return new Response(toSafeCsv(columns, table.rows));
}
