/**
 * The gate's contract, case by case: a copy of data/ is mutated one way per case, and
 * `npm run validate` must either refuse it with the located bilingual message written out below,
 * or accept it, in which case `npm run build` must succeed on it too. No output may hold a stack
 * trace. Time and peak memory of every run are printed (figures, not assertions).
 *
 * Validation runs two cases at a time, one per core, each in a process that keeps the gate's
 * modules loaded from one case to the next and runs the script anew for each
 * (test/corpus/validate-runner.ts): Node's start and the module loading were two thirds of the
 * corpus's validation time, and test/scripts/validate.test.ts starts the command itself. What
 * validate accepts is then built, each build a process of its own, with as few builds as keep that
 * promise (see "what validate accepts builds" below).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { SectionId } from '../../src/lib/config/site-config.ts';
import { runGate } from '../../src/lib/pipeline.ts';
import { sectionPath } from '../../src/lib/present/sections.ts';
import { cases, type CorpusCase, type Tools } from './corpus-cases.ts';
import { gateFingerprint } from './gate-fingerprint.ts';
import { runnerPool } from './validate-pool.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'corpus-'));
const figures: string[] = [];
const validators = runnerPool(join(root, 'test/corpus/validate-runner.ts'));
afterAll(() => {
  validators.close();
  console.log(['case | command | exit | seconds | peak MiB (validate: its process so far)', ...figures].join('\n'));
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

/** `npm run validate` with `args`, run in `cwd`. */
const validate = (args: string[], cwd: string): Promise<Run> => inSlot(() => validators.run(join(root, 'scripts/validate.ts'), args, cwd, patience.validate));

/** Runs a script of the project in `cwd`, with its peak memory recorded by a preloaded hook. */
function run(script: string, args: string[], cwd: string, env: Record<string, string>, timeout: number): Promise<Run> {
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
 * The pages a data folder's configuration declares: in every language of site.json (the first at
 * the root, the others under their path or code), every page of its nav that its data feeds (the
 * budget also needs the configuration's budget area) and a page for every area of areas.csv.
 */
function declaredPages(dataDir: string): string[] {
  const site = JSON.parse(readFileSync(join(dataDir, 'site.json'), 'utf8').replace(/^\uFEFF/, '')) as { languages: (string | { code: string; path?: string })[]; nav: string[]; budgetArea?: string };
  const prefixes = site.languages.map((l, i) => (i === 0 ? '' : `${typeof l === 'string' ? l : (l.path ?? l.code)}/`));
  const codes = readFileSync(join(dataDir, 'areas.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[0]!.trim().replace(/^"(.*)"$/, '$1')).filter(Boolean);
  const nav = (site.nav as SectionId[]).filter((n) => (!fedBy[n] || hasRows(join(dataDir, fedBy[n]))) && (n !== 'budget' || Boolean(site.budgetArea)));
  return prefixes.flatMap((p) => [...nav.map((n) => `${p}${sectionPath(n)}`), ...codes.map((c) => `${p}wards/${c}/`)]);
}

/** The declared pages a built site lacks: a build that succeeds with pages missing fails here. */
function declaredPagesMissing(dataDir: string, outDir: string): string[] {
  const expected = declaredPages(dataDir);
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
      const v = await validate([basename(dir)], dirname(dir));
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
        const g = await validate([basename(dir), '--github'], dirname(dir));
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
 *    equals the built one's.
 * 2. Cases whose changes to data/ touch different files are built together, a few to a folder:
 *    each changed file (or link, or removed file) of such a folder is exactly one case's, so every
 *    case's mutation is in the build as it is in the case. Only cases whose folders declare the
 *    same pages are combined (a configuration that drops a section would hide another case's pages
 *    of it), and cases with checks of their own on the built site only with each other (a cell
 *    another case blanks can rightly change what such a check reads). The combined folder must
 *    pass the gate, and its site must have every page each case's own folder declares. Each
 *    case's own checks on the built site run on that build.
 * 3. If a combined build fails, or a case's checks fail on it, that case is built alone as well,
 *    and the failure says whether it fails alone too.
 *
 * Combining is what keeps this corpus, which builds 30 accepted cases, to a handful of builds:
 * each build of data/ is half a minute of CPU.
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
const builds: Build[] = [];

/** A path's state in a data folder: absent, a link and its target, or a file's bytes. */
type PathState = { kind: 'absent' } | { kind: 'link'; target: string } | { kind: 'file'; bytes: Buffer };

function stateOf(dir: string, path: string): PathState {
  const stat = lstatSync(join(dir, path), { throwIfNoEntry: false });
  if (!stat) return { kind: 'absent' };
  if (stat.isSymbolicLink()) return { kind: 'link', target: readlinkSync(join(dir, path)) };
  if (!stat.isFile()) throw new Error(`${path} in ${dir}: neither a file nor a link`);
  return { kind: 'file', bytes: readFileSync(join(dir, path)) };
}

const sameState = (a: PathState, b: PathState) =>
  a.kind === b.kind && (a.kind !== 'link' || a.target === (b as { target: string }).target) && (a.kind !== 'file' || a.bytes.equals((b as { bytes: Buffer }).bytes));

/** The paths of files and links under a folder (not descending into linked folders). */
function pathsOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** The paths where a folder differs from data/: changed, added, removed, or a link where data/ has a file. */
function changedPaths(dir: string): string[] {
  const reference = join(root, 'data');
  const paths = [...new Set([...pathsOf(reference), ...pathsOf(dir)])].sort();
  return paths.filter((p) => !sameState(stateOf(reference, p), stateOf(dir, p)));
}

/** Sets `path` in `dir` to its state in `from`. */
function copyState(from: string, dir: string, path: string) {
  const state = stateOf(from, path);
  rmSync(join(dir, path), { force: true });
  if (state.kind === 'absent') return;
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  if (state.kind === 'link') symlinkSync(state.target, join(dir, path));
  else writeFileSync(join(dir, path), state.bytes);
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

/** A build of `dir` succeeded with every page the case's own folder declares, and the case's checks hold on it. */
async function checkBuild(c: CorpusCase, b: Build) {
  const r = await startBuild(b);
  expect(r.output).not.toMatch(stackTrace);
  expect(r.status, r.output).toBe(0);
  expect(declaredPagesMissing(acceptedDirs.get(c.name)!, r.outDir)).toEqual([]);
  if (c.built) c.built(r.outDir);
}

// After the gate's cases (a suite of its own, not concurrent with them): the plan, then the builds, two at a time.
describe(`what validate accepts builds (${acceptedCases.length} cases)`, () => {
  it('plans one build per distinct input, combining cases that change different files', () => {
    const byFingerprint = new Map<string, { build: Build; representative: string }>();
    const distinct: { build: Build; paths: string[]; group: string }[] = [];
    for (const c of acceptedCases) {
      const dir = acceptedDirs.get(c.name);
      if (!dir) continue;
      const fingerprint = gateFingerprint(dir, root);
      const same = byFingerprint.get(fingerprint);
      if (same) {
        same.build.members.push(c.name);
        plan.set(c.name, same);
        continue;
      }
      const b: Build = { key: `case-${distinct.length}`, dir, members: [c.name] };
      byFingerprint.set(fingerprint, { build: b, representative: c.name });
      plan.set(c.name, { build: b, representative: c.name });
      distinct.push({ build: b, paths: changedPaths(dir), group: '' });
    }
    // Cases with checks of their own on the built site are combined only with each other: a cell
    // another case blanks can rightly change the page such a check reads.
    for (const d of distinct) d.group = `${d.build.members.some((m) => acceptedCases.find((c) => c.name === m)!.built)}\n${declaredPages(d.build.dir).join('\n')}`;
    // First fit into folders where no two inputs change the same path, and every input declares
    // the same pages: a configuration that drops a section would hide the other cases' pages of it.
    const batches: { paths: Set<string>; group: string; parts: typeof distinct }[] = [];
    for (const d of distinct) {
      // A case equal to data/ in every byte (none today) is built as it is.
      const batch = d.paths.length === 0 ? undefined : batches.find((x) => x.group === d.group && d.paths.every((p) => !x.paths.has(p)));
      if (batch) batch.parts.push(d);
      else batches.push({ paths: new Set(), group: d.group, parts: [d] });
      for (const p of d.paths) (batch ?? batches.at(-1)!).paths.add(p);
    }
    for (const [i, batch] of batches.entries()) {
      if (batch.parts.length === 1) {
        builds.push(batch.parts[0]!.build);
        continue;
      }
      const dir = join(work, 'combined', `folder-${i}`);
      cpSync(join(root, 'data'), dir, { recursive: true, verbatimSymlinks: true });
      for (const part of batch.parts) for (const p of part.paths) copyState(part.build.dir, dir, p);
      // The combined folder differs from data/ exactly where its cases do, each path as its one case has it.
      const owner = new Map(batch.parts.flatMap((part) => part.paths.map((p) => [p, part.build.dir] as const)));
      expect(changedPaths(dir)).toEqual([...owner.keys()].sort());
      for (const [p, from] of owner) expect(sameState(stateOf(dir, p), stateOf(from, p)), p).toBe(true);
      expect(runGate(dir, root, { requireSiteConfig: true }).problems.filter((p) => p.severity === 'error')).toEqual([]);
      const combined: Build = { key: `combined-${i}`, dir, members: batch.parts.flatMap((p) => p.build.members) };
      for (const part of batch.parts) for (const m of part.build.members) plan.set(m, { build: combined, representative: plan.get(m)!.representative, alone: part.build });
      builds.push(combined);
    }
    const combined = builds.filter((b) => b.key.startsWith('combined-'));
    console.log(`corpus: ${acceptedCases.length} accepted cases, ${distinct.length} distinct build inputs, ${builds.length} builds (${combined.length} of them of combined folders: ${combined.map((b) => b.members.length).join(', ')} cases)`);
    expect(acceptedDirs.size).toBe(acceptedCases.length);
    expect(plan.size).toBe(acceptedCases.length);
    // Every accepted case is in exactly one build.
    expect(builds.flatMap((b) => b.members).sort()).toEqual(acceptedCases.map((c) => c.name).sort());
    expect(builds.length).toBeLessThanOrEqual(distinct.length);
  });

  for (const c of acceptedCases)
    it.concurrent(`builds: ${c.name}`, { timeout: 900_000 }, async () => {
      const planned = plan.get(c.name);
      expect(planned, 'in the plan').toBeDefined();
      const { build, representative, alone } = planned!;
      expect(build.members).toContain(c.name);
      // A case that shares another's build reads what that build read: the same fingerprint.
      if (representative !== c.name) expect(gateFingerprint(acceptedDirs.get(c.name)!, root)).toBe(gateFingerprint(acceptedDirs.get(representative)!, root));
      try {
        await checkBuild(c, build);
      } catch (together) {
        if (!alone) throw together;
        try {
          await checkBuild(c, alone);
        } catch (own) {
          throw new Error(`fails built alone as well:\n${(own as Error).message}`, { cause: own });
        }
        throw new Error(`passes built alone, but not together with ${build.members.filter((m) => m !== c.name).join(', ')}:\n${(together as Error).message}`, { cause: together });
      }
    });
});
