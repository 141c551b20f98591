/** Link previews and feed discovery: every page describes itself for sharing, with a preview image, and names the release feed. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
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
    // An area's own card, else shared per family of pages (the site, each metric), in each language.
    expect(images.size).toBeGreaterThan(4);
    expect(images.size).toBeLessThan(pages.length / 4);
  });

  it("each area page has a preview card of its own: its own file, with its own name and the figure its headline states", () => {
    const names = new Map(readFileSync('data/areas.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).map((c) => [c[0]!, c[6]!]));
    const areaPages = pages.filter((f) => /^(?:[a-z-]+\/)?wards\/\d{5}\/index\.html$/.test(f.split(sep).join('/')));
    // Every area of areas.csv in each of the site's three languages.
    expect(areaPages.length).toBe(3 * names.size);
    const cards = new Map<string, string>();
    const failures: string[] = [];
    for (const f of areaPages) {
      const code = /(\d{5})/.exec(f)![1]!;
      const { document } = parseHTML(readFileSync(join(site, f), 'utf8'));
      const image = new URL(document.querySelector('meta[property="og:image"]')!.getAttribute('content')!).pathname;
      const alt = document.querySelector('meta[property="og:image:alt"]')!.getAttribute('content')!;
      if (!image.endsWith(`-area-${code}.png`)) failures.push(`${f}: og:image ${image} does not name ${code}`);
      if (f.startsWith(`en${sep}`)) {
        // "…: Tsurumi Ward (Yokohama City), Home-care support clinics per 10,000 population, as of …: 0.74 clinics per 10,000 population"
        const figure = /: ([\d.,]+) [^:]+$/.exec(alt)?.[1];
        // The headline chart states the figure; an area with no peer at its date has none, and its
        // figure stands in words in its place (p.key-figure, not preceded by a chart).
        const keyFigure = document.querySelector('main p.key-figure');
        const headline = keyFigure && !keyFigure.previousElementSibling?.matches('figure.chart-figure') ? keyFigure.textContent ?? '' : document.querySelector('main figure svg.chart')?.getAttribute('aria-label') ?? '';
        if (!alt.includes(names.get(code)!) || !figure || !headline.includes(figure)) failures.push(`${f}: alt "${alt}" lacks its name or its headline's figure (${headline})`);
      }
      cards.set(f, createHash('sha256').update(readFileSync(join(site, image))).digest('hex'));
    }
    expect(failures).toEqual([]);
    // No two area pages show the same picture.
    expect(new Set(cards.values()).size).toBe(areaPages.length);
  });
});
