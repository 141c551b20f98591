/**
 * Families of metrics: those declared with the same `family` share a numerator. Each family also
 * gets a plain-count variant, made here from the numerator, so that pages can switch between the
 * count and the rates without a count having to be declared by hand.
 */
import type { Tables } from '../dataset.ts';
import type { MetricSpec } from '../schema/metric-spec.ts';
import { chainOf, countWords } from '../i18n/grammar.ts';

/** The declared metrics plus one count metric per family (`<family>_count`). */
export function withCountVariants(specs: readonly MetricSpec[], tables: Tables): MetricSpec[] {
  const families = new Map<string, MetricSpec>();
  for (const spec of specs) if (spec.family && !families.has(spec.family)) families.set(spec.family, spec);
  const counts = [...families].map(([family, first]): MetricSpec => {
    const column = Array.isArray(first.numerator.column) ? first.numerator.column[0]! : first.numerator.column;
    const field = tables.get(first.numerator.table)?.schema.fields.find((f) => f.name === column);
    const unit = field?.unit ?? {};
    // The count's words per language, made by each language's grammar from the numerator's label.
    const per = (make: (code: string, label: string) => string) => Object.fromEntries(Object.entries(first.numerator.label).map(([code, label]) => [code, make(code, label)]));
    return {
      id: `${family}_count`,
      group: first.group,
      family,
      variant: per((code) => countWords(code).variant),
      label: per((code, label) => countWords(code).label(label)),
      definition: per((code, label) => countWords(code).definition(label)),
      numerator: first.numerator,
      scale: 1,
      unit: per((code) => unit[code] ?? chainOf(code).map((c) => unit[c]).find((u) => u !== undefined) ?? Object.values(unit)[0] ?? ''),
      digits: 0,
      higherMeans: first.higherMeans,
      smallCount: first.smallCount,
    };
  });
  return [...specs, ...counts];
}

/** The metrics of a family in display order: the count first, then the declared rates. */
export function familyMembers(specs: readonly MetricSpec[], spec: MetricSpec): MetricSpec[] {
  if (!spec.family) return [spec];
  const members = specs.filter((s) => s.family === spec.family);
  return [...members.filter((s) => s.id.endsWith('_count')), ...members.filter((s) => !s.id.endsWith('_count'))];
}
