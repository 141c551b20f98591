/**
 * `npm ci` on a Node.js too old for the native packages stops with a message in both languages
 * (npm would otherwise skip them without a word, and the build fail later); the version that
 * counts is the one running npm, which npm names in its user agent.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const check = (userAgent: string) =>
  spawnSync(process.execPath, ['scripts/check-install.cjs'], { env: { ...process.env, npm_config_user_agent: userAgent }, encoding: 'utf8' });

describe('the install check', () => {
  it('stops npm on Debian 12’s Node.js 18 and on others below the bindings’ engines, saying what to install', () => {
    for (const node of ['v18.19.0', 'v20.18.1', 'v21.7.3', 'v22.11.0']) {
      const r = check(`npm/9.2.0 node/${node} linux x64 workspaces/false`);
      expect(r.status, node).toBe(1);
      expect(r.stderr, node).toContain(`Node.js ${node} では、ビルドに必要な部品`);
      expect(r.stderr, node).toContain(`npm is running on Node.js ${node}`);
      expect(r.stderr, node).toContain('npm i -g node@24');
    }
  });

  it('lets npm go on from Node.js 20.19, 22.12 and 24, whatever Node.js runs the script itself', () => {
    for (const node of ['v20.19.0', 'v20.20.2', 'v22.12.0', 'v24.21.0', 'v25.0.0']) {
      const r = check(`npm/11.19.1 node/${node} linux x64 workspaces/false`);
      expect([node, r.status, r.stderr]).toEqual([node, 0, '']);
    }
  });

  it('is the root package’s preinstall script', async () => {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { scripts: Record<string, string> };
    expect(pkg.scripts.preinstall).toBe('node scripts/check-install.cjs');
  });
});
