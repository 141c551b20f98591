/**
 * The files the site publishes for download: every source table and every derived table, each
 * as CSV and JSON, under a release's stable folder (`downloads/v1.0.0/`) and under
 * `downloads/latest/`, with a Data Package descriptor describing them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { select } from '../dataset.ts';
import type { FieldSchema } from '../schema/table-schema.ts';
import type { SiteData } from '../site-data.ts';
import { releasesFromRows, type Release } from '../release/releases.ts';
import { hasSnapshot, isSnapshotFile, releasesDir, snapshotDataDir } from '../release/snapshots.ts';
import type { CellValue } from './csv-safe.ts';
import { bilingual, type Labels } from '../i18n/labels.ts';
import { decimalsMargin, roundForDownload } from './round.ts';

export interface DownloadTable {
  name: string;
  kind: 'source' | 'derived';
  title: Labels;
  description: Labels;
  fields: Pick<FieldSchema, 'name' | 'type' | 'title' | 'unit' | 'constraints'>[];
  rows: Record<string, CellValue>[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  sources: { document: string; section: string; asOf?: string }[];
}

/**
 * Derived tables: what each is, in both languages, and the decimals each computed column is
 * shown with (metrics use their declared digits). Their columns are read from the rows.
 */
const derivedTables: {
  name: string;
  pick: (s: SiteData) => object[];
  title: DownloadTable['title'];
  description: DownloadTable['description'];
  decimals: (s: SiteData) => (row: Record<string, CellValue>, column: string) => number | undefined;
}[] = [
  { name: 'ward_metrics', pick: (s) => s.derived.wardMetrics, title: { ja: '区別の指標', en: 'Ward metrics' }, description: { ja: '各区の指標値、順位、市全体の値、市全体との比、五分位、分子・分母とその時点。', en: "Each ward's metric values with rank, city value, ratio to the city, quintile, numerator, denominator and their dates." }, decimals: metricDecimals({ ratio_to_city: 2 }) },
  { name: 'city_metrics', pick: (s) => s.derived.cityMetrics, title: { ja: '市全体の指標', en: 'City metrics' }, description: { ja: '市全体の指標値（Σ分子÷Σ分母）。', en: 'City values of each metric (Σ numerator / Σ denominator).' }, decimals: metricDecimals({}) },
  { name: 'category_shares', pick: (s) => s.derived.categoryShares, title: { ja: '内訳の割合', en: 'Category shares' }, description: { ja: '相談元と支援内容の割合。支援内容は重複回答を含みます。', en: 'Shares of consultation sources and support contents (contents allow multiple answers).' }, decimals: fixedDecimals({ share_pct: 1 }) },
  { name: 'budget_changes', pick: (s) => s.derived.budgetChanges, title: { ja: '予算の増減', en: 'Budget changes' }, description: { ja: '事業別・合計の前年度からの増減と増減率。', en: 'Change of each budget line and the total from the previous fiscal year.' }, decimals: fixedDecimals({ change_pct: 1 }) },
  { name: 'budget_per_capita', pick: (s) => s.derived.budgetPerCapita, title: { ja: '市民1人あたりの予算', en: 'Budget per resident' }, description: { ja: '予算を人口・75歳以上人口で割った円。', en: 'Budget in yen per resident and per resident aged 75+.' }, decimals: fixedDecimals({ yen_per_resident: 0, yen_per_resident_aged_75: 0 }) },
  { name: 'settlement_rates', pick: (s) => s.derived.settlementRates, title: { ja: '決算率', en: 'Settlement rates' }, description: { ja: '決算額の予算額に対する割合。', en: 'Settlement as a share of budget.' }, decimals: fixedDecimals({ settlement_pct: 1 }) },
];

/** Decimals shown for a metric's value and city value (its declared digits), and fixed ones for other columns. */
function metricDecimals(fixed: Record<string, number>) {
  return (s: SiteData) => {
    const digits = new Map(s.derived.specs.map((m) => [m.id, m.digits]));
    return (row: Record<string, CellValue>, column: string) =>
      column === 'value' || column === 'city_value' ? digits.get(String(row.metric_id)) : fixed[column];
  };
}
function fixedDecimals(fixed: Record<string, number>) {
  return () => (_row: Record<string, CellValue>, column: string) => fixed[column];
}

/** Decimals for a computed column nobody declared: the metrics' default. */
const undeclaredDecimals = 2;

/** A derived row with every computed number rounded for download (see round.ts). */
function roundRow(row: Record<string, CellValue>, decimalsOf: (row: Record<string, CellValue>, column: string) => number | undefined) {
  const out: Record<string, CellValue> = {};
  for (const [column, v] of Object.entries(row))
    out[column] = typeof v === 'number' ? roundForDownload(v, (decimalsOf(row, column) ?? undeclaredDecimals) + decimalsMargin) : v;
  return out;
}

/** Every downloadable table of a site's data, built once per data folder: each download endpoint asks. */
export function downloadTables(site: SiteData): DownloadTable[] {
  let tables = built.get(site);
  if (!tables) built.set(site, (tables = buildDownloadTables(site)));
  return tables;
}
const built = new WeakMap<SiteData, DownloadTable[]>();

function buildDownloadTables(site: SiteData): DownloadTable[] {
  const sources: DownloadTable[] = [...site.tables.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t) => ({
      name: t.name,
      kind: 'source',
      // Downloads are published in Japanese and English, whatever languages the pages have.
      title: bilingual(t.schema.title),
      description: bilingual(t.schema.description),
      fields: t.schema.fields.map((f) => ({ ...f, title: bilingual(f.title), ...(f.unit ? { unit: bilingual(f.unit) } : {}) })),
      rows: t.rows,
      primaryKey: t.schema.primaryKey,
      foreignKeys: t.schema.foreignKeys,
      sources: t.schema.sources,
    }));
  const derived: DownloadTable[] = derivedTables.map((d) => {
    const computed = d.pick(site) as Record<string, CellValue>[];
    const decimalsOf = d.decimals(site);
    // Types are read before rounding: a column of ratios stays `number` even where every value rounds to a whole one.
    const fields = inferFields(computed);
    const rows = computed.map((r) => roundRow(r, decimalsOf));
    return { name: d.name, kind: 'derived', title: d.title, description: d.description, fields, rows, sources: [] };
  });
  return [...sources, ...derived];
}

/** Column types of derived rows, read from the values: integer, number, boolean or string. */
function inferFields(rows: readonly Record<string, CellValue>[]): DownloadTable['fields'] {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return names.map((name) => {
    const values = rows.map((r) => r[name]).filter((v) => v !== null && v !== undefined);
    const type = values.every((v) => typeof v === 'boolean')
      ? 'boolean'
      : values.every((v) => typeof v === 'number')
        ? values.every((v) => Number.isInteger(v))
          ? 'integer'
          : 'number'
        : 'string';
    return { name, type, title: { ja: name, en: name } };
  });
}

/** The release the current data belongs to: the newest version in releases.csv. */
export function currentRelease(site: SiteData): { version: string; released_on: string } {
  const latest = releasesOf(site).at(-1);
  return { version: latest?.version ?? '0.0.0', released_on: latest?.releasedOn ?? '' };
}

/** The release a download folder's data belongs to, and whether the data is still that release's. */
export function folderRelease(site: SiteData, snapshots = releasesDir()): { version: string; releasedOn: string; released: boolean } {
  const r = currentRelease(site);
  return { version: r.version, releasedOn: r.released_on, released: !unreleasedChanges(site, snapshots) };
}

/** Every release in the data's releases.csv, oldest version first. */
export const releasesOf = (site: SiteData): Release[] => releasesFromRows(select(site.tables, 'releases').map((r) => r.row));

/**
 * Whether the data the site is built from differs from the newest release's snapshot: then its
 * figures are not yet released, and the release folder does not hold what the pages show. Every
 * data file a snapshot keeps is compared byte for byte, except the release history itself (a
 * note corrected or a commit recorded in releases.csv changes no figure). A release without a
 * snapshot is published from the current data, so it cannot differ.
 */
export function unreleasedChanges(site: SiteData, snapshots = releasesDir()): boolean {
  // Asked once per page: the answer is kept with the site data, which a dev reload replaces.
  let answers = unreleased.get(site);
  if (!answers) unreleased.set(site, (answers = new Map()));
  let answer = answers.get(snapshots);
  if (answer === undefined) answers.set(snapshots, (answer = differsFromSnapshot(site, snapshots)));
  return answer;
}
const unreleased = new WeakMap<SiteData, Map<string, boolean>>();

function differsFromSnapshot(site: SiteData, snapshots: string): boolean {
  const newest = releasesOf(site).at(-1);
  if (!newest || !hasSnapshot(snapshots, newest.version)) return false;
  const released = snapshotDataDir(snapshots, newest.version);
  const files = (dir: string) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && isSnapshotFile(e.name) && e.name !== 'releases.csv')
      .map((e) => e.name)
      .sort();
  const now = files(site.dataDir);
  const then = files(released);
  if (now.join('\n') !== then.join('\n')) return true;
  return now.some((f) => !existsSync(join(released, f)) || !readFileSync(join(site.dataDir, f)).equals(readFileSync(join(released, f))));
}

/**
 * The download folder pages link to: the newest release's stable folder (`v1.0.0`) while the
 * data is as released, else `latest`, so that a page never shows figures beside a file that
 * holds others. Pages label `latest` as not yet released.
 */
export const stableFolder = (site: SiteData, snapshots = releasesDir()) =>
  unreleasedChanges(site, snapshots) ? 'latest' : `v${currentRelease(site).version}`;

export interface DownloadFolder {
  /** `latest` or `v<version>`. */
  folder: string;
  /** The data folder its files are built from. */
  dataDir: string;
}

/**
 * Every folder the build publishes and the data behind it: `latest` from the current data, and
 * `v<version>` for each release from its snapshot, so a cited URL keeps the data it had. The
 * newest release without a snapshot (a row added by hand) is published from the current data.
 */
export function downloadFolders(site: SiteData, snapshots = releasesDir()): DownloadFolder[] {
  const folders: DownloadFolder[] = [{ folder: 'latest', dataDir: site.dataDir }];
  const newest = currentRelease(site).version;
  for (const r of releasesOf(site))
    if (hasSnapshot(snapshots, r.version)) folders.push({ folder: `v${r.version}`, dataDir: snapshotDataDir(snapshots, r.version) });
  // Pages link to the newest release's folder, so it is always there.
  if (!folders.some((f) => f.folder === `v${newest}`)) folders.push({ folder: `v${newest}`, dataDir: site.dataDir });
  return folders;
}
