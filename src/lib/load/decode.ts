/**
 * Bytes of a CSV file to text. Japanese municipal CSVs come from Excel, which writes Shift_JIS
 * (CP932) by default and a byte-order mark when saving "CSV UTF-8", so both are accepted and
 * reported; bytes that are neither are an error with the place of the first bad byte.
 */
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; line: number; column: number; byte: number };

const BOM = [0xef, 0xbb, 0xbf];

export function decodeCsvBytes(bytes: Uint8Array): Decoded {
  const hasBom = BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { ok: true, text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // Not UTF-8: try CP932, and accept it only if every byte sequence was valid in it.
    if (!hasBom) {
      const text = iconv.decode(body, 'cp932');
      if (!text.includes('\uFFFD') && looksLikeText(text)) return { ok: true, text, encoding: 'shift_jis' };
    }
    const at = firstInvalidUtf8(body);
    const before = new TextDecoder('utf-8').decode(body.subarray(0, at));
    const lines = before.split('\n');
    return {
      ok: false,
      line: lines.length,
      column: (lines[lines.length - 1] ?? '').split(',').length,
      byte: at + (hasBom ? 3 : 0),
    };
  }
}

/** Control characters other than tab and line ends mean the bytes were not text at all. */
function looksLikeText(text: string): boolean {
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text);
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return i;
}
