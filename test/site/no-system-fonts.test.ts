/**
 * The site builds on a machine with no font of its own: test/global-setup.ts builds it with every
 * system font hidden from fontconfig, and the preview cards it drew show real Japanese glyphs,
 * not the placeholder boxes a font-less machine draws.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { FONT_FAMILY } from '../../src/lib/publish/font.ts';
import { cardFor, cardSvg } from '../../src/lib/publish/og-card.ts';
import { loadSiteData } from '../../src/lib/site-data.ts';

const site = inject('siteDir');
const env = inject('buildFontEnv');

/** Draws `svg` with sharp alone (no font set up) in a fresh process in the build's font environment. */
function drawWithoutSetup(svg: string): Buffer {
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `const sharp = (await import('sharp')).default; process.stdout.write((await sharp(Buffer.from(${JSON.stringify(svg)})).png().toBuffer()).toString('base64'));`],
    { env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  return Buffer.from(r.stdout, 'base64');
}

/** How many pixels below the card's coloured top band are dark: the ink its text left. */
async function ink(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).extract({ left: 0, top: 40, width: 1200, height: 590 }).greyscale().raw().toBuffer({ resolveWithObject: true });
  let dark = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i]! < 128) dark++;
  return dark;
}

describe('the site built with every system font hidden', () => {
  it('was built with an empty fontconfig configuration and nothing to include', () => {
    expect(readFileSync(env.FONTCONFIG_FILE, 'utf8').trim()).toBe('<fontconfig></fontconfig>');
    expect(readdirSync(env.FONTCONFIG_PATH)).toEqual([]);
  });

  it('drew every preview card in that environment, with Japanese glyphs where a font-less machine draws boxes', async () => {
    const cards = readdirSync(join(site, 'og')).filter((f) => f.endsWith('.png'));
    expect(cards.length).toBeGreaterThan(4);
    for (const f of cards) expect(readFileSync(join(site, 'og', f)).subarray(1, 4).toString('latin1'), f).toBe('PNG');

    // The Japanese site card, drawn again by sharp in the same environment without the font: every
    // character is one small placeholder box. The build's card has several times its ink.
    const card = cardFor(loadSiteData('data'), 'ja', '');
    const built = readFileSync(join(site, card.file));
    const boxes = drawWithoutSetup(cardSvg(card, FONT_FAMILY));
    expect(built.equals(boxes)).toBe(false);
    expect(await ink(built)).toBeGreaterThan(4 * (await ink(boxes)));
  });
});
