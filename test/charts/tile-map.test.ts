import { describe, expect, it } from 'vitest';
import { fitName } from '../../src/charts/tile-map.ts';

describe('fitName', () => {
  it('keeps a name that fits its tile', () => {
    // Four CJK characters in 12 px bold: 48 px.
    expect(fitName('保土ケ谷', 49.6)).toBe('保土ケ谷');
    expect(fitName('Naka', 49.6)).toBe('Naka');
  });

  it('splits a romanised name after the vowel nearest its middle, with a hyphen', () => {
    expect(fitName('Kanagawa', 49.6)).toBe('Kana-\ngawa');
    expect(fitName('Hodogaya', 49.6)).toBe('Hodo-\ngaya');
  });

  it('splits a Japanese name in half, without a hyphen', () => {
    expect(fitName('保土ケ谷', 30)).toBe('保土\nケ谷');
  });
});
