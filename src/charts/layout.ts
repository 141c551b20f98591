/**
 * The sizes charts are laid out for. A chart is drawn twice: for a phone's content width, shown
 * at its natural size (a 340 px chart in a 328 px column scales to 96%, keeping 13 px labels above
 * 12 px), and for a desktop's column and an A4 sheet, stretched to the column's width. The wide
 * drawing's width is chosen so its 13 px labels stay between 11 and 16 px wherever it is shown:
 * from the 688 px column where the stylesheet switches to it (src/styles/site.css, 45rem) to the
 * 992 px column of a desktop, and on A4 paper (186 mm of text, about 703 px).
 */
import type * as Plot from '@observablehq/plot';
import type { ChartSpec } from './render.ts';

export const layout = {
  /** Width of a chart drawn for a phone. */
  width: 340,
  /** Width of a chart drawn for a desktop's column and paper. */
  wideWidth: 800,
  /** Labels and values. */
  fontSize: 13,
  /** Height of one bar's row. */
  rowHeight: 24,
} as const;

/** A chart drawn at the desktop's width, with its phone variant. */
export function atBothWidths(draw: (width: number) => Plot.PlotOptions): ChartSpec {
  return { ...draw(layout.wideWidth), narrow: draw(layout.width) };
}
