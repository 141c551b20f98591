/**
 * A map for finding one's area: every area of the site drawn from its real boundaries in one
 * light fill, outlined, named where its name fits inside it, and a link to the area's page. It
 * carries no figures (the area pages and comparison maps do), so no colour means anything.
 * Shapes, projection and label placement are the choropleth's (area-map.ts).
 */
import * as Plot from '@observablehq/plot';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { featuresOf, fitted, placeLabel, type MapArea } from './area-map.ts';
import { layout } from './layout.ts';
import { colors } from './palette.ts';
import type { ChartSpec } from './render.ts';

export interface LocatorArea {
  code: string;
  geometry: Polygon | MultiPolygon;
  /** The full name, which names the link. */
  name: string;
  /** What is printed inside the shape where it fits (a ward's short name). */
  label: string;
  /** The area's page. */
  href: string;
}

const defaults = {
  /** Desktops: beside the list of areas at its own size (37.5rem, as wide as a chart must be), its names 12 px. */
  wideWidth: 600,
  wideMaxHeight: 600,
  narrowWidth: layout.width,
  narrowMaxHeight: 460,
  fill: '#e8f1fe', // blue-50, the lightest of the quintile ramp's family: a background, not a class
  fontSize: 12,
};

/** The locator map for desktops and paper, with a narrower drawing for phones. */
export function locatorMap(areas: readonly LocatorArea[]): ChartSpec {
  return { ...locatorMapAt(areas, defaults.wideWidth, defaults.wideMaxHeight), narrow: locatorMapAt(areas, defaults.narrowWidth, defaults.narrowMaxHeight) };
}

function locatorMapAt(areas: readonly LocatorArea[], width: number, maxHeight: number): Plot.PlotOptions {
  const collection = featuresOf(areas.map((a): MapArea => ({ code: a.code, geometry: a.geometry, name: a.label, href: a.href, valueText: '', quintile: null })));
  const fullName = new Map(areas.map((a) => [a.code, a.name]));
  const { projection, height } = fitted(collection, width, maxHeight);
  const labels = collection.features.flatMap((f) => placeLabel(f, projection, `locator|${width}x${height}`) ?? []);
  return {
    width,
    height,
    margin: 0,
    projection,
    style: { fontSize: `${defaults.fontSize}px` },
    marks: [
      Plot.geo(collection.features, { fill: defaults.fill, stroke: colors.bar, strokeWidth: 1, href: (f: Feature<Polygon, MapArea>) => f.properties.href, title: (f: Feature<Polygon, MapArea>) => fullName.get(f.properties.code) ?? f.properties.name }),
      Plot.text(labels, { x: 'lon', y: 'lat', text: 'text', fill: '#000000', fontWeight: 700, lineHeight: 1.2, pointerEvents: 'none' } as Plot.TextOptions),
    ],
  };
}
