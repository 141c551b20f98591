/// <reference types="vite/client" />
/** sitemap.xml: every page of the site once, read from the page routes. */
import type { APIContext } from 'astro';
import { pagePaths, sitemapXml, type RouteFile } from '../lib/publish/sitemap.ts';
import { asset } from '../lib/i18n.ts';

type PageModule = { getStaticPaths?: () => RouteFile['paths'] | Promise<RouteFile['paths']> };
const pages = import.meta.glob<PageModule>('./**/*.astro');

export async function GET({ site, url }: APIContext) {
  const routes: RouteFile[] = [];
  for (const [file, load] of Object.entries(pages)) {
    const page = await load();
    routes.push({ file, paths: page.getStaticPaths ? await page.getStaticPaths() : [{ params: {} }] });
  }
  const root = new URL(asset(''), site ?? url).href;
  return new Response(sitemapXml(root, pagePaths(routes)), { headers: { 'Content-Type': 'application/xml' } });
}
