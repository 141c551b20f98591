import { mkdirSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/lib/glossary.ts';

describe('loadGlossary', () => {
  it('explains every term a reader meets unexplained on the site (issue 15), in both languages', () => {
    const terms = loadGlossary('data');
    const names = terms.map((t) => t.ja.term).join(' ');
    for (const word of ['在宅療養支援診療所', '在宅療養支援病院', '要介護認定', '包括', 'ケアマネ', '五分位']) expect(names, word).toContain(word);
    for (const t of terms) {
      expect(t.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(t.ja.definition.length, t.id).toBeGreaterThan(10);
      expect(t.en.definition.length, t.id).toBeGreaterThan(10);
      // English text uses ASCII punctuation, not full-width brackets or colons.
      expect(t.en.definition + t.en.term, t.id).not.toMatch(/[（）：、。]/);
    }
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
  });

  it('gives no glossary for a data folder without one', () => {
    expect(loadGlossary(mkdtempSync(join(tmpdir(), 'no-glossary-')))).toEqual([]);
  });

  it('stops with the file, line and column of an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-glossary-'));
    mkdirSync(join(dir, 'glossary'));
    copyFileSync('data/glossary/glossary.schema.json', join(dir, 'glossary', 'glossary.schema.json'));
    writeFileSync(join(dir, 'glossary', 'glossary.csv'), 'term_id,order,term_ja,reading_ja,term_en,definition_ja,definition_en,definition_ja_hira\nBad Id,1,語,ご,Word,説明,Explanation,せつめい\n');
    expect(() => loadGlossary(dir)).toThrow(/glossary\.csv:2:1: error: /);
  });
});
