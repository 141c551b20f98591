/**
 * data/consistency.json against the tables it reads: every rule must name tables of the folder and
 * columns of them, of the type the rule needs (a number to add up or compare, a date to count
 * from), and may relate rows by vintage or area only where both tables declare one. Each problem
 * is placed at the rule's line and column, so a rule that could never run stops the build instead
 * of checking nothing.
 */
import type { Problem } from '../problems.ts';
import type { ConsistencySpec, ConsistencyRule, OperandSpec, RowsSpec, Where } from '../schema/consistency-spec.ts';
import type { FieldType, TableSchema } from '../schema/table-schema.ts';
import { messages, type MessageCode } from './messages.ts';
import { pointerOf, type JsonPath } from './declaration-text.ts';

type At = (path: JsonPath) => { line: number; column: number };
type Expected = 'number' | 'date' | 'string' | 'any';

export function checkRuleReferences(
  file: string,
  spec: ConsistencySpec,
  schemas: ReadonlyMap<string, TableSchema>,
  at: At,
  /** Tables present in the folder but unreadable: already reported, so not reported again here. */
  broken: ReadonlySet<string> = new Set(),
): Problem[] {
  const problems: Problem[] = [];
  const report = <C extends MessageCode>(path: JsonPath, code: C, args: Parameters<(typeof messages)[C]>[0]) =>
    problems.push({ file, ...at(path), severity: 'error', code, ...(messages[code] as (a: typeof args) => { ja: string; en: string })(args) });

  /** The schema of a table, or null (reported, unless the table is there but broken). */
  const tableAt = (path: JsonPath, table: string): TableSchema | null => {
    const schema = schemas.get(table);
    if (!schema && !broken.has(table)) report(path, 'rule-unknown-table', { pointer: pointerOf(path), table });
    return schema ?? null;
  };
  const columnAt = (path: JsonPath, schema: TableSchema, column: string, expected: Expected) => {
    const field = schema.fields.find((f) => f.name === column);
    if (!field) return report(path, 'rule-unknown-column', { pointer: pointerOf(path), table: schema.name, column });
    if (expected !== 'any' && !typeIs(field.type, expected)) report(path, 'rule-column-type', { pointer: pointerOf(path), table: schema.name, column, type: field.type, expected });
  };
  const whereAt = (path: JsonPath, schema: TableSchema, where: Where | undefined) => {
    for (const column of Object.keys(where ?? {})) columnAt([...path, column], schema, column, 'any');
  };

  spec.forEach((check, i) =>
    check.rules.forEach((rule, j) => {
      const base: JsonPath = [i, 'rules', j];
      const printed = tableAt([...base, 'printed', 'table'], rule.printed.table);
      if (!printed) return;
      const columns = typeof rule.printed.column === 'string' ? [rule.printed.column] : rule.printed.column;
      columns.forEach((c, k) => columnAt([...base, 'printed', 'column', ...(typeof rule.printed.column === 'string' ? [] : [k])], printed, c, rule.kind === 'weekday' ? 'string' : 'number'));
      whereAt([...base, 'printed', 'where'], printed, rule.printed.where);
      rule.explanations.forEach((e, k) => whereAt([...base, 'explanations', k, 'where'], printed, e.where));
      if (rule.kind === 'months' && printed.vintage.length === 0) report([...base, 'printed', 'table'], 'rule-needs-vintage', { pointer: pointerOf([...base, 'printed', 'table']), table: printed.name });
      for (const [name, operand, expected] of operandsOf(rule)) {
        const path = [...base, name];
        if (!('table' in operand)) {
          columnAt([...path, 'column'], printed, operand.column, expected);
          continue;
        }
        const related = tableAt([...path, 'table'], operand.table);
        if (!related) continue;
        if (operand.column !== undefined) columnAt([...path, 'column'], related, operand.column, expected);
        whereAt([...path, 'where'], related, operand.where);
        operand.match.forEach((c, k) => {
          columnAt([...path, 'match', k], printed, c, 'any');
          columnAt([...path, 'match', k], related, c, 'any');
        });
        for (const key of ['during', 'through', 'distinct'] as const) {
          const c = (operand as RowsSpec)[key];
          if (c !== undefined) columnAt([...path, key], related, c, key === 'distinct' ? 'any' : 'date');
        }
        const datesUsed = operand.during !== undefined || operand.through !== undefined;
        // Each table once: a rule relating a table's rows to each other names it twice.
        const both = [...new Set([printed, related])];
        if (operand.vintage !== 'all' || datesUsed)
          for (const schema of operand.vintage !== 'all' ? both : [printed])
            if (schema.vintage.length === 0) report([...path, 'vintage'], 'rule-needs-vintage', { pointer: pointerOf([...path, 'vintage']), table: schema.name });
        if (operand.areas === 'same' || operand.areas === 'wards')
          for (const schema of both)
            if (!schema.fields.some((f) => f.name === 'area_code')) report([...path, 'areas'], 'rule-needs-area', { pointer: pointerOf([...path, 'areas']), table: schema.name });
      }
    }),
  );
  return problems;
}

/** The rows and columns a rule reads besides the printed figure, with the type each must have. */
function operandsOf(rule: ConsistencyRule): [string, OperandSpec | RowsSpec, Expected][] {
  switch (rule.kind) {
    case 'sum':
      return [['parts', rule.parts, 'number']];
    case 'ratio':
      return [['numerator', rule.numerator, 'number'], ...(rule.denominator ? [['denominator', rule.denominator, 'number'] as [string, OperandSpec, Expected]] : [])];
    case 'difference':
      return [['value', rule.value, 'number'], ['minus', rule.minus, 'number']];
    case 'count':
      return [['rows', rule.rows, 'any']];
    case 'equals':
      return [['value', rule.value, 'number']];
    case 'months':
      return [['from', rule.from, 'date']];
    case 'weekday':
      return [['date', rule.date, 'date']];
  }
}

const typeIs = (type: FieldType, expected: Exclude<Expected, 'any'>) => (expected === 'number' ? type === 'integer' || type === 'number' : type === expected);
