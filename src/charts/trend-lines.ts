/**
 * An area over time against its group: every other area as a faint line behind, the group's own
 * value as a dashed line, and the area itself as a bold line with its value printed at each
 * vintage, so the trend reads without colour and without a tooltip. Which line is which is said
 * in the chart's note; the chart is laid out for a phone and shown at natural size elsewhere.
 */
import * as Plot from '@observablehq/plot';
import { layout } from './layout.ts';
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
}

export function trendLines(points: readonly TrendPoint[], { highlight, reference, format }: TrendOptions): Plot.PlotOptions {
  const others = points.filter((p) => p.series !== highlight && p.series !== reference);
  const mine = points.filter((p) => p.series === highlight);
  const whole = points.filter((p) => p.series === reference);
  return {
    width: layout.width,
    height: 260,
    marginTop: 24,
    marginRight: 24,
    marginLeft: 44,
    marginBottom: 28,
    style: { fontSize: `${layout.fontSize}px` },
    x: { type: 'utc', label: null, ticks: [...new Set(points.map((p) => p.date.getTime()))].map((t) => new Date(t)), tickFormat: '%Y' },
    y: { label: null, grid: true, nice: true, zero: true, ticks: 5 },
    marks: [
      Plot.lineY(others, { x: 'date', y: 'value', z: 'series', stroke: '#c8c8cb', strokeWidth: 1 }),
      Plot.lineY(whole, { x: 'date', y: 'value', stroke: colors.reference, strokeWidth: 1.5, strokeDasharray: '5,3' }),
      Plot.lineY(mine, { x: 'date', y: 'value', stroke: colors.highlight, strokeWidth: 3 }),
      Plot.dot(mine, { x: 'date', y: 'value', fill: colors.highlight, r: 4 }),
      Plot.text(mine, { x: 'date', y: 'value', text: (d: TrendPoint) => format(d.value), dy: -12, fill: colors.reference, stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' }),
    ],
  };
}
