/**
 * One CSV against its schema: header, row shape, cell types, constraints, primary key and
 * declared total rows. Cross-table references are checked later, when every table is read.
 */
import type { Problem } from '../problems.ts';
import type { TableSchema } from '../schema/table-schema.ts';
import { decodeCsvBytes, longestLine } from '../load/decode.ts';
import { fileLimits } from '../load/read-data-file.ts';
import { forEachCsvRow, isEmptyRow } from '../load/parse-csv.ts';
import { messages, type MessageCode } from './messages.ts';
import { maxCellLength, normalizationNames, parseCell, type Normalization, type Value } from './parse-cell.ts';
import { compilePattern } from '../schema/pattern.ts';

/**
 * Problems of one kind shown per file: a 200 MB file of repeated keys must not hold millions of
 * messages in memory, and the first ones say what to fix.
 */
export const maxProblemsPerKind = 100;

export type Row = Record<string, Value>;

export interface Table {
  name: string;
  file: string;
  schema: TableSchema;
  /** Column names in the file's order (columns are matched by name, so it may differ from the schema's). */
  header: string[];
  rows: Row[];
  /** File line of each row, parallel to `rows`. */
  lines: number[];
}

export interface TableResult {
  table: Table | null;
  problems: Problem[];
  /** Data rows in the file (blank rows excluded), whether or not they were valid. */
  rowCount: number;
}

export function validateTable(file: string, bytes: Uint8Array, schema: TableSchema): TableResult {
  const problems: Problem[] = [];
  const perKind = new Map<string, number>();
  const report = <C extends MessageCode>(
    line: number,
    column: number,
    code: C,
    args: Parameters<(typeof messages)[C]>[0],
    severity: Problem['severity'] = 'error',
  ) => {
    const n = (perKind.get(code) ?? 0) + 1;
    perKind.set(code, n);
    if (n > maxProblemsPerKind) return;
    const msg = (messages[code] as (a: typeof args) => { ja: string; en: string })(args);
    problems.push({ file, line, column, severity, code, ...msg });
  };
  const result = validateRows(file, bytes, schema, report);
  for (const [code, n] of perKind)
    if (n > maxProblemsPerKind) {
      const first = problems.find((p) => p.code === code)!;
      problems.push({ ...first, code: 'too-many', ...messages['too-many']({ count: n - maxProblemsPerKind, code }) });
    }
  return { ...result, problems };
}

type Report = <C extends MessageCode>(
  line: number,
  column: number,
  code: C,
  args: Parameters<(typeof messages)[C]>[0],
  severity?: Problem['severity'],
) => void;

function validateRows(file: string, bytes: Uint8Array, schema: TableSchema, report: Report): Omit<TableResult, 'problems'> {
  // Encoding.
  if (bytes.length === 0) {
    report(1, 1, 'empty-file', {});
    return { table: null, rowCount: 0 };
  }
  const longest = longestLine(bytes);
  if (longest.bytes > fileLimits.csvLineBytes) {
    report(longest.line, 0, 'line-too-long', { bytes: longest.bytes, limit: fileLimits.csvLineBytes });
    return { table: null, rowCount: 0 };
  }
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) {
    if ('mixed' in decoded) {
      // Placed at the fewer lines: those are the ones pasted in.
      const { utf8, other } = decoded.mixed;
      const [odd, rest] = utf8.lines <= other.lines ? [utf8, other] : [other, utf8];
      const name = (e: typeof utf8) => (e === utf8 ? 'UTF-8' : 'Shift_JIS');
      report(odd.first, 0, 'mixed-encoding', { line: odd.first, lines: odd.lines, encoding: name(odd), otherLine: rest.first, otherLines: rest.lines, otherEncoding: name(rest) });
    } else report(decoded.line, decoded.column, 'encoding-error', { byte: decoded.byte + 1 });
    return { table: null, rowCount: 0 };
  }
  if (decoded.encoding === 'utf-8-bom') report(1, 1, 'bom', {}, 'warning');
  if (decoded.encoding === 'shift_jis') report(1, 1, 'shift-jis', {}, 'warning');

  if (decoded.text.includes('\r\n')) report(1, 0, 'crlf', {}, 'warning');

  // Header: columns are matched by name, so a maintainer may reorder them.
  let header: string[] | null = null;
  let headerOk = true;
  let emptyHeader = false;
  let rowCount = 0;
  const fieldNames = new Set(schema.fields.map((f) => f.name));
  const readHeader = (cells: string[]) => {
    header = cells.map((c) => c.trim());
    const seen = new Map<string, number>();
    header.forEach((name, i) => {
      if (name === '') {
        report(1, i + 1, 'blank-header', {});
        headerOk = false;
      } else if (seen.has(name)) {
        report(1, i + 1, 'duplicate-header', { name, first: seen.get(name)! });
        headerOk = false;
      } else {
        seen.set(name, i + 1);
        if (!fieldNames.has(name)) {
          report(1, i + 1, 'extra-header', { name });
          headerOk = false;
        }
      }
    });
    for (const f of schema.fields)
      if (!seen.has(f.name)) {
        report(1, header.length + 1, 'missing-header', { name: f.name });
        headerOk = false;
      }
  };

  // Rows and cells, one at a time as the parser reads them.
  let columnOf = new Map<string, number>();
  const rows: Row[] = [];
  const lines: number[] = [];
  const firstNormalization = new Map<Normalization, { line: number; column: number; value: string; to: string; count: number }>();
  const uniqueSeen = new Map<string, Map<string, number>>();
  const readRow = (line: number, cells: string[], header: string[]) => {
    if (isEmptyRow(cells)) {
      if (headerOk) report(line, 0, 'blank-row', {}, 'warning');
      return;
    }
    rowCount++;
    if (!headerOk) return;
    if (cells.length < header.length) {
      report(line, cells.length + 1, 'missing-cell', { expected: header.length, found: cells.length });
      return;
    }
    if (cells.length > header.length) {
      report(line, header.length + 1, 'extra-cell', { expected: header.length, found: cells.length });
      return;
    }
    const row: Row = {};
    let rowOk = true;
    for (const field of schema.fields) {
      const column = columnOf.get(field.name)! + 1;
      const raw = cells[column - 1]!;
      const parsed = parseCell(raw, field, schema.missingValues);
      if (!parsed.ok) {
        const f = field.name;
        const shown = raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
        switch (parsed.code) {
          case 'required-error': report(line, column, 'required-error', { field: f }); break;
          case 'cell-too-long': report(line, column, 'cell-too-long', { field: f, length: raw.length, limit: maxCellLength }); break;
          case 'control-char': report(line, column, 'control-char', { field: f, char: codePointName(raw, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/) }); break;
          case 'circled-digit': report(line, column, 'circled-digit', { field: f, value: shown }); break;
          case 'unsafe-integer': report(line, column, 'unsafe-integer', { field: f, value: shown }); break;
          case 'era-year-in-count': report(line, column, 'era-year-in-count', { field: f, value: shown }); break;
          case 'era-out-of-range': report(line, column, 'era-out-of-range', { field: f, value: shown }); break;
          default: report(line, column, 'type-error', { field: f, value: shown, type: field.type });
        }
        rowOk = false;
        continue;
      }
      if (parsed.invisible) report(line, column, 'invisible-char', { field: field.name, char: parsed.invisible }, 'warning');
      if (parsed.normalized) {
        const first = firstNormalization.get(parsed.normalized.kind);
        if (first) first.count++;
        else firstNormalization.set(parsed.normalized.kind, { line, column, value: raw, to: parsed.normalized.to, count: 1 });
      }
      const broken = checkConstraints(field, parsed.value, raw);
      if (broken) {
        report(line, column, broken.code, broken.args as never);
        rowOk = false;
        continue;
      }
      if (field.constraints?.unique && parsed.value !== null) {
        const byValue = uniqueSeen.get(field.name) ?? new Map<string, number>();
        uniqueSeen.set(field.name, byValue);
        const key = String(parsed.value);
        const first = byValue.get(key);
        if (first !== undefined) {
          report(line, column, 'unique-error', { field: field.name, value: raw, first });
          rowOk = false;
        } else byValue.set(key, line);
      }
      row[field.name] = parsed.value;
    }
    if (rowOk) {
      rows.push(row);
      lines.push(line);
    }
  };
  forEachCsvRow(
    decoded.text,
    ({ line, cells }) => {
      if (emptyHeader) return;
      if (header === null) {
        if (isEmptyRow(cells)) {
          emptyHeader = true;
          return;
        }
        readHeader(cells);
        columnOf = new Map(header!.map((name, i) => [name, i] as const));
        return;
      }
      readRow(line, cells, header);
    },
    (err) => report(err.line, err.column, 'csv-parse-error', { message: err.message }),
  );
  if (header === null || emptyHeader) {
    report(1, 1, 'empty-file', {});
    return { table: null, rowCount: 0 };
  }
  if (!headerOk) return { table: null, rowCount };
  if (rowCount === 0) report(2, 0, 'no-rows', {});
  const headerCells: string[] = header;

  for (const [kind, first] of firstNormalization) {
    const name = normalizationNames[kind];
    report(first.line, first.column, 'normalized', { what: name.ja, whatEn: name.en, value: first.value, to: first.to, count: first.count }, 'warning');
  }

  // Primary key.
  const keyFirstLine = new Map<string, number>();
  const pkColumn = columnOf.get(schema.primaryKey[0]!)! + 1;
  rows.forEach((row, i) => {
    const key = schema.primaryKey.map((k) => String(row[k] ?? '')).join(' / ');
    const first = keyFirstLine.get(key);
    if (first !== undefined) report(lines[i]!, pkColumn, 'primary-key-error', { key, first });
    else keyFirstLine.set(key, lines[i]!);
  });

  // Declared total rows.
  for (const total of schema.totals) {
    const groups = new Map<string, number[]>();
    rows.forEach((row, i) => {
      const g = total.groupBy.map((k) => String(row[k] ?? '')).join(' / ');
      const members = groups.get(g);
      if (members) members.push(i);
      else groups.set(g, [i]);
    });
    for (const [group, members] of groups) {
      const totalIndex = members.find((i) => String(rows[i]![total.key]) === total.total);
      if (totalIndex === undefined) continue;
      const parts = members.filter((i) => i !== totalIndex);
      for (const name of total.fields) {
        const printed = rows[totalIndex]![name];
        // A part left blank or marked missing is not counted (a ward without a hub has no figure).
        const values = parts.map((i) => rows[i]![name]).filter((v): v is number => typeof v === 'number');
        if (typeof printed !== 'number' || values.length === 0) continue;
        const sum = values.reduce((a, b) => a + b, 0);
        if (Math.abs(sum - printed) > 1e-9 * Math.max(1, Math.abs(printed)))
          report(lines[totalIndex]!, columnOf.get(name)! + 1, 'total-mismatch', {
            field: name,
            total: String(printed),
            sum: String(Math.round(sum * 1e6) / 1e6),
            group: group ? ` (${group})` : '',
          });
      }
    }
  }

  return { table: { name: schema.name, file, schema, header: headerCells, rows, lines }, rowCount };
}

/** The first character matching `re` in `text`, as U+XXXX, the way a maintainer can search for it. */
function codePointName(text: string, re: RegExp): string {
  const m = re.exec(text);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : '';
}

function checkConstraints(
  field: TableSchema['fields'][number],
  value: Value,
  raw: string,
): { code: MessageCode; args: Record<string, string> } | null {
  const c = field.constraints;
  if (!c || value === null) return null;
  const shown = raw.trim();
  if (c.minimum !== undefined && value < c.minimum)
    return { code: 'minimum-error', args: { field: field.name, value: shown, limit: String(c.minimum) } };
  if (c.maximum !== undefined && value > c.maximum)
    return { code: 'maximum-error', args: { field: field.name, value: shown, limit: String(c.maximum) } };
  // A pattern that does not compile was reported against the schema, which stops the table
  // before any row is read; here it can only be a compiled one.
  if (c.pattern !== undefined) {
    const pattern = compilePattern(c.pattern);
    if (pattern.ok && !pattern.test(String(value)))
      return { code: 'pattern-error', args: { field: field.name, value: shown, pattern: c.pattern } };
  }
  if (c.enum !== undefined && !c.enum.map(String).includes(String(value)))
    return { code: 'enum-error', args: { field: field.name, value: shown, allowed: c.enum.join(', ') } };
  return null;
}
