import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../src/lib/load/decode.ts';

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
