import readXlsxFile from 'read-excel-file/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DownloadTable } from '../../../src/lib/publish/downloads.ts';
import { commonJsModulesAfter } from '../../loaded-modules.ts';
import { tableWorkbook, type WorkbookAbout } from '../../../src/lib/publish/spreadsheet.ts';

const table: DownloadTable = {
  name: 'sample',
  kind: 'source',
  title: { ja: '見本', en: 'Sample' },
  description: { ja: '説明', en: 'About' },
  fields: [
    { name: 'code', type: 'string', title: { ja: 'コード', en: 'Code' } },
    { name: 'n', type: 'number', title: { ja: '数', en: 'Number' } },
    { name: 'flag', type: 'boolean', title: { ja: '印', en: 'Flag' } },
  ],
  rows: [
    { code: '=1+1', n: 226.666667, flag: true },
    { code: '鶴見区', n: null, flag: false },
  ],
  sources: [],
};
const about: WorkbookAbout = { version: '1.0.0', released: true, releasedOn: '2026-11-23', site: { ja: 'サイト', en: 'Site' }, license: { title: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' }, sources: [] };

afterEach(() => vi.useRealTimers());

describe('tableWorkbook', () => {
  it('keeps text as text (a formula-like cell too), numbers and booleans as such, blanks blank', async () => {
    const rows = await readXlsxFile(Buffer.from(await tableWorkbook(table, about)));
    expect(rows).toEqual([
      ['code', 'n', 'flag'],
      ['=1+1', 226.666667, true],
      ['鶴見区', null, false],
    ]);
  });

  it('is the same file whenever it is built', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-01-02T03:04:05Z'));
    const first = await tableWorkbook(table, about);
    vi.setSystemTime(new Date('2028-05-06T07:08:10Z'));
    const second = await tableWorkbook(table, about);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it("loads the workbook writer alone, not exceljs's streaming reader and writer", () => {
    const [loaded] = commonJsModulesAfter([['./src/lib/publish/spreadsheet.ts']]);
    // The workbook and its xlsx writer are still exceljs's own modules.
    expect(loaded!.filter((f) => f.includes('/node_modules/exceljs/')).length).toBeGreaterThan(50);
    expect(loaded!.filter((f) => /\/node_modules\/(unzipper|es-abstract)\//.test(f))).toEqual([]);
  });
});
