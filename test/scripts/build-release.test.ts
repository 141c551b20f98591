/** A release build is one that will be published: without the site's public address it refuses. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run build -- --release', () => {
  it('refuses to build without an address, before building anything', () => {
    const env = { ...process.env, SITE_URL: '', DATA_DIR: 'data', OUT_DIR: '/nonexistent/never-written' };
    const r = spawnSync(process.execPath, ['scripts/build.ts', '--release'], { env, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('公開用のビルド（--release）にはサイトの公開アドレスが必要です');
    expect(r.stderr).toContain('a release build (--release) needs the site');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
