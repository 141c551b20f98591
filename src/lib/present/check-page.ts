/**
 * The check page for data maintainers: its text, and the site's own data files that the page's
 * script checks a dropped CSV among (reference.json). The checking itself runs in the reader's
 * browser (src/scripts/check-data.ts) with the gate's validators (src/lib/validate/validate-files.ts);
 * nothing is sent anywhere.
 */
import { readdirSync } from 'node:fs';
import { fileLimits, readDataFile } from '../load/read-data-file.ts';
import { CONSISTENCY_FILE } from '../schema/consistency-spec.ts';
import type { Lang } from '../i18n.ts';
import { translator } from '../i18n/translate.ts';

export interface CheckPage {
  title: string;
  description: string;
  lead: string;
  privacy: string;
  noScript: string;
  howFiles: string;
  controls: { files: string; folder: string; drop: string };
  checked: { heading: string; items: string[] };
  notChecked: { heading: string; items: string[] };
  /** What the script says, by name: written into the page, so it needs no text of its own. */
  messages: Record<'loading' | 'loadFailed' | 'checking' | 'noProblems' | 'notCheckedFiles' | 'result', string>;
}

export function checkPage(lang: Lang): CheckPage {
  const t = translator(lang);
  return {
    title: t('checkPage.title'),
    description: t('checkPage.description'),
    lead: t('checkPage.lead'),
    privacy: t('checkPage.privacy'),
    noScript: t('checkPage.noScript'),
    howFiles: t('checkPage.howFiles'),
    controls: { files: t('checkPage.chooseFiles'), folder: t('checkPage.chooseFolder'), drop: t('checkPage.drop') },
    checked: { heading: t('checkPage.checkedHeading'), items: ['checkedTables', 'checkedReferences', 'checkedDeclarations'].map((k) => t(`checkPage.${k}`)) },
    notChecked: { heading: t('checkPage.notCheckedHeading'), items: ['notCheckedText', 'notCheckedLabels', 'notCheckedBoundaries', 'notCheckedFigures'].map((k) => t(`checkPage.${k}`)) },
    messages: {
      loading: t('checkPage.loading'),
      loadFailed: t('checkPage.loadFailed'),
      checking: t('checkPage.checking'),
      noProblems: t('checkPage.noProblems'),
      // The script fills the files in.
      notCheckedFiles: t('checkPage.notCheckedFiles', { files: '{files}' }),
      result: t('checkPage.result', { files: '{files}' }),
    },
  };
}

/** Whether a file of the data folder is one the check page reads: the tables, their schemas and the folder's declarations. */
export const isCheckedFile = (name: string) => name.endsWith('.csv') || name.endsWith('.schema.json') || ['metrics.json', 'site.json', CONSISTENCY_FILE].includes(name);

/** A file of the reference: its text where it is UTF-8 (smaller, and readable), else its bytes in base64. */
export type ReferenceFile = { name: string; text: string } | { name: string; base64: string };

/**
 * The site's data files, byte for byte, for the script to check a dropped file among: the files the
 * build was made from, read through the folder's guards.
 */
export function checkReference(dataDir: string): { files: ReferenceFile[] } {
  const files = readdirSync(dataDir).filter(isCheckedFile).sort();
  return {
    files: files.flatMap((name): ReferenceFile[] => {
      const read = readDataFile(dataDir, name, name.endsWith('.csv') ? fileLimits.csvBytes : fileLimits.jsonBytes);
      if (!read.ok) return [];
      const text = utf8(read.bytes);
      // Kept as text only where encoding it again gives the very bytes (a byte-order mark included).
      return text !== null && Buffer.from(text, 'utf8').equals(read.bytes) ? [{ name, text }] : [{ name, base64: read.bytes.toString('base64') }];
    }),
  };
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
