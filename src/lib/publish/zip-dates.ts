/**
 * Sets every entry's modification time in a zip archive (an .xlsx is one) to a given day, so
 * that a workbook rebuilt from the same release is the same file byte for byte: the zip writer
 * stamps each entry with the time it ran. Only the time and date fields of the local and central
 * headers change (APPNOTE.TXT 4.3.7 and 4.3.12); the compressed data and its CRC do not cover them.
 */

const endOfCentralDirectory = 0x06054b50;
const centralHeader = 0x02014b50;
const localHeader = 0x04034b50;

/** The MS-DOS time and date of midnight at the start of `day` (YYYY-MM-DD). */
export function dosDate(day: string): { time: number; date: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { time: 0, date: ((Math.max(y, 1980) - 1980) << 9) | (m << 5) | d };
}

/** A copy of the zip archive `bytes` with every entry dated `day`; throws on a malformed archive. */
export function withZipDates(bytes: Uint8Array, day: string): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  // The end record sits in the last 22 bytes plus an archive comment of at most 65,535 bytes.
  let end = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === endOfCentralDirectory) {
      end = i;
      break;
    }
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const { time, date } = dosDate(day);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(at, true) !== centralHeader) throw new Error(`not a zip archive: no central header at ${at}`);
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== localHeader) throw new Error(`not a zip archive: no local header at ${local}`);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
