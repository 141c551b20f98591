/**
 * The writer behind a build's effects (src/lib/build-context.ts): files go into the site's output
 * folder through Node's asynchronous file calls, so libuv's threads write while the main thread
 * renders the next page, and contents given as a function (a preview card drawn by sharp on
 * libvips' threads) are made only when the queue has room. At most `limit` files are in flight:
 * a page that awaits its writes waits for room rather than holding a national build's thousands of
 * chart files in memory. The build drains the queue before it publishes, and a failed write fails it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { BuildEffects, FileContents } from '../build-context.ts';

export interface WriterOptions {
  /** Files in flight at once (default 64). */
  limit?: number;
}

/** A path inside the site, never above it: a chart's anchor or a page's path comes from data. */
function inside(file: string): string {
  const path = normalize(file.replace(/^\/+/, ''));
  if (isAbsolute(path) || path === '..' || path.startsWith(`..${sep}`) || path === '.') throw new Error(`not a file inside the site: ${file}`);
  return path;
}

/** Writes into `outDir`. */
export function fileEffects(outDir: string, { limit = 64 }: WriterOptions = {}): BuildEffects {
  // Each folder is made once; its files wait for it.
  const folders = new Map<string, Promise<unknown>>();
  const folder = (dir: string) => {
    let made = folders.get(dir);
    if (!made) folders.set(dir, (made = mkdir(dir, { recursive: true })));
    return made;
  };
  return queue(limit, async (path, body) => {
    const target = join(outDir, path);
    await folder(dirname(target));
    await writeFile(target, body);
  });
}

/** Keeps the files in memory, by path, for tests: the build's effects without a disk. */
export function memoryEffects({ limit = 64 }: WriterOptions = {}): BuildEffects & { files: Map<string, string | Uint8Array> } {
  const files = new Map<string, string | Uint8Array>();
  return Object.assign(
    queue(limit, async (path, body) => void files.set(path, body)),
    { files },
  );
}

function queue(limit: number, put: (path: string, body: string | Uint8Array) => Promise<void>): BuildEffects {
  const queued = new Set<string>();
  const running = new Set<Promise<void>>();
  const failures: unknown[] = [];
  let count = 0;
  return {
    async write(file: string, contents: FileContents) {
      const path = inside(file);
      if (queued.has(path)) return;
      queued.add(path);
      const job: Promise<void> = (async () => put(path, typeof contents === 'function' ? await contents() : contents))()
        .then(() => void count++)
        .catch((err: unknown) => void failures.push(err))
        .finally(() => running.delete(job));
      running.add(job);
      while (running.size >= limit) await Promise.race(running);
    },
    async drain() {
      while (running.size) await Promise.all(running);
      const [first] = failures.splice(0);
      if (first) throw first;
    },
    get count() {
      return count;
    },
  };
}
