/**
 * The ふりがな pass on a thread of its own (see src/lib/present/furigana-site.ts): the pages of an
 * edition with readings are rewritten here while the build goes on rendering the next pages.
 * It holds the analyser's dictionary and the readings the data records, nothing else.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { basicKanji, furigana, loadTokenizer } from './furigana.ts';

const port = parentPort!;
const writer = furigana(await loadTokenizer(), basicKanji(), new Map(workerData.known as [string, string][]));
port.on('message', ({ id, html }: { id: number; html: string }) => {
  try {
    port.postMessage({ id, html: writer.html(html) });
  } catch (err) {
    port.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
