import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from '../../src/charts/text-width.ts';

describe('textWidth', () => {
  it('counts a CJK character as one em and Latin letters by their class', () => {
    expect(textWidth('区', 13)).toBe(13);
    // a, b: 0.56 em each; space 0.26 em; i: 0.28 em.
    expect(textWidth('ab i', 10)).toBeCloseTo(16.6, 5);
  });

  it('widens bold Latin letters but not CJK ones', () => {
    expect(textWidth('保土ケ谷', 12, true)).toBe(48);
    expect(textWidth('ab', 10, true)).toBeCloseTo(11.872, 5);
  });
});

describe('wrapText', () => {
  it('breaks English at spaces, each line within the width, losing no word', () => {
    const lines = wrapText('Study and awareness of end-of-life care', 10, 100);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(100);
    expect(lines.join(' ')).toBe('Study and awareness of end-of-life care');
  });

  it('breaks Japanese between characters but never before a closing or after an opening bracket', () => {
    // Five characters of 10 px fit in 50 px, but the fifth, an opening bracket, goes to the next line with what it opens.
    const lines = wrapText('在宅医療（人口1万人あたり）の値', 10, 50);
    expect(lines.join('')).toBe('在宅医療（人口1万人あたり）の値');
    for (const line of lines) {
      expect(line.startsWith('）')).toBe(false);
      expect(line.endsWith('（')).toBe(false);
    }
    expect(lines[0]).toBe('在宅医療');
  });

  it('keeps a text that fits on one line', () => {
    expect(wrapText('① 在宅医療連携拠点事業', 13, 340)).toEqual(['① 在宅医療連携拠点事業']);
  });
});
