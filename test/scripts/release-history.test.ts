/**
 * Two releases from two data folders, end to end: the snapshot of 1.0.0, known edits, release
 * 1.1.0 with its snapshot and change report, then a build from that repository whose update-history
 * page shows the changes and whose stable download folders keep each release's own data.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSnapshotFile } from '../../src/lib/release/snapshots.ts';
import { firstReleaseData, runScript, tempRepoWithData, type TempRepo } from './temp-git-repo.ts';

let repo: TempRepo;
const work = mkdtempSync(join(tmpdir(), 'release-history-'));
const site = join(work, 'site');
let releaseOutput: ReturnType<typeof runScript>;
const read = (...path: string[]) => readFileSync(join(repo.dir, ...path), 'utf8');
const changes = (version: string) => JSON.parse(read('releases', version, 'changes.json'));
const rowsOf = (file: string) => readFileSync(join(firstReleaseData, file), 'utf8').split('\n').filter((l) => l !== '').length - 1;

beforeAll(() => {
  repo = tempRepoWithData();
  repo.commit('data as published in 1.0.0');
  // 1.0.0 is already in releases.csv, as in the project: its snapshot is written afterwards.
  const first = runScript('scripts/release.ts', ['1.0.0', '--snapshot-only', '--repo', repo.dir]);
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  repo.commit('snapshot of 1.0.0');

  // The known changes: 西区's population, an added (older) population row, and 西区's clinics
  // 12 → 15, which moves it from 4th to 2nd per 10,000 population (see diff-data.test.ts).
  repo.edit('data/population.csv', (t) => t.replace('14103,2015-01-01,97711,9234,9.5', '14103,2015-01-01,97800,9234,9.5') + '14103,2014-01-01,97000,9000,9.3\n');
  repo.edit('data/home_care_facilities.csv', (t) => t.replace('14103,2015-10-31,12,0,7,', '14103,2015-10-31,15,0,7,'));
  repo.commit('new figures for 西区');
  releaseOutput = runScript('scripts/release.ts', ['1.1.0', '--note-ja', '西区の数値を更新', '--note-en', 'Updated figures for Nishi', '--date', '2026-12-01', '--repo', repo.dir]);
  repo.commit('release 1.1.0');

  const build = spawnSync(process.execPath, ['scripts/build.ts'], {
    env: { ...process.env, DATA_DIR: join(repo.dir, 'data'), OUT_DIR: site, RELEASES_DIR: join(repo.dir, 'releases') },
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
});
afterAll(() => {
  repo?.remove();
  rmSync(work, { recursive: true, force: true });
});

describe('release snapshots', () => {
  it('release 1.1.0 writes its snapshot and says so', () => {
    expect(releaseOutput.stderr).toBe('');
    expect(releaseOutput.status).toBe(0);
    expect(releaseOutput.stdout).toContain('スナップショットを releases/1.1.0/ に書きました / wrote the snapshot to releases/1.1.0/\n');
    expect(releaseOutput.stdout).toContain('データの差分 / Data diff: 1.0.0 → 1.1.0\n');
    expect(releaseOutput.stdout).toContain('  変更 14103 西区 (2015-10-31): support_clinics 12 → 15\n');
  });

  it('each snapshot is a copy of the data as released, outside data/', () => {
    // A snapshot keeps the data (the top-level tables, schemas and metric declarations), not the
    // site's configuration nor data/glossary/, which is site text.
    const files = readdirSync(join(repo.dir, 'data'), { withFileTypes: true }).filter((e) => e.isFile() && isSnapshotFile(e.name)).map((e) => e.name).sort();
    expect(files).not.toContain('site.json');
    expect(files.length).toBeGreaterThan(20);
    for (const version of ['1.0.0', '1.1.0']) expect(readdirSync(join(repo.dir, 'releases', version, 'data')).sort(), version).toEqual(files);
    // The repository started from the project's first release: its 1.0.0 snapshot is the project's.
    for (const f of files) expect(read('releases', '1.0.0', 'data', f), f).toBe(readFileSync(join(firstReleaseData, f), 'utf8'));
    for (const f of files) expect(read('releases', '1.1.0', 'data', f), f).toBe(read('data', f));
    expect(read('releases', '1.1.0', 'data', 'population.csv')).toContain('14103,2015-01-01,97800,');
    expect(read('releases', '1.1.0', 'data', 'releases.csv').trim().split('\n').at(-1)).toMatch(/^1\.1\.0,2026-12-01,[0-9a-f]{40},/);
  });

  it('the first release lists what it published', () => {
    const tables = readdirSync(firstReleaseData).filter((f) => f.endsWith('.csv')).sort().map((f) => ({ table: f.slice(0, -4), rows: rowsOf(f) }));
    expect(changes('1.0.0')).toEqual({ version: '1.0.0', previous: null, tables });
  });

  it('the next release records exactly the known changes against the previous snapshot', () => {
    const c = changes('1.1.0');
    expect(c.version).toBe('1.1.0');
    expect(c.previous).toBe('1.0.0');
    expect(c.data).toEqual({
      tablesAdded: [],
      tablesRemoved: [],
      tables: [
        {
          table: 'home_care_facilities', status: 'changed', rowsBefore: 19, rowsAfter: 19,
          columnsAdded: [], columnsRemoved: [], primaryKeyChanged: null, rowsMatched: true, added: [], removed: [],
          changed: [
            {
              key: { area_code: '14103', as_of: '2015-10-31' }, area: { code: '14103', nameJa: '西区' }, vintage: '2015-10-31', rest: {},
              lineBefore: 4, lineAfter: 4, changes: [{ column: 'support_clinics', before: 12, after: 15 }],
            },
          ],
        },
        {
          table: 'population', status: 'changed', rowsBefore: 18, rowsAfter: 19,
          columnsAdded: [], columnsRemoved: [], primaryKeyChanged: null, rowsMatched: true,
          added: [
            {
              key: { area_code: '14103', as_of: '2014-01-01' }, area: { code: '14103', nameJa: '西区' }, vintage: '2014-01-01', rest: {}, lineAfter: 20,
              row: { area_code: '14103', as_of: '2014-01-01', population: 97000, aged_75_plus: 9000, aged_75_plus_share_printed_pct: 9.3 },
              changes: [],
            },
          ],
          removed: [],
          changed: [
            {
              key: { area_code: '14103', as_of: '2015-01-01' }, area: { code: '14103', nameJa: '西区' }, vintage: '2015-01-01', rest: {},
              lineBefore: 4, lineAfter: 4, changes: [{ column: 'population', before: 97711, after: 97800 }],
            },
          ],
        },
      ],
    });
    // Worked out by hand in diff-data.test.ts: 西区 15/97,800 passes 中区 and 神奈川区.
    const perPopulation = c.ranks.find((m: { metricId: string }) => m.metricId === 'support_clinics_per_10k_population');
    expect(perPopulation.moves).toEqual([
      { cityCode: '14100', areaCode: '14102', nameJa: '神奈川区', rankBefore: 3, rankAfter: 4, rankOfBefore: 18, rankOfAfter: 18, valueBefore: (30 / 235901) * 10000, valueAfter: (30 / 235901) * 10000 },
      { cityCode: '14100', areaCode: '14103', nameJa: '西区', rankBefore: 4, rankAfter: 2, rankOfBefore: 18, rankOfAfter: 18, valueBefore: (12 / 97711) * 10000, valueAfter: (15 / 97800) * 10000 },
      { cityCode: '14100', areaCode: '14104', nameJa: '中区', rankBefore: 2, rankAfter: 3, rankOfBefore: 18, rankOfAfter: 18, valueBefore: (22 / 147600) * 10000, valueAfter: (22 / 147600) * 10000 },
    ]);
    // The other clinic metrics move too (same numerator). Ranks follow the displayed values: care-need
    // certified per 10,000 shows no decimals, and 西区 3,797 / 97,711 × 10,000 = 388.6 → 389 tied
    // 神奈川区's 9,185 / 235,901 × 10,000 = 389.4 → 389; over 97,800 it is 388.2 → 388, one rank lower.
    expect(c.ranks.map((m: { metricId: string }) => m.metricId)).toEqual(['support_clinics_per_10k_population', 'support_clinics_per_10k_aged_75', 'care_need_certified_per_10k_population', 'support_clinic_share']);
    const careNeed = c.ranks.find((m: { metricId: string }) => m.metricId === 'care_need_certified_per_10k_population');
    expect(careNeed.moves.map((m: { areaCode: string; rankBefore: number; rankAfter: number }) => [m.areaCode, m.rankBefore, m.rankAfter])).toEqual([['14103', 11, 12]]);
  });
});

describe('the build from two releases', () => {
  const page = (path: string) => parseHTML(readFileSync(join(site, path, 'index.html'), 'utf8')).document;
  const rowTexts = (doc: Document) => [...doc.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));

  it('the update-history page lists 1.1.0 before 1.0.0 with its changed values and rank moves', () => {
    const doc = page('releases');
    expect([...doc.querySelectorAll('section[aria-labelledby^="v"] > h2')].map((h) => h.textContent)).toEqual(['版 1.1.0（2026年12月1日）', '版 1.0.0（2026年11月23日）']);
    const section = doc.querySelector('section[aria-labelledby="v1-1-0"]')!;
    expect(section.textContent).toContain('西区の数値を更新');
    expect(section.textContent).toContain('版 1.0.0 からの変更');
    expect(section.querySelector('a[href="/downloads/v1.1.0/datapackage.json"]')).not.toBeNull();
    const rows = rowTexts(section as unknown as Document);
    expect(rows).toContainEqual(['区別人口と75歳以上人口（population）', '西区（14103）', '2015年1月1日', '人口', '97711', '97800']);
    expect(rows).toContainEqual(['在宅療養支援診療所・病院と訪問看護ステーション（home_care_facilities）', '西区（14103）', '2015年10月31日', '在宅療養支援診療所', '12', '15']);
    expect(rows).toContainEqual(['区別人口と75歳以上人口（population）', '追加', '西区（14103）', '2014年1月1日', '人口 97000、75歳以上人口 9000、75歳以上の割合（資料の印字値） 9.3']);
    expect(rows).toContainEqual(['在宅療養支援診療所（人口1万人あたり）', '西区（14103）', '4位 → 2位（18区中）', '1.23 → 1.53']);
    // The first release lists its tables.
    expect(doc.querySelector('section[aria-labelledby="v1-0-0"]')!.textContent).toContain('公開した表');
  });

  it('the English page says the same in English', () => {
    const doc = page('en/releases');
    expect(doc.querySelector('h1')!.textContent).toBe('Update history');
    const rows = rowTexts(doc);
    expect(rows).toContainEqual(['Population and population aged 75+ by ward (population)', 'Nishi Ward (14103)', '1 Jan 2015', 'Population', '97711', '97800']);
    expect(rows).toContainEqual(['Home-care support clinics per 10,000 population', 'Nishi Ward (14103)', '4 → 2 of 18', '1.23 → 1.53']);
  });

  it("each release's downloads keep that release's data at a stable URL", () => {
    const file = (folder: string, name: string) => readFileSync(join(site, 'downloads', folder, name), 'utf8');
    expect(file('v1.0.0', 'population.csv')).toContain('14103,2015-01-01,97711,');
    expect(file('v1.0.0', 'population.csv')).not.toContain('97800');
    for (const folder of ['v1.1.0', 'latest']) {
      expect(file(folder, 'population.csv'), folder).toContain('14103,2015-01-01,97800,');
      expect(file(folder, 'population.csv'), folder).toContain('14103,2014-01-01,97000,');
    }
    expect(JSON.parse(file('v1.0.0', 'datapackage.json')).version).toBe('1.0.0');
    expect(JSON.parse(file('v1.1.0', 'datapackage.json')).version).toBe('1.1.0');
    expect(JSON.parse(file('latest', 'datapackage.json')).version).toBe('1.1.0');
    // Derived tables follow their release's data too: 西区's clinic rank.
    const rank = (folder: string) =>
      file(folder, 'derived/ward_metrics.csv').split(/\r?\n/).find((l) => l.includes('support_clinics_per_10k_population') && l.includes('14103'));
    expect(rank('v1.0.0')).not.toBe(rank('v1.1.0'));
  });
});
