/**
 * The hubs page's view model on the frozen 1.0.0 data. Expected rows are read by hand from
 * events.csv: 横浜市 (14100) has 12 event rows, two of which (plan2017-fy2015-public-awareness
 * 「市民啓発」 and plan2017-fy2015-ward-hub-lectures 「講演会」) are one set of events the
 * yokohama-plan-fy2017 document prints twice: both FY2015 (2015-04-01 to 2016-03-31), 29 sessions,
 * 1,961 people. The page lists them once, under both names.
 */
import { describe, expect, it } from 'vitest';
import { hubsSection } from '../../../src/lib/present/hubs-page.ts';
import { loadSiteData } from '../../../src/lib/site-data.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const site = loadSiteData(frozenData);

describe('the hubs page names a twice-printed set of events once', () => {
  for (const [lang, both, note] of [
    ['ja', '市民啓発／講演会', /「市民啓発」.*「講演会」.*29回、1,961人/],
    ['en', 'Public awareness events / Lectures (ward/hub level)', /Public awareness events.*Lectures \(ward\/hub level\).*29 sessions, 1,961 people/],
  ] as const) {
    it(`${lang}: 11 rows for 12 data rows, one of them naming both`, () => {
      const events = hubsSection(site, '14100', lang).events!;
      expect(events.rows).toHaveLength(11);
      // 講演会 also stands inside two other names (講演会・講座等, エンディング講座、講演会など); the folded row is the one of 29 sessions.
      const folded = events.rows.filter((r) => r[1] === both);
      expect(folded).toHaveLength(1);
      expect(folded[0]![2]).toBe('29');
      expect(String(folded[0]![3])).toMatch(/1,961/);
      // Neither name stands alone in another row.
      const alone = events.rows.filter((r) => r[1] === (lang === 'ja' ? '市民啓発' : 'Public awareness events') || r[1] === (lang === 'ja' ? '講演会' : 'Lectures (ward/hub level)'));
      expect(alone).toHaveLength(0);
      expect(events.note).toMatch(note);
    });
  }
});
