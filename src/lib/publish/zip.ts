/**
 * A zip archive written from entries in memory, the same bytes for the same entries and day: no
 * library adds the time it ran, and Node's zlib deflates (APPNOTE.TXT: local headers, data,
 * central directory, end record; UTF-8 names, flag bit 11). Entries are stored uncompressed when
 * deflating would not make them smaller. No zip64: an archive of the site's downloads stays far
 * below 4 GiB and 65,535 entries, and a larger one is refused rather than written wrong.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { dosDate } from './zip-dates.ts';

export interface ZipEntry {
  /** The path inside the archive, with forward slashes. */
  name: string;
  data: Uint8Array | string;
}

const LIMIT = 0xffffffff;

/** The archive of `entries`, in the order given, every entry dated midnight at the start of `day` (YYYY-MM-DD). */
export function zipArchive(entries: readonly ZipEntry[], day: string): Uint8Array {
  if (entries.length > 0xffff) throw new Error(`zip: ${entries.length} entries need zip64`);
  const { time, date } = dosDate(day);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    if (data.length > LIMIT || body.length > LIMIT || offset > LIMIT) throw new Error(`zip: ${entry.name} needs zip64`);
    const method = stored ? 0 : 8;
    // The local and central headers share one run of fields, two bytes further on in the central one.
    const fields = { method, time, date, crc, compressed: body.length, size: data.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, fields);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    writeEntryFields(header, 6, fields);
    // Extra field, comment, disk number, internal and external attributes: all zero.
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(header, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  if (offset > LIMIT || centralSize > LIMIT) throw new Error('zip: the archive needs zip64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/**
 * The fields a local header (from byte 4) and a central header (from byte 6) share: version needed,
 * flags (UTF-8 names), method, time, date, CRC-32, sizes and the name's length; the extra field's
 * length after them is zero.
 */
function writeEntryFields(buf: Buffer, at: number, f: { method: number; time: number; date: number; crc: number; compressed: number; size: number; nameLength: number }) {
  buf.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  buf.writeUInt16LE(0x0800, at + 2); // names are UTF-8
  buf.writeUInt16LE(f.method, at + 4);
  buf.writeUInt16LE(f.time, at + 6);
  buf.writeUInt16LE(f.date, at + 8);
  buf.writeUInt32LE(f.crc, at + 10);
  buf.writeUInt32LE(f.compressed, at + 14);
  buf.writeUInt32LE(f.size, at + 18);
  buf.writeUInt16LE(f.nameLength, at + 22);
}
