/**
 * An area over time against its group: every other area as a faint line behind, the group's own
 * value as a dashed line, and the area itself as a bold line with its value printed at each
 * vintage, so the trend reads without colour and without a tooltip.
 */
import * as Plot from '@observablehq/plot';
import { colors } from './palette.ts';

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
  /** Labels of the two named lines, printed at their last point. */
  labels: { highlight: string; reference: string };
}

export function trendLines(points: readonly TrendPoint[], { highlight, reference, format, labels }: TrendOptions): Plot.PlotOptions {
  const others = points.filter((p) => p.series !== highlight && p.series !== reference);
  const mine = points.filter((p) => p.series === highlight);
  const whole = points.filter((p) => p.series === reference);
  const last = (list: readonly TrendPoint[]) => list.reduce<TrendPoint[]>((a, p) => (!a[0] || p.date > a[0].date ? [p] : a), []);
  return {
    width: 560,
    height: 300,
    marginTop: 20,
    marginRight: 120,
    marginLeft: 48,
    marginBottom: 32,
    style: { fontSize: '13px' },
    x: { type: 'utc', label: null, ticks: [...new Set(points.map((p) => p.date.getTime()))].map((t) => new Date(t)), tickFormat: '%Y' },
    y: { label: null, grid: true, nice: true, zero: true },
    marks: [
      Plot.lineY(others, { x: 'date', y: 'value', z: 'series', stroke: '#c8c8cb', strokeWidth: 1 }),
      Plot.lineY(whole, { x: 'date', y: 'value', stroke: colors.reference, strokeWidth: 1.5, strokeDasharray: '5,3' }),
      Plot.lineY(mine, { x: 'date', y: 'value', stroke: colors.highlight, strokeWidth: 3 }),
      Plot.dot(mine, { x: 'date', y: 'value', fill: colors.highlight, r: 4 }),
      Plot.text(mine, { x: 'date', y: 'value', text: (d: TrendPoint) => format(d.value), dy: -12, fill: colors.reference, stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' }),
      Plot.text(last(mine), { x: 'date', y: 'value', text: () => labels.highlight, textAnchor: 'start', dx: 10, fill: colors.highlight, fontWeight: 700 }),
      Plot.text(last(whole), { x: 'date', y: 'value', text: () => labels.reference, textAnchor: 'start', dx: 10, dy: 14, fill: colors.reference }),
    ],
  };
}
