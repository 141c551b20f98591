import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chartShapes } from '../../bench/lib/chart-shapes.ts';

const dir = mkdtempSync(join(tmpdir(), 'shapes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chartShapes', () => {
  it('lists every page with its charts: bars by rectangles, lines by unfilled paths', () => {
    mkdirSync(join(dir, 'wards', '00001'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<p>no chart</p><svg class="icon"><rect/></svg>');
    writeFileSync(
      join(dir, 'wards', '00001', 'index.html'),
      '<svg role="img" class="chart" width="340" height="272"><g><rect/><rect/><rect/></g><text>1</text></svg>' +
        '<svg class="chart chart-narrow" width="300" height="260"><path fill="none" d="M0"/><path fill="none" d="M1"/><path d="M2"/></svg>',
    );
    const { pages, charts } = chartShapes(dir);
    expect(charts).toBe(2);
    const byPath = new Map(pages.map((p) => [p.path, p.charts]));
    expect(byPath.get('')).toEqual([]);
    expect(byPath.get('wards/00001')).toEqual([
      { kind: 'bars', n: 3, width: 340, height: 272 },
      { kind: 'lines', n: 2, width: 300, height: 260 },
    ]);
  });
});
