/** robots.txt at the site's root: crawlers may read everything; it names the sitemap's absolute address. */
import type { APIContext } from 'astro';
import { asset } from '../lib/i18n.ts';
import { robotsTxt } from '../lib/publish/sitemap.ts';

export function GET({ site, url }: APIContext) {
  return new Response(robotsTxt(new URL(asset('sitemap.xml'), site ?? url).href), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
