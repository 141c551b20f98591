import { describe, expect, it } from 'vitest';
import { langPaths, langPathsOf, splitLanguagePath } from '../../../src/lib/i18n.ts';

describe('langPathsOf', () => {
  it('gives every item in every language, an item’s languages one after another', () => {
    const languages = langPaths();
    expect(languages.length).toBeGreaterThan(1);
    const paths = langPathsOf([{ code: '14101' }, { code: '14102' }]);
    expect(paths).toHaveLength(2 * languages.length);
    // The pages that share drawings (one area in each language) come together, not a language apart.
    expect(paths.slice(0, languages.length).map((p) => p.props.code)).toEqual(languages.map(() => '14101'));
    expect(paths.slice(0, languages.length).map((p) => p.props.lang)).toEqual(languages.map((l) => l.props.lang));
    expect(paths[0]!.params).toEqual({ ...languages[0]!.params, code: '14101' });
  });
});

describe('splitLanguagePath', () => {
  const languages = ['', 'en', 'yasashii'].map((path) => ({ path }));
  const inside = (path: string, mount = '/') => splitLanguagePath(path, languages, mount).inside;

  it('is a page without its language prefix, so its translations render on one thread', () => {
    expect(inside('/wards/14101/')).toBe('wards/14101/');
    expect(inside('/en/wards/14101/')).toBe('wards/14101/');
    expect(inside('/yasashii/wards/14101/')).toBe('wards/14101/');
    expect(inside('/en/')).toBe('');
    expect(inside('/')).toBe('');
  });

  it('keeps paths that only begin like a language prefix, and removes the mount path first', () => {
    expect(inside('/english/')).toBe('english/');
    expect(inside('/dash/en/budget/', '/dash/')).toBe('budget/');
  });

  it('names the language of the path, the first one outside every language folder', () => {
    expect(splitLanguagePath('/en/budget/', languages).language).toBe(languages[1]);
    expect(splitLanguagePath('/english/', languages).language).toBe(languages[0]);
  });
});
