import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatProblem } from '../../../src/lib/problems.ts';
import { checkDeclarationText, pointerOf, validateDeclaration } from '../../../src/lib/validate/validate-declaration.ts';

const site = z.object({ title: z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict(), cities: z.array(z.string().regex(/^\d{5}$/)).min(1) }).strict();
const check = (text: string) => checkDeclarationText('site.json', new TextEncoder().encode(text), site);
const lines = (text: string) => check(text).problems.map(formatProblem);

const dir = mkdtempSync(join(tmpdir(), 'declaration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validateDeclaration', () => {
  it('returns the checked value of a valid file, with no problem', () => {
    const r = check('{"title": {"ja": "題", "en": "Title"}, "cities": ["00001"]}');
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({ title: { ja: '題', en: 'Title' }, cities: ['00001'] });
  });
  it('places a wrong value at its line and column, with its JSON pointer', () => {
    expect(lines('{\n  "title": {"ja": "題", "en": "Title"},\n  "cities": ["00001", "1"]\n}\n')).toEqual([
      'site.json:3:23: error: /cities/1: 書き方が決められた形式に合いません（Invalid string: must match pattern /^\\d{5}$/） / /cities/1: does not have the required form (Invalid string: must match pattern /^\\d{5}$/)',
    ]);
  });
  it('places an unknown key at the key', () => {
    expect(lines('{\n  "title": {"ja": "題", "en": "Title", "fr": "Titre"},\n  "cities": ["00001"]\n}')).toEqual([
      'site.json:2:39: error: /title/fr: 使えないキーです（fr） / /title/fr: unknown key (fr)',
    ]);
  });
  it('places a missing key at the object that lacks it', () => {
    expect(lines('{\n  "title": {"ja": "題"},\n  "cities": ["00001"]\n}')).toEqual([
      'site.json:2:3: error: /title/en: 必須の項目がありません / /title/en: required but missing',
    ]);
  });
  it('refuses a duplicate key, which JSON.parse would silently resolve', () => {
    expect(lines('{\n  "title": {"ja": "題", "en": "Title"},\n  "cities": ["00001"],\n  "cities": []\n}')).toEqual([
      'site.json:4:3: error: / でキー「cities」が重複しています（どちらが使われるか決まりません） / duplicate key "cities" at / (which one counts is undefined)',
    ]);
  });
  it('places a syntax error, and refuses comments', () => {
    expect(lines('{\n  "title": {"ja": "題" "en": "Title"}\n}')).toEqual(['site.json:2:23: error: JSONとして読み取れません（カンマ（,）が必要です） / invalid JSON (CommaExpected)']);
    expect(lines('// site\n{}')).toEqual(['site.json:1:1: error: JSONとして読み取れません（コメントは使えません） / invalid JSON (InvalidCommentToken)']);
    expect(lines('')).toEqual(['site.json:1:1: error: JSONとして読み取れません（値が必要です） / invalid JSON (ValueExpected)']);
  });
  it('refuses bytes that are not UTF-8', () => {
    const r = checkDeclarationText('site.json', new Uint8Array([0x7b, 0xff, 0x7d]), site);
    expect(r.problems.map(formatProblem)).toEqual(['site.json:1:0: error: UTF-8として読み取れません。UTF-8で保存してください / not valid UTF-8; save the file as UTF-8']);
  });
  it('reads from a data folder, refusing a missing file and a link that leaves the folder', () => {
    writeFileSync(join(dir, 'site.json'), '{"title": {"ja": "題", "en": "Title"}, "cities": ["00001"]}');
    expect(validateDeclaration(dir, 'site.json', site).value?.cities).toEqual(['00001']);
    expect(validateDeclaration(dir, 'none.json', site, 'data/none.json').problems.map(formatProblem)).toEqual(['data/none.json:1:0: error: ファイルがありません / the file does not exist']);
    symlinkSync('/etc/hostname', join(dir, 'outside.json'));
    expect(validateDeclaration(dir, 'outside.json', site).problems.map((p) => p.code)).toEqual(['file-outside']);
  });
  it('writes pointers as RFC 6901 does', () => {
    expect(pointerOf([])).toBe('/');
    expect(pointerOf([0, 'a/b', 'c~d'])).toBe('/0/a~1b/c~0d');
  });
});
