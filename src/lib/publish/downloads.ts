/**
 * The files the site publishes for download: every source table and every derived table, each
 * as CSV and JSON, under a release's stable folder (`downloads/v1.0.0/`) and under
 * `downloads/latest/`, with a Data Package descriptor describing them.
 */
import { select } from '../dataset.ts';
import type { FieldSchema } from '../schema/table-schema.ts';
import type { SiteData } from '../site-data.ts';
import type { Derived } from '../derive/derive-all.ts';
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
 * The derived tables the downloads publish, by their name in the derived data: with the metric
 * declarations (specs), all that the download files read of it (see publish/downloads-input.ts).
 */
export const DOWNLOADED_DERIVED = ['wardMetrics', 'cityMetrics', 'categoryShares', 'budgetChanges', 'budgetPerCapita', 'settlementRates'] as const satisfies readonly (keyof Derived)[];
type DownloadedDerived = (typeof DOWNLOADED_DERIVED)[number];

/**
 * Derived tables: what each is, in both languages, and the decimals each computed column is
 * shown with (metrics use their declared digits). Their columns are read from the rows.
 */
const derivedTables: {
  name: string;
  /** The derived table published (src/lib/derive/derive-all.ts). */
  from: DownloadedDerived;
  title: DownloadTable['title'];
  description: DownloadTable['description'];
  decimals: (s: SiteData) => (row: Record<string, CellValue>, column: string) => number | undefined;
}[] = [
  { name: 'ward_metrics', from: 'wardMetrics', title: { ja: '区別の指標', en: 'Ward metrics' }, description: { ja: '各区の指標値、順位、市全体の値、市全体との比、五分位、分子・分母とその時点。', en: "Each ward's metric values with rank, city value, ratio to the city, quintile, numerator, denominator and their dates." }, decimals: metricDecimals({ ratio_to_city: 2 }) },
  { name: 'city_metrics', from: 'cityMetrics', title: { ja: '市全体の指標', en: 'City metrics' }, description: { ja: '市全体の指標値（Σ分子÷Σ分母）。', en: 'City values of each metric (Σ numerator / Σ denominator).' }, decimals: metricDecimals({}) },
  { name: 'category_shares', from: 'categoryShares', title: { ja: '内訳の割合', en: 'Category shares' }, description: { ja: '相談元と支援内容の割合。支援内容は重複回答を含みます。', en: 'Shares of consultation sources and support contents (contents allow multiple answers).' }, decimals: fixedDecimals({ share_pct: 1 }) },
  { name: 'budget_changes', from: 'budgetChanges', title: { ja: '予算の増減', en: 'Budget changes' }, description: { ja: '事業別・合計の前年度からの増減と増減率。', en: 'Change of each budget line and the total from the previous fiscal year.' }, decimals: fixedDecimals({ change_pct: 1 }) },
  { name: 'budget_per_capita', from: 'budgetPerCapita', title: { ja: '市民1人あたりの予算', en: 'Budget per resident' }, description: { ja: '予算を人口・75歳以上人口で割った円。', en: 'Budget in yen per resident and per resident aged 75+.' }, decimals: fixedDecimals({ yen_per_resident: 0, yen_per_resident_aged_75: 0 }) },
  { name: 'settlement_rates', from: 'settlementRates', title: { ja: '決算率', en: 'Settlement rates' }, description: { ja: '決算額の予算額に対する割合。', en: 'Settlement as a share of budget.' }, decimals: fixedDecimals({ settlement_pct: 1 }) },
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
    const computed = site.derived[d.from] as unknown as Record<string, CellValue>[];
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
