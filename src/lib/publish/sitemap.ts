/**
 * sitemap.xml (sitemaps.org protocol 0.9): every page of the site once, as an absolute URL, with
 * the date of the data release it shows as its `lastmod`. The pages are read from the routes
 * themselves (each page file and the paths its getStaticPaths returns), so a page added later is
 * listed without touching this file. robots.txt names the sitemap.
 */

export interface RouteFile {
  /** The page file under src/pages: `[...lang]/compare/[metric].astro`. */
  file: string;
  /** What its getStaticPaths returns (a page without parameters has one path with none). */
  paths: { params: Record<string, string | number | undefined>; props?: Record<string, unknown> }[];
}

/** The URL path of every page (`compare/x/`, `en/`), each once, in a stable order. */
export function pagePaths(routes: readonly RouteFile[]): string[] {
  const out = new Set<string>();
  for (const route of routes) {
    // The not-found page is served at any address; it is no page of its own to list.
    if (/(^|\/)404\.astro$/.test(route.file)) continue;
    const segments = route.file.replace(/^\.?\//, '').replace(/\.astro$/, '').split('/');
    for (const { params, props } of route.paths) {
      // A moved address is a stub that sends readers on; its new page is listed instead.
      if (props && 'movedTo' in props) continue;
      const parts = segments.map((s) => {
        const rest = /^\[\.\.\.(.+)\]$/.exec(s);
        if (rest) return String(params[rest[1]!] ?? '');
        const one = /^\[(.+)\]$/.exec(s);
        if (one) return String(params[one[1]!] ?? '');
        return s === 'index' ? '' : s;
      });
      const path = parts.filter((p) => p !== '').join('/');
      out.add(path === '' ? '' : `${path}/`);
    }
  }
  return [...out].sort();
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The sitemap of the given page paths under the site's absolute root URL; `lastmod` gives a page's
 * date (YYYY-MM-DD: the release of the data it shows), or null to leave it undated.
 */
export function sitemapXml(root: string, paths: readonly string[], lastmod: (path: string) => string | null = () => null): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...paths.map((p) => {
      const date = lastmod(p);
      return `  <url><loc>${escape(new URL(p, root).href)}</loc>${date ? `<lastmod>${escape(date)}</lastmod>` : ''}</url>`;
    }),
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt: every crawler may read every page; the sitemap is at `sitemapUrl` (absolute). */
export const robotsTxt = (sitemapUrl: string) => `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
