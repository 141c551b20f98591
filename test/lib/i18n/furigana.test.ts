import { beforeAll, describe, expect, it } from 'vitest';
import { basicKanji, furigana, loadTokenizer } from '../../../src/lib/i18n/furigana.ts';

type Tokenizer = Awaited<ReturnType<typeof loadTokenizer>>;

// Readings as a data folder would record them (name_kana, glossary reading_ja).
const known = new Map([
  ['南区', 'みなみく'],
  ['区役所', 'くやくしょ'],
  ['港南区', 'こうなんく'],
  ['港区', 'みなとく'],
]);

/** The readings of a ruby string, in order. */
const readings = (html: string) => [...html.matchAll(/<rt>(.*?)<\/rt>/g)].map((m) => m[1]);
/** The text without its readings. */
const base = (html: string) => html.replace(/<rp>.*?<\/rp>|<rt>.*?<\/rt>|<\/?ruby>/g, '');

describe('furigana', () => {
  let tokenizer: Tokenizer;
  beforeAll(async () => {
    tokenizer = await loadTokenizer();
  }, 60_000);

  it('reads known words before the analyser, the longest one first wherever it stands', () => {
    const f = furigana(tokenizer, basicKanji(), known);
    // 区役所 (three characters) is read before 南区 (two), though 南区 comes first in the text.
    const out = f.text('南区役所');
    expect(base(out)).toBe('南区役所');
    expect(readings(out).join('')).toContain('くやくしょ');
    expect(readings(out)).not.toContain('みなみく');
  });

  it('gives every known word its recorded reading, however often it occurs', () => {
    const f = furigana(tokenizer, basicKanji(), known);
    const out = f.text('港南区の港区と港南区');
    expect(base(out)).toBe('港南区の港区と港南区');
    // The recorded readings, split where the analyser splits the word.
    expect(readings(out).join('|')).toBe(['こうなん', 'く', 'みなと', 'く', 'こうなん', 'く'].join('|'));
  });

  it('leaves the basic kanji and kana as they are', () => {
    const f = furigana(tokenizer, basicKanji(), known);
    expect(f.text('人口は 100人です')).toBe('人口は 100人です');
  });

  it('rewrites the text of the body only, never titles, charts, scripts or text marked data-no-ruby', () => {
    const f = furigana(tokenizer, basicKanji(), known);
    const page =
      '<html><head><title>医療</title></head><body><p>医療 <svg><text>医療</text></svg>' +
      '<span data-no-ruby>医療</span><script>医療</script> 介護</p></body></html>';
    const out = f.html(page);
    expect(out).toContain('<title>医療</title>');
    expect(out).toContain('<svg><text>医療</text></svg>');
    expect(out).toContain('<span data-no-ruby>医療</span>');
    expect(out).toContain('<script>医療</script>');
    expect(readings(out)).toEqual(['いりょう', 'かいご']);
  });

  it('analyses a text it has read before only once', () => {
    let calls = 0;
    const counting = { tokenize: (s: string) => (calls++, tokenizer.tokenize(s)) } as Tokenizer;
    const f = furigana(counting, basicKanji(), known);
    const paragraph = '<p>在宅医療を受ける人</p>';
    f.html(`<body>${paragraph}</body>`);
    const once = calls;
    expect(once).toBeGreaterThan(0);
    const page = f.html(`<body>${paragraph.repeat(50)}</body>`);
    expect(calls).toBe(once);
    expect(readings(page)).toHaveLength(50 * readings(f.text('在宅医療を受ける人')).length);
  });
});
