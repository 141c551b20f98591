/**
 * The frozen data folder is the 1.0.0 release: the same data files as its snapshot, byte for byte.
 * Beside them, what a snapshot does not keep: the site configuration, the glossary and the
 * consistency rules (declared after 1.0.0, and run on every release's data as they are today).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frozenData } from './fixtures/frozen-data.ts';

const snapshot = resolve(import.meta.dirname, '../releases/1.0.0/data');

describe('the frozen data folder', () => {
  it('holds the data files of release 1.0.0, unchanged, with the configuration, glossary and consistency rules beside them', () => {
    const files = readdirSync(snapshot).sort();
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) expect(readFileSync(join(frozenData, file)).equals(readFileSync(join(snapshot, file))), file).toBe(true);
    expect(readdirSync(frozenData).filter((f) => !files.includes(f)).sort()).toEqual(['consistency.json', 'glossary', 'site.json']);
  });
});
