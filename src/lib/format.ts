/**
 * Numbers, dates and fiscal years as each language writes them: numbers in its locale (Intl), dates
 * and fiscal years by its catalogue's patterns (`format.date`, `format.fiscalYear`, …), the way
 * Japanese public documents write them in Japanese. A language without its own takes its
 * fallback's (src/lib/i18n/grammar.ts): やさしい日本語 writes them as Japanese.
 */
import { calendarOf, messageOf, numberLocale, peopleIn } from './i18n/grammar.ts';

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
 * A fiscal year as 令和3年度（FY2021）: the catalogue's `format.fiscalYear` with the year, its era and
 * the year in the era. The era is the one in force for most of the year (on 1 October), as official
 * documents write it: FY2019 is 令和元年度 although 1 April 2019 was still Heisei, and FY1988 is 昭和63年度.
 */
export function formatFiscalYear(year: number, lang: string = 'ja'): string {
  return messageOf(lang, 'format.fiscalYear', eraOf(year, lang));
}

/** A fiscal year without its Western year beside it (令和3年度; FY2021), where a chart has little room. */
export function formatFiscalYearShort(year: number, lang: string = 'ja'): string {
  return messageOf(lang, 'format.fiscalYearShort', eraOf(year, lang));
}

/** A fiscal year as a chart row names it: the Western year first with its era beside it (2017（平成29）; FY2017). */
export function formatFiscalYearRow(year: number, lang: string = 'ja'): string {
  return messageOf(lang, 'format.fiscalYearRow', eraOf(year, lang));
}

/** The year's era in the language's calendar (`$language.calendar`); without one, no era and the year itself. */
function eraOf(year: number, lang: string) {
  if (calendarOf(lang) !== 'japanese') return { year, era: '', eraYear: year };
  const [era, , from] = eraStarts.find(([, , from]) => `${year}-10-01` >= from)!;
  const n = year - Number(from.slice(0, 4)) + 1;
  return { year, era, eraYear: n === 1 ? messageOf(lang, 'format.eraFirstYear') : n };
}

/** The parts a date pattern may use: the year, the day, and the month's name from the language's list `names`. */
function dateParts(iso: string, lang: string, names: 'format.monthsShort' | 'format.monthsLong') {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  let list = monthNames.get(`${lang}|${names}`);
  if (!list) monthNames.set(`${lang}|${names}`, (list = messageOf(lang, names).split(',')));
  return { year: y, day: d, monthName: list[m - 1] ?? String(m) };
}
// Each language's month names, split once per process.
const monthNames = new Map<string, string[]>();

/** 2015-10-31 → "2015年10月31日" or "31 Oct 2015" (`format.date`). */
export function formatDate(iso: string, lang: string = 'ja'): string {
  return messageOf(lang, 'format.date', dateParts(iso, lang, 'format.monthsShort'));
}

/** A period as "2015年4月1日～2015年12月31日" (`format.period`). */
export function formatPeriod(start: string, end: string, lang: string = 'ja'): string {
  if (start === end) return formatDate(start, lang);
  return messageOf(lang, 'format.period', { start: formatDate(start, lang), end: formatDate(end, lang) });
}

/** 2016-05-01 → "2016年5月" or "May 2016", for dates known only to the month (`format.yearMonth`). */
export function formatYearMonth(iso: string, lang: string = 'ja'): string {
  return messageOf(lang, 'format.yearMonth', dateParts(iso, lang, 'format.monthsLong'));
}

/** 2016-05-01 → "2016年" or "2016", for dates known only to the year (`format.year`). */
export function formatYear(iso: string, lang: string = 'ja'): string {
  return messageOf(lang, 'format.year', dateParts(iso, lang, 'format.monthsShort'));
}

/** Text with the brackets of Japanese text, （ and ）, written as the language writes brackets. */
export function brackets(text: string, lang: string = 'ja'): string {
  return text.replace(/（/g, messageOf(lang, 'format.openBracket')).replace(/）/g, messageOf(lang, 'format.closeBracket'));
}
