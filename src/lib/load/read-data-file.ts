/**
 * Reads one file of a data folder, refusing anything a maintainer could not have meant as data:
 * a symbolic link that leaves the folder (it would be published), a directory, a FIFO or device
 * (reading /dev/zero never ends), or a file above its size limit. The checks are made on the
 * opened descriptor as well, so a file swapped after the first look is still refused.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';

import { fileLimits, type ReadRefusal } from './limits.ts';

export { fileLimits, type ReadRefusal };

export type ReadResult = { ok: true; bytes: Buffer } | ({ ok: false } & ReadRefusal);

/** The bytes of `name` inside `dataDir`, or why it was not read. */
export function readDataFile(dataDir: string, name: string, limit: number): ReadResult {
  const path = join(dataDir, name);
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch (err) {
    return errnoOf(err) === 'ENOENT' ? { ok: false, reason: 'missing' } : { ok: false, reason: 'unreadable', code: errnoOf(err) };
  }
  let target = path;
  if (link.isSymbolicLink()) {
    try {
      target = realpathSync(path);
    } catch (err) {
      return { ok: false, reason: 'unreadable', code: errnoOf(err) };
    }
    const inside = relative(realpathSync(dataDir), target);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { ok: false, reason: 'outside', target };
  }
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the resolved path is
    // opened as it is, so a link planted after the check is refused.
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (err) {
    return { ok: false, reason: 'unreadable', code: errnoOf(err) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file', kind: kindOf(stat) };
    if (stat.size > limit) return { ok: false, reason: 'too-large', size: stat.size, limit };
    // Read at most one byte more than declared, so a file growing while read is caught too.
    const bytes = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > limit) return { ok: false, reason: 'too-large', size: length, limit };
      if (length === bytes.length) break;
    }
    return { ok: true, bytes: bytes.subarray(0, length) };
  } catch (err) {
    return { ok: false, reason: 'unreadable', code: errnoOf(err) };
  } finally {
    closeSync(fd);
  }
}

export type TextResult = { ok: true; text: string } | ({ ok: false } & ReadRefusal) | { ok: false; reason: 'encoding' };

/**
 * A JSON or text declaration of the data folder (site.json, a catalogue) as UTF-8 text, read
 * through the same guards as a table: a byte-order mark, which Windows Notepad writes, is dropped,
 * and bytes that are not UTF-8 are refused rather than guessed.
 */
export function readDataText(dataDir: string, name: string, limit = fileLimits.jsonBytes): TextResult {
  const read = readDataFile(dataDir, name, limit);
  if (!read.ok) return read;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(read.bytes) };
  } catch {
    return { ok: false, reason: 'encoding' };
  }
}

/**
 * Whether `name` inside `dataDir` is a folder of its own: not a file, and not a symbolic link,
 * which could bring a folder from anywhere on the machine into the site.
 */
export function subfolderKind(dataDir: string, name: string): 'absent' | 'folder' | 'link' | 'not-a-folder' {
  try {
    const stat = lstatSync(join(dataDir, name));
    if (stat.isSymbolicLink()) return 'link';
    return stat.isDirectory() ? 'folder' : 'not-a-folder';
  } catch {
    return 'absent';
  }
}

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'directory';
  if (s.isFIFO()) return 'fifo';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  if (s.isSocket()) return 'socket';
  return 'other';
}

const errnoOf = (err: unknown) => String((err as NodeJS.ErrnoException)?.code ?? 'EIO');
