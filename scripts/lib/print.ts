/**
 * Prints the loaded page on A4 the way Chromium does for a reader's print dialog (print media,
 * the stylesheet's @page rules), for the page-count checks and to look at the paper copy.
 */
import type { Page } from 'playwright-core';

export interface Printed {
  bytes: Buffer;
  /** Number of A4 sheets. */
  sheets: number;
}

export async function printToPdf(page: Page): Promise<Printed> {
  await page.emulateMedia({ media: 'print' });
  // The page's own beforeprint handler opens disclosures for a print dialog; page.pdf fires no event.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  const bytes = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return { bytes, sheets: countPdfPages(bytes) };
}

/** Page objects in a PDF as Chromium writes it (uncompressed object dictionaries). */
export function countPdfPages(bytes: Buffer): number {
  return bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/** Opens a PDF with PDF.js (Mozilla's reader, in JavaScript: no program to install). */
export async function openPdf(bytes: Uint8Array) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // A copy: PDF.js may hand the buffer it is given over to its worker.
  return getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
}

/** The text of each sheet, in the order PDF.js reads it, a line break where a line of the sheet ends. */
/**
 * A font may map one glyph to a Kangxi radical and to the ideograph alike (Noto Sans JP's 月 reads
 * back as ⽉, U+2F49): those two blocks are read as the ideographs they look like, and nothing else
 * is normalised (full-width brackets and digits stay as printed).
 */
const radicalsAsIdeographs = (text: string) => text.replace(/[\u2E80-\u2FDF]/g, (c) => c.normalize('NFKC'));

export async function sheetTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await openPdf(bytes);
  try {
    const texts: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const { items } = await (await pdf.getPage(n)).getTextContent();
      texts.push(radicalsAsIdeographs(items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')));
    }
    return texts;
  } finally {
    await pdf.loadingTask.destroy();
  }
}
