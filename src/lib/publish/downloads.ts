/**
 * The files the site publishes for download: every source table and every derived table, each
 * as CSV and JSON, under a release's stable folder (`downloads/v1.0.0/`) and under
 * `downloads/latest/`, with a Data Package descriptor describing them.
 */
import { select } from '../dataset.ts';
import type { FieldSchema } from '../schema/table-schema.ts';
import type { SiteData } from '../site-data.ts';
import { releasesFromRows, type Release } from '../release/releases.ts';
import { hasSnapshot, releasesDir, snapshotDataDir } from '../release/snapshots.ts';
import type { CellValue } from './csv-safe.ts';

export interface DownloadTable {
  name: string;
  kind: 'source' | 'derived';
  title: { ja: string; en: string };
  description: { ja: string; en: string };
  fields: Pick<FieldSchema, 'name' | 'type' | 'title' | 'unit' | 'constraints'>[];
  rows: Record<string, CellValue>[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  sources: { document: string; section: string; asOf?: string }[];
}

/** Derived tables: what each is, in both languages. Their columns are read from the rows. */
const derivedTables: { name: string; pick: (s: SiteData) => object[]; title: DownloadTable['title']; description: DownloadTable['description'] }[] = [
  { name: 'ward_metrics', pick: (s) => s.derived.wardMetrics, title: { ja: '区別の指標', en: 'Ward metrics' }, description: { ja: '各区の指標値、順位、市全体の値、市全体との比、五分位、分子・分母とその時点。', en: "Each ward's metric values with rank, city value, ratio to the city, quintile, numerator, denominator and their dates." } },
  { name: 'city_metrics', pick: (s) => s.derived.cityMetrics, title: { ja: '市全体の指標', en: 'City metrics' }, description: { ja: '市全体の指標値（Σ分子÷Σ分母）。', en: 'City values of each metric (Σ numerator / Σ denominator).' } },
  { name: 'category_shares', pick: (s) => s.derived.categoryShares, title: { ja: '内訳の割合', en: 'Category shares' }, description: { ja: '相談元と支援内容の割合。支援内容は重複回答を含みます。', en: 'Shares of consultation sources and support contents (contents allow multiple answers).' } },
  { name: 'budget_changes', pick: (s) => s.derived.budgetChanges, title: { ja: '予算の増減', en: 'Budget changes' }, description: { ja: '事業別・合計の前年度からの増減と増減率。', en: 'Change of each budget line and the total from the previous fiscal year.' } },
  { name: 'budget_per_capita', pick: (s) => s.derived.budgetPerCapita, title: { ja: '市民1人あたりの予算', en: 'Budget per resident' }, description: { ja: '予算を人口・75歳以上人口で割った円。', en: 'Budget in yen per resident and per resident aged 75+.' } },
  { name: 'settlement_rates', pick: (s) => s.derived.settlementRates, title: { ja: '決算率', en: 'Settlement rates' }, description: { ja: '決算額の予算額に対する割合。', en: 'Settlement as a share of budget.' } },
];

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
      title: t.schema.title,
      description: t.schema.description,
      fields: t.schema.fields,
      rows: t.rows,
      primaryKey: t.schema.primaryKey,
      foreignKeys: t.schema.foreignKeys,
      sources: t.schema.sources,
    }));
  const derived: DownloadTable[] = derivedTables.map((d) => {
    const rows = d.pick(site) as Record<string, CellValue>[];
    return { name: d.name, kind: 'derived', title: d.title, description: d.description, fields: inferFields(rows), rows, sources: [] };
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

/** Every release in the data's releases.csv, oldest version first. */
export const releasesOf = (site: SiteData): Release[] => releasesFromRows(select(site.tables, 'releases').map((r) => r.row));

/** The current release's stable folder (`v1.0.0`), which pages link their downloads to. */
export const stableFolder = (site: SiteData) => `v${currentRelease(site).version}`;

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
