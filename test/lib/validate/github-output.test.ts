import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../../src/lib/problems.ts';
import { annotation, escapeData, escapeProperty, stepSummary } from '../../../src/lib/validate/github-output.ts';

const forged: Problem = {
  file: 'data/a,b:c.csv', line: 3, column: 7, severity: 'error', code: 'type-error',
  ja: '「n」の値「1\n::error file=x::forged」は整数ではありません', en: '"1\r\n::error file=x::forged" in "n" is not an integer (100%)',
};

describe('CI output', () => {
  it('escapes command data and properties as the runner requires', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
  it('keeps an annotation on one line, so cell text cannot start another command', () => {
    const a = annotation(forged);
    expect(a.split('\n')).toHaveLength(1);
    expect(a.startsWith('::error file=data/a%2Cb%3Ac.csv,line=3,col=7::')).toBe(true);
    expect(a).toContain('(100%25)');
  });
  it('prints a problem on one line, with invisible characters shown', () => {
    expect(formatProblem(forged).split('\n')).toHaveLength(1);
    expect(formatProblem({ ...forged, ja: 'x\u202Ey', en: 'z' })).toBe('data/a,b:c.csv:3:7: error: x\\u{202e}y / z');
  });
  it('fences the summary with more backticks than any run in the text', () => {
    const summary = stepSummary([{ ...forged, ja: '```` closed?', en: 'x' }], 1, 'totals');
    expect(summary).toContain('\n`````text\n');
    expect(summary.trimEnd().endsWith('\n`````')).toBe(true);
  });
});
