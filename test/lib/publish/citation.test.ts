import { describe, expect, it } from 'vitest';
import { citation, citationBibtex, citationCsl, type CitationInput } from '../../../src/lib/publish/citation.ts';

// A licence other than the project's, so that nothing here can pass on a hard-coded name.
const input: CitationInput = {
  lang: 'en',
  info: {
    title: { ja: '統計', en: 'Stats' },
    publisher: { ja: '編集部', en: 'Editors & Co' },
    license: { id: 'CC0-1.0', title: 'Public Domain Dedication', name: { ja: 'パブリック・ドメイン提供', en: 'Public Domain Dedication' }, url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  },
  title: '50% of {wards} #1_a',
  release: { version: '1.2.0', releasedOn: '2026-12-01', released: true },
  pageUrl: 'https://example.org/wards/#rank',
  dataUrls: ['https://example.org/downloads/v1.2.0/a_b.csv'],
};

describe('citation forms', () => {
  it('text names the configured licence by name, identifier and address', () => {
    expect(citation(input)).toBe(
      'Editors & Co. Stats: “50% of {wards} #1_a”, release 1.2.0 (1 Dec 2026), https://example.org/wards/#rank. Data: https://example.org/downloads/v1.2.0/a_b.csv. Licence: Public Domain Dedication (CC0-1.0), https://creativecommons.org/publicdomain/zero/1.0/',
    );
    expect(citation({ ...input, lang: 'ja' })).toContain('ライセンス：パブリック・ドメイン提供（CC0-1.0、https://creativecommons.org/publicdomain/zero/1.0/）');
  });

  it('BibTeX: a @misc entry with its special characters written as text', () => {
    expect(citationBibtex({ ...input, key: 'wards-rank' })).toBe(
      [
        '@misc{wards-rank,',
        '  title = {Stats: 50\\% of \\{wards\\} \\#1\\_a},',
        '  author = {{Editors \\& Co}},',
        '  publisher = {{Editors \\& Co}},',
        '  year = {2026},',
        '  version = {1.2.0},',
        '  url = {https://example.org/wards/#rank},',
        '  note = {Licence: Public Domain Dedication (CC0-1.0), \\url{https://creativecommons.org/publicdomain/zero/1.0/}. Data: \\url{https://example.org/downloads/v1.2.0/a_b.csv}}',
        '}',
      ].join('\n'),
    );
  });

  it('CSL-JSON: one dataset item with the licence, and unreleased data marked in its version', () => {
    const [item] = JSON.parse(citationCsl({ ...input, key: 'k', release: { ...input.release, released: false } }));
    expect(item).toMatchObject({
      id: 'k',
      type: 'dataset',
      title: 'Stats: 50% of {wards} #1_a',
      author: [{ literal: 'Editors & Co' }],
      publisher: 'Editors & Co',
      issued: { 'date-parts': [[2026, 12, 1]] },
      version: '1.2.0+unreleased',
      URL: 'https://example.org/wards/#rank',
      license: 'https://creativecommons.org/publicdomain/zero/1.0/',
    });
  });
});
