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
    const known = new Map<string, string>();
    for (const row of site.tables.get('areas')?.rows ?? []) if (row.name_ja && row.name_kana) known.set(String(row.name_ja), String(row.name_kana));
    for (const term of loadGlossary(site.dataDir)) if (term.ja.reading) known.set(term.ja.term.replace(/（.*?）/g, ''), term.ja.reading.replace(/（.*?）/g, ''));
    return furigana(await loadTokenizer(), basicKanji(), known);
  })();
  return writer;
}
