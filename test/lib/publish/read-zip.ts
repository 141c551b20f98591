/**
 * A zip reader for tests, written from APPNOTE.TXT and sharing no code with the site's writer:
 * every entry from the end record and central directory, its local header found, its data
 * inflated (or stored) and checked against its CRC-32.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export interface Read {
  name: string;
  method: number;
  flags: number;
  dosDate: number;
  dosTime: number;
  data: Buffer;
}

/** Every entry of a zip archive, from its end record and central directory, with its data checked against its CRC. */
export function readZip(bytes: Uint8Array): Read[] {
  const buf = Buffer.from(bytes);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end record');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out: Read[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`no central header at ${at}`);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`no local header at ${local}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + size);
    const data = method === 0 ? Buffer.from(body) : inflateRawSync(body);
    if (crc32(data) !== crc) throw new Error(`CRC of entry ${i}`);
    out.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLength), method, flags: buf.readUInt16LE(at + 8), dosTime: buf.readUInt16LE(at + 12), dosDate: buf.readUInt16LE(at + 14), data });
    at += 46 + skip;
  }
  return out;
}
