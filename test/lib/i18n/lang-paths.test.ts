import { describe, expect, it } from 'vitest';
import { langPaths, langPathsOf } from '../../../src/lib/i18n.ts';

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
