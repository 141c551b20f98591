/** The build waits for every background write, and a failed one fails the build. */
import { describe, expect, it } from 'vitest';
import { settle, track } from '../../../src/lib/publish/pending-writes.ts';

describe('background writes', () => {
  it('settle waits for writes, including those started while waiting', async () => {
    const done: string[] = [];
    track(new Promise((resolve) => setTimeout(() => {
      done.push('first');
      track(new Promise((r) => setTimeout(() => r(done.push('second')), 20)));
      resolve(undefined);
    }, 20)));
    await settle();
    expect(done).toEqual(['first', 'second']);
  });

  it('settle throws the first failure, once', async () => {
    track(Promise.reject(new Error('ENOSPC')));
    track(Promise.resolve());
    await expect(settle()).rejects.toThrow('ENOSPC');
    await expect(settle()).resolves.toBeUndefined();
  });
});
