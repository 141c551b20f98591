/**
 * What the やさしい日本語 text check compares (test/site/easy-japanese-text.test.ts): the sentences
 * of a built page, and the family a page belongs to. Kept apart from the test so that the same
 * reading can be run over any built site:
 * `node_modules/.bin/node test/site/easy-japanese-sentences.ts dist [data]` (the project's Node 24)
 * prints each family's share of identical sentences.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import Papa from 'papaparse';
import { parsePage, type HTMLElement, type Node } from '../html.ts';

/** Every `index.html` under a folder of the site, as paths with `/`. */
export const pagesUnder = (site: string, prefix: string) =>
  (readdirSync(join(site, prefix), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('index.html'))
    .map((f) => f.split(sep).join('/'))
    .sort();

// Elements that end a line of text: their start and end are sentence boundaries as much as 。 is.
const blocks = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR BUTTON CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LABEL LEGEND LI MAIN NAV OL OPTION P PRE SECTION SELECT SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(' '),
);
// Not read: readings (the very thing taken out), scripts and code (file names, commands), and the charts' SVG (its tick labels and
// names are the charts' own concern; each chart's title and sentences sit outside it).
// `translate="no"` marks text that is a name, to be printed as its owner writes it.
const skipped = (el: HTMLElement) => ['RT', 'RP', 'SCRIPT', 'STYLE', 'TEMPLATE', 'TITLE', 'SVG', 'CODE'].includes(el.tagName.toUpperCase()) || el.getAttribute('translate') === 'no';

/**
 * Proper names the data declares, which no edition rewords: each source document's publisher and
 * title (a reader finds the document by them), the data licence's name and id, the areas' and the
 * hospitals' names, the glossary's terms (the words it explains), the places' addresses, and a
 * name the data writes the same in the edition's column as in Japanese (a place in contacts.csv).
 */
export function properNames(dataDir: string): string[] {
  const rows = (file: string) => Papa.parse<Record<string, string>>(readFileSync(join(dataDir, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const site = JSON.parse(readFileSync(join(dataDir, 'site.json'), 'utf8')) as { licence?: { data?: { id?: string; name?: Record<string, string> } } };
  const names = [
    ...rows('sources.csv').flatMap((r) => [r.publisher_ja!, r.title_ja!]),
    ...Object.values(site.licence?.data?.name ?? {}),
    site.licence?.data?.id ?? '',
    ...rows('contacts.csv').filter((r) => r.name_ja && r.name_ja === r.name_ja_hira).map((r) => r.name_ja!),
    ...rows('contacts.csv').map((r) => r.address_ja!),
    ...rows('areas.csv').map((r) => r.name_ja!),
    ...rows('emergency_hospitals.csv').map((r) => r.hospital_name_printed!),
    ...rows('glossary/glossary.csv').flatMap((r) => [r.term_ja!, r.term_en!]),
  ];
  // Compared without white space, as the sentences are; the longest first, so that a title is
  // taken out whole before a shorter name inside it.
  return [...new Set(names.map((n) => n.replace(/\s+/g, '')).filter((n) => n.length > 1))].sort((a, b) => b.length - a.length);
}

/**
 * The wording of a sentence: its letters once the proper names, web addresses, file names and
 * identifiers (a column's name, a row's key) are taken out
 * (digits and punctuation are not letters). A sentence that is a name, a date or a figure alone
 * (「出典：横浜市医療局「…」（2016年2月19日）」, 「2015年4月1日～2016年3月31日」, 「396,288千円」)
 * has little wording left, and both editions write it alike on purpose.
 */
export function wordingOf(sentence: string, names: readonly string[]): string {
  // Identifiers are names too: a row's key as the change list writes it (contact_id=hub-14101) and
  // a column's name (name_ja_hira) read alike in every edition.
  let s = sentence
    .replace(/https?:\/\/\S+/g, '')
    .replace(/[\w.-]+\.(csv|json|xlsx|zip|topojson)\b/g, '')
    .replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:=[\w.-]+)?/g, '');
  for (const n of names) s = s.split(n).join('');
  return s.replace(/[^\p{L}]/gu, '');
}

/**
 * The sentences of a page's body: split at 。！？ and at block boundaries, white space removed
 * (the edition writes a space between words, the ordinary edition none), with at least 10
 * characters of wording. Text whose `lang` says it is in another language than the page (a
 * fallback the page declares as such) is kept apart, in `quoted`: it is not the page's language.
 */
export function sentencesOf(html: string, names: readonly string[]): { sentences: string[]; quoted: string[] } {
  const document = parsePage(html);
  const pageLang = document.querySelector('html')?.getAttribute('lang');
  const parts: { text: string; quoted: boolean }[] = [];
  let line = '';
  const walk = (node: Node, quoted: boolean) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) line += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const el = child as HTMLElement;
        if (skipped(el)) continue;
        const inner = quoted || (el.hasAttribute('lang') && el.getAttribute('lang') !== pageLang);
        const block = blocks.has(el.tagName.toUpperCase()) || inner !== quoted;
        if (block) parts.push({ text: line, quoted }), (line = '');
        walk(el, inner);
        if (block) parts.push({ text: line, quoted: inner }), (line = '');
      }
    }
  };
  walk(document.querySelector('body')!, false);
  parts.push({ text: line, quoted: false });
  const split = (ps: typeof parts) =>
    ps
      .flatMap((p) => p.text.split(/[。！？]/))
      .map((s) => s.replace(/\s+/g, ''))
      .filter((s) => [...s].length >= 10 && [...wordingOf(s, names)].length >= 10);
  return { sentences: split(parts.filter((p) => !p.quoted)), quoted: split(parts.filter((p) => p.quoted)) };
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

export interface FamilyShare {
  pages: number;
  sentences: number;
  same: number;
  examples: string[];
  /** Sentences the edition marks as another language (its fallback), kept out of `sentences`. */
  quoted: number;
}

/** For each family of the edition under `prefix`, how many of its sentences its ordinary page has word for word. */
export function identicalShares(site: string, prefix: string, names: readonly string[]): Map<string, FamilyShare> {
  const families = new Map<string, FamilyShare>();
  for (const f of pagesUnder(site, prefix)) {
    const theirs = new Set(sentencesOf(readFileSync(join(site, f), 'utf8'), names).sentences);
    const { sentences: ours, quoted } = sentencesOf(readFileSync(join(site, prefix, f), 'utf8'), names);
    const fam = families.get(familyOf(f)) ?? { pages: 0, sentences: 0, same: 0, examples: [], quoted: 0 };
    fam.pages++;
    fam.sentences += ours.length;
    fam.quoted += quoted.length;
    for (const s of ours) if (theirs.has(s)) fam.same++, fam.examples.length < 3 && !fam.examples.includes(s) && fam.examples.push(s);
    families.set(familyOf(f), fam);
  }
  return families;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = process.argv[2] ?? 'dist';
  for (const [name, f] of [...identicalShares(site, 'yasashii', properNames(process.argv[3] ?? 'data'))].sort())
    console.log(`${name.padEnd(14)} ${String(f.pages).padStart(4)} pages ${String(f.sentences).padStart(6)} sentences ${((100 * f.same) / Math.max(1, f.sentences)).toFixed(1).padStart(5)} % identical${f.quoted ? ` (${f.quoted} marked as another language)` : ''}${f.same ? `  e.g. ${f.examples.join(' | ').slice(0, 160)}` : ''}`);
}
