import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { threadCalls } from '../../src/lib/thread-calls.ts';

// A thread that answers `echo` late or early, fails on `fail`, stops on `stop`, and says hello first.
const THREAD = `
const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ type: 'hello' });
parentPort.on('message', (m) => {
  if (m.op === 'echo') setTimeout(() => parentPort.postMessage({ id: m.id, value: m.value }), m.delay);
  if (m.op === 'fail') parentPort.postMessage({ id: m.id, error: 'no such file' });
  if (m.op === 'throw') { const e = new Error('bad page'); parentPort.postMessage({ id: m.id, error: { message: e.message, stack: 'stack of the thread' } }); }
  if (m.op === 'stop') process.exit(3);
});`;

const threads: Worker[] = [];
const start = () => {
  const w = new Worker(THREAD, { eval: true });
  threads.push(w);
  return w;
};
afterEach(async () => {
  await Promise.all(threads.splice(0).map((w) => w.terminate()));
});

describe('threadCalls', () => {
  it('gives each call the reply with its own id, whatever the order the replies come in', async () => {
    const calls = threadCalls(start(), { name: 'the test thread' });
    const slow = calls.call<{ value: string }>({ op: 'echo', value: 'slow', delay: 50 });
    const fast = calls.call<{ value: string }>({ op: 'echo', value: 'fast', delay: 0 });
    expect((await fast).value).toBe('fast');
    expect((await slow).value).toBe('slow');
  });

  it('rejects a call the thread reports failed, with the prefix and the thread’s stack', async () => {
    const calls = threadCalls(start(), { name: 'the test thread', errorPrefix: 'writer: ' });
    await expect(calls.call({ op: 'fail' })).rejects.toThrow('writer: no such file');
    const err = await calls.call({ op: 'throw' }).catch((e: Error) => e);
    expect((err as Error).message).toBe('writer: bad page');
    expect((err as Error).stack).toBe('stack of the thread');
  });

  it('rejects every waiting call when the thread stops, naming it', async () => {
    const calls = threadCalls(start(), { name: 'the test thread' });
    const waiting = calls.call({ op: 'echo', value: 'never', delay: 10_000 });
    const stopping = calls.call({ op: 'stop' });
    await expect(waiting).rejects.toThrow('the test thread stopped (exit code 3)');
    await expect(stopping).rejects.toThrow('the test thread stopped (exit code 3)');
  });

  it('leaves messages that answer no call to the thread’s owner', async () => {
    const w = start();
    const hello = new Promise((done) => w.on('message', (m: { type?: string }) => m.type === 'hello' && done(m)));
    const calls = threadCalls(w, { name: 'the test thread' });
    expect(await hello).toEqual({ type: 'hello' });
    expect((await calls.call<{ value: number }>({ op: 'echo', value: 1, delay: 0 })).value).toBe(1);
  });
});
