/**
 * Where to turn: the places of the optional `contacts` table (data/contacts.csv) that serve an
 * area, each with a sentence saying whom it is for and what it does, and its address, phone,
 * hours and web address only where a row gives them. Nothing is filled in: where the rows lack a
 * phone number or hours, the section says so and where a reader finds them, in words (the
 * city's own pages are not in the data, so no link is made up).
 *
 * The places nearest a resident come first: on a ward's page the ward's own (its hub), then its
 * city's that serve every ward (a ward's residents use the city's community support centres too);
 * on a city's page its wards' places (one entry per kind of place, naming the wards that have one:
 * 18 wards' hubs are one entry), then the city's own.
 */
import { select, type Tables } from '../dataset.ts';
import { formatDate } from '../format.ts';
import { local, type Lang } from '../i18n.ts';
import { translator } from '../i18n/translate.ts';
import type { Row } from '../validate/validate-table.ts';
import { areaInfo, areaName } from './groups.ts';

/** The table a city fills from its own lists (docs/data-format.md). */
export const CONTACTS_TABLE = 'contacts';

export interface ContactEntry {
  /** The row's id, or the first of a group's. */
  id: string;
  name: string;
  /** Whose place it is, where it is not the page's own area (its city's name, on a ward's page). */
  of: string | null;
  /** Whom it is for, as a sentence. */
  forWhom: string;
  /** What it does. */
  what: string;
  /** What a row gives of address, phone, hours and web address, as label and value; the address as printed (Japanese). */
  facts: { kind: 'address' | 'phone' | 'hours' | 'url'; label: string; value: string; lang?: string }[];
  /** Where the same kind of place is in each of several areas: their names and pages. */
  places: { name: string; path: string }[];
  /** The documents and dates the rows rest on (without the word 「出典」). */
  sources: string[];
}

export interface ContactsSection {
  entries: ContactEntry[];
  /** What no row gives (phone, hours…) and where a reader finds it; empty when every row has all. */
  missing: string;
}

/** The places that serve `code`: its own, its wards', then its city's; null where the data has none. */
export function contactsSection(site: { tables: Tables }, code: string, lang: Lang): ContactsSection | null {
  const tables = site.tables;
  const area = areaInfo(tables, code);
  if (!area) return null;
  const own = rowsOf(tables, code);
  const wards = select(tables, 'areas', { parent_code: code }).map((r) => String(r.row.area_code));
  const ofWards = wards.flatMap((w) => rowsOf(tables, w));
  const ofCity = area.parent ? rowsOf(tables, area.parent) : [];
  if (own.length + ofWards.length + ofCity.length === 0) return null;
  const entries = [
    ...grouped(ofWards).map((rows) => entry(tables, rows, lang, null)),
    ...own.map((r) => entry(tables, [r], lang, null)),
    ...ofCity.map((r) => entry(tables, [r], lang, areaName(tables, area.parent!, lang))),
  ];
  const rows = [...ofWards, ...own, ...ofCity];
  return { entries, missing: missingText(tables, rows, [code, ...(area.parent ? [area.parent] : [])], lang) };
}

/** The cities (areas without a parent) whose own rows or wards' rows the table has, in code order. */
export function contactCities(site: { tables: Tables }): string[] {
  const cities = new Set<string>();
  for (const r of select(site.tables, CONTACTS_TABLE)) {
    const code = String(r.row.area_code);
    cities.add(areaInfo(site.tables, code)?.parent ?? code);
  }
  return [...cities].sort();
}

const rowsOf = (tables: Tables, code: string): Row[] => select(tables, CONTACTS_TABLE, { area_code: code }).map((r) => r.row);

/** Rows of one kind of place in several wards (same name, audience and service) as one group, in the table's order. */
function grouped(rows: Row[]): Row[][] {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = [r.name_ja, r.audience_ja, r.service_ja].map(String).join('\u0000');
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()];
}

function entry(tables: Tables, rows: Row[], lang: Lang, of: string | null): ContactEntry {
  const t = translator(lang);
  const first = rows[0]!;
  const text = (field: string) => local(lang, first, field);
  // One place: its own details. Several (the hubs of a city's wards): each ward's page has them.
  const one = rows.length === 1;
  const facts: ContactEntry['facts'] = [];
  if (one) {
    // An address is shown as the document prints it, in Japanese in every edition: the words on the building.
    if (first.address_ja) facts.push({ kind: 'address', label: t('contacts.address'), value: String(first.address_ja), lang: 'ja' });
    if (first.phone) facts.push({ kind: 'phone', label: t('contacts.phone'), value: String(first.phone) });
    const hours = text('hours');
    if (hours) facts.push({ kind: 'hours', label: t('contacts.hours'), value: hours });
    if (first.url) facts.push({ kind: 'url', label: t('contacts.web'), value: String(first.url) });
  }
  return {
    id: String(first.contact_id),
    name: text('name'),
    of,
    forWhom: t('contacts.forWhom', { audience: text('audience') }),
    what: text('service'),
    facts,
    places: one ? [] : rows.map((r) => ({ name: areaName(tables, String(r.area_code), lang), path: `wards/${String(r.area_code)}/#where-to-turn` })),
    sources: [...new Set(rows.map((r) => sourceOf(tables, r, lang)))],
  };
}

/** Publisher「Title」（date）: the row's document and the date it states the place. */
function sourceOf(tables: Tables, row: Row, lang: Lang): string {
  const t = translator(lang);
  const doc = select(tables, 'sources', { document_id: String(row.source_document) })[0]?.row;
  const title = doc ? t('common.documentTitle', { publisherJa: local(lang, doc, 'publisher'), titleJa: local(lang, doc, 'title') }) : String(row.source_document);
  return t('contacts.sourceAsOf', { title, asOf: formatDate(String(row.as_of), lang) });
}

/** Which of phone, hours and web address some row lacks, and where to look instead: the areas' own pages. */
function missingText(tables: Tables, rows: Row[], areas: string[], lang: Lang): string {
  const t = translator(lang);
  const lacking = [
    rows.some((r) => !r.address_ja) ? t('contacts.addresses') : null,
    rows.some((r) => !r.phone) ? t('contacts.phoneNumbers') : null,
    rows.some((r) => !local(lang, r, 'hours')) ? t('contacts.openingHours') : null,
  ].filter((s): s is string => s !== null);
  if (lacking.length === 0) return '';
  const where = [...new Set(areas)].reverse().map((c) => areaName(tables, c, lang)).join(t('list.and'));
  // 「場所・電話番号・受付時間」, "address, phone number or opening hours".
  const listed = lacking.length > 1 ? `${lacking.slice(0, -1).join(t('list.short'))}${t('contacts.lastOf')}${lacking.at(-1)}` : lacking[0]!;
  return t('contacts.notInDocuments', { lacking: listed, where });
}
