/**
 * What cannot be a catalogue message: how numbers and dates are written and where a word changes
 * with a count. Each language uses the grammar of the first language of its chain that has one
 * (やさしい日本語 writes numbers as Japanese does; a language added without a grammar here writes them
 * as its fallback does).
 */
import { siteLanguages } from './languages.ts';

export type GrammarId = 'ja' | 'en';

interface Grammar {
  /** The Intl locale for numbers. */
  numberLocale: string;
  /** A noun after a count: `1 ward`, `2 wards`; Japanese counters do not change. */
  plural: (n: number, one: string, other: string) => string;
  /** A population bound in round words: 5万人 in Japanese (counted in 万), 50,000 in English. */
  people: (n: number, format: (v: number) => string) => string;
}

const grammars: Record<GrammarId, Grammar> = {
  ja: { numberLocale: 'ja-JP', plural: (_n, _one, other) => other, people: (n, format) => `${format(n / 10_000)}万人` },
  en: { numberLocale: 'en-GB', plural: (n, one, other) => (n === 1 ? one : other), people: (n, format) => format(n) },
};

const isGrammar = (code: string): code is GrammarId => code in grammars;

/** The grammar a language writes with. */
export function grammarOf(lang: string): GrammarId {
  if (isGrammar(lang)) return lang;
  // Asked for every number on every page: looked up once per configuration and language.
  const languages = siteLanguages();
  let known = grammarsOfLanguages.get(languages);
  if (!known) grammarsOfLanguages.set(languages, (known = new Map()));
  let id = known.get(lang);
  if (id === undefined) known.set(lang, (id = languages.find((l) => l.code === lang)?.chain.find(isGrammar) ?? 'ja'));
  return id;
}
const grammarsOfLanguages = new WeakMap<object, Map<string, GrammarId>>();

/** `plural('en', 2, 'ward', 'wards')` → wards. */
export const plural = (lang: string, n: number, one: string, other: string) => grammars[grammarOf(lang)].plural(n, one, other);

/** A population bound in a language's round words, each figure written by `format` (see roundPeople in format.ts). */
export const peopleIn = (lang: string, n: number, format: (v: number) => string) => grammars[grammarOf(lang)].people(n, format);

/** Whether a count is written with its counter (0.74か所 in Japanese; 0.74 in English, the unit in the heading). */
export const countsWithCounter = (lang: string) => grammarOf(lang) === 'ja';

export const numberLocale = (lang: string) => grammars[grammarOf(lang)].numberLocale;

/**
 * The words of a family's plain-count variant, made from its numerator's label while metrics.json
 * is read (before any page, so not from a catalogue).
 */
export function countWords(lang: string) {
  return grammarOf(lang) === 'ja'
    ? { variant: '数', label: (of: string) => `${of}の数`, definition: (of: string) => `${of}の数。比べる線は平均（合計を区や市町村の数で割った値）です。` }
    : { variant: 'count', label: (of: string) => `Number of ${of}`, definition: (of: string) => `The number of ${of}. The reference line is the mean per area (the total divided by the number of areas).` };
}
