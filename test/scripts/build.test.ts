/**
 * The build end to end, as a maintainer runs it: from a data folder to a site folder, refusing
 * bad data and leaving the previous site exactly as it was. The site read here is the one
 * test/global-setup.ts built from data/ with the same command.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'build-test-'));
const out = inject('siteDir');
const build = (dataDir: string, outDir: string) =>
  spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, DATA_DIR: dataDir, OUT_DIR: outDir }, encoding: 'utf8' });
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run build', () => {
  it('writes a data page listing every table with its source and vintage', () => {
    const html = readFileSync(join(out, 'data', 'index.html'), 'utf8');
    expect(html).toContain('<html lang="ja">');
    for (const file of readdirSync('data').filter((f) => f.endsWith('.schema.json'))) {
      const schema = JSON.parse(readFileSync(join('data', file), 'utf8'));
      expect(html, file).toContain(`${schema.name}.csv`);
      expect(html, file).toContain(schema.title.ja);
    }
    // Vintages as dates and fiscal years, and a source, for a few known tables.
    expect(html).toContain('2015年10月31日');
    expect(html).toContain('令和3年度（FY2021）');
    expect(html).toContain('横浜市医療局「横浜市在宅医療連携拠点事業について（健康福祉・医療委員会資料）」');
  });

  it('publishes the data-quality report with each disagreement', () => {
    const html = readFileSync(join(out, 'quality', 'index.html'), 'utf8');
    expect(html).toContain('南区の75歳以上の割合');
    const json = JSON.parse(readFileSync(join(out, 'data-quality.json'), 'utf8'));
    expect(json.disagreements.length).toBe(6);
  });

  it('carries every row of every CSV into the built tables', () => {
    const built = JSON.parse(readFileSync(join(out, 'tables.json'), 'utf8')).tables as { name: string; rows: number }[];
    const csvs = readdirSync('data').filter((f) => f.endsWith('.csv'));
    expect(built.map((t) => `${t.name}.csv`).sort()).toEqual(csvs.sort());
    for (const t of built) {
      // Records counted straight from the file: non-empty lines minus the header (no cell in
      // data/ spans lines).
      const records = readFileSync(join('data', `${t.name}.csv`), 'utf8').split('\n').filter((l) => l !== '').length - 1;
      expect(t.rows, t.name).toBe(records);
    }
  });

  it('refuses bad data, names file, line and column, and leaves the site untouched', () => {
    // A copy of the built site as the previous one: the shared site stays as other files read it.
    const previous = join(work, 'previous');
    cpSync(out, previous, { recursive: true, dereference: true });
    const before = snapshot(previous);
    expect(Object.keys(before).length).toBeGreaterThan(300);
    const bad = join(work, 'bad-data');
    cpSync('data', bad, { recursive: true });
    const file = join(bad, 'hub_throughput.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('14103,2015-04-01,2015-12-31,9,170', '14103,2015-04-01,2015-12-31,9,17O'));
    const r = build(bad, previous);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('hub_throughput.csv:5:5: error: 「new_clients」の値「17O」は整数ではありません');
    expect(r.stderr).toContain('ビルドを中止しました');
    expect(snapshot(previous)).toEqual(before);
  });

  it('validates data/ from the command line with exit 0', () => {
    const stdout = execFileSync(process.execPath, ['scripts/validate.ts'], { encoding: 'utf8' });
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^data: \d+表 \d+行を検査、エラー0件・警告0件 \/ checked \d+ tables, \d+ rows: 0 errors, 0 warnings$/);
  });
});
