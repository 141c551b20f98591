/**
 * Catalogues of interface text: one JSON file per language, keyed by meaning (`chart.source`,
 * `area.rankAmong`), read from the project's `locales/` folder, or from `<data>/locales/` where a
 * site adds or replaces a language of its own. A catalogue's `$language` entry says what the
 * language is called, which `lang` its pages carry and which catalogue fills its missing keys.
 */
import { existsSync, lstatSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDataText } from '../load/read-data-file.ts';

export interface CatalogueMeta {
  /** The language's own name, shown in the language switch. */
  name?: string;
  /** The `lang` attribute of its pages (BCP 47), when it differs from the code. */
  htmlLang?: string;
  /** The catalogue that fills the keys this one lacks. */
  fallback?: string;
  /** Pages carry readings (ふりがな) over kanji beyond the basic list. */
  ruby?: boolean;
  /**
   * The language writes its own words for what comes from data (metric labels, table titles, text
   * columns such as `name_ja_hira`): `npm run validate` warns of each one a declaration or a row leaves
   * without them, which the pages then show in the fallback language.
   */
  ownLabels?: boolean;
  /** The BCP 47 locale numbers and dates are written in (Intl): `ja-JP`, `en-GB`. */
  locale?: string;
  /** A count is written with its counter (0.74か所), as Japanese does. */
  counters?: boolean;
  /** Years are also written in this calendar's eras (`japanese`: 令和3年度), in `format.fiscalYear`. */
  calendar?: string;
  /** People are counted in groups of this many in round words (10000: 5万人); 1 where absent. */
  peopleGroup?: number;
}

export interface Catalogue {
  code: string;
  /** Where the catalogue was read from, for problems and for `npm run validate`. */
  file: string;
  meta: CatalogueMeta;
  messages: ReadonlyMap<string, string>;
}

/**
 * The project's locales/ folder: beside the sources when they run as they are (scripts, tests run
 * from any folder), else under the working folder (the site build bundles the modules elsewhere
 * and runs in the project).
 */
export function projectLocales(): string {
  const beside = fileURLToPath(new URL('../../../locales', import.meta.url));
  return existsSync(beside) ? beside : resolve('locales');
}

/** Where catalogues are looked for, first found wins: the data folder's own, then the project's. */
export function catalogueDirs(dataDir: string): string[] {
  return [join(resolve(dataDir), 'locales'), projectLocales()];
}

/**
 * A language code as catalogues are named by it (BCP 47: `ja`, `en`, `ja-Hira`, `zh-Hant-TW`).
 * Anything else (`../../x`) names no catalogue: a code never becomes a path outside its folder.
 */
export const isLanguageCode = (code: string) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(code);

/** The catalogue file of a language, or null where none of the folders has one. */
export function catalogueFile(code: string, dirs: readonly string[]): string | null {
  if (!isLanguageCode(code)) return null;
  for (const dir of dirs) {
    const file = join(dir, `${code}.json`);
    if (existsSync(file)) return file;
  }
  return null;
}

/** Reads a catalogue; a missing one is an empty catalogue that falls back entirely. */
export function readCatalogue(code: string, dirs: readonly string[]): Catalogue {
  const file = catalogueFile(code, dirs);
  if (!file) return { code, file: join(dirs.at(-1) ?? 'locales', `${code}.json`), meta: {}, messages: new Map() };
  // A build reads the same catalogues for the data folder and each release snapshot, on every
  // page's first word: read once per file as it stands (an edit under the dev server reads anew).
  const stat = lstatSync(file, { throwIfNoEntry: false });
  const version = stat ? `${stat.size}:${stat.mtimeMs}` : '';
  const known = readCatalogues.get(file);
  if (known?.version === version) return known.catalogue;
  const catalogue = parseCatalogue(code, file);
  readCatalogues.set(file, { version, catalogue });
  return catalogue;
}
const readCatalogues = new Map<string, { version: string; catalogue: Catalogue }>();

function parseCatalogue(code: string, file: string): Catalogue {
  // Through the data folder's guards. A catalogue refused or broken reads as an empty one, which
  // falls back entirely: validate reports it with its place, and the build refuses to run.
  const read = readDataText(dirname(file), basename(file));
  let json: Record<string, unknown> = {};
  try {
    if (read.ok) json = JSON.parse(read.text) as Record<string, unknown>;
  } catch {
    // as above
  }
  if (!json || typeof json !== 'object') json = {};
  const messages = new Map<string, string>();
  let meta: CatalogueMeta = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === '$language' && value && typeof value === 'object') meta = value as CatalogueMeta;
    else if (!key.startsWith('$') && typeof value === 'string') messages.set(key, value);
  }
  return { code, file, meta, messages };
}

/** The placeholders of a message: `{count}区中{rank}位` → count, rank. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(placeholder)].map((m) => m[1]!);
}
const placeholder = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export type Params = Readonly<Record<string, string | number>>;

/**
 * Fills the named placeholders of a message. A placeholder without a value is a programming error
 * (the catalogue and the call disagree), so it throws rather than print `{count}` on a page.
 */
export function formatMessage(message: string, params: Params = {}, key = ''): string {
  return message.replace(placeholder, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`message ${key}: no value for {${name}}`);
    return String(value);
  });
}
