/**
 * The site's build against a bare Astro build of the same pages and charts (bench/bare/): the
 * same page paths, on each page the same number of charts of the same kinds and sizes drawn by
 * Plot, and nothing else. Their ratio of seconds per chart is what the site's pipeline, view
 * models and layout add to what Astro and Plot cost.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chartShapes } from './chart-shapes.ts';
import { measureBuild, type BuildMeasurement } from './measure-build.ts';

export interface BareComparison {
  pages: number;
  charts: number;
  bare: BuildMeasurement;
}

/**
 * Builds the bare site for the pages and charts of `siteDir` (a built site) `repeat` times, and
 * measures it: the median build's seconds, the highest peak.
 */
export async function bareBuild(root: string, siteDir: string, timeoutSeconds: number, repeat = 1): Promise<BareComparison> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  try {
    const { pages, charts } = chartShapes(siteDir);
    const manifest = join(scratch, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ pages }));
    const outDir = join(scratch, 'site');
    const runs: BuildMeasurement[] = [];
    for (let i = 0; i < repeat; i++) {
      rmSync(outDir, { recursive: true, force: true });
      const one = await measureBuild({ root, dataDir: '', outDir, timeoutSeconds, script: ['bench/lib/run-bare-build.ts'], env: { BARE_MANIFEST: manifest, BARE_OUT_DIR: outDir } });
      runs.push(one);
      if (!one.ok) return { pages: pages.length, charts, bare: one };
    }
    const bare = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)]!;
    bare.peakBytes = Math.max(...runs.map((r) => r.peakBytes ?? 0)) || null;
    return { pages: pages.length, charts, bare };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
