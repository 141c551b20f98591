/**
 * The ふりがな writer of the site: kuromoji, the basic kanji list, and the readings the data
 * records — area names (`name_kana` in areas.csv) and glossary terms (`reading_ja`).
 */
import { basicKanji, furigana, loadTokenizer, type Furigana } from '../i18n/furigana.ts';
import { loadGlossary } from '../glossary.ts';
import { loadSiteData } from '../site-data.ts';

let writer: Promise<Furigana> | null = null;

export function furiganaForSite(): Promise<Furigana> {
  writer ??= (async () => {
    const site = loadSiteData();
    // Era names the format module writes; the IPA dictionary predates 令和 and reads it wrongly.
    const known = new Map<string, string>([['令和', 'れいわ'], ['平成', 'へいせい'], ['昭和', 'しょうわ']]);
    for (const row of site.tables.get('areas')?.rows ?? []) if (row.name_ja && row.name_kana) known.set(String(row.name_ja), String(row.name_kana));
    for (const term of loadGlossary(site.dataDir)) if (term.ja.reading) known.set(term.ja.term.replace(/（.*?）/g, ''), term.ja.reading.replace(/（.*?）/g, ''));
    return furigana(await loadTokenizer(), basicKanji(), known);
  })();
  return writer;
}
