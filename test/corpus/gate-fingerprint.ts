/**
 * A fingerprint of everything a site build reads from a data folder, so that two accepted
 * corpus cases whose builds would read the same input can share one build.
 *
 * What the build reads from DATA_DIR (scripts/build.ts, src/lib/site-data.ts and the modules that
 * take `site.dataDir`):
 * - the gate's result, handed over to every rendering thread: the validated tables, row counts,
 *   metric declarations, configuration, derived tables and quality report — the fields of
 *   `SiteData` (the problem list is printed by the build and not handed to any page);
 * - `glossary/` (src/lib/glossary.ts), validated on its own;
 * - `locales/` (src/lib/i18n/catalogue.ts) and the `languages` field of site.json as written
 *   (src/lib/i18n/languages.ts);
 * - the raw bytes of the data files, only to compare them with the newest release snapshot
 *   (src/lib/release/folders.ts `unreleasedChanges`), and git's history of the folder when they
 *   differ (src/lib/publish/data-dates.ts): both enter through `dataDates`, computed here by the
 *   same function the data page calls.
 * releases/ and the project's own locales/ are the same for every case. The folder's own path is
 * replaced by a placeholder: cases live in different folders, which no page shows.
 *
 * The serialisation keeps key and entry order as the gate produced it, so data that is equal
 * but ordered differently fingerprints differently: the comparison can only err towards building.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dataDates } from '../../src/lib/publish/data-dates.ts';
import type { SiteData } from '../../src/lib/site-data.ts';
import { runGate } from '../../src/lib/pipeline.ts';
import { readLanguageField } from '../../src/lib/i18n/languages.ts';

/** Every value as text, in the order it holds its entries; the folder's path as `<data>`. */
function canonical(value: unknown, dir: string, seen: unknown[] = []): string {
  if (value === null || value === undefined || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint') return `${typeof value}:${String(value)}`;
  if (typeof value === 'string') return JSON.stringify(value.split(dir).join('<data>'));
  if (typeof value === 'function' || typeof value === 'symbol') throw new Error(`a ${typeof value} in the gate result`);
  if (seen.includes(value)) throw new Error('a cycle in the gate result');
  const inner = (v: unknown) => canonical(v, dir, [...seen, value]);
  if (value instanceof Date) return `Date:${value.toISOString()}`;
  if (value instanceof Map) return `Map{${[...value].map(([k, v]) => `${inner(k)}=>${inner(v)}`).join(',')}}`;
  if (value instanceof Set) return `Set{${[...value].map(inner).join(',')}}`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}[${Array.from(value as unknown as ArrayLike<number>).join(',')}]`;
  if (Array.isArray(value)) return `[${value.map(inner).join(',')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${inner(v)}`).join(',')}}`;
}

/** Every file under `sub` of the folder, with its bytes, or nothing when there is no such folder. */
function filesUnder(dir: string, sub: string): string[] {
  const base = join(dir, sub);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(base, f)).isFile())
    .sort()
    .map((f) => `${sub}/${f}:${createHash('sha256').update(readFileSync(join(base, f))).digest('hex')}`);
}

/** The fingerprint of an accepted data folder, as `scripts/build.ts` run from `root` would read it. */
export function gateFingerprint(dataDir: string, root: string): string {
  const dir = resolve(dataDir);
  const result = runGate(dir, root, { requireSiteConfig: true });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !result.config || !result.specs || !result.derived || !result.quality) throw new Error(`not an accepted folder: ${dir}`);
  const site: SiteData = { dataDir: dir, config: result.config, tables: result.tables, rowCounts: result.rowCounts, specs: result.specs, derived: result.derived, quality: result.quality, consistency: result.consistency ?? [], boundaries: result.boundaries ?? null };
  const parts = {
    site: { ...site, dataDir: undefined },
    glossary: filesUnder(dir, 'glossary'),
    locales: filesUnder(dir, 'locales'),
    // Read as the build reads it (a byte-order mark and all).
    languages: readLanguageField(dir),
    dates: dataDates(site, resolve(root, 'releases')),
  };
  return createHash('sha256').update(canonical(parts, dir)).digest('hex');
}
