/**
 * The spreadsheet edition of a download table: one .xlsx workbook per table, for people who open
 * data in Excel or LibreOffice. A CSV opened there is read with guesses (LibreOffice's default
 * import garbles Japanese, Excel without a BOM does too, and long decimals lose digits); an .xlsx
 * carries each cell's type, so text stays text (never a formula, whatever it starts with),
 * numbers stay the numbers published and booleans stay booleans. The first sheet holds the
 * rows under the CSV's column names; the second says what the table is, column by column.
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { select } from '../dataset.ts';
import type { SiteData } from '../site-data.ts';
import { folderRelease } from '../release/folders.ts';
import { siteInfo } from './site-info.ts';
import type { Text } from '../i18n.ts';
import { bilingual } from '../i18n/labels.ts';
import type { DownloadTable } from './downloads.ts';
import { withZipDates } from './zip-dates.ts';

// exceljs's entry also loads its streaming reader and writer, which the site never uses (unzipper
// and its polyfills: 415 of the entry's 694 modules, 0.18 s of the spreadsheet thread's CPU at each
// build). The workbook class, which the entry exports as it is, comes from its own module.
const Workbook = createRequire(import.meta.url)('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;

export interface WorkbookAbout {
  /** The release of the folder (`1.0.0`), and whether the data is that release's. */
  version: string;
  released: boolean;
  /** The release date, YYYY-MM-DD; it also dates the workbook and its zip entries, so a rebuild writes the same file. */
  releasedOn: string;
  site: Text;
  license: { title: string; url: string };
  /** The documents the table was transcribed from, in words. */
  sources: string[];
}

/** The sheet holding the rows, named after the table (Excel allows 31 characters). */
export const dataSheetName = (table: DownloadTable) => table.name.slice(0, 31);
export const aboutSheetName = '説明 About';

/** The workbook of one table as .xlsx bytes. */
export async function tableWorkbook(table: DownloadTable, about: WorkbookAbout): Promise<Uint8Array> {
  const book = new Workbook();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(about.releasedOn) ? new Date(`${about.releasedOn}T00:00:00Z`) : new Date(0);
  book.created = date;
  book.modified = date;
  book.creator = bilingual(about.site).ja;
  book.title = `${table.title.ja} / ${table.title.en}`;

  const columns = table.fields.map((f) => f.name);
  const data = book.addWorksheet(dataSheetName(table), { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(columns).font = { bold: true };
  for (const row of table.rows) data.addRow(columns.map((c) => row[c] ?? null));
  columns.forEach((c, i) => (data.getColumn(i + 1).width = Math.min(40, Math.max(10, c.length + 2))));

  const info = book.addWorksheet(aboutSheetName);
  const status = about.released
    ? [`版 ${about.version}（${about.releasedOn}公開）`, `Release ${about.version} (published ${about.releasedOn})`]
    : [`未リリースの最新データ（最後の版は ${about.version}）`, `Current data, not yet released (last release ${about.version})`];
  info.addRows([
    [table.title.ja, table.title.en],
    [table.description.ja, table.description.en],
    [about.site.ja, about.site.en],
    status,
    [`ライセンス：${about.license.title}`, about.license.url],
    ...about.sources.map((s) => ['出典 / Source', s]),
    [],
    ['列 / Column', '名称', 'Title', '型 / Type', '単位', 'Unit'],
    ...table.fields.map((f) => [f.name, f.title.ja, f.title.en, f.type, f.unit?.ja ?? '', f.unit?.en ?? '']),
  ]);
  info.getColumn(1).width = 36;
  info.getColumn(2).width = 36;
  info.getColumn(3).width = 36;
  // Dated by the release, not the build, so a release's workbook stays the same file.
  return withZipDates(new Uint8Array(await book.xlsx.writeBuffer()), date.toISOString().slice(0, 10));
}

/** The workbook of one download table of a data folder, with its release, licence and sources. */
export function siteTableWorkbook(site: SiteData, table: DownloadTable): Promise<Uint8Array> {
  const release = folderRelease(site);
  const info = siteInfo(site);
  const docs = new Map(select(site.tables, 'sources').map((r) => [String(r.row.document_id), r.row]));
  const sources = table.sources.map((s) => {
    const d = docs.get(s.document);
    const title = d ? `${String(d.publisher_ja)}「${String(d.title_ja)}」 / ${String(d.title_en)}` : s.document;
    return `${title}: ${s.section}${s.asOf ? ` (${s.asOf})` : ''}`;
  });
  return tableWorkbook(table, { ...release, site: info.title, license: info.license, sources });
}
