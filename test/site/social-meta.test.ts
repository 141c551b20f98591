/** Link previews and feed discovery: every page describes itself for sharing, with a preview image, and names the release feed. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';

const site = inject('siteDir');
// Chart-only embed pages (noindex, shown inside other sites' frames) are not shared as pages.
const pages = (readdirSync(site, { recursive: true }) as string[])
  .filter((f) => f === 'index.html' || f.endsWith(`${sep}index.html`))
  .filter((f) => !readFileSync(join(site, f), 'utf8').includes('<meta name="robots" content="noindex">'));
/**
 * Each page's head, parsed once for both checks below: every tag they read belongs there, and the
 * body (charts, tables) is nearly all of a page's bytes.
 */
const heads = new Map<string, Document>();
function headOf(f: string): Document {
  let document = heads.get(f);
  if (!document) {
    const html = readFileSync(join(site, f), 'utf8');
    const end = html.indexOf('</head>');
    heads.set(f, (document = parseHTML(end < 0 ? html : `${html.slice(0, end)}</head></html>`).document));
  }
  return document;
}

describe('link-preview metadata', () => {
  it('every page has Open Graph title, description, address and locale, a card type, and the feed link', () => {
    const failures: string[] = [];
    for (const f of pages) {
      const document = headOf(f);
      const meta = (key: string) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
      const path = `/${f.split(sep).slice(0, -1).join('/')}${f === 'index.html' ? '' : '/'}`;
      const english = f.startsWith(`en${sep}`);
      if (meta('og:title') !== document.title) failures.push(`${f}: og:title`);
      if (meta('og:description') !== meta('description') || !meta('og:description')) failures.push(`${f}: og:description`);
      if (new URL(meta('og:url') ?? 'x:').pathname !== path) failures.push(`${f}: og:url ${meta('og:url')}`);
      if (meta('og:locale') !== (english ? 'en_US' : 'ja_JP')) failures.push(`${f}: og:locale`);
      if (meta('twitter:card') !== 'summary_large_image') failures.push(`${f}: twitter:card`);
      const feed = document.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href');
      if (!feed || new URL(feed).pathname !== '/feed.xml') failures.push(`${f}: feed link ${feed}`);
    }
    expect(failures).toEqual([]);
    expect(pages.length).toBeGreaterThan(100);
  });

  it('every page has an absolute og:image of a 1200×630 PNG on the site, with its alternative text', () => {
    const failures: string[] = [];
    const images = new Set<string>();
    for (const f of pages) {
      const document = headOf(f);
      const meta = (key: string) => document.querySelector(`meta[property="${key}"]`)?.getAttribute('content');
      const image = meta('og:image');
      if (!image || !/^https?:\/\//.test(image)) {
        failures.push(`${f}: og:image ${image}`);
        continue;
      }
      if (new URL(image).origin !== new URL(meta('og:url')!).origin) failures.push(`${f}: og:image on another host`);
      if (!meta('og:image:alt')) failures.push(`${f}: og:image:alt`);
      if (meta('og:image:width') !== '1200' || meta('og:image:height') !== '630') failures.push(`${f}: og:image size`);
      images.add(new URL(image).pathname);
    }
    for (const path of images) {
      const file = join(site, path);
      if (!existsSync(file)) {
        failures.push(`${path}: not built`);
        continue;
      }
      // The PNG signature, then the IHDR chunk with the width and height as 32-bit big-endian numbers.
      const head = readFileSync(file).subarray(0, 24);
      if (!head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) || head.toString('latin1', 12, 16) !== 'IHDR') failures.push(`${path}: not a PNG`);
      else if (head.readUInt32BE(16) !== 1200 || head.readUInt32BE(20) !== 630) failures.push(`${path}: ${head.readUInt32BE(16)}×${head.readUInt32BE(20)}`);
    }
    expect(failures).toEqual([]);
    // Shared per family of pages (the site, each metric, each city), in each language.
    expect(images.size).toBeGreaterThan(4);
    expect(images.size).toBeLessThan(pages.length / 4);
  });

  it("an area page's card is its city's, with the city's headline metric and the figure its comparison page prints", () => {
    const headline = JSON.parse(readFileSync('data/site.json', 'utf8')).headlineMetric as string;
    const label = (JSON.parse(readFileSync('data/metrics.json', 'utf8')) as { id: string; label: { en: string } }[]).find((m) => m.id === headline)!.label.en;
    const doc = (...path: string[]) => parseHTML(readFileSync(join(site, ...path, 'index.html'), 'utf8')).document;
    const ward = doc('en', 'wards', '14101');
    const city = doc('en', 'wards', '14100');
    const image = (d: typeof ward) => d.querySelector('meta[property="og:image"]')!.getAttribute('content');
    expect(image(ward)).toBe(image(city));
    const alt = ward.querySelector('meta[property="og:image:alt"]')!.getAttribute('content')!;
    expect(alt).toContain(label);
    // The ranking chart's text alternative ends with the city's own value: "… Yokohama City 0.93".
    const ranking = doc('en', 'compare', '14100', headline).querySelector('#ranking svg')!.getAttribute('aria-label')!;
    const [, cityName, value] = /\. (.+) ([\d.,]+)$/.exec(ranking)!;
    expect(alt).toContain(cityName);
    expect(alt.endsWith(`: ${value}`)).toBe(true);
  });
});
