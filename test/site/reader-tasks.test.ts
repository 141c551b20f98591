/**
 * What a resident comes to do, read from the built site in every configured language:
 * - find her area: the top page's main content links every area page;
 * - know where to turn: every area page with a place in data/contacts.csv (its own, its wards' or
 *   its city's) says where to turn right after its headline chart, with a link to it before the
 *   chart, and the hubs page says so first; every address and phone number the site prints is one
 *   that a row of the table holds;
 * - read the figures: every key figure on the top page carries its unit, and no link starts or
 *   ends inside a word ("[per 10],000", "[care manager]s").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { siteLanguages } from '../../src/lib/i18n/languages.ts';
import { parsePage, textWithoutRuby } from '../html.ts';

const site = inject('siteDir');
const languages = siteLanguages('data');
const html = (path: string) => readFileSync(join(site, path, 'index.html'), 'utf8');
const doc = (path: string) => parsePage(html(path));
const csv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join('data', `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
const areas = csv('areas');
const contacts = csv('contacts');
const prefix = (l: (typeof languages)[number]) => (l.path ? `${l.path}/` : '');
/** Every area page of a language, as its path inside the site (`en/wards/14101/`). */
const areaPages = (l: (typeof languages)[number]) =>
  readdirSync(join(site, prefix(l), 'wards'), { withFileTypes: true }).filter((d) => d.isDirectory() && /^\d{5}$/.test(d.name)).map((d) => `${prefix(l)}wards/${d.name}/`);
const pages = (readdirSync(site, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html'));

describe('finding one’s area', () => {
  it.each(languages.map((l) => [l.code, l] as const))('the %s top page links every area page from its main content', (_code, l) => {
    const main = doc(prefix(l)).querySelector('main')!;
    const linked = new Set([...main.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href')!, 'http://x/').pathname));
    const wanted = areaPages(l);
    // Every area of areas.csv has its page.
    expect(wanted).toHaveLength(areas.length);
    expect(wanted.filter((p) => !linked.has(`/${p}`))).toEqual([]);
  });
});

describe('where to turn', () => {
  const served = (code: string) => {
    const area = areas.find((a) => a.area_code === code)!;
    const wards = areas.filter((a) => a.parent_code === code).map((a) => a.area_code);
    return contacts.filter((c) => c.area_code === code || c.area_code === area.parent_code || wards.includes(c.area_code!));
  };
  it('is a table with rows, so the checks below see the section', () => {
    expect(contacts.length).toBeGreaterThan(0);
  });

  it.each(languages.map((l) => [l.code, l] as const))('every %s area page with a place says where to turn right after its headline chart, linked before it', (_code, l) => {
    const failures: string[] = [];
    let seen = 0;
    for (const path of areaPages(l)) {
      const code = path.split('/').at(-2)!;
      const rows = served(code);
      const main = doc(path).querySelector('main')!;
      const section = main.querySelector('section#where-to-turn');
      if (rows.length === 0) {
        if (section) failures.push(`${path}: a section without rows`);
        continue;
      }
      seen++;
      if (!section) {
        failures.push(`${path}: no where-to-turn section`);
        continue;
      }
      // Near the top: no heading of the page comes between the headline chart's title and it.
      const headings = [...main.querySelectorAll('h2')];
      const at = headings.indexOf(section.querySelector('h2')!);
      if (at > 1) failures.push(`${path}: where to turn is heading ${at + 1}, after "${headings[at - 1]?.textContent}"`);
      // Document order: the link to it comes before the first chart.
      const first = main.querySelector('a[href="#where-to-turn"], figure');
      if (first?.tagName.toLowerCase() !== 'a') failures.push(`${path}: no link to it before the first chart`);
      // Each place says whom it is for.
      const places = [...section.querySelectorAll('li.contact')];
      if (places.length === 0 || places.some((p) => !p.querySelector('.for-whom')?.textContent?.trim())) failures.push(`${path}: a place without whom it is for`);
      // A ward lists its own places and each of its city's.
      const area = areas.find((a) => a.area_code === code)!;
      if (area.parent_code && places.length !== rows.length) failures.push(`${path}: ${places.length} places for ${rows.length} rows`);
    }
    expect(failures).toEqual([]);
    expect(seen).toBe(areaPages(l).filter((p) => served(p.split('/').at(-2)!).length > 0).length);
    expect(seen).toBeGreaterThan(0);
  });

  it.each(languages.map((l) => [l.code, l] as const))('the %s hubs page says where to turn before anything else', (_code, l) => {
    const main = doc(`${prefix(l)}hubs/`).querySelector('main')!;
    const first = main.querySelector('h2');
    expect(first?.closest('section')?.id).toBe('where-to-turn');
    // Each city with places, and each of its places.
    const cities = new Set(contacts.map((c) => areas.find((a) => a.area_code === c.area_code)!.parent_code || c.area_code));
    expect(main.querySelectorAll('#where-to-turn h3[id^="where-to-turn-"]')).toHaveLength(cities.size);
    expect(main.querySelectorAll('#where-to-turn li.contact').length).toBeGreaterThanOrEqual(cities.size);
  });

  it('prints only the addresses and phone numbers the table holds, anywhere on the site', () => {
    const addresses = new Set(contacts.map((c) => c.address_ja).filter(Boolean));
    const phones = new Set(contacts.map((c) => c.phone).filter(Boolean));
    const failures: string[] = [];
    let facts = 0;
    for (const f of pages) {
      const text = readFileSync(join(site, f), 'utf8');
      const document = parsePage(text);
      for (const dd of document.querySelectorAll('dd[data-fact="address"], dd[data-fact="phone"]')) {
        facts++;
        // The text as written, without the readings やさしい日本語 sets over it.
        const value = textWithoutRuby(dd).trim();
        if (!(dd.getAttribute('data-fact') === 'address' ? addresses : phones).has(value)) failures.push(`${f}: ${dd.getAttribute('data-fact')} "${value}"`);
      }
      // A Japanese phone number written anywhere in a page's text (not a date: 2015-10-31).
      const body = document.querySelector('body')?.textContent ?? '';
      for (const m of body.matchAll(/(?<![\d-])0\d{1,4}-\d{1,4}-\d{3,4}(?![\d-])/g)) if (!phones.has(m[0])) failures.push(`${f}: phone-like "${m[0]}"`);
    }
    expect(failures).toEqual([]);
    // Each page of an area with an address in the table prints it, in every language.
    expect(facts).toBeGreaterThanOrEqual(addresses.size * languages.length);
  });
});

describe('words and units', () => {
  it.each(languages.map((l) => [l.code, l] as const))('every key figure of the %s top page carries its unit', (_code, l) => {
    const figures = [...doc(prefix(l)).querySelectorAll('main .card .figure')].map((p) => p.textContent!.trim());
    expect(figures.length).toBeGreaterThanOrEqual(3);
    // More than a number: a counter, a word or a currency sign beside it.
    expect(figures.filter((f) => /^[\d\s,.]+$/.test(f) || !/\d/.test(f))).toEqual([]);
  });

  it('no link on any page starts or ends inside a word', () => {
    const failures: string[] = [];
    let links = 0;
    for (const f of pages) {
      const text = readFileSync(join(site, f), 'utf8');
      links += (text.match(/<a\b/g) ?? []).length;
      // A letter or digit right before a link's first letter or digit, or right after its last;
      // or a number cut at its thousands separator ("[per 10],000").
      for (const m of text.matchAll(/([\p{L}\p{N}])<a\b[^>]*>([\p{L}\p{N}])|([\p{L}\p{N}])<\/a>([\p{L}\p{N}])|(\d)<\/a>([,.]\d)|(\d[,.])<a\b[^>]*>(\d)/gu)) {
        const pair = m.slice(1).filter(Boolean).join('');
        // Japanese runs have no spaces between words: only Latin letters and digits can be cut.
        if (/^[A-Za-z0-9]+[,.]?[A-Za-z0-9]+$/.test(pair)) failures.push(`${f.split(sep).join('/')}: …${text.slice(Math.max(0, m.index! - 40), m.index! + m[0].length + 20).replace(/\s+/g, ' ')}…`);
      }
    }
    expect(links).toBeGreaterThan(1000);
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
