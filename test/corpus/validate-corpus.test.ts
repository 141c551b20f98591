/**
 * The gate's contract, case by case: a copy of data/ is mutated one way per case, and
 * `npm run validate` must either refuse it with the located bilingual message written out below,
 * or accept it, in which case `npm run build` must succeed on it too. No output may hold a stack
 * trace. Time and peak memory of every run are printed (figures, not assertions).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { cases, type CorpusCase, type Tools } from './corpus-cases.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'corpus-'));
const outDir = join(work, 'site');
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

/** Runs a script of the project in `cwd`, with its peak memory recorded by a preloaded hook. */
function run(script: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const peakFile = join(work, `peak-${Math.random().toString(36).slice(2)}`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', join(root, 'bench/lib/report-peak-memory.ts'), join(root, script), ...args], {
    cwd,
    env: { ...process.env, BENCH_PEAK_FILE: peakFile, ...env },
    encoding: 'utf8',
    // A guard against a hang, not a performance assertion: a case that hangs fails here.
    timeout: 120_000,
    maxBuffer: 64 * 2 ** 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  const peaks = existsSync(peakFile) ? readFileSync(peakFile, 'utf8').trim().split('\n').map(Number) : [0];
  return { status: r.status, signal: r.signal, output: `${r.stdout}${r.stderr}`, seconds, peakMiB: Math.max(...peaks) / 2 ** 20 };
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
    remove: (file) => unlinkSync(join(dir, file)),
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

describe(`the gate on ${cases.length} mutations of data/`, () => {
  it('has at least 60 cases, with distinct names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases)
    it(`${c.kind}: ${c.name}`, () => {
      const dir = c.dataDir ? c.dataDir(work) : prepare(c);
      const v = run('scripts/validate.ts', [basename(dir)], dirname(dir));
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
        const g = run('scripts/validate.ts', [basename(dir), '--github'], dirname(dir));
        const lines = g.output.split('\n');
        for (const l of lines.filter((x) => x.startsWith('::'))) expect(l).toMatch(/^::(error|warning) file=[^:,%]*\.(csv|json)(,line=\d+)?(,col=\d+)?::[^\r\n]*$/);
        expect(lines.filter((l) => /^`{3,}/.test(l))).toHaveLength(2);
      }

      if (c.exit === 0) {
        const b = run('scripts/build.ts', [], root, { DATA_DIR: dir, OUT_DIR: outDir });
        figures.push(`${c.name} | build | ${b.status} | ${b.seconds.toFixed(2)} | ${b.peakMiB.toFixed(0)}`);
        expect(b.output).not.toMatch(stackTrace);
        expect(b.status, b.output).toBe(0);
        expect(existsSync(join(outDir, 'index.html'))).toBe(true);
        if (c.built) c.built(outDir);
      }
    });
});
