/** A chart's own files stay well-formed whatever the data says, and sit at addresses derived from the page and anchor. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chartFileHrefs, embedPage, embedSnippet, standaloneSvg, type ChartFileInput } from '../../../src/lib/publish/chart-files.ts';

const chart = '<svg class="chart chart-wide" width="600" height="300" viewBox="0 0 600 300"><text>a</text></svg><svg class="chart chart-narrow" width="340" height="420" viewBox="0 0 340 420"><text>b</text></svg>';
const input: ChartFileInput = {
  lang: 'ja',
  anchor: 'x-trend',
  title: 'A & B <script>alert(1)</script> "quoted"',
  unit: '人',
  source: '出典：市「資料 <第2版> & 別表」',
  svg: chart,
  siteTitle: '統計',
  publisher: '編集チーム',
  pageUrl: 'https://example.org/compare/g/m/#x-trend',
  pageHref: '/compare/g/m/#x-trend',
  data: [{ label: 'm.csv', href: '/downloads/v1.0.0/m.csv' }, { label: 'm.csv', href: '/downloads/v1.0.0/m.csv' }],
  licence: { name: 'CC BY 4.0', href: 'https://creativecommons.org/licenses/by/4.0/' },
};

describe('chart files', () => {
  it('derives readable addresses from the page path and the anchor', () => {
    expect(chartFileHrefs('/en/compare/g/m/', 'x-trend')).toEqual({ svg: '/en/compare/g/m/charts/x-trend.svg', embed: '/en/compare/g/m/charts/x-trend/' });
    expect(chartFileHrefs('/', 'a')).toEqual({ svg: '/charts/a.svg', embed: '/charts/a/' });
  });

  it('writes a standalone SVG that parses as XML, with the wide chart, and the text escaped', () => {
    const text = standaloneSvg(input);
    expect(XMLValidator.validate(text)).toBe(true);
    const svg = new XMLParser({ ignoreAttributes: false }).parse(text).svg;
    expect(svg.title).toBe(input.title);
    expect(text).toContain('<title>A &amp; B &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;</title>');
    expect(text).toContain('class="chart chart-wide"');
    expect(text).not.toContain('chart-narrow');
    expect(text).not.toContain('<script>');
    // Framed: the outer image is taller than the chart by the title, unit, source and address lines.
    expect(Number(svg['@_height'])).toBeGreaterThan(300 + 4 * 14);
    expect(Number(svg['@_width'])).toBe(632);
  });

  it('writes an embed page without script, with both chart variants and escaped text', () => {
    const { document } = parseHTML(embedPage(input));
    expect(document.querySelectorAll('script').length).toBe(0);
    expect(document.querySelector('h1')!.textContent).toBe(input.title);
    expect(document.querySelectorAll('svg.chart').length).toBe(2);
    expect(document.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#main', input.pageHref, '/downloads/v1.0.0/m.csv', input.licence.href]);
    expect(document.querySelector('footer')!.textContent).toContain('発行：編集チーム');
  });

  it('offers an iframe snippet sized for the wide chart', () => {
    expect(embedSnippet('https://example.org/c/', 'T "q"', chart)).toBe('<iframe src="https://example.org/c/" title="T &quot;q&quot;" width="616" height="500" loading="lazy"></iframe>');
  });
});
