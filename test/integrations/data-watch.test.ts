/**
 * The dev-server data watcher: which files count as data, bursts of saves merged into one reload,
 * registered resets run (or, with none, the server-side modules re-evaluated), and, end to end, a
 * real `astro dev` serving a CSV edit without a restart.
 */
import { spawn } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { dataWatch, dataWatchPlugin, isDataFile, isRouteRequest } from '../../src/integrations/data-watch.ts';

function fakeServer() {
  const watcher = Object.assign(new EventEmitter(), { add: vi.fn() });
  const middlewares: ((req: unknown, res: unknown, next: () => void) => unknown)[] = [];
  const server = {
    watcher,
    ws: { send: vi.fn() },
    environments: { ssr: { hot: { send: vi.fn() } } },
    config: { logger: { info: vi.fn(), error: vi.fn() } },
    middlewares: { use: (m: (typeof middlewares)[number]) => middlewares.push(m) },
    middlewareList: middlewares,
  };
  return server;
}
/** A page request through the plugin's middlewares: the response it got, or null when passed on to the pages. */
async function request(server: ReturnType<typeof fakeServer>, url = '/', accept = 'text/html'): Promise<{ status: number; type: string; body: string } | null> {
  expect(server.middlewareList).toHaveLength(1);
  let passed = false;
  const res = { statusCode: 200, headers: {} as Record<string, string>, body: '', setHeader(k: string, v: string) { this.headers[k.toLowerCase()] = v; }, end(b: string) { this.body = b; } };
  await server.middlewareList[0]!({ method: 'GET', url, headers: { accept } }, res, () => (passed = true));
  return passed ? null : { status: res.statusCode, type: res.headers['content-type'] ?? '', body: res.body };
}
function start(dataDir: string, checkData = true) {
  const server = fakeServer();
  const plugin = dataWatchPlugin({ dataDir, debounceMs: 20, checkData });
  (plugin.configureServer as (s: unknown) => void)(server);
  return server;
}
// The first line a child prints; the stream keeps flowing afterwards, so the child never blocks.
function firstLine(stream: Readable): Promise<string> {
  return new Promise((done, fail) => {
    let text = '';
    stream.on('data', (chunk) => {
      text += String(chunk);
      if (text.includes('\n')) done(text.slice(0, text.indexOf('\n')));
    });
    stream.on('end', () => fail(new Error(`the dev server stopped before it started: ${text}`)));
  });
}
// A step that does not happen fails the test in seconds instead of hanging it.
function within<T>(promise: Promise<T>, what: string, ms = 30_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`timed out: ${what}`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
const settle = () => new Promise((r) => setTimeout(r, 60));

describe('isDataFile', () => {
  it('takes .csv and .json files inside the data folder only', () => {
    expect(isDataFile('data', 'data/population.csv')).toBe(true);
    expect(isDataFile('data', resolve('data/population.schema.json'))).toBe(true);
    expect(isDataFile('data', 'data/metrics.json')).toBe(true);
    expect(isDataFile('data', 'data/POPULATION.CSV')).toBe(true);
    expect(isDataFile('data', 'data/~$population.xlsx')).toBe(false);
    expect(isDataFile('data', 'src/pages/index.astro')).toBe(false);
    expect(isDataFile('data', 'data-old/population.csv')).toBe(false);
    expect(isDataFile('data', 'package.json')).toBe(false);
  });
});

describe('dataWatchPlugin', () => {
  it('watches the data folder, re-evaluates the server-side modules and reloads the page once per burst of saves', async () => {
    const server = start('data', false);
    expect(server.watcher.add).toHaveBeenCalledWith(resolve('data'));
    // A page was served, so the server-side modules may hold data.
    expect(await request(server, '/wards/14101/')).toBeNull();
    server.watcher.emit('change', resolve('data/population.csv'));
    server.watcher.emit('change', resolve('data/population.csv'));
    server.watcher.emit('add', resolve('data/population.schema.json'));
    await settle();
    expect(server.environments.ssr.hot.send).toHaveBeenCalledTimes(1);
    expect(server.environments.ssr.hot.send).toHaveBeenCalledWith({ type: 'full-reload', path: '*' });
    expect(server.ws.send).toHaveBeenCalledTimes(1);
    expect(server.ws.send).toHaveBeenCalledWith({ type: 'full-reload', path: '*' });
    expect(server.config.logger.info.mock.calls[0]![0]).toBe(
      'データが変わりました。再読み込みします / data changed, reloading: data/population.csv, data/population.schema.json',
    );
  });

  it('re-evaluates nothing before a page was served (nothing is cached, and Astro would lose its pages), but still reloads the browser', async () => {
    const server = start('data', false);
    expect(await request(server, '/@vite/client', '*/*')).toBeNull();
    server.watcher.emit('change', resolve('data/population.csv'));
    await settle();
    expect(server.environments.ssr.hot.send).not.toHaveBeenCalled();
    expect(server.ws.send).toHaveBeenCalledTimes(1);
  });

  it('ignores files outside the data folder and other kinds of file', async () => {
    const server = start('data');
    server.watcher.emit('change', resolve('src/lib/format.ts'));
    server.watcher.emit('change', resolve('data/notes.txt'));
    await settle();
    expect(server.ws.send).not.toHaveBeenCalled();
  });
});

describe('isRouteRequest', () => {
  it("takes pages and endpoints, not Vite's client, bundled assets or sources", () => {
    for (const url of ['/', '/en/wards/14101/', '/feed.xml', '/tables.json?x=1', '/robots.txt', '/404.html']) expect(isRouteRequest(url), url).toBe(true);
    for (const url of ['/@vite/client', '/@id/astro:scripts', '/_astro/page.css', '/node_modules/.vite/deps/x.js', '/src/styles/site.css', '/favicon.ico']) expect(isRouteRequest(url), url).toBe(false);
  });
});

describe('dataWatchPlugin: data with errors', () => {
  it('answers a page request with the located problems, as validate prints them, until the data is fixed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dev-data-'));
    try {
      cpSync('data', join(dir, 'data'), { recursive: true });
      const csv = join(dir, 'data', 'population.csv');
      const good = readFileSync(csv, 'utf8');
      writeFileSync(csv, good.replace('14101,2015-01-01,282084,', '14101,2015-01-01,28208x,'));
      const server = start(join(dir, 'data'));
      const page = await request(server);
      expect(page?.status).toBe(500);
      expect(page?.type).toBe('text/html; charset=utf-8');
      expect(page?.body).toContain('population.csv:2:3: error: 「population」の値「28208x」は整数ではありません / &quot;28208x&quot; in &quot;population&quot; is not an integer');
      // The page reloads itself once the data is fixed, and says what to do in both languages.
      expect(page?.body).toContain('<script type="module" src="/@vite/client"></script>');
      expect(page?.body).toMatch(/<h1>データに誤りがあるため、ページを表示できません \/ The pages cannot be shown: the data has errors<\/h1>/);
      expect(page?.body).not.toMatch(/\bat \S+ \(/);
      // The terminal gets the same located lines, once, and no stack trace.
      expect(server.config.logger.error).toHaveBeenCalledTimes(1);
      expect(server.config.logger.error.mock.calls[0]![0]).toContain('population.csv:2:3: error:');
      // Files the page loads are not pages.
      expect(await request(server, '/_astro/page.css', 'text/css')).toBeNull();
      expect(server.environments.ssr.hot.send).not.toHaveBeenCalled();
      writeFileSync(csv, good);
      server.watcher.emit('change', csv);
      await settle();
      expect(await request(server)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dataWatch integration', () => {
  it('adds the plugin to astro dev only', () => {
    const hook = dataWatch().hooks['astro:config:setup']!;
    for (const command of ['dev', 'build', 'preview', 'sync'] as const) {
      const updateConfig = vi.fn();
      (hook as (o: unknown) => void)({ command, updateConfig });
      expect(updateConfig.mock.calls.length, command).toBe(command === 'dev' ? 1 : 0);
    }
  });

  it('serves a CSV edit on the next request of a running astro dev, and tells the browser to reload', async () => {
    // A minimal site whose page reads a CSV through a per-process cache, as the real pages do.
    // It lives inside the project so that it resolves the project's packages.
    mkdirSync('.build-staging', { recursive: true });
    const root = mkdtempSync(join(resolve('.build-staging'), 'dev-test-'));
    const dataDir = join(root, 'data');
    mkdirSync(join(root, 'src', 'pages'), { recursive: true });
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'rows.csv'), 'n\n1\n');
    writeFileSync(
      join(root, 'src', 'cache.ts'),
      [
        "import { readFileSync } from 'node:fs';",
        'let cached: number | undefined;',
        `export const rows = () => (cached ??= readFileSync(${JSON.stringify(join(dataDir, 'rows.csv'))}, 'utf8').trim().split('\\n').length - 1);`,
      ].join('\n'),
    );
    writeFileSync(join(root, 'src', 'pages', 'index.astro'), "---\nimport { rows } from '../cache.ts';\n---\n<p>rows:{rows()}</p>\n");
    // The test runner puts its own Vite variables (MODE, BASE_URL, VITEST…) into the environment;
    // a dev server that inherits them serves no page.
    const runnerVars = new Set(['BASE_URL', 'DEV', 'MODE', 'PROD', 'SSR', 'TEST', 'NODE_ENV']);
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !runnerVars.has(k) && !k.startsWith('VITEST')));
    const server = spawn(process.execPath, ['test/integrations/dev-server.fixture.ts', root, dataDir], { env, stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const { port } = JSON.parse(await within(firstLine(server.stdout), 'dev server start')) as { port: number };
      const base = `http://127.0.0.1:${port}/`;
      const rows = async () => /rows:(\d+)/.exec(await (await fetch(base, { signal: AbortSignal.timeout(30_000) })).text())?.[1];
      expect(await rows()).toBe('1');
      const socket = new WebSocket(base.replace('http', 'ws'), 'vite-hmr');
      const reload = new Promise<unknown>((done) => {
        socket.onmessage = (e) => {
          const message = JSON.parse(String(e.data));
          if (message.type === 'full-reload') done(message);
        };
      });
      await within(new Promise((open) => (socket.onopen = open)), 'websocket open');
      appendFileSync(join(dataDir, 'rows.csv'), '2\n3\n');
      expect(await within(reload, 'full-reload message')).toEqual({ type: 'full-reload', path: '*' });
      socket.close();
      expect(await rows()).toBe('3');
    } finally {
      server.stdin.end();
      if (server.exitCode === null) await within(once(server, 'exit'), 'dev server exit');
      rmSync(root, { recursive: true, force: true });
    }
  });
});
