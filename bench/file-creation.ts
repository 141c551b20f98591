/**
 * `npm run bench:files [-- --files N] [--removed M]`: how long this machine's file system takes to
 * create N folders with one file each (a built site's shape: 2,149 folders and 2,818 files for
 * data/), first with nothing removed just before, then right after removing M files and folders.
 * Some file systems (ext4 without a journal) skip every inode freed in the last minutes when they
 * allocate one, and look at each again for every new file: a build then pays for the site removed
 * before it (bench/README.md). A benchmark, not a test: the figures depend on the machine and on
 * what it removed in the minutes before.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '3000' },
    removed: { type: 'string', default: '12000' },
  },
});
const files = Number(values.files);
const removed = Number(values.removed);
// Inside the project, where the build stages its sites, rather than in the system's temporary folder.
const work = resolve(import.meta.dirname, 'out', 'file-creation');

/** N folders of one file each, 60 to a parent as a site's pages are, under `dir`; its seconds. */
function create(dir: string, n: number) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const folder = join(dir, `p${i % 60}`, `q${i}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), 'x'.repeat(2000));
  }
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - start) / 1000, system: used.system / 1e6 };
}

const show = ({ seconds, system }: { seconds: number; system: number }) => `${seconds.toFixed(2)} s (${system.toFixed(2)} s in the kernel)`;

rmSync(work, { recursive: true, force: true });
try {
  const fresh = create(join(work, 'fresh'), files);
  // Half as many folders as files and folders to remove: each folder holds one file.
  create(join(work, 'removed'), Math.round(removed / 2));
  rmSync(join(work, 'removed'), { recursive: true });
  const after = create(join(work, 'after'), files);
  console.log(`${files} folders with one file each: ${show(fresh)} with nothing removed just before; ${show(after)} right after removing ${removed} files and folders`);
  console.log(`ratio: ${(after.seconds / fresh.seconds).toFixed(1)} ×`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
