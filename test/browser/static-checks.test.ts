/**
 * Checks on every built page that need no browser: valid HTML (html-validate), headings in order,
 * landmarks and skip link, no broken internal link or anchor, no reference to another host, a
 * Content-Security-Policy, and the page-weight budgets (sizes are deterministic, so they are
 * asserted; times are not).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { siteLanguages } from '../../src/lib/i18n/languages.ts';

const site = inject('siteDir');
const pages = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
const read = (f: string) => readFileSync(join(site, f), 'utf8');
const urlOf = (f: string) => '/' + f.replace(/index\.html$/, '');

describe(`all ${pages.length} pages`, () => {
  it('there are pages in every configured language', () => {
    expect(pages.length).toBeGreaterThan(300);
    // 404.html is one page in every language, served for any missing address.
    const localized = pages.filter((p) => p !== '404.html');
    expect(pages).toContain('404.html');
    const prefixes = siteLanguages().filter((l) => l.path).map((l) => `${l.path}/`);
    expect(prefixes.length).toBeGreaterThan(0);
    const root = localized.filter((p) => !prefixes.some((prefix) => p.startsWith(prefix)));
    for (const prefix of prefixes) expect(localized.filter((p) => p.startsWith(prefix)).length, prefix).toBe(root.length);
  });

  it('are valid HTML (html-validate, recommended rules)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const failures: string[] = [];
    for (const f of pages) {
      const report = await validator.validateString(read(f), f);
      for (const r of report.results) for (const m of r.messages) failures.push(`${f}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(failures).toEqual([]);
  });

  it('have lang, one h1, headings in order, landmarks and a skip link', () => {
    const failures: string[] = [];
    for (const f of pages) {
      const { document } = parseHTML(read(f));
      const lang = document.documentElement.getAttribute('lang');
      if (lang !== (f.startsWith('en/') ? 'en' : 'ja')) failures.push(`${f}: lang=${lang}`);
      const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1]));
      if (headings.filter((h) => h === 1).length !== 1 || headings[0] !== 1) failures.push(`${f}: h1 count or position`);
      headings.forEach((h, i) => i > 0 && h > headings[i - 1]! + 1 && failures.push(`${f}: h${headings[i - 1]} → h${h}`));
      for (const sel of ['header', 'nav', 'main#main', 'footer']) if (!document.querySelector(sel)) failures.push(`${f}: no ${sel}`);
      const skip = document.querySelector('body > a.skip');
      if (skip?.getAttribute('href') !== '#main') failures.push(`${f}: skip link`);
    }
    expect(failures).toEqual([]);
  });

  it('have no broken internal link or anchor, and reference no other host', () => {
    const failures: string[] = [];
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      if (!ids.has(file)) ids.set(file, new Set([...parseHTML(read(file)).document.querySelectorAll('[id]')].map((e) => e.id)));
      return ids.get(file)!;
    };
    let links = 0;
    for (const f of pages) {
      const { document } = parseHTML(read(f));
      // Language alternates are absolute by rule (they name the published URL) and are never fetched.
      const alternates = [...document.querySelectorAll('link[rel="alternate"]')].map((l) => new URL(l.getAttribute('href')!).pathname);
      // A not-found page (noindex) is served at any address and has no alternates of its own.
      const indexed = !document.querySelector('meta[name="robots"][content~="noindex"]');
      if (indexed && !alternates.includes(urlOf(f))) failures.push(`${f}: no hreflang link to itself`);
      // A moved page's canonical link is absolute by rule, like the alternates.
      for (const el of document.querySelectorAll('[href]:not(link[rel="alternate"]):not(link[rel="canonical"]),[src]')) {
        const ref = el.getAttribute('href') ?? el.getAttribute('src')!;
        // A link a reader follows to another site (the licence, a publisher's page) is never fetched
        // by the page; anything the page would load from another host is refused.
        if (el.tagName === 'A' && /^https:\/\//.test(ref)) continue;
        if (/^(https?:)?\/\//.test(ref)) {
          failures.push(`${f}: external reference ${ref}`);
          continue;
        }
        if (/^(mailto|tel):/.test(ref)) continue;
        links++;
        const [path, hash] = ref.split('#') as [string, string | undefined];
        const base = path === '' ? urlOf(f) : path.startsWith('/') ? path : new URL(path, 'http://x' + urlOf(f)).pathname;
        const file = base.endsWith('/') ? `${base.slice(1)}index.html` : base.slice(1);
        if (!existsSync(join(site, file))) failures.push(`${f}: broken link ${ref}`);
        else if (hash && file.endsWith('.html') && !idsOf(file).has(hash)) failures.push(`${f}: missing anchor ${ref}`);
      }
    }
    expect(links).toBeGreaterThan(pages.length * 10);
    expect(failures).toEqual([]);
  });

  it('carry a Content-Security-Policy that allows no inline script but its own hashes', () => {
    for (const f of pages) {
      const { document } = parseHTML(read(f));
      const csp = document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
      expect(csp, f).toMatch(/default-src 'self'/);
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc, f).not.toContain('unsafe-inline');
      expect(scriptSrc.split(/\s+/).every((s) => s === "'self'" || /^'sha(256|384|512)-/.test(s)), f).toBe(true);
      expect(document.querySelectorAll('[style]').length, f).toBe(0);
      expect(document.querySelectorAll('[onclick],[onload],[onerror]').length, f).toBe(0);
    }
  });

  it('stay within the page-weight budgets (HTML+CSS+JS ≤ 100 KB, JS ≤ 20 KB, gzip)', () => {
    let largest = { file: '', bytes: 0 };
    for (const f of pages) {
      const html = read(f);
      const { document } = parseHTML(html);
      const external = [...document.querySelectorAll('link[rel="stylesheet"][href],script[src]')].map((e) => readFileSync(join(site, (e.getAttribute('href') ?? e.getAttribute('src'))!.slice(1))));
      const inlineJs = [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('');
      const externalJs = [...document.querySelectorAll('script[src]')].map((s) => readFileSync(join(site, s.getAttribute('src')!.slice(1)), 'utf8')).join('');
      const total = gzipSync(html).length + external.reduce((a, b) => a + gzipSync(b).length, 0);
      const js = gzipSync(inlineJs + externalJs).length;
      expect(total, f).toBeLessThanOrEqual(100 * 1024);
      expect(js, f).toBeLessThanOrEqual(20 * 1024);
      if (total > largest.bytes) largest = { file: f, bytes: total };
    }
    console.log(`largest page: ${largest.file}, ${largest.bytes} bytes gzip`);
  });

  it('give every chart a fixed size, so drawing it shifts no layout', () => {
    for (const f of pages) {
      const { document } = parseHTML(read(f));
      for (const svg of document.querySelectorAll('svg.chart')) {
        expect(svg.getAttribute('viewBox'), f).toMatch(/^0 0 \d+ \d+$/);
        expect(svg.getAttribute('width'), f).toMatch(/^\d+$/);
        expect(svg.getAttribute('height'), f).toMatch(/^\d+$/);
      }
    }
  });
});
