/**
 * Where each ward of a city sits on its tile map: the authored positions in ward_tiles of that
 * city's own wards, and for a city without them (or a ward left out) a generated grid in code
 * order, so a city is never drawn with another city's map. A ward's city is read from areas.csv
 * alone (its parent_code), so the two tables can never disagree about it.
 */
import { select, type Tables } from '../dataset.ts';

export interface TilePosition {
  code: string;
  row: number;
  col: number;
}

export function tilePositions(tables: Tables, members: readonly string[]): TilePosition[] {
  const authored = new Map(
    select(tables, 'ward_tiles')
      .filter((r) => members.includes(String(r.row.area_code)))
      .map((r) => [String(r.row.area_code), { code: String(r.row.area_code), row: Number(r.row.tile_row), col: Number(r.row.tile_col) }]),
  );
  const missing = members.filter((m) => !authored.has(m));
  if (missing.length === 0) return [...authored.values()];
  // Wards without a position go in rows of their own under the authored ones.
  const width = authored.size ? Math.max(...[...authored.values()].map((t) => t.col)) + 1 : Math.ceil(Math.sqrt(missing.length));
  const top = authored.size ? Math.max(...[...authored.values()].map((t) => t.row)) + 1 : 0;
  const generated = missing.map((code, i) => ({ code, row: top + Math.floor(i / width), col: i % width }));
  return [...authored.values(), ...generated];
}
