/**
 * The bare build (bench/bare/): Astro's own build of the pages listed in BARE_MANIFEST into
 * BARE_OUT_DIR, started the way scripts/build.ts starts the site's, with Node's compile cache as
 * the site's build has it, so that the comparison is of the builds' work and not of their start.
 */
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';

enableCompileCache();
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { build } = await import('astro');
await build({ root: join(import.meta.dirname, '..', 'bare'), logLevel: 'warn' });
