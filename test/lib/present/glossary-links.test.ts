/** Glossary terms are linked once per page, at their first occurrence, longest form first. */
import { describe, expect, it } from 'vitest';
import { glossaryLinker, termForms } from '../../../src/lib/present/glossary-links.ts';

const term = (id: string, ja: string, en: string) => ({ id, ja: { term: ja, reading: '', definition: '' }, en: { term: en, definition: '' } });
const terms = [term('clinic', '在宅療養支援診療所', 'Home-care support clinic'), term('cm', 'ケアマネジャー（ケアマネ）', 'Care manager'), term('support', '支援', 'support')];

describe('glossaryLinker', () => {
  it('splits a term written with its short form into both forms', () => {
    expect(termForms('ケアマネジャー（ケアマネ）')).toEqual(['ケアマネジャー', 'ケアマネ']);
    expect(termForms('予算・決算')).toEqual(['予算', '決算']);
  });
  it('links each term at its first occurrence on the page only, the longest form winning', () => {
    const link = glossaryLinker(terms, 'ja');
    expect(link('在宅療養支援診療所とケアマネが連携し、ケアマネジャーも')).toEqual([
      { text: '在宅療養支援診療所', term: 'clinic' },
      { text: 'と' },
      { text: 'ケアマネ', term: 'cm' },
      { text: 'が連携し、ケアマネジャーも' },
    ]);
    // Later texts of the same page: the clinic is not linked again; 支援 (not inside a linked term now) is.
    expect(link('在宅療養支援診療所の支援')).toEqual([{ text: '在宅療養支援診療所の' }, { text: '支援', term: 'support' }]);
  });
  it('keeps a number with a thousands separator in one form, and splits at a comma between words', () => {
    expect(termForms('Per 10,000 people')).toEqual(['Per 10,000 people']);
    expect(termForms('Temporary admission, acute care')).toEqual(['Temporary admission', 'acute care']);
  });
  it('never links part of a word in a language written with spaces: a plural takes the whole word, a longer word none', () => {
    const link = glossaryLinker([...terms, term('per', '人口1万人あたり', 'Per 10,000 people')], 'en');
    expect(link('clinics per 10,000 people; care managers and caretakers')).toEqual([
      { text: 'clinics ' },
      { text: 'per 10,000 people', term: 'per' },
      { text: '; ' },
      { text: 'care managers', term: 'cm' },
      { text: ' and caretakers' },
    ]);
    // A term inside a longer word is not linked, and a later whole-word occurrence is.
    expect(glossaryLinker(terms, 'en')('Unsupported support')).toEqual([{ text: 'Unsupported ' }, { text: 'support', term: 'support' }]);
    expect(glossaryLinker([term('n', '数', '10')], 'en')('per 10,000 and 10 more')).toEqual([{ text: 'per 10,000 and ' }, { text: '10', term: 'n' }, { text: ' more' }]);
  });
  it('matches English terms whatever their case', () => {
    expect(glossaryLinker(terms, 'en')('Every home-care support clinic')).toEqual([{ text: 'Every ' }, { text: 'home-care support clinic', term: 'clinic' }]);
  });
});
