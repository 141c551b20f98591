/**
 * The data page's description for search engines' dataset search: a schema.org `Dataset` in
 * JSON-LD, with the site's name, description, licence and publisher from the configuration, the
 * period and the areas the data covers, the latest release, and every file the page offers as a
 * `DataDownload`. The block is data, not a script: browsers never run it, so the
 * Content-Security-Policy (which governs scripts that run) has nothing to allow.
 */
import { select } from '../dataset.ts';
import { pick, type Lang } from '../i18n.ts';
import { areaName } from '../present/groups.ts';
import type { SiteData } from '../site-data.ts';
import { releasesOf } from '../release/folders.ts';

/** One file the page offers: its path under the site root and its media type. */
export interface DatasetFile {
  path: string;
  name: string;
  encodingFormat: string;
}

/** The vintage columns of docs/data-format.md: what the figures describe (not when a document or release appeared). */
const vintageColumns = new Set(['as_of', 'period_start', 'period_end', 'fiscal_year']);

/**
 * The period the data covers, `YYYY-MM-DD/YYYY-MM-DD` (ISO 8601), from every row's vintage: a
 * fiscal year runs from 1 April to 31 March of the next year. Null when no table has a vintage.
 */
export function temporalCoverage(site: SiteData): string | null {
  let first: string | null = null;
  let last: string | null = null;
  const see = (from: string, to: string) => {
    if (first === null || from < first) first = from;
    if (last === null || to > last) last = to;
  };
  for (const table of site.tables.values())
    for (const column of table.schema.vintage.filter((c) => vintageColumns.has(c)))
      for (const row of table.rows) {
        const v = row[column];
        if (v === null || v === undefined || v === '') continue;
        if (column === 'fiscal_year') see(`${Number(v)}-04-01`, `${Number(v) + 1}-03-31`);
        else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) see(v, v);
      }
  return first && last ? `${first}/${last}` : null;
}

/** The areas the site is about: those site.json names, else every area without a parent. */
function coveredAreas(site: SiteData): string[] {
  return site.config.areas ?? select(site.tables, 'areas').filter((r) => !r.row.parent_code).map((r) => String(r.row.area_code));
}

/**
 * The Dataset of the data page at `pageUrl` (absolute); `files` are paths under the site's
 * absolute root URL `root`.
 */
export function datasetJsonLd(site: SiteData, lang: Lang, pageUrl: string, root: string, files: readonly DatasetFile[]): Record<string, unknown> {
  const { config } = site;
  const releases = releasesOf(site);
  const coverage = temporalCoverage(site);
  const absolute = (path: string) => new URL(path, root).href;
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: pick(lang, config.title),
    description: pick(lang, config.description),
    url: pageUrl,
    // The downloads are bilingual whatever the page's language.
    inLanguage: ['ja', 'en'],
    license: config.licence.data.url,
    isAccessibleForFree: true,
    publisher: { '@type': 'Organization', name: pick(lang, config.publisher.name), ...(config.publisher.url ? { url: config.publisher.url } : {}) },
    creator: { '@type': 'Organization', name: pick(lang, config.publisher.name), ...(config.publisher.url ? { url: config.publisher.url } : {}) },
    ...(releases.length ? { version: releases.at(-1)!.version, datePublished: releases[0]!.releasedOn, dateModified: releases.at(-1)!.releasedOn } : {}),
    ...(coverage ? { temporalCoverage: coverage } : {}),
    spatialCoverage: coveredAreas(site).map((code) => ({ '@type': 'Place', name: areaName(site.tables, code, lang), identifier: code })),
    distribution: files.map((f) => ({ '@type': 'DataDownload', name: f.name, encodingFormat: f.encodingFormat, contentUrl: absolute(f.path) })),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<` is written `\u003c`, so no value
 * can end the element (`</script>`) or open a comment; U+2028 and U+2029 likewise escaped.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value, null, 1)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
