/**
 * A hostile copy of data/: script tags, event-handler attributes, javascript: URLs and formula
 * payloads in names, labels and notes. Built into a site, none of it may execute in the browser
 * or become markup, and none may survive as a live formula in the CSV downloads; every SVG and XML
 * file stays well-formed XML, however many `&` and `<` the names, metric labels, title and notes hold.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { SaxesParser } from 'saxes';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const work = mkdtempSync(join(tmpdir(), 'hostile-'));
const data = join(work, 'data');
const out = join(work, 'site');
const payloads = {
  script: '<script>window.__pwned="script"</script>',
  img: '<img src=x onerror="window.__pwned=\'img\'">',
  svg: '"><svg onload="window.__pwned=\'svg\'">',
  js: 'javascript:window.__pwned="href"',
  formula: '=HYPERLINK("http://evil.example","x")',
  plus: "+cmd|' /C calc'!A0",
  at: '@SUM(1+1)*cmd',
  minus: "-2+3+cmd|' /C calc'!A0",
};
const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
function poison(file: string, find: string, replace: string) {
  const path = join(data, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(find)) throw new Error(`${find} not in ${file}`);
  writeFileSync(path, text.replace(find, replace));
}

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  cpSync('data', data, { recursive: true });
  poison('areas.csv', '14103,141038,ward,14100,西区,にしく,Nishi Ward,', `14103,141038,ward,14100,${csvCell('西区' + payloads.script)},にしく,${csvCell('Nishi & Minato' + payloads.img)},`);
  poison('hubs.csv', '横浜市西区医師会館内', csvCell(payloads.js + payloads.svg));
  poison('consultation_sources.csv', ',ケアマネ,Care managers,', `,${csvCell(payloads.at)},${csvCell(payloads.formula)},`);
  poison('support_contents.csv', ',在宅医,Home-care physicians,', `,${csvCell(payloads.minus)},${csvCell(payloads.plus)},`);
  // A metric labelled with markup characters, and a site title and release note with them.
  const metrics = JSON.parse(readFileSync(join(data, 'metrics.json'), 'utf8'));
  metrics[0].label = { ja: '在宅療養支援診療所<参考>&病院', en: 'Clinics & hospitals <ref>' };
  writeFileSync(join(data, 'metrics.json'), JSON.stringify(metrics));
  const site = JSON.parse(readFileSync(join(data, 'site.json'), 'utf8'));
  site.title.en = 'Home-care & <stats>';
  writeFileSync(join(data, 'site.json'), JSON.stringify(site));
  poison('releases.csv', 'transcribed from five documents.', 'transcribed from five documents & <notes>.');
  const schema = JSON.parse(readFileSync(join(data, 'areas.schema.json'), 'utf8'));
  schema.notes.push({ ja: payloads.script, en: payloads.img });
  writeFileSync(join(data, 'areas.schema.json'), JSON.stringify(schema));
  const r = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, DATA_DIR: data, OUT_DIR: out }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  server = await serveStatic(out);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('hostile data', () => {
  it('never executes or becomes markup on the pages that show it', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const pages = ['/', '/wards/14103/', '/en/wards/14103/', '/wards/14101/vs/14103/', '/compare/14100/support_clinics_per_10k_population/', '/en/compare/14100/support_clinics_per_10k_population/', '/hubs/', '/en/hubs/', '/data/', '/en/data/', '/wards/'];
    for (const path of pages) {
      await page.goto(server.url + path);
      const found = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
        images: document.querySelectorAll('img').length,
        jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href')!.trim().toLowerCase().startsWith('javascript:')).length,
        injectedScripts: [...document.scripts].filter((s) => s.textContent!.includes('__pwned')).length,
        text: document.body.textContent ?? '',
      }));
      expect(found.pwned, path).toBeNull();
      expect(found.handlers, path).toEqual([]);
      expect(found.images, path).toBe(0);
      expect(found.jsLinks, path).toBe(0);
      expect(found.injectedScripts, path).toBe(0);
    }
    // The text is shown as text, where it belongs.
    await page.goto(server.url + '/wards/14103/');
    expect(await page.locator('h1').textContent()).toContain('<script>');
    await page.goto(server.url + '/hubs/');
    expect(await page.locator('body').textContent()).toContain('javascript:window.__pwned');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('keeps the text in chart labels as text', () => {
    const html = readFileSync(join(out, 'compare', '14100', 'support_clinics_per_10k_population', 'index.html'), 'utf8');
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).toContain('&lt;script&gt;window.__pwned');
  });

  it('publishes every SVG and XML file as well-formed XML, names, labels and notes with & and < included', () => {
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(svg|xml)$/.test(f));
    // Every chart of every page in three languages, the feeds and the sitemap.
    expect(files.filter((f) => /(^|\/)charts\/[^/]+\.svg$/.test(f)).length).toBeGreaterThan(150);
    expect(files).toEqual(expect.arrayContaining(['feed.xml', 'sitemap.xml']));
    const broken: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(out, file), 'utf8');
      const parser = new SaxesParser({ xmlns: true });
      let error: string | null = null;
      parser.on('error', (e) => (error ??= e.message));
      parser.write(text).close();
      if (error) broken.push(`${file}: ${error}`);
    }
    expect(broken.slice(0, 5)).toEqual([]);
    // The names are in the files, escaped.
    const ward = readFileSync(join(out, 'en', 'compare', '14100', 'support_clinics_per_10k_population', 'charts', 'ranking.svg'), 'utf8');
    expect(ward).toContain('Nishi &amp; Minato&lt;img');
    expect(readFileSync(join(out, 'compare', '14100', 'support_clinics_per_10k_population', 'charts', 'ranking.svg'), 'utf8')).toContain('在宅療養支援診療所&lt;参考&gt;&amp;病院');
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect(feed).toContain('Home-care &amp; &lt;stats&gt;');
    expect(feed).toContain('five documents &amp; &lt;notes&gt;.');
  });

  it('neutralises every formula payload in the CSV downloads and keeps it exact', () => {
    const folder = join(out, 'downloads', 'latest');
    const cells = readdirSync(folder)
      .filter((f) => f.endsWith('.csv'))
      .flatMap((f) => Papa.parse<string[]>(readFileSync(join(folder, f), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.flat());
    for (const payload of [payloads.formula, payloads.plus, payloads.at, payloads.minus]) {
      expect(cells).toContain(`'${payload}`);
      expect(cells).not.toContain(payload);
    }
    // No text cell anywhere starts a formula; numbers (like -15368) are numbers, not text.
    const live = cells.filter((c) => /^[=+@\t\r]/.test(c) || (/^-/.test(c) && Number.isNaN(Number(c))));
    expect(live).toEqual([]);
  });
});
