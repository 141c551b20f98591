/**
 * Files the pages add to the build's output (each chart's SVG and embed page), written on a
 * thread of their own: tens of thousands of small synchronous writes cost a national build's
 * main thread, which renders the pages, more than drawing the charts did. The build waits for
 * every write at its end (pending-writes.ts), and a failed write fails the build.
 */
import { Worker } from 'node:worker_threads';
import { threadCalls, type ThreadCalls } from '../thread-calls.ts';
import { track } from './pending-writes.ts';

// Plain JavaScript evaluated in the worker, so that it needs no file of its own in the bundle.
const WRITER = `
const { parentPort } = require('node:worker_threads');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const made = new Set();
parentPort.on('message', ({ id, files }) => {
  try {
    for (const [file, text] of files) {
      const dir = dirname(file);
      if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
      writeFileSync(file, text);
    }
    parentPort.postMessage({ id });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});`;

let writer: ThreadCalls | null = null;

function writerThread(): ThreadCalls {
  if (writer) return writer;
  const w = new Worker(WRITER, { eval: true });
  // A failed thread is replaced by a new one at the next write.
  w.on('error', () => (writer = null));
  // Idle between builds of `npm run dev` and after the last write: it must not keep the process alive.
  return (writer = threadCalls(w, { name: 'the file-writing thread', unrefWhenIdle: true }));
}

/** Writes the files (absolute paths) on the writer thread; the build waits for them at its end. */
export function writeInBackground(files: [path: string, text: string][]): void {
  track(writerThread().call({ files }));
}
