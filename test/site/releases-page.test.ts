/**
 * The update history keeps a release's pages findable: each release links its downloads, and
 * every address the site once published that now leads elsewhere (each stub page that sends the
 * reader on) is listed with where the page is now.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';

const site = inject('siteDir');
const releases = readFileSync('data/releases.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
const doc = (...path: string[]) => parseHTML(readFileSync(join(site, ...path, 'index.html'), 'utf8')).document;
// Every moved address, as the built site serves it: a stub whose refresh names the new page.
const stubs = (readdirSync(site, { recursive: true }) as string[])
  .filter((f) => f.endsWith(`${sep}index.html`))
  .flatMap((f) => {
    const refresh = /http-equiv="refresh" content="0; url=([^"]+)"/.exec(readFileSync(join(site, f), 'utf8'))?.[1];
    return refresh ? [{ from: `/${f.split(sep).slice(0, -1).join('/')}/`, to: refresh }] : [];
  });

describe.each([['ja'], ['en']])('the update history (%s)', (lang) => {
  const page = lang === 'ja' ? doc('releases') : doc('en', 'releases');

  it('links each release’s downloads', () => {
    expect(releases.length).toBeGreaterThan(0);
    for (const version of releases) {
      const section = page.querySelector(`section[aria-labelledby="v${version.replace(/\./g, '-')}"]`);
      const link = section?.querySelector(`a[href$="/downloads/v${version}/datapackage.json"]`)?.getAttribute('href');
      expect(link, version).toBeTruthy();
      expect(existsSync(join(site, link!))).toBe(true);
    }
  });

  it('says where every moved page is now', () => {
    // Each language's page lists the moves of its own pages: those under its path prefix (none for the default).
    const prefixes = (JSON.parse(readFileSync('data/site.json', 'utf8')) as { languages: (string | { code: string; path?: string })[] }).languages
      .slice(1)
      .map((l) => (typeof l === 'string' ? `/${l}/` : `/${l.path ?? l.code}/`));
    const own = lang === 'ja' ? null : `/${lang}/`;
    const mine = stubs.filter((s) => (own ? s.from.startsWith(own) : !prefixes.some((p) => s.from.startsWith(p))));
    // At least the configuration's moves and each declared metric's pre-group comparison address
    // (families add their counts).
    const config = JSON.parse(readFileSync('data/site.json', 'utf8')) as { redirects: unknown[] };
    const metrics = JSON.parse(readFileSync('data/metrics.json', 'utf8')) as unknown[];
    expect(mine.length).toBeGreaterThanOrEqual(config.redirects.length + metrics.length);
    const listed = new Map([...page.querySelectorAll('#moved ~ ul.moved li')].map((li) => [li.querySelector('code')!.textContent!, li.querySelector('a')!.getAttribute('href')!]));
    for (const s of mine) {
      expect(listed.get(s.from), s.from).toBe(s.to);
      expect(existsSync(join(site, s.to, 'index.html')), s.to).toBe(true);
    }
    expect(listed.size).toBe(mine.length);
    expect(page.querySelector('a[href="#moved"]')).not.toBeNull();
  });
});
