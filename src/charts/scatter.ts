/**
 * Need against supply: one labelled dot per ward, with the city's values as reference lines, so
 * wards in the "older but fewer providers" corner stand out.
 */
import * as Plot from '@observablehq/plot';
import { colors } from './palette.ts';

export interface ScatterPoint {
  name: string;
  x: number;
  y: number;
}

export interface ScatterOptions {
  xLabel: string;
  yLabel: string;
  reference: { x: number; y: number };
}

export function scatter(points: readonly ScatterPoint[], { xLabel, yLabel, reference }: ScatterOptions): Plot.PlotOptions {
  return {
    width: 560,
    height: 420,
    marginLeft: 52,
    marginBottom: 44,
    marginRight: 16,
    style: { fontSize: '13px' },
    grid: true,
    x: { label: xLabel, labelAnchor: 'center', nice: true },
    y: { label: yLabel, labelAnchor: 'center', nice: true },
    marks: [
      Plot.ruleX([reference.x], { stroke: colors.muted, strokeDasharray: '4,3' }),
      Plot.ruleY([reference.y], { stroke: colors.muted, strokeDasharray: '4,3' }),
      Plot.dot(points, { x: 'x', y: 'y', r: 4, fill: colors.bar }),
      Plot.text(points, { x: 'x', y: 'y', text: 'name', dy: -10, fill: colors.reference }),
    ],
  };
}
