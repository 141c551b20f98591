/**
 * The site's Content-Security-Policy: scripts and styles only from the site itself or hashed,
 * and nothing fetched from any other host. Astro writes it into every page it renders (with the
 * hashes of its own scripts and styles); the chart-only embed pages, written beside the pages,
 * carry the same directives.
 */
export const cspDirectives = ["default-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"] as const;
