import { describe, expect, it } from 'vitest';
import { roundForDownload } from '../../../src/lib/publish/round.ts';

describe('roundForDownload', () => {
  it('rounds a binary ratio to the decimals asked for', () => {
    // 680 / 3 = 226.666…, which JavaScript prints as 226.66666666666669.
    expect(String(roundForDownload(680 / 3, 6))).toBe('226.666667');
    expect(String(roundForDownload((21 / 282084) * 10000, 6))).toBe('0.744459');
    expect(roundForDownload(-12.345678, 2)).toBe(-12.35);
  });
  it('keeps at most 15 significant digits, whatever the decimals', () => {
    expect(String(roundForDownload(123456789012.3456789, 6))).toBe('123456789012.346');
  });
  it('leaves integers and non-finite values alone', () => {
    expect(roundForDownload(282084, 2)).toBe(282084);
    expect(roundForDownload(Number.NaN, 2)).toBeNaN();
  });
});
