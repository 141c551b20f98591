/** The spreadsheet edition: every source and derived table as an .xlsx workbook, in every download folder. */
import { select } from '../../../../lib/dataset.ts';
import { downloadFolders, downloadTables, folderRelease } from '../../../../lib/publish/downloads.ts';
import { siteInfo } from '../../../../lib/publish/site-info.ts';
import { tableWorkbook } from '../../../../lib/publish/spreadsheet.ts';
import { tableFile } from '../../../../lib/publish/table-files.ts';
import { loadSiteData } from '../../../../lib/site-data.ts';

export function getStaticPaths() {
  return downloadFolders(loadSiteData()).flatMap(({ folder, dataDir }) =>
    downloadTables(loadSiteData(dataDir)).map((t) => ({ params: { folder, file: tableFile(t, 'xlsx').replace(/^spreadsheet\//, '') }, props: { dataDir, name: t.name, kind: t.kind } })),
  );
}

export async function GET({ props }: { props: { dataDir: string; name: string; kind: string } }) {
  const site = loadSiteData(props.dataDir);
  const table = downloadTables(site).find((t) => t.name === props.name && t.kind === props.kind)!;
  const release = folderRelease(site);
  const info = siteInfo(site);
  const docs = new Map(select(site.tables, 'sources').map((r) => [String(r.row.document_id), r.row]));
  const sources = table.sources.map((s) => {
    const d = docs.get(s.document);
    const title = d ? `${String(d.publisher_ja)}「${String(d.title_ja)}」 / ${String(d.title_en)}` : s.document;
    return `${title}: ${s.section}${s.asOf ? ` (${s.asOf})` : ''}`;
  });
  const bytes = await tableWorkbook(table, { ...release, site: info.title, license: info.license, sources });
  return new Response(bytes as BodyInit);
}
