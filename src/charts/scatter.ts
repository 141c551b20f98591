/**
 * Need against supply: one dot per ward with its name, the city's values as reference lines, so
 * wards in the "older but fewer providers" corner stand out. Names are placed beside their dots
 * where they collide with no other name or dot; a name that finds no free place is left out
 * (the table beside the chart lists every ward). Drawn twice: wide for desktops and paper, and
 * narrow for phones, where fewer names fit.
 */
import * as Plot from '@observablehq/plot';
import { nice } from 'd3-array';
import { layout } from './layout.ts';
import { colors } from './palette.ts';
import type { ChartSpec } from './render.ts';
import { textWidth } from './text-width.ts';

export interface ScatterPoint {
  name: string;
  x: number;
  y: number;
}

export interface ScatterOptions {
  xLabel: string;
  yLabel: string;
  reference: { x: number; y: number };
}

export function scatter(points: readonly ScatterPoint[], options: ScatterOptions): ChartSpec {
  return { ...scatterAt(points, options, layout.wideWidth, 480, layout.fontSize), narrow: scatterAt(points, options, layout.width, 320, 12) };
}

type Box = { left: number; right: number; top: number; bottom: number };
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function scatterAt(points: readonly ScatterPoint[], { xLabel, yLabel, reference }: ScatterOptions, width: number, height: number, fontSize: number): Plot.PlotOptions {
  // Room under the axis for its label at the drawing's font size.
  const margin = { left: 52, right: 16, top: 20, bottom: 32 + fontSize + 2 };
  const [x0, x1] = nice(Math.min(reference.x, ...points.map((p) => p.x)), Math.max(reference.x, ...points.map((p) => p.x)), 10);
  const [y0, y1] = nice(Math.min(reference.y, ...points.map((p) => p.y)), Math.max(reference.y, ...points.map((p) => p.y)), 10);
  const px = (x: number) => margin.left + ((x - x0) / (x1 - x0 || 1)) * (width - margin.left - margin.right);
  const py = (y: number) => height - margin.bottom - ((y - y0) / (y1 - y0 || 1)) * (height - margin.top - margin.bottom);
  const fromPx = (x: number) => x0 + ((x - margin.left) / (width - margin.left - margin.right)) * (x1 - x0);
  const fromPy = (y: number) => y0 + ((height - margin.bottom - y) / (height - margin.top - margin.bottom)) * (y1 - y0);
  const frame: Box = { left: margin.left, right: width - margin.right, top: 0, bottom: height - margin.bottom };
  const r = 4;
  const taken: Box[] = points.map((p) => ({ left: px(p.x) - r - 1, right: px(p.x) + r + 1, top: py(p.y) - r - 1, bottom: py(p.y) + r + 1 }));
  const h = fontSize * 1.2;
  const placed: { name: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' }[] = [];
  // Crowded points first, so the names with the fewest free places get them.
  // Points within 40 px, counted once per point through a grid of 40 px cells (a national chart
  // has thousands of points, and comparing every pair on every page is what a build cannot afford).
  const cell = (v: number) => Math.floor(v / 40);
  const grid = new Map<string, ScatterPoint[]>();
  for (const p of points) {
    const k = `${cell(px(p.x))},${cell(py(p.y))}`;
    const bucket = grid.get(k);
    if (bucket) bucket.push(p);
    else grid.set(k, [p]);
  }
  const crowding = new Map(
    points.map((p) => {
      const [cx, cy] = [cell(px(p.x)), cell(py(p.y))];
      let n = 0;
      for (let i = cx - 1; i <= cx + 1; i++)
        for (let j = cy - 1; j <= cy + 1; j++)
          for (const q of grid.get(`${i},${j}`) ?? []) if (Math.hypot(px(q.x) - px(p.x), py(q.y) - py(p.y)) < 40) n++;
      return [p, n];
    }),
  );
  for (const p of [...points].sort((a, b) => crowding.get(b)! - crowding.get(a)! || a.name.localeCompare(b.name))) {
    const w = textWidth(p.name, fontSize);
    const cx = px(p.x);
    const cy = py(p.y);
    const candidates = [
      { x: cx, y: cy - r - 2 - h / 2, anchor: 'middle' as const, box: { left: cx - w / 2, right: cx + w / 2, top: cy - r - 2 - h, bottom: cy - r - 2 } },
      { x: cx + r + 3, y: cy, anchor: 'start' as const, box: { left: cx + r + 3, right: cx + r + 3 + w, top: cy - h / 2, bottom: cy + h / 2 } },
      { x: cx - r - 3, y: cy, anchor: 'end' as const, box: { left: cx - r - 3 - w, right: cx - r - 3, top: cy - h / 2, bottom: cy + h / 2 } },
      { x: cx, y: cy + r + 2 + h / 2, anchor: 'middle' as const, box: { left: cx - w / 2, right: cx + w / 2, top: cy + r + 2, bottom: cy + r + 2 + h } },
    ];
    const free = candidates.find((c) => c.box.left >= frame.left && c.box.right <= frame.right && c.box.top >= frame.top && c.box.bottom <= frame.bottom && !taken.some((t) => overlaps(t, c.box)));
    if (!free) continue;
    taken.push(free.box);
    placed.push({ name: p.name, x: fromPx(free.x), y: fromPy(free.y), anchor: free.anchor });
  }
  return {
    width,
    height,
    marginLeft: margin.left,
    marginBottom: margin.bottom,
    marginRight: margin.right,
    marginTop: margin.top,
    style: { fontSize: `${fontSize}px` },
    grid: true,
    // The axis label sits a few pixels above the chart's bottom edge, whatever the scale it is shown at.
    x: { label: xLabel, labelAnchor: 'center', domain: [x0, x1], ticks: width < 400 ? 5 : 8, labelOffset: margin.bottom - 6 },
    // The rotated axis label sits clear of the chart's left edge (Plot's default puts it at 3 px).
    y: { label: yLabel, labelAnchor: 'center', domain: [y0, y1], ticks: 6, labelOffset: margin.left - fontSize },
    marks: [
      Plot.ruleX([reference.x], { stroke: colors.muted, strokeDasharray: '4,3' }),
      Plot.ruleY([reference.y], { stroke: colors.muted, strokeDasharray: '4,3' }),
      Plot.dot(points, { x: 'x', y: 'y', r, fill: colors.bar }),
      ...(['start', 'middle', 'end'] as const).map((anchor) => Plot.text(placed.filter((l) => l.anchor === anchor), { x: 'x', y: 'y', text: 'name', textAnchor: anchor, fill: colors.reference })),
    ],
  };
}
