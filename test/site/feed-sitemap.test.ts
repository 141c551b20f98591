/**
 * Following the data: the Atom feed of releases is well-formed XML with the elements RFC 4287
 * requires and one entry per release; sitemap.xml lists every built page once.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';

const site = inject('siteDir');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'url', 'author'].includes(name) });
const releases = readFileSync('data/releases.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',', 2) as [string, string]);
// RFC 3339 date-time, as section 3.3 of RFC 4287 requires.
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isAbsoluteIri = (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && !!new URL(s);

describe('feed.xml', () => {
  const text = readFileSync(join(site, 'feed.xml'), 'utf8');

  it('is well-formed XML whose root is an Atom feed', () => {
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = parser.parse(text).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  });

  it('has the feed elements RFC 4287 requires: id, title, updated, author, and a self link', () => {
    const feed = parser.parse(text).feed;
    expect(isAbsoluteIri(feed.id)).toBe(true);
    expect(String(feed.title).length).toBeGreaterThan(0);
    expect(feed.updated).toMatch(rfc3339);
    expect(feed.author[0].name.length).toBeGreaterThan(0);
    expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toMatch(/\/feed\.xml$/);
  });

  it('has one entry per release, newest first, each with id, title, updated, a link and a summary', () => {
    const entries = parser.parse(text).feed.entry as Record<string, unknown>[];
    expect(entries.length).toBe(releases.length);
    const ids = entries.map((e) => String(e.id));
    expect(new Set(ids).size).toBe(ids.length);
    entries.forEach((e, i) => {
      const [version, date] = releases[releases.length - 1 - i]!;
      expect(isAbsoluteIri(String(e.id))).toBe(true);
      expect(String(e.title)).toContain(`版 ${version}`);
      expect(e.updated).toBe(`${date}T00:00:00+09:00`);
      expect((e.link as Record<string, string>[]).some((l) => l['@rel'] === 'alternate' && l['@href']!.endsWith(`releases/#v${version.replace(/\./g, '-')}`))).toBe(true);
      expect(String((e.summary as Record<string, string>)['#text']).length).toBeGreaterThan(10);
    });
    // The first release lists what it published: its summary names the table count of its snapshot.
    const tables = readdirSync(join('releases', releases[0]![0], 'data')).filter((f) => f.endsWith('.csv')).length;
    expect((entries.at(-1)!.summary as Record<string, string>)['#text']).toContain(`First release: ${tables} tables`);
  });
});

describe('sitemap.xml', () => {
  it('lists every built page once, and nothing else (a moved address is not a page)', () => {
    const text = readFileSync(join(site, 'sitemap.xml'), 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const urlset = parser.parse(text).urlset;
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const listed = (urlset.url as { loc: string }[]).map((u) => new URL(u.loc).pathname);
    expect(new Set(listed).size).toBe(listed.length);
    const pages = (readdirSync(site, { recursive: true }) as string[])
      .filter((f) => f === 'index.html' || f.endsWith(`${sep}index.html`))
      .filter((f) => !readFileSync(join(site, f), 'utf8').includes('http-equiv="refresh"'))
      // Chart-only embed pages are kept out of search (noindex), so out of the sitemap too.
      .filter((f) => !readFileSync(join(site, f), 'utf8').includes('<meta name="robots" content="noindex">'))
      .map((f) => `/${relative('.', f).split(sep).slice(0, -1).join('/')}`.replace(/\/?$/, '/'));
    expect(listed.sort()).toEqual(pages.sort());
    expect(pages.length).toBeGreaterThan(100);
  });
});
