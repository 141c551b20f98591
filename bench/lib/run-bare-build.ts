/**
 * The bare build (bench/bare/): Astro's own build of the pages listed in BARE_MANIFEST into
 * BARE_OUT_DIR, started the way scripts/build.ts starts the site's.
 */
import { join } from 'node:path';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { build } = await import('astro');
await build({ root: join(import.meta.dirname, '..', 'bare'), logLevel: 'warn' });
