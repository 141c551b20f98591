/**
 * The pages the browser checks visit: a deterministic sample that holds every page family in
 * every language, instead of all ~900 pages.
 *
 * A family is one template filled with one kind of data: the address with its language prefix
 * removed, each area code replaced by the area's kind (designated city, ward, municipality: they
 * get different sections) and each declared metric replaced by `:metric`. So `wards/:ward/vs/:ward`
 * (153 pages per language) is one family, `wards/:designated_city` another, and a page type that
 * exists once (the budget page, an embed page of one chart) is a family of its own. Pages of one
 * family share their markup, styles and scripts and differ only in the figures and names they show.
 *
 * From each family (per language) the sample takes its first page in address order, its largest
 * file (the longest tables and the most sections) and the page with the longest title (the longest
 * names), and its last page where those three are one; a family of one page is taken whole. So every template is checked
 * in every language, at its data's extremes. Pages that moved are stubs sending the browser on
 * (meta refresh): their targets are in the sample instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { siteLanguages } from '../../src/lib/i18n/languages.ts';

export interface PageSample {
  /** Sampled page addresses (`/en/wards/14101/`), sorted. */
  paths: string[];
  /** Every family, as `<language> <family>`, with the number of pages it has. */
  families: Map<string, number>;
  /** The family of each page of the site, sampled or not. */
  familyOf: Map<string, string>;
  /** How many pages (not moved) the site has. */
  total: number;
}

export function samplePages(site: string, dataDir = 'data'): PageSample {
  const kinds = new Map(
    readFileSync(join(dataDir, 'areas.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .map((c) => [c[0]!, c[2]!]),
  );
  const metrics = new Set((JSON.parse(readFileSync(join(dataDir, 'metrics.json'), 'utf8')) as { id: string }[]).map((m) => m.id));
  const prefixes = siteLanguages(dataDir).map((l) => ({ code: l.code, path: l.path }));
  const files = readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !readFileSync(join(site, f), 'utf8').includes('http-equiv="refresh"'))
    .sort();
  const groups = new Map<string, string[]>();
  const familyOf = new Map<string, string>();
  for (const f of files) {
    const path = '/' + f.replace(/index\.html$/, '');
    const segments = f.split('/').slice(0, -1);
    const lang = prefixes.find((l) => l.path && segments[0] === l.path) ?? prefixes.find((l) => !l.path)!;
    if (lang.path) segments.shift();
    const shape = segments.map((s) => (kinds.has(s) ? `:${kinds.get(s)}` : metrics.has(s) ? ':metric' : s.replace(/\d{5}/g, ':area'))).join('/');
    const family = `${lang.code} ${shape || (f.endsWith('index.html') ? '(home)' : f)}`;
    familyOf.set(path, family);
    let g = groups.get(family);
    if (!g) groups.set(family, (g = []));
    g.push(path);
  }
  const fileOf = (path: string) => join(site, path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1));
  const title = (path: string) => /<title>([^<]*)<\/title>/.exec(readFileSync(fileOf(path), 'utf8'))?.[1] ?? '';
  const most = (paths: string[], measure: (p: string) => number) => paths.reduce((best, p) => (measure(p) > measure(best) ? p : best));
  const chosen = new Set<string>();
  for (const paths of groups.values()) {
    const picks = new Set([paths[0]!, most(paths, (p) => statSync(fileOf(p)).size), most(paths, (p) => title(p).length)]);
    // Where the three are one page (a chart's embed pages share a title, and the first is the
    // largest), the family's last page too: two pages of every family of two or more.
    if (picks.size === 1 && paths.length > 1) picks.add(paths.at(-1)!);
    for (const p of picks) chosen.add(p);
  }
  return { paths: [...chosen].sort(), families: new Map([...groups].map(([k, v]) => [k, v.length])), familyOf, total: files.length };
}
