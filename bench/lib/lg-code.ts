/**
 * The check digit of the local-government code (全国地方公共団体コード, JIS X 0402): the six-digit
 * code is the five-digit area code followed by this digit.
 */

/** `14100` → `141003`: digits weighted 6, 5, 4, 3, 2; r = sum mod 11; check = 11 − r (10 → 0, 11 → 1). */
export function lgCode(areaCode: string): string {
  if (!/^[0-9]{5}$/.test(areaCode)) throw new Error(`not a 5-digit area code: ${areaCode}`);
  const sum = [...areaCode].reduce((acc, d, i) => acc + Number(d) * (6 - i), 0);
  const check = (11 - (sum % 11)) % 10; // 11 − 0 = 11 → 1, 11 − 1 = 10 → 0
  return areaCode + String(check);
}
