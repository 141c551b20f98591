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

export interface BareSite {
  pages: number;
  charts: number;
  /** One build of the bare site, measured. */
  build(): Promise<BuildMeasurement>;
  dispose(): void;
}

/** The bare site for the pages and charts of `siteDir` (a built site), to be built as often as needed. */
export function bareSite(root: string, siteDir: string, timeoutSeconds: number): BareSite {
  const { pages, charts } = chartShapes(siteDir);
  const scratch = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  const manifest = join(scratch, 'manifest.json');
  writeFileSync(manifest, JSON.stringify({ pages }));
  let builds = 0;
  return {
    pages: pages.length,
    charts,
    // Each build into a folder of its own, all removed by dispose(): a build that follows the
    // removal of thousands of files pays for it on some file systems (bench/build.ts, `built`).
    build: () => {
      const outDir = join(scratch, `site-${builds++}`);
      return measureBuild({ root, dataDir: '', outDir, timeoutSeconds, script: ['bench/lib/run-bare-build.ts'], env: { BARE_MANIFEST: manifest, BARE_OUT_DIR: outDir } });
    },
    dispose: () => rmSync(scratch, { recursive: true, force: true }),
  };
}
