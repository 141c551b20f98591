/**
 * Starts `astro dev` for a site folder with the data watcher, for data-watch.test.ts: prints the
 * port as one JSON line, and stops when its standard input closes. A separate process, started
 * without the test runner's Vite variables, because a dev server inside the runner serves no page.
 * Usage: node dev-server.fixture.ts <site root> <data dir>
 */
import { dev } from 'astro';
import { dataWatch } from '../../src/integrations/data-watch.ts';

const [root, dataDir] = process.argv.slice(2);
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const server = await dev({
  root,
  configFile: false,
  // Its data folder is one bare CSV, not a data folder the gate would accept.
  integrations: [dataWatch({ dataDir, debounceMs: 20, checkData: false })],
  logLevel: 'error',
  server: { host: '127.0.0.1', port: 0 },
  devToolbar: { enabled: false },
});
console.log(JSON.stringify({ port: server.address.port }));
process.stdin.resume();
process.stdin.on('end', async () => {
  await server.stop();
  process.exit(0);
});
