/**
 * Peer groups of the municipalities: the areas a municipality is comparable with besides the
 * whole list. The other designated cities, for a designated city; and "similar areas" for every
 * municipality — the same population band (bands declared in the site configuration) and the same
 * third of the municipalities by share aged 75+. Computed once from the latest population.
 */
import { ascending } from 'd3-array';
import type { Tables } from '../dataset.ts';

export interface PeerGroup {
  id: string;
  kind: 'designated' | 'similar';
  /** For `similar`: the population band's bounds and the third (1 = youngest) of the 75+ share. */
  band?: { min: number; max: number | null; third: 1 | 2 | 3 };
  members: string[];
}

export const DEFAULT_POPULATION_BANDS = [50_000, 100_000, 200_000, 500_000, 1_000_000];

/** Each municipality's peer groups (only those with at least two members). */
export function derivePeerGroups(tables: Tables, municipalities: readonly string[], bands: readonly number[] = DEFAULT_POPULATION_BANDS): Map<string, PeerGroup[]> {
  const areas = new Map((tables.get('areas')?.rows ?? []).map((r) => [String(r.area_code), r]));
  // The latest population of each municipality: its own row, or its wards' sum at their latest date.
  const latest = new Map<string, { as_of: string; population: number; aged: number }>();
  const parentOf = (code: string) => (areas.get(code)?.parent_code ? String(areas.get(code)!.parent_code) : null);
  const sums = new Map<string, Map<string, { population: number; aged: number }>>();
  for (const row of tables.get('population')?.rows ?? []) {
    if (typeof row.population !== 'number' || typeof row.aged_75_plus !== 'number') continue;
    const code = String(row.area_code);
    const asOf = String(row.as_of);
    const parent = parentOf(code);
    const owner = parent ?? code;
    if (!municipalities.includes(owner)) continue;
    if (parent) {
      const byDate = sums.get(owner) ?? new Map();
      const s = byDate.get(asOf) ?? { population: 0, aged: 0 };
      s.population += row.population;
      s.aged += row.aged_75_plus;
      byDate.set(asOf, s);
      sums.set(owner, byDate);
    } else {
      const cur = latest.get(code);
      if (!cur || asOf > cur.as_of) latest.set(code, { as_of: asOf, population: row.population, aged: row.aged_75_plus });
    }
  }
  for (const [code, byDate] of sums) {
    if (latest.has(code)) continue;
    const asOf = [...byDate.keys()].sort().at(-1)!;
    latest.set(code, { as_of: asOf, ...byDate.get(asOf)! });
  }

  const out = new Map<string, PeerGroup[]>(municipalities.map((m) => [m, []]));
  const designated = municipalities.filter((m) => areas.get(m)?.kind === 'designated_city');
  if (designated.length >= 2) for (const m of designated) out.get(m)!.push({ id: 'designated', kind: 'designated', members: designated });

  const known = municipalities.filter((m) => latest.has(m));
  const shares = known.map((m) => latest.get(m)!.aged / latest.get(m)!.population).sort(ascending);
  const cut1 = shares[Math.floor(shares.length / 3)] ?? 0;
  const cut2 = shares[Math.floor((2 * shares.length) / 3)] ?? 0;
  const keyOf = (m: string) => {
    const p = latest.get(m)!;
    const band = bands.findIndex((b) => p.population < b);
    const i = band < 0 ? bands.length : band;
    const share = p.aged / p.population;
    const third = (share < cut1 ? 1 : share < cut2 ? 2 : 3) as 1 | 2 | 3;
    return { i, third };
  };
  const buckets = new Map<string, string[]>();
  for (const m of known) {
    const { i, third } = keyOf(m);
    const k = `${i}|${third}`;
    buckets.set(k, [...(buckets.get(k) ?? []), m]);
  }
  for (const m of known) {
    const { i, third } = keyOf(m);
    const members = buckets.get(`${i}|${third}`)!;
    if (members.length < 2) continue;
    out.get(m)!.push({ id: `similar-${i}-${third}`, kind: 'similar', band: { min: i === 0 ? 0 : bands[i - 1]!, max: bands[i] ?? null, third }, members });
  }
  return out;
}
