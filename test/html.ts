/**
 * Built pages parsed, for the tests that read every page of the site. node-html-parser builds its
 * tree about seven times faster than linkedom, whose every node, attribute and text registers an
 * event map in a WeakMap (fifteen seconds for the 1,459 pages of data/'s site, most of it garbage
 * collection): for a test that reads every page, that is most of its time.
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';

export type { HTMLElement, Node };

/**
 * A page's tree; its root holds `<!DOCTYPE>` and `<html>`. Only script and style keep their text
 * unparsed, as HTML has it. node-html-parser would also keep `<pre>`'s (where the pages put
 * `<code>`) and `<noscript>`'s (what a reader without scripts reads, parsed as elements here).
 */
export const parsePage = (html: string): HTMLElement => parse(html, { comment: false, blockTextElements: { script: true, style: true } });

/** Whether `node` is `ancestor` or inside it (DOM's `contains`). */
export function contains(ancestor: HTMLElement, node: HTMLElement): boolean {
  for (let at: HTMLElement | null = node; at; at = at.parentNode) if (at === ancestor) return true;
  return false;
}

/** An element's text without ふりがな: the reading (`<rt>`) and its parentheses (`<rp>`) are not part of it. */
export function textWithoutRuby(el: HTMLElement): string {
  const copy = el.clone() as HTMLElement;
  for (const r of copy.querySelectorAll('rt, rp')) r.remove();
  return copy.textContent;
}
