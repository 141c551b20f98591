import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, longestLine } from '../../../src/lib/load/decode.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeCsvBytes', () => {
  it('reads plain UTF-8', () => {
    expect(decodeCsvBytes(utf8('区,人口\n西区,97711\n'))).toEqual({ ok: true, text: '区,人口\n西区,97711\n', encoding: 'utf-8' });
  });
  it('strips a byte-order mark and says it was there', () => {
    const r = decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a\n')]));
    expect(r).toEqual({ ok: true, text: 'a\n', encoding: 'utf-8-bom' });
  });
  it('decodes Shift_JIS (CP932) as Excel writes it', () => {
    const bytes = iconv.encode('区,人口\n保土ケ谷区,204774\n', 'cp932');
    expect(decodeCsvBytes(new Uint8Array(bytes))).toEqual({ ok: true, text: '区,人口\n保土ケ谷区,204774\n', encoding: 'shift_jis' });
  });
  it('locates bytes that are neither', () => {
    // Line 2, third cell: 0xff never occurs in UTF-8 and 0xff 0xff is not CP932 either.
    const bytes = new Uint8Array([...utf8('a,b,c\n1,2,'), 0xff, 0xff, ...utf8('\n')]);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: false, line: 2, column: 3, byte: 10 });
  });
});

describe('decodeCsvBytes: one file in two encodings', () => {
  const sjis = (s: string) => [...iconv.encode(s, 'cp932')];
  it('names the line pasted in UTF-8 into a Shift_JIS file, not the first Shift_JIS byte', () => {
    // Lines 1–3 and 5 saved by Excel as CP932; line 4 pasted from a UTF-8 file.
    const bytes = new Uint8Array([...sjis('区,人口\n西区,97711\n中区,147600\n'), ...utf8('保土ケ谷区,204774\n'), ...sjis('南区,194363\n')]);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: false, mixed: { utf8: { first: 4, lines: 1 }, other: { first: 1, lines: 4 } } });
  });
  it('names the line pasted in Shift_JIS into a UTF-8 file, which CP932 alone would read as mojibake', () => {
    // Every UTF-8 line here is also valid CP932, so the whole file would otherwise pass as Shift_JIS.
    const text = utf8('区,人口\n西区,97711\n');
    expect(decodeCsvBytes(new Uint8Array([...text, ...sjis('南区,194363\n')]))).toEqual({ ok: false, mixed: { utf8: { first: 1, lines: 2 }, other: { first: 3, lines: 1 } } });
  });
  it('still reads a Shift_JIS file whose only non-ASCII text is half-width katakana', () => {
    const bytes = new Uint8Array(sjis('ｶﾅ,1\nｱｲｳ,2\n'));
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: 'ｶﾅ,1\nｱｲｳ,2\n', encoding: 'shift_jis' });
  });
});

describe('longestLine', () => {
  it('finds the longest run of bytes without a line end, and its line', () => {
    expect(longestLine(utf8('ab\nabcdef\r\nabc'))).toEqual({ line: 2, bytes: 6 });
    expect(longestLine(utf8('x'.repeat(10)))).toEqual({ line: 1, bytes: 10 });
    expect(longestLine(utf8(''))).toEqual({ line: 1, bytes: 0 });
  });
});
