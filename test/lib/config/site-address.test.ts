/** The site's public address: site.json's url, overridden by the hosting's SITE_URL and BASE_PATH. */
import { describe, expect, it } from 'vitest';
import { siteAddress } from '../../../src/lib/config/site-address.ts';

describe('siteAddress', () => {
  it('takes the origin and the folder from the url in site.json', () => {
    expect(siteAddress('https://stats.example.lg.jp/home-care/')).toEqual({ site: 'https://stats.example.lg.jp', base: '/home-care/', from: 'site.json' });
    expect(siteAddress('https://stats.example.lg.jp')).toEqual({ site: 'https://stats.example.lg.jp', base: '/', from: 'site.json' });
  });

  it('lets the hosting override it, as GitHub Pages hands the workflow its address', () => {
    expect(siteAddress('https://stats.example.lg.jp/', { SITE_URL: 'https://city.github.io/fork' })).toEqual({ site: 'https://city.github.io', base: '/fork/', from: 'environment' });
    expect(siteAddress(undefined, { SITE_URL: 'https://city.github.io', BASE_PATH: '/fork' })).toEqual({ site: 'https://city.github.io', base: '/fork/', from: 'environment' });
    expect(siteAddress('https://stats.example.lg.jp/a/', { BASE_PATH: 'b/c' })).toEqual({ site: 'https://stats.example.lg.jp', base: '/b/c/', from: 'site.json' });
    // An empty variable (a workflow step outside main) is no address.
    expect(siteAddress(undefined, { SITE_URL: '', BASE_PATH: '' })).toEqual({ site: undefined, base: '/', from: 'none' });
  });

  it('refuses an address that is not http(s), in both languages', () => {
    for (const bad of ['javascript:alert(1)', 'ftp://example.org/', 'example.org/home']) {
      expect(() => siteAddress(undefined, { SITE_URL: bad }), bad).toThrow(/http:\/\/ か https:\/\/ .* \/ the site address .* is not an http/);
    }
  });
});
