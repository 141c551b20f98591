/**
 * The corpus trusts the runner pool to report what a fresh `node script` would: output, exit code,
 * a thrown error's stack, a process that exits or hangs. Each is checked here on a small script.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runnerPool } from './validate-pool.ts';

const dir = mkdtempSync(join(tmpdir(), 'runner-pool-'));
const script = (name: string, code: string) => {
  writeFileSync(join(dir, name), code);
  return join(dir, name);
};
const pool = runnerPool(resolve(import.meta.dirname, 'validate-runner.ts'));
afterAll(() => {
  pool.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the runner pool', () => {
  it('gives each run its arguments, folder and environment, and captures what it writes and its exit code', async () => {
    const s = script('echo.mjs', "console.log(process.argv.slice(2).join(' '), process.cwd(), process.env.CASE_VALUE);\nprocess.stderr.write('to stderr\\n');\nprocess.exitCode = Number(process.argv[2]);\n");
    const a = await pool.run(s, ['3', 'x'], dir, 10_000, { CASE_VALUE: 'one' });
    const b = await pool.run(s, ['0'], tmpdir(), 10_000);
    expect(a).toMatchObject({ status: 3, signal: null, output: `3 x ${dir} one\nto stderr\n` });
    // The second run is evaluated anew, in its own folder, without the first one's environment or exit code.
    expect(b).toMatchObject({ status: 0, signal: null, output: `0 ${tmpdir()} undefined\nto stderr\n` });
  });

  it('reports a thrown error with its stack and exit code 1, as Node would', async () => {
    const r = await pool.run(script('throws.mjs', "throw new Error('broken');\n"), [], dir, 10_000);
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/Error: broken\n\s+at .*throws\.mjs/);
  });

  it('reports a process that exits with its code and what it wrote', async () => {
    const r = await pool.run(script('exits.mjs', "console.error('leaving');\nprocess.exit(4);\n"), [], dir, 10_000);
    expect(r).toMatchObject({ status: 4, signal: null });
    expect(r.output).toContain('leaving');
    // The pool starts another process for the next run.
    expect((await pool.run(script('ok.mjs', "console.log('ok');\n"), [], dir, 10_000)).output).toBe('ok\n');
  });

  it('stops a run that does not end, and runs the next one', async () => {
    const r = await pool.run(script('hangs.mjs', 'for (;;);\n'), [], dir, 1_500);
    expect(r).toMatchObject({ status: null, signal: 'SIGKILL' });
    expect(r.output).toContain('(stopped after 1.5 s)');
    expect(r.seconds).toBeGreaterThanOrEqual(1.5);
    expect((await pool.run(join(dir, 'ok.mjs'), [], dir, 10_000)).output).toBe('ok\n');
  });
});
