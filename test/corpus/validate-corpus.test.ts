/**
 * The gate's contract, case by case: a copy of data/ is mutated one way per case, and
 * `npm run validate` must either refuse it with the located bilingual message written out below,
 * or accept it, in which case `npm run build` must succeed on it too. No output may hold a stack
 * trace. Time and peak memory of every run are printed (figures, not assertions).
 *
 * Validation runs two cases at a time (one child process per core). What validate accepts is then
 * built, with as few builds as keep that promise (see "what validate accepts builds" below).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { SectionId } from '../../src/lib/config/site-config.ts';
import { runGate } from '../../src/lib/pipeline.ts';
import { sectionPath } from '../../src/lib/present/sections.ts';
import { cases, type CorpusCase, type Tools } from './corpus-cases.ts';
import { gateFingerprint } from './gate-fingerprint.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'corpus-'));
const figures: string[] = [];
afterAll(() => {
  console.log(['case | command | exit | seconds | peak MiB', ...figures].join('\n'));
  rmSync(work, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  seconds: number;
  peakMiB: number;
}

/** At most two child processes at once: the machine has two cores. */
const slots = { free: 2, waiting: [] as (() => void)[] };
async function inSlot<T>(task: () => Promise<T>): Promise<T> {
  if (slots.free === 0) await new Promise<void>((go) => slots.waiting.push(go));
  else slots.free--;
  try {
    return await task();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}

/**
 * Guards against a hang, not performance assertions: a validation takes a second or two, a build
 * of data/ under a minute, but a machine shared with other work can stretch that several times.
 */
const patience = { validate: 120_000, build: 600_000 };

/** Runs a script of the project in `cwd`, with its peak memory recorded by a preloaded hook. */
function run(script: string, args: string[], cwd: string, env: Record<string, string> = {}, timeout = patience.validate): Promise<Run> {
  return inSlot(
    () =>
      new Promise<Run>((done, failed) => {
        const peakFile = join(work, `peak-${Math.random().toString(36).slice(2)}`);
        const t0 = performance.now();
        const child = spawn(process.execPath, ['--import', join(root, 'bench/lib/report-peak-memory.ts'), join(root, script), ...args], {
          cwd,
          env: { ...process.env, BENCH_PEAK_FILE: peakFile, ...env },
          // A case that hangs fails here.
          timeout,
          killSignal: 'SIGKILL',
        });
        let output = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
        child.once('error', failed);
        child.once('close', (status, signal) => {
          const seconds = (performance.now() - t0) / 1000;
          const peaks = existsSync(peakFile) ? readFileSync(peakFile, 'utf8').trim().split('\n').map(Number) : [0];
          const timedOut = signal !== null && seconds * 1000 >= timeout;
          done({ status, signal, output: timedOut ? `${output}\n(stopped after ${timeout / 1000} s)` : output, seconds, peakMiB: Math.max(...peaks) / 2 ** 20 });
        });
      }),
  );
}

const stackTrace = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

function prepare(c: CorpusCase): string {
  const dir = join(work, 'cases', c.name.replace(/[^a-z0-9]+/gi, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(work, 'cases'), { recursive: true });
  cpSync(join(root, 'data'), dir, { recursive: true });
  c.mutate(tools(dir));
  return dir;
}

function tools(dir: string): Tools {
  return {
    dir,
    edit(file, from, to) {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      const found = typeof from === 'string' ? text.includes(from) : from.test(text);
      if (!found) throw new Error(`mutation of ${file}: ${String(from)} not found`);
      writeFileSync(path, text.replace(from, to));
    },
    write: (file, content) => writeFileSync(join(dir, file), content),
    read: (file) => readFileSync(join(dir, file), 'utf8'),
    remove: (file) => rmSync(join(dir, file), { recursive: true }),
    link(file, target) {
      rmSync(join(dir, file), { force: true });
      symlinkSync(target, join(dir, file));
    },
    mkfifo(file) {
      rmSync(join(dir, file), { force: true });
      execFileSync('mkfifo', [join(dir, file)]);
    },
    mkdir(file) {
      rmSync(join(dir, file), { force: true });
      mkdirSync(join(dir, file));
    },
    encode: (text, encoding) => new Uint8Array(iconv.encode(text, encoding)),
  };
}

/**
 * A section whose page appears only when its table has rows (src/lib/present/sections.ts): a
 * configuration may list it in `nav` while the data has nothing for it.
 */
const fedBy: Record<string, string> = { hubs: 'hubs.csv', budget: 'budget_lines.csv', programmes: 'programmes.csv' };
const hasRows = (file: string) => existsSync(file) && readFileSync(file, 'utf8').trim().split(/\r?\n/).length > 1;

/**
 * The pages a data folder's configuration declares that its built site lacks: in every language
 * of site.json (the first at the root, the others under their path or code), every page of its
 * nav that its data feeds (the budget also needs the configuration's budget area) and a page for
 * every area of areas.csv. A build that succeeds with pages missing fails here.
 */
function declaredPagesMissing(dataDir: string, outDir: string): string[] {
  const site = JSON.parse(readFileSync(join(dataDir, 'site.json'), 'utf8').replace(/^\uFEFF/, '')) as { languages: (string | { code: string; path?: string })[]; nav: string[]; budgetArea?: string };
  const prefixes = site.languages.map((l, i) => (i === 0 ? '' : `${typeof l === 'string' ? l : (l.path ?? l.code)}/`));
  const codes = readFileSync(join(dataDir, 'areas.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[0]!.trim().replace(/^"(.*)"$/, '$1')).filter(Boolean);
  const nav = (site.nav as SectionId[]).filter((n) => (!fedBy[n] || hasRows(join(dataDir, fedBy[n]))) && (n !== 'budget' || Boolean(site.budgetArea)));
  const expected = prefixes.flatMap((p) => [...nav.map((n) => `${p}${sectionPath(n)}`), ...codes.map((c) => `${p}wards/${c}/`)]);
  // The real configuration declares 11 pages and 20 areas in 3 languages: no case declares none.
  if (expected.length < 3) return [`only ${expected.length} pages declared`];
  return expected.filter((path) => !existsSync(join(outDir, path, 'index.html')));
}

/** The folder of each case that validate accepted, by name. */
const acceptedDirs = new Map<string, string>();
const acceptedCases = cases.filter((c) => c.exit === 0);

describe.concurrent(`the gate on ${cases.length} mutations of data/`, () => {
  it('has at least 60 cases, with distinct names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases)
    it(`${c.kind}: ${c.name}`, async () => {
      const dir = c.dataDir ? c.dataDir(work) : prepare(c);
      const v = await run('scripts/validate.ts', [basename(dir)], dirname(dir));
      figures.push(`${c.name} | validate | ${v.status} | ${v.seconds.toFixed(2)} | ${v.peakMiB.toFixed(0)}`);
      expect(v.signal, v.output).toBeNull();
      expect(v.output).not.toMatch(stackTrace);
      expect(v.status, v.output).toBe(c.exit);
      for (const line of c.expect) expect(v.output).toContain(line);
      // Every problem line is located and bilingual: file:line:column: severity: 日本語 / English.
      const problemLines = v.output.split('\n').filter((l) => /: (error|warning): /.test(l));
      for (const l of problemLines) expect(l).toMatch(/^[^\s].*:\d+:\d+: (error|warning): .*[\u3040-\u30ff\u4e00-\u9fff].* \/ [ -~]/);
      if (c.exit === 1) expect(problemLines.some((l) => l.includes(': error: '))).toBe(true);
      if (c.also) c.also(v.output, dir);
      if (c.kind === 'ci') {
        // What the workflow runs: annotations on stderr and the summary on stdout, escaped.
        const g = await run('scripts/validate.ts', [basename(dir), '--github'], dirname(dir));
        const lines = g.output.split('\n');
        for (const l of lines.filter((x) => x.startsWith('::'))) expect(l).toMatch(/^::(error|warning) file=[^:,%]*\.(csv|json)(,line=\d+)?(,col=\d+)?::[^\r\n]*$/);
        expect(lines.filter((l) => /^`{3,}/.test(l))).toHaveLength(2);
      }
      if (c.exit === 0) acceptedDirs.set(c.name, dir);
    });
});

/**
 * What validate accepts builds. A build reads from the data folder only what `gateFingerprint`
 * covers (see gate-fingerprint.ts), so:
 *
 * 1. Cases whose fingerprints are equal would give the build the same input (a byte-order mark,
 *    CRLF line ends, Shift_JIS, full-width digits, thousands separators and an era date all read
 *    as the same rows): one build serves them all, and each case asserts that its fingerprint
 *    equals the built one's. Every case's own checks on the built site run on that build.
 * 2. Cases that only change the content of cells — the same files as data/, site.json and
 *    metrics.json untouched, no checks of their own on the built site — are built together, a
 *    few to a folder, when no two of them change the same file: each file of such a folder is
 *    exactly one case's file (or data/'s), so every case's mutation is in the build as it is in
 *    the case. The combined folder must pass the gate too. If its build fails, each of its cases
 *    is built alone as well, and the failure names both.
 * 3. Every other case (a table or section removed, a metric added, another configuration, or
 *    checks of its own on the built site) is built alone.
 */
interface Build {
  key: string;
  dir: string;
  /** The cases whose input this build reads. */
  members: string[];
  result?: Promise<Run & { outDir: string }>;
}
/** Each accepted case: the build it is checked by, the case whose input it shares, and its own build for a failed combined one. */
const plan = new Map<string, { build: Build; representative: string; alone?: Build }>();
const fingerprints = new Map<string, string>();
const builds: Build[] = [];

/** The files of a folder with their bytes (links as their targets), for telling which files a case changed. */
function fileBytes(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) if (statSync(join(dir, f)).isFile()) files.set(f, readFileSync(join(dir, f)));
  return files;
}

/** The files whose bytes differ from data/'s, or null when the case adds, removes or links a file. */
function changedFiles(dir: string, reference: Map<string, Buffer>): string[] | null {
  const files = fileBytes(dir);
  if ([...files.keys()].join('\n') !== [...reference.keys()].join('\n')) return null;
  if (readdirSync(dir, { recursive: true, withFileTypes: true }).some((e) => e.isSymbolicLink())) return null;
  return [...files].filter(([f, bytes]) => !bytes.equals(reference.get(f)!)).map(([f]) => f);
}

function startBuild(b: Build): Promise<Run & { outDir: string }> {
  b.result ??= (async () => {
    const outDir = join(work, 'sites', b.key);
    const r = await run('scripts/build.ts', [], root, { DATA_DIR: b.dir, OUT_DIR: outDir }, patience.build);
    figures.push(`${b.members.join(' + ')} | build | ${r.status} | ${r.seconds.toFixed(2)} | ${r.peakMiB.toFixed(0)}`);
    return { ...r, outDir };
  })();
  return b.result;
}

// After the gate's cases (a suite of its own, not concurrent with them): the plan, then the builds, two at a time.
describe(`what validate accepts builds (${acceptedCases.length} cases)`, () => {
  it('plans one build per distinct input, combining cases that change different files', () => {
    const reference = fileBytes(join(root, 'data'));
    const byFingerprint = new Map<string, { build: Build; representative: string }>();
    const separate: { build: Build; files: string[] | null; ownChecks: boolean }[] = [];
    for (const c of acceptedCases) {
      const dir = acceptedDirs.get(c.name);
      if (!dir) continue;
      const fingerprint = gateFingerprint(dir, root);
      fingerprints.set(c.name, fingerprint);
      const same = byFingerprint.get(fingerprint);
      if (same) {
        same.build.members.push(c.name);
        plan.set(c.name, same);
        continue;
      }
      const b: Build = { key: `case-${separate.length}`, dir, members: [c.name] };
      byFingerprint.set(fingerprint, { build: b, representative: c.name });
      plan.set(c.name, { build: b, representative: c.name });
      separate.push({ build: b, files: changedFiles(dir, reference), ownChecks: false });
    }
    for (const s of separate) s.ownChecks = s.build.members.some((m) => acceptedCases.find((c) => c.name === m)!.built);
    // Cells only, first fit into folders where no two cases change the same file.
    const batches: { files: Set<string>; parts: typeof separate }[] = [];
    for (const s of separate) {
      if (s.ownChecks || !s.files || s.files.length === 0 || s.files.includes('site.json') || s.files.includes('metrics.json')) {
        builds.push(s.build);
        continue;
      }
      const batch = batches.find((x) => s.files!.every((f) => !x.files.has(f)));
      if (batch) batch.parts.push(s);
      else batches.push({ files: new Set(), parts: [s] });
      for (const f of s.files) (batch ?? batches.at(-1)!).files.add(f);
    }
    for (const [i, batch] of batches.entries()) {
      if (batch.parts.length === 1) {
        builds.push(batch.parts[0]!.build);
        continue;
      }
      const dir = join(work, 'combined', `folder-${i}`);
      cpSync(join(root, 'data'), dir, { recursive: true });
      let copied = 0;
      for (const part of batch.parts) for (const f of part.files!) (cpSync(join(part.build.dir, f), join(dir, f)), copied++);
      // Each changed file comes from one case only.
      expect(copied).toBe(batch.files.size);
      expect(runGate(dir, root, { requireSiteConfig: true }).problems.filter((p) => p.severity === 'error')).toEqual([]);
      const combined: Build = { key: `combined-${i}`, dir, members: batch.parts.flatMap((p) => p.build.members) };
      for (const part of batch.parts) for (const m of part.build.members) plan.set(m, { build: combined, representative: plan.get(m)!.representative, alone: part.build });
      builds.push(combined);
    }
    const combined = builds.filter((b) => b.key.startsWith('combined-'));
    console.log(`corpus: ${acceptedCases.length} accepted cases, ${separate.length} distinct build inputs, ${builds.length} builds (${combined.length} of them of combined folders: ${combined.map((b) => b.members.length).join(', ')} cases)`);
    expect(acceptedDirs.size).toBe(acceptedCases.length);
    expect(plan.size).toBe(acceptedCases.length);
    // Every accepted case is in exactly one build.
    expect(builds.flatMap((b) => b.members).sort()).toEqual(acceptedCases.map((c) => c.name).sort());
    expect(builds.length).toBeLessThanOrEqual(separate.length);
  });

  for (const c of acceptedCases)
    it.concurrent(`builds: ${c.name}`, { timeout: 900_000 }, async () => {
      const planned = plan.get(c.name);
      expect(planned, 'in the plan').toBeDefined();
      const { build, representative, alone } = planned!;
      expect(build.members).toContain(c.name);
      // A case that shares another's build reads what that build read: the same fingerprint.
      if (representative !== c.name) expect(gateFingerprint(acceptedDirs.get(c.name)!, root)).toBe(gateFingerprint(acceptedDirs.get(representative)!, root));
      const r = await startBuild(build);
      expect(r.output).not.toMatch(stackTrace);
      if (r.status !== 0 && alone) {
        const own = await startBuild(alone);
        expect(own.status, `built alone: ${own.output}`).toBe(0);
        expect(r.status, `built alone, but not together with ${build.members.join(', ')}: ${r.output}`).toBe(0);
      }
      expect(r.status, r.output).toBe(0);
      expect(declaredPagesMissing(build.dir, r.outDir)).toEqual([]);
      if (c.built) c.built(r.outDir);
    });
});
