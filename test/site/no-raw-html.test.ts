/**
 * Data never becomes HTML: `set:html` appears only where Plot's serialised SVG is inserted (Plot
 * writes every data string as escaped text, which the hostile-data test proves in the browser).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.astro'));

describe('set:html', () => {
  it('is used only for SVG strings returned by renderChart', () => {
    const uses = files.flatMap((f) => {
      const text = readFileSync(join('src', f), 'utf8');
      return [...text.matchAll(/set:html=\{(\w+)\}/g)].map((m) => ({ file: f, variable: m[1]!, text }));
    });
    expect(uses.map((u) => `${u.file}:${u.variable}`).sort()).toEqual(['components/Chart.astro:svg', '[...lang]/compare/[metric].astro:map'.replace(/^/, 'pages/')].sort());
    // The variables are assigned from renderChart (Chart receives `svg` from its callers, who pass renderChart output).
    const metricPage = uses.find((u) => u.variable === 'map')!.text;
    expect(metricPage).toMatch(/const map = renderChart\(/);
    const callers = files.map((f) => readFileSync(join('src', f), 'utf8')).filter((t) => t.includes('<Chart'));
    for (const t of callers) for (const m of t.matchAll(/svg=\{(\w+)(?:\.svg)?\}/g)) expect(t).toMatch(new RegExp(`(const ${m[1]} = renderChart\\(|svg: renderChart\\(|svg = renderChart\\(|chart = renderChart\\()`));
    // Nor does client code write markup from strings.
    const sources = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|astro)$/.test(f));
    for (const f of sources) expect(readFileSync(join('src', f), 'utf8'), f).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|document\.write/);
  });
});
