/**
 * Reads what test/timing.ts wrote and prints, per test file, its wall seconds and CPU seconds, the
 * totals, and the wall span from the first file's start to the last one's end.
 *
 *   node test/timing-report.ts /tmp/timing.jsonl
 */
import { readFileSync } from 'node:fs';

interface Line {
  file: string;
  pid: number;
  start: number;
  end: number;
  cpuSelf: number | null;
  cpuChildren: number | null;
}

const lines = readFileSync(process.argv[2]!, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Line);
const t0 = Math.min(...lines.map((l) => l.start));
const rows = lines
  .map((l) => ({ ...l, wall: (l.end - l.start) / 1000, cpu: (l.cpuSelf ?? 0) + (l.cpuChildren ?? 0) }))
  .sort((a, b) => b.cpu - a.cpu);
console.log('start s | wall s | cpu s (own + children) | file');
for (const r of rows) console.log(`${((r.start - t0) / 1000).toFixed(1).padStart(7)} | ${r.wall.toFixed(1).padStart(6)} | ${r.cpu.toFixed(1).padStart(6)} (${(r.cpuSelf ?? 0).toFixed(1)} + ${(r.cpuChildren ?? 0).toFixed(1)}) | ${r.file}`);
const cpu = rows.reduce((s, r) => s + r.cpu, 0);
const span = (Math.max(...lines.map((l) => l.end)) - t0) / 1000;
console.log(`${rows.length} files, ${cpu.toFixed(0)} CPU s in test files, ${span.toFixed(0)} s from the first file's start to the last one's end`);
