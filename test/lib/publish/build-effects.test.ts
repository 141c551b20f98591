/**
 * The build's one writer: files land inside the output folder, each once; at most `limit` are in
 * flight, so a caller that awaits its writes waits for room; a failed write fails the drain; and a
 * path from data cannot climb out of the site.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileEffects, memoryEffects } from '../../../src/lib/publish/build-effects.ts';

const work = mkdtempSync(join(tmpdir(), 'build-effects-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('fileEffects', () => {
  it('writes text, bytes and made contents under the output folder, making its folders', async () => {
    const out = join(work, 'site');
    const effects = fileEffects(out);
    await effects.write('wards/a/charts/ranking.svg', '<svg/>');
    await effects.write('/og/card.png', new Uint8Array([137, 80, 78, 71]));
    await effects.write('wards/a/charts/ranking/index.html', async () => '<p>embed</p>');
    await effects.drain();
    expect(effects.count).toBe(3);
    expect(readFileSync(join(out, 'wards/a/charts/ranking.svg'), 'utf8')).toBe('<svg/>');
    expect([...readFileSync(join(out, 'og/card.png'))]).toEqual([137, 80, 78, 71]);
    expect(readFileSync(join(out, 'wards/a/charts/ranking/index.html'), 'utf8')).toBe('<p>embed</p>');
  });

  it('fails the drain with the first failed write', async () => {
    const effects = fileEffects(join(work, 'failing'));
    await effects.write('a.txt', async () => {
      throw new Error('the card could not be drawn');
    });
    await effects.write('b.txt', 'fine');
    await expect(effects.drain()).rejects.toThrow('the card could not be drawn');
    expect(effects.count).toBe(1);
  });

  it('refuses a path outside the site', async () => {
    const effects = fileEffects(join(work, 'outside'));
    for (const file of ['../escape.txt', 'charts/../../escape.txt', '.']) await expect(effects.write(file, 'x'), file).rejects.toThrow(/not a file inside the site/);
    await effects.drain();
    expect(effects.count).toBe(0);
  });
});

describe('the queue', () => {
  it('writes a file once however often it is asked for', async () => {
    const effects = memoryEffects();
    let made = 0;
    for (let i = 0; i < 5; i++) await effects.write('og/wards.png', () => String(++made));
    await effects.drain();
    expect(made).toBe(1);
    expect([...effects.files]).toEqual([['og/wards.png', '1']]);
  });

  it('keeps at most `limit` files in flight: a write waits for room', async () => {
    const effects = memoryEffects({ limit: 3 });
    let inFlight = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const slow = () => () =>
      new Promise<string>((done) => {
        most = Math.max(most, ++inFlight);
        releases.push(() => {
          inFlight--;
          done('x');
        });
      });
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 3; i++) writes.push(effects.write(`f${i}`, slow()));
    // The first two returned at once; the third waits until one of the three is done.
    let thirdDone = false;
    void writes[2]!.then(() => (thirdDone = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(thirdDone).toBe(false);
    expect(most).toBe(3);
    releases.shift()!();
    await writes[2];
    expect(thirdDone).toBe(true);
    const fourth = effects.write('f3', slow());
    await new Promise((r) => setTimeout(r, 10));
    expect(most).toBe(3);
    while (releases.length) releases.shift()!();
    await fourth;
    while (releases.length) releases.shift()!();
    await effects.drain();
    expect(effects.files.size).toBe(4);
  });
});
