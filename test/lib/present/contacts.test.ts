/**
 * Where to turn: which places an area's page lists and in what order, what of each it shows
 * (only what a row gives), and what it says is missing. The rows are fictional (test/fixtures/
 * contacts/contacts.csv) on the frozen 1.0.0 data folder, with the table's real declaration.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { runGate } from '../../../src/lib/pipeline.ts';
import { contactCities, contactsSection } from '../../../src/lib/present/contacts.ts';
import { loadSiteData } from '../../../src/lib/site-data.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'contacts-'));
cpSync(frozenData, dir, { recursive: true });
cpSync('data/contacts.schema.json', join(dir, 'contacts.schema.json'));
cpSync('test/fixtures/contacts/contacts.csv', join(dir, 'contacts.csv'));
const site = loadSiteData(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('where to turn, on an area page', () => {
  it('lists a ward’s own place with every detail its row gives, then its city’s', () => {
    const section = contactsSection(site, '14101', 'ja')!;
    expect(section.entries.map((e) => [e.name, e.of])).toEqual([['拠点テスト', null], ['市の窓口テスト', '横浜市']]);
    const [hub, city] = section.entries;
    expect(hub!.forWhom).toBe('本人・家族のための相談先です。');
    expect(hub!.what).toBe('相談を受けます。');
    expect(hub!.facts.map((f) => [f.kind, f.value])).toEqual([
      ['address', 'テスト会館内'],
      ['phone', '000-0000-0000'],
      ['hours', '平日9時から17時'],
      ['url', 'https://example.org/hub'],
    ]);
    expect(hub!.places).toEqual([]);
    expect(hub!.sources).toEqual(['横浜市医療局「横浜市在宅医療連携拠点事業について（健康福祉・医療委員会資料）」（2016年2月19日）']);
    // The city's desk gives none: nothing is shown, and the page says what is missing and where to look.
    expect(city!.facts).toEqual([]);
    expect(section.missing).toBe('上の相談先で場所・電話番号・受付時間が書いていないものは、出典の資料に載っていないため書いていません。横浜市と鶴見区のホームページや広報紙などでお確かめください。');
    expect(contactsSection(site, '14101', 'en')!.missing).toBe('Where a place above shows no address, phone number or opening hours, the source documents do not give one: look it up on the websites or in the newsletters of Yokohama City and Tsurumi Ward.');
  });

  it('gives a ward without a place of its own its city’s places', () => {
    expect(contactsSection(site, '14103', 'ja')!.entries.map((e) => [e.name, e.of])).toEqual([['市の窓口テスト', '横浜市']]);
  });

  it('shows a city its wards’ places of one kind as one entry naming each ward, then its own', () => {
    const section = contactsSection(site, '14100', 'en')!;
    expect(section.entries.map((e) => e.name)).toEqual(['Test hub', 'City desk']);
    const hubs = section.entries[0]!;
    expect(hubs.places).toEqual([
      { name: 'Tsurumi Ward', path: 'wards/14101/#where-to-turn' },
      { name: 'Kanagawa Ward', path: 'wards/14102/#where-to-turn' },
    ]);
    // Several places: each ward's page has its details.
    expect(hubs.facts).toEqual([]);
    expect(hubs.forWhom).toBe('For patients and families.');
  });

  it('keeps the address as printed, in Japanese, in the English edition, and the English hours', () => {
    const hub = contactsSection(site, '14101', 'en')!.entries[0]!;
    expect(hub.facts.find((f) => f.kind === 'address')).toMatchObject({ value: 'テスト会館内', lang: 'ja' });
    expect(hub.facts.find((f) => f.kind === 'hours')?.value).toBe('Weekdays 9:00 to 17:00');
  });

  it('has nothing to show where the data has no contacts table, and names the cities it serves', () => {
    expect(contactsSection(loadSiteData(frozenData), '14101', 'ja')).toBeNull();
    expect(contactCities(site)).toEqual(['14100', '14201']);
    const yokosuka = contactsSection(site, '14201', 'ja')!;
    expect(yokosuka.entries.map((e) => [e.name, e.of])).toEqual([['市の課テスト', null]]);
    expect(yokosuka.entries[0]!.sources).toEqual(['横須賀市「平成30年度在宅医療・介護連携推進 取り組み事業について」（2018年5月29日）']);
  });
});

describe('the contacts table', () => {
  it('is validated like every table: a phone number not written as one is an error at its cell', () => {
    const bad = mkdtempSync(join(tmpdir(), 'contacts-bad-'));
    try {
      cpSync(dir, bad, { recursive: true });
      const csv = join(bad, 'contacts.csv');
      writeFileSync(csv, readFileSync(csv, 'utf8').replace('000-0000-0000', '000 0000 0000'));
      const lines = runGate(bad, bad).problems.filter((p) => p.severity === 'error').map(formatProblem);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^contacts\.csv:2:14: error: .+ \/ .+/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
