/**
 * The schema a data maintainer writes beside each CSV (`data/<table>.schema.json`), after the
 * Frictionless Table Schema with bilingual titles, units and sources added. `parseTableSchema`
 * turns the unknown JSON into a checked `TableSchema`; everything downstream uses only that type.
 */
import { z } from 'zod';
import { labelSchema } from '../i18n/labels.ts';
import { compilePattern } from './pattern.ts';
import { relationColumns, relationSchema, relationTypeProblem } from './relations.ts';

// Labels per language: only the default language is required; the others fall back (src/lib/i18n/labels.ts).
const text = labelSchema;

export const fieldTypes = ['string', 'integer', 'number', 'date', 'boolean'] as const;
export type FieldType = (typeof fieldTypes)[number];

const constraints = z
  .object({
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    minimum: z.union([z.number(), z.string()]).optional(),
    maximum: z.union([z.number(), z.string()]).optional(),
    pattern: z.string().optional(),
    enum: z.array(z.union([z.string(), z.number()])).optional(),
  })
  .strict();

const field = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'field names are lower snake_case ASCII'),
    type: z.enum(fieldTypes),
    title: text,
    description: text.optional(),
    unit: text.optional(),
    constraints: constraints.optional(),
  })
  .strict();

const foreignKey = z
  .object({
    fields: z.array(z.string()).min(1),
    reference: z.object({ resource: z.string(), fields: z.array(z.string()).min(1) }).strict(),
  })
  .strict();

const total = z
  .object({
    key: z.string(),
    total: z.string(),
    groupBy: z.array(z.string()).default([]),
    fields: z.array(z.string()).min(1),
  })
  .strict();

const source = z
  .object({
    document: z.string(),
    section: z.string(),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  })
  .strict();

/** The schema file as written, for the declaration validator that locates each problem. */
export const tableSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z][a-z0-9_]*$/),
    title: text,
    description: text,
    sources: z.array(source).default([]),
    vintage: z.array(z.string()).default([]),
    primaryKey: z.array(z.string()).min(1),
    foreignKeys: z.array(foreignKey).default([]),
    missingValues: z.array(z.string()).default(['']),
    fields: z.array(field).min(1),
    totals: z.array(total).default([]),
    /** Rules between values, each an error or a warning (relations.ts). */
    relations: z.array(relationSchema).default([]),
    notes: z.array(text).default([]),
  })
  .strict()
  .superRefine((schema, ctx) => {
    // Every field a schema names must be one of its own columns: a typo here would silently
    // disable a key or a check.
    const names = new Set(schema.fields.map((f) => f.name));
    const mentioned: [(string | number)[], string][] = [
      ...schema.vintage.map((n, i): [(string | number)[], string] => [['vintage', i], n]),
      ...schema.primaryKey.map((n, i): [(string | number)[], string] => [['primaryKey', i], n]),
      ...schema.foreignKeys.flatMap((fk, i) => fk.fields.map((n, j): [(string | number)[], string] => [['foreignKeys', i, 'fields', j], n])),
      ...schema.totals.flatMap((t, i): [(string | number)[], string][] => [
        [['totals', i, 'key'], t.key],
        ...t.groupBy.map((n, j): [(string | number)[], string] => [['totals', i, 'groupBy', j], n]),
        ...t.fields.map((n, j): [(string | number)[], string] => [['totals', i, 'fields', j], n]),
      ]),
    ];
    schema.relations.forEach((r, i) => mentioned.push(...relationColumns(r).map(([path, name]): [(string | number)[], string] => [['relations', i, ...path], name])));
    for (const [path, name] of mentioned)
      if (!names.has(name)) ctx.addIssue({ code: 'custom', path, message: `unknown field "${name}"` });
    // A rule over columns it cannot compare would never find anything.
    const typeOf = (name: string) => schema.fields.find((f) => f.name === name)?.type;
    schema.relations.forEach((r, i) => {
      if (relationColumns(r).some(([, name]) => !names.has(name))) return;
      const wrong = relationTypeProblem(r, typeOf);
      if (wrong) ctx.addIssue({ code: 'custom', path: ['relations', i, ...wrong.path], message: wrong.message, params: { ja: wrong.ja } });
    });
    if (names.size !== schema.fields.length) ctx.addIssue({ code: 'custom', path: ['fields'], message: 'duplicate field name' });
    // Patterns are compiled here, once, so a pattern that cannot run is reported at its place in
    // the schema before any row is read.
    schema.fields.forEach((f, i) => {
      const pattern = f.constraints?.pattern;
      if (pattern === undefined) return;
      const compiled = compilePattern(pattern);
      if (!compiled.ok)
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'constraints', 'pattern'], message: `invalid pattern: ${compiled.reason}`, params: { pattern, reason: compiled.reason } });
    });
  });

export type TableSchema = z.output<typeof tableSchema>;
export type FieldSchema = TableSchema['fields'][number];
export type BilingualText = z.output<typeof text>;

/** Checks a parsed schema file; returns the schema, or the list of problems as plain strings. */
export function parseTableSchema(json: unknown): { schema: TableSchema } | { errors: string[] } {
  const result = tableSchema.safeParse(json);
  if (result.success) return { schema: result.data };
  return {
    errors: result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  };
}
