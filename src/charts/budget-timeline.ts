/**
 * A budget over the years: one bar per fiscal year for the budget, a projection drawn as an
 * outlined bar with a dashed edge (it is not an adopted budget), and the settlement as a narrower
 * bar inside the budget's, so what was spent reads against what was planned. Each year's budget is
 * printed above its bar; the table beside the chart carries every figure.
 */
import * as Plot from '@observablehq/plot';
import { atBothWidths, layout } from './layout.ts';
import { colors } from './palette.ts';
import type { ChartSpec } from './render.ts';

export interface BudgetYear {
  label: string;
  kind: 'budget' | 'settlement' | 'projection';
  value: number;
}

/** Drawn at the desktop's width and at a phone's (layout.ts). */
export function budgetTimeline(rows: readonly BudgetYear[], format: (v: number) => string): ChartSpec {
  return atBothWidths((width) => budgetTimelineAt(rows, format, width));
}

function budgetTimelineAt(rows: readonly BudgetYear[], format: (v: number) => string, width: number): Plot.PlotOptions {
  const planned = rows.filter((r) => r.kind !== 'settlement');
  const settled = rows.filter((r) => r.kind === 'settlement');
  const max = Math.max(...rows.map((r) => r.value), 1);
  return {
    width,
    height: width > layout.width ? 300 : 260,
    marginTop: 28,
    marginBottom: 28,
    marginLeft: 4,
    marginRight: 4,
    style: { fontSize: `${layout.fontSize}px` },
    // Years keep the order given (time order), not alphabetical order.
    x: { domain: [...new Set(rows.map((r) => r.label))], label: null, tickSize: 0, padding: 0.2 },
    y: { axis: null, domain: [0, max * 1.15] },
    marks: [
      Plot.barY(planned.filter((r) => r.kind === 'budget'), { x: 'label', y: 'value', fill: colors.bar }),
      Plot.barY(planned.filter((r) => r.kind === 'projection'), { x: 'label', y: 'value', fill: 'white', stroke: colors.bar, strokeWidth: 2, strokeDasharray: '5,3' }),
      Plot.barY(settled, { x: 'label', y: 'value', fill: '#9db7f9', insetLeft: 7, insetRight: 7 }),
      Plot.text(planned, { x: 'label', y: 'value', text: (d: BudgetYear) => format(d.value), dy: -10, fill: colors.reference }),
      Plot.ruleY([0], { stroke: colors.reference }),
    ],
  };
}
