/**
 * Text measured without a browser, for laying charts out at build time: widths are estimated
 * from character classes of the chart font (Noto Sans JP / Noto Sans CJK JP, which Hiragino and
 * Yu Gothic match within a few percent), rounded up so a label given room by these figures fits.
 */

// † ‡ § ※ are JIS X 0208 symbols, drawn a full em wide by Japanese fonts.
const wide = /[\u2020\u2021\u00a7\u203b\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2460-\u24ff\u25a0-\u25ff]/u;

/** Width of one character in ems. */
function charWidth(c: string): number {
  if (wide.test(c)) return 1;
  if (c === ' ') return 0.26;
  if (/[.,:;'|!il]/.test(c)) return 0.28;
  if (/[()[\]{}\-–−/rtf]/.test(c)) return 0.4;
  if (c === 'm' || c === 'w' || c === 'M' || c === 'W') return 0.88;
  if (/[A-Z%&@¥+±=~]/.test(c)) return 0.7;
  return /[0-9]/.test(c) ? 0.58 : 0.56;
}

/** Estimated width in px of `text` set at `fontSize` px (bold Latin text is about 6% wider). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  // Bold widens Latin letters; CJK glyphs keep their square em.
  for (const c of text) ems += charWidth(c) * (bold && !wide.test(c) ? 1.06 : 1);
  return ems * fontSize;
}

// A Japanese line must not start with closing brackets or small kana and punctuation (kinsoku).
const noLineStart = /^[、。，．・：；？！）」』】〕ー〜ぁぃぅぇぉっゃゅょァィゥェォッャュョ）\]),.:;!?]/u;

// …nor end with an opening one.
const noLineEnd = /[（「『【〔(]$/u;

/**
 * Breaks `text` into lines no wider than `maxWidth` px: English at spaces, Japanese between any
 * two characters except before closing punctuation. A single word longer than a line stays whole.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const units = text.includes(' ') && !wide.test(text) ? text.split(/(?<= )/) : splitJapanese(text);
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    if (line && textWidth((line + unit).trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = unit.trimStart();
    } else line += unit;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Japanese text cut into units that may start a line: runs of Latin letters and digits stay whole. */
function splitJapanese(text: string): string[] {
  const units: string[] = [];
  for (const piece of text.match(/[A-Za-z0-9.,%]+ ?|\s|./gu) ?? []) {
    const previous = units.at(-1);
    if (previous !== undefined && (noLineStart.test(piece) || noLineEnd.test(previous))) units[units.length - 1] = previous + piece;
    else units.push(piece);
  }
  return units;
}
