/**
 * A choropleth of a group's areas drawn from their real boundaries: each area filled by its
 * quintile (the classes of the table), outlined white, and a link to the area's page; the area
 * whose page the map is on is outlined in the highlight colour. An area's name (and, where there
 * is room, its value) is printed inside it only where the whole label fits inside the shape, so
 * no label crosses a boundary or another label; the data table beside the map lists every area.
 *
 * The projection (Mercator, fitted to the areas) is made here rather than by Plot, because the
 * labels are placed with it too: Plot draws with the same projection object. Mercator is true to
 * shape at a city's scale, and a city's areas span too little latitude for its scale to vary.
 */
import * as Plot from '@observablehq/plot';
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { layout } from './layout.ts';
import { colors, noDataFill, quintileFill, quintileText } from './palette.ts';
import type { ChartSpec } from './render.ts';
import { textWidth } from './text-width.ts';

export interface MapArea {
  code: string;
  geometry: Polygon | MultiPolygon;
  name: string;
  valueText: string;
  quintile: number | null;
  /** The area's page. */
  href: string;
  /** The area whose page the map is on. */
  current?: boolean;
}

const defaults = {
  /** Desktops and paper: the width of the page's column. */
  wideWidth: 640,
  wideMaxHeight: 560,
  /** Phones: the chart width every chart is drawn for. */
  narrowWidth: layout.width,
  narrowMaxHeight: 420,
  fontSize: 12,
  margin: 4,
};

/** The map drawn for desktops and paper, with a narrower drawing for phones. */
export function areaMap(areas: readonly MapArea[]): ChartSpec {
  return { ...areaMapAt(areas, defaults.wideWidth, defaults.wideMaxHeight), narrow: areaMapAt(areas, defaults.narrowWidth, defaults.narrowMaxHeight) };
}

/** The areas as GeoJSON features, in code order so the drawing does not depend on the input's. */
export function featuresOf(areas: readonly MapArea[]): FeatureCollection<Polygon | MultiPolygon, MapArea> {
  const sorted = [...areas].sort((a, b) => a.code.localeCompare(b.code));
  return { type: 'FeatureCollection', features: sorted.map((a) => ({ type: 'Feature', properties: a, geometry: a.geometry })) };
}

function areaMapAt(areas: readonly MapArea[], width: number, maxHeight: number): Plot.PlotOptions {
  const collection = featuresOf(areas);
  const { projection, height } = fittedOnce(collection, width, maxHeight);
  const fill = (f: Feature<Polygon | MultiPolygon, MapArea>) => (f.properties.quintile ? quintileFill[f.properties.quintile - 1]! : noDataFill);
  const labels = collection.features.flatMap((f) => {
    const label = placeLabel(f, projection, `${width}x${height}`);
    if (!label) return [];
    const ink = f.properties.quintile ? quintileText[f.properties.quintile - 1]! : '#000000';
    return [{ ...label, ink }];
  });
  const current = collection.features.filter((f) => f.properties.current);
  return {
    width,
    height,
    margin: 0,
    projection,
    style: { fontSize: `${defaults.fontSize}px` },
    marks: [
      Plot.geo(collection.features, { fill, stroke: '#ffffff', strokeWidth: 1, href: (f: Feature<Polygon, MapArea>) => f.properties.href, title: (f: Feature<Polygon, MapArea>) => `${f.properties.name} ${f.properties.valueText}`.trim() }),
      Plot.geo(current, { fill: 'none', stroke: colors.highlight, strokeWidth: 3, pointerEvents: 'none' } as Plot.GeoOptions),
      Plot.text(labels, { x: 'lon', y: 'lat', text: 'text', fill: 'ink', fontWeight: 700, lineHeight: 1.2, pointerEvents: 'none' } as Plot.TextOptions),
    ],
  };
}

/** A Mercator projection fitting the areas into `width`, and the height that keeps their shape (at most `maxHeight`). */
export function fitted(collection: FeatureCollection, width: number, maxHeight: number): { projection: GeoProjection; height: number } {
  const m = defaults.margin;
  const trial = geoMercator().fitWidth(width - 2 * m, collection);
  const [[, y0], [, y1]] = geoPath(trial).bounds(collection);
  const height = Math.min(maxHeight, Math.ceil(y1 - y0 + 2 * m));
  return { projection: geoMercator().fitExtent([[m, m], [width - m, height - m]], collection), height };
}

interface Label {
  lon: number;
  lat: number;
  text: string;
}

/**
 * The label of one area at a point inside it: the name and value on two lines where their box
 * fits inside the shape, else the name alone, else nothing. Candidate points lie on a 3 px grid
 * over the shape, nearest the centroid first, so a label sits in the middle of a compact shape
 * and moves into the body of a long or hooked one.
 */
export function placeLabel(f: Feature<Polygon | MultiPolygon, MapArea>, projection: GeoProjection, size: string): Label | null {
  const { name, valueText } = f.properties;
  // An area shown without its figure (a map that locates rather than compares) has its name alone.
  const boxes = (valueText ? [[name, valueText], [name]] : [[name]]).map((lines) => ({
    lines,
    w: Math.ceil(Math.max(...lines.map((l) => textWidth(l, defaults.fontSize, true))) + 4),
    h: Math.ceil(lines.length * defaults.fontSize * 1.2 + 2),
  }));
  // Every page of a build draws the same shapes at the same sizes: a place found is kept, per
  // shape, size and box; the shape's projected rings and its candidate points, per shape and size.
  let known = placed.get(f.geometry);
  if (!known) placed.set(f.geometry, (known = new Map()));
  for (const box of boxes) {
    const key = `${size}|${box.w}|${box.h}`;
    if (!known.has(key)) known.set(key, findPlace(candidatesOf(f, projection, size), box.w, box.h));
    const at = known.get(key);
    if (!at) continue;
    const [lon, lat] = projection.invert!(at)!;
    return { lon, lat, text: box.lines.join('\n') };
  }
  return null;
}

interface Candidates {
  inside(x: number, y: number): boolean;
  /** Grid points over the shape, nearest its centroid first. */
  points: [number, number][];
}
const placed = new WeakMap<object, Map<string, [number, number] | null>>();
const candidateSets = new WeakMap<object, Map<string, Candidates>>();

/** The shape projected at one size: a test for a point inside it, and the points a label may centre on. */
function candidatesOf(f: Feature<Polygon | MultiPolygon, MapArea>, projection: GeoProjection, size: string): Candidates {
  let bySize = candidateSets.get(f.geometry);
  if (!bySize) candidateSets.set(f.geometry, (bySize = new Map()));
  const made = bySize.get(size);
  if (made) return made;
  const rings = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat().map((ring) => ring.map((p) => projection(p as [number, number])!));
  const inside = (x: number, y: number) => {
    // Even-odd over every ring: holes and the parts of a multipolygon count alike.
    let odd = false;
    for (const ring of rings)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
      }
    return odd;
  };
  const path = geoPath(projection);
  const [cx, cy] = path.centroid(f);
  const [[x0, y0], [x1, y1]] = path.bounds(f);
  const points: [number, number][] = [];
  for (let x = x0; x <= x1; x += 3) for (let y = y0; y <= y1; y += 3) points.push([x, y]);
  points.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
  const candidates = { inside, points };
  bySize.set(size, candidates);
  return candidates;
}

/** The candidate point nearest the shape's centroid where a w × h box fits inside the shape, or null. */
function findPlace({ inside, points }: Candidates, w: number, h: number): [number, number] | null {
  const fits = ([x, y]: [number, number]) => {
    for (const dx of [-w / 2, -w / 4, 0, w / 4, w / 2]) for (const dy of [-h / 2, 0, h / 2]) if (!inside(x + dx, y + dy)) return false;
    return true;
  };
  return points.find(fits) ?? null;
}

/**
 * The pages of a build draw each group's map at the same two sizes, for every metric and on every
 * area page: the projection fitted to the group's shapes (three passes over every boundary) is
 * made once per set of shapes and size. Shapes are the same objects from page to page
 * (present/area-map.ts keeps them per build); the projection is only read afterwards.
 */
const fittings = new WeakMap<object, Map<string, { geometries: object[]; fit: ReturnType<typeof fitted> }[]>>();
function fittedOnce(collection: FeatureCollection<Polygon | MultiPolygon, MapArea>, width: number, maxHeight: number): ReturnType<typeof fitted> {
  const geometries = collection.features.map((f) => f.geometry);
  const first = geometries[0];
  if (!first) return fitted(collection, width, maxHeight);
  let bySize = fittings.get(first);
  if (!bySize) fittings.set(first, (bySize = new Map()));
  const size = `${width}x${maxHeight}`;
  const made = bySize.get(size) ?? [];
  const hit = made.find((m) => m.geometries.length === geometries.length && m.geometries.every((g, i) => g === geometries[i]));
  if (hit) return hit.fit;
  const fit = fitted(collection, width, maxHeight);
  bySize.set(size, [...made, { geometries, fit }]);
  return fit;
}
