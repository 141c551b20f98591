/**
 * Every chart's own files, readable without JavaScript: each chart figure on each built page
 * links a standalone SVG file and a chart-only embed page that exist in the built site; the SVG
 * is well-formed XML carrying the chart's title, source line and page address; the embed page has
 * no script, is kept out of search, carries the site's CSP and links back to the figure.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { parsePage } from '../html.ts';

const site = inject('siteDir');
const isEmbed = (f: string) => f.split(sep).includes('charts');
const pages = (readdirSync(site, { recursive: true }) as string[]).filter((f) => (f === 'index.html' || f.endsWith(`${sep}index.html`)) && !isEmbed(f));
const fileOf = (href: string) => join(site, href.endsWith('/') ? `${href}index.html` : href);
const urlOf = (f: string) => `/${f.split(sep).slice(0, -1).join('/')}${f === 'index.html' ? '' : '/'}`.replace(/^\/\//, '/');

describe('chart files and embed pages', () => {
  // Each check's failures, by what it is about, so that each part is reported on its own.
  const failures = { links: [] as string[], svg: [] as string[], embed: [] as string[], snippet: [] as string[] };
  let charts = 0;
  const embeds: string[] = [];
  for (const f of pages) {
    const document = parsePage(readFileSync(join(site, f), 'utf8'));
    // The やさしい日本語 edition's ふりがな are added to the page after the chart files are written: read the text without them.
    for (const rt of document.querySelectorAll('rt, rp')) rt.remove();
    for (const figure of document.querySelectorAll('figure.chart-figure')) {
      charts++;
      const where = `${f}#${figure.id}`;
      const title = figure.querySelector('h2, h3')!.textContent!;
      const source = [...figure.querySelectorAll('p.chart-meta')].map((p) => p.textContent!).find((t) => /^(出典：|Source: )/.test(t));
      const svgHref = figure.querySelector('.chart-files a[download][href$=".svg"]')?.getAttribute('href');
      const embedHref = figure.querySelector('.chart-files a[href$="/"]')?.getAttribute('href');
      if (svgHref !== `${urlOf(f)}charts/${figure.id}.svg`) failures.links.push(`${where}: SVG link ${svgHref}`);
      if (embedHref !== `${urlOf(f)}charts/${figure.id}/`) failures.links.push(`${where}: embed link ${embedHref}`);
      if (!svgHref || !embedHref || !source) {
        failures.links.push(`${where}: links or source line missing`);
        continue;
      }
      if (!existsSync(fileOf(svgHref))) failures.links.push(`${where}: ${svgHref} not built`);
      else {
        const text = readFileSync(fileOf(svgHref), 'utf8');
        const valid = XMLValidator.validate(text);
        if (valid !== true) failures.svg.push(`${where}: SVG is not XML: ${JSON.stringify(valid.err)}`);
        const svg = new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(text).svg;
        if (svg?.['@_xmlns'] !== 'http://www.w3.org/2000/svg') failures.svg.push(`${where}: SVG namespace`);
        if (svg?.title !== title) failures.svg.push(`${where}: SVG <title> ${svg?.title}`);
        if (!String(svg?.desc).includes(source)) failures.svg.push(`${where}: SVG <desc> lacks the source`);
        // As drawn text, wrapped over lines: the title, the source and the page's address all appear.
        const drawn = [...text.matchAll(/<text x="16"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).join('');
        const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
        // English lines break at spaces, which the drawn lines drop.
        const squeeze = (s: string) => s.replace(/\s+/g, '');
        for (const part of [title, source, `${urlOf(f)}#${figure.id}`]) if (!squeeze(unescape(drawn)).includes(squeeze(part))) failures.svg.push(`${where}: SVG text lacks ${part}`);
        if (!/<svg x="16" y="[\d.]+" [^>]*class="chart/.test(text)) failures.svg.push(`${where}: SVG lacks the chart`);
      }
      const embedFile = fileOf(embedHref);
      if (!existsSync(embedFile)) {
        failures.links.push(`${where}: ${embedHref} not built`);
        continue;
      }
      embeds.push(embedFile);
      const embed = parsePage(readFileSync(embedFile, 'utf8'));
      // Its ふりがな too (the same as its page's): the words compared are the same either way.
      for (const rt of embed.querySelectorAll('rt, rp')) rt.remove();
      if (embed.querySelectorAll('script').length) failures.embed.push(`${embedHref}: has a script`);
      if (embed.querySelector('meta[name="robots"]')?.getAttribute('content') !== 'noindex') failures.embed.push(`${embedHref}: not noindex`);
      if (!/default-src 'self'/.test(embed.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '')) failures.embed.push(`${embedHref}: no CSP`);
      if (embed.querySelector('h1')?.textContent !== title) failures.embed.push(`${embedHref}: title`);
      if (![...embed.querySelectorAll('p')].some((p) => p.textContent === source)) failures.embed.push(`${embedHref}: source line`);
      if (!embed.querySelector('svg.chart')) failures.embed.push(`${embedHref}: no chart`);
      const links = [...embed.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
      if (!links.includes(`${urlOf(f)}#${figure.id}`)) failures.embed.push(`${embedHref}: no link back to the figure`);
      for (const a of figure.querySelectorAll('a[download][href$=".csv"]')) if (!links.includes(a.getAttribute('href'))) failures.embed.push(`${embedHref}: no link to ${a.getAttribute('href')}`);
      // The snippet offered in the page embeds this very page.
      const snippet = figure.querySelector('.embed-code')?.textContent ?? '';
      if (!new RegExp(`^<iframe src="[^"]*${embedHref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" title="`).test(snippet)) failures.snippet.push(`${where}: embed snippet ${snippet}`);
    }
  }

  it('finds the charts of the built pages', () => {
    expect(charts).toBeGreaterThan(50);
  });

  it('links from every chart its SVG file and embed page, both built, at addresses made from the page and anchor', () => {
    expect(failures.links).toEqual([]);
    expect(embeds.length).toBe(charts);
  });

  it('writes each SVG file as XML with the chart, its title, source and page address', () => {
    expect(failures.svg).toEqual([]);
  });

  it('makes each embed page script-free, unindexed and under the CSP, with the title, source, chart and links back', () => {
    expect(failures.embed).toEqual([]);
  });

  it('offers an <iframe> snippet of the embed page itself', () => {
    expect(failures.snippet).toEqual([]);
  });
});
