/**
 * `npm run bench:validate [-- ROWS]`: generates a population-shaped CSV of ROWS rows (default one
 * million) with the real population schema, validates it, and prints rows per second and peak
 * memory. A benchmark, not a test: the figures depend on the machine.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseTableSchema } from '../src/lib/schema/table-schema.ts';
import { validateTable } from '../src/lib/validate/validate-table.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const parsed = parseTableSchema(JSON.parse(readFileSync('data/population.schema.json', 'utf8')));
if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));

// Unique keys: one area code per row over many dates, as a national multi-year file would have.
const t0 = performance.now();
const lines = ['area_code,as_of,population,aged_75_plus,aged_75_plus_share_printed_pct'];
for (let i = 0; i < rows; i++) {
  const code = String(10000 + (i % 89999)).padStart(5, '0');
  const day = new Date(Date.UTC(2000, 0, 1 + Math.floor(i / 89999))).toISOString().slice(0, 10);
  const population = 1000 + ((i * 7919) % 900000);
  const aged = Math.floor(population * 0.12);
  lines.push(`${code},${day},${population},${aged},${((aged / population) * 100).toFixed(1)}`);
}
const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
const generated = performance.now() - t0;

const t1 = performance.now();
const result = validateTable('bench.csv', bytes, parsed.schema);
const seconds = (performance.now() - t1) / 1000;
const errors = result.problems.filter((p) => p.severity === 'error').length;
if (errors > 0 || result.table?.rows.length !== rows) throw new Error(`expected ${rows} valid rows, got ${result.table?.rows.length} with ${errors} errors`);

const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(`file: ${rows.toLocaleString('en')} rows, ${(bytes.length / 2 ** 20).toFixed(1)} MiB (generated in ${(generated / 1000).toFixed(1)} s)`);
console.log(`validated: ${seconds.toFixed(2)} s, ${Math.round(rows / seconds).toLocaleString('en')} rows/s`);
console.log(`peak memory (max RSS): ${peakMiB.toFixed(0)} MiB`);
