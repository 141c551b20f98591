/**
 * data/metrics.json against the tables it names: every operand must name a table of the folder
 * and numeric columns of it, on a table keyed by area with a vintage, and each metric must be
 * computable for at least one ward. Each problem is placed at the operand's line and column.
 */
import type { Problem } from '../problems.ts';
import type { MetricSpec, Operand } from '../schema/metric-spec.ts';
import type { TableSchema } from '../schema/table-schema.ts';
import { messages } from './messages.ts';
import { pointerOf, type JsonPath } from './declaration-text.ts';

type At = (path: JsonPath) => { line: number; column: number };

/** Operands naming what the folder does not have. */
export function checkMetricOperands(
  file: string,
  specs: readonly MetricSpec[],
  schemas: ReadonlyMap<string, TableSchema>,
  at: At,
  /** Tables present in the folder but unreadable: already reported, so not reported again here. */
  broken: ReadonlySet<string> = new Set(),
): Problem[] {
  const problems: Problem[] = [];
  const push = (path: JsonPath, code: 'metric-unknown-table' | 'metric-unknown-column' | 'metric-not-numeric', m: { ja: string; en: string }) =>
    problems.push({ file, ...at(path), severity: 'error', code, ...m });

  specs.forEach((spec, i) => {
    const operands: [string, Operand | undefined][] = [['numerator', spec.numerator], ['denominator', spec.denominator]];
    for (const [role, operand] of operands) {
      if (!operand) continue;
      const base: JsonPath = [i, role];
      const schema = schemas.get(operand.table);
      if (!schema && broken.has(operand.table)) continue;
      if (!schema) {
        push([...base, 'table'], 'metric-unknown-table', messages['metric-unknown-table']({ pointer: pointerOf([...base, 'table']), table: operand.table }));
        continue;
      }
      const columns: [JsonPath, string][] = Array.isArray(operand.column)
        ? operand.column.map((c, j): [JsonPath, string] => [[...base, 'column', j], c])
        : [[[...base, 'column'], operand.column]];
      if (operand.per) columns.push([[...base, 'per', 'column'], operand.per.column]);
      for (const [path, column] of columns) {
        const field = schema.fields.find((f) => f.name === column);
        const pointer = pointerOf(path);
        if (!field) push(path, 'metric-unknown-column', messages['metric-unknown-column']({ pointer, table: operand.table, column }));
        else if (field.type !== 'integer' && field.type !== 'number')
          push(path, 'metric-not-numeric', messages['metric-not-numeric']({ pointer, table: operand.table, column, type: field.type }));
      }
      // Values are placed by area and dated by the table's vintage; without them no ward has a value.
      if (!schema.fields.some((f) => f.name === 'area_code'))
        push([...base, 'table'], 'metric-unknown-column', messages['metric-unknown-column']({ pointer: pointerOf([...base, 'table']), table: operand.table, column: 'area_code' }));
      if (schema.vintage.length === 0)
        push([...base, 'table'], 'metric-unknown-column', messages['metric-unknown-column']({ pointer: pointerOf([...base, 'table']), table: operand.table, column: 'vintage (as_of / period_start, period_end / fiscal_year)' }));
    }
  });
  return problems;
}

/** Metrics that no ward can show: a comparison page would have nothing to rank. */
export function checkMetricValues(file: string, specs: readonly MetricSpec[], wardValues: readonly { metric_id: string; value: number | null }[], at: At): Problem[] {
  const computable = new Set(wardValues.filter((w) => w.value !== null).map((w) => w.metric_id));
  return specs.flatMap((spec, i) =>
    computable.has(spec.id)
      ? []
      : [{ file, ...at([i, 'id']), severity: 'error' as const, code: 'metric-no-value', ...messages['metric-no-value']({ id: spec.id }) }],
  );
}

/**
 * Metric ids that would take the place of a generated name: a comparison group's page
 * (`compare/municipalities/` beside `compare/<metric>/`), or the count a family is given
 * (`<family>_count`, src/lib/derive/metric-families.ts).
 */
export function checkMetricIds(file: string, specs: readonly MetricSpec[], groupNames: readonly string[], at: At): Problem[] {
  const counts = new Map<string, string>(specs.filter((s) => s.family).map((s) => [`${s.family}_count`, s.family!]));
  return specs.flatMap((spec, i) => {
    const family = counts.get(spec.id);
    if (!groupNames.includes(spec.id) && family === undefined) return [];
    const pointer = pointerOf([i, 'id']);
    return [{ file, ...at([i, 'id']), severity: 'error' as const, code: 'metric-id-reserved', ...messages['metric-id-reserved']({ pointer, id: spec.id, family: groupNames.includes(spec.id) ? undefined : family }) }];
  });
}

/**
 * Values a page could not print exactly: infinite, or so large that the declared decimal places
 * are beyond what a double holds (2^53). Placed at the metric's scale, the usual cause.
 */
export function checkMetricRange(file: string, specs: readonly MetricSpec[], values: readonly { metric_id: string; area_code?: string; city_code: string; value: number | null }[], at: At): Problem[] {
  const problems: Problem[] = [];
  specs.forEach((spec, i) => {
    const bad = values.find((v) => v.metric_id === spec.id && v.value !== null && !(Math.abs(v.value) * 10 ** spec.digits <= Number.MAX_SAFE_INTEGER));
    if (!bad) return;
    problems.push({
      file, ...at([i, 'scale']), severity: 'error', code: 'metric-value-unrepresentable',
      ...messages['metric-value-unrepresentable']({ id: spec.id, area: bad.area_code ?? bad.city_code, value: String(bad.value), digits: spec.digits }),
    });
  });
  return problems;
}
