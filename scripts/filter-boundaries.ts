/**
 * `npm run boundaries -- <source.topojson> <output> [--data DIR] [--object NAME] [--code-property KEY]`:
 * reduces a boundary file (TopoJSON, such as a prefecture's file of 国土数値情報 行政区域) to the
 * areas of a data folder's areas.csv, so the site carries only the shapes it draws.
 *
 * Geometries whose code (5 digits, or 6 with the check digit) is an area of areas.csv are kept, as
 * they are; every other geometry is dropped, and with it every arc no kept geometry uses (the
 * remaining arcs are renumbered). Coordinates, the quantisation and the properties are not
 * changed. The output has one geometry and one arc per line, so the gate's messages point at a
 * line a person can find. Write the source, its date and this command in data/boundaries.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { validateDataDir } from '../src/lib/validate/validate-dataset.ts';
import { fiveDigitCode } from '../src/lib/validate/validate-boundaries.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args.splice(at, 2)[1]! : fallback;
};
const dataDir = option('--data', process.env.DATA_DIR ?? 'data');
const objectName = option('--object', '');
const codeProperty = option('--code-property', 'N03_007');
const [source, output] = args;
if (!source || !output) {
  console.error('使い方 / usage: npm run boundaries -- <source.topojson> <output> [--data DIR] [--object NAME] [--code-property KEY]');
  process.exit(2);
}

type Geometry = { type: string; arcs?: unknown; properties?: Record<string, unknown> };
const topology = JSON.parse(readFileSync(source, 'utf8')) as { type: string; arcs: unknown[]; transform?: unknown; bbox?: unknown; objects: Record<string, { type: string; geometries: Geometry[] }> };
const name = objectName || Object.keys(topology.objects)[0]!;
const collection = topology.objects[name];
if (!collection) {
  console.error(`オブジェクト「${name}」がありません / no object "${name}" in ${source}`);
  process.exit(1);
}

const areas = validateDataDir(dataDir, process.cwd(), { site: false }).tables.get('areas');
const known = new Set((areas?.rows ?? []).map((r) => String(r.area_code)));
const kept = collection.geometries.filter((g) => {
  const code = fiveDigitCode(String(g.properties?.[codeProperty] ?? ''));
  return code !== null && known.has(code);
});

// Arcs the kept geometries use, renumbered in order of first use; ~i (= -i-1) marks a reversed arc.
const renumbered = new Map<number, number>();
const remap = (arcs: unknown): unknown =>
  Array.isArray(arcs)
    ? arcs.map(remap)
    : (() => {
        const i = Number(arcs);
        const index = i < 0 ? ~i : i;
        if (!renumbered.has(index)) renumbered.set(index, renumbered.size);
        const next = renumbered.get(index)!;
        return i < 0 ? ~next : next;
      })();
const geometries = kept.map(({ type, properties, arcs, ...rest }) => ({ type, properties, ...rest, arcs: remap(arcs) }));
const arcs = [...renumbered.keys()].map((i) => topology.arcs[i]);

const lines = [
  `{"type":"Topology",`,
  ...(topology.transform ? [`"transform":${JSON.stringify(topology.transform)},`] : []),
  `"objects":{${JSON.stringify(name)}:{"type":"GeometryCollection","geometries":[`,
  geometries.map((g) => JSON.stringify(g)).join(',\n'),
  `]}},`,
  `"arcs":[`,
  arcs.map((a) => JSON.stringify(a)).join(',\n'),
  `]}`,
];
writeFileSync(output, lines.join('\n') + '\n');
console.log(`${source}: ${collection.geometries.length}区域のうち${geometries.length}区域、弧${topology.arcs.length}本のうち${arcs.length}本を ${output} に書きました / kept ${geometries.length} of ${collection.geometries.length} geometries and ${arcs.length} of ${topology.arcs.length} arcs in ${output}`);
