import { describe, expect, it } from 'vitest';
import { printFooterText } from '../../src/scripts/print-footer.ts';

/** A page as the layout writes it: the release and the print words of its language (`print.*`), and its locale. */
const page = (lang: string) =>
  ({
    documentElement: { lang },
    body: {
      dataset: lang === 'ja'
        ? { release: '1.0.0', releasedOn: '2026-11-23', locale: 'ja-JP', printRelease: 'データ 1.0.0版（2026年11月23日公開）', printPrinted: '印刷 {date}' }
        : { release: '1.0.0', releasedOn: '2026-11-23', locale: 'en-GB', printRelease: 'Data release 1.0.0 (23 Nov 2026)', printPrinted: 'Printed {date}' },
    },
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
