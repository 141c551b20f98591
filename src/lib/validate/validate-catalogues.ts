/**
 * The catalogues of the configured languages against the default language's: a key the default
 * has and a language lacks is a warning (its pages show the fallback's text), unless the catalogue
 * declares that part untranslated (`$language.untranslated`: key prefixes such as `budget.`); a
 * key only a language has is never used (a warning); a placeholder the original message does not
 * have would never be filled (an error). Each problem is placed at its line and column.
 */
import { basename, dirname, relative } from 'node:path';
import { readDataText } from '../load/read-data-file.ts';
import { fileProblem } from './file-problem.ts';
import type { Problem } from '../problems.ts';
import { normalizeLanguages, type LanguageEntry } from '../config/languages.ts';
import { catalogueDirs, catalogueFile, isLanguageCode, placeholdersOf } from '../i18n/catalogue.ts';
import { messages } from './messages.ts';
import { z } from 'zod';
import { checkDeclarationText } from './validate-declaration.ts';

interface Read {
  file: string;
  shown: string;
  messages: Map<string, string>;
  untranslated: string[];
  fallback?: string;
  /** Where `$language.fallback` is written. */
  fallbackAt?: { line: number; column: number };
  /** Line and column (1-based) of each key, and of the opening brace under `{`. */
  at: Map<string, { line: number; column: number }>;
}

export function validateCatalogues(dataDir: string, languagesField: unknown, displayRoot = process.cwd()): Problem[] {
  let entries: LanguageEntry[];
  try {
    entries = normalizeLanguages(languagesField);
  } catch {
    return []; // site.json's own validation reports the field
  }
  const dirs = catalogueDirs(dataDir);
  const problems: Problem[] = [];
  const shownOf = (file: string) => {
    const rel = relative(displayRoot, file);
    return rel.startsWith('..') || rel === '' ? file : rel;
  };
  const read = new Map<string, Read | null>();
  // Catalogues that exist but were refused: reported once, not again as missing.
  const refused = new Set<string>();
  const load = (code: string): Read | null => {
    if (read.has(code)) return read.get(code)!;
    const file = catalogueFile(code, dirs);
    let r: Read | null = null;
    if (file) {
      const shown = shownOf(file);
      // The data folder's guards: no pipe, device or link out of the folder; a BOM is dropped.
      const readText = readDataText(dirname(file), basename(file));
      if (!readText.ok) {
        problems.push(readText.reason === 'encoding'
          ? { file: shown, line: 1, column: 0, severity: 'error', code: 'json-encoding', ...messages['json-encoding']({}) }
          : fileProblem(shown, readText));
        refused.add(code);
        read.set(code, null);
        return null;
      }
      // Strict JSON, placed at its line and column like every declaration; a catalogue that is not
      // one is refused once, not reported again as missing.
      const text = readText.text;
      const checked = checkDeclarationText(shown, new TextEncoder().encode(text), z.record(z.string(), z.unknown()));
      if (!checked.value) {
        problems.push(...checked.problems);
        refused.add(code);
        read.set(code, null);
        return null;
      }
      try {
        const json = checked.value;
        const meta = (json.$language ?? {}) as { untranslated?: unknown; fallback?: unknown };
        const msgs = new Map(Object.entries(json).filter((e): e is [string, string] => !e[0].startsWith('$') && typeof e[1] === 'string'));
        r = {
          file, shown, messages: msgs,
          untranslated: Array.isArray(meta.untranslated) ? meta.untranslated.map(String) : [],
          fallback: typeof meta.fallback === 'string' ? meta.fallback : undefined,
          fallbackAt: positionOfKey(text, 'fallback'),
          at: positions(text),
        };
      } catch (err) {
        problems.push({ file: shown, line: 1, column: 1, severity: 'error', code: 'catalogue-invalid', ...messages['catalogue-invalid']({ detail: err instanceof Error ? err.message : String(err) }) });
      }
    }
    read.set(code, r);
    return r;
  };

  const defaultCode = entries[0]!.code;
  const reference = load(defaultCode);
  if (!reference) {
    problems.push({ file: `locales/${defaultCode}.json`, line: 1, column: 1, severity: 'error', code: 'language-unknown', ...messages['language-unknown']({ lang: defaultCode, file: `locales/${defaultCode}.json` }) });
    return problems;
  }
  for (const { code } of entries.slice(1)) {
    const own = load(code);
    if (!own && refused.has(code)) continue;
    if (!own) {
      const file = `${dataDir}/locales/${code}.json`;
      problems.push({ file: shownOf(file), line: 1, column: 1, severity: 'warning', code: 'language-unknown', ...messages['language-unknown']({ lang: code, file: `locales/${code}.json` }) });
      continue;
    }
    // A fallback names one of the site's languages: another would be read from nowhere the site
    // configures, and a path (`../../x`) from outside the folder.
    if (own.fallback !== undefined && !entries.some((e) => e.code === own.fallback)) {
      problems.push({ file: own.shown, ...(own.fallbackAt ?? { line: 1, column: 1 }), severity: 'error', code: 'catalogue-fallback-unknown', ...messages['catalogue-fallback-unknown']({ fallback: own.fallback, languages: entries.map((e) => e.code).join(', '), valid: isLanguageCode(own.fallback) }) });
      continue;
    }
    const fallback = own.fallback ?? defaultCode;
    const declared = (key: string) => own.untranslated.some((prefix) => key.startsWith(prefix));
    const sortedKeys = [...own.messages.keys()].sort();
    for (const key of [...reference.messages.keys()].sort()) {
      if (own.messages.has(key) || declared(key)) continue;
      // Placed where the key would go, after the last key that sorts before it.
      const before = sortedKeys.filter((k) => k < key).at(-1);
      const at = (before && own.at.get(before)) || own.at.get('{') || { line: 1, column: 1 };
      problems.push({ file: own.shown, ...at, severity: 'warning', code: 'catalogue-key-missing', ...messages['catalogue-key-missing']({ key, fallback }) });
    }
    for (const [key, message] of own.messages) {
      const at = own.at.get(key) ?? { line: 1, column: 1 };
      const original = reference.messages.get(key);
      if (original === undefined) {
        problems.push({ file: own.shown, ...at, severity: 'warning', code: 'catalogue-key-unknown', ...messages['catalogue-key-unknown']({ key, reference: reference.shown }) });
        continue;
      }
      const known = new Set(placeholdersOf(original));
      for (const name of placeholdersOf(message))
        if (!known.has(name)) problems.push({ file: own.shown, ...at, severity: 'error', code: 'catalogue-placeholder-unknown', ...messages['catalogue-placeholder-unknown']({ key, name }) });
    }
  }
  return problems;
}

/** Where a key is first written, at any depth (`"fallback":` inside `$language`). */
function positionOfKey(text: string, key: string): { line: number; column: number } | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const column = lines[i]!.indexOf(`"${key}"`);
    if (column >= 0) return { line: i + 1, column: column + 1 };
  }
  return undefined;
}

/** Where each top-level key of a catalogue starts (catalogues are flat: one key per member). */
function positions(text: string): Map<string, { line: number; column: number }> {
  const at = new Map<string, { line: number; column: number }>();
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    const m = /^(\s*)"((?:[^"\\]|\\.)*)"\s*:/.exec(l);
    if (m && !at.has(m[2]!)) at.set(m[2]!, { line: i + 1, column: m[1]!.length + 1 });
    if (!at.has('{') && l.includes('{')) at.set('{', { line: i + 1, column: l.indexOf('{') + 1 });
  });
  return at;
}
