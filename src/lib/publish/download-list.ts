/**
 * What the data page lists for download: the folder the pages link (the newest release's, or
 * `latest` while the data is not yet released), every table in it with each of its formats, and
 * every published folder with every file in it, so each release stays reachable from the site.
 */
import type { SiteData } from '../site-data.ts';
import { loadSiteData } from '../site-data.ts';
import { releasesDir } from '../release/snapshots.ts';
import { downloadTables, type DownloadTable } from './downloads.ts';
import { downloadFolders, releasesOf, stableFolder } from '../release/folders.ts';
import { tableFile } from './table-files.ts';
import { archivePath } from './release-archive.ts';

export interface TableFiles {
  name: string;
  kind: DownloadTable['kind'];
  title: DownloadTable['title'];
  rows: number;
  columns: number;
  /** Paths under `downloads/`: the canonical CSV, its Excel edition (BOM), the workbook and JSON. */
  csv: string;
  excelCsv: string;
  xlsx: string;
  json: string;
}

export interface FolderListing {
  folder: string;
  /** The release it holds, or null for `latest`. */
  version: string | null;
  releasedOn: string | null;
  datapackage: string;
  /** The folder's every file in one zip archive, beside the folder (`downloads/v1.0.0.zip`). */
  archive: string;
  tables: TableFiles[];
}

export interface DownloadList {
  /** The folder pages link, and whether it is `latest` with unreleased data. */
  linked: string;
  unreleased: boolean;
  /** Tables of the linked folder. */
  tables: TableFiles[];
  /** `latest` first, then every release, newest first. */
  folders: FolderListing[];
}

const filesOf = (folder: string, site: SiteData): TableFiles[] =>
  downloadTables(site).map((t) => ({
    name: t.name,
    kind: t.kind,
    title: t.title,
    rows: t.rows.length,
    columns: t.fields.length,
    csv: `downloads/${folder}/${tableFile(t, 'csv')}`,
    excelCsv: `downloads/${folder}/${tableFile(t, 'excel-csv')}`,
    xlsx: `downloads/${folder}/${tableFile(t, 'xlsx')}`,
    json: `downloads/${folder}/${tableFile(t, 'json')}`,
  }));

export function downloadList(site: SiteData, snapshots = releasesDir()): DownloadList {
  const linked = stableFolder(site, snapshots);
  const dates = new Map(releasesOf(site).map((r) => [`v${r.version}`, r.releasedOn]));
  const folders = downloadFolders(site, snapshots)
    .map(({ folder, dataDir }): FolderListing => ({
      folder,
      version: folder === 'latest' ? null : folder.slice(1),
      releasedOn: dates.get(folder) ?? null,
      datapackage: `downloads/${folder}/datapackage.json`,
      archive: archivePath(folder),
      tables: filesOf(folder, loadSiteData(dataDir)),
    }))
    .sort((a, b) => (a.folder === 'latest' ? -1 : b.folder === 'latest' ? 1 : (b.releasedOn ?? '').localeCompare(a.releasedOn ?? '') || b.folder.localeCompare(a.folder, 'en', { numeric: true })));
  return { linked, unreleased: linked === 'latest', tables: folders.find((f) => f.folder === linked)?.tables ?? [], folders };
}
