/**
 * The boundaries the maps are drawn from: `boundaries.json` declares a TopoJSON file of the data
 * folder (its source, the date its boundaries describe, the credit its licence asks for, how it
 * was reduced), and the file itself is checked the way the maps will use it. It is read through
 * the same guarded reading as every table (inside the folder only, a size limit), parsed with
 * positions kept, and every problem names the file, line and column: a shape whose code is not a
 * local-government code or not an area of areas.csv, a second shape for an area, an arc that does
 * not exist, and every area of the site left without a shape.
 *
 * Codes are read in their 5-digit form or their 6-digit form with the check digit (JIS X 0402).
 * A city with wards and no shape of its own is drawn as the union of its wards. A folder without
 * boundaries.json has no boundary maps: its wards keep their tile maps.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { z } from 'zod';
import type { Problem } from '../problems.ts';
import { readDataFile } from '../load/read-data-file.ts';
import { labelSchema, type Labels } from '../i18n/labels.ts';
import { fileProblem } from './file-problem.ts';
import { messages, type MessageCode } from './messages.ts';
import { checkDeclarationText, validateDeclaration, type JsonPath } from './validate-declaration.ts';
import type { Table } from './validate-table.ts';

/** The declaration file, beside metrics.json and site.json. */
export const BOUNDARIES_DECLARATION = 'boundaries.json';

/** A boundary file may hold a whole country's municipalities at 1 % simplification (about 8 MB), with room to spare. */
export const boundaryFileBytes = 64 * 2 ** 20;

export const boundariesDeclaration = z
  .object({
    /** The TopoJSON file, relative to the data folder: `boundaries/<name>.topojson`. */
    file: z.string().regex(/^[A-Za-z0-9_.\-/]+\.(topo)?json$/, 'a path inside the data folder ending in .topojson or .json'),
    /** The object of the topology that holds the areas (a GeometryCollection). */
    object: z.string().min(1),
    /** The property of each geometry holding its local-government code (N03_007 in 国土数値情報). */
    codeProperty: z.string().min(1),
    /** The date the boundaries describe (行政区域 is published as of 1 January of its year). */
    asOf: z.iso.date(),
    /** The original data set: its name, publisher and page. */
    source: z.object({ title: labelSchema, publisher: labelSchema, url: z.url({ protocol: /^https?$/ }) }).strict(),
    /** Where this file was taken from, when it is a published derivative of the source (a fixed commit). */
    via: z.object({ title: labelSchema, url: z.url({ protocol: /^https?$/ }) }).strict().optional(),
    /** How the file was reduced from what was taken: the command and what it kept. */
    processing: labelSchema,
    /** The credit line the licence asks for, printed under every map. */
    credit: labelSchema,
  })
  .strict();

export type BoundariesDeclaration = z.output<typeof boundariesDeclaration>;

// A TopoJSON topology (RFC-like spec at github.com/topojson/topojson-specification), checked as far
// as the maps rely on it; members the maps do not read are allowed.
const position = z.array(z.number()).min(2);
const ring = z.array(z.int());
const properties = z.record(z.string(), z.unknown()).nullable().optional();
const polygon = z.looseObject({ type: z.literal('Polygon'), arcs: z.array(ring), properties });
const multiPolygon = z.looseObject({ type: z.literal('MultiPolygon'), arcs: z.array(z.array(ring)), properties });
const topologySchema = z.looseObject({
  type: z.literal('Topology'),
  transform: z.looseObject({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) }).optional(),
  objects: z.record(z.string(), z.looseObject({ type: z.string(), geometries: z.array(z.discriminatedUnion('type', [polygon, multiPolygon])).optional() })),
  arcs: z.array(z.array(position)),
});

/** One area's shape, by its 5-digit code. */
export interface AreaShape {
  code: string;
  geometry: Polygon | MultiPolygon;
  /** Drawn as the union of its wards' shapes (a designated city without a shape of its own). */
  merged: boolean;
}

/** What the maps read: every shape the file gives for the site's areas, and where it came from. */
export interface Boundaries {
  file: string;
  asOf: string;
  source: { title: Labels; publisher: Labels; url: string };
  via: { title: Labels; url: string } | null;
  processing: Labels;
  credit: Labels;
  shapes: AreaShape[];
}

/**
 * The 5-digit code of a 5-digit code, or of a 6-digit one whose last digit is its check digit;
 * null for anything else. The check digit (JIS X 0402): the digits weighted 6, 5, 4, 3, 2, summed,
 * and the last digit of 11 minus the sum's remainder by 11 (141003 for 14100).
 */
export function fiveDigitCode(code: string): string | null {
  if (/^[0-9]{5}$/.test(code)) return code;
  if (!/^[0-9]{6}$/.test(code)) return null;
  const digits = [...code].map(Number);
  const sum = digits.slice(0, 5).reduce((s, d, i) => s + d * (6 - i), 0);
  return (11 - (sum % 11)) % 10 === digits[5] ? code.slice(0, 5) : null;
}

export interface BoundariesResult {
  boundaries: Boundaries | null;
  problems: Problem[];
}

/**
 * Checks `boundaries.json` of `dir` and the file it names against the site's areas: `required`
 * lists the areas that must be drawn (the site's areas in scope), `areas` is the areas table.
 * `shown` gives a file's name as messages print it. No declaration: no boundaries, no problem.
 */
export function validateBoundaries(dir: string, shown: (name: string) => string, areas: Table | undefined, required: readonly string[]): BoundariesResult {
  if (!declares(dir)) return { boundaries: null, problems: [] };
  const declared = validateDeclaration(dir, BOUNDARIES_DECLARATION, boundariesDeclaration, shown(BOUNDARIES_DECLARATION));
  if (!declared.value) return { boundaries: null, problems: declared.problems };
  const spec = declared.value;
  const file = shown(spec.file);
  const read = readDataFile(dir, spec.file, boundaryFileBytes);
  if (!read.ok) {
    const refused = fileProblem(file, read);
    return { boundaries: null, problems: [refused] };
  }
  const parsed = checkDeclarationText(file, read.bytes, topologySchema);
  if (!parsed.value) return { boundaries: null, problems: parsed.problems };
  const problems: Problem[] = [];
  const report = <C extends MessageCode>(path: JsonPath, code: C, args: Parameters<(typeof messages)[C]>[0]) =>
    problems.push({ file, ...parsed.at(path), severity: 'error', code, ...(messages[code] as (a: typeof args) => { ja: string; en: string })(args) });

  const topology = parsed.value as unknown as Topology;
  const collection = topology.objects[spec.object] as GeometryCollection | undefined;
  if (!collection || collection.type !== 'GeometryCollection' || !Array.isArray(collection.geometries)) {
    report(['objects'], 'boundary-object-missing', { object: spec.object, found: Object.keys(topology.objects).join(', ') || '—' });
    return { boundaries: null, problems };
  }

  // Each shape: a known code, once, with arcs that exist.
  const known = new Map((areas?.rows ?? []).map((r, i) => [String(r.area_code), { line: areas!.lines[i]!, name: String(r.name_ja ?? ''), parent: r.parent_code ? String(r.parent_code) : null }]));
  const byCode = new Map<string, { index: number; line: number }>();
  const faulty = new Set<string>();
  collection.geometries.forEach((g, i) => {
    const at: JsonPath = ['objects', spec.object, 'geometries', i];
    const value = (g.properties as Record<string, unknown> | undefined)?.[spec.codeProperty];
    const text = value === undefined || value === null ? '' : String(value);
    const code = fiveDigitCode(text);
    if (code === null) return report([...at, 'properties', spec.codeProperty], 'boundary-code-invalid', { property: spec.codeProperty, value: text });
    if (!known.has(code)) return report([...at, 'properties', spec.codeProperty], 'boundary-code-unknown', { property: spec.codeProperty, value: text });
    const first = byCode.get(code);
    if (first) return report(at, 'boundary-code-duplicate', { value: text, first: first.line });
    const bad = arcIndices('arcs' in g ? g.arcs : []).find((a) => a >= topology.arcs.length);
    // A shape reported for its arcs is not reported missing as well.
    if (bad !== undefined) return (faulty.add(code), report([...at, 'arcs'], 'boundary-arc-missing', { index: bad, count: topology.arcs.length }));
    byCode.set(code, { index: i, line: parsed.at(at).line });
  });

  // Every area of the site drawn: by its own shape, or (a city) by its wards'.
  const wardsOf = (code: string) => [...known].filter(([, a]) => a.parent === code).map(([c]) => c);
  const drawn = (code: string): boolean => byCode.has(code) || faulty.has(code) || (wardsOf(code).length > 0 && wardsOf(code).every(drawn));
  for (const code of required) {
    if (drawn(code)) continue;
    // A city is reported through the wards it lacks, each once.
    if (wardsOf(code).length > 0) continue;
    const area = known.get(code);
    report(['objects', spec.object, 'geometries'], 'boundary-area-missing', { code, name: area?.name ?? '', line: area?.line ?? 0 });
  }
  if (problems.length > 0) return { boundaries: null, problems };

  const shapes: AreaShape[] = [];
  for (const [code, { index }] of byCode) {
    const g = collection.geometries[index]!;
    shapes.push({ code, geometry: (feature(topology, g) as Feature).geometry as Polygon | MultiPolygon, merged: false });
  }
  for (const code of required) {
    const wards = wardsOf(code);
    if (byCode.has(code) || wards.length === 0) continue;
    const parts = wards.map((w) => collection.geometries[byCode.get(w)!.index]!) as Parameters<typeof merge>[1];
    shapes.push({ code, geometry: merge(topology, parts) as MultiPolygon, merged: true });
  }
  shapes.sort((a, b) => a.code.localeCompare(b.code));
  return {
    boundaries: { file: spec.file, asOf: spec.asOf, source: spec.source, via: spec.via ?? null, processing: spec.processing, credit: spec.credit, shapes },
    problems: [],
  };
}

/** Does the folder have a boundaries.json (a file, a link or anything else the gate will then judge)? */
function declares(dir: string): boolean {
  try {
    lstatSync(join(dir, BOUNDARIES_DECLARATION));
    return true;
  } catch {
    return false;
  }
}

/** Every arc index of a geometry's arcs, a reversed arc (~i) as i. */
function arcIndices(arcs: unknown): number[] {
  if (typeof arcs === 'number') return [arcs < 0 ? ~arcs : arcs];
  return Array.isArray(arcs) ? arcs.flatMap(arcIndices) : [];
}

