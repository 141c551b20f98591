/**
 * What the spreadsheet thread (scripts/write-workbooks.ts) is handed of the gate's result: the
 * tables and declarations, and of the derived data only the tables the downloads publish
 * (DOWNLOADED_DERIVED). A national build's trend series and quality report, most of what the gate
 * derives, stay with the pages: copied to the thread as well, they added a third to the build's
 * peak memory for files that never read them. On the thread, what was left out fails loudly when
 * read, so a download that comes to need it cannot be written from nothing.
 */
import type { GateResult } from '../pipeline.ts';
import type { QualityReport } from '../quality/run-checks.ts';
import { DOWNLOADED_DERIVED } from './downloads.ts';

const KEPT = new Set<string>(['specs', ...DOWNLOADED_DERIVED]);

/** The gate's result, and each release snapshot's, as far as the download files read it. */
export function downloadsInput(result: GateResult): GateResult {
  const derived = result.derived && (Object.fromEntries(Object.entries(result.derived).filter(([key]) => KEPT.has(key))) as GateResult['derived']);
  return {
    ...result,
    derived,
    quality: result.quality && ({} as QualityReport),
    snapshots: result.snapshots && new Map([...result.snapshots].map(([dir, snapshot]) => [dir, downloadsInput(snapshot)])),
  };
}

/** On the thread: the result as handed over, where reading anything left out throws. */
export function guardDownloadsInput(result: GateResult): GateResult {
  const refuse = (what: string) => {
    throw new Error(`${what} is not handed to the spreadsheet thread (src/lib/publish/downloads-input.ts)`);
  };
  return {
    ...result,
    derived: result.derived && new Proxy(result.derived, { get: (target, key) => (typeof key === 'string' && !KEPT.has(key) ? refuse(`derived.${key}`) : Reflect.get(target, key)) }),
    quality: result.quality && (new Proxy({}, { get: (_, key) => refuse(`quality.${String(key)}`) }) as QualityReport),
    snapshots: result.snapshots && new Map([...result.snapshots].map(([dir, snapshot]) => [dir, guardDownloadsInput(snapshot)])),
  };
}
