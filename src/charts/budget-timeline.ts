/**
 * A budget over the years, for a committee: one row pair per fiscal year, the year's budget (a
 * projection drawn as an outlined bar with a dashed edge and its figure marked as an estimate) and
 * under it the settlement, or a note where the year has none. Every bar prints its figure, a value
 * axis with light grid lines runs under them in the same unit, and the rows keep the years' order.
 * Horizontal rows keep every label clear of every other at a phone's width as on a desktop.
 */
import * as Plot from '@observablehq/plot';
import { atBothWidths, layout } from './layout.ts';
import { colors } from './palette.ts';
import type { ChartSpec } from './render.ts';
import { textWidth } from './text-width.ts';

export interface BudgetYear {
  /** The year as the row names it, era and western year together (「2017（平成29）」). */
  label: string;
  kind: 'budget' | 'settlement' | 'projection';
  value: number;
}

/** The chart's words, in the page's language. */
export interface BudgetWords {
  /** Names the budget row where the year stands above its rows (「予算」). */
  budget: string;
  /** Names the settlement row (「決算」). */
  settlement: string;
  /** Stands in a settlement row the year has no figure for (「決算なし」). */
  noSettlement: string;
  /** Follows a projection's figure (「（見込み）」). */
  projection: string;
}

const defaults = {
  barHeight: 14,
  /** From one row's top to the next within a year. */
  rowStep: 18,
  /** Between two years. */
  yearGap: 10,
  marginBottom: 24,
  settlementFill: colors.muted,
  /** Space a tick label needs on the value axis. */
  tickSpacing: 90,
};

/** Drawn at the desktop's width and at a phone's (layout.ts). */
export function budgetTimeline(rows: readonly BudgetYear[], format: (v: number) => string, words: BudgetWords): ChartSpec {
  return atBothWidths((width) => budgetTimelineAt(rows, format, words, width));
}

function budgetTimelineAt(rows: readonly BudgetYear[], format: (v: number) => string, words: BudgetWords, width: number): Plot.PlotOptions {
  const { fontSize } = layout;
  const { barHeight, rowStep, yearGap, marginBottom } = defaults;
  const lineHeight = Math.round(fontSize * 1.35);
  // A desktop names each year beside its budget row; a phone above its two rows, so the bars keep
  // the width between the row names and the figures.
  const beside = width > layout.width;
  // Years keep the order given (time order).
  const years = [...new Set(rows.map((r) => r.label))];
  // On a phone the first year's name sits at the top: room for its glyphs' ascent.
  let top = beside ? 4 : 8;
  const placed = years.flatMap((label) => {
    const planned = rows.find((r) => r.label === label && r.kind !== 'settlement') ?? null;
    const settled = rows.find((r) => r.label === label && r.kind === 'settlement') ?? null;
    const yearTop = top;
    const plannedTop = beside ? top : top + lineHeight;
    const settledTop = plannedTop + rowStep;
    top = settledTop + rowStep + yearGap;
    return [
      { label, yearTop, rowLabel: beside ? label : words.budget, kind: planned?.kind ?? 'budget', value: planned?.value ?? null, top: plannedTop },
      { label, yearTop, rowLabel: words.settlement, kind: 'settlement' as const, value: settled?.value ?? null, top: settledTop },
    ].map((r) => ({ ...r, middle: r.top + barHeight / 2, bottom: r.top + barHeight, text: r.value === null ? '' : format(r.value) + (r.kind === 'projection' ? words.projection : '') }));
  });
  const height = top - yearGap - rowStep + barHeight + marginBottom + 4;
  const marginLeft = Math.ceil(Math.max(...placed.map((r) => textWidth(r.rowLabel, fontSize)))) + 12;
  const marginRight = Math.ceil(Math.max(...placed.map((r) => textWidth(r.text, fontSize)))) + 8;
  const max = Math.max(1, ...rows.map((r) => r.value));
  // As many ticks as their labels have room for between the row names and the figures.
  const ticks = Math.max(2, Math.floor((width - marginLeft - marginRight) / defaults.tickSpacing));
  const withValue = placed.filter((r) => r.value !== null);
  const missing = placed.filter((r) => r.value === null && r.kind === 'settlement');
  const yearHeads = beside ? [] : placed.filter((r) => r.kind !== 'settlement');
  return {
    width,
    height,
    marginLeft,
    marginRight,
    marginTop: 0,
    marginBottom,
    style: { fontSize: `${fontSize}px` },
    x: { domain: [0, max], ticks, tickFormat: format, label: null, tickSize: 4 },
    // Rows are placed in pixels: a scale that maps each pixel to itself.
    y: { axis: null, domain: [0, height - marginBottom], range: [0, height - marginBottom] },
    marks: [
      Plot.gridX({ ticks, stroke: colors.muted, strokeOpacity: 0.25 }),
      Plot.rectX(withValue.filter((r) => r.kind === 'budget'), { x1: 0, x2: 'value', y1: 'top', y2: 'bottom', fill: colors.bar }),
      Plot.rectX(withValue.filter((r) => r.kind === 'projection'), { x1: 0, x2: 'value', y1: 'top', y2: 'bottom', fill: 'white', stroke: colors.bar, strokeWidth: 2, strokeDasharray: '5,3' }),
      Plot.rectX(withValue.filter((r) => r.kind === 'settlement'), { x1: 0, x2: 'value', y1: 'top', y2: 'bottom', fill: defaults.settlementFill }),
      Plot.text(withValue, { x: 'value', y: 'middle', text: 'text', textAnchor: 'start', dx: 4, fill: colors.reference }),
      Plot.text(missing, { x: 0, y: 'middle', text: () => words.noSettlement, textAnchor: 'start', dx: 4, fill: colors.reference }),
      // Row names end just before the bars.
      Plot.text(placed, { frameAnchor: 'left', dx: -6, y: 'middle', text: 'rowLabel', textAnchor: 'end', fill: colors.reference }),
      // On a phone each year heads its two rows, from the chart's left edge.
      Plot.text(yearHeads, { frameAnchor: 'left', dx: 2 - marginLeft, y: 'yearTop', text: 'label', textAnchor: 'start', lineAnchor: 'top', fill: colors.reference, fontWeight: 700 }),
      Plot.ruleX([0], { stroke: colors.reference }),
    ],
  };
}
