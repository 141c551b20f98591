/**
 * Preloaded into a measured build (`node --import`): when the process exits, appends its peak
 * resident memory in bytes to the file named by BENCH_PEAK_FILE. Used where /usr/bin/time is
 * missing, and as a cross-check where it is not.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_FILE;
// resourceUsage().maxRSS is in kilobytes and covers every thread of the process.
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS * 1024}\n`));
