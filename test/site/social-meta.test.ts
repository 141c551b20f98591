/** Link previews and feed discovery: every page describes itself for sharing and names the release feed. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';

const site = inject('siteDir');
// Chart-only embed pages (noindex, shown inside other sites' frames) are not shared as pages.
const pages = (readdirSync(site, { recursive: true }) as string[])
  .filter((f) => f === 'index.html' || f.endsWith(`${sep}index.html`))
  .filter((f) => !readFileSync(join(site, f), 'utf8').includes('<meta name="robots" content="noindex">'));

describe('link-preview metadata', () => {
  it('every page has Open Graph title, description, address and locale, a card type, and the feed link', () => {
    const failures: string[] = [];
    for (const f of pages) {
      const { document } = parseHTML(readFileSync(join(site, f), 'utf8'));
      const meta = (key: string) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
      const path = `/${f.split(sep).slice(0, -1).join('/')}${f === 'index.html' ? '' : '/'}`;
      const english = f.startsWith(`en${sep}`);
      if (meta('og:title') !== document.title) failures.push(`${f}: og:title`);
      if (meta('og:description') !== meta('description') || !meta('og:description')) failures.push(`${f}: og:description`);
      if (new URL(meta('og:url') ?? 'x:').pathname !== path) failures.push(`${f}: og:url ${meta('og:url')}`);
      if (meta('og:locale') !== (english ? 'en_US' : 'ja_JP')) failures.push(`${f}: og:locale`);
      if (meta('twitter:card') !== 'summary') failures.push(`${f}: twitter:card`);
      const feed = document.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href');
      if (!feed || new URL(feed).pathname !== '/feed.xml') failures.push(`${f}: feed link ${feed}`);
    }
    expect(failures).toEqual([]);
    expect(pages.length).toBeGreaterThan(100);
  });
});
