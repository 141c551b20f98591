/**
 * Japanese-era dates and fiscal years as municipal files write them (平成27年10月1日, H27.10.1,
 * 令和3年度, R3), turned into ISO dates and fiscal-year numbers. The input is expected to be
 * NFKC-normalised already, so digits are ASCII.
 */

interface Era {
  /** First day of the era (its first year is the Gregorian year of this date). */
  start: string;
  /** Last day, for an era that has ended. */
  end?: string;
}

// Era bounds as proclaimed: 明治 from 1868-01-25 (the Gregorian date of Meiji 1-1-1 by the
// calendar then in use), 大正 from 1912-07-30, 昭和 from 1926-12-25, 平成 1989-01-08 to
// 2019-04-30, 令和 from 2019-05-01. A date outside its era (令和元年4月1日, 平成99年) is refused.
const meiji: Era = { start: '1868-01-25', end: '1912-07-29' };
const taisho: Era = { start: '1912-07-30', end: '1926-12-24' };
const showa: Era = { start: '1926-12-25', end: '1989-01-07' };
const heisei: Era = { start: '1989-01-08', end: '2019-04-30' };
const reiwa: Era = { start: '2019-05-01' };
/** Each era, keyed by both its kanji and its letter. */
const eras: Record<string, Era> = {
  明治: meiji, M: meiji,
  大正: taisho, T: taisho,
  昭和: showa, S: showa,
  平成: heisei, H: heisei,
  令和: reiwa, R: reiwa,
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

/**
 * A Japanese-era or slash-separated date as ISO `YYYY-MM-DD`, null if it is not one, or
 * `out-of-range` for an era date the era never had.
 */
export function parseJapaneseDate(text: string): ParsedDate | 'out-of-range' | null {
  const s = text.trim();
  let m = kanjiDate.exec(s) ?? letterDate.exec(s);
  if (m) {
    const era = eraOf(m[1]!);
    const year = eraYearOf(era, m[2]!);
    const parsed = toIso(year, Number(m[3]), m[4] === undefined ? undefined : Number(m[4]));
    if (!parsed) return null;
    // A month without a day is in the era if any day of that month is.
    const first = parsed.iso;
    const last = parsed.precision === 'month' ? lastDayOfMonth(year, Number(m[3])) : first;
    if (last < era.start || (era.end !== undefined && first > era.end)) return 'out-of-range';
    return parsed;
  }
  m = westernDate.exec(s);
  if (m) return toIso(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

const fiscalYearText = new RegExp(`^(?:${eraPattern}\\s*(元|\\d{1,2})\\s*(?:年度?)?|(\\d{4})\\s*年度|FY\\s*(\\d{4}))$`, 'i');

/**
 * 令和3年度, R3, H27年度, 2021年度, FY2021 → the year in which that fiscal year starts;
 * `out-of-range` for an era year the era never reached (平成99年度).
 */
export function parseFiscalYear(text: string): number | 'out-of-range' | null {
  const m = fiscalYearText.exec(text.trim());
  if (!m) return null;
  if (m[1]) {
    const era = eraOf(m[1]);
    const year = eraYearOf(era, m[2]!);
    if (year < Number(era.start.slice(0, 4)) || (era.end !== undefined && year > Number(era.end.slice(0, 4)))) return 'out-of-range';
    return year;
  }
  return Number(m[3] ?? m[4]);
}

function eraOf(name: string): Era {
  return eras[name] ?? eras[name.toUpperCase()]!;
}

function eraYearOf(era: Era, year: string): number {
  return Number(era.start.slice(0, 4)) + (year === '元' ? 1 : Number(year)) - 1;
}

function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
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
