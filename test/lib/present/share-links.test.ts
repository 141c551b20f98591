/** Share links carry the page's address and title, encoded, and point only at the sharing pages. */
import { describe, expect, it } from 'vitest';
import { shareLinks } from '../../../src/lib/present/share-links.ts';

describe('shareLinks', () => {
  it('encodes the address and title into LINE, X and mail links', () => {
    const links = shareLinks('https://example.org/wards/14101/', '鶴見区 | 統計 & more', 'ja');
    expect(links.map((l) => l.label)).toEqual(['LINE', 'X', 'メール']);
    expect(links[0]!.href).toBe('https://social-plugins.line.me/lineit/share?url=https%3A%2F%2Fexample.org%2Fwards%2F14101%2F');
    expect(links[1]!.href).toBe('https://x.com/intent/post?url=https%3A%2F%2Fexample.org%2Fwards%2F14101%2F&text=%E9%B6%B4%E8%A6%8B%E5%8C%BA%20%7C%20%E7%B5%B1%E8%A8%88%20%26%20more');
    expect(links[2]!.href).toBe('mailto:?subject=%E9%B6%B4%E8%A6%8B%E5%8C%BA%20%7C%20%E7%B5%B1%E8%A8%88%20%26%20more&body=https%3A%2F%2Fexample.org%2Fwards%2F14101%2F');
  });
});
