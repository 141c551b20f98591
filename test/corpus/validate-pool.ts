/**
 * Runs a script of the project the way test/corpus/validate-runner.ts does: in long-lived child
 * processes that load the gate's modules once, one request per process at a time. A request that
 * runs past its time kills its process (the next request starts a new one) and comes back with
 * the signal, as a hung `npm run validate` would; a process that dies mid-request reports its exit
 * code and what it wrote.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface PoolRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  seconds: number;
  /** The runner process's peak resident memory so far, in MiB: a request's own peak is at most that. */
  peakMiB: number;
}

interface Answer {
  id: number;
  status: number;
  output: string;
  peakBytes: number;
}

interface Runner {
  child: ChildProcess;
  /** What the process wrote outside a request's capture (Node's own messages when it dies). */
  stray: string;
}

export function runnerPool(runnerScript: string) {
  const idle: Runner[] = [];
  const all = new Set<Runner>();
  let next = 0;

  function start(): Runner {
    const child = fork(runnerScript, [], { execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const runner: Runner = { child, stray: '' };
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (runner.stray += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (runner.stray += d));
    all.add(runner);
    child.once('exit', () => all.delete(runner));
    return runner;
  }

  function run(script: string, args: string[], cwd: string, timeout: number, env: Record<string, string> = {}): Promise<PoolRun> {
    const runner = idle.pop() ?? start();
    const id = ++next;
    const t0 = performance.now();
    return new Promise<PoolRun>((done) => {
      const seconds = () => (performance.now() - t0) / 1000;
      const finish = (result: Omit<PoolRun, 'seconds'>, reusable: boolean) => {
        clearTimeout(timer);
        runner.child.off('message', onMessage);
        runner.child.off('close', onClosed);
        if (reusable) idle.push(runner);
        done({ ...result, seconds: seconds() });
      };
      const onMessage = (a: Answer) => {
        if (a.id !== id) return;
        finish({ status: a.status, signal: null, output: a.output, peakMiB: a.peakBytes / 2 ** 20 }, true);
      };
      // 'close' comes once the process has exited and its pipes are read to the end: all it wrote is in.
      const onClosed = (code: number | null, signal: NodeJS.Signals | null) => finish({ status: code, signal, output: runner.stray, peakMiB: 0 }, false);
      const timer = setTimeout(() => {
        runner.child.off('close', onClosed);
        runner.child.kill('SIGKILL');
        finish({ status: null, signal: 'SIGKILL', output: `${runner.stray}\n(stopped after ${timeout / 1000} s)`, peakMiB: 0 }, false);
      }, timeout);
      runner.child.on('message', onMessage);
      runner.child.once('close', onClosed);
      runner.stray = '';
      runner.child.send({ id, script, args, cwd, env });
    });
  }

  return {
    run,
    close() {
      for (const r of all) r.child.kill();
      idle.length = 0;
    },
  };
}
