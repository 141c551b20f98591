/**
 * Two areas side by side, measure by measure, each as a multiple of their group's value (the
 * group = 1, a dashed reference line): rates of different sizes (clinics per 10,000, people per
 * month, a percentage) read on one scale, and which area stands above the whole and which below
 * shows at a glance. Each measure's name stands left of its two rows on a wide drawing, above
 * them on a phone's, wrapped; each area has its own row, named at its left, its mark told apart by shape and colour (a blue
 * circle, an orange square), and its multiple printed beside the mark. Drawn at the desktop's
 * width and at a phone's (layout.ts).
 *
 * The reference line never runs through a printed value: a multiple of 1 or more is printed to
 * the right of its mark, one below 1 to the left, so every label stands on its mark's side of the
 * line, away from it; an area without a figure prints "no data" (or why its figure is not
 * compared) just right of the line, with no mark. The line never runs through a measure's name either (on a phone it is drawn across each
 * measure's two rows only), and its label stands above it. The reference marks carry the class `chart-reference`,
 * the printed multiples `chart-values`, so the browser checks can find them.
 */
import * as Plot from '@observablehq/plot';
import { atBothWidths, layout } from './layout.ts';
import { colors } from './palette.ts';
import type { ChartSpec } from './render.ts';
import { textWidth, wrapText } from './text-width.ts';

export interface PairRatioRow {
  /** The measure's name. */
  label: string;
  /** Each area's value over the group's value; null where the area has no comparable figure. */
  a: number | null;
  b: number | null;
  /** What to print instead of "no data" where an area has a figure that is not compared (another date). */
  missing?: readonly [string | undefined, string | undefined];
}

export interface PairRatiosOptions {
  /** The two areas' names, as each row's label. */
  names: readonly [string, string];
  /** The reference line's label: 横浜市全体＝1. */
  reference: string;
  format: (ratio: number) => string;
  noData: string;
}

export function pairRatios(rows: readonly PairRatioRow[], options: PairRatiosOptions): ChartSpec {
  return atBothWidths((width) => pairRatiosAt(rows, options, width));
}

/** Each area's mark: shape and colour both, so neither alone tells them apart. */
const marks = [
  { symbol: 'circle', fill: colors.bar },
  { symbol: 'square', fill: colors.highlight },
] as const;

function pairRatiosAt(rows: readonly PairRatioRow[], { names, reference, format, noData }: PairRatiosOptions, width: number): Plot.PlotOptions {
  const { fontSize } = layout;
  const lineHeight = Math.round(fontSize * 1.35);
  const rowHeight = 20;
  const markGap = 8;
  const valueText = (v: number | null, missing?: string) => (v === null ? (missing ?? noData) : format(v));
  const shown = rows.flatMap((r) => [r.a, r.b]);
  const missingTexts = rows.flatMap((r): (string | undefined)[] => [...(r.missing ?? [])]).filter((m): m is string => m !== undefined);
  // On a wide drawing each measure's name stands left of its two rows, wrapped to at most a third
  // of the width, so the chart stays short enough to print with its table on two sheets; on a
  // phone it stands above them, across the width.
  const longest = Math.max(...rows.map((r) => textWidth(r.label, fontSize)));
  const beside = width >= 600;
  const labelRoom = beside ? Math.min(Math.ceil(longest) + 4, Math.floor(width / 3)) : 0;
  const gap = beside ? 8 : 12;
  // The names stand left of the marks; each side of the plot keeps room for the widest multiple,
  // so a label printed left of a mark near 0, or right of the largest, stays inside the chart.
  const nameLeft = labelRoom + (beside ? 12 : 0);
  const nameRoom = Math.ceil(Math.max(...names.map((n) => textWidth(n, fontSize)))) + 12;
  const valueRoom = Math.ceil(Math.max(textWidth(noData, fontSize), ...missingTexts.map((m) => textWidth(m, fontSize)), ...shown.map((v) => textWidth(valueText(v), fontSize)))) + markGap + 6;
  const max = Math.max(1, ...shown.map((v) => v ?? 0));
  const domainMax = max * 1.02;
  const left = nameLeft + nameRoom + valueRoom;
  const right = width - valueRoom;
  const xOf = (v: number) => left + (v / domainMax) * (right - left);
  const one = xOf(1);
  // The reference label is centred on its line unless that would push it past the chart's edge.
  const referenceWidth = textWidth(reference, fontSize);
  const referenceAnchor = one - referenceWidth / 2 < 2 ? 'start' : one + referenceWidth / 2 > width - 2 ? 'end' : 'middle';
  const referenceX = referenceAnchor === 'start' ? 2 : referenceAnchor === 'end' ? width - 2 : one;

  let top = 4 + lineHeight + 6;
  const blocks = rows.map((r) => {
    // Names are bold, a little wider than the estimate: wrapped with room to spare.
    const lines = measureLines(r.label, fontSize, (beside ? labelRoom : width - 4) * 0.94);
    const labelTop = top;
    const rowsTop = beside ? top : labelTop + lines.length * lineHeight + 2;
    const bottom = Math.max(rowsTop + 2 * rowHeight, beside ? labelTop + lines.length * lineHeight : 0);
    top = bottom + gap;
    return { ...r, lines: lines.join('\n'), labelTop, rowsTop, rowsBottom: rowsTop + 2 * rowHeight };
  });
  type Block = (typeof blocks)[number];
  const height = top - gap + 4;
  // A hairline between measures on the wide drawing, where a name and its rows sit side by side.
  const separators = beside ? blocks.slice(1).map((b) => b.labelTop - gap / 2) : [];
  const points = blocks.flatMap((b) =>
    ([b.a, b.b] as const).map((value, i) => {
      const y = b.rowsTop + rowHeight * i + rowHeight / 2;
      const x = value === null ? one : xOf(value);
      // Right of the mark from 1 up (and "no data" right of the line), left of it below 1.
      const side = value === null || value >= 1 ? 'right' : 'left';
      const textX = value === null ? one + 6 : side === 'right' ? x + markGap : x - markGap;
      return { value, area: i, name: names[i]!, y, x, text: valueText(value, b.missing?.[i]), textX, anchor: side === 'right' ? ('start' as const) : ('end' as const) };
    }),
  );
  type Point = (typeof points)[number];
  const drawn = points.filter((p) => p.value !== null);
  const halo = { stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' } as const;
  // Beside the names, one line from the first measure to the last; under names that span the
  // width, one piece per measure, so the line never runs through a name.
  const first = blocks[0];
  const last = blocks.at(-1);
  const spans = beside ? (first && last ? [{ rowsTop: first.rowsTop, rowsBottom: last.rowsBottom }] : []) : blocks;
  return {
    width,
    height,
    marginLeft: 0,
    marginRight: 0,
    marginTop: 0,
    marginBottom: 0,
    style: { fontSize: `${fontSize}px` },
    // Everything is placed in pixels: scales that map each pixel to itself.
    x: { axis: null, domain: [0, width], range: [0, width] },
    y: { axis: null, domain: [0, height], range: [0, height] },
    symbol: { domain: [0, 1], range: marks.map((m) => m.symbol) },
    marks: [
      Plot.ruleY(separators, { y: (d: number) => d, x1: 0, x2: width, stroke: '#e6e6e6', strokeWidth: 1 }),
      Plot.ruleX(spans, { className: 'chart-reference', x: one, y1: (d: Pick<Block, 'rowsTop'>) => d.rowsTop, y2: (d: Pick<Block, 'rowsBottom'>) => d.rowsBottom, stroke: colors.reference, strokeWidth: 1.5, strokeDasharray: '4,3' }),
      // Centred in its line: a top-anchored label's glyph box (the font's ascent) would rise above the chart.
      Plot.text([reference], { className: 'chart-reference', x: referenceX, y: 4 + lineHeight / 2, text: (d: string) => d, textAnchor: referenceAnchor, lineAnchor: 'middle', fill: colors.reference }),
      Plot.text(blocks, { x: 2, y: 'labelTop', text: 'lines', textAnchor: 'start', lineAnchor: 'top', lineHeight: 1.35, fill: colors.reference, fontWeight: 'bold' }),
      Plot.text(points, { x: nameLeft + nameRoom - 8, y: 'y', text: 'name', textAnchor: 'end', fill: colors.reference }),
      Plot.dot(drawn, { className: 'pair-marks', x: 'x', y: 'y', symbol: 'area', fill: (d: Point) => marks[d.area]!.fill, r: 5.5, stroke: 'white', strokeWidth: 1 }),
      ...(['start', 'end'] as const).map((anchor) =>
        Plot.text(points.filter((p) => p.anchor === anchor), { className: 'chart-values', x: 'textX', y: 'y', text: 'text', textAnchor: anchor, fill: (d: Point) => (d.value === null ? colors.muted : colors.reference), ...halo }),
      ),
    ],
  };
}

/**
 * A measure's name in lines: where it has a bracketed qualifier (在宅療養支援診療所（75歳以上人口
 * 1万人あたり）) and breaking there takes no more lines, the qualifier starts the second line, so
 * no line breaks inside a word.
 */
function measureLines(label: string, fontSize: number, maxWidth: number): string[] {
  const plain = wrapText(label, fontSize, maxWidth);
  const at = label.search(/（| \(/);
  if (plain.length < 2 || at <= 0) return plain;
  const head = label.slice(0, at);
  const tail = wrapText(label.slice(at).trimStart(), fontSize, maxWidth);
  return textWidth(head, fontSize) <= maxWidth && 1 + tail.length <= plain.length ? [head, ...tail] : plain;
}
