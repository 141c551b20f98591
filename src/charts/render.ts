/**
 * The only module that touches a DOM: Plot options → an SVG string, rendered at build time with
 * linkedom so every chart shows without JavaScript. The SVG is made an image for assistive
 * technology (role="img" with the chart's text alternative), its inner labels are hidden from it
 * (the data table beside the chart carries the numbers), and Plot's inline <style> is dropped so
 * a strict Content-Security-Policy holds; the site's stylesheet styles `.chart` instead.
 *
 * A chart that provides a `narrow` variant (every chart module does, see layout.ts) is rendered
 * twice: the wide drawing stretched across a desktop's column and printed across the sheet, the
 * narrow one at its natural size on a phone. The stylesheet shows one per screen width (the other
 * is display:none, so neither assistive technology nor print meets it twice).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * An SVG string made by renderChart: Plot writes every data string into it as escaped text, so it
 * is the only string the pages may insert as markup. The brand keeps any other string out.
 */
export type ChartSvg = string & { readonly __chartSvg: true };

export interface RenderOptions {
  /** The text alternative: what the chart shows and its main finding. */
  label: string;
  /**
   * Set when the drawing does not depend on the page's language (no names, numbers formatted
   * alike): a string that determines the drawing entirely (its data and its printed labels). The
   * same key renders once per build, and each page gets the drawing with its own text alternative.
   */
  reuse?: string;
}

/** Plot options, optionally with a variant laid out for phones. */
export type ChartSpec = Plot.PlotOptions & { narrow?: Plot.PlotOptions };

const fontFamily = "'Noto Sans JP', 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', sans-serif";

export function renderChart(spec: ChartSpec, { label, reuse }: RenderOptions): ChartSvg {
  if (reuse === undefined) return renderVariants(spec, label);
  let drawn = drawings.get(reuse);
  if (drawn === undefined) {
    drawn = renderVariants(spec, LABEL_SLOT);
    // Oldest first out: pages that share a drawing (the same area in each language) are rendered
    // close together, and a national build must not keep every drawing it made.
    if (drawings.size >= MAX_DRAWINGS) drawings.delete(drawings.keys().next().value!);
    drawings.set(reuse, drawn);
  }
  return drawn.replaceAll(LABEL_SLOT, escapeAttribute(label)) as ChartSvg;
}

const drawings = new Map<string, string>();
const MAX_DRAWINGS = 1000;
const LABEL_SLOT = '\u{E000}chart-label\u{E000}';
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function renderVariants({ narrow, ...options }: ChartSpec, label: string): ChartSvg {
  if (!narrow) return renderSvg(options, label, 'chart');
  return (renderSvg(options, label, 'chart chart-wide') + renderSvg(narrow, label, 'chart chart-narrow')) as ChartSvg;
}

function renderSvg(options: Plot.PlotOptions, label: string, className: string): ChartSvg {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as Element;
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg')!;
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  for (const el of [...svg.querySelectorAll('[aria-label],[aria-description]')]) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  // Inline style attributes would need 'unsafe-inline' under the CSP: move the font size Plot
  // puts there to a presentation attribute, and drop the rest.
  const fontSize = /font-size:\s*([^;]+)/.exec(svg.getAttribute('style') ?? '')?.[1];
  for (const el of [svg, ...svg.querySelectorAll('[style]')]) el.removeAttribute('style');
  if (fontSize) svg.setAttribute('font-size', fontSize);
  // Plot writes font-variant on axis groups, which SVG does not define as an attribute; the
  // stylesheet sets tabular figures on every chart instead.
  for (const el of svg.querySelectorAll('[font-variant]')) el.removeAttribute('font-variant');
  svg.removeAttribute('class');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-label', label);
  const links = [...svg.querySelectorAll('a')];
  if (links.length === 0) svg.setAttribute('role', 'img');
  else {
    // A chart whose marks are links (a map's areas) cannot be an image: an image holds nothing
    // interactive. It is a labelled group whose links are named by their marks' titles, and its
    // drawing and labels stay hidden from assistive technology as an image's would be.
    svg.setAttribute('role', 'group');
    for (const a of links) {
      const name = a.querySelector('title')?.textContent?.trim();
      if (name) a.setAttribute('aria-label', name);
    }
    for (const child of [...svg.children]) if (child.tagName.toLowerCase() !== 'a' && !child.querySelector('a')) child.setAttribute('aria-hidden', 'true');
  }
  svg.setAttribute('font-family', fontFamily);
  return xmlSafe(svg) as ChartSvg;
}

/**
 * The SVG as markup that is well-formed XML as well as HTML: the chart's own .svg file is parsed as
 * XML, where a raw `&` or `<` in an attribute (a name "Nishi & Minato", a label 「診療所<参考>」, a
 * link's query) is an error and the image is not drawn. linkedom writes attribute values with only
 * `"` escaped, so the other three are escaped here, on the value as set, just before writing.
 */
function xmlSafe(svg: Element): string {
  // Most charts have no such character in any attribute: their markup is written as it is. An
  // attribute value is the text between `="` and the next `"` (linkedom escapes `"` in it); text
  // that merely looks like one (a label 「a="b & c"」) sends the chart the slow way, never a wrong one.
  const markup = svg.outerHTML;
  if (!/="[^"]*[&<>]/.test(markup)) return markup;
  for (const el of [svg, ...svg.querySelectorAll('*')])
    for (const { name, value } of [...el.attributes]) if (/[&<>]/.test(value)) el.setAttribute(name, value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  return svg.outerHTML;
}
