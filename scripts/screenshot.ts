/**
 * `npm run screenshot [-- OUT]`: serves dist/ and saves full-page screenshots of every page at a
 * phone width (360 px) and a desktop width (1280 px), to look at the site as a reader would.
 * Japanese text needs a Japanese font on the machine (Debian: fonts-noto-cjk).
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './lib/browser.ts';
import { serveStatic } from './lib/static-server.ts';

const out = process.argv[2] ?? 'screenshots';
const site = process.env.OUT_DIR ?? 'dist';
mkdirSync(out, { recursive: true });
const pages = readdirSync(site, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('index.html'))
  .map((f) => '/' + f.replace(/index\.html$/, ''));

const server = await serveStatic(site);
const browser = await launchBrowser();
try {
  for (const [label, width] of [['phone', 360], ['desktop', 1280]] as const) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    for (const path of pages) {
      await page.goto(server.url + path);
      const name = (path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'index') + `-${label}.png`;
      await page.screenshot({ path: join(out, name), fullPage: true });
      console.log(join(out, name));
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
