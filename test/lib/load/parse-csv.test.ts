import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../src/lib/load/parse-csv.ts';

describe('parseCsvText', () => {
  it('gives each row the line it starts on, across quoted line breaks', () => {
    const r = parseCsvText('a,b\n1,"x\ny"\n2,3\n');
    expect(r.rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x\ny'] },
      { line: 4, cells: ['2', '3'] },
    ]);
    expect(r.crlf).toBe(false);
  });
  it('accepts CRLF and reports it', () => {
    const r = parseCsvText('a,b\r\n1,2\r\n');
    expect(r.rows.map((x) => x.cells)).toEqual([['a', 'b'], ['1', '2']]);
    expect(r.crlf).toBe(true);
  });
  it('keeps a blank line inside the data so that it can be reported', () => {
    const r = parseCsvText('a\n1\n\n2\n');
    expect(r.rows.map((x) => x.line)).toEqual([1, 2, 3, 4]);
  });
  it('reports an unterminated quote with its line', () => {
    const r = parseCsvText('a,b\n1,"oops\n');
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors[0]!.line).toBe(2);
  });
});
