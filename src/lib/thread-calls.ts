/**
 * Calls to a helper thread of the build (the file writer, the ふりがな thread, the page-rendering
 * threads): each message goes out with an id, and the thread answers it with one reply carrying
 * that id. A reply with `error` rejects its call; a thread that fails or stops rejects every call
 * still waiting, so the build fails rather than waits.
 */
import type { Worker } from 'node:worker_threads';

/** A failed call as the thread reports it: a message, with the thread's stack where it has one. */
export type ThreadError = string | { message: string; stack?: string };

export interface ThreadCallOptions {
  /** What the thread is called in the message when it stops: `the furigana thread`. */
  name: string;
  /** Put before the message of every failed call (`ふりがな / furigana: `). */
  errorPrefix?: string;
  /** The thread keeps the process alive only while a call waits (idle between pages and after the last one). */
  unrefWhenIdle?: boolean;
}

export interface ThreadCalls {
  /** Posts `message` with a fresh id; resolves with the thread's reply to it. */
  call<R>(message: object): Promise<R>;
}

export function threadCalls(worker: Worker, { name, errorPrefix = '', unrefWhenIdle = false }: ThreadCallOptions): ThreadCalls {
  let next = 0;
  const waiting = new Map<number, { done: (reply: unknown) => void; failed: (err: Error) => void }>();
  const failAll = (err: Error) => {
    for (const entry of waiting.values()) entry.failed(err);
    waiting.clear();
  };
  worker.on('message', (reply: { id?: unknown; error?: ThreadError }) => {
    // Messages that answer no call (a thread saying it has started) are its owner's to read.
    const entry = typeof reply?.id === 'number' ? waiting.get(reply.id) : undefined;
    if (!entry) return;
    waiting.delete(reply.id as number);
    const { error } = reply;
    if (error === undefined) entry.done(reply);
    else if (typeof error === 'string') entry.failed(new Error(`${errorPrefix}${error}`));
    else entry.failed(Object.assign(new Error(`${errorPrefix}${error.message}`), { stack: error.stack }));
    if (unrefWhenIdle && waiting.size === 0) worker.unref();
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`${name} stopped (exit code ${code})`)));
  return {
    call<R>(message: object) {
      const id = next++;
      return new Promise<R>((done, failed) => {
        waiting.set(id, { done: done as (reply: unknown) => void, failed });
        if (unrefWhenIdle) worker.ref();
        worker.postMessage({ ...message, id });
      });
    },
  };
}
