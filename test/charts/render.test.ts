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
});
