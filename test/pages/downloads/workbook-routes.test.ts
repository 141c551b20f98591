import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `npm run build` writes the workbooks and archives on a thread of their own; its main thread still
// imports these routes with every other page, so they must not load exceljs (about 160 modules,
// with jszip) just by being imported.
describe('the routes that make workbooks', () => {
  it('load the workbook writer only when they make a workbook', () => {
    // In a fresh process: the CommonJS modules held once the routes are imported, then once the
    // writer itself is (which shows the count sees exceljs when it is there).
    const code = `import { createRequire } from 'node:module';
      const exceljs = () => Object.keys(createRequire(import.meta.url).cache).filter((f) => f.includes('/node_modules/exceljs/')).length;
      await import('./src/pages/downloads/[archive].ts');
      await import('./src/pages/downloads/[folder]/spreadsheet/[...file].ts');
      const routes = exceljs();
      await import('./src/lib/publish/spreadsheet.ts');
      console.log(JSON.stringify({ routes, writer: exceljs() }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const counts = JSON.parse(r.stdout) as { routes: number; writer: number };
    expect(counts.routes).toBe(0);
    expect(counts.writer).toBeGreaterThan(50);
  });
});
