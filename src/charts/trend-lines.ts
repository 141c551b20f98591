/**
 * An area over time against its group: every other area as a faint line behind, the group's own
 * value as a dashed line, and the area itself as a bold line with its values printed (every one
 * when there are few, else the first, the latest and the extremes), so the trend reads without
 * colour and without a tooltip. Which line is which is said in the chart's note; the chart is laid
 * out for a phone and for a desktop's column.
 */
import * as Plot from '@observablehq/plot';
import { atBothWidths, layout } from './layout.ts';
import { colors } from './palette.ts';
import type { ChartSpec } from './render.ts';

export interface TrendPoint {
  series: string;
  date: Date;
  value: number;
}

export interface TrendOptions {
  /** The series drawn bold (the area) and dashed (its group's value). */
  highlight: string;
  reference: string;
  format: (v: number) => string;
}

/** Drawn at the desktop's width and at a phone's (layout.ts). */
export function trendLines(points: readonly TrendPoint[], options: TrendOptions): ChartSpec {
  return atBothWidths((width) => trendLinesAt(points, options, width));
}

function trendLinesAt(points: readonly TrendPoint[], { highlight, reference, format }: TrendOptions, width: number): Plot.PlotOptions {
  const others = points.filter((p) => p.series !== highlight && p.series !== reference);
  const mine = points.filter((p) => p.series === highlight);
  const whole = points.filter((p) => p.series === reference);
  return {
    width,
    height: width > layout.width ? 300 : 260,
    marginTop: 24,
    marginRight: 24,
    marginLeft: 44,
    marginBottom: 28,
    style: { fontSize: `${layout.fontSize}px` },
    x: { type: 'utc', label: null, ticks: yearTicks(points), tickFormat: '%Y' },
    y: { label: null, grid: true, nice: true, zero: true, ticks: 5 },
    marks: [
      Plot.lineY(others, { x: 'date', y: 'value', z: 'series', stroke: '#c8c8cb', strokeWidth: 1 }),
      Plot.lineY(whole, { x: 'date', y: 'value', stroke: colors.reference, strokeWidth: 1.5, strokeDasharray: '5,3' }),
      Plot.lineY(mine, { x: 'date', y: 'value', stroke: colors.highlight, strokeWidth: 3 }),
      Plot.dot(mine, { x: 'date', y: 'value', fill: colors.highlight, r: 4 }),
      Plot.text(labelled(mine), { x: 'date', y: 'value', text: (d: TrendPoint) => format(d.value), dy: -12, fill: colors.reference, stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' }),
    ],
  };
}

/** At most this many year labels fit the phone-width axis, and this many value labels above the line. */
const MAX_TICKS = 6;
const MAX_LABELS = 6;

/** Every date, or every k-th counted back from the latest, so the labels never run together. */
function yearTicks(points: readonly TrendPoint[]): Date[] {
  const times = [...new Set(points.map((p) => p.date.getTime()))].sort((a, b) => a - b);
  const step = Math.ceil(times.length / MAX_TICKS);
  return times.filter((_, i) => (times.length - 1 - i) % step === 0).map((t) => new Date(t));
}

/** All of the area's values when few; else the first, the latest, the highest and the lowest (the table has every one). */
function labelled(mine: readonly TrendPoint[]): TrendPoint[] {
  if (mine.length <= MAX_LABELS) return [...mine];
  const byValue = [...mine].sort((a, b) => a.value - b.value);
  const keep = new Set([mine[0], mine.at(-1), byValue[0], byValue.at(-1)]);
  return mine.filter((p) => keep.has(p));
}
