/**
 * Draws the preview cards (og-card.ts) as PNG with sharp (libvips and librsvg; text through
 * fontconfig, which keeps its font cache between cards). Drawing runs on libvips' own threads,
 * so cards are drawn while the pages go on rendering on the main thread; the build waits for
 * them at its end (pending-writes.ts).
 *
 * The text is set in a Japanese font found with fc-list (Debian's fonts-noto-cjk): without one,
 * the build stops with a message, rather than publishing cards whose Japanese shows as boxes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
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

/** Font families, in order of preference, that draw Japanese; the first installed one is used. */
const preferred = ['Noto Sans CJK JP', 'Noto Sans JP', 'IPAexGothic', 'IPAGothic', 'TakaoGothic'];

/** The family name of an installed font that covers Japanese, per fc-list; an error in both languages when there is none. */
export function japaneseFont(): string {
  const r = registry();
  if (r.font) return r.font;
  let listed = '';
  try {
    listed = execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
  } catch {
    // No fontconfig tools: treated as no font found.
  }
  const families = new Set(listed.split('\n').flatMap((line) => line.split(',').map((f) => f.trim())).filter(Boolean));
  const font = preferred.find((f) => families.has(f)) ?? [...families].find((f) => !/mono/i.test(f));
  if (!font)
    throw new Error(
      'error: 共有用画像に使う日本語フォントが見つかりません（fc-list :lang=ja）。Debian なら fonts-noto-cjk を入れてください / ' +
        'no Japanese font found for the preview images (fc-list :lang=ja); on Debian, install fonts-noto-cjk',
    );
  return (r.font = font);
}

/** Starts drawing the card `svg()` gives into `file` under `outDir` unless this build already did; returns at once. */
export function queueCard(outDir: string, file: string, svg: () => string): void {
  const r = registry();
  if (r.drawn.has(file)) return;
  r.drawn.add(file);
  const path = join(outDir, file);
  mkdirSync(dirname(path), { recursive: true });
  track(sharp(Buffer.from(svg())).png({ compressionLevel: 6 }).toFile(path));
}

/** How many cards this build drew. */
export const cardsDrawn = () => registry().drawn.size;
