import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';
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
const base = (html: string) => html.replace(/<rp>.*?<\/rp>|<rt>.*?<\/rt>|<\/?ruby>|<wbr>/g, '');

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

  it('rewrites the text of the body only, never titles, scripts or text marked data-no-ruby', () => {
    const f = furigana(tokenizer, basicKanji(), known);
    const page =
      '<html><head><title>医療</title></head><body><p>医療 ' +
      '<span data-no-ruby>医療</span><script>医療</script> 介護</p></body></html>';
    const out = f.html(page);
    expect(out).toContain('<title>医療</title>');
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

  it('analyses each text once, whichever way it is asked for: in ruby, in kana, or inside another text', () => {
    const seen = new Map<string, number>();
    const counting = { tokenize: (s: string) => (seen.set(s, (seen.get(s) ?? 0) + 1), tokenizer.tokenize(s)) } as Tokenizer;
    const f = furigana(counting, basicKanji(), known);
    // A page's text in ruby and a chart's label in kana; a known word inside three texts.
    f.text('在宅医療を受ける人');
    f.kana('在宅医療を受ける人');
    for (const text of ['港南区の在宅医療', '港南区の訪問看護', '港南区の病院']) f.text(text);
    expect(seen.size).toBeGreaterThan(4);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
  });

  it('never puts a digit under a reading: a counter after a number is read on its kanji alone', () => {
    // The data reads 75歳以上 as one word (glossary reading_ja); its digits must stay outside the ruby.
    const f = furigana(tokenizer, basicKanji(), new Map([...known, ['75歳以上', 'ななじゅうごさいいじょう']]));
    const bases = (html: string) => [...html.matchAll(/<ruby>(.*?)<rp>/g)].map((m) => m[1]!);
    const samples = ['75歳以上の割合', '人口10万人あたり', '３か所', '2015年度', '令和3年度の予算'];
    const all = samples.flatMap((s) => {
      const out = f.text(s);
      expect(base(out), s).toBe(s);
      return bases(out);
    });
    // Each sample has at least one word read (歳, 万, 所, 度, 令和): a check that cannot pass on plain text.
    expect(all.length).toBeGreaterThanOrEqual(samples.length);
    expect(all.filter((b) => /[0-9０-９]/.test(b))).toEqual([]);
    expect(readings(f.text('75歳以上'))).toEqual(['さい', 'いじょう']);
  });

  it('makes each word one ruby, with a line break allowed between two words and none inside one', () => {
    const f = furigana(tokenizer, basicKanji(), new Map([['在宅療養支援診療所', 'ざいたくりょうようしえんしんりょうじょ']]));
    const out = f.text('在宅療養支援診療所の公表資料');
    expect(base(out)).toBe('在宅療養支援診療所の公表資料');
    // Five words of the compound, then 公表 and 資料: a break opportunity between each two
    // adjacent words (the stylesheet keeps each <ruby> whole), none inside a word.
    expect(readings(out)).toEqual(['ざいたく', 'りょうよう', 'しえん', 'しんりょう', 'じょ', 'こうひょう', 'しりょう']);
    expect(out.split('</ruby><wbr><ruby>').length - 1).toBe(5);
    expect(out).not.toMatch(/<\/ruby><ruby>/);
  });

  it('writes the words of a chart in hiragana, since an SVG text cannot carry ruby', () => {
    const f = furigana(tokenizer, basicKanji(), known);
    const page =
      '<html><body><p>港南区</p><svg><g><text x="1">港南区</text><text>75歳以上 人口</text><a><path><title>港南区 1.2</title></path></a></g>' +
      '<style>.a{}</style></svg></body></html>';
    const out = f.html(page);
    expect(out).toContain('<text x="1">こうなんく</text>');
    expect(out).toContain('<text>75さいいじょう 人口</text>');
    expect(out).toContain('<title>こうなんく 1.2</title>');
    expect(out).toContain('<style>.a{}</style>');
    // A word that needs a reading is written whole in kana, its basic kanji too (土 and 谷 are basic).
    const g = furigana(tokenizer, basicKanji(), new Map([['保土ケ谷', 'ほどがや']]));
    expect(g.html('<body><svg><text>保土ケ谷</text><text>在宅医療</text></svg></body>')).toBe('<body><svg><text>ほどがや</text><text>ざいたくいりょう</text></svg></body>');
    // The page's own text keeps its kanji, with ruby.
    expect(readings(out)).toEqual(['こうなん', 'く']);
  });

  it('keeps a word\'s katakana as it is written when the chart writes the word in kana', () => {
    const f = furigana(tokenizer, basicKanji(), new Map([['訪問看護ステーション', 'ほうもんかんごステーション'], ['保土ケ谷', 'ほどがや']]));
    expect(f.kana('訪問看護ステーションの 数')).toBe('ほうもんかんごステーションの 数');
    // A katakana letter the reading does not keep (ケ read が) is read as the reading says.
    expect(f.kana('保土ケ谷')).toBe('ほどがや');
  });

  it('analyses as kuromoji does with the dictionary loaded its own way', async () => {
    // The project unpacks kuromoji's dictionary files itself (furigana.ts); every file must come
    // through whole, or words, readings and the unknown-word rules would differ from kuromoji's.
    const dicPath = join(dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
    const own = await new Promise<Tokenizer>((done, fail) => kuromoji.builder({ dicPath }).build((err, t) => (err ? fail(err) : done(t))));
    const sentences = [
      '在宅療養支援診療所（75歳以上人口1万人あたり）は保土ケ谷区で最も多い。',
      '訪問看護ステーションの数と、在宅医療・介護連携推進事業の予算額（令和6年度）。',
      // Words outside the dictionary: the unknown-word tables decide how they split.
      'ﾊﾝｶｸのＡＢＣと ｘｙｚ123、モゴモゴ語で「ほげぴよ」と書いた𠮷野家。',
    ];
    let compared = 0;
    for (const s of sentences) {
      const fields = (t: Tokenizer) => t.tokenize(s).map((w) => [w.surface_form, w.pos, w.pos_detail_1, w.reading, w.pronunciation, w.word_type, w.word_id]);
      const expected = fields(own);
      expect(expected.length).toBeGreaterThan(5);
      expect(fields(tokenizer)).toEqual(expected);
      compared++;
    }
    expect(compared).toBe(3);
  }, 60_000);

  it('keeps no page alive through the texts it remembers', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const f = furigana(tokenizer, basicKanji(), known);
    const used = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = used();
    // 40 pages of about 2 MB each (a national comparison page), each read from bytes as the
    // build reads a rendered page: each leaves texts of its own in the cache.
    let pages = 0;
    for (let i = 0; i < 40; i++) {
      const filler = `<div>${'<p>x</p>'.repeat(120_000)}</div>`;
      const page = Buffer.from(`<html><body><h1>区役所の案内、在宅医療の相談窓口 ${i}</h1>${filler}<p>在宅医療の相談は区役所へ ${i}番</p></body></html>`).toString();
      expect(f.html(page)).toContain('<rt>');
      pages++;
    }
    expect(pages).toBe(40);
    // Remembered as slices of their pages, the texts would keep 75 MB of pages; as copies, a few kB.
    expect(used() - before).toBeLessThan(20 * 2 ** 20);
  });
});
