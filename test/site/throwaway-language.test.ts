/**
 * Adding a language is a catalogue and a line of configuration, no page code: a copy of data/ gains
 * a pseudo-language `xx` whose catalogue (made here from locales/en.json) wraps every message in
 * ⟦…⟧ and leaves a few keys out, and site.json lists it. Every page built in English is then built
 * under /xx/ too, with the messages of the catalogue, the keys it lacks and the labels data/ has no
 * `xx` for falling back to English (its declared fallback), and `npm run validate` names each
 * missing key at its place.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'throwaway-language-'));
const data = join(work, 'data');
const out = join(work, 'site');
// Left out of the pseudo catalogue: these fall back to English.
const missing = ['nav.glossary', 'base.skipContent', 'common.rank'];

beforeAll(() => {
  cpSync('data', data, { recursive: true });
  const en = JSON.parse(readFileSync('locales/en.json', 'utf8')) as Record<string, unknown>;
  const xx: Record<string, unknown> = { $language: { name: 'Pseudo', fallback: 'en' } };
  for (const [key, message] of Object.entries(en)) if (!key.startsWith('$') && !missing.includes(key)) xx[key] = `⟦${String(message)}⟧`;
  mkdirSync(join(data, 'locales'), { recursive: true });
  writeFileSync(join(data, 'locales', 'xx.json'), JSON.stringify(xx, null, 2) + '\n');
  const site = JSON.parse(readFileSync(join(data, 'site.json'), 'utf8')) as { languages: unknown[] };
  site.languages = [...site.languages, 'xx'];
  writeFileSync(join(data, 'site.json'), JSON.stringify(site, null, 2) + '\n');
  const r = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, DATA_DIR: data, OUT_DIR: out, RELEASES_DIR: join(work, 'no-releases') }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pagesUnder = (prefix: string) =>
  (readdirSync(join(out, prefix), { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html')).map((f) => f.split(sep).join('/')).sort();
const doc = (path: string) => parseHTML(readFileSync(join(out, path, 'index.html'), 'utf8')).document;

describe('a language added by a catalogue and a line of configuration', () => {
  it('builds every English page under /xx/ as well', () => {
    const english = pagesUnder('en');
    expect(english.length).toBeGreaterThan(100);
    expect(pagesUnder('xx')).toEqual(english);
  });

  it('shows the catalogue’s messages, and English where a key is missing', () => {
    const page = doc('xx/wards/14101');
    expect(page.documentElement.getAttribute('lang')).toBe('xx');
    const nav = [...page.querySelectorAll('nav.main a')].map((a) => a.textContent ?? '');
    expect(nav.length).toBeGreaterThan(5);
    // Every item is wrapped, except the glossary, whose key the catalogue lacks.
    for (const item of nav) expect(item === 'Glossary' || /^⟦.*⟧$/.test(item), item).toBe(true);
    expect(nav).toContain('Glossary');
    expect(page.querySelector('a.skip')!.textContent).toBe('Skip to content');
    const head = [...page.querySelectorAll('table thead th')].map((th) => th.textContent);
    expect(head).toContain('Rank');
    expect(head).toContain('⟦Measure⟧');
  });

  it('falls back to English for labels that data/ declares in Japanese and English only', () => {
    const page = doc('xx');
    expect(page.querySelector('.site-name')!.textContent).toBe('Home-care statistics');
    // The ward's and its city's names from areas.csv (name_en, as name_xx is absent), in the catalogue's frame.
    expect(doc('xx/wards/14101').querySelector('h1')!.textContent).toBe('Tsurumi Ward⟦ (Yokohama City)⟧');
  });

  it('is offered by the language switch of every other edition', () => {
    const links = [...doc('en/wards/14101').querySelectorAll('.lang-switch a')].map((a) => [a.getAttribute('hreflang'), a.getAttribute('href'), a.textContent]);
    expect(links).toContainEqual(['xx', '/xx/wards/14101/', 'Pseudo']);
  });

  it('has npm run validate warn of each missing key at its place in the catalogue', () => {
    const r = spawnSync(process.execPath, ['scripts/validate.ts', data], { encoding: 'utf8' });
    expect(r.status, r.stdout).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.includes('locales/xx.json'));
    for (const key of missing) expect(lines.some((l) => /xx\.json:\d+:\d+: warning: /.test(l) && l.includes(`「${key}」`) && l.includes(`"${key}"`)), key).toBe(true);
    expect(lines.length).toBe(missing.length);
  });
});
