/**
 * Pairs of bars per group (budget and settlement per fiscal year), each bar labelled with its
 * value, and the two kinds told apart by position and a light/dark fill named in the legend.
 */
import * as Plot from '@observablehq/plot';
import { colors } from './palette.ts';

export interface GroupedBar {
  group: string;
  kind: string;
  value: number;
}

export function groupedBars(rows: readonly GroupedBar[], kinds: readonly string[], format: (v: number) => string): Plot.PlotOptions {
  return {
    width: 480,
    height: 300,
    marginTop: 24,
    marginBottom: 44,
    marginLeft: 8,
    style: { fontSize: '13px' },
    // Groups keep the order given (fiscal years in time order), not alphabetical order.
    fx: { label: null, padding: 0.15, domain: [...new Set(rows.map((r) => r.group))] },
    x: { domain: kinds, axis: 'bottom', label: null, tickSize: 0 },
    y: { axis: null, domain: [0, Math.max(...rows.map((r) => r.value)) * 1.15] },
    color: { domain: kinds, range: [colors.bar, '#9db7f9'] },
    marks: [
      Plot.barY(rows, { fx: 'group', x: 'kind', y: 'value', fill: 'kind', inset: 4 }),
      Plot.text(rows, { fx: 'group', x: 'kind', y: 'value', text: (d: GroupedBar) => format(d.value), dy: -8, fill: colors.reference }),
      Plot.ruleY([0], { stroke: colors.reference }),
    ],
  };
}
