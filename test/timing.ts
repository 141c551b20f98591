/**
 * Where a test run's time goes, file by file, when TEST_TIMING_FILE names a file to append to
 * (one JSON line per test file): when the file started and ended (wall clock, from before its
 * imports to after its last hook) and the CPU seconds it used, its own and its child processes'
 * (builds, validations, the browser), read from /proc. On a machine shared with other work, wall
 * times stretch but CPU seconds barely move: they say what each file costs.
 *
 *   TEST_TIMING_FILE=/tmp/timing.jsonl npx vitest run
 *   node test/timing-report.ts /tmp/timing.jsonl
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, expect } from 'vitest';

const out = process.env.TEST_TIMING_FILE;

/** CPU seconds of this process and of its waited-for children, from /proc/self/stat (Linux). */
function cpu(): { self: number; children: number } | null {
  try {
    // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    // utime, stime, cutime, cstime are fields 14–17 of stat(5): 12–15 after the name.
    const tick = 100;
    return { self: (fields[11]! + fields[12]!) / tick, children: (fields[13]! + fields[14]!) / tick };
  } catch {
    return null;
  }
}

if (out) {
  const start = { wall: Date.now(), cpu: cpu() };
  afterAll(() => {
    const end = cpu();
    const file = relative(process.cwd(), expect.getState().testPath ?? '');
    const line = {
      file,
      pid: process.pid,
      start: start.wall,
      end: Date.now(),
      // The whole process's own CPU, its start-up and imports included: a worker runs one file.
      cpuSelf: end ? +end.self.toFixed(2) : null,
      cpuChildren: end && start.cpu ? +(end.children - start.cpu.children).toFixed(2) : null,
    };
    appendFileSync(out, JSON.stringify(line) + '\n');
  });
}
