/**
 * Files the pages add to the build's output (each chart's SVG and embed page), written through
 * Node's asynchronous file system calls: libuv's own threads do the writing while the main thread
 * goes on rendering pages (tens of thousands of small synchronous writes cost a national build's
 * main thread more than drawing the charts did). The build waits for every write at its end
 * (pending-writes.ts), and a failed write fails the build.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { track } from './pending-writes.ts';

/** Each folder is made once; its files wait for it. */
const folders = new Map<string, Promise<unknown>>();

/** Writes the files (absolute paths) in the background; the build waits for them at its end. */
export function writeInBackground(files: [path: string, text: string][]): void {
  for (const [file, text] of files) {
    const dir = dirname(file);
    let made = folders.get(dir);
    if (!made) folders.set(dir, (made = mkdir(dir, { recursive: true })));
    track(made.then(() => writeFile(file, text)));
  }
}
