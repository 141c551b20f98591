/**
 * A tile-grid map: one equal square per ward at its authored row and column, filled by quintile
 * and printing the ward's name and value, so the map reads without colour.
 */
import * as Plot from '@observablehq/plot';
import { noDataFill, quintileFill, quintileText } from './palette.ts';

export interface Tile {
  row: number;
  col: number;
  name: string;
  valueText: string;
  quintile: number | null;
}

export function tileMap(tiles: readonly Tile[]): Plot.PlotOptions {
  const cols = Math.max(...tiles.map((t) => t.col)) + 1;
  const rows = Math.max(...tiles.map((t) => t.row)) + 1;
  const size = 66;
  const fill = (t: Tile) => (t.quintile ? quintileFill[t.quintile - 1]! : noDataFill);
  const ink = (t: Tile) => (t.quintile ? quintileText[t.quintile - 1]! : '#000000');
  return {
    width: cols * size,
    height: rows * size,
    margin: 0,
    padding: 0.06,
    style: { fontSize: '12px' },
    x: { axis: null, domain: [...Array(cols).keys()] },
    y: { axis: null, domain: [...Array(rows).keys()] },
    marks: [
      Plot.cell(tiles, { x: 'col', y: 'row', fill, rx: 4 }),
      Plot.text(tiles, { x: 'col', y: 'row', text: 'name', dy: -9, fill: ink, fontWeight: 700 }),
      Plot.text(tiles, { x: 'col', y: 'row', text: 'valueText', dy: 9, fill: ink }),
    ],
  };
}
