/**
 * "Cite this": a figure (or a whole release) named well enough to find it again at the release it
 * was read from — site and publisher, the title, the release and its date (or that the data is
 * not yet released), the page's permanent anchor, the exact files of that release, and the
 * licence the site configuration names. Given as a line of text for readers, as a BibTeX entry
 * and as CSL-JSON (the form Zotero, Mendeley and citation processors read).
 */
import { formatDate } from '../format.ts';
import type { Lang } from '../i18n.ts';
import type { SiteInfo } from './site-info.ts';
import { grammarOf } from '../i18n/grammar.ts';
import { bilingual } from '../i18n/labels.ts';

export interface CitationInput {
  lang: Lang;
  info: SiteInfo;
  title: string;
  release: { version: string; releasedOn: string; released: boolean };
  /** Absolute URL of the figure: the page with the figure's anchor. */
  pageUrl: string;
  /** Absolute URLs of the figure's data files in the linked folder. */
  dataUrls: string[];
}

/** The licence in words, in the citation's language: its name, identifier and address. */
function licenceWords(info: SiteInfo, ja: boolean): string {
  const { id, name, url } = info.license;
  const names = bilingual(name);
  return ja ? `${names.ja}（${id}、${url}）` : `${names.en} (${id}), ${url}`;
}

export function citation({ lang, info, title, release, pageUrl, dataUrls }: CitationInput): string {
  const date = release.releasedOn ? formatDate(release.releasedOn, lang) : '';
  const title_ = bilingual(info.title), publisher_ = bilingual(info.publisher);
  if (grammarOf(lang) === 'ja') {
    const version = release.released
      ? `版 ${release.version}（${date}公開）`
      : `未リリースのデータ（最後の版は ${release.version}、${date}公開）`;
    const publisher = title_.ja.startsWith(publisher_.ja) ? '' : `${publisher_.ja}、`;
    return `${publisher}${title_.ja}「${title}」${version}、${pageUrl}。データ：${dataUrls.join(' ')}。ライセンス：${licenceWords(info, true)}`;
  }
  const version = release.released
    ? `release ${release.version} (${date})`
    : `data not yet released (last release ${release.version}, ${date})`;
  const publisher = title_.en.startsWith(publisher_.en) ? '' : `${publisher_.en}. `;
  return `${publisher}${title_.en}: “${title}”, ${version}, ${pageUrl}. Data: ${dataUrls.join(' ')}. Licence: ${licenceWords(info, false)}`;
}

/** The parts every machine-readable form shares, in the citation's language. */
function parts({ lang, info, title, release, pageUrl, dataUrls }: CitationInput) {
  const ja = grammarOf(lang) === 'ja';
  const site = bilingual(info.title)[ja ? 'ja' : 'en'];
  const publisher = bilingual(info.publisher)[ja ? 'ja' : 'en'];
  // Data edited since the release is that release plus unreleased edits (as in datapackage.json).
  const version = release.released ? release.version : `${release.version}+unreleased`;
  const [year, month, day] = (release.releasedOn || '0000-00-00').split('-').map(Number) as [number, number, number];
  return { ja, site, publisher, version, year, month, day, fullTitle: ja ? `${site}「${title}」` : `${site}: ${title}`, pageUrl, dataUrls, licence: info.license };
}

/** Characters BibTeX reads as commands or groups, written as text. */
const bibtexText = (s: string) =>
  s.replace(/[\\{}&%$#_~^]/g, (c) => ({ '\\': '\\textbackslash{}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}' })[c] ?? `\\${c}`);

/**
 * The citation as a BibTeX `@misc` entry (the type every BibTeX style knows; biblatex also reads
 * `version`): the publisher as an organisation (double braces keep its name whole), the release's
 * year, the page URL, and a note with the licence and the data files.
 */
export function citationBibtex(input: CitationInput & { key: string }): string {
  const p = parts(input);
  const url = (u: string) => `\\url{${u.replace(/[\\{}%#]/g, (c) => `\\${c}`)}}`;
  const fields: [string, string][] = [
    ['title', bibtexText(p.fullTitle)],
    ['author', `{${bibtexText(p.publisher)}}`],
    ['publisher', `{${bibtexText(p.publisher)}}`],
    ['year', String(p.year)],
    ['version', bibtexText(p.version)],
    ['url', p.pageUrl.replace(/[{}]/g, '')],
    ['note', `${p.ja ? 'ライセンス' : 'Licence'}: ${bibtexText(`${bilingual(p.licence.name)[p.ja ? 'ja' : 'en']} (${p.licence.id})`)}, ${url(p.licence.url)}. ${p.ja ? 'データ' : 'Data'}: ${p.dataUrls.map(url).join(', ')}`],
  ];
  return [`@misc{${input.key.replace(/[^A-Za-z0-9_:.-]/g, '-')},`, ...fields.map(([k, v], i) => `  ${k} = {${v}}${i < fields.length - 1 ? ',' : ''}`), '}'].join('\n');
}

/** The citation as CSL-JSON: an array of one item of type `dataset`. */
export function citationCsl(input: CitationInput & { key: string }): string {
  const p = parts(input);
  const item = {
    id: input.key,
    type: 'dataset',
    title: p.fullTitle,
    author: [{ literal: p.publisher }],
    publisher: p.publisher,
    ...(p.year ? { issued: { 'date-parts': [[p.year, p.month, p.day]] } } : {}),
    version: p.version,
    URL: p.pageUrl,
    license: p.licence.url,
    language: p.ja ? 'ja' : 'en',
    note: `${p.ja ? 'ライセンス' : 'Licence'}: ${bilingual(p.licence.name)[p.ja ? 'ja' : 'en']} (${p.licence.id}), ${p.licence.url}. ${p.ja ? 'データ' : 'Data'}: ${p.dataUrls.join(' ')}`,
  };
  // One field a line, each value on its line: readable in the page, and JSON all the same.
  const lines = Object.entries(item).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `[\n  {\n${lines.join(',\n')}\n  }\n]`;
}
