/**
 * Bytes of a CSV file to text. Japanese municipal CSVs come from Excel, which writes Shift_JIS
 * (CP932) by default and a byte-order mark when saving "CSV UTF-8", so both are accepted and
 * reported; bytes that are neither are an error with the place of the first bad byte, and a file
 * whose lines are in two encodings (a row pasted from another file) names the odd lines.
 */
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

/** The first line (1-based) and the number of lines of one encoding in a mixed file. */
export interface EncodingLines {
  first: number;
  lines: number;
}

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; line: number; column: number; byte: number }
  | { ok: false; mixed: { utf8: EncodingLines; other: EncodingLines } };

const BOM = [0xef, 0xbb, 0xbf];

export function decodeCsvBytes(bytes: Uint8Array): Decoded {
  const hasBom = BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const invalidAt = firstInvalidUtf8(body);
  if (invalidAt === body.length) return { ok: true, text: new TextDecoder('utf-8').decode(body), encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  // Not UTF-8 throughout. Lines that are UTF-8 with Japanese in them beside lines that are not
  // were saved in two encodings: reading the whole as either one would garble the other's text.
  const mixed = mixedLines(body);
  if (mixed) return { ok: false, mixed };
  // Then CP932, accepted only if every byte sequence was valid in it.
  if (!hasBom) {
    const text = iconv.decode(body, 'cp932');
    if (!text.includes('\uFFFD') && looksLikeText(text)) return { ok: true, text, encoding: 'shift_jis' };
  }
  const before = new TextDecoder('utf-8').decode(body.subarray(0, invalidAt));
  const lines = before.split('\n');
  return {
    ok: false,
    line: lines.length,
    column: (lines[lines.length - 1] ?? '').split(',').length,
    byte: invalidAt + (hasBom ? 3 : 0),
  };
}

/**
 * The longest line of a file in bytes, and its number: a file of one 120 MB line (a line end lost
 * in a transfer, or not a table at all) would be split into tens of millions of cells before any
 * check could speak, so it is measured on the bytes first.
 */
export function longestLine(bytes: Uint8Array): { line: number; bytes: number } {
  let best = { line: 1, bytes: 0 };
  let line = 1;
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(10, start);
    const stop = end === -1 ? bytes.length : end;
    // A CRLF line end is not part of the line.
    const length = stop - start - (stop > start && bytes[stop - 1] === 13 ? 1 : 0);
    if (length > best.bytes) best = { line, bytes: length };
    if (end === -1) return best;
    start = end + 1;
    line++;
  }
}

/** Control characters other than tab and line ends mean the bytes were not text at all. */
function looksLikeText(text: string): boolean {
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text);
}

/**
 * Lines that are valid UTF-8 with at least one three-byte sequence (Japanese text) and lines that
 * are not valid UTF-8, when a file has both. CP932 text is practically never valid UTF-8 (none of
 * the 482 non-ASCII lines of this publication's tables is, encoded in CP932), so such a file was
 * saved in two encodings.
 */
function mixedLines(bytes: Uint8Array): { utf8: EncodingLines; other: EncodingLines } | null {
  const utf8: EncodingLines = { first: 0, lines: 0 };
  const other: EncodingLines = { first: 0, lines: 0 };
  const count = (e: EncodingLines, line: number) => {
    if (e.lines++ === 0) e.first = line;
  };
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    const end = bytes.indexOf(10, start);
    const stop = end === -1 ? bytes.length : end;
    const part = bytes.subarray(start, stop);
    if (firstInvalidUtf8(part) < part.length) count(other, line);
    else if (hasThreeByteSequence(part)) count(utf8, line);
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return utf8.lines > 0 && other.lines > 0 ? { utf8, other } : null;
}

const hasThreeByteSequence = (bytes: Uint8Array) => bytes.some((b) => b >= 0xe0 && b < 0xf0);

/**
 * Offset of the first byte that does not start or continue a valid UTF-8 sequence (overlong
 * forms, surrogates and code points above U+10FFFF included), or the length when all are valid.
 * One pass over the bytes: a 200 MB file is checked in well under a second.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      // E0 needs A0–BF (no overlong form); ED needs 80–9F (no surrogate).
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      // F0 needs 90–BF (no overlong form); F4 needs 80–8F (nothing above U+10FFFF).
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return n;
}
