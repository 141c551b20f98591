/**
 * The `relations` of a table schema: rules between the values of a table (and, for a part and
 * its whole, of another table) that a single column's `constraints` cannot say. Each is an error
 * where the values cannot all be true, or a warning, by its `severity`, where they are only
 * unusual. They are declarations, beside the columns they concern; src/lib/validate/
 * validate-relations.ts evaluates them, one rule kind per case.
 *
 * - `atMost`: `field` ≤ `limit` on every row: a part and its whole (aged 75+ and the population),
 *   a period's start and its end. `limit` is a column of the same row, or of another table's row
 *   with the same values in the `on` columns.
 * - `share`: `part` / `whole` × 100 lies within `minimumPct`…`maximumPct`.
 * - `notAfterRelease`: the dates in `fields` are not after the day the data is published (the
 *   release's date for a release snapshot, today for data not yet released).
 * - `hierarchy`: codes in `field` with their parent in `parent` form a tree of at most `levels`
 *   levels: no code is its own ancestor.
 * - `ascending`: in the order of `by` (numbers and versions compared by their numbers), `field`
 *   never goes back (a later version is not dated before an earlier one).
 */
import { z } from 'zod';

const severity = z.enum(['error', 'warning']).default('error');
const column = z.string().regex(/^[a-z][a-z0-9_]*$/);

/** A column of another table, matched to the row by the `on` columns both tables have. */
const otherColumn = z.object({ table: column, field: column, on: z.array(column).min(1) }).strict();

export const relationSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('atMost'), field: column, limit: z.union([column, otherColumn]), severity }).strict(),
  z
    .object({ rule: z.literal('share'), part: column, whole: column, minimumPct: z.number().min(0).optional(), maximumPct: z.number().positive().optional(), severity })
    .strict(),
  z.object({ rule: z.literal('notAfterRelease'), fields: z.array(column).min(1), severity }).strict(),
  z.object({ rule: z.literal('hierarchy'), field: column, parent: column, levels: z.number().int().min(1).optional(), severity }).strict(),
  z.object({ rule: z.literal('ascending'), by: column, field: column, severity }).strict(),
]);

export type Relation = z.output<typeof relationSchema>;
export type OtherColumn = z.output<typeof otherColumn>;

/** The columns of its own table a relation names, each with its place in the declaration. */
export function relationColumns(r: Relation): [(string | number)[], string][] {
  switch (r.rule) {
    case 'atMost':
      return [
        [['field'], r.field],
        ...(typeof r.limit === 'string' ? [[['limit'], r.limit] as [(string | number)[], string]] : r.limit.on.map((c, i): [(string | number)[], string] => [['limit', 'on', i], c])),
      ];
    case 'share':
      return [[['part'], r.part], [['whole'], r.whole]];
    case 'notAfterRelease':
      return r.fields.map((f, i): [(string | number)[], string] => [['fields', i], f]);
    case 'hierarchy':
      return [[['field'], r.field], [['parent'], r.parent]];
    case 'ascending':
      return [[['by'], r.by], [['field'], r.field]];
  }
}

/** The column types a rule can compare, for the declaration's own check. */
export function relationTypeProblem(r: Relation, typeOf: (field: string) => string | undefined): { path: (string | number)[]; message: string; ja: string } | null {
  const numeric = (t: string | undefined) => t === 'integer' || t === 'number';
  switch (r.rule) {
    case 'atMost': {
      if (typeof r.limit !== 'string') return numeric(typeOf(r.field)) ? null : { path: ['field'], message: `"${r.field}" is not numeric`, ja: `「${r.field}」は数値の列ではありません` };
      const [a, b] = [typeOf(r.field), typeOf(r.limit)];
      return (numeric(a) && numeric(b)) || (a === 'date' && b === 'date')
        ? null
        : { path: ['limit'], message: `"${r.field}" (${a}) and "${r.limit}" (${b}) cannot be compared: both must be numbers or both dates`, ja: `「${r.field}」（${a}）と「${r.limit}」（${b}）は比べられません。両方が数値か、両方が日付の列にしてください` };
    }
    case 'share':
      return numeric(typeOf(r.part)) && numeric(typeOf(r.whole)) ? null : { path: ['part'], message: 'part and whole must be numeric columns', ja: 'part と whole は数値の列にしてください' };
    case 'notAfterRelease': {
      const i = r.fields.findIndex((f) => typeOf(f) !== 'date');
      return i < 0 ? null : { path: ['fields', i], message: `"${r.fields[i]}" is not a date column`, ja: `「${r.fields[i]}」は日付の列ではありません` };
    }
    default:
      return null;
  }
}
