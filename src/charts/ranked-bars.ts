/**
 * Wards ranked by a value, as horizontal bars with the value printed at each bar's end and the
 * city's value as a labelled reference line. One ward can be highlighted (on its own page).
 * Margins are sized from the labels, so no name or value is clipped in either language. Drawn
 * at the desktop's width and at a phone's (layout.ts).
 *
 * The reference line never runs through a printed value: the line's label stands above the bars,
 * and a value that would straddle the line is printed inside its bar's end instead (in white), or,
 * on a bar too short to hold it, just past the line. The reference marks carry the class
 * `chart-reference` and the values `chart-values`, so the browser checks can find them.
 */
import * as Plot from '@observablehq/plot';
import { atBothWidths, layout } from './layout.ts';
import { colors } from './palette.ts';
import type { ChartSpec } from './render.ts';
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

export function rankedBars(rows: readonly RankedBar[], options: RankedBarsOptions): ChartSpec {
  return atBothWidths((width) => rankedBarsAt(rows, options, width));
}

/** Room kept between a value label and the reference line, in px. */
const clearance = 3;

function rankedBarsAt(rows: readonly RankedBar[], { reference, format, noData }: RankedBarsOptions, width: number): Plot.PlotOptions {
  const { fontSize, rowHeight } = layout;
  // The highlighted ward is marked in its label too, not by colour alone.
  const sorted = [...rows]
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity))
    .map((r) => (r.highlight ? { ...r, label: `▶ ${r.label}` } : r));
  const max = Math.max(reference?.value ?? 0, ...sorted.map((r) => r.value ?? 0)) || 1;
  const valueText = (d: RankedBar) => (d.value === null ? noData : format(d.value));
  const marginLeft = Math.ceil(Math.max(...sorted.map((r) => textWidth(r.label, fontSize))) + 10);
  const marginRight = Math.ceil(Math.max(...sorted.map((r) => textWidth(valueText(r), fontSize))) + 8);
  const marginTop = reference ? 26 : 6;
  const plotWidth = width - marginLeft - marginRight;
  const domainMax = max * 1.02;
  const xOf = (v: number) => marginLeft + (v / domainMax) * plotWidth;
  // The reference label is centred on its line unless that would push it past the chart's edge.
  const referenceX = reference ? xOf(reference.value) : 0;
  const referenceWidth = reference ? textWidth(reference.label, fontSize) : 0;
  const referenceAnchor = referenceX - referenceWidth / 2 < 2 ? 'start' : referenceX + referenceWidth / 2 > width - 2 ? 'end' : 'middle';
  // Where each value is printed: after its bar, inside its bar's end, or past the line.
  const placed = sorted.map((r) => {
    const end = xOf(r.value ?? 0);
    const w = textWidth(valueText(r), fontSize);
    const straddles = reference !== undefined && referenceX + clearance > end + 4 && referenceX - clearance < end + 4 + w;
    const place = !straddles ? 'after' : end - xOf(0) >= w + 8 && r.value !== null ? 'inside' : 'past';
    return { ...r, place };
  });
  type Placed = (typeof placed)[number];
  const values = (place: Placed['place']) => placed.filter((r) => r.place === place);
  const halo = { stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' } as const;
  return {
    width,
    height: marginTop + 6 + sorted.length * rowHeight,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom: 6,
    style: { fontSize: `${fontSize}px` },
    x: { axis: null, domain: [0, domainMax] },
    y: { domain: sorted.map((r) => r.label), label: null, tickSize: 0, tickPadding: 6 },
    marks: [
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
      Plot.text(values('after'), { className: 'chart-values', x: (d: Placed) => d.value ?? 0, y: 'label', text: valueText, textAnchor: 'start', dx: 4, fill: colors.reference, ...halo }),
      // White on the bar's blue or orange: contrast above 4.5:1 (palette.ts).
      Plot.text(values('inside'), { className: 'chart-values', x: 'value', y: 'label', text: valueText, textAnchor: 'end', dx: -4, fill: 'white' }),
      Plot.text(values('past'), { className: 'chart-values', x: () => reference?.value ?? 0, y: 'label', text: valueText, textAnchor: 'start', dx: 4, fill: colors.reference, ...halo }),
    ],
  };
}
