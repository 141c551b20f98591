/**
 * Every chart as files of its own, beside the page that shows it: a standalone SVG a reader saves
 * with a plain link (title, unit, source and the page's address written into the image, and in
 * its <title> and <desc>), and a chart-only page to embed in an <iframe> — no script, the site's
 * Content-Security-Policy, kept out of search. Both are made from the SVG string the page already
 * rendered: a chart is drawn once per build, and these files only wrap it.
 *
 * Addresses derive from the page's path and the chart's anchor: `<page>/charts/<anchor>.svg` and
 * `<page>/charts/<anchor>/`.
 */
import { createHash } from 'node:crypto';
import { textWidth, wrapText } from '../../charts/text-width.ts';
import type { Lang } from '../i18n.ts';
import { translate, translator } from '../i18n/translate.ts';
import { cspDirectives } from './csp.ts';
import type { BuildEffects } from '../build-context.ts';

export interface ChartFileInput {
  lang: Lang;
  /** The `lang` attribute of the page's language (やさしい日本語 is `ja`), when it differs from its code. */
  htmlLang?: string;
  /** The chart's anchor on its page. */
  anchor: string;
  title: string;
  unit?: string;
  note?: string;
  /** The source line as the page prints it (with its 出典：/Source: label). */
  source: string;
  /** The chart as rendered for the page: one <svg>, or a wide and a narrow one. */
  svg: string;
  /** The site's name, for the embed page's title, and its publisher. */
  siteTitle: string;
  publisher: string;
  /** Absolute URL of the figure on its page (with the anchor), printed into the SVG. */
  pageUrl: string;
  /** Site-relative address of the figure on its page, linked from the embed page. */
  pageHref: string;
  /** The figure's data files, linked from the embed page. */
  data: { label: string; href: string }[];
  licence: { name: string; href: string };
  /** ふりがな over the embed page's text, for an edition with readings (やさしい日本語), as its pages get them. */
  readings?: (html: string) => Promise<string>;
}

/** Site-relative addresses of a chart's files, from its page's path (ending in /) and anchor. */
export function chartFileHrefs(pagePath: string, anchor: string) {
  const dir = `${pagePath.replace(/\/?$/, '/')}charts/`;
  return { svg: `${dir}${anchor}.svg`, embed: `${dir}${anchor}/` };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The wide chart of a string that may hold a wide and a narrow variant (render.ts joins them). */
function widestChart(svg: string) {
  // render.ts writes the two drawings one straight after the other.
  const joint = svg.indexOf('</svg><svg');
  const first = joint < 0 ? svg : svg.slice(0, joint + '</svg>'.length);
  const size = (name: string) => Number(new RegExp(`^<svg[^>]*\\s${name}="(\\d+(?:\\.\\d+)?)`).exec(first)?.[1] ?? NaN);
  return { svg: first, width: size('width'), height: size('height') };
}

/** An address broken after its slashes into lines no wider than `max` px: it has no spaces to break at. */
function wrapUrl(url: string, fontSize: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of url.split(/(?<=[/#])/)) {
    if (line && textWidth(line + piece, fontSize) > max) {
      lines.push(line);
      line = piece;
    } else line += piece;
  }
  if (line) lines.push(line);
  return lines;
}

const fontFamily = "'Noto Sans JP', 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', sans-serif";

/** The standalone SVG file: the chart framed by its title and unit above, its note, source and address below. */
export function standaloneSvg(input: ChartFileInput): string {
  const chart = widestChart(input.svg);
  const pad = 16;
  // Narrow charts still get a frame wide enough for a readable title.
  const width = Math.max(chart.width, 320) + 2 * pad;
  const inner = width - 2 * pad;
  const parts: string[] = [];
  let y = pad;
  const lines = (texts: string[], size: number, extra = '') => {
    for (const text of texts) {
      y += size * 1.35;
      parts.push(`<text x="${pad}" y="${y.toFixed(1)}" font-size="${size}"${extra}>${xml(text)}</text>`);
    }
  };
  lines(wrapText(input.title, 16, inner), 16, ' font-weight="bold"');
  if (input.unit) lines(wrapText(translate(input.lang, 'embed.unit', { unit: input.unit }), 12, inner), 12, ' fill="#555"');
  y += 8;
  parts.push(chart.svg.replace(/^<svg\s/, `<svg x="${pad}" y="${y.toFixed(1)}" `));
  y += chart.height + 4;
  if (input.note) lines(wrapText(input.note, 12, inner), 12, ' fill="#555"');
  lines(wrapText(input.source, 12, inner), 12, ' fill="#555"');
  lines(wrapUrl(input.pageUrl, 11, inner), 11, ' fill="#555"');
  const height = Math.ceil(y + pad);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xml(fontFamily)}" fill="#1a1a1c" color="#1a1a1c" lang="${input.htmlLang ?? input.lang}">`,
    `<title>${xml(input.title)}</title>`,
    `<desc>${xml([input.unit && translate(input.lang, 'embed.unit', { unit: input.unit }), input.source, input.pageUrl].filter(Boolean).join(' / '))}</desc>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...parts,
    '</svg>\n',
  ].join('');
}

// The chart rules of site.css that an embedded chart needs: natural size, never stretched, and
// the narrow variant on a phone's width (the same switch as site.css).
const embedStyle = [
  "body{margin:0;padding:8px;font-family:'Noto Sans JP','Noto Sans CJK JP','Hiragino Sans','Yu Gothic',sans-serif;color:#1a1a1c;background:#fff;line-height:1.6}",
  'h1{font-size:1.125rem;margin:0 0 .25rem}',
  'p{margin:.25rem 0;font-size:.875rem}',
  '.meta{color:#555}',
  'a{color:#0017c1}',
  'a:focus-visible{outline:3px solid #0017c1;outline-offset:2px}',
  '.skip{position:absolute;left:-9999px}',
  '.skip:focus{position:static}',
  '.chart{display:block;max-width:100%;height:auto;font-variant-numeric:tabular-nums}',
  '.chart-narrow{display:none}',
  '@media screen and (max-width:45rem){.chart-wide{display:none}.chart-narrow{display:block}}',
  // Links at least 24 px tall and apart (WCAG 2.2 target size), as they wrap in a narrow frame.
  'nav ul{list-style:none;margin:.25rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.875rem}',
  'nav a{display:inline-block;min-height:24px;line-height:24px}',
].join('');
const styleHash = createHash('sha256').update(embedStyle).digest('base64');
const embedCsp = [...cspDirectives, "script-src 'self'", `style-src 'self' 'sha256-${styleHash}'`].join(';');

/** As on the site's pages: the site's name is dropped when the whole would pass 70 characters, where search results cut titles. */
function pageTitle(title: string, siteTitle: string) {
  const full = `${title} | ${siteTitle}`;
  if (full.length <= 70) return full;
  return title.length <= 70 ? title : `${title.slice(0, 69)}…`;
}

/** The chart-only page for an <iframe>: title, chart, source, and links back to the full page and the data. */
export function embedPage(input: ChartFileInput): string {
  const t = translator(input.lang);
  const link = (href: string, text: string) => `<a href="${xml(href)}" target="_top">${xml(text)}</a>`;
  return [
    '<!DOCTYPE html>\n',
    `<html lang="${input.htmlLang ?? input.lang}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="content-security-policy" content="${xml(embedCsp)}">`,
    '<meta name="robots" content="noindex">',
    `<title>${xml(pageTitle(input.title, input.siteTitle))}</title>`,
    `<style>${embedStyle}</style>`,
    '</head><body>',
    `<a class="skip" href="#main">${xml(t('embed.skipToChart'))}</a>`,
    `<header><h1>${xml(input.title)}</h1>`,
    input.unit ? `<p class="meta">${xml(t('embed.unit', { unit: input.unit }))}</p>` : '',
    '</header>',
    `<main id="main">${input.svg}`,
    input.note ? `<p class="meta">${xml(input.note)}</p>` : '',
    `<p class="meta">${xml(input.source)}</p></main>`,
    `<footer><nav aria-label="${xml(t('embed.pageAndData'))}"><ul>`,
    `<li>${link(input.pageHref, t('embed.viewOn', { site: input.siteTitle }))}</li>`,
    // A table that is both numerator and denominator is linked once.
    ...[...new Map(input.data.map((d) => [d.href, d])).values()].map((d) => `<li>${link(d.href, t('embed.data', { label: d.label }))}</li>`),
    `<li><a href="${xml(input.licence.href)}" rel="license" target="_top">${xml(input.licence.name)}</a></li>`,
    '</ul></nav>',
    `<p class="meta">${xml(t('embed.publishedBy', { publisher: input.publisher }))}</p></footer>`,
    '</body></html>\n',
  ].join('');
}

/** The <iframe> a reader pastes to embed the chart, sized for its wide variant. */
export function embedSnippet(embedUrl: string, title: string, svg: string): string {
  const chart = widestChart(svg);
  const width = Math.max(chart.width, 320) + 16;
  const height = Math.ceil(chart.height + 200);
  return `<iframe src="${xml(embedUrl)}" title="${xml(title)}" width="${width}" height="${height}" loading="lazy"></iframe>`;
}

/**
 * Writes a chart's SVG file and embed page through the build's effects (`base`, the path the site
 * is served under). Outside a build the effects write nothing.
 */
export async function writeChartFiles(effects: BuildEffects, base: string, pagePath: string, input: ChartFileInput): Promise<void> {
  const inside = pagePath.startsWith(base) ? pagePath.slice(base.length) : pagePath.replace(/^\//, '');
  const dir = `${inside.replace(/\/?$/, '/')}charts/`.replace(/^\//, '');
  await effects.write(`${dir}${input.anchor}.svg`, standaloneSvg(input));
  const embed = `${dir}${input.anchor}/index.html`;
  const { readings } = input;
  if (!readings) return effects.write(embed, embedPage(input));
  // The whole page goes through the ふりがな writer, when the writer has room for it: the words
  // around the chart get ruby, the chart's own text kana, as on the chart's page.
  await effects.write(embed, async () => readings(embedPage(input)));
}
