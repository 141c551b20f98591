/**
 * The declaration of a metric, as written in data/metrics.json: what is divided by what, scaled
 * how, and what "more" means. Adding a metric is adding one declaration; pages, tables and
 * downloads are generated from the list.
 */
import { z } from 'zod';
import { labelSchema } from '../i18n/labels.ts';

// Labels per language: only the default language is required; the others fall back (src/lib/i18n/labels.ts).
const text = labelSchema;

/**
 * The largest scale a metric may declare ("per million"): beyond it a rate's printed digits are
 * no longer exact in a double (a scale of 1e308 printed 300-digit figures, or Infinity).
 */
export const maxScale = 1_000_000;

const operand = z
  .object({
    table: z.string(),
    /** One column, or several summed (new + continuing clients). */
    column: z.union([z.string(), z.array(z.string()).min(1)]),
    /** Divide by another column of the same row and multiply (an annual rate from a count over months). */
    per: z.object({ column: z.string(), times: z.number().positive().max(maxScale) }).strict().optional(),
    label: text,
  })
  .strict();

export const metricSpec = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    group: z.enum(['population', 'resources', 'hubs']),
    /**
     * Metrics of one family share a numerator and differ in denominator (per 10,000 population,
     * per 10,000 aged 75+); pages offer a switch between them and the plain count.
     */
    family: z.string().regex(/^[a-z][a-z0-9_]*$/).optional(),
    /** Short name of the variant within its family, for the switch. */
    variant: text.optional(),
    label: text,
    definition: text,
    numerator: operand,
    /** Absent for a plain count: then the city value is the mean per ward (Σ / number of wards). */
    denominator: operand.optional(),
    /** 10000 for "per 10,000", 100 for a percentage, 1 for a plain ratio. */
    scale: z.number().positive().max(maxScale).default(10_000),
    unit: text,
    digits: z.number().int().min(0).max(4).default(2),
    /** What a higher value means for readers, so pages can say it in words. */
    higherMeans: text,
    /** Below this numerator count the rate is marked unstable. */
    smallCount: z.number().int().min(0).default(5),
  })
  .strict();

export type MetricSpec = z.output<typeof metricSpec>;
export type Operand = MetricSpec['numerator'];

/** The whole of metrics.json: a list of declarations with distinct ids. */
export const metricSpecList = z.array(metricSpec).superRefine((list, ctx) => {
  const first = new Map<string, number>();
  list.forEach((m, i) => {
    const at = first.get(m.id);
    if (at === undefined) first.set(m.id, i);
    else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate metric id "${m.id}" (same as /${at}/id)`, params: { duplicateOf: at } });
  });
});

/** Checks the metric declarations; throws with every problem listed, since the build must not guess. */
export function parseMetricSpecs(json: unknown): MetricSpec[] {
  const result = metricSpecList.safeParse(json);
  if (!result.success)
    throw new Error(
      'data/metrics.json: ' + result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  const ids = result.data.map((m) => m.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`data/metrics.json: duplicate metric id "${dup}"`);
  return result.data;
}
