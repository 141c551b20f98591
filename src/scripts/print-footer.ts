/**
 * Every printed sheet names where it came from: the page's address, the data release and the
 * day it was printed, in the page's margin (CSS @page margin boxes). The address and the date are
 * only known in the reader's browser, so the rule is written here, into a constructed style
 * sheet (allowed by the Content-Security-Policy, unlike an inline style), at load and again just
 * before printing.
 */
export function printFooterText(doc: Document, now: Date): string {
  const { address, release } = printMarginTexts(doc, now);
  return `${address} · ${release}`;
}

/**
 * The two margin texts: the page's address (bottom left, where it has the sheet's width) and the
 * release with the print date (top right), so a long address never pushes the date onto a
 * second line.
 */
export function printMarginTexts(doc: Document, now: Date): { address: string; release: string } {
  // The layout writes the release and the words of the page's language on <body> (its catalogue's
  // `print.*`), and the locale its dates are written in.
  const { printRelease = '', printPrinted = '{date}', locale } = doc.body.dataset;
  const day = now.toLocaleDateString(locale || doc.documentElement.lang, { day: 'numeric', month: 'short', year: 'numeric' });
  return { address: doc.location.href, release: `${printRelease} · ${printPrinted.replace('{date}', day)}` };
}

/** A CSS string literal: quotes and backslashes escaped, line breaks dropped. */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, '\\$&').replace(/[\n\r]/g, ' ')}"`;

export function installPrintFooter(doc: Document = document): void {
  const sheet = new CSSStyleSheet();
  const update = () => {
    const { address, release } = printMarginTexts(doc, new Date());
    sheet.replaceSync(`@page { @bottom-left { content: ${cssString(address)}; } @top-right { content: ${cssString(release)}; } }`);
  };
  update();
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  addEventListener('beforeprint', update);
}
