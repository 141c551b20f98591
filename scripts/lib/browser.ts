/**
 * Headless Chromium for tests and screenshots, from the @sparticuz/chromium package so a fresh
 * machine has it after `npm ci` with no download. Flags keep it off the network.
 *
 * Its fontconfig is given the font npm installs and no other (src/lib/publish/font.ts), so that
 * pages are measured, printed and photographed in the same font on every machine, and a test
 * cannot pass only because this machine happens to have a Japanese font.
 */
import chromium from '@sparticuz/chromium';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium as playwright, type Browser } from 'playwright-core';
import { fontEnv } from '../../src/lib/publish/font.ts';

/**
 * The NSS libraries Chromium links against (libnss3, libnspr4 and their companions) are not on a
 * bare Debian or Ubuntu with only Node.js and npm. The package ships them, for Amazon Linux 2023
 * (al2023.tar.br, glibc 2.34, which later glibc runs), and unpacks them only on that system: they
 * are unpacked here, once, and put on the browser's library path on every machine, so every
 * machine runs the same browser with the same libraries.
 */
function bundledLibraries(): string {
  // The package exports no package.json: its folder is found from its entry (build/<format>/index.*).
  let root = dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium'));
  while (!existsSync(join(root, 'bin', 'al2023.tar.br')) && dirname(root) !== root) root = dirname(root);
  const archive = join(root, 'bin', 'al2023.tar.br');
  const dir = join(tmpdir(), 'zaitaku-chromium-libs');
  const lib = join(dir, 'lib');
  if (existsSync(join(lib, 'libnss3.so'))) return lib;
  const partial = `${dir}.${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  untar(brotliDecompressSync(readFileSync(archive)), partial);
  try {
    renameSync(partial, dir);
  } catch {
    // Another process unpacked them first.
    rmSync(partial, { recursive: true, force: true });
  }
  return lib;
}

/** Writes the regular files of a plain (ustar) tar archive under `into`. */
function untar(tar: Buffer, into: string): void {
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    const type = String.fromCharCode(header[156]!);
    if ((type === '0' || type === '\0') && !name.includes('..')) {
      const file = join(into, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, tar.subarray(at + 512, at + 512 + size), { mode: 0o755 });
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

const unwanted = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials']);

export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    headless: true,
    // After process.env, which the package may have given its own FONTCONFIG_PATH.
    env: { ...process.env, ...fontEnv(), LD_LIBRARY_PATH: [bundledLibraries(), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') },
    args: [
      // The package's flags are tuned for one-shot serverless runs; these would make it a worse
      // browser to test in (one process for all pages, web security off).
      ...chromium.args.filter((a) => !unwanted.has(a)),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
