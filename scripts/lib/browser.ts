/**
 * Headless Chromium for tests and screenshots, from the @sparticuz/chromium package so a fresh
 * machine has it after `npm ci` with no download. Flags keep it off the network.
 */
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

const unwanted = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials']);

export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    headless: true,
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
