/**
 * A valid data directory shaped like data/, for any number of areas and vintages: the same
 * tables, schemas (copied), metric declarations and sources, with the real areas and their real
 * rows kept and a synthetic country around them. Large tables are written row by row.
 *
 * How the generated data keeps the build's consistency checks (src/lib/quality/checks.ts) true:
 * - Yokohama (14100), its 18 wards and Yokosuka keep every real row, so every figure the checks
 *   look up (document figures, hubs, the 2015 hub period, budget FY2020/2021) is still there.
 * - Real areas get synthetic years only beside their real vintage, never on it: a ward with real
 *   2015 population gets synthetic 2016, 2017… Medical institutions get no synthetic years for
 *   areas that have real rows, because the hospital-count check sums every row of Yokohama's wards.
 * - Synthetic hub throughput is per calendar year (yyyy-01-01 to yyyy-12-31). hub_throughput
 *   declares one total row, area 14100, equal to the sum of all other rows of its period; a
 *   synthetic row in Yokohama's real periods (2015-04-01 to 2015-12-31, 2015-04-01 to 2016-03-31)
 *   would break it, and a 14100 row in a synthetic period would have to be a national sum. So the
 *   synthetic periods have no total rows: cities' totals are what the site sums from their wards.
 * - Printed shares and per-month figures are rounded from the same row's figures, so they agree.
 * - hubs, document figures and the other single-document tables are copied verbatim: synthetic
 *   hubs would change Yokohama's count of hubs opened per year.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CsvWriter, type Cell } from './csv-writer.ts';
import { byArea, readRealTable, vintageYear, type RealTable } from './real-tables.ts';
import { syntheticBudget } from './synthetic-budget.ts';
import { planCountry, type AreaKind, type PlannedArea } from './synthetic-country.ts';
import { BASE_YEAR, printedPct, SyntheticFigures } from './synthetic-figures.ts';

export const DEFAULT_SEED = 20150101;
const LAST_YEAR = 2024;
const SOURCE_DOCUMENT = 'yokohama-hub-report-2016';
const GENERATED = [
  'areas', 'population', 'care_need_certified', 'home_care_facilities', 'medical_institutions', 'hub_throughput',
  'budget_lines', 'budget_funding', 'budget_history', 'ward_tiles',
];
/** Files of the real folder the invented country does not get: the boundaries are of the real areas only. */
const WITHOUT = ['boundaries.json', 'boundaries'];

export interface GenerateOptions {
  areas: number;
  vintages: number;
  outDir: string;
  seed?: number;
  /** The real data directory: schemas, sources and real rows come from it. Default: data/. */
  from?: string;
}

export interface GenerateSummary {
  outDir: string;
  areas: number;
  byKind: Record<AreaKind, number>;
  years: number[];
  /** Data rows per generated table. */
  rows: Record<string, number>;
}

/** The years of `vintages` vintages: the real year 2015 first where they fit, ending by 2024. */
export function vintageYears(vintages: number): number[] {
  if (!Number.isInteger(vintages) || vintages < 1) throw new Error('--vintages must be a positive integer');
  const first = Math.min(BASE_YEAR, LAST_YEAR - vintages + 1);
  return Array.from({ length: vintages }, (_, i) => first + i);
}

/** Writes a data directory of `areas` areas and `vintages` vintages into `outDir` (replacing it). */
export function generateDataDir(options: GenerateOptions): GenerateSummary {
  const seed = options.seed ?? DEFAULT_SEED;
  const from = resolve(options.from ?? join(import.meta.dirname, '..', '..', 'data'));
  const outDir = resolve(options.outDir);
  if (outDir === from) throw new Error('the output folder must not be the real data folder');
  const years = vintageYears(options.vintages);
  const real = (name: string) => readRealTable(from, name);

  const areasTable = real('areas');
  if (!areasTable) throw new Error(`no areas.csv in ${from}`);
  const realAreas = new Map(areasTable.records.map((r) => [r.area_code!, r]));
  const plan = planCountry(
    options.areas,
    areasTable.records.map((r) => ({ code: r.area_code!, kind: r.kind as AreaKind, parent: r.parent_code || null })),
    seed,
  );

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // The boundary file holds the real areas only: the invented country has none, and its wards keep their tile maps.
  for (const entry of readdirSync(from))
    if (!GENERATED.some((t) => entry === `${t}.csv`) && !WITHOUT.includes(entry)) cpSync(join(from, entry), join(outDir, entry), { recursive: true });

  const tables = {
    population: real('population'),
    care: real('care_need_certified'),
    facilities: real('home_care_facilities'),
    medical: real('medical_institutions'),
    hub: real('hub_throughput'),
  };
  const figures = new SyntheticFigures(seed, plan, {
    population: byArea(tables.population),
    care: byArea(tables.care),
    facilities: byArea(tables.facilities),
    medical: byArea(tables.medical),
    hub: byArea(tables.hub),
    hubs: byArea(real('hubs')),
  });
  const rows: Record<string, number> = {};
  const notCity = (a: PlannedArea) => a.kind !== 'designated_city';

  rows.areas = writeTable(outDir, 'areas', areasTable, (w) => {
    for (const a of plan) {
      const r = realAreas.get(a.code);
      w.record(areasTable.header, r ?? {
        area_code: a.code, lg_code: a.lgCode, kind: a.kind, parent_code: a.parent, name_ja: a.nameJa, name_kana: a.nameKana, name_en: a.nameEn,
      });
    }
  });

  const perArea = (name: string, table: RealTable | null, synthetic: (a: PlannedArea) => boolean, row: (a: PlannedArea, year: number) => Record<string, Cell>, keepRealOnly = false) => {
    if (!table) return;
    const realRows = byArea(table);
    rows[name] = writeTable(outDir, name, table, (w) => {
      for (const a of plan) {
        const own = realRows.get(a.code) ?? [];
        for (const r of own) w.record(table.header, r);
        realRows.delete(a.code);
        if (!synthetic(a) || (keepRealOnly && own.length > 0)) continue;
        const taken = new Set(own.map((r) => vintageYear(table, r)));
        for (const y of years) if (!taken.has(y)) w.record(table.header, { area_code: a.code, ...row(a, y) });
      }
      for (const rest of realRows.values()) for (const r of rest) w.record(table.header, r);
    });
  };

  perArea('population', tables.population, () => true, (a, y) => {
    const p = figures.population(a.code, y);
    return { as_of: `${y}-01-01`, population: p.population, aged_75_plus: p.aged75, aged_75_plus_share_printed_pct: printedPct(p.aged75, p.population) };
  });
  perArea('care_need_certified', tables.care, notCity, (a, y) => ({ as_of: `${y}-01-01`, care_need_certified: figures.careNeedCertified(a.code, y) }));
  perArea('home_care_facilities', tables.facilities, notCity, (a, y) => {
    const f = figures.homeCareFacilities(a.code, y);
    return { as_of: `${y}-10-31`, support_clinics: f.supportClinics, support_hospitals: f.supportHospitals, visiting_nurse_stations: f.nurseStations, source_document: SOURCE_DOCUMENT };
  });
  perArea('medical_institutions', tables.medical, notCity, (a, y) => {
    const m = figures.medicalInstitutions(a.code, y);
    return { as_of: `${y}-07-01`, clinics: m.clinics, hospitals: m.hospitals };
  }, true);
  perArea('hub_throughput', tables.hub, notCity, (a, y) => {
    const h = figures.hubThroughput(a.code, y);
    const perMonth = (v: number | null) => (v === null ? null : Math.round(v / h.months));
    return {
      period_start: `${y}-01-01`, period_end: `${y}-12-31`, months_active: h.months,
      new_clients: h.newClients, new_clients_per_month_printed: perMonth(h.newClients), continuing_clients: h.continuingClients,
      support_actions: h.supportActions, support_actions_per_month_printed: perMonth(h.supportActions),
    };
  });

  // Only the authored tile positions are kept: the synthetic cities' wards are drawn on the grid
  // the site generates for a city without positions, which is what a new city would see.
  const tiles = real('ward_tiles');
  if (tiles) rows.ward_tiles = writeTable(outDir, 'ward_tiles', tiles, (w) => tiles.records.forEach((r) => w.record(tiles.header, r)));

  // The site configuration of a synthetic country: about every area, credited as made up.
  writeFileSync(join(outDir, 'site.json'), JSON.stringify(syntheticSiteConfig(JSON.parse(readFileSync(join(from, 'site.json'), 'utf8'))), null, 2) + '\n');

  const budget = syntheticBudget(seed, years, { lines: real('budget_lines'), funding: real('budget_funding'), history: real('budget_history') });
  for (const [name, extra] of [['budget_lines', budget.lines], ['budget_funding', budget.funding], ['budget_history', budget.history]] as const) {
    const table = real(name);
    if (table) rows[name] = writeTable(outDir, name, table, (w) => [...table.records, ...extra].forEach((r) => w.record(table.header, r)));
  }

  const byKind: Record<AreaKind, number> = { designated_city: 0, city: 0, ward: 0 };
  for (const a of plan) byKind[a.kind]++;
  return { outDir, areas: plan.length, byKind, years, rows };
}

function writeTable(dir: string, name: string, table: RealTable, write: (w: CsvWriter) => void): number {
  const w = new CsvWriter(join(dir, `${name}.csv`), table.header);
  try {
    write(w);
  } finally {
    w.close();
  }
  return w.rows;
}

/**
 * The real configuration with what names the real publication replaced: a synthetic title,
 * credit and introduction, every area in scope, and no key figures tied to one city.
 */
export function syntheticSiteConfig(real: Record<string, unknown>): Record<string, unknown> {
  const { areas: _areas, keyFigures: _figures, redirects: _redirects, ...rest } = real;
  return {
    ...rest,
    title: { ja: '在宅医療・介護連携の統計（試験用の合成データ）', en: 'Home-care statistics (synthetic test data)' },
    description: { ja: '性能試験のために作った架空の全国データです。実在の数値ではありません。', en: 'A made-up national data set for performance tests; not real figures.' },
    publisher: { name: { ja: '試験用データ', en: 'Test data' } },
    credit: { ja: 'このサイトの数値の多くは試験のために作った架空のものです。', en: 'Most figures on this site are made up for testing.' },
    intro: { ja: '架空の全国データで、このサイトの作り方を試すためのページです。', en: 'Pages built from a made-up national data set, to test how the site is built.' },
  };
}
