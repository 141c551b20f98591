/**
 * One archive per download folder (`downloads/v1.0.0.zip`): every file of the folder, at the same
 * path under the folder's name, so a release can be fetched, cited and kept as one file. Its
 * entries are the folder's files as the site serves them (the CSV, its Excel edition, JSON, the
 * workbook and datapackage.json), dated the release's day, so the same data gives the same bytes.
 */
import type { SiteData } from '../site-data.ts';
import { folderRelease } from '../release/folders.ts';
import { dataPackage } from './datapackage.ts';
import { downloadTables, type DownloadTable } from './downloads.ts';
import { tableFile, tableText } from './table-files.ts';
import { zipArchive, type ZipEntry } from './zip.ts';

/** Where a folder's archive is published, beside the folder. */
export const archivePath = (folder: string) => `downloads/${folder}.zip`;

/** The text of a folder's datapackage.json, as its route serves it. */
export const dataPackageText = (site: SiteData) => JSON.stringify(dataPackage(site), null, 2);

/**
 * The archive of `folder`, built from `site` (the folder's data); `workbook` gives a table's .xlsx
 * bytes (the build's own, so the archive holds the very files the folder does).
 */
export async function releaseArchive(site: SiteData, folder: string, workbook: (table: DownloadTable) => Promise<Uint8Array>): Promise<Uint8Array> {
  const entries: ZipEntry[] = [{ name: 'datapackage.json', data: dataPackageText(site) }];
  for (const table of downloadTables(site)) {
    for (const format of ['csv', 'excel-csv', 'json'] as const) entries.push({ name: tableFile(table, format), data: tableText(table, format) });
    entries.push({ name: tableFile(table, 'xlsx'), data: await workbook(table) });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return zipArchive(entries.map((e) => ({ ...e, name: `${folder}/${e.name}` })), folderRelease(site).releasedOn || '1980-01-01');
}
