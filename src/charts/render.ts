/**
 * The only module that touches a DOM: Plot options → an SVG string, rendered at build time with
 * linkedom so every chart shows without JavaScript. The SVG is made an image for assistive
 * technology (role="img" with the chart's text alternative), its inner labels are hidden from it
 * (the data table beside the chart carries the numbers), and Plot's inline <style> is dropped so
 * a strict Content-Security-Policy holds; the site's stylesheet styles `.chart` instead.
 *
 * A chart laid out for a phone's width is shown at its natural size; one that also provides a
 * `narrow` variant is rendered twice, and the stylesheet shows one per screen width (the other is
 * display:none, so neither assistive technology nor print meets it twice).
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
}

/** Plot options, optionally with a variant laid out for phones. */
export type ChartSpec = Plot.PlotOptions & { narrow?: Plot.PlotOptions };

const fontFamily = "'Noto Sans JP', 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', sans-serif";

export function renderChart({ narrow, ...options }: ChartSpec, { label }: RenderOptions): ChartSvg {
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
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('font-family', fontFamily);
  return svg.outerHTML as ChartSvg;
}
