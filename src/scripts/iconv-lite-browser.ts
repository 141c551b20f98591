/**
 * iconv-lite as the check page's bundle sees it (astro.config.ts swaps it in for the browser only):
 * decode.ts's one use, CP932, through the browser's own Shift_JIS decoder (the WHATWG Encoding
 * Standard's), so the page carries no code tables. The two agree on every one- and two-byte
 * sequence but one row: the browser reads lead byte 0xF9 as the last row of the user-defined area
 * (U+E69C–U+E757), of which iconv-lite's CP932 defines the first only (0xF940); the others are made
 * undecodable here too,
 * so the page refuses the same files `npm run validate` refuses (test/browser/chart-save.test.ts
 * compares the two on every sequence).
 */
const beyondCp932 = /[\uE69D-\uE757]/g;

export default {
  decode: (bytes: Uint8Array, encoding: string) => new TextDecoder(encoding.toLowerCase() === 'cp932' ? 'shift_jis' : encoding).decode(bytes).replace(beyondCp932, '\uFFFD'),
};
