/**
 * The ふりがな writer of the site: kuromoji, the basic kanji list, and the readings the data
 * records — area names (`name_kana` in areas.csv) and glossary terms (`reading_ja`).
 *
 * During a build the pages are rewritten on a thread of their own (src/lib/i18n/ruby-thread.ts),
 * so the analysis overlaps the rendering of the next pages: the build registers the thread's
 * file with `useRubyThread`. Without it (the dev server, tests) the writer runs in place.
 */
import { Worker } from 'node:worker_threads';
import { basicKanji, furigana, loadTokenizer } from '../i18n/furigana.ts';
import { loadGlossary } from '../glossary.ts';
import { loadSiteData } from '../site-data.ts';
import { threadCalls } from '../thread-calls.ts';

export interface PageFurigana {
  /** A whole HTML page with ruby over its text (see furigana.ts). */
  html(page: string): Promise<string>;
}

// The integration that registers the thread is loaded apart from the pages' bundle: both find it on globalThis.
const threadKey = Symbol.for('zaitaku-iryo-dashboard.ruby-thread');
type Registry = { file: string | null };
const registry = () => ((globalThis as Record<symbol, Registry | undefined>)[threadKey] ??= { file: null });

/** Rewrites pages on a thread running `file` (ruby-thread.ts) instead of in place; null to stop. */
export function useRubyThread(file: string | null): void {
  registry().file = file;
}

let writer: Promise<PageFurigana> | null = null;

export function furiganaForSite(): Promise<PageFurigana> {
  writer ??= (async () => {
    const known = knownReadings();
    const file = registry().file;
    if (file) return onThread(file, known);
    const local = furigana(await loadTokenizer(), basicKanji(), known);
    return { html: async (page) => local.html(page) };
  })();
  return writer;
}

function knownReadings(): Map<string, string> {
  const site = loadSiteData();
  // Era names the format module writes; the IPA dictionary predates 令和 and reads it wrongly.
  const known = new Map<string, string>([['令和', 'れいわ'], ['平成', 'へいせい'], ['昭和', 'しょうわ']]);
  for (const row of site.tables.get('areas')?.rows ?? []) if (row.name_ja && row.name_kana) known.set(String(row.name_ja), String(row.name_kana));
  for (const term of loadGlossary(site.dataDir)) if (term.ja.reading) known.set(term.ja.term.replace(/（.*?）/g, ''), term.ja.reading.replace(/（.*?）/g, ''));
  return known;
}

function onThread(file: string, known: Map<string, string>): PageFurigana {
  // The dictionary lives outside the heap; the heap holds the readings and the pages in passing:
  // at most about 210 MB on the national bench (1,900 areas), which a smaller limit collects sooner.
  const thread = new Worker(file, { workerData: { known: [...known] }, resourceLimits: { maxOldGenerationSizeMb: 320 } });
  // Idle between pages and after the last one: it must not keep the build alive.
  const calls = threadCalls(thread, { name: 'the furigana thread', errorPrefix: 'ふりがな / furigana: ', unrefWhenIdle: true });
  return { html: async (page) => (await calls.call<{ html: string }>({ html: page })).html };
}
