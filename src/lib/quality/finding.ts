/**
 * A consistency finding: a figure a document prints, set against the same figure recomputed from
 * other rows. Disagreements are reported, never corrected: the printed value stays in data/.
 */
import type { RowRef } from '../dataset.ts';
import type { Labels } from '../i18n/labels.ts';
import type { Span } from './related-rows.ts';

export interface Finding {
  checkId: string;
  /** The rule of the check that compared it (its index in the check's rules). */
  rule: number;
  /**
   * What is compared, per language, with the printed row's columns filled in; `{area}` and
   * `{vintage}` are left for the page, which writes them in its language (present/quality-page.ts).
   */
  subject: Labels;
  /** The printed figure's area code, where its table has one. */
  area: string | null;
  /** The days the printed figure describes, where its table declares a vintage. */
  vintage: Span | null;
  printed: number;
  /** Rows the printed figure comes from. */
  printedAt: { table: string; line: number; column: string }[];
  recomputed: number;
  formula: string;
  /** Largest difference that still counts as agreement (half a unit of the printed precision). */
  tolerance: number;
  agrees: boolean;
  /** The likely reason for a disagreement, where one is known. */
  explanation?: Labels;
}

/** Decimal places in a printed figure, read from the number as written (12.9 → 1, 346 → 0). */
export function decimalsOf(printed: number): number {
  const s = String(printed);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Tolerance for a printed figure: exact for counts and sums, half a unit of its last digit for a
 * rounded rate or share. `decimals` overrides when a round figure such as 13 was printed rounded.
 */
export function toleranceFor(printed: number, rounded: boolean, decimals = decimalsOf(printed)): number {
  return rounded ? 0.5 * 10 ** -decimals + 1e-9 : 1e-9;
}

export function compare(
  base: Omit<Finding, 'tolerance' | 'agrees' | 'printedAt'> & { at: RowRef | RowRef[]; column: string; rounded: boolean; decimals?: number },
): Finding {
  const { at, column, rounded, decimals, ...rest } = base;
  const refs = Array.isArray(at) ? at : [at];
  const tolerance = toleranceFor(rest.printed, rounded, decimals);
  return {
    ...rest,
    printedAt: refs.map((r) => ({ table: r.table, line: r.line, column })),
    tolerance,
    agrees: Math.abs(rest.printed - rest.recomputed) <= tolerance,
  };
}
