/**
 * What one file of a data folder may be, and why a file was not read: shared by the reader of a
 * folder on disk (read-data-file.ts) and by the checks of files handed over already read (the
 * browser's check page), so both refuse the same files with the same messages.
 */

/** Upper bounds on what one file may hold; a file above them is reported, not read. */
export const fileLimits = {
  /** A CSV table: room for a national multi-year file, far below what exhausts memory. */
  csvBytes: 256 * 2 ** 20,
  /** A declaration (schema, metrics, site configuration) is written by hand. */
  jsonBytes: 4 * 2 ** 20,
  /**
   * One line of a CSV: a hundred cells at the cell limit (10,000 characters, up to 30,000 bytes
   * in UTF-8) fit with room to spare; a file of one long line is not read into cells at all.
   */
  csvLineBytes: 4 * 2 ** 20,
};

export type ReadRefusal =
  | { reason: 'missing' }
  | { reason: 'outside'; target: string }
  | { reason: 'not-a-file'; kind: string }
  | { reason: 'too-large'; size: number; limit: number }
  | { reason: 'unreadable'; code: string };
