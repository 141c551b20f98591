/**
 * Runs `node scripts/build.ts` once as a child process on a data folder and measures it: wall
 * seconds from spawn to exit, and peak resident memory. Peak memory comes from GNU time
 * (`/usr/bin/time -v`, "Maximum resident set size"), which also covers processes the build
 * starts; without it, from the build's own process.resourceUsage() at exit, via a preload.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';

export interface BuildMeasurement {
  ok: boolean;
  exitCode: number | null;
  timedOut: boolean;
  seconds: number;
  /** User plus system CPU seconds of the build and its children (GNU time), when measured. */
  cpuSeconds: number | null;
  peakBytes: number | null;
  peakMethod: 'gnu-time' | 'resource-usage' | null;
  /** The build process's own peak (resourceUsage), whichever method `peakBytes` used. */
  nodePeakBytes: number | null;
  /** The end of the build's error output, for a failed build. */
  stderrTail: string;
}

export interface BuildRun {
  root: string;
  dataDir: string;
  outDir: string;
  timeoutSeconds: number;
  /** The script and its arguments, relative to root (default: the site's build, scripts/build.ts). */
  script?: string[];
  /** More environment for the build. */
  env?: Record<string, string>;
}

/** Builds `dataDir` into `outDir` and measures the build. */
export async function measureBuild(run: BuildRun): Promise<BuildMeasurement> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-build-'));
  const timeFile = join(scratch, 'time.txt');
  const peakFile = join(scratch, 'peak.txt');
  const node = [process.execPath, '--import', join(import.meta.dirname, 'report-peak-memory.ts'), ...(run.script ?? ['scripts/build.ts'])];
  const useTime = existsSync(GNU_TIME);
  const [command, ...args] = useTime ? [GNU_TIME, '-v', '-o', timeFile, ...node] : node;

  const started = performance.now();
  const child = spawn(command!, args, {
    cwd: run.root,
    env: { ...process.env, DATA_DIR: run.dataDir, OUT_DIR: run.outDir, BENCH_PEAK_FILE: peakFile, ...run.env },
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group, so that a timeout can stop the build and everything it started.
    detached: true,
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, run.timeoutSeconds * 1000);
  // A detached build would outlive an interrupted benchmark.
  const interrupted = () => {
    stop();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  const exitCode = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearTimeout(timer);
  process.off('SIGINT', interrupted);
  const seconds = (performance.now() - started) / 1000;

  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  const timeReport = read(timeFile);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeReport);
  // CPU seconds (user + system) say more than wall seconds on a machine that other work shares.
  const user = /User time \(seconds\): ([\d.]+)/.exec(timeReport);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(timeReport);
  const nodePeaks = read(peakFile).split('\n').filter(Boolean).map(Number);
  const nodePeakBytes = nodePeaks.length ? Math.max(...nodePeaks) : null;
  rmSync(scratch, { recursive: true, force: true });
  const peakMethod = kb ? 'gnu-time' : nodePeakBytes !== null ? 'resource-usage' : null;
  return {
    ok: exitCode === 0 && !timedOut,
    exitCode,
    timedOut,
    seconds,
    cpuSeconds: user && sys ? Number(user[1]) + Number(sys[1]) : null,
    peakBytes: kb ? Number(kb[1]) * 1024 : nodePeakBytes,
    peakMethod,
    nodePeakBytes,
    stderrTail: exitCode === 0 ? '' : stderr,
  };
}
