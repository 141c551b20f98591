/**
 * A language is added with a catalogue, not with code: src/ compares no language code with a
 * literal (`lang === 'ja'`, `grammarOf(lang) === 'en'`) outside comments. How a language writes
 * numbers, dates, brackets, citations and counts comes from its catalogue or from Intl.
 */
import { describe, expect, it } from 'vitest';
import { sourceCode, sourceFiles } from './code-lines.ts';

/** A comparison with a language code written out, either way round. */
const branch = /(?:[!=]==?\s*['"`](?:ja|en|ja-Hira|zh|ko)(?:-[A-Za-z]+)?['"`])|(?:['"`](?:ja|en|ja-Hira|zh|ko)(?:-[A-Za-z]+)?['"`]\s*[!=]==?)/;

describe('src/', () => {
  it('has no branch on a language code outside comments', () => {
    expect(sourceFiles().length).toBeGreaterThan(100);
    const found = sourceCode().filter(([, line]) => branch.test(line)).map(([at, line]) => `${at}: ${line.trim()}`);
    expect(found).toEqual([]);
  });
  it('recognises a branch however it is written', () => {
    const lines = ["if (grammarOf(lang) === 'ja') {", "const ja = doc.documentElement.lang === 'ja';", "locale === \"en\" ? a : b", "'ja' !== lang", "x == 'ja-Hira'", "const code = 'ja';", "['ja', 'en'].includes(c)"];
    expect(lines.map((l) => branch.test(l))).toEqual([true, true, true, true, true, false, false]);
  });
});
