import { describe, expect, it } from 'vitest';
import { printFooterText } from '../../src/scripts/print-footer.ts';

const page = (lang: string) =>
  ({
    documentElement: { lang },
    body: { dataset: { release: '1.0.0', releasedOn: '2026-11-23' } },
    location: { href: 'https://example.org/wards/14101/' },
  }) as unknown as Document;

describe('printFooterText', () => {
  it('names the address, the release and the print date in Japanese', () => {
    expect(printFooterText(page('ja'), new Date(2026, 11, 1))).toBe('https://example.org/wards/14101/ · データ 1.0.0版（2026年11月23日公開） · 印刷 2026年12月1日');
  });

  it('and in English', () => {
    expect(printFooterText(page('en'), new Date(2026, 11, 1))).toBe('https://example.org/wards/14101/ · Data release 1.0.0 (23 Nov 2026) · Printed 1 Dec 2026');
  });
});
