/**
 * Numbers, dates and fiscal years written the way Japanese public documents write them, and in English.
 * A language writes them as its grammar does (src/lib/i18n/grammar.ts): やさしい日本語 as Japanese.
 */
import { grammarOf, numberLocale, peopleIn } from './i18n/grammar.ts';

// Each era and the day it began; its first year is that day's.
const eraStarts: [string, string, string][] = [
  ['令和', 'R', '2019-05-01'],
  ['平成', 'H', '1989-01-08'],
  ['昭和', 'S', '1926-12-25'],
];

/** 1533 → "1,533"; 9.3456 with 1 digit → "9.3". */
export function formatNumber(value: number, digits = 0, lang: string = 'ja'): string {
  // Building a formatter is what costs; thousands of pages reuse a handful of them.
  const locale = numberLocale(lang);
  const key = `${locale}${digits}`;
  let f = formatters.get(key);
  if (!f) {
    const format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, (f = { format, written: new Map() }));
  }
  // The same figures recur on many pages (an area's value on its page, its group's and every
  // comparison), and formatting costs ten times a lookup. Bounded for long dev sessions.
  // Zero is not kept: the map does not tell 0 from −0, which Intl writes as "-0".
  if (value === 0) return f.format.format(value);
  let text = f.written.get(value);
  if (text === undefined) {
    if (f.written.size >= 100_000) f.written.clear();
    f.written.set(value, (text = f.format.format(value)));
  }
  return text;
}
const formatters = new Map<string, { format: Intl.NumberFormat; written: Map<number, string> }>();

/** `roundPeople('ja', 50000)` → 5万人; `roundPeople('en', 50000)` → 50,000. */
export const roundPeople = (lang: string, n: number) => peopleIn(lang, n, (v) => formatNumber(v, 0, lang));

/**
 * A fiscal year as 令和3年度（FY2021）. The era is the one in force for most of the year (on
 * 1 October), as official documents write it: FY2019 is 令和元年度 although 1 April 2019 was
 * still Heisei, and FY1988 is 昭和63年度.
 */
export function formatFiscalYear(year: number, lang: string = 'ja'): string {
  const locale = grammarOf(lang);
  if (locale === 'en') return `FY${year}`;
  const [era, , from] = eraStarts.find(([, , from]) => `${year}-10-01` >= from)!;
  const n = year - Number(from.slice(0, 4)) + 1;
  return `${era}${n === 1 ? '元' : n}年度（FY${year}）`;
}

/** 2015-10-31 → "2015年10月31日" or "31 Oct 2015". */
export function formatDate(iso: string, lang: string = 'ja'): string {
  const locale = grammarOf(lang);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (locale === 'ja') return `${y}年${m}月${d}日`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  return `${d} ${month} ${y}`;
}

/** A period as "2015年4月1日～2015年12月31日". */
export function formatPeriod(start: string, end: string, lang: string = 'ja'): string {
  const locale = grammarOf(lang);
  if (start === end) return formatDate(start, locale);
  return locale === 'ja' ? `${formatDate(start)}～${formatDate(end)}` : `${formatDate(start, 'en')} – ${formatDate(end, 'en')}`;
}

/** 2016-05-01 → "2016年5月" or "May 2016", for dates known only to the month. */
export function formatYearMonth(iso: string, lang: string = 'ja'): string {
  const locale = grammarOf(lang);
  const [y, m] = iso.split('-').map(Number) as [number, number];
  if (locale === 'ja') return `${y}年${m}月`;
  return `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} ${y}`;
}
