/**
 * The font that everything this project draws itself is set in: the preview cards (sharp) and
 * the pages as the browser checks and screenshots see them (Chromium). Noto Sans JP, the first
 * font of the site's stack, comes with `npm ci` as an npm package (Google Fonts' TTF files), so a
 * machine needs no system font. (BIZ UDPGothic, the Universal Design font, was tried first: its
 * Latin letters are about 18 % and its digits about 35 % wider than Noto's, which the chart
 * label estimates in src/charts/text-width.ts and the page layout are measured for.)
 *
 * Both programs find fonts through fontconfig, which reads the configuration named by
 * FONTCONFIG_FILE once, when it first needs a font. The configuration written here names only the
 * package's folder: a system font can neither stand in for it nor hide that it is missing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The family name fontconfig and CSS know the font by. */
export const FONT_FAMILY = 'Noto Sans JP';

const fontPackage = '@expo-google-fonts/noto-sans-jp';
// The regular and bold weights the site uses; the package's seven others are left out.
const fontFiles = ['400Regular/NotoSansJP_400Regular.ttf', '700Bold/NotoSansJP_700Bold.ttf'];

const missing = (where: string) =>
  new Error(
    `error: 画像と画面の確認に使うフォント（${FONT_FAMILY}、${fontPackage}）が見つかりません（${where}）。npm ci で入れてください / ` +
      `the font for the preview images and browser checks (${FONT_FAMILY}, ${fontPackage}) is missing (${where}); run npm ci`,
  );

/**
 * The package's folder (regular and bold TTF files below it), as Node finds packages from `from`
 * (a file's URL or path; by default this module's); a bilingual error naming `npm ci` when it is not installed.
 */
export function fontDir(from: string = import.meta.url): string {
  let dir: string;
  try {
    dir = dirname(createRequire(from).resolve(`${fontPackage}/package.json`));
  } catch {
    throw missing(`node_modules/${fontPackage}`);
  }
  for (const file of fontFiles) if (!existsSync(join(dir, file))) throw missing(join(dir, file));
  return dir;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Writes the fontconfig configuration naming only the font's two weight folders, with its cache beside it in
 * the temporary folder; returns its path. One folder per font folder, so checkouts side by side
 * keep their own; written through a rename, so processes starting together never read half a file.
 */
export function fontconfigFile(): string {
  const dir = fontDir();
  const home = join(tmpdir(), `zaitaku-fontconfig-${createHash('sha256').update(dir).digest('hex').slice(0, 12)}`);
  const file = join(home, 'fonts.conf');
  const text = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    ...fontFiles.map((f) => `  <dir>${xml(join(dir, dirname(f)))}</dir>`),
    `  <cachedir>${xml(join(home, 'cache'))}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
  mkdirSync(home, { recursive: true });
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, text);
    renameSync(partial, file);
  }
  return file;
}

/**
 * The environment that makes fontconfig see this font and nothing else. FONTCONFIG_PATH too: a
 * program may fill it in when unset (the packaged Chromium does, with its own font folder), and
 * without it an include in the configuration would be looked for among the system's.
 */
export function fontEnv(): { FONTCONFIG_FILE: string; FONTCONFIG_PATH: string } {
  const file = fontconfigFile();
  return { FONTCONFIG_FILE: file, FONTCONFIG_PATH: dirname(file) };
}

/**
 * Points this process's fontconfig at the font. Must run before the first text is drawn (later,
 * fontconfig keeps the configuration it already read), and on the main thread: a worker thread's
 * process.env is its own copy, while the native libraries read the process's environment, which
 * the worker shares with the main thread.
 */
export function useFontInProcess(): void {
  Object.assign(process.env, fontEnv());
}
