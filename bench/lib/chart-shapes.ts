/**
 * The pages of a built site and the shapes of their charts, for the bare build to draw the same
 * number of charts of the same kinds on the same pages: a chart with bars (or tiles) becomes bars,
 * one bar per rectangle; any other (lines) becomes as many lines as it has paths.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface ChartShape {
  kind: 'bars' | 'lines';
  n: number;
  width: number;
  height: number;
}

export function chartShapes(siteDir: string): { pages: { path: string; charts: ChartShape[] }[]; charts: number } {
  const pages: { path: string; charts: ChartShape[] }[] = [];
  let charts = 0;
  for (const entry of readdirSync(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const file = join(entry.parentPath, entry.name);
    const html = readFileSync(file, 'utf8');
    const shapes: ChartShape[] = [];
    for (const m of html.matchAll(/<svg\b[^>]*class="chart[^"]*"[^>]*>([\s\S]*?)<\/svg>/g)) {
      const tag = m[0].slice(0, m[0].indexOf('>'));
      const width = Number(/ width="(\d+)/.exec(tag)?.[1] ?? 340);
      const height = Number(/ height="(\d+)/.exec(tag)?.[1] ?? 260);
      const rects = (m[1]!.match(/<rect\b/g) ?? []).length;
      const paths = (m[1]!.match(/<path\b[^>]*fill="none"/g) ?? []).length;
      shapes.push(rects > 0 ? { kind: 'bars', n: rects, width, height } : { kind: 'lines', n: Math.max(1, paths), width, height });
    }
    charts += shapes.length;
    const path = relative(siteDir, dirname(file)).split('\\').join('/');
    pages.push({ path, charts: shapes });
  }
  return { pages, charts };
}
