import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataFile } from '../../../src/lib/load/read-data-file.ts';

const work = mkdtempSync(join(tmpdir(), 'read-data-'));
const dir = join(work, 'data');
mkdirSync(dir);
writeFileSync(join(dir, 'a.csv'), 'x\n1\n');
writeFileSync(join(work, 'outside.csv'), 'secret\n');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('readDataFile', () => {
  it('reads a regular file inside the folder', () => {
    const r = readDataFile(dir, 'a.csv', 100);
    expect(r.ok && r.bytes.toString()).toBe('x\n1\n');
  });
  it('follows a link that stays inside the folder', () => {
    symlinkSync('a.csv', join(dir, 'b.csv'));
    const r = readDataFile(dir, 'b.csv', 100);
    expect(r.ok && r.bytes.toString()).toBe('x\n1\n');
  });
  it('refuses a link that leaves the folder, to a file or a device', () => {
    symlinkSync(join(work, 'outside.csv'), join(dir, 'c.csv'));
    symlinkSync('../outside.csv', join(dir, 'd.csv'));
    symlinkSync('/dev/zero', join(dir, 'e.csv'));
    expect(readDataFile(dir, 'c.csv', 100)).toMatchObject({ ok: false, reason: 'outside' });
    expect(readDataFile(dir, 'd.csv', 100)).toMatchObject({ ok: false, reason: 'outside' });
    expect(readDataFile(dir, 'e.csv', 100)).toMatchObject({ ok: false, reason: 'outside', target: '/dev/zero' });
  });
  it('refuses a folder and a named pipe without blocking', () => {
    mkdirSync(join(dir, 'f.csv'));
    execFileSync('mkfifo', [join(dir, 'g.csv')]);
    expect(readDataFile(dir, 'f.csv', 100)).toMatchObject({ ok: false, reason: 'not-a-file', kind: 'directory' });
    expect(readDataFile(dir, 'g.csv', 100)).toMatchObject({ ok: false, reason: 'not-a-file', kind: 'fifo' });
  });
  it('refuses a file above its limit and reports a missing one', () => {
    expect(readDataFile(dir, 'a.csv', 3)).toEqual({ ok: false, reason: 'too-large', size: 4, limit: 3 });
    expect(readDataFile(dir, 'none.csv', 3)).toEqual({ ok: false, reason: 'missing' });
  });
});
