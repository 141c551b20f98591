import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeInBackground } from '../../../src/lib/publish/file-writer.ts';
import { settle } from '../../../src/lib/publish/pending-writes.ts';

const dir = mkdtempSync(join(tmpdir(), 'writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeInBackground', () => {
  it('writes every file, making its folders, by the time the build settles', async () => {
    writeInBackground([
      [join(dir, 'a', 'charts', 'x.svg'), '<svg>日本語</svg>'],
      [join(dir, 'a', 'charts', 'x', 'index.html'), '<p>embed</p>'],
    ]);
    writeInBackground([[join(dir, 'b', 'y.svg'), '<svg/>']]);
    await settle();
    expect(readFileSync(join(dir, 'a', 'charts', 'x.svg'), 'utf8')).toBe('<svg>日本語</svg>');
    expect(readFileSync(join(dir, 'a', 'charts', 'x', 'index.html'), 'utf8')).toBe('<p>embed</p>');
    expect(readFileSync(join(dir, 'b', 'y.svg'), 'utf8')).toBe('<svg/>');
  });

  it('fails the build when a file cannot be written', async () => {
    // A file where a folder is needed: the write fails on the writer thread.
    writeFileSync(join(dir, 'blocker'), '');
    writeInBackground([[join(dir, 'blocker', 'z.svg'), '<svg/>']]);
    await expect(settle()).rejects.toThrow(/ENOTDIR|EEXIST/);
  });
});
