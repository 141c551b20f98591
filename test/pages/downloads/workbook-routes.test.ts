import { describe, expect, it } from 'vitest';
import { commonJsModulesAfter } from '../../loaded-modules.ts';

// `npm run build` writes the workbooks and archives on a thread of their own; its main thread still
// imports these routes with every other page, so they must not load exceljs (about 160 modules,
// with jszip) just by being imported.
describe('the routes that make workbooks', () => {
  it('load the workbook writer only when they make a workbook', () => {
    // The routes imported, then the writer itself (which shows the count sees exceljs when it is there).
    const exceljs = (files: string[] | undefined) => files!.filter((f) => f.includes('/node_modules/exceljs/')).length;
    const [routes, writer] = commonJsModulesAfter([
      ['./src/pages/downloads/[archive].ts', './src/pages/downloads/[folder]/spreadsheet/[...file].ts'],
      ['./src/lib/publish/spreadsheet.ts'],
    ]);
    expect(exceljs(routes)).toBe(0);
    expect(exceljs(writer)).toBeGreaterThan(50);
  });
});
