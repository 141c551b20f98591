/**
 * `npm run bench:validate [-- ROWS] [--mb N] [--duplicates]`: generates a population-shaped CSV
 * with the real population schema, validates it, and prints rows per second and peak memory.
 * ROWS rows (default one million), or, with --mb, as many rows as make N MiB. --duplicates gives
 * every row the same key, the worst case for the number of problems. A benchmark, not a test:
 * the figures depend on the machine.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseTableSchema } from '../src/lib/schema/table-schema.ts';
import { validateTable } from '../src/lib/validate/validate-table.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const megabytes = option('--mb') === undefined ? undefined : Number(option('--mb'));
const duplicates = args.includes('--duplicates');
const rowsArg = args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--mb');
const parsed = parseTableSchema(JSON.parse(readFileSync('data/population.schema.json', 'utf8')));
if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));

// Unique keys: one area code per row over many dates, as a national multi-year file would have.
const t0 = performance.now();
const header = 'area_code,as_of,population,aged_75_plus,aged_75_plus_share_printed_pct\n';
const target = megabytes === undefined ? Infinity : megabytes * 2 ** 20;
const maxRows = megabytes === undefined ? Number(rowsArg ?? 1_000_000) : Infinity;
const chunks: Buffer[] = [Buffer.from(header)];
let size = header.length;
let rows = 0;
let batch: string[] = [];
while (rows < maxRows && size < target) {
  const i = rows++;
  const code = duplicates ? '10000' : String(10000 + (i % 89999)).padStart(5, '0');
  const day = duplicates ? '2000-01-01' : new Date(Date.UTC(2000, 0, 1 + Math.floor(i / 89999))).toISOString().slice(0, 10);
  const population = 1000 + ((i * 7919) % 900000);
  const aged = Math.floor(population * 0.12);
  const line = `${code},${day},${population},${aged},${((aged / population) * 100).toFixed(1)}\n`;
  batch.push(line);
  size += line.length;
  if (batch.length === 10_000) {
    chunks.push(Buffer.from(batch.join('')));
    batch = [];
  }
}
chunks.push(Buffer.from(batch.join('')));
const bytes = new Uint8Array(Buffer.concat(chunks));
chunks.length = 0;
const generated = performance.now() - t0;
const rssBefore = process.memoryUsage().rss;

const t1 = performance.now();
const result = validateTable('bench.csv', bytes, parsed.schema);
const seconds = (performance.now() - t1) / 1000;
const errors = result.problems.filter((p) => p.severity === 'error').length;
if (!duplicates && (errors > 0 || result.table?.rows.length !== rows))
  throw new Error(`expected ${rows} valid rows, got ${result.table?.rows.length} with ${errors} errors`);

const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(`file: ${rows.toLocaleString('en')} rows, ${(bytes.length / 2 ** 20).toFixed(1)} MiB${duplicates ? ', every key the same' : ''} (generated in ${(generated / 1000).toFixed(1)} s)`);
console.log(`validated: ${seconds.toFixed(2)} s, ${Math.round(rows / seconds).toLocaleString('en')} rows/s`);
console.log(`problems kept: ${result.problems.length} (${errors} errors)`);
console.log(`memory before validating (RSS, file in memory): ${(rssBefore / 2 ** 20).toFixed(0)} MiB`);
console.log(`peak memory (max RSS): ${peakMiB.toFixed(0)} MiB`);
