/**
 * The やさしい日本語 edition (/yasashii/): every page of the site is built in it, marked as Japanese
 * and offered from every page by its own name; on every page, chart-only pages and the charts'
 * text included, every kanji beyond the first two school grades (locales/kanji-grades-1-2.txt)
 * carries its reading in <ruby>…<rt> (a chart, where ruby cannot go, writes such words in kana);
 * no ruby base holds a digit; and its area summaries state the very numbers of the ordinary ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parsePage, textWithoutRuby, type HTMLElement, type Node } from '../html.ts';

const site = inject('siteDir');
const allPages = (prefix: string) =>
  (readdirSync(join(site, prefix), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('index.html'))
    .map((f) => f.split(sep).join('/'))
    .sort();
// A chart's embed page (`…/charts/<anchor>/`) is the chart alone, with no language switch.
const pages = (prefix: string) => allPages(prefix).filter((f) => !f.split('/').includes('charts'));
const chartPages = (prefix: string) => allPages(prefix).filter((f) => f.split('/').includes('charts'));
const read = (path: string) => parsePage(readFileSync(join(site, path), 'utf8'));

const basic = new Set([...readFileSync('locales/kanji-grades-1-2.txt', 'utf8').split('\n').filter((l) => !l.startsWith('#')).join('')]);
const isKanji = (c: string) => /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF々]/.test(c);
// Text a reader cannot see, or that cannot carry ruby (charts keep plain text; titles and scripts are not shown).
const unreadable = new Set(['SCRIPT', 'STYLE', 'TITLE', 'TEMPLATE', 'RT', 'RP']);

/** Kanji outside the list that a page shows without a reading, with the text they sit in. */
function unread(path: string): string[] {
  return readings(path).unread;
}

/**
 * A page's kanji outside the list shown without a reading, and its ruby bases (each one's text).
 * A chart's SVG text cannot hold ruby: there a kanji beyond the list is always unread.
 */
function readings(path: string): { unread: string[]; bases: string[]; svgTexts: number } {
  // Each page is parsed once, though several checks read it.
  let found = readCache.get(path);
  if (!found) readCache.set(path, (found = readingsOf(path)));
  return found;
}
const readCache = new Map<string, { unread: string[]; bases: string[]; svgTexts: number }>();

function readingsOf(path: string): { unread: string[]; bases: string[]; svgTexts: number } {
  const body = read(path).querySelector('body')!;
  const out: string[] = [];
  const bases: string[] = [];
  let svgTexts = 0;
  const walkSvg = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        const text = child.textContent ?? '';
        if (!text.trim()) continue;
        svgTexts++;
        const beyond = [...text].filter((c) => isKanji(c) && !basic.has(c));
        if (beyond.length > 0) out.push(`${path}: ${beyond.join('')} in chart text “${text.trim().slice(0, 40)}”`);
      } else if (child.nodeType === 1 && (child as HTMLElement).tagName.toLowerCase() !== 'style') walkSvg(child);
    }
  };
  const walk = (node: Node, ruby: HTMLElement | null) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        const text = child.textContent ?? '';
        const beyond = [...text].filter((c) => isKanji(c) && !basic.has(c));
        if (beyond.length === 0) continue;
        // A kanji is read only as the base of a ruby whose <rt> gives its reading.
        if (!ruby || !(ruby.querySelector('rt')?.textContent ?? '').trim()) out.push(`${path}: ${beyond.join('')} in “${text.trim().slice(0, 40)}”`);
      } else if (child.nodeType === 1) {
        const el = child as HTMLElement;
        if (el.tagName.toLowerCase() === 'svg') {
          walkSvg(el);
          continue;
        }
        // Text copied as it is (a chart's citation) is marked to stay plain.
        if (unreadable.has(el.tagName) || el.hasAttribute('data-no-ruby')) continue;
        if (el.tagName === 'RUBY') {
          // The base: the ruby's text outside its readings.
          bases.push([...el.childNodes].filter((n) => n.nodeType === 3 || !['RT', 'RP'].includes((n as HTMLElement).tagName)).map((n) => n.textContent ?? '').join(''));
        }
        walk(el, el.tagName === 'RUBY' ? el : ruby);
      }
    }
  };
  walk(body, null);
  return { unread: out, bases, svgTexts };
}

describe('the やさしい日本語 edition', () => {
  const easy = pages('yasashii');

  it('has every page the English edition has, marked as Japanese in its own tag', () => {
    expect(easy.length).toBeGreaterThan(100);
    expect(easy).toEqual(pages('en'));
    for (const f of ['index.html', 'wards/14101/index.html', 'glossary/index.html']) expect(read(`yasashii/${f}`).querySelector('html')!.getAttribute('lang')).toBe('ja-Hira');
  });

  it('is offered by name from every page of every edition', () => {
    const failures: string[] = [];
    for (const f of [...pages('en').map((p) => `en/${p}`), ...easy.map((p) => `yasashii/${p}`), 'index.html', 'wards/14101/index.html', 'compare/index.html']) {
      const links = [...read(f).querySelectorAll('.lang-switch a')];
      const own = f.startsWith('yasashii/');
      const easyLink = links.find((a) => a.textContent === 'やさしい にほんご');
      if (own ? easyLink : !easyLink?.getAttribute('href')?.startsWith('/yasashii/')) failures.push(f);
    }
    expect(failures).toEqual([]);
  });

  it('puts a reading over every kanji beyond the first two grades on the pages it translates', () => {
    const translated = easy.filter((f) => f === 'index.html' || /^wards\/\d+\/index\.html$/.test(f) || f.startsWith('compare/') || f.startsWith('glossary/'));
    expect(translated.length).toBeGreaterThan(40);
    const failures = translated.flatMap((f) => unread(`yasashii/${f}`));
    expect(failures.slice(0, 20)).toEqual([]);
    // The pages do carry ruby: the check above is not passing on pages without kanji.
    expect(read('yasashii/wards/14101/index.html').querySelectorAll('ruby rt').length).toBeGreaterThan(50);
  });

  it('puts the same readings on the chart-only pages of the pages it translates', () => {
    // An embedded chart is read away from its page: its title, unit, note and source are the page's words.
    const embeds = chartPages('yasashii').filter((f) => /^wards\/\d+\/charts\//.test(f) || f.startsWith('compare/'));
    expect(embeds.length).toBeGreaterThan(40);
    expect(embeds.flatMap((f) => unread(`yasashii/${f}`)).slice(0, 20)).toEqual([]);
    const own = embeds.find((f) => f.startsWith('wards/14101/'))!;
    expect(read(`yasashii/${own}`).querySelectorAll('h1 ruby rt').length, own).toBeGreaterThan(0);
  });

  it('reads every kanji beyond the first two grades on every page, charts included, and never puts a digit under a reading', () => {
    const every = allPages('yasashii');
    expect(every.length).toBe(easy.length + chartPages('yasashii').length);
    let rubies = 0;
    let chartTexts = 0;
    const unreadKanji: string[] = [];
    const digitBases: string[] = [];
    for (const f of every) {
      const found = readings(`yasashii/${f}`);
      unreadKanji.push(...found.unread);
      digitBases.push(...found.bases.filter((b) => /[0-9０-９]/.test(b)).map((b) => `${f}: <ruby>${b}`));
      rubies += found.bases.length;
      chartTexts += found.svgTexts;
    }
    console.log(`やさしい日本語: ${every.length} pages, ${rubies} ruby, ${chartTexts} chart texts; unread kanji ${unreadKanji.length}, digit bases ${digitBases.length}`);
    // Thousands of words read and of chart labels seen: the checks below are not passing on empty pages.
    expect(rubies).toBeGreaterThan(every.length * 10);
    expect(chartTexts).toBeGreaterThan(1000);
    expect(unreadKanji.slice(0, 20)).toEqual([]);
    expect(digitBases.slice(0, 20)).toEqual([]);
  });

  it('states in its area summaries the same numbers as the ordinary edition', () => {
    const numbers = (path: string) => {
      const items = [...read(path).querySelectorAll('section[aria-labelledby="summary"] li')];
      // Readings are not part of the sentence's figures.
      return items.map((li) => textWithoutRuby(li).match(/\d[\d,]*(\.\d+)?/g) ?? []);
    };
    const areas = easy.filter((f) => /^wards\/\d+\/index\.html$/.test(f));
    let compared = 0;
    for (const f of areas) {
      const ordinary = numbers(f);
      expect(numbers(`yasashii/${f}`), f).toEqual(ordinary);
      compared += ordinary.length;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
