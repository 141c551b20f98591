/**
 * `npm run screenshot [-- OUT [PATH…]] [--pdf]`: serves dist/ and saves full-page screenshots of
 * every page (or only the PATHs given, e.g. /budget/ /en/budget/) at a phone width (360 px) and a
 * desktop width (1280 px), to look at the site as a reader would. With --pdf it also prints each
 * page on A4 as Chromium does for a reader's print dialog and writes one PNG per sheet (pdftoppm
 * from Debian's poppler-utils), with the sheet count. Japanese text needs a Japanese font on the
 * machine (Debian: fonts-noto-cjk).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './lib/browser.ts';
import { printToPdf } from './lib/print.ts';
import { serveStatic } from './lib/static-server.ts';

const args = process.argv.slice(2);
const pdf = args.includes('--pdf');
const positional = args.filter((a) => a !== '--pdf');
const out = positional[0] ?? 'screenshots';
const only = positional.slice(1);
const site = process.env.OUT_DIR ?? 'dist';
mkdirSync(out, { recursive: true });
const pages = only.length > 0
  ? only
  : readdirSync(site, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('index.html'))
      .map((f) => '/' + f.replace(/index\.html$/, ''));
const nameOf = (path: string) => path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'index';

const server = await serveStatic(site);
const browser = await launchBrowser();
try {
  for (const [label, width] of [['phone', 360], ['desktop', 1280]] as const) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    for (const path of pages) {
      await page.goto(server.url + path);
      const file = join(out, `${nameOf(path)}-${label}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await page.close();
  }
  if (pdf) {
    const page = await browser.newPage();
    for (const path of pages) {
      await page.goto(server.url + path);
      const { bytes, sheets } = await printToPdf(page);
      const file = join(out, `${nameOf(path)}-a4.pdf`);
      writeFileSync(file, bytes);
      execFileSync('pdftoppm', ['-png', '-r', '60', file, join(out, `${nameOf(path)}-a4`)]);
      console.log(`${file}: ${sheets} A4 page${sheets === 1 ? '' : 's'}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
