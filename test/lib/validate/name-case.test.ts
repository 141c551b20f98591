import { describe, expect, it } from 'vitest';
import { nameCaseProblems } from '../../../src/lib/validate/validate-files.ts';

const codes = (names: string[]) => nameCaseProblems(names, (n) => `data/${n}`).map((p) => `${p.file} ${p.code}`);

describe('nameCaseProblems', () => {
  it('reports the name that is not lower case when two differ only in case', () => {
    expect(codes(['POPULATION.CSV', 'areas.csv', 'population.csv'])).toEqual(['data/POPULATION.CSV name-case-clash']);
  });
  it('reports every name after the first when none is lower case', () => {
    expect(codes(['EN.json', 'En.json', 'eN.json'])).toEqual(['data/En.json name-case-clash', 'data/eN.json name-case-clash']);
  });
  it('reports a data file whose extension is in upper case, which would not be read', () => {
    expect(codes(['population.CSV', 'areas.Schema.JSON', 'metrics.Json', 'notes.TXT'])).toEqual([
      'data/population.CSV extension-case',
      'data/areas.Schema.JSON extension-case',
      'data/metrics.Json extension-case',
    ]);
  });
  it('says nothing about a folder of distinct lower-case names', () => {
    expect(codes(['areas.csv', 'areas.schema.json', 'glossary', 'metrics.json', 'site.json'])).toEqual([]);
  });
});
