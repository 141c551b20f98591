/**
 * Preview cards are set in the font npm installs (Noto Sans JP), with no system font: with every
 * system font hidden they still show their Japanese, and without the package the build says to run npm ci.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { fontconfigFile, fontDir } from '../../../src/lib/publish/font.ts';

const work = mkdtempSync(join(tmpdir(), 'card-raster-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An environment in which fontconfig knows no font at all: an empty configuration and no folder to include from. */
function noSystemFonts(): NodeJS.ProcessEnv {
  const dir = join(work, 'no-fonts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'fonts.conf'), '<fontconfig></fontconfig>');
  return { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf'), FONTCONFIG_PATH: dir };
}

const svg = (text: string, family: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="120" font-family="${family}"><rect width="600" height="120" fill="#fff"/>` +
  `<text x="20" y="80" font-size="56">${text}</text></svg>`;

/** Runs `code` (an ES module body) in a fresh Node process, as the build does, so fontconfig starts from nothing. */
const run = (code: string, env: NodeJS.ProcessEnv) => spawnSync(process.execPath, ['--input-type=module', '-e', code], { env, encoding: 'utf8' });

/** Draws each text into its own card through card-raster.ts, in a fresh process with `env`; returns the PNGs. */
function drawCards(texts: string[], env: NodeJS.ProcessEnv): { pngs: Buffer[]; font: string } {
  const out = mkdtempSync(join(work, 'cards-'));
  const r = run(
    `const m = await import('./src/lib/publish/card-raster.ts');
     const w = await import('./src/lib/publish/build-effects.ts');
     const effects = w.fileEffects(${JSON.stringify(out)});
     const texts = ${JSON.stringify(texts)};
     for (const [i, t] of texts.entries()) await effects.write('og/' + i + '.png', m.cardPng(() => (${svg.toString()})(t, m.japaneseFont())));
     await effects.drain();
     console.log(m.japaneseFont());`,
    env,
  );
  expect(r.status, r.stderr).toBe(0);
  return { pngs: texts.map((_, i) => readFileSync(join(out, 'og', `${i}.png`))), font: r.stdout.trim() };
}

/** How many pixels of a PNG are dark: the ink its text left. */
async function ink(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  let dark = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i]! < 128) dark++;
  return dark;
}

describe('the preview cards’ font', () => {
  it('is Noto Sans JP from npm, and fontconfig is told of that font’s two weights alone', () => {
    const { font } = drawCards(['在宅医療'], process.env);
    expect(font).toBe('Noto Sans JP');
    const conf = readFileSync(fontconfigFile(), 'utf8');
    expect(conf.match(/<dir>([^<]*)<\/dir>/g)).toEqual([`<dir>${fontDir()}/400Regular</dir>`, `<dir>${fontDir()}/700Bold</dir>`]);
    expect(conf).not.toMatch(/<include/);
    expect(fontDir()).toContain('node_modules/@expo-google-fonts/noto-sans-jp');
  });

  it('draws Japanese glyphs with every system font hidden', async () => {
    const env = noSystemFonts();
    // The same texts drawn by sharp directly in that environment: no font, so each character is
    // the same small placeholder box and the two texts cannot be told apart. This proves the
    // environment hides this machine's fonts.
    const missing = run(
      `const sharp = (await import('sharp')).default;
       for (const t of ['在宅医療', '訪問看護']) process.stdout.write((await sharp(Buffer.from((${svg.toString()})(t, 'Noto Sans JP'))).png().toBuffer()).toString('base64') + '\\n');`,
      env,
    );
    expect(missing.status, missing.stderr).toBe(0);
    const [blankA, blankB] = missing.stdout.trim().split('\n').map((b) => Buffer.from(b, 'base64'));
    expect(blankA!.equals(blankB!)).toBe(true);
    const boxes = await ink(blankA!);

    const { pngs } = drawCards(['在宅医療', '訪問看護'], env);
    const [a, b] = pngs;
    // Four 56 px glyphs leave several times the ink of four placeholder boxes.
    expect(await ink(a!)).toBeGreaterThan(4 * boxes);
    expect(await ink(b!)).toBeGreaterThan(4 * boxes);
    // Different characters, different drawings: real glyphs, not one placeholder for each.
    expect(a!.equals(b!)).toBe(false);
  });

  it('is missing: an error in Japanese and English that says to run npm ci', () => {
    // Resolved from a folder with no node_modules, as on a machine where npm ci has not run.
    const from = join(work, 'elsewhere', 'x.js');
    expect(() => fontDir(from)).toThrow(/フォント.*見つかりません.*npm ci.* \/ .*font .* is missing.*run npm ci/);
  });
});
