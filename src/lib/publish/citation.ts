/**
 * "Cite this": a figure (or a whole release) named well enough to find it again at the release it
 * was read from — site and publisher, the title, the release and its date (or that the data is
 * not yet released), the page's permanent anchor, the exact files of that release, and the
 * licence the site configuration names. Given as a line of text for readers, as a BibTeX entry
 * and as CSL-JSON (the form Zotero, Mendeley and citation processors read).
 */
import { formatDate } from '../format.ts';
import { pick, type Lang } from '../i18n.ts';
import type { SiteInfo } from './site-info.ts';
import { languageOf } from '../i18n/languages.ts';
import { translator } from '../i18n/translate.ts';

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

/**
 * The citation as a line of text, in its language's style (`citation.*` in the catalogues): the
 * publisher where the site's name does not begin with it, the site, the title, the release, the
 * page, the data files and the licence.
 */
export function citation({ lang, info, title, release, pageUrl, dataUrls }: CitationInput): string {
  const t = translator(lang);
  const date = release.releasedOn ? formatDate(release.releasedOn, lang) : '';
  const site = pick(lang, info.title), publisher = pick(lang, info.publisher);
  const version = t(release.released ? 'citation.released' : 'citation.unreleased', { version: release.version, date });
  const licence = t('citation.licence', { name: pick(lang, info.license.name), id: info.license.id, url: info.license.url });
  return t('citation.text', { publisher: site.startsWith(publisher) ? '' : t('citation.publisher', { publisher }), site, title, version, pageUrl, dataUrls: dataUrls.join(' '), licence });
}

/** The parts every machine-readable form shares, in the citation's language. */
function parts({ lang, info, title, release, pageUrl, dataUrls }: CitationInput) {
  const t = translator(lang);
  const site = pick(lang, info.title);
  const publisher = pick(lang, info.publisher);
  // Data edited since the release is that release plus unreleased edits (as in datapackage.json).
  const version = release.released ? release.version : `${release.version}+unreleased`;
  const [year, month, day] = (release.releasedOn || '0000-00-00').split('-').map(Number) as [number, number, number];
  return {
    language: languageOf(lang).htmlLang, site, publisher, version, year, month, day, fullTitle: t('citation.fullTitle', { site, title }), pageUrl, dataUrls, licence: info.license,
    licenceName: pick(lang, info.license.name), licenceWord: t('citation.licenceWord'), dataWord: t('citation.dataWord'),
  };
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
    ['note', `${p.licenceWord}: ${bibtexText(`${p.licenceName} (${p.licence.id})`)}, ${url(p.licence.url)}. ${p.dataWord}: ${p.dataUrls.map(url).join(', ')}`],
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
    language: p.language,
    note: `${p.licenceWord}: ${p.licenceName} (${p.licence.id}), ${p.licence.url}. ${p.dataWord}: ${p.dataUrls.join(' ')}`,
  };
  // One field a line, each value on its line: readable in the page, and JSON all the same.
  const lines = Object.entries(item).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `[\n  {\n${lines.join(',\n')}\n  }\n]`;
}
