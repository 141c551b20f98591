/**
 * The やさしい日本語 edition is its own text, not the ordinary Japanese with readings on top: on
 * every page family, at most 10 % of its sentences of 10 characters or more are the ordinary
 * page's sentences word for word once the readings are taken out. And the edition announces one
 * language tag: each page's `lang` is the `hreflang` that every page's alternates give it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { identicalShares, pagesUnder, properNames } from './easy-japanese-sentences.ts';
import { parsePage } from '../html.ts';

const site = inject('siteDir');
const edition = 'yasashii';
const pages = (prefix: string) =>
  (readdirSync(join(site, prefix), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('index.html'))
    .map((f) => f.split(sep).join('/'))
    .sort();

describe('the やさしい日本語 edition’s own text', () => {
  const easy = pagesUnder(site, edition);

  it('shares at most 10 % of its sentences with the ordinary Japanese, on every page family', () => {
    // Every page of the edition has its ordinary page at the same path without the prefix.
    expect(easy.filter((f) => !existsSync(join(site, f)))).toEqual([]);
    // The site is built from data/: its proper names are the ones the comparison leaves aside.
    const names = properNames('data');
    expect(names.length).toBeGreaterThan(40);
    const families = identicalShares(site, edition, names);
    // Every page was read, and each family the edition has is there with sentences to compare.
    expect([...families.values()].reduce((n, f) => n + f.pages, 0)).toBe(easy.length);
    expect(easy.length).toBeGreaterThan(100);
    expect([...families.keys()].sort()).toEqual(expect.arrayContaining(['area pages', 'budget', 'chart embeds', 'comparisons', 'data', 'glossary', 'hubs', 'methodology', 'programmes', 'quality', 'releases', 'top', 'ward pairs', 'yokosuka']));
    for (const name of ['area pages', 'budget', 'data', 'glossary', 'hubs', 'methodology', 'programmes', 'quality', 'releases', 'ward pairs', 'comparisons', 'chart embeds', 'top'])
      expect(families.get(name)!.sentences, name).toBeGreaterThan(20);
    const over = [...families]
      .filter(([, f]) => f.same > 0.1 * f.sentences)
      .map(([name, f]) => `${name}: ${f.same}/${f.sentences} (${((100 * f.same) / f.sentences).toFixed(0)} %) on ${f.pages} pages, e.g. ${f.examples.join(' | ')}`);
    expect(over).toEqual([]);
    // Text the edition marks as ordinary Japanese (its fallback, with lang="ja") is the data page's
    // transcription notes alone: a technical record of how each figure was read, linked from the
    // edition and said to be in ordinary Japanese. Anywhere else it would escape this check.
    expect([...families].filter(([, f]) => f.quoted > 0).map(([name]) => name)).toEqual(['data']);
  });
});

describe('the edition’s language tag', () => {
  it('is the same in each page’s lang and in the hreflang every page gives it', () => {
    const ordinary = pages('').filter((f) => !f.startsWith('en/') && !f.startsWith(`${edition}/`));
    const sample = [...ordinary, ...pages('en').map((f) => `en/${f}`), ...pages(edition).map((f) => `${edition}/${f}`)];
    // Each page's head parsed once (the head alone: a thousand pages' bodies are not needed here).
    const heads = new Map(sample.map((f) => {
      const html = readFileSync(join(site, f), 'utf8');
      return [f, parsePage(html.slice(0, html.indexOf('<body')) + '</html>')] as const;
    }));
    const langOf = new Map<string, string>();
    for (const [f, doc] of heads) langOf.set(`/${f.replace(/index\.html$/, '')}`, doc.querySelector('html')?.getAttribute('lang') ?? '');
    let withAlternates = 0;
    const failures: string[] = [];
    for (const [f, doc] of heads) {
      const links = [...doc.querySelectorAll('link[rel="alternate"][hreflang]')];
      // A chart's embed page has no alternates; a page that has them names every edition and x-default.
      if (links.length === 0) continue;
      withAlternates++;
      if (links.length !== 4) failures.push(`${f}: ${links.length} alternates`);
      for (const link of links) {
        const tag = link.getAttribute('hreflang')!;
        if (tag === 'x-default') continue;
        const target = new URL(link.getAttribute('href')!).pathname;
        const lang = langOf.get(target);
        // Each alternate is a built page, and that page says the language its alternate announces.
        if (lang === undefined) failures.push(`${f}: ${target} not built`);
        else if (lang !== tag) failures.push(`${f}: hreflang="${tag}" for ${target}, whose lang is "${lang}"`);
      }
    }
    expect(sample.length).toBeGreaterThan(300);
    expect(withAlternates).toBeGreaterThan(600);
    expect(failures.slice(0, 10)).toEqual([]);
    // The edition's tag is its own: not the ordinary edition's.
    expect(langOf.get(`/${edition}/`)).not.toBe(langOf.get('/'));
  });
});
