/**
 * Interface text by key: a language's message, or the first of its fallback chain that has it,
 * with its named placeholders filled.
 */
import { formatMessage, type Params } from './catalogue.ts';
import { languageOf } from './languages.ts';

export type Translate = (key: string, params?: Params) => string;

const translators = new Map<string, Translate>();

/** The translator of a language, made once per language and reused by every page. */
export function translator(lang: string): Translate {
  let t = translators.get(lang);
  if (t) return t;
  const language = languageOf(lang);
  const catalogues = language.chain.map((code) => languageOf(code).catalogue);
  t = (key, params) => {
    for (const c of catalogues) {
      const message = c.messages.get(key);
      if (message !== undefined) return formatMessage(message, params, key);
    }
    throw new Error(`no catalogue of ${language.chain.join(' → ')} has the key ${key}`);
  };
  translators.set(lang, t);
  return t;
}

/** One message without keeping a translator: `translate(lang, 'chart.source', { source })`. */
export const translate = (lang: string, key: string, params?: Params) => translator(lang)(key, params);

/** Whether a language or its fallbacks has a message (for names that data may or may not give). */
export const hasMessage = (lang: string, key: string) => languageOf(lang).chain.some((code) => languageOf(code).catalogue.messages.has(key));

/** Forgets the translators, with the catalogues they were made from (`npm run dev`). */
export const resetTranslators = () => translators.clear();
