/**
 * A choropleth of a group's areas drawn from their real boundaries: each area filled by its
 * quintile (the classes of the table), outlined white, and a link to the area's page; the area
 * whose page the map is on is outlined in the highlight colour. An area's name (and, where there
 * is room, its value) is printed inside it only where the whole label fits inside the shape, so
 * no label crosses a boundary or another label; the data table beside the map lists every area.
 *
 * The projection (Mercator, fitted to the areas) is made here rather than by Plot, because the
 * labels are placed with it too: Plot draws with the same projection object.
 */
import * as Plot from '@observablehq/plot';
import { geoContains, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
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
  const { projection, height } = fitted(collection, width, maxHeight);
  const fill = (f: Feature<Polygon | MultiPolygon, MapArea>) => (f.properties.quintile ? quintileFill[f.properties.quintile - 1]! : noDataFill);
  const labels = collection.features.flatMap((f) => {
    const placed = placeLabel(f, projection);
    if (!placed) return [];
    const ink = f.properties.quintile ? quintileText[f.properties.quintile - 1]! : '#000000';
    return [{ ...placed, ink }];
  });
  const current = collection.features.filter((f) => f.properties.current);
  return {
    width,
    height,
    margin: 0,
    projection,
    style: { fontSize: `${defaults.fontSize}px` },
    marks: [
      Plot.geo(collection.features, { fill, stroke: '#ffffff', strokeWidth: 1, href: (f: Feature<Polygon, MapArea>) => f.properties.href, title: (f: Feature<Polygon, MapArea>) => `${f.properties.name} ${f.properties.valueText}` }),
      Plot.geo(current, { fill: 'none', stroke: colors.highlight, strokeWidth: 3, pointerEvents: 'none' } as Plot.GeoOptions),
      Plot.text(labels, { x: 'lon', y: 'lat', text: 'text', fill: 'ink', fontWeight: 700, lineHeight: 1.2, pointerEvents: 'none' } as Plot.TextOptions),
    ],
  };
}

/** A Mercator projection fitting the areas into `width`, and the height that keeps their shape (at most `maxHeight`). */
function fitted(collection: FeatureCollection, width: number, maxHeight: number): { projection: GeoProjection; height: number } {
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
 * The label of one area at a point inside it: the name and value on two lines if the box fits in
 * the shape, else the name alone, else nothing. The point is the shape's centroid where that is
 * inside it, else the middle of the widest inside run of the row through the centroid.
 */
function placeLabel(f: Feature<Polygon | MultiPolygon, MapArea>, projection: GeoProjection): Label | null {
  const path = geoPath(projection);
  const inside = ([x, y]: [number, number]) => {
    const at = projection.invert?.([x, y]);
    return !!at && geoContains(f, at);
  };
  let [cx, cy] = path.centroid(f);
  if (!inside([cx, cy])) {
    const [[x0], [x1]] = path.bounds(f);
    let best: [number, number] | null = null;
    let start: number | null = null;
    for (let x = x0; x <= x1 + 1; x += 1) {
      const isIn = x <= x1 && inside([x, cy]);
      if (isIn && start === null) start = x;
      if (!isIn && start !== null) {
        if (!best || x - start > best[1] - best[0]) best = [start, x];
        start = null;
      }
    }
    if (!best) return null;
    cx = (best[0] + best[1]) / 2;
  }
  const { name, valueText } = f.properties;
  const fits = (lines: string[]) => {
    const w = Math.max(...lines.map((l) => textWidth(l, defaults.fontSize, true))) + 4;
    const h = lines.length * defaults.fontSize * 1.2 + 2;
    const xs = [cx - w / 2, cx, cx + w / 2];
    const ys = [cy - h / 2, cy, cy + h / 2];
    return xs.every((x) => ys.every((y) => inside([x, y])));
  };
  const lines = [[name, valueText], [name]].find(fits);
  if (!lines) return null;
  const [lon, lat] = projection.invert!([cx, cy])!;
  return { lon, lat, text: lines.join('\n') };
}
