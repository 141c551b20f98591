/**
 * A rehearsal of the GitHub workflow's publishing run (a push to main): every `run:` step of the
 * check job, in order, in a fresh clone of the working tree, with the runner's environment stubbed
 * (the step summary and output files, the repository, the event, and `gh` answering the Pages
 * address). A step that needs something the runner does not have — a system package, a file that
 * is not committed, a variable nobody sets — fails here before it fails a city's deploy.
 *
 * Two steps are stood in for, and the test says so: the test step runs the README's test command on
 * one small unit test file (the whole suite inside the suite would run for ever), and the upload step is
 * checked for the folder it would upload. The checkout is the clone itself.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number>;
  'continue-on-error'?: boolean;
}
interface Job {
  env?: Record<string, string>;
  steps: Step[];
}

const workflow = parse(readFileSync('.github/workflows/site.yml', 'utf8')) as { jobs: Record<string, Job> };
const REPOSITORY = 'example-city/home-care';
const PAGES_URL = 'https://example-city.github.io/home-care/';

/**
 * The working tree as a commit, untracked files included (as a maintainer's next commit would be),
 * made with a separate index so the repository's own index and branches are untouched.
 */
function snapshotCommit(work: string): string {
  // A fixed identity: a fresh machine may have none, and git refuses to commit without one.
  const who = { GIT_AUTHOR_NAME: 'rehearsal', GIT_AUTHOR_EMAIL: 'rehearsal@localhost', GIT_COMMITTER_NAME: 'rehearsal', GIT_COMMITTER_EMAIL: 'rehearsal@localhost' };
  const env = { ...process.env, ...who, GIT_INDEX_FILE: join(work, 'index') };
  const git = (...args: string[]) => execFileSync('git', args, { env, encoding: 'utf8' }).trim();
  git('read-tree', 'HEAD');
  git('add', '-A');
  return git('commit-tree', git('write-tree'), '-p', 'HEAD', '-m', 'rehearsal');
}

/** The small part of the workflow expression language the workflow uses; anything else fails the test, to be taught here. */
function evaluate(expr: string, ctx: Record<string, string>): string {
  const value = (term: string): string => {
    const t = term.trim();
    const quoted = /^'([^']*)'$/.exec(t);
    if (quoted) return quoted[1]!;
    if (!(t in ctx)) throw new Error(`the rehearsal does not know ${t} (in ${expr})`);
    return ctx[t]!;
  };
  const conjuncts = expr.split('&&').map((part) => {
    const [left, right, ...rest] = part.split('==');
    if (rest.length) throw new Error(`unsupported expression ${expr}`);
    return right === undefined ? value(left!) : String(value(left!) === value(right));
  });
  return conjuncts.length === 1 ? conjuncts[0]! : String(conjuncts.every((c) => c === 'true'));
}
const substitute = (text: string, ctx: Record<string, string>) => text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => evaluate(e, ctx));

const work = mkdtempSync(join(tmpdir(), 'rehearsal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the workflow’s publishing run, rehearsed in a fresh clone', () => {
  const ran: { step: string; status: number | null; output: string }[] = [];
  const clone = join(work, 'clone');
  const summary = join(work, 'summary.md');

  it('runs every step of the check job in order, each succeeding', () => {
    const commit = snapshotCommit(work);
    execFileSync('git', ['clone', '--quiet', '--no-checkout', '.', clone]);
    execFileSync('git', ['-C', clone, 'checkout', '--quiet', commit]);

    // `gh` as the runner has it, answering the one question the workflow asks.
    const bin = join(work, 'bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'gh'),
      `#!/bin/sh\n[ "$*" = "api repos/${REPOSITORY}/pages --jq .html_url" ] && [ -n "$GH_TOKEN" ] && echo '${PAGES_URL}' && exit 0\necho "gh stub: unexpected call: $*" >&2; exit 1\n`,
    );
    chmodSync(join(bin, 'gh'), 0o755);

    const ctx: Record<string, string> = { 'github.event_name': 'push', 'github.ref': 'refs/heads/main', 'github.token': 'rehearsal-token', 'github.repository': REPOSITORY };
    const job = workflow.jobs.check!;
    const runner: Record<string, string> = {
      // The machine's own PATH, without the node_modules/.bin folders that `npm test` put in front:
      // npm must find its own configuration (its global npmrc sits beside the Node.js running it).
      PATH: [bin, ...(process.env.PATH ?? '').split(':').filter((p) => !p.endsWith('node_modules/.bin'))].join(':'),
      HOME: process.env.HOME ?? work,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: work,
    };
    for (const [k, v] of Object.entries(job.env ?? {})) runner[k] = ctx[`env.${k}`] = substitute(v, ctx);

    const steps = job.steps;
    expect(steps.length).toBeGreaterThanOrEqual(8);
    let runs = 0;
    for (const [i, step] of steps.entries()) {
      const label = step.name ?? step.uses ?? `step ${i + 1}`;
      if (step.if !== undefined && evaluate(step.if, ctx) !== 'true') continue;
      if (step.uses) {
        const action = step.uses.split('@')[0];
        if (action === 'actions/setup-node') expect(String(step.with?.['node-version'])).toBe(process.versions.node.split('.')[0]);
        if (action === 'actions/upload-pages-artifact') {
          const folder = join(clone, String(step.with?.path));
          expect(statSync(folder).isDirectory(), label).toBe(true);
          expect(existsSync(join(folder, 'index.html')), label).toBe(true);
        }
        continue;
      }
      const env: Record<string, string> = { ...runner, GITHUB_OUTPUT: join(work, `output-${i}`) };
      for (const [k, v] of Object.entries(step.env ?? {})) env[k] = substitute(v, ctx);
      let script = substitute(step.run!, ctx);
      // The README's test command, on one small file (see the top of this file).
      if (script.trim() === 'npm test') script = 'npm test -- --project unit test/lib/format.test.ts';
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: clone, env, encoding: 'utf8', timeout: 400_000 });
      ran.push({ step: label, status: r.status, output: `${r.stdout}\n${r.stderr}`.slice(-3000) });
      runs++;
      if (!step['continue-on-error']) expect(r.status, `${label}:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`).toBe(0);
      if (step.id && existsSync(env.GITHUB_OUTPUT!))
        for (const line of readFileSync(env.GITHUB_OUTPUT!, 'utf8').split('\n').filter(Boolean)) {
          const [k, ...v] = line.split('=');
          ctx[`steps.${step.id}.outputs.${k}`] = v.join('=');
        }
    }
    // Install, validate, diff, test, the Pages address and the build: every run: step of a push to main.
    expect(ran.map((r) => r.step)).toEqual(['Install', 'Validate data', 'Data changes since the latest release', 'Test', 'Pages address', 'Build']);
    expect(runs).toBe(6);
  }, 900_000);

  it('writes the validation and the data changes on the run’s summary page', () => {
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('前回リリースからの変更 / Changes since the latest release');
    expect(text).toMatch(/エラー0件/);
  });

  it('builds the site for the Pages address, with no local address left in any file', () => {
    const dist = join(clone, 'dist');
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(home).toContain(`href="${PAGES_URL}feed.xml"`);
    expect(home).toContain('href="/home-care/');
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|xml|json|svg|txt|csv)$/.test(f));
    expect(files.length).toBeGreaterThan(500);
    const local = files.filter((f) => readFileSync(join(dist, f), 'utf8').includes('localhost:4321'));
    expect(local).toEqual([]);
  });
});
