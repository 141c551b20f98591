/** Every derived table (metrics, shares, budget figures) as CSV, its Excel edition and JSON, in every download folder. */
import { downloadTables } from '../../../../lib/publish/downloads.ts';
import { downloadFolders } from '../../../../lib/release/folders.ts';
import { tableFile, tableText } from '../../../../lib/publish/table-files.ts';
import { loadSiteData } from '../../../../lib/site-data.ts';

const formats = ['csv', 'excel-csv', 'json'] as const;

export function getStaticPaths() {
  return downloadFolders(loadSiteData()).flatMap(({ folder, dataDir }) =>
    downloadTables(loadSiteData(dataDir))
      .filter((t) => t.kind === 'derived')
      .flatMap((t) => formats.map((format) => ({ params: { folder, file: tableFile(t, format).replace(/^derived\//, '') }, props: { dataDir, name: t.name, format } }))),
  );
}

export function GET({ props }: { props: { dataDir: string; name: string; format: (typeof formats)[number] } }) {
  const site = loadSiteData(props.dataDir);
  const table = downloadTables(site).find((t) => t.name === props.name && t.kind === 'derived')!;
  return new Response(tableText(table, props.format));
}
