/**
 * How a language writes what is not a sentence: numbers and dates (in its locale, through Intl),
 * whether a count carries its counter (0.74か所), the word forms that change with a count (Intl's
 * plural rules) and the few phrases made from data before any page (a count variant's name). Each
 * comes from the language's catalogue (`$language.locale`, `$language.counters`, messages such as
 * `countWords.label`), or from the first language of its chain that has it, so a language is added
 * with a catalogue and no code: やさしい日本語 writes numbers as Japanese does, its fallback.
 */
import { buildContext } from '../build-context.ts';
import { catalogueDirs, formatMessage, readCatalogue, type Catalogue, type CatalogueMeta, type Params } from './catalogue.ts';
import { siteLanguages } from './languages.ts';

/**
 * The languages a code is written like, in order: a configured language's chain; else, for a code
 * the site does not configure (a label's language while another folder is checked), its
 * catalogue's declared fallbacks, then the site's first language.
 */
export function chainOf(lang: string): string[] {
  const languages = siteLanguages();
  let known = chains.get(languages);
  if (!known) chains.set(languages, (known = new Map()));
  let chain = known.get(lang);
  if (!chain) {
    const configured = languages.find((l) => l.code === lang);
    if (configured) chain = configured.chain;
    else {
      chain = [lang];
      for (let next = catalogueOf(lang).meta.fallback; next && !chain.includes(next); next = catalogueOf(next).meta.fallback) chain.push(next);
      const first = languages[0]?.code;
      if (first && !chain.includes(first)) chain.push(first);
    }
    known.set(lang, chain);
  }
  return chain;
}
const chains = new WeakMap<object, Map<string, string[]>>();

/** A language's catalogue: the configured one, else the one its code names among the site's catalogue folders. */
function catalogueOf(code: string): Catalogue {
  const configured = siteLanguages().find((l) => l.code === code);
  if (configured) return configured.catalogue;
  const dirs = catalogueDirs(buildContext().dataDir);
  const key = `${dirs.join('\n')}\n${code}`;
  let catalogue = unconfigured.get(key);
  if (!catalogue) unconfigured.set(key, (catalogue = readCatalogue(code, dirs)));
  return catalogue;
}
const unconfigured = new Map<string, Catalogue>();

/**
 * A `$language` setting of the language's grammar: the catalogue of the first language of its chain
 * that names a locale (やさしい日本語 writes as Japanese; English, with its own locale, takes none of
 * Japanese's settings).
 */
function setting<K extends keyof CatalogueMeta>(lang: string, key: K): CatalogueMeta[K] | undefined {
  // Asked for every number on every page: the owner is looked up once per configuration and language.
  const languages = siteLanguages();
  let known = owners.get(languages);
  if (!known) owners.set(languages, (known = new Map()));
  let owner = known.get(lang);
  if (owner === undefined) known.set(lang, (owner = chainOf(lang).map(catalogueOf).find((c) => c.meta.locale !== undefined) ?? null));
  return owner?.meta[key];
}
const owners = new WeakMap<object, Map<string, Catalogue | null>>();

/** A message along the language's chain, for words made before any page (and for languages the site does not configure). */
export function messageOf(lang: string, key: string, params: Params = {}): string {
  for (const code of chainOf(lang)) {
    const message = catalogueOf(code).messages.get(key);
    if (message !== undefined) return formatMessage(message, params, key);
  }
  throw new Error(`no catalogue of ${chainOf(lang).join(' → ')} has the key ${key}`);
}

/** The BCP 47 locale a language writes numbers and dates in (`$language.locale`: ja-JP, en-GB). */
export const numberLocale = (lang: string): string => setting(lang, 'locale') ?? lang;

/** `plural('en', 2, 'ward', 'wards')` → wards; a language without plural forms (Japanese) always takes `other`. */
export function plural(lang: string, n: number, one: string, other: string): string {
  const locale = numberLocale(lang);
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n) === 'one' ? one : other;
}
const pluralRules = new Map<string, Intl.PluralRules>();

/** A population bound in a language's round words (`format.people`, in groups of `$language.peopleGroup`: 5万人, 50,000), written by `format`. */
export const peopleIn = (lang: string, n: number, format: (v: number) => string) => messageOf(lang, 'format.people', { count: format(n / (setting(lang, 'peopleGroup') ?? 1)) });

/** The calendar whose eras a language also writes years in (`japanese`), if any. */
export const calendarOf = (lang: string) => setting(lang, 'calendar');

/** Whether a count is written with its counter (0.74か所 in Japanese; 0.74 in English, the unit in the heading). */
export const countsWithCounter = (lang: string) => setting(lang, 'counters') === true;

/**
 * The words of a family's plain-count variant, made from its numerator's label while metrics.json
 * is read (`countWords.*` in the catalogues).
 */
export function countWords(lang: string) {
  return {
    variant: messageOf(lang, 'countWords.variant'),
    label: (of: string) => messageOf(lang, 'countWords.label', { of }),
    definition: (of: string) => messageOf(lang, 'countWords.definition', { of }),
  };
}
