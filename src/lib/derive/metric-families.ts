/**
 * Families of metrics: those declared with the same `family` share a numerator. Each family also
 * gets a plain-count variant, made here from the numerator, so that pages can switch between the
 * count and the rates without a count having to be declared by hand.
 */
import type { Tables } from '../dataset.ts';
import type { MetricSpec } from './metric-spec.ts';

/** The declared metrics plus one count metric per family (`<family>_count`). */
export function withCountVariants(specs: readonly MetricSpec[], tables: Tables): MetricSpec[] {
  const families = new Map<string, MetricSpec>();
  for (const spec of specs) if (spec.family && !families.has(spec.family)) families.set(spec.family, spec);
  const counts = [...families].map(([family, first]): MetricSpec => {
    const column = Array.isArray(first.numerator.column) ? first.numerator.column[0]! : first.numerator.column;
    const field = tables.get(first.numerator.table)?.schema.fields.find((f) => f.name === column);
    const unit = field?.unit ?? { ja: '', en: '' };
    return {
      id: `${family}_count`,
      group: first.group,
      family,
      variant: { ja: '数', en: 'count' },
      label: { ja: `${first.numerator.label.ja}の数`, en: `Number of ${first.numerator.label.en}` },
      definition: {
        ja: `${first.numerator.label.ja}の数。比べる線は平均（合計を区や市町村の数で割った値）です。`,
        en: `The number of ${first.numerator.label.en}. The reference line is the mean per area (the total divided by the number of areas).`,
      },
      numerator: first.numerator,
      scale: 1,
      unit: { ja: `${unit.ja}`, en: unit.en },
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
