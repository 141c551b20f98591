import { describe, expect, it } from 'vitest';
import { changeSummary } from '../../../src/lib/publish/feed.ts';
import type { ReleaseChanges } from '../../../src/lib/release/snapshots.ts';

const table = (name: string, added: number, removed: number, changed: number) =>
  ({ table: name, added: Array(added).fill({}), removed: Array(removed).fill({}), changed: Array(changed).fill({}) }) as never;

describe('changeSummary', () => {
  it('counts the tables and rows of a first release', () => {
    const first: ReleaseChanges = { version: '1.0.0', previous: null, tables: [{ table: 'areas', rows: 20 }, { table: 'population', rows: 18 }] };
    expect(changeSummary(first)).toEqual({ ja: '最初の版：2の表（計38行）を公開。', en: 'First release: 2 tables (38 rows).' });
  });
  it('names each changed table with its rows added, removed and changed, and counts rank moves', () => {
    const next = {
      version: '1.1.0',
      previous: '1.0.0',
      data: { tablesAdded: [], tablesRemoved: [], tables: [table('home_care_facilities', 0, 0, 1), table('population', 1, 0, 1)] },
      ranks: [{ moves: [{}, {}, {}] }, { moves: [] }],
    } as unknown as ReleaseChanges;
    expect(changeSummary(next)).toEqual({
      ja: '版 1.0.0 からの変更：home_care_facilities（追加0行・削除0行・変更1行）、population（追加1行・削除0行・変更1行）。順位の変動3件。',
      en: 'Changes since release 1.0.0: home_care_facilities (0 added, 0 removed, 1 changed); population (1 added, 0 removed, 1 changed). 3 rank changes.',
    });
  });
  it('says so when nothing changed, and nothing without a change report', () => {
    const same = { version: '1.0.1', previous: '1.0.0', data: { tablesAdded: [], tablesRemoved: [], tables: [] }, ranks: [] } as unknown as ReleaseChanges;
    expect(changeSummary(same)?.en).toBe('No data changed since release 1.0.0.');
    expect(changeSummary(null)).toBeNull();
  });
});
