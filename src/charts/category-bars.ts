/**
 * A breakdown (who consulted, what about, budget lines) as horizontal bars in a fixed order,
 * with each bar's printed value. Negative values (a budget cut) extend left from zero.
 */
import * as Plot from '@observablehq/plot';
import { colors } from './palette.ts';

export interface CategoryBar {
  label: string;
  value: number;
}

export function categoryBars(rows: readonly CategoryBar[], format: (v: number) => string, options: { marginLeft?: number; width?: number; marginRight?: number } = {}): Plot.PlotOptions {
  const min = Math.min(0, ...rows.map((r) => r.value));
  const max = Math.max(0, ...rows.map((r) => r.value));
  const span = max - min || 1;
  return {
    width: options.width ?? 480,
    height: 12 + rows.length * 28,
    marginLeft: options.marginLeft ?? 150,
    marginRight: options.marginRight ?? 96,
    marginTop: 6,
    marginBottom: 6,
    style: { fontSize: '13px' },
    // Room left of the most negative bar for its printed value.
    x: { axis: null, domain: [min - (min < 0 ? span * 0.45 : 0), max + span * 0.02] },
    y: { domain: rows.map((r) => r.label), label: null, tickSize: 0 },
    marks: [
      Plot.barX(rows, { x: 'value', y: 'label', fill: (d: CategoryBar) => (d.value < 0 ? colors.negative : colors.bar), insetTop: 4, insetBottom: 4 }),
      Plot.ruleX([0], { stroke: colors.reference }),
      Plot.text(rows.filter((r) => r.value >= 0), { x: 'value', y: 'label', text: (d: CategoryBar) => format(d.value), textAnchor: 'start', dx: 4, fill: colors.reference }),
      Plot.text(rows.filter((r) => r.value < 0), { x: 'value', y: 'label', text: (d: CategoryBar) => format(d.value), textAnchor: 'end', dx: -4, fill: colors.reference }),
    ],
  };
}
