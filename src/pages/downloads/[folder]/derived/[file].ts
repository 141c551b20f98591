/** Every derived table (metrics, shares, budget figures) as CSV and JSON, in every download folder. */
import { toSafeCsv } from '../../../../lib/publish/csv-safe.ts';
import { downloadFolders, downloadTables } from '../../../../lib/publish/downloads.ts';
import { loadSiteData } from '../../../../lib/site-data.ts';

export function getStaticPaths() {
  return downloadFolders(loadSiteData()).flatMap(({ folder, dataDir }) =>
    downloadTables(loadSiteData(dataDir))
      .filter((t) => t.kind === 'derived')
      .flatMap((t) => [`${t.name}.csv`, `${t.name}.json`])
      .map((file) => ({ params: { folder, file }, props: { dataDir } })),
  );
}

export function GET({ params, props }: { params: { file: string }; props: { dataDir: string } }) {
  const site = loadSiteData(props.dataDir);
  const [name, ext] = params.file.split('.') as [string, string];
  const table = downloadTables(site).find((t) => t.name === name && t.kind === 'derived')!;
  if (ext === 'json') return new Response(JSON.stringify({ name, title: table.title, rows: table.rows }, null, 1));
  return new Response(toSafeCsv(table.fields.map((f) => f.name), table.rows));
}
