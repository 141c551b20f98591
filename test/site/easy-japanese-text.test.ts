/**
 * The やさしい日本語 edition is its own text, not the ordinary Japanese with readings on top: on
 * every page family, at most 10 % of its sentences of 10 characters or more are the ordinary
 * page's sentences word for word once the readings are taken out. And the edition announces one
 * language tag: each page's `lang` is the `hreflang` that every page's alternates give it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';

const site = inject('siteDir');
const edition = 'yasashii';
const pages = (prefix: string) =>
  (readdirSync(join(site, prefix), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('index.html'))
    .map((f) => f.split(sep).join('/'))
    .sort();
const read = (path: string) => parseHTML(readFileSync(join(site, path), 'utf8')).document;

// Elements that end a line of text: their start and end are sentence boundaries as much as 。 is.
const blocks = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR BUTTON CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LABEL LEGEND LI MAIN NAV OL OPTION P PRE SECTION SELECT SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(' '),
);
// Not read as sentences: readings (the very thing taken out), code, and the charts' SVG (its tick
// labels and names are the charts' own concern; each chart's title and sentences sit outside it).
// `translate="no"` marks a proper name printed as its owner writes it (a document's title in a
// citation, a hospital's name): a name has no plainer wording, so it cannot count against the edition.
const skipped = (el: Element) => ['RT', 'RP', 'SCRIPT', 'STYLE', 'TEMPLATE', 'TITLE', 'svg', 'SVG'].includes(el.tagName) || el.getAttribute('translate') === 'no';

/** The sentences of a page's body: split at 。！？ and at block boundaries, white space removed, 10 characters or more. */
export function sentencesOf(path: string): string[] {
  const parts: string[] = [];
  let line = '';
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) line += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (skipped(el)) continue;
        const block = blocks.has(el.tagName.toUpperCase());
        if (block) parts.push(line), (line = '');
        walk(el);
        if (block) parts.push(line), (line = '');
      }
    }
  };
  walk(read(path).body);
  parts.push(line);
  // The edition writes a space between words, the ordinary edition none: spaces are not wording.
  // A date or a figure alone (「2015年1月28日」, 「396,288千円」) is not a sentence: both editions
  // write it alike on purpose, so that the figures read the same.
  return parts
    .flatMap((p) => p.split(/[。！？]/))
    .map((s) => s.replace(/\s+/g, ''))
    .filter((s) => [...s].length >= 10 && !/^[-+−0-9,.%（）()〜~／/:：年月日時点千万円人か所件回]+$/.test(s));
}

/** A page's family: its path with area codes, metric ids and chart anchors made general. */
export function familyOf(path: string): string {
  const p = path.replace(/index\.html$/, '');
  if (p.includes('/charts/')) return 'chart embeds';
  if (p === '') return 'top';
  if (/^wards\/\d+\/vs\/\d+\/$/.test(p)) return 'ward pairs';
  if (/^wards\/\d+\/$/.test(p)) return 'area pages';
  if (/^compare\/[^/]+\/[^/]+\/$/.test(p)) return 'comparisons';
  return p.split('/')[0]!;
}

describe('the やさしい日本語 edition’s own text', () => {
  const easy = pages(edition);

  it('shares at most 10 % of its sentences with the ordinary Japanese, on every page family', () => {
    const families = new Map<string, { pages: number; sentences: number; same: number; examples: string[] }>();
    for (const f of easy) {
      const ordinary = f;
      expect(existsSync(join(site, ordinary)), ordinary).toBe(true);
      const theirs = new Set(sentencesOf(ordinary));
      const ours = sentencesOf(`${edition}/${f}`);
      const fam = families.get(familyOf(f)) ?? { pages: 0, sentences: 0, same: 0, examples: [] };
      fam.pages++;
      fam.sentences += ours.length;
      for (const s of ours) if (theirs.has(s)) fam.same++, fam.examples.length < 3 && !fam.examples.includes(s) && fam.examples.push(s);
      families.set(familyOf(f), fam);
    }
    // Every page was read, and each family the edition has is there with sentences to compare.
    expect([...families.values()].reduce((n, f) => n + f.pages, 0)).toBe(easy.length);
    expect(easy.length).toBeGreaterThan(100);
    const names = [...families.keys()].sort();
    expect(names).toEqual(expect.arrayContaining(['area pages', 'budget', 'chart embeds', 'comparisons', 'data', 'glossary', 'hubs', 'methodology', 'programmes', 'quality', 'releases', 'top', 'ward pairs', 'yokosuka']));
    for (const name of ['area pages', 'budget', 'data', 'hubs', 'methodology', 'releases', 'ward pairs', 'comparisons']) expect(families.get(name)!.sentences, name).toBeGreaterThan(20);
    const over = [...families]
      .filter(([, f]) => f.same > 0.1 * f.sentences)
      .map(([name, f]) => `${name}: ${f.same}/${f.sentences} (${((100 * f.same) / f.sentences).toFixed(0)} %) on ${f.pages} pages, e.g. ${f.examples.join(' | ')}`);
    expect(over).toEqual([]);
  });
});

describe('the edition’s language tag', () => {
  it('is the same in each page’s lang and in the hreflang every page gives it', () => {
    const ordinary = pages('').filter((f) => !f.startsWith('en/') && !f.startsWith(`${edition}/`));
    const sample = [...ordinary, ...pages('en').map((f) => `en/${f}`), ...pages(edition).map((f) => `${edition}/${f}`)];
    const langOf = new Map<string, string>();
    for (const f of sample) langOf.set(`/${f.replace(/index\.html$/, '')}`, read(f).documentElement.getAttribute('lang') ?? '');
    let withAlternates = 0;
    const failures: string[] = [];
    for (const f of sample) {
      const links = [...read(f).querySelectorAll('link[rel="alternate"][hreflang]')];
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
