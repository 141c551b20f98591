/**
 * The languages of the site, from the site configuration (`languages` in site.json) and their
 * catalogues: the first language is the default, at the site's root; every other one is served
 * under its own path. Read once per data folder and process (`npm run dev` evaluates this module
 * again when the data changes, see integrations/data-watch.ts).
 */
import { resolve } from 'node:path';
import { readDataText } from '../load/read-data-file.ts';
import { normalizeLanguages, type LanguageEntry } from '../config/languages.ts';
import { catalogueDirs, readCatalogue, type Catalogue } from './catalogue.ts';
import { buildContext } from '../build-context.ts';

export interface Language extends LanguageEntry {
  /** The `lang` attribute of its pages. */
  htmlLang: string;
  /** Its own name, for the language switch. */
  name: string;
  /** Where a missing key or label is looked for, in order: itself, its declared fallbacks, the default language. */
  chain: string[];
  /** Pages of this language carry ふりがな. */
  ruby: boolean;
  catalogue: Catalogue;
}

const cache = new Map<string, Language[]>();

/** The configured languages of a data folder (default: the build's, see build-context.ts), default first. */
export function siteLanguages(dataDir = buildContext().dataDir): Language[] {
  // Asked for on every page many times: the folder as given is looked up before it is resolved.
  const given = cache.get(dataDir);
  if (given) return given;
  const key = resolve(dataDir);
  let languages = cache.get(key);
  if (!languages) cache.set(key, (languages = buildLanguages(normalizeLanguages(readLanguageField(dataDir)), dataDir)));
  cache.set(dataDir, languages);
  return languages;
}

/** The languages of a configuration's entries, with the catalogues of a data folder (its own, then the project's). */
export function buildLanguages(entries: readonly LanguageEntry[], dataDir: string): Language[] {
  const dirs = catalogueDirs(dataDir);
  const catalogues = new Map<string, Catalogue>();
  const catalogue = (code: string) => {
    let c = catalogues.get(code);
    if (!c) catalogues.set(code, (c = readCatalogue(code, dirs)));
    return c;
  };
  const fallbackCode = entries[0]!.code;
  return entries.map((entry): Language => {
    const own = catalogue(entry.code);
    // The declared chain, each catalogue naming the next; the default language ends every chain.
    const chain = [entry.code];
    for (let next = own.meta.fallback; next && !chain.includes(next); next = catalogue(next).meta.fallback) chain.push(next);
    if (!chain.includes(fallbackCode)) chain.push(fallbackCode);
    return { ...entry, htmlLang: own.meta.htmlLang ?? entry.code, name: own.meta.name ?? entry.code, chain, ruby: own.meta.ruby === true, catalogue: own };
  });
}

/** Each language's fallback chain, by code, for filling labels. */
export const chainsOf = (languages: readonly Language[]) => new Map(languages.map((l) => [l.code, l.chain]));

/** The `languages` field as written, or the default pair where the folder has no readable site.json (validation reports that). */
export function readLanguageField(dataDir: string): unknown {
  // The same reading as validate's: a byte-order mark from Notepad must not lose an edition.
  const read = readDataText(dataDir, 'site.json');
  if (!read.ok) return undefined;
  try {
    return (JSON.parse(read.text) as { languages?: unknown }).languages;
  } catch {
    return undefined;
  }
}

/** A configured language by its code; an unknown code is a programming error. */
export function languageOf(code: string): Language {
  const found = siteLanguages().find((l) => l.code === code);
  if (!found) throw new Error(`language ${code} is not configured in site.json`);
  return found;
}

/** The language at the site's root. */
export const defaultLanguage = (): Language => siteLanguages()[0]!;

