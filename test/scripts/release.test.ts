/**
 * `npm run release` on a throwaway git repository: it appends a release row recording HEAD, shows
 * what changed since the previous release, and refuses uncommitted data, data with errors, and
 * versions that do not move forward.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, tempRepoWithData, type TempRepo } from './temp-git-repo.ts';

let repo: TempRepo;
let published: string;
let updated: string;
const release = (...args: string[]) => runScript('scripts/release.ts', [...args, '--repo', repo.dir]);
const releasesCsv = () => readFileSync(join(repo.dir, 'data/releases.csv'), 'utf8');

beforeAll(() => {
  repo = tempRepoWithData();
  published = repo.commit('data as published');
  // 1.0.0 records its commit once that commit exists, then new figures arrive.
  repo.edit('data/releases.csv', (t) => t.replace('1.0.0,2026-11-23,,', `1.0.0,2026-11-23,${published},`));
  repo.commit('record the commit of release 1.0.0');
  repo.edit('data/population.csv', (t) => t.replace('14103,2015-01-01,97711,', '14103,2015-01-01,97800,'));
  updated = repo.commit('new population figure for 西区');
});
afterAll(() => repo.remove());

describe('npm run release', () => {
  it('appends the release with the date and HEAD, and prints the diff from the previous release', () => {
    const before = releasesCsv();
    const r = release('1.1.0', '--note-ja', '西区の人口を訂正、「速報」を反映', '--note-en', 'Corrected Nishi\'s population, "preliminary" figures', '--date', '2026-12-01');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // Notes with a comma or a quote are quoted as RFC 4180 requires.
    expect(releasesCsv()).toBe(`${before}1.1.0,2026-12-01,${updated},西区の人口を訂正、「速報」を反映,"Corrected Nishi's population, ""preliminary"" figures"\n`);
    expect(r.stdout).toContain(`版 1.1.0 を data/releases.csv に追加しました（2026-12-01、コミット ${updated.slice(0, 7)}） / added release 1.1.0 to data/releases.csv (2026-12-01, commit ${updated.slice(0, 7)})\n`);
    expect(r.stdout).toContain(`データの差分 / Data diff: 1.0.0 (${published.slice(0, 7)}) → 1.1.0 (${updated.slice(0, 7)})\n`);
    expect(r.stdout).toContain('population.csv: 追加0行・削除0行・変更1行 / 0 added, 0 removed, 1 changed\n  変更 14103 西区 (2015-01-01): population 97711 → 97800\n');
    // The result is valid data.
    expect(runScript('scripts/validate.ts', [join(repo.dir, 'data')]).status).toBe(0);
  });

  it('refuses while data/ has uncommitted changes: HEAD would not hold the released data', () => {
    const r = release('1.2.0', '--note-ja', 'x', '--note-en', 'x');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('リリースできません: data/ にコミットされていない変更があります。先にデータをコミットしてください / cannot release: data/ has uncommitted changes');
    expect(r.stderr).toContain(' M data/releases.csv');
    repo.commit('release 1.1.0');
  });

  it('refuses a version that is not newer, not of the form 1.2.0, or a date before the last release', () => {
    const notNewer = release('1.0.1', '--note-ja', 'x', '--note-en', 'x', '--date', '2026-12-02');
    expect(notNewer.status).toBe(2);
    expect(notNewer.stderr).toBe('リリースできません: 版 1.0.1 は最新の版 1.1.0 より新しくありません / cannot release: version 1.0.1 is not newer than the latest release 1.1.0\n');
    const badForm = release('v2', '--note-ja', 'x', '--note-en', 'x');
    expect(badForm.status).toBe(2);
    expect(badForm.stderr).toContain('版の番号「v2」は 1.2.0 の形ではありません / cannot release: version "v2" is not of the form 1.2.0');
    const early = release('1.2.0', '--note-ja', 'x', '--note-en', 'x', '--date', '2026-11-30');
    expect(early.status).toBe(2);
    expect(early.stderr).toContain('公開日 2026-11-30 が最新の版の公開日 2026-12-01 より前です');
    const noNote = release('1.2.0', '--note-ja', 'x');
    expect(noNote.status).toBe(2);
    expect(noNote.stderr).toContain('--note-en');
  });

  it('refuses data with errors and leaves releases.csv as it was', () => {
    repo.edit('data/hubs.csv', (t) => t.replace('14103,2016-02-19,', '14103,2016-02-30,'));
    repo.commit('a broken date');
    const before = releasesCsv();
    const r = release('1.2.0', '--note-ja', 'x', '--note-en', 'x', '--date', '2026-12-02');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/data\/hubs\.csv:4:2: error: [^\n]+2016-02-30/);
    expect(r.stderr).toContain('リリースを中止しました: データにエラーが1件あります / release refused: the data has 1 errors');
    expect(releasesCsv()).toBe(before);
  });

  it('keeps the notes of a releases.csv that Excel saved as Shift_JIS or with a byte-order mark, which validate accepts', () => {
    const note = readFileSync('data/releases.csv', 'utf8').split('\n')[1]!.split(',')[3]!;
    expect(note).toMatch(/^横浜市18区/);
    for (const [encoding, bytes, first] of [
      ['shift_jis', (t: string) => iconv.encode(t, 'cp932'), ''],
      ['bom', (t: string) => Buffer.from('\uFEFF' + t), '\uFEFF'],
    ] as const) {
      const fresh = tempRepoWithData();
      try {
        const file = join(fresh.dir, 'data/releases.csv');
        const before = readFileSync(file, 'utf8');
        writeFileSync(file, bytes(before));
        fresh.commit(`releases.csv as ${encoding}`);
        const r = runScript('scripts/release.ts', ['1.0.1', '--note-ja', '訂正', '--note-en', 'Fix', '--date', '2026-11-24'], fresh.dir);
        expect(r.stderr, encoding).toBe('');
        expect(r.status, encoding).toBe(0);
        // Written back in UTF-8 (a byte-order mark kept), the earlier note intact, the new row after it.
        const after = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(file));
        expect(after, encoding).toBe(`${first}${before}1.0.1,2026-11-24,${fresh.git('rev-parse', 'HEAD')},訂正,Fix\n`);
        if (encoding === 'shift_jis') expect(r.stdout).toContain('data/releases.csv は Shift_JIS だったため、UTF-8 で保存し直しました / data/releases.csv was Shift_JIS and is now saved as UTF-8');
      } finally {
        fresh.remove();
      }
    }
  });

  it('cuts a first release without a diff when no earlier release records its commit', () => {
    const fresh = tempRepoWithData();
    try {
      fresh.commit('data');
      const r = runScript('scripts/release.ts', ['1.0.1', '--note-ja', '訂正', '--note-en', 'Fix', '--date', '2026-11-24'], fresh.dir);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('前の版にコミットが記録されていないため、差分は表示しません / no earlier release records its commit: no diff to show');
    } finally {
      fresh.remove();
    }
  });
});
