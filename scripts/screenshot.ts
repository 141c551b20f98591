/**
 * `npm run screenshot [-- OUT [PATH…]] [--pdf]`: serves dist/ and saves full-page screenshots of
 * every page (or only the PATHs given, e.g. /budget/ /en/budget/) at a phone width (360 px) and a
 * desktop width (1280 px), to look at the site as a reader would. With --pdf it also prints each
 * page on A4 as Chromium does for a reader's print dialog and writes one PNG per sheet (drawn by
 * PDF.js on @napi-rs/canvas, which npm installs with it), with the sheet count. The pages are set
 * in the font npm installs (scripts/lib/browser.ts): nothing beyond npm ci is needed.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './lib/browser.ts';
import { openPdf, printToPdf } from './lib/print.ts';
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

/**
 * Writes each sheet of a PDF as `<base>-<n>.png` at 60 dpi; the files written. The canvas is an
 * optional dependency of PDF.js, with prebuilt binaries for common platforms only: without it,
 * the PDF alone is kept and one line says so.
 */
async function sheetImages(bytes: Uint8Array, base: string): Promise<string[]> {
  let canvas: typeof import('@napi-rs/canvas');
  try {
    canvas = await import('@napi-rs/canvas');
  } catch {
    console.warn(`${base}: PNG なし（@napi-rs/canvas が入っていません）/ no PNGs (@napi-rs/canvas is not installed)`);
    return [];
  }
  const pdf = await openPdf(bytes);
  try {
    const files: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const sheet = await pdf.getPage(n);
      const viewport = sheet.getViewport({ scale: 60 / 72 });
      const image = canvas.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      // PDF.js takes the browser's canvas type; this one implements what it draws with.
      await sheet.render({ canvas: image as unknown as HTMLCanvasElement, viewport }).promise;
      const file = `${base}-${n}.png`;
      writeFileSync(file, image.toBuffer('image/png'));
      files.push(file);
    }
    return files;
  } finally {
    await pdf.loadingTask.destroy();
  }
}

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
      const images = await sheetImages(bytes, join(out, `${nameOf(path)}-a4`));
      console.log(`${file}: ${sheets} A4 page${sheets === 1 ? '' : 's'}${images.length ? `, ${images.join(' ')}` : ''}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
