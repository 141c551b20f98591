/**
 * Text measured without a browser, for laying charts out at build time: widths are estimated
 * from character classes of the chart font (Noto Sans JP / Noto Sans CJK JP, which Hiragino and
 * Yu Gothic match within a few percent), rounded up so a label given room by these figures fits.
 */

// † ‡ § ※ are JIS X 0208 symbols, drawn a full em wide by Japanese fonts.
const wide = /[\u2020\u2021\u00a7\u203b\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2460-\u24ff\u25a0-\u25ff]/u;

/**
 * Widths in ems of the characters of `text`, added to `ems` one by one. A build measures millions
 * of characters of a few hundred kinds: each UTF-16 unit's class is found once. A character
 * outside the Basic Multilingual Plane (a surrogate pair) is of no wide class: 0.56.
 */
function addEms(ems: number, text: string, bold = false): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let w: number;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      w = 0.56;
      i++;
    } else {
      w = widths[code]!;
      if (w < 0) widths[code] = w = classWidth(String.fromCharCode(code));
    }
    // Bold widens Latin letters; CJK glyphs keep their square em (1).
    ems += bold && w !== 1 ? w * 1.06 : w;
  }
  return ems;
}
const widths = new Float64Array(0x10000).fill(-1);

function classWidth(c: string): number {
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
  return addEms(0, text, bold) * fontSize;
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
  // The line's width so far in ems, added character by character as textWidth adds them, so a
  // line is measured once and not again for every unit it gains.
  let ems = 0;
  for (const unit of units) {
    if (line) {
      const body = unit.trimEnd();
      const width = body ? addEms(ems, body) * fontSize : textWidth((line + unit).trimEnd(), fontSize);
      if (width > maxWidth) {
        lines.push(line.trimEnd());
        line = unit.trimStart();
        ems = addEms(0, line);
        continue;
      }
    }
    line += unit;
    ems = addEms(ems, unit);
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
