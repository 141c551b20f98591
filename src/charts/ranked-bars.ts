/**
 * Wards ranked by a value, as horizontal bars with the value printed at each bar's end and the
 * city's value as a labelled reference line. One ward can be highlighted (on its own page).
 * Margins are sized from the labels, so no name or value is clipped in either language.
 */
import * as Plot from '@observablehq/plot';
import { layout } from './layout.ts';
import { colors } from './palette.ts';
import { textWidth } from './text-width.ts';

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
  const { width, fontSize, rowHeight } = layout;
  // The highlighted ward is marked in its label too, not by colour alone.
  const sorted = [...rows]
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity))
    .map((r) => (r.highlight ? { ...r, label: `▶ ${r.label}` } : r));
  const max = Math.max(reference?.value ?? 0, ...sorted.map((r) => r.value ?? 0)) || 1;
  const valueText = (d: RankedBar) => (d.value === null ? noData : format(d.value));
  const marginLeft = Math.ceil(Math.max(...sorted.map((r) => textWidth(r.label, fontSize))) + 10);
  const marginRight = Math.ceil(Math.max(...sorted.map((r) => textWidth(valueText(r), fontSize))) + 8);
  const marginTop = reference ? 26 : 6;
  // The reference label is centred on its line unless that would push it past the chart's edge.
  const plotWidth = width - marginLeft - marginRight;
  const referenceX = reference ? marginLeft + (reference.value / (max * 1.02)) * plotWidth : 0;
  const referenceWidth = reference ? textWidth(reference.label, fontSize) : 0;
  const referenceAnchor = referenceX - referenceWidth / 2 < 2 ? 'start' : referenceX + referenceWidth / 2 > width - 2 ? 'end' : 'middle';
  return {
    width,
    height: marginTop + 6 + sorted.length * rowHeight,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom: 6,
    style: { fontSize: `${fontSize}px` },
    x: { axis: null, domain: [0, max * 1.02] },
    y: { domain: sorted.map((r) => r.label), label: null, tickSize: 0, tickPadding: 6 },
    marks: [
      // The reference line is drawn first so the value labels and their halo sit on top.
      ...(reference
        ? [
            Plot.ruleX([reference.value], { className: 'chart-reference', stroke: colors.reference, strokeWidth: 1.5, strokeDasharray: '4,3' }),
            Plot.text([reference.value], { className: 'chart-reference', x: (d: number) => d, frameAnchor: 'top', dy: -14, textAnchor: referenceAnchor, text: () => reference.label, fill: colors.reference }),
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
        className: 'chart-values',
        x: (d: RankedBar) => d.value ?? 0,
        y: 'label',
        text: valueText,
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
