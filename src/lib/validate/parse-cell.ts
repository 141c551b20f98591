/**
 * One CSV cell to a typed value, the way a careful person would read a Japanese spreadsheet:
 * full-width digits, thousands separators, △ for minus, era dates and missing-value marks are
 * accepted and reported as normalisations; anything else that does not fit the type is an error.
 */
import type { FieldSchema } from '../schema/table-schema.ts';
import { isIsoDate, parseFiscalYear, parseJapaneseDate } from '../load/japanese-date.ts';

export type Value = string | number | boolean | null;

export type Normalization =
  | 'fullwidth'
  | 'thousands'
  | 'triangle-minus'
  | 'era-date'
  | 'month-date'
  | 'slash-date'
  | 'era-year'
  | 'missing-mark'
  | 'whitespace';

/** Why a cell was refused: the message names the rule a person would have applied. */
export type CellError =
  | 'type-error'
  | 'required-error'
  | 'cell-too-long'
  | 'control-char'
  | 'circled-digit'
  | 'unsafe-integer'
  | 'era-year-in-count'
  | 'era-out-of-range';

export type CellResult =
  | { ok: true; value: Value; normalized?: { kind: Normalization; to: string }; invisible?: string }
  | { ok: false; code: CellError };

/** Longest cell accepted, in UTF-16 units: far above any note in data/, far below what slows a page. */
export const maxCellLength = 10_000;

// NUL and other C0/C1 controls (tab and line ends are text in a quoted cell) would be written raw
// into every page; bidirectional overrides and zero-width characters change what a reader sees
// without being visible, so they are reported but kept.
const controlChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const invisibleChar = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
// Circled and parenthesised numbers (①, ⑳, ㉑, ❶, ⑴, ⒈): NFKC reads them as plain digits, but in a
// table they are labels or footnote marks, never a count.
const enclosedDigit = /[\u2460-\u24FF\u2776-\u2793\u3251-\u325F\u32B1-\u32BF]/;
// Year columns may be written in era notation (令和3年度); any other integer column is a count,
// where "H27" is a transcription slip, not a number.
const yearColumn = /(^|_)year$/;

/** Marks that Japanese tables use for "no figure"; accepted as missing where a value may be missing. */
export const missingMarks = ['-', '－', '―', '‐', '—', '–', 'ー', '…', '‥', '準備中', '*', '＊', 'N/A', '該当なし'];

const integerText = /^-?\d+$/;
const numberText = /^-?(\d+(\.\d*)?|\.\d+)$/;
const groupedText = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

export function parseCell(raw: string, field: FieldSchema, missingValues: readonly string[]): CellResult {
  if (raw.length > maxCellLength) return { ok: false, code: 'cell-too-long' };
  if (controlChar.test(raw)) return { ok: false, code: 'control-char' };
  const result = parseCleanCell(raw, field, missingValues);
  if (result.ok) {
    const hidden = invisibleChar.exec(raw);
    if (hidden) return { ...result, invisible: `U+${hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` };
  }
  return result;
}

function parseCleanCell(raw: string, field: FieldSchema, missingValues: readonly string[]): CellResult {
  if (missingValues.includes(raw)) return missing(field);
  const trimmed = raw.trim();
  if (field.type === 'string') {
    if (trimmed === '') return missing(field);
    const coded = field.constraints?.pattern !== undefined || field.constraints?.enum !== undefined;
    if (!coded)
      // Free text is kept as written (NFKC would turn ① into 1), except surrounding spaces.
      return trimmed === raw ? { ok: true, value: raw } : { ok: true, value: trimmed, normalized: { kind: 'whitespace', to: trimmed } };
    // Codes and keys (a pattern or a list of values) are read like numbers: full width to
    // half width, and a missing-value mark is a blank.
    if (missingMarks.includes(trimmed)) {
      const r = missing(field);
      return r.ok ? { ...r, normalized: { kind: 'missing-mark', to: '' } } : r;
    }
    if (enclosedDigit.test(trimmed)) return { ok: false, code: 'circled-digit' };
    const code = trimmed.normalize('NFKC');
    if (code === raw) return { ok: true, value: raw };
    return { ok: true, value: code, normalized: { kind: code !== trimmed ? 'fullwidth' : 'whitespace', to: code } };
  }

  if (field.type !== 'boolean' && enclosedDigit.test(trimmed)) return { ok: false, code: 'circled-digit' };
  let s = trimmed.normalize('NFKC').replace(/[\u2212\u2012\u2013\u2014\uFF0D]/g, '-');
  let kind: Normalization | undefined = s !== raw ? (trimmed !== raw && s === trimmed ? 'whitespace' : 'fullwidth') : undefined;
  if (missingValues.includes(s)) return missing(field);
  if (missingMarks.includes(trimmed) || missingMarks.includes(s)) {
    const r = missing(field);
    return r.ok ? { ...r, normalized: { kind: 'missing-mark', to: '' } } : r;
  }

  switch (field.type) {
    case 'integer':
    case 'number': {
      if (/^[△▲]/.test(s)) {
        s = '-' + s.slice(1).trim();
        kind = 'triangle-minus';
      }
      if (groupedText.test(s)) {
        s = s.replace(/,/g, '');
        if (kind !== 'triangle-minus') kind = 'thousands';
      }
      if (field.type === 'integer' && !integerText.test(s)) {
        const fy = parseFiscalYear(s);
        if (fy === 'out-of-range') return { ok: false, code: 'era-out-of-range' };
        if (fy === null) return { ok: false, code: 'type-error' };
        if (!yearColumn.test(field.name)) return { ok: false, code: 'era-year-in-count' };
        return { ok: true, value: fy, normalized: { kind: 'era-year', to: String(fy) } };
      }
      if (field.type === 'number' && !numberText.test(s)) return { ok: false, code: 'type-error' };
      const value = Number(s);
      if (!Number.isFinite(value)) return { ok: false, code: 'type-error' };
      // 99999999999999999999 would be published as 100000000000000000000: above 2^53 a double
      // no longer holds every integer, so such a figure cannot be carried exactly.
      if (Math.abs(Math.trunc(value)) > Number.MAX_SAFE_INTEGER) return { ok: false, code: 'unsafe-integer' };
      return kind ? { ok: true, value, normalized: { kind, to: String(value) } } : { ok: true, value };
    }
    case 'date': {
      if (isIsoDate(s)) return kind ? { ok: true, value: s, normalized: { kind, to: s } } : { ok: true, value: s };
      const parsed = parseJapaneseDate(s);
      if (parsed === 'out-of-range') return { ok: false, code: 'era-out-of-range' };
      if (!parsed) return { ok: false, code: 'type-error' };
      const how: Normalization = parsed.precision === 'month' ? 'month-date' : /^\d/.test(s) ? 'slash-date' : 'era-date';
      return { ok: true, value: parsed.iso, normalized: { kind: how, to: parsed.iso } };
    }
    case 'boolean': {
      const lower = s.toLowerCase();
      if (lower === 'true') return { ok: true, value: true };
      if (lower === 'false') return { ok: true, value: false };
      return { ok: false, code: 'type-error' };
    }
  }
}

function missing(field: FieldSchema): CellResult {
  return field.constraints?.required ? { ok: false, code: 'required-error' } : { ok: true, value: null };
}

/** How each normalisation is named in a warning. */
export const normalizationNames: Record<Normalization, { ja: string; en: string }> = {
  fullwidth: { ja: '全角の数字・記号', en: 'full-width digits or signs' },
  thousands: { ja: '桁区切りのカンマ', en: 'thousands separators' },
  'triangle-minus': { ja: '△（マイナス）', en: '△ as a minus sign' },
  'era-date': { ja: '和暦の日付', en: 'Japanese-era date' },
  'month-date': { ja: '日のない年月（月の初日として読みました）', en: 'a year and month without a day (read as the first of the month)' },
  'slash-date': { ja: 'スラッシュ区切りの日付', en: 'slash-separated date' },
  'era-year': { ja: '和暦・年度の表記', en: 'Japanese-era or fiscal-year notation' },
  'missing-mark': { ja: '欠測を表す記号（空欄として読みました）', en: 'a missing-value mark (read as blank)' },
  whitespace: { ja: '前後の空白', en: 'surrounding spaces' },
};
