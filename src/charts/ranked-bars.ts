/**
 * Wards ranked by a value, as horizontal bars with the value printed at each bar's end and the
 * city's value as a labelled reference line. One ward can be highlighted (on its own page).
 */
import * as Plot from '@observablehq/plot';
import { colors } from './palette.ts';

export interface RankedBar {
  label: string;
  value: number | null;
  highlight?: boolean;
}

export interface RankedBarsOptions {
  reference?: { value: number; label: string };
  format: (v: number) => string;
  noData: string;
}

export function rankedBars(rows: readonly RankedBar[], { reference, format, noData }: RankedBarsOptions): Plot.PlotOptions {
  // The highlighted ward is marked in its label too, not by colour alone.
  const sorted = [...rows]
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity))
    .map((r) => (r.highlight ? { ...r, label: `▶ ${r.label}` } : r));
  const max = Math.max(reference?.value ?? 0, ...sorted.map((r) => r.value ?? 0)) || 1;
  return {
    width: 420,
    height: 30 + sorted.length * 24,
    marginLeft: 92,
    marginRight: 58,
    marginTop: 24,
    marginBottom: 6,
    style: { fontSize: '14px' },
    x: { axis: null, domain: [0, max * 1.02] },
    y: { domain: sorted.map((r) => r.label), label: null, tickSize: 0 },
    marks: [
      // The reference line is drawn first so the value labels and their halo sit on top.
      ...(reference
        ? [
            Plot.ruleX([reference.value], { stroke: colors.reference, strokeWidth: 1.5, strokeDasharray: '4,3' }),
            Plot.text([reference.value], { x: (d: number) => d, frameAnchor: 'top', dy: -16, text: () => reference.label, fill: colors.reference }),
          ]
        : []),
      Plot.barX(sorted.filter((r) => r.value !== null), {
        x: 'value',
        y: 'label',
        fill: (d: RankedBar) => (d.highlight ? colors.highlight : colors.bar),
        insetTop: 3,
        insetBottom: 3,
      }),
      Plot.text(sorted, {
        x: (d: RankedBar) => d.value ?? 0,
        y: 'label',
        text: (d: RankedBar) => (d.value === null ? noData : format(d.value)),
        textAnchor: 'start',
        dx: 4,
        fill: colors.reference,
        // A white halo keeps a value readable where the reference line crosses it.
        stroke: 'white',
        strokeWidth: 4,
        paintOrder: 'stroke',
      }),
    ],
  };
}
