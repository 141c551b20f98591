/**
 * Derived numbers as published: rounded to what they mean. A ratio computed in binary floating
 * point carries 16–17 significant digits (226.66666666666669) that no spreadsheet keeps, so a
 * file opened and saved again would change in every such cell. Rounded to the figure's declared
 * decimals plus a margin, and never beyond 15 significant digits, every value survives a
 * spreadsheet unchanged, while the margin still lets a reader recompute the page's rounding.
 */

/** Decimals kept beyond those a page shows: enough to recompute any rounding the pages do. */
export const decimalsMargin = 4;

/** At most this many significant digits: what spreadsheets (IEEE doubles shown as decimals) keep. */
export const maxSignificantDigits = 15;

/** `value` rounded to `decimals` places and to at most 15 significant digits; integers unchanged. */
export function roundForDownload(value: number, decimals: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  const rounded = Number(value.toFixed(Math.min(Math.max(decimals, 0), 100)));
  return Number(rounded.toPrecision(maxSignificantDigits));
}
