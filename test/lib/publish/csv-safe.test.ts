import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutralizeCell, restoreCell, toSafeCsv } from '../../../src/lib/publish/csv-safe.ts';

describe('toSafeCsv', () => {
  it('has no byte-order mark and keeps numbers as numbers', () => {
    const csv = toSafeCsv(['code', 'n', 'change'], [{ code: '14101', n: 1533, change: -15368 }]);
    expect(csv).toBe('code,n,change\r\n14101,1533,-15368\r\n');
  });
  it('writes booleans as TRUE and FALSE, as spreadsheets write them back', () => {
    expect(toSafeCsv(['a', 'b', 'c'], [{ a: true, b: false, c: null }])).toBe('a,b,c\r\nTRUE,FALSE,\r\n');
  });
  it('neutralises text cells a spreadsheet would run as formulas (OWASP)', () => {
    const payloads = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const csv = toSafeCsv(['name'], payloads.map((name) => ({ name })));
    const cells = Papa.parse<string[]>(csv.trim(), { newline: '\r\n' }).data.slice(1).map((r) => r[0]!);
    expect(cells.every((c) => c.startsWith("'"))).toBe(true);
    expect(cells.map(restoreCell)).toEqual(payloads);
  });
  it('leaves ordinary text alone, including text with an apostrophe', () => {
    expect(neutralizeCell('鶴見区')).toBe('鶴見区');
    expect(neutralizeCell("'quoted")).toBe("'quoted");
    expect(restoreCell("'quoted")).toBe("'quoted");
  });
  it('quotes cells with commas, quotes and line breaks', () => {
    expect(toSafeCsv(['a'], [{ a: 'x, "y"\nz' }])).toBe('a\r\n"x, ""y""\nz"\r\n');
  });
});
