/// <reference types="vite/client" />
/**
 * sitemap.xml: every page of the site once, read from the page routes, dated by the data release
 * it shows. Every page shows the current data, whose release is the newest in releases.csv (data
 * edited since is not yet released, so it is still dated by that release).
 */
import type { APIContext } from 'astro';
import { pagePaths, sitemapXml, type RouteFile } from '../lib/publish/sitemap.ts';
import { asset } from '../lib/i18n.ts';
import { releasesOf } from '../lib/release/folders.ts';
import { loadSiteData } from '../lib/site-data.ts';

type PageModule = { getStaticPaths?: () => RouteFile['paths'] | Promise<RouteFile['paths']> };
const pages = import.meta.glob<PageModule>('./**/*.astro');

export async function GET({ site, url }: APIContext) {
  const routes: RouteFile[] = [];
  for (const [file, load] of Object.entries(pages)) {
    const page = await load();
    routes.push({ file, paths: page.getStaticPaths ? await page.getStaticPaths() : [{ params: {} }] });
  }
  const root = new URL(asset(''), site ?? url).href;
  const released = releasesOf(loadSiteData()).at(-1)?.releasedOn ?? null;
  return new Response(sitemapXml(root, pagePaths(routes), () => released), { headers: { 'Content-Type': 'application/xml' } });
}
