/**
 * A synthetic country around the real areas of data/: designated cities with their wards and
 * ordinary municipalities spread over the 47 prefectures, with codes of the real form (prefecture
 * 01–47, designated cities at x100/x130/x140/x150 with wards numbered after them, cities from
 * x201, towns from x301, villages from x501). Names are invented from place-name characters;
 * only the codes' structure is real.
 */
import { lgCode } from './lg-code.ts';
import { stream } from './random.ts';

export type AreaKind = 'designated_city' | 'city' | 'ward';

export interface PlannedArea {
  code: string;
  lgCode: string;
  kind: AreaKind;
  parent: string | null;
  nameJa: string;
  nameKana: string;
  nameEn: string;
  /** From data/areas.csv: its row is copied, and its real figures are kept. */
  real: boolean;
}

export interface RealArea {
  code: string;
  kind: AreaKind;
  parent: string | null;
}

/**
 * The 19 designated cities other than Yokohama with their real ward counts, in the order they
 * join the country as it grows. With Yokohama's 18 wards they make the real 175 wards.
 */
const DESIGNATED: readonly [code: string, wards: number][] = [
  ['01100', 10], ['14130', 7], ['23100', 16], ['04100', 5], ['27100', 24], ['40130', 7], ['26100', 11],
  ['28100', 9], ['11100', 10], ['34100', 8], ['12100', 6], ['40100', 7], ['15100', 8], ['22130', 7],
  ['27140', 7], ['43100', 5], ['33100', 4], ['22100', 3], ['14150', 3],
];
const REAL_WARDS = 175;
/** Areas in the real country: 1,741 municipalities (designated cities among them) and their wards. */
const REAL_AREAS = 1741 + REAL_WARDS;

// Real shares of cities, towns and villages among the 1,718 ordinary municipalities and special wards.
const ORDINARY_KINDS = [
  { weight: 0.455, suffixJa: '市', suffixKana: 'し', suffixEn: 'City', first: 201, last: 299 },
  { weight: 0.427, suffixJa: '町', suffixKana: 'まち', suffixEn: 'Town', first: 301, last: 499 },
  { weight: 0.118, suffixJa: '村', suffixKana: 'むら', suffixEn: 'Village', first: 501, last: 799 },
] as const;

const SYLLABLES: readonly [ja: string, kana: string, en: string][] = [
  ['山', 'やま', 'yama'], ['川', 'かわ', 'kawa'], ['田', 'た', 'ta'], ['野', 'の', 'no'], ['原', 'はら', 'hara'],
  ['島', 'しま', 'shima'], ['木', 'き', 'ki'], ['本', 'もと', 'moto'], ['中', 'なか', 'naka'], ['大', 'おお', 'o'],
  ['小', 'こ', 'ko'], ['高', 'たか', 'taka'], ['東', 'ひがし', 'higashi'], ['西', 'にし', 'nishi'], ['南', 'みなみ', 'minami'],
  ['北', 'きた', 'kita'], ['松', 'まつ', 'matsu'], ['竹', 'たけ', 'take'], ['梅', 'うめ', 'ume'], ['桜', 'さくら', 'sakura'],
  ['石', 'いし', 'ishi'], ['岡', 'おか', 'oka'], ['橋', 'はし', 'hashi'], ['浜', 'はま', 'hama'], ['沢', 'さわ', 'sawa'],
  ['宮', 'みや', 'miya'], ['森', 'もり', 'mori'], ['林', 'はやし', 'hayashi'], ['池', 'いけ', 'ike'], ['井', 'い', 'i'],
  ['谷', 'たに', 'tani'], ['崎', 'さき', 'saki'], ['津', 'つ', 'tsu'], ['江', 'え', 'e'], ['坂', 'さか', 'saka'],
  ['城', 'しろ', 'shiro'], ['平', 'ひら', 'hira'], ['長', 'なが', 'naga'], ['新', 'あら', 'ara'], ['青', 'あお', 'ao'],
  ['白', 'しら', 'shira'], ['黒', 'くろ', 'kuro'], ['赤', 'あか', 'aka'], ['富', 'とみ', 'tomi'], ['福', 'ふく', 'fuku'],
  ['鶴', 'つる', 'tsuru'], ['亀', 'かめ', 'kame'], ['熊', 'くま', 'kuma'], ['鹿', 'しか', 'shika'], ['若', 'わか', 'waka'],
];

/**
 * `n` areas: every real area plus synthetic ones, sorted by code. Designated cities join in
 * proportion to the real country (19 synthetic ones at n ≈ 1,900) as long as their wards fit.
 */
export function planCountry(n: number, real: readonly RealArea[], seed: number): PlannedArea[] {
  if (!Number.isInteger(n) || n < real.length) throw new Error(`--areas must be an integer of at least ${real.length} (the areas of data/)`);
  const used = new Set(real.map((a) => a.code));
  const names = new Set<string>();
  const areas: PlannedArea[] = real.map((a) => ({ ...a, lgCode: lgCode(a.code), nameJa: '', nameKana: '', nameEn: '', real: true }));
  const rng = stream(seed, 'country');
  const name = () => {
    for (let tries = 0; ; tries++) {
      const parts = [rng.pick(SYLLABLES), rng.pick(SYLLABLES), ...(tries > 50 ? [rng.pick(SYLLABLES)] : [])];
      const ja = parts.map((p) => p[0]).join('');
      if (names.has(ja) || parts[0] === parts[1]) continue;
      names.add(ja);
      const en = parts.map((p) => p[2]).join('');
      return { ja, kana: parts.map((p) => p[1]).join(''), en: en[0]!.toUpperCase() + en.slice(1) };
    }
  };

  let budget = n - real.length;
  const wantCities = Math.min(DESIGNATED.length, Math.round((budget * DESIGNATED.length) / (REAL_AREAS - real.length)));
  for (const [city, wards] of DESIGNATED.slice(0, wantCities)) {
    const codes = [city, ...Array.from({ length: wards }, (_, i) => String(Number(city) + i + 1).padStart(5, '0'))];
    if (codes.length > budget || codes.some((c) => used.has(c))) continue;
    budget -= codes.length;
    for (const c of codes) used.add(c);
    const cityName = name();
    areas.push({ code: city, lgCode: lgCode(city), kind: 'designated_city', parent: null, nameJa: `${cityName.ja}市`, nameKana: `${cityName.kana}し`, nameEn: `${cityName.en} City`, real: false });
    for (const ward of codes.slice(1)) {
      const w = name();
      areas.push({ code: ward, lgCode: lgCode(ward), kind: 'ward', parent: city, nameJa: `${w.ja}区`, nameKana: `${w.kana}く`, nameEn: `${w.en} Ward`, real: false });
    }
  }

  // Ordinary municipalities, dealt round the prefectures.
  const next = new Map<string, number>();
  for (let i = 0; i < budget; i++) {
    const prefecture = String((i % 47) + 1).padStart(2, '0');
    const r = rng.next();
    const kind = r < ORDINARY_KINDS[0].weight ? ORDINARY_KINDS[0] : r < ORDINARY_KINDS[0].weight + ORDINARY_KINDS[1].weight ? ORDINARY_KINDS[1] : ORDINARY_KINDS[2];
    const counter = `${prefecture}-${kind.first}`;
    let number = next.get(counter) ?? kind.first;
    while (used.has(`${prefecture}${number}`)) number++;
    if (number > kind.last) throw new Error(`too many areas for prefecture ${prefecture}: lower --areas`);
    next.set(counter, number + 1);
    const code = `${prefecture}${number}`;
    used.add(code);
    const m = name();
    areas.push({ code, lgCode: lgCode(code), kind: 'city', parent: null, nameJa: m.ja + kind.suffixJa, nameKana: m.kana + kind.suffixKana, nameEn: `${m.en} ${kind.suffixEn}`, real: false });
  }
  return areas.sort((a, b) => (a.code < b.code ? -1 : 1));
}
