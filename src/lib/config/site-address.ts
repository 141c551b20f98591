/**
 * The site's public address, which every absolute link is written against (feed, sitemap,
 * canonical and language links, preview images, citations, embed code, the source line of each
 * chart file). It is configuration: `url` in site.json (the home page's address, with the folder
 * the site is served under, if any), which the hosting may override — GitHub Pages hands its own
 * address to the workflow as SITE_URL. Without either, Astro writes the local preview address,
 * which is right for a look on one's own machine and wrong for anything published.
 */

export interface SiteAddress {
  /** Origin for Astro's `site` (`https://example.org`), or undefined when no address is configured. */
  site: string | undefined;
  /** The folder the site is served under, with slashes at both ends (`/` at the root). */
  base: string;
  /** Where the address came from. */
  from: 'environment' | 'site.json' | 'none';
}

/** What the environment may say; the command line reads process.env and passes these in. */
export interface AddressOverrides {
  SITE_URL?: string;
  BASE_PATH?: string;
}

/** Astro's preview server, which absolute links point at when no address is configured. */
export const LOCAL_ADDRESS = 'http://localhost:4321/';

const slashed = (path: string) => `/${path.split('/').filter(Boolean).join('/')}/`.replace(/^\/\/$/, '/');

/**
 * The address a build uses: SITE_URL (and BASE_PATH) from the environment over `url` in site.json.
 * A URL's path is its base path unless BASE_PATH names another. Throws on an address that is not
 * http(s), with the message in both languages.
 */
export function siteAddress(configUrl: string | undefined, env: AddressOverrides = {}): SiteAddress {
  const given = env.SITE_URL?.trim() || configUrl;
  const from = env.SITE_URL?.trim() ? 'environment' : configUrl ? 'site.json' : 'none';
  const basePath = env.BASE_PATH?.trim();
  if (!given) return { site: undefined, base: basePath ? slashed(basePath) : '/', from };
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(
      `サイトのアドレス「${given}」は http:// か https:// で始まる URL ではありません（${from === 'environment' ? 'SITE_URL' : 'site.json の url'}） / ` +
        `the site address "${given}" is not an http:// or https:// URL (${from === 'environment' ? 'SITE_URL' : 'url in site.json'})`,
    );
  return { site: url.origin, base: slashed(basePath || url.pathname), from };
}

/** The warning a build without an address prints once. */
export const noAddressWarning =
  `warning: サイトの公開アドレスが設定されていません（data/site.json の "url"、または環境変数 SITE_URL）。` +
  `フィード・サイトマップ・共有画像・引用などの絶対リンクは ${LOCAL_ADDRESS} を指します。公開するサイトではアドレスを設定してください / ` +
  `the site's public address is not set ("url" in data/site.json, or the SITE_URL environment variable): ` +
  `absolute links (feed, sitemap, preview images, citations) will point to ${LOCAL_ADDRESS}. Set the address for a site you publish.`;

/** The refusal of a release build (`--release`) without an address. */
export const noAddressRefusal =
  `error: 公開用のビルド（--release）にはサイトの公開アドレスが必要です。data/site.json に "url" を書くか、環境変数 SITE_URL を設定してください / ` +
  `a release build (--release) needs the site's public address: add "url" to data/site.json or set the SITE_URL environment variable.`;
