/**
 * Pages of an edition with readings (`ruby` in its catalogue: やさしい日本語) get their ふりがな
 * here, as they are rendered at build time: one pass over the finished HTML, so every page and
 * component is covered without knowing about readings.
 */
import type { MiddlewareHandler } from 'astro';
import { languageOfPath } from './lib/i18n.ts';
import { furiganaForSite } from './lib/present/furigana-site.ts';

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const lang = languageOfPath(context.url.pathname);
  if (!lang?.ruby || response.status !== 200) return response;
  const html = await response.text();
  const writer = await furiganaForSite();
  return new Response(await writer.html(html), { status: response.status, headers: response.headers });
};
