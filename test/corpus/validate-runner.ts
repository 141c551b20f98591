/**
 * A process that runs `scripts/validate.ts` again and again, one case at a time, for the corpus
 * (test/corpus/validate-pool.ts). Starting Node and loading the gate's modules is two thirds of a
 * validation's CPU; here they load once, and each request evaluates the script anew (a fresh
 * module URL) with its own arguments, environment and working folder, as `npm run validate` would
 * start it. What the script writes to stdout and stderr, console included, is captured for the
 * request; its exit code is what it set. A script that throws is reported as Node would report
 * it: the error's stack and exit code 1. A request that never ends is the parent's to kill.
 *
 * Requests arrive over the IPC channel as `{ id, script, args, cwd, env }`; each is answered with
 * `{ id, status, output, peakBytes }` once it has ended (the process's peak resident memory so far:
 * a request's own peak is at most that).
 */
import { pathToFileURL } from 'node:url';

interface Request {
  id: number;
  script: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
let run = 0;
/** What the request being run has written so far. */
let output = '';
// A script that ends the process (process.exit, an uncaught error) ends the request with it: what it
// wrote goes out on the real stderr, where the parent reads it, as it would from a process of its own.
process.on('exit', () => write.err(output));

async function handle(r: Request): Promise<{ status: number; output: string }> {
  output = '';
  const capture = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const done = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
  const argv = process.argv;
  const saved = Object.fromEntries(Object.keys(r.env).map((k) => [k, process.env[k]]));
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  process.argv = [argv[0]!, r.script, ...r.args];
  Object.assign(process.env, r.env);
  process.chdir(r.cwd);
  process.exitCode = undefined;
  try {
    await import(`${pathToFileURL(r.script).href}?run=${++run}`);
    return { status: Number(process.exitCode ?? 0), output };
  } catch (err) {
    return { status: 1, output: `${output}${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n` };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.argv = argv;
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
    process.exitCode = undefined;
    output = '';
  }
}

// One request at a time, in the order they came: the working folder and the streams are the process's.
let queue = Promise.resolve();
process.on('message', (r: Request) => {
  queue = queue.then(async () => {
    const answer = await handle(r);
    process.send!({ id: r.id, ...answer, peakBytes: process.resourceUsage().maxRSS * 1024 });
  });
});
