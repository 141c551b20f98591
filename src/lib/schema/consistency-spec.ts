/**
 * The consistency rules, as written in data/consistency.json: which printed figures of the data
 * are recomputed from which other rows, and how. A rule names tables, columns and how rows relate
 * to the printed one (same area or its wards, same vintage or the one before, the same value in a
 * column), never a date, year or area of its own, so a new vintage or a second city is checked by
 * the rules already there. The quality page lists every check with its rules; src/lib/quality/
 * evaluates them.
 */
import { z } from 'zod';
import { labelSchema } from '../i18n/labels.ts';
import { compilePattern } from './pattern.ts';

const text = labelSchema;
const column = z.string().regex(/^[a-z][a-z0-9_]*$/, 'column names are lower snake_case ASCII');
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * What a cell must be for a row to count: a value (null: blank), one of a list, not a value, above
 * a number, containing or not containing a text, or matching a pattern (RE2, the whole cell, as a
 * schema's `pattern`).
 */
const condition = z.union([
  scalar,
  z.array(scalar).min(1),
  z.object({ not: z.union([scalar, z.array(scalar).min(1)]) }).strict(),
  z.object({ above: z.number() }).strict(),
  z.object({ contains: z.string().min(1) }).strict(),
  z.object({ notContains: z.string().min(1) }).strict(),
  z
    .object({ pattern: z.string() })
    .strict()
    .superRefine((c, ctx) => {
      const compiled = compilePattern(c.pattern);
      if (!compiled.ok) ctx.addIssue({ code: 'custom', path: ['pattern'], message: `invalid pattern: ${compiled.reason}`, params: { pattern: c.pattern, reason: compiled.reason } });
    }),
]);
export type Condition = z.output<typeof condition>;

const where = z.record(column, condition);
export type Where = z.output<typeof where>;

/** The printed figures a rule checks: the rows of a table that match `where` and have the figure. */
const printed = z
  .object({
    table: column,
    /** The column that holds the figure; several are added up (new + continuing clients). */
    column: z.union([column, z.array(column).min(2)]),
    where: where.optional(),
    /** Decimal places the figure was printed with, where the number as written does not show them (15.0 read as 15). */
    digits: z.number().int().min(0).max(6).optional(),
  })
  .strict();

/** A column of the printed figure's own row. */
const own = z.object({ column }).strict();

/**
 * Other rows, found from the printed figure's row: in the same area, in its wards, or anywhere; of
 * the same vintage, the latest one at or before it, the newest one, the one just before it, or
 * any; with the same values in the `match` columns; and matching `where`.
 */
const rowsBase = z
  .object({
    table: column,
    column: column.optional(),
    areas: z.enum(['same', 'wards', 'all']).optional(),
    vintage: z.enum(['same', 'latest', 'newest', 'previous', 'all']).default('same'),
    match: z.array(column).default([]),
    where: where.optional(),
    /** A date column that must fall inside the printed figure's period. */
    during: column.optional(),
    /** A date column that must fall on or before the end of the printed figure's period. */
    through: column.optional(),
  })
  .strict();
/** Rows whose `column` is added up. */
const rowsWithColumn = rowsBase.extend({ column });
/** Rows counted, each distinct value of `distinct` once. */
const rowsCounted = rowsBase.extend({ distinct: column.optional() });

const operand = z.union([own, rowsWithColumn]);
export type RowsSpec = z.output<typeof rowsBase> & { distinct?: string };
export type OperandSpec = z.output<typeof operand>;

const common = {
  /** What each finding is called, per language: `{area}`, `{vintage}` and any `{column}` of the printed row are filled in. */
  subject: text,
  printed,
  /** A printed figure with no rows to recompute it from: listed on the quality page (report), or not one of this rule's (skip). */
  unmatched: z.enum(['report', 'skip']).default('report'),
  /** The likely reason for a disagreement, shown with the disagreements of the rows it names. */
  explanations: z.array(z.object({ where, text }).strict()).default([]),
  /** Why the rule reads the rows it reads, for maintainers. */
  note: text.optional(),
};

export const consistencyRule = z.discriminatedUnion('kind', [
  /** A printed total equals the sum of its parts. */
  z.object({ kind: z.literal('sum'), ...common, parts: rowsWithColumn }).strict(),
  /** A printed share or rate equals numerator ÷ denominator × scale, to its printed precision. */
  z.object({ kind: z.literal('ratio'), ...common, numerator: operand, denominator: operand.optional(), scale: z.number().positive().default(1) }).strict(),
  /** A printed change equals one figure minus another (this year's budget minus last year's). */
  z.object({ kind: z.literal('difference'), ...common, value: operand, minus: operand }).strict(),
  /** A printed count equals the number of rows, or of distinct values in a column of them. */
  z.object({ kind: z.literal('count'), ...common, rows: rowsCounted }).strict(),
  /** A printed figure repeats a figure of exactly one other row. */
  z.object({ kind: z.literal('equals'), ...common, value: rowsWithColumn }).strict(),
  /** Printed months in operation equal the calendar months from a date of one other row to the end of the period, inside the period. */
  z.object({ kind: z.literal('months'), ...common, from: rowsWithColumn }).strict(),
  /** A weekday printed after a date, as in 1月5日（月）, is that date's weekday. */
  z.object({ kind: z.literal('weekday'), ...common, date: own }).strict(),
]);
export type ConsistencyRule = z.output<typeof consistencyRule>;
export type RuleKind = ConsistencyRule['kind'];

export const consistencyCheck = z
  .object({
    /** The check's anchor on the quality page (`#check-<id>`). */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: text,
    rules: z.array(consistencyRule).min(1),
  })
  .strict();
export type ConsistencyCheck = z.output<typeof consistencyCheck>;

/** The whole of consistency.json: a list of checks with distinct ids. */
export const consistencySpec = z.array(consistencyCheck).superRefine((list, ctx) => {
  const first = new Map<string, number>();
  list.forEach((c, i) => {
    const at = first.get(c.id);
    if (at === undefined) first.set(c.id, i);
    else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate check id "${c.id}" (same as /${at}/id)`, params: { duplicateOf: at } });
  });
});
export type ConsistencySpec = z.output<typeof consistencySpec>;

/** The file a data folder declares its rules in. */
export const CONSISTENCY_FILE = 'consistency.json';
