/**
 * ふりがな for editions that declare `ruby` (やさしい日本語): every kanji outside the basic list
 * (locales/kanji-grades-1-2.txt) gets its reading in `<ruby>…<rt>…</rt></ruby>`, at build time.
 * Readings come first from the data (area names from `name_kana`, glossary terms from
 * `reading_ja`), then from kuromoji's morphological analysis with its IPA dictionary. The page's
 * text nodes are rewritten; tags, attributes and the text of scripts, styles and the title are
 * left as they are. A ruby base is kanji alone (never a digit: 「75歳」 is read on 歳), so a number
 * is never split by its reading, and a word is never split across lines: one <ruby> per word, kept
 * whole by the stylesheet, with a <wbr> between two words. SVG text cannot carry ruby: in a chart
 * the words beyond the basic list are written in hiragana instead (保土ケ谷区 → ほどがやく), the
 * edition's rule for charts.
 */
import { readFile, readFileSync } from 'node:fs';
import { gunzip } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectLocales } from './catalogue.ts';
import type kuromoji from 'kuromoji';

type Tokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

const kanji = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF々〆]/;
const kanjiRun = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF々〆]+/g;
const isKanji = (c: string) => {
  const u = c.charCodeAt(0);
  return (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff) || u === 0x3005 || u === 0x3006;
};

/** The kanji read without ふりがな, from the declared list (lines starting with # are comments). */
export function basicKanji(file = join(projectLocales(), 'kanji-grades-1-2.txt')): Set<string> {
  const text = readFileSync(file, 'utf8');
  return new Set([...text.split('\n').filter((l) => !l.startsWith('#')).join('')].filter((c) => kanji.test(c)));
}

let tokenizer: Promise<Tokenizer> | null = null;

/** kuromoji's tokenizer, built once per process. */
export function loadTokenizer(): Promise<Tokenizer> {
  tokenizer ??= loadDictionary();
  return tokenizer;
}

// kuromoji's builder unpacks its twelve gzipped files (100 MB unpacked) in Node's default 16 KB
// pieces, about 6,000 callbacks on this thread, then copies each file twice: 0.6 s to load and
// 0.4 GB of memory, while the build's bundler needs the thread too. The builder's own two parts,
// its dictionary loader and tokenizer, are used here with a reader that unpacks each file in one
// piece and hands that memory on: 0.3 s, 0.3 GB (bench/README.md).
const kuromojiModule = createRequire(import.meta.url);
interface DictionaryLoader {
  loadArrayBuffer(file: string, callback: (err: unknown, buffer?: ArrayBufferLike) => void): void;
  load(callback: (err: unknown, dictionaries: unknown) => void): void;
}

function loadDictionary(): Promise<Tokenizer> {
  const dicPath = join(dirname(kuromojiModule.resolve('kuromoji/package.json')), 'dict');
  // Files of the package as it ships them (kuromoji 0.1.2, pinned), as its builder requires them.
  const Loader = kuromojiModule('kuromoji/src/loader/DictionaryLoader.js') as new (dicPath: string) => DictionaryLoader;
  const TokenizerOf = kuromojiModule('kuromoji/src/Tokenizer.js') as new (dictionaries: unknown) => Tokenizer;
  const loader = new Loader(`${dicPath}/`);
  loader.loadArrayBuffer = (file, callback) =>
    readFile(file, (err, packed) => {
      if (err) return callback(err);
      // A gzip file ends with its unpacked size (modulo 4 GiB): one piece of that size holds it all.
      // The package's largest is 42 MB; a piece is never larger than 256 MB.
      const size = packed.length >= 4 ? packed.readUInt32LE(packed.length - 4) : 0;
      gunzip(packed, { chunkSize: Math.min(Math.max(size, 64), 2 ** 28) }, (err2, bytes) => {
        if (err2) return callback(err2);
        callback(null, bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      });
    });
  return new Promise((done, fail) => loader.load((err, dictionaries) => (err ? fail(err) : done(new TokenizerOf(dictionaries)))));
}

const hiragana = (katakana: string) => katakana.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const ruby = (base: string, reading: string) => `<ruby>${base}<rp>（</rp><rt>${reading}</rt><rp>）</rp></ruby>`;

export interface Furigana {
  /** Text with ruby over every kanji word beyond the basic list. */
  text(plain: string): string;
  /** Text with every kanji word beyond the basic list written in hiragana (for SVG text). */
  kana(plain: string): string;
  /** A whole HTML page, its text nodes only. */
  html(page: string): string;
}

/**
 * A ruby writer: `known` gives readings that the data records (word → reading in hiragana),
 * used before the analyser, longest word first.
 */
export function furigana(tokenizer: Tokenizer, basic: ReadonlySet<string>, known: ReadonlyMap<string, string> = new Map()): Furigana {
  // The same words are analysed again and again: a known word inside every text that has it, a
  // chart's label in kana and the page's text in ruby, a kanji run read alone. Each text is analysed
  // once (on data/'s pages, 1,600 texts instead of 3,900 analyses). Its words are only read.
  const t = { tokenize: cached((plain: string) => tokenizer.tokenize(plain) as readonly kuromoji.IpadicFeatures[]) };
  const needsReading = (s: string) => {
    for (const c of s) if (isKanji(c) && !basic.has(c)) return true;
    return false;
  };
  // Known words by first character, longest first, each with its rank among all of them: a page
  // holds thousands of text nodes and the data thousands of names, so each node is scanned once
  // rather than searched for every name.
  const words = [...known.keys()].filter(needsReading).sort((a, b) => b.length - a.length);
  const byFirst = new Map<string, { word: string; rank: number }[]>();
  for (const [rank, word] of words.entries()) {
    const list = byFirst.get(word[0]!) ?? [];
    list.push({ word, rank });
    byFirst.set(word[0]!, list);
  }
  // The longest known word in `plain` (the earlier declared among equals), at its first place.
  const firstKnown = (plain: string): { word: string; at: number } | null => {
    let best: { word: string; rank: number } | null = null;
    let at = -1;
    for (let i = 0; i < plain.length; i++) {
      for (const w of byFirst.get(plain[i]!) ?? []) {
        if (best && w.rank >= best.rank) break;
        if (plain.startsWith(w.word, i)) {
          best = w;
          at = i;
          break;
        }
      }
    }
    return best ? { word: best.word, at } : null;
  };
  const readingOf = (surface: string): string | null => {
    const [only, ...rest] = t.tokenize(surface);
    return only && rest.length === 0 && only.reading && only.reading !== '*' ? hiragana(only.reading) : null;
  };

  // One word: ruby over its kanji runs, the kana around them aligned with the reading (届け出た → とど・で).
  const word = (surface: string, reading: string | null): string => {
    if (!needsReading(surface)) return surface;
    if (reading) {
      const parts = surface.split(/([\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF々〆]+)/).filter(Boolean);
      const pattern = new RegExp(`^${parts.map((p) => (kanji.test(p) ? '(.+?)' : escape(hiragana(p)))).join('')}$`);
      const m = pattern.exec(reading);
      if (m) {
        let i = 1;
        return parts.map((p) => (kanji.test(p) ? (needsReading(p) ? ruby(p, m[i++]!) : (i++, p)) : p)).join('');
      }
      // A reading that cannot be aligned spans the word only where the word is kanji alone: a
      // digit or a kana under it would be pulled apart by the reading's width.
      if (!/[^\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF々〆]/.test(surface)) return ruby(surface, reading);
    }
    // No reading from the dictionary: each kanji run, then each kanji, read on its own.
    return surface.replace(kanjiRun, (run) => {
      if (!needsReading(run)) return run;
      const r = readingOf(run);
      if (r) return ruby(run, r);
      return [...run].map((c) => (basic.has(c) ? c : ruby(c, readingOf(c) ?? '?'))).join('');
    });
  };

  const analysed = (plain: string) =>
    t.tokenize(plain).map((tok) => word(tok.surface_form, tok.reading && tok.reading !== '*' ? hiragana(tok.reading) : null)).join('');

  // A word the data reads: by the analyser's smaller words where they read the same (a long compound
  // can then wrap on a phone), else as one word with the data's reading.
  const knownWord = (w: string, reading: string) => {
    // The analyser's words in turn, each reading a prefix of the data's reading; the last takes
    // what remains (在宅・療養・支援・診療・所 → …しんりょう・じょ, where the dictionary alone says しょ).
    // A word with digits (75歳以上) cannot be aligned with a reading that spells the number out:
    // the analyser reads its kanji, and the digits stay bare.
    if (digit.test(w)) return analysed(w);
    const tokens = t.tokenize(w);
    let rest = reading;
    const parts: string[] = [];
    for (const [i, tok] of tokens.entries()) {
      const own = tok.reading && tok.reading !== '*' ? hiragana(tok.reading) : hiragana(tok.surface_form);
      const r = i === tokens.length - 1 ? rest : rest.startsWith(own) ? own : null;
      if (!r) return word(w, reading);
      parts.push(word(tok.surface_form, r));
      rest = rest.slice(r.length);
    }
    return parts.join('');
  };

  const uncached = (plain: string): string => {
    if (!needsReading(plain)) return plain;
    // Words the data gives a reading for, then the analyser for what lies between them.
    const found = firstKnown(plain);
    const out = found
      ? text(plain.slice(0, found.at)) + knownWord(found.word, hiragana(known.get(found.word)!)) + text(plain.slice(found.at + found.word.length))
      : analysed(plain);
    // Each word's ruby is kept on one line by the stylesheet (white-space: nowrap); Chromium then
    // finds no break between two such words, so a long compound would not wrap at all. <wbr>
    // gives the line its break between words, never inside one.
    return out.replace(/<\/ruby>(?=<ruby>)/g, '</ruby><wbr>');
  };
  // The same text recurs on every page of an edition (navigation, headings, labels); it is read
  // once (cached, below).
  const text = cached(uncached);

  // A word that needs a reading is written whole in hiragana, its basic kanji too (ほどがや, not
  // ほ土ケ谷); a word the analyser cannot read keeps its kanji with what readings it has.
  const rubyMarkup = /<ruby>(.*?)<rp>（<\/rp><rt>(.*?)<\/rt><rp>）<\/rp><\/ruby>/g;
  const kanaWord = (surface: string, reading: string | null) =>
    !needsReading(surface) ? surface : reading ? reading : word(surface, null).replace(rubyMarkup, (_, base: string, r: string) => (r === '?' ? base : r));
  const kanaUncached = (plain: string): string => {
    if (!needsReading(plain)) return plain;
    const found = firstKnown(plain);
    if (found) {
      const { word: w, at } = found;
      const middle = digit.test(w) ? kanaAnalysed(w) : keepKatakana(w, hiragana(known.get(w)!));
      return kana(plain.slice(0, at)) + middle + kana(plain.slice(at + w.length));
    }
    return kanaAnalysed(plain);
  };
  // A reading records a word's katakana in hiragana too (ほうもんかんごすてーしょん): the word's own
  // katakana runs are put back where the reading keeps them (ステーション), not where it reads
  // them otherwise (保土ケ谷 is ほどがや).
  const keepKatakana = (surface: string, reading: string) => {
    let out = reading;
    let from = 0;
    for (const run of surface.match(/[\u30A1-\u30FA\u30FC]+/g) ?? []) {
      const at = out.indexOf(hiragana(run), from);
      if (at < 0) continue;
      out = out.slice(0, at) + run + out.slice(at + run.length);
      from = at + run.length;
    }
    return out;
  };
  const kanaAnalysed = (plain: string) =>
    t.tokenize(plain).map((tok) => kanaWord(tok.surface_form, tok.reading && tok.reading !== '*' ? hiragana(tok.reading) : null)).join('');
  const kana = cached(kanaUncached);

  const html = (page: string): string => {
    // Open elements, each marked when its text must stay plain (and so everything inside it).
    const open: { name: string; plain: boolean }[] = [];
    let inBody = false;
    return page.replace(/<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+/g, (chunk, close: string | undefined, tag: string | undefined) => {
      if (tag) {
        const name = tag.toLowerCase();
        if (name === 'body') inBody = !close;
        if (close) {
          let at = open.length - 1;
          while (at >= 0 && open[at]!.name !== name) at--;
          if (at >= 0) open.length = at;
        } else if (!voids.has(name) && !chunk.endsWith('/>')) {
          // An SVG's <title> is the tooltip and name of a map's area: shown text, so written in kana.
          const tooltip = name === 'title' && open.some((e) => e.name === 'svg');
          open.push({ name, plain: (unreadable.has(name) && !tooltip) || /\sdata-no-ruby[\s=>]/.test(chunk) });
        }
        return chunk;
      }
      const skip = open.some((e) => e.plain);
      if (chunk.startsWith('<!--') || !inBody || skip) return chunk;
      return open.some((e) => e.name === 'svg') ? kana(chunk) : text(chunk);
    });
  };
  return { text, kana, html };
}

// Elements whose text cannot carry ruby, or already does; elements marked `data-no-ruby` (text
// that is copied as it is, such as a citation) are left plain as well. An SVG's text is written
// in kana instead (its <style> stays plain).
const unreadable = new Set(['script', 'style', 'title', 'textarea', 'option', 'ruby', 'template']);
const voids = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const digit = /[0-9０-９]/;

/** `read` remembered per text; emptied when it grows large, so a national build keeps its memory. */
function cached<T>(read: (plain: string) => T): (plain: string) => T {
  const cache = new Map<string, T>();
  return (plain) => {
    let out = cache.get(plain);
    if (out === undefined) {
      if (cache.size >= 50_000) cache.clear();
      // A text cut from a page (html() below) is a slice that keeps the whole page alive: kept
      // for later pages, it would keep thousands of pages. The copy kept, and read, is the text
      // alone, so that nothing read from it (an analysed word) holds the page either.
      const key = detached(plain);
      out = read(key);
      cache.set(key, typeof out === 'string' && out !== key ? (detached(out) as T) : out);
    }
    return out;
  };
}

/**
 * The text as a string of its own. V8 makes a piece cut from a long string (a regular expression's
 * match, a slice) a view into it; adding a character makes a new flat string, and the piece cut
 * from that holds only the copy.
 */
const detached = (text: string) => (text.length < 13 ? text : ` ${text}`.slice(1));
