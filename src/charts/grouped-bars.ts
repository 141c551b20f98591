/**
 * Pairs of bars per group (budget and settlement per fiscal year), each bar labelled with its
 * value, and the two kinds told apart by position and a light/dark fill named in a legend under
 * the bars (words under each bar would collide on a phone).
 */
import * as Plot from '@observablehq/plot';
import { layout } from './layout.ts';
import { colors } from './palette.ts';
import { textWidth } from './text-width.ts';

export interface GroupedBar {
  group: string;
  kind: string;
  value: number;
}

const fontSize = 12;
const fills = [colors.bar, '#9db7f9'] as const;

export function groupedBars(rows: readonly GroupedBar[], kinds: readonly string[], format: (v: number) => string): Plot.PlotOptions {
  // Legend entries side by side: a swatch glyph in the kind's fill, then its name in ink.
  let x = 0;
  const legend = kinds.map((kind, i) => {
    const entry = { kind, swatchX: x, textX: x + fontSize * 1.3, fill: fills[i % fills.length]! };
    x = entry.textX + textWidth(kind, fontSize) + fontSize * 1.5;
    return entry;
  });
  return {
    width: layout.width,
    height: 270,
    marginTop: 34,
    marginBottom: 30,
    marginLeft: 4,
    marginRight: 4,
    style: { fontSize: `${fontSize}px` },
    // Groups keep the order given (fiscal years in time order), not alphabetical order.
    fx: { axis: 'top', label: null, padding: 0.08, domain: [...new Set(rows.map((r) => r.group))] },
    x: { domain: kinds, axis: null },
    y: { axis: null, domain: [0, Math.max(...rows.map((r) => r.value)) * 1.15] },
    color: { domain: kinds, range: [...fills] },
    marks: [
      Plot.barY(rows, { fx: 'group', x: 'kind', y: 'value', fill: 'kind', inset: 3 }),
      Plot.text(rows, { fx: 'group', x: 'kind', y: 'value', text: (d: GroupedBar) => format(d.value), dy: -8, fill: colors.reference }),
      Plot.ruleY([0], { stroke: colors.reference }),
      ...legend.flatMap((e) => [
        Plot.text([e], { facet: 'super', frameAnchor: 'bottom-left', dx: e.swatchX, dy: 20, text: () => '■', textAnchor: 'start', fill: e.fill, fontSize: fontSize * 1.2 }),
        Plot.text([e], { facet: 'super', frameAnchor: 'bottom-left', dx: e.textX, dy: 20, text: 'kind', textAnchor: 'start', fill: colors.reference }),
      ]),
    ],
  };
}
