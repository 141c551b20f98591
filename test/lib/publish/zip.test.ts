/**
 * The zip writer: read back entry by entry from its central directory (a reader written here from
 * APPNOTE.TXT, sharing no code with the writer), the same bytes for the same entries and day, and
 * the archive's dates those of the day given.
 */
import { describe, expect, it } from 'vitest';
import { zipArchive } from '../../../src/lib/publish/zip.ts';
import { readZip } from './read-zip.ts';

const csv = 'area_code,name_ja\n14101,鶴見区\n'.repeat(50);
const entries = [
  { name: 'v1.0.0/areas.csv', data: csv },
  { name: 'v1.0.0/spreadsheet/areas.xlsx', data: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]) },
  { name: 'v1.0.0/鶴見区.json', data: '[]' },
];

describe('zipArchive', () => {
  it('holds every entry, in order, with its exact bytes and its UTF-8 name', () => {
    const read = readZip(zipArchive(entries, '2026-11-23'));
    expect(read.map((r) => r.name)).toEqual(['v1.0.0/areas.csv', 'v1.0.0/spreadsheet/areas.xlsx', 'v1.0.0/鶴見区.json']);
    expect(read[0]!.data.toString('utf8')).toBe(csv);
    expect([...read[1]!.data]).toEqual([0x50, 0x4b, 3, 4, 1, 2, 3]);
    expect(read[2]!.data.toString('utf8')).toBe('[]');
    // Every name is flagged UTF-8 (bit 11), so 鶴見区 reads as written in any unzip.
    expect(read.every((r) => (r.flags & 0x0800) !== 0)).toBe(true);
    // The repeated CSV is deflated; the seven bytes that would not shrink are stored.
    expect(read.map((r) => r.method)).toEqual([8, 0, 0]);
  });

  it('writes the same bytes for the same entries and day, and other bytes for another day', () => {
    const a = zipArchive(entries, '2026-11-23');
    expect(Buffer.from(zipArchive(entries, '2026-11-23')).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(zipArchive(entries, '2027-01-05')).equals(Buffer.from(a))).toBe(false);
  });

  it('dates every entry midnight at the start of the day given', () => {
    const read = readZip(zipArchive(entries, '2026-11-23'));
    // MS-DOS date: (year − 1980) << 9 | month << 5 | day.
    expect(read.map((r) => [r.dosDate, r.dosTime])).toEqual(read.map(() => [((2026 - 1980) << 9) | (11 << 5) | 23, 0]));
    expect(read).toHaveLength(3);
  });
});
