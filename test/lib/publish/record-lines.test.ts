/** JSON with one record per line: the same value as JSON.stringify, indented as it would be, records whole on their lines. */
import { describe, expect, it } from 'vitest';
import { recordLines } from '../../../src/lib/publish/record-lines.ts';

describe('recordLines', () => {
  const report = {
    compared: 3,
    title: { ja: '照合', en: 'Checks' },
    findings: [
      { id: 'a', subject: { ja: '南区', en: 'Minami' }, at: [{ line: 2 }], agrees: true },
      { id: 'b', subject: { ja: '"引用"\n改行', en: 'x' }, at: [], agrees: false, missing: undefined },
    ],
    checks: [{ id: 'c', findings: [{ id: 'd', value: 1.5 }], notes: ['one', 'two'] }],
    empty: [],
    none: {},
  };

  it('reads back as the value JSON.stringify writes', () => {
    expect(JSON.parse(recordLines(report, ['findings']))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('writes each record under a named key on one line, at any depth, and indents the rest as JSON.stringify does', () => {
    const text = recordLines(report, ['findings']);
    const lines = text.split('\n');
    expect(lines).toContain('    {"id":"a","subject":{"ja":"南区","en":"Minami"},"at":[{"line":2}],"agrees":true},');
    expect(lines).toContain('    {"id":"b","subject":{"ja":"\\"引用\\"\\n改行","en":"x"},"at":[],"agrees":false}');
    expect(lines).toContain('        {"id":"d","value":1.5}');
    // The rest as JSON.stringify(value, null, 2) writes it.
    expect(text.slice(0, text.indexOf('"findings"'))).toBe(JSON.stringify(report, null, 2).slice(0, JSON.stringify(report, null, 2).indexOf('"findings"')));
    expect(text).toContain('"notes": [\n        "one",\n        "two"\n      ]');
    expect(text.endsWith('"empty": [],\n  "none": {}\n}')).toBe(true);
  });

  it('is JSON.stringify(value, null, 2) when no key names records', () => {
    expect(recordLines(report, [])).toBe(JSON.stringify(report, null, 2));
    expect(recordLines([1, 'two', null, undefined], [])).toBe(JSON.stringify([1, 'two', null, undefined], null, 2));
  });
});
