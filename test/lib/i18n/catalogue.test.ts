/** Catalogues: named placeholders, labels filled along fallback chains, columns by one naming rule, and every key the code names present. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, placeholdersOf, readCatalogue } from '../../../src/lib/i18n/catalogue.ts';
import { bilingual, columnOf, fillLabel, localColumn } from '../../../src/lib/i18n/labels.ts';
import { normalizeLanguages } from '../../../src/lib/config/languages.ts';

describe('messages', () => {
  it('fill named placeholders, in any order the language needs', () => {
    expect(formatMessage('{count}区中{rank}位', { rank: 3, count: 18 })).toBe('18区中3位');
    expect(formatMessage('rank {rank} of {count}', { rank: 3, count: 18 })).toBe('rank 3 of 18');
    expect(placeholdersOf('{a}と{b}、{a}')).toEqual(['a', 'b', 'a']);
  });
  it('refuse to print a placeholder the call gives no value for', () => {
    expect(() => formatMessage('{count}区', {}, 'area.count')).toThrow(/area\.count: no value for \{count\}/);
  });
});

describe('reading a catalogue', () => {
  it('reads a file once while it stays as it is, and again once it changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
    try {
      writeFileSync(join(dir, 'xx.json'), JSON.stringify({ 'common.a': 'one' }));
      const first = readCatalogue('xx', [dir]);
      expect(first.messages.get('common.a')).toBe('one');
      expect(readCatalogue('xx', [dir])).toBe(first);
      writeFileSync(join(dir, 'xx.json'), JSON.stringify({ 'common.a': 'three' }));
      const changed = readCatalogue('xx', [dir]);
      expect(changed).not.toBe(first);
      expect(changed.messages.get('common.a')).toBe('three');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('labels and columns', () => {
  it('give a label every configured language from the first of its chain that it has', () => {
    const chains = new Map([['ja', ['ja']], ['en', ['en', 'ja']], ['ja-Hira', ['ja-Hira', 'ja']], ['xx', ['xx', 'en', 'ja']]]);
    expect(fillLabel({ ja: '区', en: 'Ward' }, chains)).toEqual({ ja: '区', en: 'Ward', 'ja-Hira': '区', xx: 'Ward' });
    expect(fillLabel({ ja: '区' }, chains)).toEqual({ ja: '区', en: '区', 'ja-Hira': '区', xx: '区' });
  });
  it('read a column per language by one rule, along the chain', () => {
    expect(columnOf('name', 'ja-Hira')).toBe('name_ja_hira');
    const row = { name_ja: '鶴見区', name_en: 'Tsurumi Ward', definition_ja_hira: 'やさしい せつめい' };
    expect(localColumn(row, 'name', ['xx', 'en', 'ja'])).toBe('Tsurumi Ward');
    expect(localColumn(row, 'name', ['ja-Hira', 'ja'])).toBe('鶴見区');
    expect(localColumn(row, 'definition', ['ja-Hira', 'ja'])).toBe('やさしい せつめい');
    expect(bilingual({ ja: '区' })).toEqual({ ja: '区', en: '区' });
  });
  it('serve the first configured language at the root and the others under their paths', () => {
    expect(normalizeLanguages(['ja', 'en', { code: 'ja-Hira', path: 'yasashii' }])).toEqual([
      { code: 'ja', path: '' }, { code: 'en', path: 'en' }, { code: 'ja-Hira', path: 'yasashii' },
    ]);
    expect(() => normalizeLanguages(['ja', 'ja'])).toThrow();
  });
});

describe('the project catalogues', () => {
  const ja = JSON.parse(readFileSync('locales/ja.json', 'utf8')) as Record<string, string>;
  const en = JSON.parse(readFileSync('locales/en.json', 'utf8')) as Record<string, string>;
  const files = (readdirSync('src', { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.(ts|astro)$/.test(f));
  const used = new Set(files.flatMap((f) => [...readFileSync(join('src', f), 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '').matchAll(/\b(?:t|translate\(\s*\w+,)\s*\(?\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)].map((m) => m[1]!)));
  it('have every key the code names, in Japanese and English', () => {
    expect(used.size).toBeGreaterThan(300);
    expect([...used].filter((k) => ja[k] === undefined)).toEqual([]);
    expect([...used].filter((k) => en[k] === undefined)).toEqual([]);
  });
  it('use in English only placeholders the Japanese message has', () => {
    const extra = Object.keys(en).filter((k) => !k.startsWith('$') && placeholdersOf(en[k]!).some((p) => !placeholdersOf(ja[k] ?? '').includes(p)));
    expect(extra).toEqual([]);
  });
});
