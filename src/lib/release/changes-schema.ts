/**
 * The shape of `releases/<version>/changes.json` (snapshots.ts `ReleaseChanges`), as the gate
 * checks it before the release history page, the feed and the data page read it: every field
 * they read, with its type. Written by `npm run release`; a hand edit or a truncated copy is
 * refused at its line and column instead of stopping the build.
 */
import { z } from 'zod';
import type { Problem } from '../problems.ts';
import { checkDeclarationText } from '../validate/validate-declaration.ts';

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const count = z.number().int().min(0);

const rowDiff = z.object({
  key: z.record(z.string(), value),
  area: z.object({ code: z.string(), nameJa: z.string().nullable() }).nullable(),
  vintage: z.string().nullable(),
  rest: z.record(z.string(), value),
  lineBefore: count.optional(),
  lineAfter: count.optional(),
  row: z.record(z.string(), value).optional(),
  changes: z.array(z.object({ column: z.string(), before: value, after: value })),
});

const tableDiff = z.object({
  table: z.string(),
  status: z.enum(['added', 'removed', 'changed']),
  rowsBefore: count,
  rowsAfter: count,
  columnsAdded: z.array(z.string()),
  columnsRemoved: z.array(z.string()),
  primaryKeyChanged: z.object({ before: z.array(z.string()), after: z.array(z.string()) }).nullable(),
  rowsMatched: z.boolean(),
  added: z.array(rowDiff),
  removed: z.array(rowDiff),
  changed: z.array(rowDiff),
});

const rankMove = z.object({
  cityCode: z.string(),
  areaCode: z.string(),
  nameJa: z.string().nullable(),
  rankBefore: count.nullable(),
  rankAfter: count.nullable(),
  rankOfBefore: count,
  rankOfAfter: count,
  valueBefore: z.number().nullable(),
  valueAfter: z.number().nullable(),
});

const metricRankDiff = z.object({
  metricId: z.string(),
  label: z.object({ ja: z.string(), en: z.string() }),
  digits: count,
  status: z.enum(['added', 'removed', 'changed']),
  definitionChanged: z.boolean(),
  errorBefore: z.string().nullable(),
  errorAfter: z.string().nullable(),
  moves: z.array(rankMove),
});

/**
 * Checks the change report of the release in folder `version`: first its version and whether it
 * is a first release, then the whole of the matching form, so each problem is placed at the value
 * it is about rather than reported as "matches neither form".
 */
export function checkReleaseChanges(file: string, bytes: Uint8Array, version: string): Problem[] {
  const ofThisRelease = z.string().superRefine((v, ctx) => {
    if (v !== version)
      ctx.addIssue({
        code: 'custom',
        message: `this change report is of release "${v}", not of its folder's release "${version}"`,
        params: { ja: `この変更の記録は版「${v}」のものです。フォルダの版「${version}」と一致しません` },
      });
  });
  const head = checkDeclarationText(file, bytes, z.object({ version: ofThisRelease, previous: z.string().nullable() }));
  if (!head.value) return head.problems;
  const whole = head.value.previous === null
    ? z.object({ version: z.string(), previous: z.null(), tables: z.array(z.object({ table: z.string(), rows: count })) })
    : z.object({
        version: z.string(),
        previous: z.string(),
        data: z.object({ tablesAdded: z.array(z.string()), tablesRemoved: z.array(z.string()), tables: z.array(tableDiff) }),
        ranks: z.array(metricRankDiff),
      });
  return checkDeclarationText(file, bytes, whole).problems;
}
