/**
 * The site configuration (`data/site.json`): everything a city changes to publish its own site —
 * who publishes, the title, which areas the site is about, the languages, the navigation and the
 * optional sections, the metrics the pages lead with, the licence and the credit line. Written by
 * people as a `SiteConfigSpec`, normalised once into a `SiteConfig`; code reads only the latter.
 */
import { z } from 'zod';
import { labelSchema } from '../i18n/labels.ts';
import { languagesSchema, normalizeLanguages } from './languages.ts';

// Labels per language: only the default language is required; the others fall back (src/lib/i18n/labels.ts).
const text = labelSchema;
const areaCode = z.string().regex(/^[0-9]{5}$/, 'a five-digit local government code');
const metricId = z.string().regex(/^[a-z][a-z0-9_]*$/);
/** A path inside the site (`wards/14101/`): no empty segment, so never `//host/`, another site. */
const sitePath = z.string().refine((p) => p === '/' || (!p.includes('//') && !p.startsWith('/')), {
  message: 'a path inside the site, without a leading or double slash',
  params: { ja: 'サイトの中のパスを、先頭の / や二重の / なしで書いてください（ほかのサイトには転送できません）' },
});

/** Sections a site can show, in the order they usually appear. `overview` is always the home page. */
export const sectionIds = ['overview', 'compare', 'areas', 'hubs', 'budget', 'programmes', 'data', 'releases', 'methodology', 'glossary', 'quality'] as const;
export type SectionId = (typeof sectionIds)[number];

const keyFigure = z.discriminatedUnion('kind', [
  /** A metric's aggregate for an area: the count behind it, and the rate beneath. */
  z.object({ kind: z.literal('metric'), metric: metricId, area: areaCode }).strict(),
  /** How many hubs an area's wards have opened. */
  z.object({ kind: z.literal('hubs'), area: areaCode }).strict(),
  /** New clients and support actions of an area's hubs in the latest period. */
  z.object({ kind: z.literal('hub_clients'), area: areaCode }).strict(),
  /** The latest total budget of the programme. */
  z.object({ kind: z.literal('budget') }).strict(),
]);

/** An address a page links to: http(s) only, never `javascript:` or `data:`, which would run or embed. */
const webAddress = z.url({ protocol: /^https?$/, message: 'an absolute http:// or https:// address' });

/**
 * The first segments of the site's own paths: its sections, the folders the build writes, and
 * its files. A language or a moved address under one of them would overwrite or shadow a page.
 */
export const routeRoots = ['wards', 'compare', 'hubs', 'budget', 'programmes', 'data', 'releases', 'methodology', 'glossary', 'quality', 'check', 'downloads', 'og', '_astro', 'feed.xml', 'sitemap.xml', 'robots.txt', 'tables.json', 'data-quality.json', '404.html'];

export const siteConfigSchema = z
  .object({
    /**
     * The site's public address: the home page's absolute http(s) URL, with the folder the site is
     * served under (`https://example.org/home-care/`). SITE_URL and BASE_PATH override it (site-address.ts).
     */
    url: z.url({ protocol: /^https?$/, message: 'an absolute http:// or https:// address' }).optional(),
    title: text,
    description: text,
    /** Who publishes the site (not who published the source documents: those are in sources.csv). */
    publisher: z.object({ name: text, url: webAddress.optional() }).strict(),
    /** The footer's credit line: where the figures come from. */
    credit: text,
    /** The opening paragraph of the home page. */
    intro: text,
    /** Languages of the site; the first is the default, at the site's root. */
    languages: languagesSchema,
    /**
     * The areas the site is about (cities and municipalities; a city's wards come with it). Absent:
     * every area in areas.csv that has no parent.
     */
    areas: z.array(areaCode).min(1).optional(),
    /** The navigation, in order. Optional sections (hubs, budget, programmes) appear only when listed here and their tables have rows. */
    nav: z.array(z.enum(sectionIds)).min(1),
    /** The area the budget tables describe (they carry no area column). */
    budgetArea: areaCode.optional(),
    /** The metric charted on every area page. */
    headlineMetric: metricId,
    /** The metrics an area page's summary sentences speak of, in order. */
    summaryMetrics: z.array(metricId).default([]),
    /** The two metrics of the need-against-supply scatter on the comparison index (x: need, y: supply). */
    scatter: z.object({ x: metricId, y: metricId }).strict().optional(),
    keyFigures: z.array(keyFigure).default([]),
    /** Draw each metric over its vintages where the data has several (default true). */
    trends: z.boolean().default(true),
    /** How "similar areas" are formed: population bands (upper bounds, ascending); with the same third by share aged 75+. */
    peers: z.object({ populationBands: z.array(z.number().int().positive()).min(1) }).strict().optional(),
    licence: z
      .object({
        data: z.object({ id: z.string().min(1), name: text, url: webAddress }).strict(),
        code: z.object({ id: z.string().min(1) }).strict(),
      })
      .strict(),
    /** Published URLs that moved: each old path (inside the site, no language prefix) leads to its new one. */
    redirects: z.array(z.object({ from: sitePath.regex(/^[a-z0-9_\-/]+\/$/), to: sitePath.regex(/^[a-z0-9_\-/]*\/$/) }).strict()).default([]),
  })
  .strict()
  .superRefine((config, ctx) => {
    // Each language's pages under a path of their own, never a section's.
    const paths = new Map<string, number>();
    normalizeLanguages(config.languages).forEach(({ path }, i) => {
      if (!path) return;
      const at = ['languages', i];
      if (routeRoots.includes(path))
        ctx.addIssue({ code: 'custom', path: at, message: `the path "${path}" is a section of the site; give the language another one`, params: { ja: `パス「${path}」はサイトの項目の名前です。この言語には別のパスを付けてください` } });
      else if (paths.has(path))
        ctx.addIssue({ code: 'custom', path: at, message: `the path "${path}" is already the path of language ${paths.get(path)! + 1}`, params: { ja: `パス「${path}」は${paths.get(path)! + 1}番目の言語がすでに使っています` } });
      paths.set(path, i);
    });
    // A moved address stays on the site and never takes the place of a page that exists.
    config.redirects.forEach(({ from, to }, i) => {
      const root = from.split('/')[0]!;
      if (routeRoots.includes(root) || paths.has(root))
        ctx.addIssue({ code: 'custom', path: ['redirects', i, 'from'], message: `"${from}" is a page or section of the site; only an address that no longer exists can be redirected`, params: { ja: `「${from}」はサイトにあるページか項目です。転送できるのは、もう無いアドレスだけです` } });
      if (from === to) ctx.addIssue({ code: 'custom', path: ['redirects', i, 'to'], message: 'an address cannot lead to itself', params: { ja: '転送先が転送元と同じです' } });
    });
  });

export type SiteConfigSpec = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;
export type KeyFigure = SiteConfig['keyFigures'][number];

/** Parses and normalises a site configuration; throws with every problem named by its path. */
export function normalizeSiteConfig(json: unknown, file = 'site.json'): SiteConfig {
  const result = siteConfigSchema.safeParse(json);
  if (!result.success)
    throw new Error(`${file}: ` + result.error.issues.map((i) => `/${i.path.join('/')}: ${i.message}`).join('; '));
  return result.data;
}
