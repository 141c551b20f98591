/**
 * The release history in data/releases.csv: version order, the release the diff report
 * compares with, and the CSV line a new release appends.
 */
import type { Row } from '../validate/validate-table.ts';

export interface Release {
  version: string;
  releasedOn: string;
  /** Null until the commit holding the release's data is recorded. */
  gitRevision: string | null;
  noteJa: string;
  noteEn: string;
  /** The row as written, for the note in any language (`note_<code>`). */
  row?: Row;
}

const versionPattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Whether a version is MAJOR.MINOR.PATCH, as releases.schema.json requires. */
export const isVersion = (v: string) => versionPattern.test(v);

/** Orders two versions by their numbers (1.10.0 after 1.9.0), for sort(). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Releases from the validated rows of releases.csv, oldest version first. */
export function releasesFromRows(rows: readonly Row[]): Release[] {
  return rows
    .map((r) => ({
      version: String(r.version),
      releasedOn: String(r.released_on),
      gitRevision: r.git_revision == null || r.git_revision === '' ? null : String(r.git_revision),
      noteJa: String(r.note_ja),
      noteEn: String(r.note_en),
      row: r,
    }))
    .sort((a, b) => compareVersions(a.version, b.version));
}

/** The newest release whose commit is recorded: the default base of the diff report. */
export function latestWithRevision(releases: readonly Release[]): Release | null {
  return releases.filter((r) => r.gitRevision !== null).at(-1) ?? null;
}

/** A CSV line for a release, in releases.csv's column order, quoted where RFC 4180 requires. */
export function releaseCsvLine(header: readonly string[], release: Release): string {
  const values: Record<string, string> = {
    version: release.version,
    released_on: release.releasedOn,
    git_revision: release.gitRevision ?? '',
    note_ja: release.noteJa,
    note_en: release.noteEn,
  };
  return header.map((h) => quote(values[h] ?? '')).join(',');
}

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
