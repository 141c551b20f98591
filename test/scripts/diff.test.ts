/**
 * `npm run diff` on a throwaway git repository: two commits of data/ with known edits, compared
 * by revision, against the working tree, and against the latest release; refusals exit 2 with a
 * message that says what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, tempRepoWithData, type TempRepo } from './temp-git-repo.ts';

let repo: TempRepo;
let first: string;
let second: string;
let broken: string;
const diff = (...args: string[]) => runScript('scripts/diff.ts', [...args, '--repo', repo.dir]);

beforeAll(() => {
  repo = tempRepoWithData();
  first = repo.commit('data as published');
  // 西区: population 97,711 → 97,800 and clinics 12 → 15, which moves it from 4th to 2nd in
  // clinics per 10,000 population (15 / 97,800 × 10,000 = 1.5337, after 都筑区's 1.7556 and
  // before 中区's 1.4905); a population row added for 2014; 都筑区's hub removed.
  repo.edit('data/population.csv', (t) => t.replace('14103,2015-01-01,97711,', '14103,2015-01-01,97800,') + '14103,2014-01-01,97000,9000,9.3\n');
  repo.edit('data/home_care_facilities.csv', (t) => t.replace('14103,2015-10-31,12,', '14103,2015-10-31,15,'));
  repo.edit('data/hubs.csv', (t) => t.split('\n').filter((l) => !l.startsWith('14118,')).join('\n'));
  second = repo.commit('new figures');
  repo.edit('data/population.csv', (t) => t.replace('14103,2015-01-01,97800,', '14103,2015-01-01,97,800,'));
  broken = repo.commit('a broken cell');
  repo.git('revert', '--no-edit', 'HEAD');
});
afterAll(() => repo.remove());

describe('npm run diff', () => {
  it('compares two revisions: a summary line per table, a line per row, rank moves', () => {
    const r = diff(first, second);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`データの差分 / Data diff: ${first} (${first.slice(0, 7)}) → ${second} (${second.slice(0, 7)})\n`);
    expect(r.stdout).toContain(
      [
        'population.csv: 追加1行・削除0行・変更1行 / 1 added, 0 removed, 1 changed',
        '  追加 14103 西区 (2014-01-01): population 97000, aged_75_plus 9000, aged_75_plus_share_printed_pct 9.3',
        '  変更 14103 西区 (2015-01-01): population 97711 → 97800',
      ].join('\n'),
    );
    expect(r.stdout).toContain('home_care_facilities.csv: 追加0行・削除0行・変更1行 / 0 added, 0 removed, 1 changed\n  変更 14103 西区 (2015-10-31): support_clinics 12 → 15\n');
    expect(r.stdout).toContain('hubs.csv: 追加0行・削除1行・変更0行 / 0 added, 1 removed, 0 changed\n  削除 14118 都筑区 (2016-02-19): ');
    expect(r.stdout).toMatch(
      /\nsupport_clinics_per_10k_population [^\n]+: 順位の変動3区 \/ 3 wards moved\n {2}14102 神奈川区: 3位 → 4位（18区中） \/ rank 3 → 4 of 18 \(1\.2717 → 1\.2717\)\n {2}14103 西区: 4位 → 2位（18区中） \/ rank 4 → 2 of 18 \(1\.2281 → 1\.5337\)\n {2}14104 中区: 2位 → 3位（18区中） \/ rank 2 → 3 of 18 \(1\.4905 → 1\.4905\)\n/,
    );
  });

  it('--json prints the same diff as data', () => {
    const r = diff(first, second, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.before).toEqual({ label: `${first} (${first.slice(0, 7)})`, revision: first });
    expect(out.tables.map((t: { table: string; added: unknown[]; removed: unknown[]; changed: unknown[] }) => [t.table, t.added.length, t.removed.length, t.changed.length])).toEqual([
      ['home_care_facilities', 0, 0, 1],
      ['hubs', 0, 1, 0],
      ['population', 1, 0, 1],
    ]);
    const metric = out.ranks.find((m: { metricId: string }) => m.metricId === 'support_clinics_per_10k_population');
    expect(metric.moves.find((m: { areaCode: string }) => m.areaCode === '14103')).toMatchObject({ rankBefore: 4, rankAfter: 2, valueAfter: (15 / 97800) * 10000 });
  });

  it('compares with the working tree when given one revision, reading the repository it runs in', () => {
    repo.edit('data/areas.csv', (t) => t.replace(',Nishi Ward,', ',Nishi-ku,'));
    try {
      const r = runScript('scripts/diff.ts', ['HEAD'], repo.dir);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('→ 作業ツリー / working tree\n');
      expect(r.stdout).toContain('areas.csv: 追加0行・削除0行・変更1行 / 0 added, 0 removed, 1 changed\n  変更 14103 西区: name_en Nishi Ward → Nishi-ku\n');
      expect(r.stdout).toContain('順位の変動はありません / no rank moved');
    } finally {
      repo.git('checkout', '--', 'data/areas.csv');
    }
  });

  it('defaults to the latest release that records its commit', () => {
    // The copy's only release (1.0.0) has no revision yet: there is no default base.
    const none = diff();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('差分を作れません: data/releases.csv にコミットが記録された版がないため、比較の基準を決められません。');
    expect(none.stderr).toContain('/ cannot compare: no release in data/releases.csv records a git revision, so there is no default base: name one (e.g. npm run diff -- HEAD~1)');

    repo.edit('data/releases.csv', (t) => t.replace('1.0.0,2026-11-23,,', `1.0.0,2026-11-23,${first},`));
    try {
      const r = diff();
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`データの差分 / Data diff: 1.0.0 (${first.slice(0, 7)}) → 作業ツリー / working tree\n`);
      expect(r.stdout).toContain('  変更 14103 西区 (2015-01-01): population 97711 → 97800\n');
      // The release row itself is part of the data: its revision was filled in.
      expect(r.stdout).toContain(`releases.csv: 追加0行・削除0行・変更1行 / 0 added, 0 removed, 1 changed\n  変更 version=1.0.0 (2026-11-23): git_revision （空欄 / empty） → ${first}\n`);
    } finally {
      repo.git('checkout', '--', 'data/releases.csv');
    }
  });

  it('says so when the latest release records a commit this repository does not have', () => {
    const missing = 'f'.repeat(40);
    repo.edit('data/releases.csv', (t) => t.replace('1.0.0,2026-11-23,,', `1.0.0,2026-11-23,${missing},`));
    try {
      const r = diff();
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`最新の版 1.0.0 のコミット ${missing} がこのリポジトリにありません`);
      expect(r.stderr).toContain(`the latest release 1.0.0 records commit ${missing}, which this repository does not have`);
    } finally {
      repo.git('checkout', '--', 'data/releases.csv');
    }
  });

  it('exits 2 on a revision that does not exist', () => {
    const r = diff('no-such-branch');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('差分を作れません: リビジョン「no-such-branch」がこのリポジトリにありません / cannot compare: revision "no-such-branch" does not exist in this repository\n');
  });

  it('exits 2 when the data at a revision has errors, and names them', () => {
    const r = diff(second, broken);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`差分を作れません: ${broken} (${broken.slice(0, 7)}) のデータにエラーが1件あります / cannot compare: the data at ${broken} (${broken.slice(0, 7)}) has 1 errors\n`);
    expect(r.stderr).toContain('\ndata/population.csv:4:6: error: セルが多すぎます（5列のはずが6列） / extra cells (expected 5, found 6)\n');
  });

  it('exits 2 outside a git repository', () => {
    const r = runScript('scripts/diff.ts', ['HEAD', '--repo', '/']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('「/」はgitリポジトリではありません / cannot compare: "/" is not a git repository');
  });
});
