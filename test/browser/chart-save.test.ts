/**
 * The site's scripts in a real browser. Saving a chart: the SVG button saves the chart's own SVG, a
 * standalone file with its title and source; the PNG button saves a PNG at twice the chart's size.
 * Checking data files (the check page): a CSV with three known problems lists exactly the lines
 * `npm run validate` prints for it, in UTF-8 and in Shift_JIS, an untouched CSV passes, a chosen
 * folder is checked as the command checks it, offline, with nothing sent. Without JavaScript
 * neither control is shown.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import ts from 'typescript';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const site = inject('siteDir');
const path = '/compare/14100/support_clinics_per_10k_population/';
let server: StaticServer;
let browser: Browser;
let page: Page;
const work = mkdtempSync(join(tmpdir(), 'check-page-'));

beforeAll(async () => {
  server = await serveStatic(site);
  browser = await launchBrowser();
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  await page.goto(server.url + path);
  // The buttons sit in the chart's citation block.
  await page.click('#ranking details.cite > summary');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

async function download(kind: 'svg' | 'png') {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`#ranking button[data-save="${kind}"]`)]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('saving a chart', () => {
  it('is offered only with JavaScript', async () => {
    const html = parseHTML(readFileSync(join(site, path, 'index.html'), 'utf8')).document;
    expect(html.querySelector('#ranking .chart-save')!.hasAttribute('hidden')).toBe(true);
    expect(await page.locator('#ranking .chart-save').isVisible()).toBe(true);
  });

  it('as SVG: the chart itself, standalone, with its title and source', async () => {
    const { name, bytes } = await download('svg');
    expect(name).toBe('compare-14100-support_clinics_per_10k_population-ranking.svg');
    const text = bytes.toString('utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    const title = await page.locator('#ranking-title').textContent();
    expect(text).toContain(`<title>${title}</title>`);
    expect(text).toMatch(/<desc>出典：[^<]+<\/desc>/);
    // The same marks as the chart on the page (its first drawing, the desktop's: the phone's is the same chart narrower).
    const onPage = await page.locator('#ranking svg').first().locator('rect').count();
    expect(onPage).toBeGreaterThan(10);
    expect(text.match(/<rect/g)!.length).toBe(onPage);
  });

  it('as PNG: an image twice the size of the chart', async () => {
    const { name, bytes } = await download('png');
    expect(name).toBe('compare-14100-support_clinics_per_10k_population-ranking.png');
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const viewBox = (await page.locator('#ranking svg').first().getAttribute('viewBox'))!.split(' ').map(Number);
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect(bytes.readUInt32BE(16)).toBe(viewBox[2]! * 2);
    expect(bytes.readUInt32BE(20)).toBe(viewBox[3]! * 2);
    // A chart drawn, not an empty canvas: a blank white PNG of this size compresses to a few kilobytes.
    expect(bytes.length).toBeGreaterThan(20_000);
  });
});

describe('checking data files on the check page', () => {
  // consultation_sources.csv with three problems: a count with its unit (line 2, column 7), an area
  // code that areas.csv lacks (line 3, column 1) and a month 13 (line 4, column 2).
  const original = readFileSync('data/consultation_sources.csv', 'utf8');
  const broken = original
    .replace('14100,2015-04-01,2015-12-31,care_manager,ケアマネ,Care managers,410,24', '14100,2015-04-01,2015-12-31,care_manager,ケアマネ,Care managers,410人,24')
    .replace('14100,2015-04-01,2015-12-31,family_or_self,', '14199,2015-04-01,2015-12-31,family_or_self,')
    .replace('14100,2015-04-01,2015-12-31,hospital,', '14100,2015-13-01,2015-12-31,hospital,');
  const shiftJis = iconv.encode(broken, 'cp932');

  /** What `npm run validate` prints for data/ with the file replaced, run in a copy of the project's data folder. */
  function validated(bytes: Uint8Array): { problems: string[]; totals: string } {
    const root = mkdtempSync(join(work, 'cli-'));
    cpSync('data', join(root, 'data'), { recursive: true });
    writeFileSync(join(root, 'data', 'consultation_sources.csv'), bytes);
    const r = spawnSync(process.execPath, [resolve('scripts/validate.ts'), 'data'], { cwd: root, encoding: 'utf8' });
    const lines = r.stdout.trim().split('\n');
    return { problems: lines.slice(0, -1), totals: lines.at(-1)! };
  }

  let check: Page;
  const requests: string[] = [];
  beforeAll(async () => {
    check = await (await browser.newContext()).newPage();
    check.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await check.goto(`${server.url}/check/`);
    // The site's own data files, fetched once when the page opens.
    await check.waitForFunction(() => (document.querySelector('[data-check]') as HTMLElement | null)?.dataset.state === 'ready');
  }, 60_000);

  /** Chooses files (or a folder) and reads back the listed problems and the closing line. */
  async function choose(input: '#check-files' | '#check-folder', files: Parameters<Page['setInputFiles']>[1]) {
    await check.locator('[data-check]').evaluate((e) => ((e as HTMLElement).dataset.state = 'ready'));
    await check.setInputFiles(input, files);
    await check.waitForFunction(() => (document.querySelector('[data-check]') as HTMLElement | null)?.dataset.state === 'done');
    return {
      status: (await check.locator('[data-status]').textContent())!,
      problems: await check.locator('[data-output] ol.problems li').allTextContents(),
      totals: (await check.locator('[data-output] .totals').textContent())!,
      ok: await check.locator('[data-output] .ok').count(),
    };
  }

  it('is offered only with JavaScript', async () => {
    const html = parseHTML(readFileSync(join(site, 'check', 'index.html'), 'utf8')).document;
    expect(html.querySelector('[data-check]')!.hasAttribute('hidden')).toBe(true);
    expect(html.querySelector('noscript')!.textContent).toContain('npm run validate');
    expect(await check.locator('[data-check]').isVisible()).toBe(true);
  });

  it('lists exactly the three problems npm run validate prints for a UTF-8 CSV, offline and sending nothing', async () => {
    const expected = validated(new TextEncoder().encode(broken));
    expect(expected.problems).toEqual([
      'data/consultation_sources.csv:2:7: error: 「clients」の値「410人」は整数ではありません / "410人" in "clients" is not an integer',
      'data/consultation_sources.csv:3:1: error: 「area_code」の値「14199」がareas.csvに見つかりません / "14199" in "area_code" is not in areas.csv',
      'data/consultation_sources.csv:4:2: error: 「period_start」の値「2015-13-01」は日付（YYYY-MM-DD）ではありません / "2015-13-01" in "period_start" is not a date (YYYY-MM-DD)',
    ]);
    const before = requests.length;
    await check.context().setOffline(true);
    const shown = await choose('#check-files', { name: 'consultation_sources.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await check.context().setOffline(false);
    expect(shown.problems).toEqual(expected.problems);
    expect(shown.totals).toBe(expected.totals);
    expect(requests.slice(before)).toEqual([]);
    expect(requests.filter((r) => !r.startsWith('/_astro/') && !r.startsWith('/fonts/'))).toEqual(['/check/', '/check/reference.json']);
  });

  it('reads the same file saved as Shift_JIS, as npm run validate does', async () => {
    const expected = validated(shiftJis);
    expect(expected.problems).toHaveLength(4);
    expect(expected.problems[0]).toBe('data/consultation_sources.csv:1:1: warning: Shift_JIS（CP932）として読み込みました。UTF-8での保存をおすすめします / decoded as Shift_JIS (CP932); UTF-8 is preferred');
    const shown = await choose('#check-files', { name: 'consultation_sources.csv', mimeType: 'text/csv', buffer: shiftJis });
    expect(shown.problems).toEqual(expected.problems);
    expect(shown.totals).toBe(expected.totals);
  });

  it('passes the untouched CSV', async () => {
    const expected = validated(new TextEncoder().encode(original));
    expect(expected.problems).toEqual([]);
    const shown = await choose('#check-files', { name: 'consultation_sources.csv', mimeType: 'text/csv', buffer: Buffer.from(original) });
    expect(shown).toEqual({ status: '検査しました（consultation_sources.csv）。', problems: [], totals: expected.totals, ok: 1 });
    expect(shown.totals).toMatch(/^data: \d+表 \d+行を検査、エラー0件・警告0件 \//);
  });

  it('checks a chosen folder as npm run validate checks it', async () => {
    const root = mkdtempSync(join(work, 'folder-'));
    cpSync('data', join(root, 'data'), { recursive: true });
    writeFileSync(join(root, 'data', 'consultation_sources.csv'), shiftJis);
    const metrics = join(root, 'data', 'metrics.json');
    writeFileSync(metrics, readFileSync(metrics, 'utf8').replace('"table": "home_care_facilities"', '"table": "home_care"'));
    const r = spawnSync(process.execPath, [resolve('scripts/validate.ts'), 'data'], { cwd: root, encoding: 'utf8' });
    const lines = r.stdout.trim().split('\n');
    // The four lines of the Shift_JIS file, and the metric naming a table that does not exist.
    expect(lines.slice(0, -1)).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith('data/metrics.json:'))).toHaveLength(1);
    const shown = await choose('#check-folder', join(root, 'data'));
    expect(shown.status).toBe('検査しました（data/）。');
    expect(shown.problems).toEqual(lines.slice(0, -1));
    expect(shown.totals).toBe(lines.at(-1));
  });

  it('decodes Shift_JIS as the command does, on every one- and two-byte sequence', async () => {
    // The page's replacement for iconv-lite, its TypeScript made JavaScript, run in the browser.
    const shim = ts.transpileModule(readFileSync('src/scripts/iconv-lite-browser.ts', 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const sequences: number[][] = [];
    for (let i = 0; i < 256; i++) sequences.push([i]);
    for (let i = 0x81; i < 0x100; i++) for (let j = 0x40; j < 0x100; j++) sequences.push([i, j]);
    // A blank page, which no Content-Security-Policy keeps from running the code it is given.
    const blank = await browser.newPage();
    const inBrowser = await blank.evaluate(
      ([code, list]) => {
        const exports: { default?: { decode: (b: Uint8Array, e: string) => string } } = {};
        new Function('exports', code)(exports);
        const decode = exports.default!.decode;
        return list.map((b) => decode(new Uint8Array(b), 'cp932'));
      },
      [shim, sequences] as const,
    );
    await blank.close();
    // decode.ts takes a file as CP932 only when nothing is undecodable, so what must agree is which
    // sequences are undecodable, and the text of every other.
    const differ = sequences.filter((b, k) => {
      const node = iconv.decode(Buffer.from(b), 'cp932');
      const browserText = inBrowser[k]!;
      return node.includes('\uFFFD') !== browserText.includes('\uFFFD') || (!node.includes('\uFFFD') && node !== browserText);
    });
    expect(sequences).toHaveLength(256 + 127 * 192);
    expect(differ).toEqual([]);
  });
});
