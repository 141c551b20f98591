import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/charts/render.ts';

/** A chart whose one mark counts how often Plot draws it. */
function countingChart(counter: { n: number }) {
  return {
    width: 200,
    height: 100,
    marks: [
      () => {
        counter.n++;
        return null;
      },
    ],
  };
}

describe('renderChart', () => {
  it('draws a chart again for every call without a reuse key', () => {
    const counter = { n: 0 };
    renderChart(countingChart(counter), { label: 'a' });
    renderChart(countingChart(counter), { label: 'b' });
    expect(counter.n).toBe(2);
  });

  it('draws a chart once per reuse key, and gives each call its own text alternative', () => {
    const counter = { n: 0 };
    const ja = renderChart(countingChart(counter), { label: '港北区の推移 "引用" & <注>', reuse: 'test-reuse-1' });
    const en = renderChart(countingChart(counter), { label: 'Kohoku over time', reuse: 'test-reuse-1' });
    expect(counter.n).toBe(1);
    expect(ja).toContain('aria-label="港北区の推移 &quot;引用&quot; &amp; &lt;注&gt;"');
    expect(en).toContain('aria-label="Kohoku over time"');
    expect(ja.replace(/aria-label="[^"]*"/, '')).toBe(en.replace(/aria-label="[^"]*"/, ''));
    renderChart(countingChart(counter), { label: 'x', reuse: 'test-reuse-2' });
    expect(counter.n).toBe(2);
  });

  it('writes markup that is well-formed XML: no raw &, < or > in an attribute, whether or not a label looks like one', () => {
    const rows = [
      { name: 'Nishi & Minato', value: 1, href: '/compare/?a=1&b=<2>' },
      { name: 'a="b & c" <d>', value: 2, href: '/x/' },
    ];
    const svg = renderChart({ width: 300, height: 100, marks: [Plot.text(rows, { x: 'value', text: 'name', title: 'name', href: 'href' })] }, { label: 'links' });
    const attributes = [...svg.matchAll(/\s[\w:-]+="([^"]*)"/g)].map((m) => m[1]!);
    expect(attributes.length).toBeGreaterThan(5);
    for (const value of attributes) expect(value).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#\d+;)|[<>]/);
    expect(svg).toContain('href="/compare/?a=1&amp;b=&lt;2&gt;"');
    expect(svg).toContain('a="b &amp; c" &lt;d&gt;');
    // The same with nothing to escape comes out as linkedom wrote it.
    const plain = renderChart({ width: 300, height: 100, marks: [Plot.text([{ value: 1 }], { x: 'value', text: () => 'plain' })] }, { label: 'plain' });
    expect(plain).toContain('>plain</text>');
  });
});
