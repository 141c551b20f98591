/** Every derived table (metrics, shares, budget figures) as CSV and JSON, in every download folder. */
import { downloadFolders, downloadTables } from '../../../../lib/publish/downloads.ts';
import { tableCsv, tableJson } from '../../../../lib/publish/table-files.ts';
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
  return new Response(ext === 'json' ? tableJson(table) : tableCsv(table));
}
