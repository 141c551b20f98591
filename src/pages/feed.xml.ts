/** The Atom feed of data releases. */
import type { APIContext } from 'astro';
import { releaseFeed } from '../lib/publish/feed.ts';
import { asset } from '../lib/i18n.ts';
import { loadSiteData } from '../lib/site-data.ts';

export function GET({ site, url }: APIContext) {
  const root = new URL(asset(''), site ?? url).href;
  return new Response(releaseFeed(loadSiteData(), { root }), { headers: { 'Content-Type': 'application/atom+xml' } });
}
