/**
 * Data never becomes HTML: `set:html` inserts only chart SVG, a `ChartSvg` string that only
 * renderChart makes (Plot writes every data string into it as escaped text, which the
 * hostile-data test proves in the browser). The type checker keeps any other string out of the
 * places that carry one; this test checks that nothing gets around it. The one other use is the
 * data page's JSON-LD block, a `<script type="application/ld+json">` whose text jsonLdText writes
 * with every `<`, `>` and `&` escaped, so no cell can close the element.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLdText } from '../../src/lib/publish/dataset-jsonld.ts';

const sources = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|astro)$/.test(f));
const read = (f: string) => readFileSync(join('src', f), 'utf8');

describe('set:html', () => {
  it('inserts only the chart SVG a page or component receives, never text', () => {
    const uses = sources.flatMap((f) => [...read(f).matchAll(/set:html=\{([^}]+)\}/g)].map((m) => `${f}:${m[1]}`)).sort();
    expect(uses).toEqual(['components/Chart.astro:svg', 'pages/[...lang]/compare/[group]/[metric].astro:page.map.svg', 'pages/[...lang]/data.astro:jsonLdText(dataset)', 'pages/[...lang]/index.astro:finder.map.svg']);
    expect(read('pages/[...lang]/data.astro')).toMatch(/<script slot="head" type="application\/ld\+json" set:html=\{jsonLdText\(dataset\)\}/);
    const hostile = jsonLdText({ name: '</script><script>alert(1)</script>&amp;' });
    expect(hostile).not.toMatch(/[<>&]/);
    expect(JSON.parse(hostile).name).toBe('</script><script>alert(1)</script>&amp;');
    // Chart's `svg`, the comparison page's map and the top page's locator map are typed ChartSvg.
    expect(read('components/Chart.astro')).toMatch(/\bsvg: ChartSvg;/);
    expect(read('lib/present/compare-page.ts')).toMatch(/map: \{ svg: ChartSvg \} \| null;/);
    expect(read('lib/present/area-finder.ts')).toMatch(/map: \{ svg: ChartSvg; label: string \} \| null;/);
  });
  it('has its ChartSvg made by renderChart alone, and nothing writes markup from strings in the browser', () => {
    const casts = sources.filter((f) => /as ChartSvg\b/.test(read(f)));
    expect(casts).toEqual(['charts/render.ts']);
    // The SVG Plot drew, serialised with its attributes escaped for XML as well (xmlSafe).
    expect(read('charts/render.ts')).toMatch(/return xmlSafe\(svg\) as ChartSvg;/);
    expect(read('charts/render.ts')).toMatch(/return svg\.outerHTML;\n}/);
    for (const f of sources) expect(read(f), f).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|document\.write/);
  });
});
