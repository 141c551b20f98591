import { describe, expect, it } from 'vitest';
import { pagePaths, robotsTxt, sitemapXml } from '../../../src/lib/publish/sitemap.ts';

describe('pagePaths', () => {
  it('fills each route file with its parameters; index pages and an empty rest parameter collapse', () => {
    const lang = [{ params: { lang: undefined } }, { params: { lang: 'en' } }];
    const paths = pagePaths([
      { file: './[...lang]/index.astro', paths: lang },
      { file: './[...lang]/compare/[metric].astro', paths: [{ params: { lang: undefined, metric: 'a' } }, { params: { lang: 'en', metric: 'a' } }] },
      { file: './[...lang]/wards/[code]/vs/[other].astro', paths: [{ params: { lang: undefined, code: 14101, other: 14102 } }] },
      { file: './[...lang]/data.astro', paths: lang },
      // The same page reached twice is listed once.
      { file: './[...lang]/data.astro', paths: lang },
    ]);
    expect(paths).toEqual(['', 'compare/a/', 'data/', 'en/', 'en/compare/a/', 'en/data/', 'wards/14101/vs/14102/']);
  });
});

describe('sitemapXml', () => {
  it('writes absolute URLs under the site root', () => {
    expect(sitemapXml('https://example.org/dash/', ['', 'en/data/'])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <url><loc>https://example.org/dash/</loc></url>\n  <url><loc>https://example.org/dash/en/data/</loc></url>\n</urlset>\n',
    );
  });
  it('dates each entry as asked, and leaves an entry without a date undated', () => {
    expect(sitemapXml('https://example.org/', ['', 'data/'], (p) => (p === '' ? '2026-11-23' : null))).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <url><loc>https://example.org/</loc><lastmod>2026-11-23</lastmod></url>\n  <url><loc>https://example.org/data/</loc></url>\n</urlset>\n',
    );
  });
  it('robots.txt lets every crawler in and names the sitemap', () => {
    expect(robotsTxt('https://example.org/dash/sitemap.xml')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.org/dash/sitemap.xml\n');
  });
  it('leaves out the not-found page and moved addresses', () => {
    expect(pagePaths([
      { file: './404.astro', paths: [{ params: {} }] },
      { file: './[...redirect].astro', paths: [{ params: { redirect: 'yokosuka' }, props: { movedTo: true } }] },
      { file: './[...lang]/wards/[code]/index.astro', paths: [{ params: { lang: undefined, code: '14201' }, props: {} }] },
    ])).toEqual(['wards/14201/']);
  });
});
