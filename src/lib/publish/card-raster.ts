/**
 * Draws the preview cards (og-card.ts) as PNG with sharp (libvips and librsvg; text through
 * fontconfig, which keeps its font cache between cards). Drawing runs on libvips' own threads:
 * the build's writer (build-effects.ts) asks for a card when it has room, and the main thread
 * goes on rendering pages meanwhile.
 *
 * The text is set in the font npm installs (font.ts), never a system font: without it the build
 * stops with a message, rather than publishing cards whose Japanese is missing.
 */
import sharp from 'sharp';
import { FONT_FAMILY, useFontInProcess } from './font.ts';

let font: string | null = null;

/**
 * The family the cards' text is set in. The first call points fontconfig at the font: scripts/build.ts
 * has done so before any page renders, and this covers any other process that draws cards (tests),
 * before its first text.
 */
export function japaneseFont(): string {
  if (font) return font;
  useFontInProcess();
  return (font = FONT_FAMILY);
}

/** The card `svg()` gives, drawn as PNG when the writer calls for it. */
export const cardPng = (svg: () => string) => async (): Promise<Uint8Array> => {
  // Before sharp's first text: fontconfig reads its configuration once.
  japaneseFont();
  return sharp(Buffer.from(svg())).png({ compressionLevel: 6 }).toBuffer();
};
