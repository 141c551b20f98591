/**
 * Headless Chromium for tests and screenshots, from the @sparticuz/chromium package so a fresh
 * machine has it after `npm ci` with no download. Flags keep it off the network.
 *
 * Its fontconfig is given the font npm installs and no other (src/lib/publish/font.ts), so that
 * pages are measured, printed and photographed in the same font on every machine, and a test
 * cannot pass only because this machine happens to have a Japanese font.
 */
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';
import { fontEnv } from '../../src/lib/publish/font.ts';

const unwanted = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials']);

export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    headless: true,
    // After process.env, which the package may have given its own FONTCONFIG_PATH.
    env: { ...process.env, ...fontEnv() },
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
