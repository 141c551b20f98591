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
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(name.length, 28);
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
