/**
 * Prints the loaded page on A4 the way Chromium does for a reader's print dialog (print media,
 * the stylesheet's @page rules), for the page-count checks and to look at the paper copy.
 */
import { execFileSync } from 'node:child_process';
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

/** The text of each sheet, through pdftotext (Debian's poppler-utils). */
export function sheetTexts(bytes: Buffer): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  // pdftotext ends every page with a form feed.
  return text.split('\f').slice(0, -1);
}
