/**
 * A tile-grid map: one equal square per ward at its authored row and column, filled by quintile
 * and printing the ward's name and value, so the map reads without colour. A name wider than its
 * tile is split over two lines (a romanised name at a syllable, with a hyphen), never cut.
 */
import * as Plot from '@observablehq/plot';
import { layout } from './layout.ts';
import { noDataFill, quintileFill, quintileText } from './palette.ts';
import type { ChartSpec } from './render.ts';
import { textWidth } from './text-width.ts';

export interface Tile {
  row: number;
  col: number;
  name: string;
  valueText: string;
  quintile: number | null;
}

const padding = 0.06;
/** Tile text on a phone; the wide drawing uses the charts' size (layout.ts), 11 px or more on paper. */
const phoneFontSize = 12;

/**
 * Drawn across the desktop's width for desktops and paper (tiles of at least 72 px: room for the
 * longest romanised name, Kanagawa, in bold), and with tiles as large as a phone's width allows,
 * where long names take two lines.
 */
export function tileMap(tiles: readonly Tile[]): ChartSpec {
  const cols = Math.max(...tiles.map((t) => t.col)) + 1;
  const wideSize = Math.max(72, Math.floor(layout.wideWidth / cols));
  const phoneSize = Math.min(72, Math.floor(layout.width / cols));
  return { ...tileMapAt(tiles, wideSize), narrow: tileMapAt(tiles, phoneSize) };
}

function tileMapAt(tiles: readonly Tile[], size: number): Plot.PlotOptions {
  const fontSize = size > 72 ? layout.fontSize : phoneFontSize;
  const cols = Math.max(...tiles.map((t) => t.col)) + 1;
  const rows = Math.max(...tiles.map((t) => t.row)) + 1;
  const room = size * (1 - padding) - 3;
  const fill = (t: Tile) => (t.quintile ? quintileFill[t.quintile - 1]! : noDataFill);
  const ink = (t: Tile) => (t.quintile ? quintileText[t.quintile - 1]! : '#000000');
  // Name above the value, the pair centred in the tile.
  const labelled = tiles.map((t) => {
    const name = fitName(t.name, room, fontSize);
    const lines = name.split('\n').length;
    const half = ((lines + 1) * fontSize * 1.25) / 2;
    return { ...t, name, nameDy: -half, valueDy: half };
  });
  return {
    width: cols * size,
    height: rows * size,
    margin: 0,
    padding,
    style: { fontSize: `${fontSize}px` },
    x: { axis: null, domain: [...Array(cols).keys()] },
    y: { axis: null, domain: [...Array(rows).keys()] },
    marks: [
      Plot.cell(labelled, { x: 'col', y: 'row', fill, rx: 4 }),
      ...labelled.map((t) => Plot.text([t], { x: 'col', y: 'row', text: 'name', dy: t.nameDy, lineAnchor: 'top', lineHeight: 1.25, fill: ink, fontWeight: 700 })),
      ...labelled.map((t) => Plot.text([t], { x: 'col', y: 'row', text: 'valueText', dy: t.valueDy, lineAnchor: 'bottom', fill: ink })),
    ],
  };
}

/** The name on one line if it fits `room` px, else on two: romanised names break after a vowel near the middle. */
export function fitName(name: string, room: number, fontSize = phoneFontSize): string {
  if (textWidth(name, fontSize, true) <= room) return name;
  const chars = [...name];
  if (!/^[A-Za-z]+$/.test(name)) {
    const half = Math.ceil(chars.length / 2);
    return `${chars.slice(0, half).join('')}\n${chars.slice(half).join('')}`;
  }
  const breaks = chars.map((c, i) => i).filter((i) => i >= 2 && i <= chars.length - 2 && /[aeiou]/i.test(chars[i - 1]!) && !/[aeiou]/i.test(chars[i]!));
  const middle = chars.length / 2;
  const at = breaks.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0];
  return at === undefined ? name : `${name.slice(0, at)}-\n${name.slice(at)}`;
}
