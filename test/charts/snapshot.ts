/**
 * Snapshot harness for the chart modules, after the way Observable Plot tests its own charts: a
 * named chart is rendered through the site's real renderChart, normalised (generated ids and class
 * names renumbered, numbers in attributes rounded, attributes sorted, one element per line) and
 * compared with a committed file in test/charts/output/.
 *
 * - Equal: the test passes (a stale `<name>-changed.svg` beside it is removed).
 * - Different or missing: `<name>-changed.svg` is written beside the snapshot and the test fails,
 *   saying how to accept the change. A run never passes by writing its own expectation...
 * - ...unless UPDATE_SNAPSHOTS=1 is set: then the snapshot is (re)written and the test passes.
 *
 * A chart with a phone variant renders two <svg> elements; each becomes its own snapshot,
 * `<name>.svg` (wide) and `<name>.narrow.svg`, so every snapshot file opens as an image.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from 'linkedom';
import { expect } from 'vitest';
import { renderChart, type ChartSpec } from '../../src/charts/render.ts';

export const outputDir = join(dirname(fileURLToPath(import.meta.url)), 'output');
const update = process.env.UPDATE_SNAPSHOTS === '1';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** One rendered <svg> element of a chart, for assertions independent of the snapshot. */
export type SvgRoot = Element;

export interface Rendered {
  /** The string renderChart returned, unchanged. */
  raw: string;
  /** Its <svg> elements: one, or the wide and the narrow variant. */
  roots: SvgRoot[];
}

/**
 * Renders `spec` with `label` as its text alternative, compares it with the snapshot(s) named
 * `name`, and returns the rendering for further assertions.
 */
export function snapshotChart(name: string, spec: ChartSpec, label: string): Rendered {
  const raw = renderChart(spec, { label });
  const roots = parseSvgs(raw);
  expect(roots.length, `${name}: number of <svg> elements rendered`).toBe(spec.narrow ? 2 : 1);
  const files = roots.length === 1 ? [name] : [name, `${name}.narrow`];
  const failures: string[] = [];
  roots.forEach((root, i) => {
    const failure = compare(files[i]!, normalise(root));
    if (failure) failures.push(failure);
  });
  if (failures.length > 0) throw new Error(`${failures.join('\n')}\nIf the change is intended, update the snapshots: UPDATE_SNAPSHOTS=1 npx vitest run test/charts/`);
  return { raw, roots };
}

function compare(file: string, actual: string): string | undefined {
  mkdirSync(outputDir, { recursive: true });
  const expectedPath = join(outputDir, `${file}.svg`);
  const changedPath = join(outputDir, `${file}-changed.svg`);
  const rel = (p: string) => relative(process.cwd(), p);
  if (update) {
    writeFileSync(expectedPath, actual);
    rmSync(changedPath, { force: true });
    return undefined;
  }
  if (!existsSync(expectedPath)) {
    writeFileSync(changedPath, actual);
    return `Snapshot ${rel(expectedPath)} is missing; the rendering was written to ${rel(changedPath)}.`;
  }
  const expected = readFileSync(expectedPath, 'utf8');
  if (expected === actual) {
    rmSync(changedPath, { force: true });
    return undefined;
  }
  writeFileSync(changedPath, actual);
  return `Snapshot ${rel(expectedPath)} differs (first difference at line ${firstDifferentLine(expected, actual)}); the new rendering was written to ${rel(changedPath)}.`;
}

function firstDifferentLine(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}

/** The <svg> elements of a string made by renderChart (one, or two side by side). */
export function parseSvgs(raw: string): SvgRoot[] {
  const doc = new DOMParser().parseFromString(`<root>${raw}</root>`, 'image/svg+xml');
  return [...doc.documentElement.children].filter((el) => el.tagName.toLowerCase() === 'svg');
}

/** Elements below `root` with the tag `tag`. */
export const all = (root: Element, tag: string): Element[] => [...root.querySelectorAll(tag)];

/** The text of every <text> element below `root`, its lines (<tspan>s) joined with a newline. */
export function texts(root: Element): string[] {
  return all(root, 'text').map((t) => {
    const spans = all(t, 'tspan');
    return spans.length > 0 ? spans.map((s) => s.textContent ?? '').join('\n') : (t.textContent ?? '');
  });
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Plot's generated class names (`plot-d6a7b5`, `plot-d6a7b5-swatch`…). */
const plotClass = /\bplot-[0-9a-f]{6}\b/g;
/** Numbers in attribute values, including exponents. */
const number = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

function roundNumber(text: string): string {
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/**
 * One element per line, indented by depth; attributes sorted by name; numbers in attributes
 * rounded to two decimals; ids renumbered in document order (and the url(#…) and href="#…"
 * references to them); Plot's generated class names replaced. Text content is kept exactly,
 * since it is what a reader sees.
 */
export function normalise(root: SvgRoot): string {
  const ids = new Map<string, string>();
  for (const el of [root, ...root.querySelectorAll('[id]')]) {
    const id = el.getAttribute('id');
    if (id && !ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
  }
  const value = (name: string, v: string): string => {
    if (name === 'id') return ids.get(v) ?? v;
    let out = v
      .replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : m))
      .replace(/^#(.+)$/, (m, id: string) => (ids.has(id) && /href$/.test(name) ? `#${ids.get(id)}` : m))
      .replace(plotClass, 'plot-class');
    // Font names, class names and the text alternative carry no measurements.
    // Hex colours are names, not measurements.
    if (name !== 'font-family' && name !== 'class' && name !== 'aria-label' && !/^#[0-9a-f]{3,8}$/i.test(out)) out = out.replace(number, roundNumber);
    return out;
  };
  const lines: string[] = [];
  const walk = (el: Element, depth: number) => {
    const tag = el.tagName.toLowerCase();
    const attrs = [...el.attributes]
      .map((a) => [a.name, value(a.name, a.value)] as const)
      .filter(([name]) => name !== 'xmlns')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (depth === 0) attrs.unshift(['xmlns', SVG_NS]);
    const open = `<${tag}${attrs.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')}`;
    const indent = '  '.repeat(depth);
    const children = [...el.childNodes];
    const elements = children.filter((n) => n.nodeType === 1) as Element[];
    if (children.length === 0) lines.push(`${indent}${open}/>`);
    else if (elements.length === 0) lines.push(`${indent}${open}>${escapeText(el.textContent ?? '')}</${tag}>`);
    else {
      lines.push(`${indent}${open}>`);
      for (const child of children) {
        if (child.nodeType === 1) walk(child as Element, depth + 1);
        else if (child.nodeType === 3 && (child.textContent ?? '').trim()) lines.push(`${indent}  ${escapeText(child.textContent!)}`);
      }
      lines.push(`${indent}</${tag}>`);
    }
  };
  walk(root, 0);
  return `${lines.join('\n')}\n`;
}

const escapeAttribute = (t: string) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every <svg> of the rendering is an image for assistive technology, named by `label`. */
export function expectImage({ roots }: Rendered, label: string, count: number): void {
  expect(roots.length).toBe(count);
  let seen = 0;
  for (const root of roots) {
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe(label);
    seen++;
  }
  expect(seen).toBe(count);
}
