import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'validate-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const validate = (...args: string[]) => spawnSync(process.execPath, ['scripts/validate.ts', ...args], { encoding: 'utf8' });

// A copy of data/ whose population.csv was saved by Excel as "CSV UTF-8": a BOM, a warning only.
const withBom = join(work, 'bom');
cpSync('data', withBom, { recursive: true });
writeFileSync(join(withBom, 'population.csv'), '\uFEFF' + readFileSync(join(withBom, 'population.csv'), 'utf8'));

describe('npm run validate', () => {
  it('exits 0 when there are only warnings, and prints them with their place', () => {
    const r = validate(withBom);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${withBom}/population.csv:1:1: warning: BOM付きUTF-8です（そのまま読み込みました） / UTF-8 with a byte-order mark (accepted)`);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/エラー0件・警告1件 \/ .* 0 errors, 1 warnings$/);
  });
  it('--strict turns warnings into errors and exits 1', () => {
    const r = validate(withBom, '--strict');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('/population.csv:1:1: error: BOM付きUTF-8です');
  });
  it('--json prints the same problems for tools', () => {
    const r = validate(withBom, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ errors: 0, warnings: 1 });
    expect(out.problems).toEqual([
      expect.objectContaining({ file: `${withBom}/population.csv`, line: 1, column: 1, severity: 'warning', code: 'bom' }),
    ]);
  });
  it('exits 1 on an error', () => {
    const bad = join(work, 'bad');
    cpSync('data', bad, { recursive: true });
    writeFileSync(join(bad, 'areas.csv'), readFileSync(join(bad, 'areas.csv'), 'utf8').replace('14103,141038', '14103,14103x'));
    const r = validate(bad);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${bad}/areas.csv:5:2: error: 「lg_code」の値「14103x」が決められた形式（[0-9]{6}）に合いません`);
  });
});
