/**
 * Draws the preview cards (og-card.ts) as PNG with sharp (libvips and librsvg; text through
 * fontconfig, which keeps its font cache between cards). Drawing runs on libvips' own threads,
 * so cards are drawn while the pages go on rendering on the main thread; the build waits for
 * them at its end (pending-writes.ts).
 *
 * The text is set in the font npm installs (font.ts), never a system font: without it the build
 * stops with a message, rather than publishing cards whose Japanese is missing.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { FONT_FAMILY, useFontInProcess } from './font.ts';
import { track } from './pending-writes.ts';

interface Registry {
  /** Each card file drawn in this build, once. */
  drawn: Set<string>;
  font: string | null;
}
// Pages run in the build's server-side bundle, which has its own copy of this module: the one
// registry is kept on globalThis.
const registryKey = Symbol.for('zaitaku-iryo-dashboard.og-cards');
function registry(): Registry {
  const store = globalThis as Record<symbol, Registry | undefined>;
  return (store[registryKey] ??= { drawn: new Set(), font: null });
}

/**
 * The family the cards' text is set in. The first call points fontconfig at the font: scripts/build.ts
 * has done so before any page renders (rendering threads cannot), and this covers any other
 * process that draws cards (the dev server, tests), before its first text.
 */
export function japaneseFont(): string {
  const r = registry();
  if (r.font) return r.font;
  useFontInProcess();
  return (r.font = FONT_FAMILY);
}

/** Starts drawing the card `svg()` gives into `file` under `outDir` unless this build already did; returns at once. */
export function queueCard(outDir: string, file: string, svg: () => string): void {
  const r = registry();
  if (r.drawn.has(file)) return;
  r.drawn.add(file);
  // Before sharp's first text: fontconfig reads its configuration once.
  japaneseFont();
  const path = join(outDir, file);
  mkdirSync(dirname(path), { recursive: true });
  track(sharp(Buffer.from(svg())).png({ compressionLevel: 6 }).toFile(path));
}

/** How many cards this build drew. */
export const cardsDrawn = () => registry().drawn.size;
