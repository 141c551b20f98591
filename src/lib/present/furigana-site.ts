/**
 * The ふりがな writer of the site: kuromoji, the basic kanji list, and the readings the data
 * records — area names (`name_kana` in areas.csv) and glossary terms (`reading_ja`). Made once per
 * process: the analyser's dictionary takes about a second to load, and every page of the edition
 * shares it.
 */
import { basicKanji, furigana, loadTokenizer } from '../i18n/furigana.ts';
import { languageOf } from '../i18n/languages.ts';
import type { Lang } from '../i18n.ts';
import { loadGlossary } from '../glossary.ts';
import { loadSiteData } from '../site-data.ts';
import { shortName } from './metric-text.ts';

export interface PageFurigana {
  /** A whole HTML page with ruby over its text (see furigana.ts). */
  html(page: string): Promise<string>;
  /** Text with its words beyond the basic list in hiragana: what a chart of the edition prints. */
  kana(text: string): string;
}

/** How a chart's own text (its labels) is written in an edition. */
export type ChartText = (text: string) => string;
export const asWritten: ChartText = (text) => text;

/**
 * The chart text of an edition: as written, or in an edition with readings in hiragana. A chart
 * sizes its margins and places its labels by their text, so the text it is given must be the
 * text it prints; the page pass over the SVG (furigana.ts) then finds nothing left to change.
 */
export async function chartTextFor(lang: Lang): Promise<ChartText> {
  if (!languageOf(lang).ruby) return asWritten;
  const writer = await furiganaForSite();
  return (text) => writer.kana(text);
}

let writer: Promise<PageFurigana> | null = null;

export function furiganaForSite(): Promise<PageFurigana> {
  writer ??= (async () => {
    const local = furigana(await loadTokenizer(), basicKanji(), knownReadings());
    return { html: async (page) => local.html(page), kana: (text) => local.kana(text) };
  })();
  return writer;
}

function knownReadings(): Map<string, string> {
  const site = loadSiteData();
  // Era names the format module writes; the IPA dictionary predates 令和 and reads it wrongly.
  const known = new Map<string, string>([['令和', 'れいわ'], ['平成', 'へいせい'], ['昭和', 'しょうわ']]);
  for (const row of site.tables.get('areas')?.rows ?? []) {
    if (!row.name_ja || !row.name_kana) continue;
    const [name, reading] = [String(row.name_ja), String(row.name_kana)];
    known.set(name, reading);
    // Charts and tight lists name a ward without 区 (shortName): 瀬谷, which the analyser alone
    // reads せたに. One-kanji names (栄, 泉) are left to the analyser, which reads them alone
    // correctly, so that they do not take over longer words (栄養).
    const short = shortName(name);
    if (short !== name && short.length >= 2 && reading.endsWith('く')) known.set(short, reading.slice(0, -1));
  }
  for (const term of loadGlossary(site.dataDir)) if (term.ja.reading) known.set(term.ja.term.replace(/（.*?）/g, ''), term.ja.reading.replace(/（.*?）/g, ''));
  return known;
}
