/**
 * Japanese-era dates and fiscal years as municipal files write them (平成27年10月1日, H27.10.1,
 * 令和3年度, R3), turned into ISO dates and fiscal-year numbers. The input is expected to be
 * NFKC-normalised already, so digits are ASCII.
 */

/** First Gregorian year of each era, keyed by both its kanji and its letter. */
const eras: Record<string, number> = {
  明治: 1868, M: 1868,
  大正: 1912, T: 1912,
  昭和: 1926, S: 1926,
  平成: 1989, H: 1989,
  令和: 2019, R: 2019,
};
const eraPattern = '(明治|大正|昭和|平成|令和|[MTSHRmtshr])';


export interface ParsedDate {
  iso: string;
  /** `month` when the text named no day and the first of the month was taken. */
  precision: 'day' | 'month';
}

const kanjiDate = new RegExp(`^${eraPattern}\\s*(元|\\d{1,2})\\s*年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?\\s*(?:\\([月火水木金土日]\\))?$`);
const letterDate = new RegExp(`^${eraPattern}\\s*(\\d{1,2})[.\\-/](\\d{1,2})(?:[.\\-/](\\d{1,2}))?$`);
const westernDate = /^(\d{4})\s*[/.年]\s*(\d{1,2})\s*[/.月]\s*(\d{1,2})\s*日?$/;

/** A Japanese-era or slash-separated date as ISO `YYYY-MM-DD`, or null if it is not one. */
export function parseJapaneseDate(text: string): ParsedDate | null {
  const s = text.trim();
  let m = kanjiDate.exec(s) ?? letterDate.exec(s);
  if (m) {
    const year = eraYearOf(m[1]!, m[2]!);
    return toIso(year, Number(m[3]), m[4] === undefined ? undefined : Number(m[4]));
  }
  m = westernDate.exec(s);
  if (m) return toIso(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

const fiscalYearText = new RegExp(`^(?:${eraPattern}\\s*(元|\\d{1,2})\\s*(?:年度?)?|(\\d{4})\\s*年度|FY\\s*(\\d{4}))$`, 'i');

/** 令和3年度, R3, H27年度, 2021年度, FY2021 → the year in which that fiscal year starts. */
export function parseFiscalYear(text: string): number | null {
  const m = fiscalYearText.exec(text.trim());
  if (!m) return null;
  if (m[1]) return eraYearOf(m[1], m[2]!);
  return Number(m[3] ?? m[4]);
}

function eraYearOf(era: string, year: string): number {
  const start = eras[era] ?? eras[era.toUpperCase()]!;
  return start + (year === '元' ? 1 : Number(year)) - 1;
}

function toIso(year: number, month: number, day: number | undefined): ParsedDate | null {
  const d = day ?? 1;
  const date = new Date(Date.UTC(year, month - 1, d));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== d) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { iso: `${year}-${pad(month)}-${pad(d)}`, precision: day === undefined ? 'month' : 'day' };
}

/** True for a valid calendar date written exactly as `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  return toIso(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}
