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
  const ja = doc.documentElement.lang === 'ja';
  // The layout writes the release on <body>.
  const version = doc.body.dataset.release ?? '';
  const releasedOn = doc.body.dataset.releasedOn ?? '';
  const day = (d: Date) => (ja ? `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日` : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }));
  const released = releasedOn ? new Date(`${releasedOn}T00:00:00`) : null;
  const release = ja
    ? `データ ${version}版${released ? `（${day(released)}公開）` : ''}`
    : `Data release ${version}${released ? ` (${day(released)})` : ''}`;
  const printed = ja ? `印刷 ${day(now)}` : `Printed ${day(now)}`;
  return { address: doc.location.href, release: `${release} · ${printed}` };
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
