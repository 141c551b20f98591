/**
 * `npm run bench:data -- --areas N --vintages V --out DIR [--seed S] [--from DIR]`: writes a valid
 * data directory shaped like data/ with N areas and V vintages (see bench/lib/synthetic-data.ts),
 * for building and profiling the site at national scale. The same seed gives the same files.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generateDataDir } from './lib/synthetic-data.ts';

const { values } = parseArgs({
  options: {
    areas: { type: 'string', default: '1900' },
    vintages: { type: 'string', default: '10' },
    out: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    from: { type: 'string' },
  },
});
if (!values.out) {
  console.error('usage: npm run bench:data -- --areas N --vintages V --out DIR [--seed S] [--from DIR]');
  process.exit(2);
}

const t0 = performance.now();
const summary = generateDataDir({ areas: Number(values.areas), vintages: Number(values.vintages), outDir: values.out, seed: Number(values.seed), from: values.from });
const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
console.log(
  `${summary.outDir}: ${summary.areas} areas (${summary.byKind.designated_city} designated cities, ${summary.byKind.ward} wards, ` +
    `${summary.byKind.city} other municipalities), vintages ${summary.years[0]}–${summary.years.at(-1)}, ` +
    `${rows.toLocaleString('en')} generated rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
for (const [table, n] of Object.entries(summary.rows)) console.log(`  ${table}.csv: ${n.toLocaleString('en')} rows`);
