/**
 * A breakdown (who consulted, what about, budget lines) as horizontal bars in a fixed order, each
 * with its printed value. Short names stand left of their bars; when any name would take more
 * than a third of the width, every name stands above its bar, wrapped to the chart's width, so
 * long names (budget lines, event titles) are shown whole in both languages at any width.
 * Negative values (a budget cut) extend left from zero.
 */
import * as Plot from '@observablehq/plot';
import { atBothWidths, layout } from './layout.ts';
import { colors } from './palette.ts';
import type { ChartSpec } from './render.ts';
import { textWidth, wrapText } from './text-width.ts';

export interface CategoryBar {
  label: string;
  value: number;
}

/**
 * Drawn at the desktop's width and at a phone's (layout.ts). `options` is accepted for callers
 * written for the earlier side-label layout; margins and width now follow from the labels and the
 * drawing's width, so it is ignored.
 */
export function categoryBars(rows: readonly CategoryBar[], format: (v: number) => string, _options: { marginLeft?: number; width?: number; marginRight?: number } = {}): ChartSpec {
  return atBothWidths((width) => categoryBarsAt(rows, format, width));
}

function categoryBarsAt(rows: readonly CategoryBar[], format: (v: number) => string, width: number): Plot.PlotOptions {
  const { fontSize } = layout;
  const lineHeight = Math.round(fontSize * 1.35);
  const barHeight = 16;
  const gap = 10;
  const values = rows.map((r) => ({ ...r, text: format(r.value) }));
  const negatives = values.filter((r) => r.value < 0);
  // Room beside the longest bar on each side for its printed value.
  const marginRight = Math.ceil(Math.max(0, ...values.filter((r) => r.value >= 0).map((r) => textWidth(r.text, fontSize))) + 8);
  const negativeRoom = negatives.length > 0 ? Math.ceil(Math.max(...negatives.map((r) => textWidth(r.text, fontSize))) + 8) : 1;
  const longest = Math.max(...values.map((r) => textWidth(r.label, fontSize)));
  const beside = longest <= width / 3;
  // 4 px more than the estimate needs on the left: the estimate is per character, and a font
  // drawn a hair wider must still not touch the chart's edge.
  const sideRoom = beside ? Math.ceil(longest) + 12 : 0;
  const marginLeft = sideRoom + negativeRoom;
  let top = 4;
  const placed = values.map((r) => {
    // One character short of the edge: a line of kana alone (the charts of an edition with
    // readings) is drawn about 3 % wider than estimated and reached past it.
    const lines = beside ? [r.label] : wrapText(r.label, fontSize, width - 4 - fontSize);
    const labelTop = top;
    const barTop = beside ? top + 3 : labelTop + lines.length * lineHeight + 2;
    top = barTop + barHeight + (beside ? 8 : gap);
    return { ...r, lines: lines.join('\n'), labelTop, barTop, barMiddle: barTop + barHeight / 2, barBottom: barTop + barHeight };
  });
  type Placed = (typeof placed)[number];
  const height = top - (beside ? 8 : gap) + 4;
  const min = Math.min(0, ...values.map((r) => r.value));
  const max = Math.max(0, ...values.map((r) => r.value));
  return {
    width,
    height,
    marginLeft,
    marginRight,
    marginTop: 0,
    marginBottom: 0,
    style: { fontSize: `${fontSize}px` },
    x: { axis: null, domain: [min, max || 1] },
    // Rows are placed in pixels: a scale that maps each pixel to itself.
    y: { axis: null, domain: [0, height], range: [0, height] },
    marks: [
      Plot.rectX(placed, { x1: 0, x2: 'value', y1: 'barTop', y2: 'barBottom', fill: (d: Placed) => (d.value < 0 ? colors.negative : colors.bar) }),
      ...(negatives.length > 0 ? [Plot.ruleX(placed, { x: 0, y1: (d: Placed) => d.barTop - 2, y2: (d: Placed) => d.barBottom + 2, stroke: colors.reference })] : []),
      // Names start at the chart's left edge (or end just before the bars), whatever room the negative values take.
      beside
        ? Plot.text(placed, { frameAnchor: 'left', dx: sideRoom - 6 - marginLeft, y: 'barMiddle', text: 'lines', textAnchor: 'end', fill: colors.reference })
        : Plot.text(placed, { frameAnchor: 'left', dx: 2 - marginLeft, y: 'labelTop', text: 'lines', textAnchor: 'start', lineAnchor: 'top', lineHeight: 1.35, fill: colors.reference }),
      Plot.text(placed.filter((r) => r.value >= 0), { x: 'value', y: 'barMiddle', text: 'text', textAnchor: 'start', dx: 4, fill: colors.reference }),
      Plot.text(negatives.length > 0 ? placed.filter((r) => r.value < 0) : [], { x: 'value', y: 'barMiddle', text: 'text', textAnchor: 'end', dx: -4, fill: colors.reference }),
    ],
  };
}
